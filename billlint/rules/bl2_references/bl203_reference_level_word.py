"""BL203 reference-level-word: the rule's docstring is its user documentation."""

from __future__ import annotations

from ...analysis import references as refs
from ...model.vocabulary import EXPECTED
from ...model.findings import Report
from ..registry import rule
from .common import internal, quoted


@rule("BL203", "reference-level-word", "warning", fixable=True, reads=("references",))
def reference_level_word(doc, view):
    """
    A cross-reference's level word does not fit its designation.

    The level word names the highest unit of the reference: "subparagraph (B)", not "paragraph (B)";
    "subsection (b)(4)", not "paragraph (b)(4)". Roman versus letter is read by level, as in the text.

    Bad: "paragraph (B)" where (B) is a subparagraph.
    Good: "subparagraph (B)".
    """
    for r in internal(doc, view):
        if r.this or not r.chains:
            continue
        level, core = r.chains[0][0]
        if level not in EXPECTED or level == "section":
            continue
        cls = refs.designation_class(level, core)
        if cls == EXPECTED[level] or cls is None:
            continue
        right = _right_word(doc, r, view, level, core)
        if right is None:
            continue
        fix = None
        head = r.text.lower().find(r.word.lower())
        if r.text[head:head + len(r.word)].islower() and not r.joint:
            fix = (r.start + head, r.start + head + len(r.word), right, True)
        yield Report(f"{quoted(r.text)}: ({core}) is a {right} designation; write \"{right} ({core})\"",
                     run=r.run, start=r.start, end=r.end, provision=r.prov, fix=fix)


def _right_word(doc, r, view, level, core) -> str | None:
    """The level that a designation of this class has and that resolves from here."""
    candidates = refs.levels_for(core)
    for lv in candidates:
        chain = [(lv, core)] + r.chains[0][1:]
        if refs.resolve_chain(doc, r.prov, chain, view) is not None:
            return lv
    return candidates[0] if len(candidates) == 1 else None
