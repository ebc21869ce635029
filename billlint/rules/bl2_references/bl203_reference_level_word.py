"""BL203 reference-level-word: the rule's docstring is its user documentation."""

from __future__ import annotations

from ...analysis import references as refs
from ...model.vocabulary import EXPECTED
from ...model.findings import Report
from ..registry import rule
from .bl201_unresolved_reference import after_other_section
from .common import internal, other_law_near, other_section_near, quoted, shortest


@rule("BL203", "reference-level-word", "warning", fixable=True, reads=("references",))
def reference_level_word(doc, view):
    """
    A cross-reference's level word does not fit its designation.

    The level word names the highest unit of the reference: "subparagraph (B)", not "paragraph (B)";
    "subsection (b)(4)", not "paragraph (b)(4)". Roman versus letter is read by level, as in the text. A
    number without parentheses is a section number: "subsection 114(b)" is "section 114(b)". Reported
    where the right word makes the reference resolve, in the shortest form from where it stands
    ("paragraph (b)(1)" inside subsection (b): "paragraph (1)"), one finding and one fix a phrase.

    The fix is unsafe where it could retarget: "subclause (i)" inside subclause (II) may mean clause (i)
    or the sibling subclause (I); and where the reference may be another law's (another section is named
    in the sentence, its lead-in or a sibling item; or another law is, even without a section: "has the
    meaning given the term in the Example Act, except that a plan described in paragraph (B)"). Silent where the right word names nothing here and another
    law's section is cited before the reference in its sentence ("section 105(e)(1) of the Act ...
    subparagraph (e)(2)"): the unit is that law's.

    Bad: "paragraph (B)" where (B) is a subparagraph.
    Good: "subparagraph (B)".
    """
    for r in internal(doc, view):
        if r.this or not r.chains:
            continue
        if r.section_number:
            yield from _section_number(doc, r, view)
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
        fixed = [(right, core)] + [(refs.next_level(right) or lv, c) for lv, c in r.chains[0][1:2]] + r.chains[0][2:]
        target = refs.resolve_chain(doc, r.prov, fixed, view)
        if target is None and not r.scope and after_other_section(doc, r, view):
            continue   # another law's unit ("section 105(e)(1) of the Act ... subparagraph (e)(2)"): not ours to fix
        head = r.text.lower().find(r.word.lower())
        lower = r.text[head:head + len(r.word)].islower()
        safe = not other_section_near(doc, r, view) and not other_law_near(r)
        other = _same_level_reading(doc, r, view, level, core)
        if other is not None:
            safe = False
        short = shortest(doc, r, fixed, target, view) if target is not None and not r.joint and len(r.chains) == 1 else None
        fix = None
        if short is not None:
            new = refs.cite_chain(short)
            write = new
            if lower:
                fix = (r.start, r.end, new, safe)
        else:
            write = refs.cite_chain(fixed) if len(r.chains) == 1 else f"{right} ({core})"
            if lower and not r.joint:
                fix = (r.start + head, r.start + head + len(r.word), right, safe)
        also = f", or \"{other}\" if that is meant" if other else ""
        yield Report(f"{quoted(r.text)}: ({core}) is a {right} designation; write \"{write}\"{also}",
                     run=r.run, start=r.start, end=r.end, provision=r.prov, fix=fix)


def _section_number(doc, r, view):
    """ "subsection 114(b)": 114 is a section number; reported where section 114(b) exists."""
    if None in r.targets:
        return
    head = r.text.lower().find(r.word.lower())
    number = r.chains[0][0][1]
    safe = not other_section_near(doc, r, view) and not other_law_near(r)
    fix = (r.start + head, r.start + head + len(r.word), "section", safe) \
        if r.text[head:head + len(r.word)].islower() and not r.joint else None
    yield Report(f"{quoted(r.text)}: {number} is a section number; write \"section {r.text[head + len(r.word):].strip()}\"",
                 run=r.run, start=r.start, end=r.end, provision=r.prov, fix=fix)


def _same_level_reading(doc, r, view, level, core) -> str | None:
    """ "subclause (i)" where subclause (I) exists: the other letter case at the named level is a second reading."""
    alt = core.upper() if core.islower() else core.lower()
    if alt == core or refs.designation_class(level, alt) != EXPECTED[level]:
        return None
    chain = [(level, alt)] + r.chains[0][1:]
    return refs.cite_chain(chain) if refs.resolve_chain(doc, r.prov, chain, view) is not None else None


def _right_word(doc, r, view, level, core) -> str | None:
    """The level that a designation of this class has and that resolves from here."""
    candidates = refs.levels_for(core)
    for lv in candidates:
        chain = [(lv, core)] + r.chains[0][1:]
        if refs.resolve_chain(doc, r.prov, chain, view) is not None:
            return lv
    return candidates[0] if len(candidates) == 1 else None
