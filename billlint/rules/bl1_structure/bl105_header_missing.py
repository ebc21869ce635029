"""BL105 header-missing: the rule's docstring is its user documentation."""

from __future__ import annotations

from ...model.findings import Report
from ..registry import rule


@rule("BL105", "header-missing", "warning", reads=("provisions",))
def header_missing(doc, view):
    """
    Some sibling sections or subsections have headers and others do not.

    If one section has a header, all should; the same holds for the subsections of a section. Quoted
    text of other laws keeps its own style and is not checked, nor is appropriations text, where
    general provisions customarily go without headers. The rule reports the fewer side.

    Bad: sections 1 and 2 with headers, section 3 without.
    Good: every section with a header.
    """
    for _parent, group in doc.groups(view):
        if group[0].level not in ("section", "subsection") or group[0].quoted is not None \
                or doc.in_appropriations(group[0]):
            continue
        group = [p for p in group if p.designation is not None]
        with_header = [p for p in group if p.header]
        without = [p for p in group if not p.header]
        if not with_header or not without:
            continue
        level = group[0].level
        if len(without) <= len(with_header):
            others = ", ".join(q.cite for q in with_header[:3])
            for p in without:
                yield Report(f"this {level} has no header, but its siblings do ({others}"
                             f"{', ...' if len(with_header) > 3 else ''})", el=p.el, provision=p)
        else:
            for p in with_header:
                yield Report(f"this {level} has a header, but its {len(without)} siblings do not",
                             el=p.el, provision=p)
