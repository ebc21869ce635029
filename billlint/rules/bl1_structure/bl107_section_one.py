"""BL107 section-one: the rule's docstring is its user documentation."""

from __future__ import annotations

from ...model.vocabulary import ARABIC
from ...model.findings import Report
from ..registry import rule
from .common import top_sections


@rule("BL107", "section-one", "warning", reads=("provisions",))
def section_one(doc, view):
    """
    The bill's first numbered section is not section 1.

    A bill's sections start at section 1 (usually the short title). Checked only where the first
    section is numbered: appropriations text and resolutions with undesignated sections are exempt.

    Bad: a bill whose first section is "SEC. 2.".
    Good: "SECTION 1. SHORT TITLE."
    """
    if doc.kind != "bill":
        return
    sections = top_sections(doc, view)
    if not sections:
        return
    p = sections[0]
    d = p.designation
    if d is None or d.cls != ARABIC or (d.value == 1 and not d.suffix):
        return
    if any(a.level == "division" for a in p.ancestors()):
        return  # a bill that opens with a division numbers each division on its own
    yield Report(f"the first section is {p.cite}, not sec. 1", el=p.el, provision=p)
