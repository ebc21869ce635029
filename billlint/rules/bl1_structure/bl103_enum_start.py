"""BL103 enum-start: the rule's docstring is its user documentation."""

from __future__ import annotations

from ...analysis.designations import first, fmt
from ...model.vocabulary import EXPECTED
from ...model.findings import Report
from ..registry import rule
from .common import SUB_LEVELS


@rule("BL103", "enum-start", "warning", reads=("provisions",))
def enum_start(doc, view):
    """
    The first provision of a level does not start at the first designation.

    The first live subsection is (a), the first paragraph (1), the first subparagraph (A), the first
    clause (i), subclause (I), item (aa), subitem (AA). Inside a quoted block a list may start anywhere,
    since it continues the amended law's list.

    Bad: a section whose first subsection is (b) (often after (a) was struck without redesignating).
    Good: (a), (b), (c).
    """
    for _parent, group in doc.groups(view):
        p = group[0]
        if p.quoted is not None or p.level not in SUB_LEVELS:
            continue
        d, cls = p.designation, EXPECTED[p.level]
        if d is None or d.cls != cls or d.value == 1 and not d.suffix:
            continue
        yield Report(f"the first {p.level} should be {fmt(first(cls), p.level)}; found {fmt(d.core, p.level)}",
                     el=p.el, provision=p)
