"""BL105 header-missing: the rule's docstring is its user documentation."""

from __future__ import annotations


from ...model.patterns import lazy
from ...model.findings import Report
from ..bl4_text.common import appropriations_text
from ..registry import rule
from .common import groups

# A header written as the first words of the text: "Section 179 Property To Include Qualified Real Property.—"
_RUN_IN = lazy(r"^\s*([A-Z][^.—;:]{0,150}?)\.—")
# An item of an amendment list, lettered as a subsection by a slip: "(c) by inserting after subsection (h) ..."
_INSTRUCTION = lazy(r"^\s*(?:(?:in|at)\s+[^,;—]{1,80},\s*)?by\s+(?:striking|inserting|adding|redesignating|amending)\b")


@rule("BL105", "header-missing", "warning", reads=("provisions",))
def header_missing(doc, view):
    """
    Some sibling sections or subsections have headers and others do not.

    If one section has a header, all should; the same holds for the subsections of a section. Quoted
    text of other laws keeps its own style and is not checked, nor is appropriations text, where
    general provisions customarily go without headers, nor the subsections of a section that appropriates
    (its first subsection headed, the ones on administration and availability not). The rule reports the
    fewer side. A unit whose header is written as the first words of its text ("Qualified Real
    Property.—" inside the text element) is told to tag it as a header. A unit whose text is an item of an
    amendment instruction ("(c) by inserting after subsection (h) ..." after "(1) ...; (2) ...; and") is told
    that it belongs in the list above: a header would be wrong there.

    Bad: sections 1 and 2 with headers, section 3 without.
    Good: every section with a header.
    """
    for _parent, group in groups(doc, view):
        if group[0].level not in ("section", "subsection") or group[0].quoted is not None \
                or doc.in_appropriations(group[0]):
            continue
        if group[0].level == "subsection" and _parent is not None and appropriations_text(doc, _parent, view):
            continue   # a section that appropriates takes the appropriations style
        group = [p for p in group if p.designation is not None]
        with_header = [p for p in group if p.header]
        without = [p for p in group if not p.header]
        if not with_header or not without:
            continue
        level = group[0].level
        if len(without) <= len(with_header):
            others = ", ".join(q.cite for q in with_header[:3])
            for p in without:
                if _INSTRUCTION.match(_first_text(p)):
                    # an amendment instruction's item, cut off from its list: the place is the slip, not the header
                    yield Report(f"this {level}'s text is an item of an amendment instruction (\"{_first_text(p).strip()[:40]}"
                                 f"…\"): it belongs in the list of the instruction before it, as its next item, not "
                                 f"here with a header", el=p.el, provision=p)
                    continue
                run_in = _RUN_IN.match(_first_text(p))
                if run_in:
                    yield Report(f'markup: this {level}\'s header ("{run_in.group(1).strip()[:60]}") is written as its '
                                 "text: tag it as the header", el=p.el, provision=p)
                    continue
                yield Report(f"this {level} has no header, but its siblings do ({others}"
                             f"{', ...' if len(with_header) > 3 else ''})", el=p.el, provision=p)
        else:
            for p in with_header:
                yield Report(f"this {level} has a header, but its {len(without)} siblings do not",
                             el=p.el, provision=p)


def _first_text(p) -> str:
    """The words of p's first text element (after its designation)."""
    el = next((c for c in p.el if c.tag == "text"), None)
    return "".join(el.itertext()) if el is not None else ""
