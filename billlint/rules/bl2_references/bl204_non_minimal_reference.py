"""BL204 non-minimal-reference: the rule's docstring is its user documentation."""

from __future__ import annotations

from ...model.patterns import lazy
from ...analysis import references as refs
from ...model.vocabulary import EXPECTED
from ...model.findings import Report
from ..registry import rule
from .common import by_run, internal, other_law_near, other_section_near, quoted, shortest


@rule("BL204", "non-minimal-reference", "info", fixable=True, reads=("references",))
def non_minimal_reference(doc, view):
    """
    A cross-reference is longer than it needs to be from where it stands.

    Cite from the nearest common unit: inside subsection (b), write "paragraph (4)", not "subsection
    (b)(4)"; inside section 2, "subsection (b)", not "section 2(b)"; and drop "of this section" inside
    the same section (HOLC Manual 341(e)). From inside subsection (c), "subsection (b)(4)" is right.
    Joint references ("clauses (i) and (ii) of subparagraph (A)") are left alone, and so is a reference that
    follows, coordinated, another with the same level word ("clauses (viii) and (ix) of paragraph (1)(A) and
    paragraph (2)(B)": shortened, "subparagraph (B)" would read as (1)(B)). Style advice, never a
    defect of meaning: info.

    Silent where the longer form avoids confusion (HOLC keeps "of this section" there): the sentence
    (to its full stops, provisos included), its list lead-in or a sibling item names another section, of
    this Act or of another law ("under subsection (c) of section 200402 of title 54"), the sentence cites
    another instrument's unit down to its subdivisions ("an order issued under Rule 23(c)(1) of the Federal
    Rules of Civil Procedure ... the requirement in subsection (a) of this section": without the qualifier,
    subsection (a) could be read as Rule 23(a)), or, for a shorter
    form, the sentence names one before the reference or the lead-in does, or, for a reference by section
    number, a sibling item does (a list whose items cite "section 60601(d)" keeps "section 60602(a)(2)"
    parallel); the reference
    follows "as added by", "as amended by" or "as redesignated by"; and through a section where any
    reference keeps "of this section" for that reason, since drafters keep one form across a section.
    Silent in appropriations text, whose general provisions write "subsection (a) of this section" by
    convention. A level word that does not fit the designation is reference-level-word's to report.

    A shortened reference drops its "of this section" too ("subsection (a)(1) of this section" inside
    subsection (a): "paragraph (1)", not "paragraph (1) of this section"); that fix is not safe where the
    sentence names another law ("notwithstanding title 10, United States Code"), for which the qualifier may
    have been kept.

    Bad (in subsection (b)): "the individual described in subsection (b)(4)".
    Good: "the individual described in paragraph (4)".
    """
    found, kept = [], set()
    runs = by_run(doc, view)
    for r in internal(doc, view):
        if r.this or r.joint or len(r.chains) != 1 or r.targets[0] is None or r.section_number:
            continue
        level, core = r.chains[0][0]
        if level in EXPECTED and refs.designation_class(level, core) not in (EXPECTED[level], None):
            continue   # "paragraph (b)(1)": reference-level-word gives the one right form
        if doc.in_appropriations(r.prov):
            continue
        section = refs.enclosing(r.prov, "section")
        short = shortest(doc, r, r.chains[0], r.targets[0], view)
        if short is not None and _parallel(r, runs[id(r.run)]):
            continue   # "clauses (viii) and (ix) of paragraph (1)(A) and paragraph (2)(B)": one form for both
        # dropping "of this section" loses what tells it from any other section in the sentence or list; a
        # shorter reference can be captured only by a section the reader met before it
        if other_section_near(doc, r, view, whole=short is None):
            if r.qualifier_end:
                kept.add(id(section))
            continue
        found.append((r, section, short))
    for r, section, short in found:
        chain = r.chains[0]
        if short is not None:
            new = refs.cite_chain(short)
            text = r.text
            # "subsection (a)(1) of this section" -> "paragraph (1)": the qualifier goes too, or the fix would
            # write "paragraph (1) of this section", a unit the section does not have
            end = r.qualifier_end if r.scope == "section" and r.qualifier_end else r.end
            yield Report(f"{quoted(text)} can be {quoted(new)} here", run=r.run, start=r.start, end=r.end, provision=r.prov,
                         fix=(r.start, end, new if text[0].islower() else new[0].upper() + new[1:],
                              end == r.end or not other_law_near(r)))
        elif r.scope == "section" and chain[0][0] != "section" and r.qualifier_end and id(section) not in kept:
            tail = r.run.text[r.end:r.qualifier_end]
            yield Report(f"drop {quoted(tail)}: the reference already stands in this section",
                         run=r.run, start=r.end, end=r.qualifier_end, provision=r.prov,
                         fix=(r.end, r.qualifier_end, "", True))


_COORDINATED = lazy(r"^\s*,?\s*(?:and|or|and/or)\s+$")


def _parallel(r, runs: list) -> bool:
    """Whether r follows, coordinated, a reference that starts with the same level word: shortened alone it
    would read as a unit of that one ("paragraph (1)(A) and subparagraph (B)" reads as (1)(B)). Before such a
    reference ("paragraph (8)(F)(i) or paragraph (10)(B)" -> "clause (i) or paragraph (10)(B)") it may shorten."""
    i = runs.index(r)
    a = runs[i - 1] if i else None
    return a is not None and bool(_COORDINATED.match(a.run.text[a.end:r.start])) and bool(a.chains) \
        and a.chains[0][0][0] == r.chains[0][0][0]
