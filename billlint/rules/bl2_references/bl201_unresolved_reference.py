"""BL201 unresolved-reference: the rule's docstring is its user documentation."""

from __future__ import annotations

from ...model.patterns import lazy
from ...analysis import references as refs
from ...analysis import tables
from ...analysis.resolution import searched
from ...model.vocabulary import ABOVE_SECTION, WARNING
from ...model.findings import Report
from ..registry import rule
from .common import (LAW, THIS_BILL, act_before, all_refs, amendment_text, by_run, descendants, governs_law,
                     inserted_by, internal, level_absent, quoted, run_in, split_from)


@rule("BL201", "unresolved-reference", "error", reads=("references",))
def unresolved_reference(doc, view):
    """
    An internal cross-reference names a provision the bill does not have.

    "paragraph (4)" means paragraph (4) of the nearest enclosing unit that has paragraphs; "subsection
    (b)(4)" means subsection (b) of the enclosing section, then its paragraph (4); "section 3(c)" means
    section 3 of this bill (HOLC Manual 341(f)); "sections 102–104" is a range; "section 201 of division A" (or
    "of title II") is looked for anywhere in that unit, in its titles, subtitles and parts too; "section 2(c)" in
    section 2 and in a section without a number straight after it (USLM 1.0 markup that split a section's later
    subsections off). The message names the unit searched ("sec. 3(b) has no paragraph (5)").

    Certain (error): a reference in the bill's own text that no qualifier takes out of the bill, or one
    that says "of this Act" or "of this section", names a unit the bill lacks where it is searched (a
    section anywhere in the bill; a paragraph in the nearest enclosing unit that has paragraphs).

    Silent where the reference may be another law's: references to other laws ("of title 5, United States
    Code", "of the ... Act", "of such form", "from General Instruction I.B.6.", also past an aside of any
    length: "section 7 (as in effect on the day before the date of enactment of ...) of the X Act"), in
    amendment instructions (and in the corrections a concurrent resolution orders in another measure's
    enrollment: "(1) Strike subsection (a) of section 1 and insert ...") and in quoted text; terms of art
    ("a section 902 corporation", and a bare section number with a noun
    straight after it, not a verb: "the 2021 section 8 renewal funding", "section 202 projects", and so a bare
    title or part: "title I funds", "part D plans"; and a program's name built on one: "the Section 8 Management
    Assessment Program"); a
    reference under a list lead-in that names another law ("the following provisions of the Internal
    Revenue Code of 1986:"), a bare section number under a lead-in higher up that makes another law the frame
    of the whole list ("For purposes of the Internal Revenue Code of 1986—" over "(2) Paragraph (1) shall not
    apply to— (A) any amount described in section 45(c)"), or after another law's section in the same
    sentence; a bare section number in
    a provision that amends another law, or in a section that amends another law when that law's section
    is cited later in the sentence ("returns under section 6050S ... for purposes of section 32(n) of the
    Internal Revenue Code of 1986"); coordinated references that share a trailing qualifier ("subparagraph
    (A) or subparagraph (C) of paragraph (1)": (A) is paragraph (1)'s; "in section 12 and in section 13 of",
    "section 16 as well as section 17 of", "the first sentence of section 29(a) and the last sentence of
    section 30(b) of", "section 23, including subsection (c) thereof, of" the X Act); units that a quoted
    block in the
    same section has just written into the amended law ("subparagraphs (F) through (H)" after subsection
    (a) rewrote them); "subsection 114(b)" (a section number after a lower level word: reference-level-word
    reports it); a survey's or a map's sections ("T. 11 S., R. 62 E., Section 25", "the tax map of the Town
    for section 110"); a unit put into another law's section ("added paragraph (h)(30) to section 1308.11 of
    title 21, Code of Federal Regulations"); another document's own numbering ("paragraph 2.b. of the
    Settlement Agreement"); an item the named unit enumerates in its own running text, with no units marked up
    ("section 106(3)" where section 106 reads "until whichever first occurs: (1) ...; (2) ...; or (3) December
    20, 2024", as continuing resolutions write it; "(a) ... prior years. (b) ...").

    A warning, not an error, where the evidence leaves another reading open (the message says which):
    - the reference stands in text the bill inserts into another law (a quoted whole section), or in an
      amendment's block of text for the measure it amends: the amended text's other parts are not in the file;
    - a bare section number the bill lacks, in a section that amends another law (its effective date's
      "rules similar to the rules of section 954(d)(3)": the amended Code's, or a slip), or in a title or
      division whose sections amend another law ("a violation of section 102(a)(1)(F)" in a division that
      amends the Family and Medical Leave Act), unless an amendment is said to be made by it ("the
      amendments made by section 305"); so is a title or part the bill lacks in a section that amends
      another law ("a State plan approved under title XIX" beside an amendment of the Social Security Act);
    - a bare section number the bill lacks, with another law's section cited later in the same sentence
      or elsewhere in the provision, or "of this Act" after another law's section in the sentence (text
      lifted from that law, where "this Act" meant it); a subsection or paragraph the bill lacks where it
      stands, after another law's section in the provision's text (it may be that section's);
    - the units do not resolve where the reference stands but do in a unit cited just before, in the
      same or the previous sentence ("paragraphs (2) to (5) of subsection (a) ... The members appointed
      under paragraphs (5) and (6)"): loose, but readable; the message names the unit;
    - the reference stands in a section without a number (markup that split a section's later
      subsections off) and the numbered section before it lacks the units too (where that section has
      them, they are the ones meant: silent);
    - a title, part or other unit above sections where the bill has no unit of that level at all ("items
      under part B" in a bill without parts): another law's, probably, whose name was left out;
    - a bare section number the bill lacks (or whose units it lacks), after another Act's name in the same sentence
      ("For purposes of the Occupational Safety and Health Act of 1970, ... an employer described in section 3(5)")
      or earlier in the provision's text: that Act's, probably, with "of such Act" left out;
    - a bare section number the bill lacks that names a section the bill inserts into another law ("grants
      under section 340J(a)" where section 101 adds a section 340J to the Public Health Service Act): meant,
      probably, but the law goes unnamed;
    - a section number followed straight by an Act's name ("section 376 the FAA Reauthorization Act of
      2018") is another law's with "of" left out.

    A reference to a unit the bill's own table of contents lists but its body lacks ("the funding table in
    section 4101" in a print that leaves out the funding tables) is not reported here: toc-mismatch reports
    the body lacking the table's entries.

    Bad: "as described in paragraph (5)" in a subsection with paragraphs (1) to (4).
    Good: "as described in paragraph (4)".
    """
    for r in all_refs(doc, view):
        if r.missing_of:
            yield Report(f"{quoted(r.text)} is followed by an Act's name: insert \"of\" between them "
                         "(it cites another law, not this one)", run=r.run, start=r.start, end=r.end,
                         provision=r.prov, severity=WARNING)
    for r in internal(doc, view):
        if r.whole or not r.scope and other_law(doc, r, view):
            continue
        # a bare section number in a provision that cites another law's sections may be that law's; so may a
        # paragraph or subsection after another law's section in the same provision's text ("Section 5 of the
        # X Act applies. The limits in paragraph (3) do not.")
        cited = not r.scope and (any(id(a) in _outside(doc, view)[1] for a in [r.prov, *r.prov.ancestors()])
                                 if _bare_section(r) else bool(r.chains) and _below_section(r)
                                 and r.prov.quoted is None
                                 and any(o < r.start for o in _outside(doc, view)[0].get(id(r.run), ())))
        missing = [chain for chain, target, struck in zip(r.chains or [None], r.targets, r.struck)
                   if target is None and not struck]
        if not missing or r.section_number:
            continue
        if all(chain and chain[0] in tables.lacked(doc, view) for chain in missing):
            continue   # a unit the bill's own table lists: toc-mismatch reports the body lacking it
        if all(chain and run_in(doc, r, chain, view) for chain in missing):
            continue   # "section 106(3)" where section 106 lists "(1) ...; (2) ...; or (3) ..." in its text
        warn, hint = cited, ""
        if missing == [None]:
            msg = f"{quoted(r.text)}: this provision is not inside a {r.word}"
        else:
            if not r.scope and all(_rewritten(doc, r, chain, view) for chain in missing):
                continue
            if not r.scope and all(_shared_qualifier(doc, r, chain, view) for chain in missing):
                continue   # "subparagraph (A) or subparagraph (C) of paragraph (1)": (A) is paragraph (1)'s
            # a bare section number none of whose sections the bill has
            absent = _bare_section(r) and all(refs.resolve_chain(doc, r.prov, c[:1], view) is None for c in missing)
            later = not r.scope and absent and _other_section_after(doc, r, view)
            if later and _section_amends(doc, r, view):
                continue   # "under section 6050S ... of section 32(n) of the Internal Revenue Code", in a Code section
            # an effective date's "rules similar to the rules of section 954(d)(3)" in a section that amends the Code
            # (or in a division whose sections amend one law: "a violation of section 102(a)(1)(F)" of the FMLA)
            amended = not r.scope and absent and not _MADE_BY.search(r.run.text[max(0, r.start - 40):r.start]) \
                and _amending_unit(doc, r, view)
            # likewise a title or part the bill lacks ("a State plan approved under title XIX") in a section that
            # amends another law
            if not r.scope and not absent and r.chains and r.chains[0][0][0] in ABOVE_SECTION \
                    and all(c and c[0][0] in ABOVE_SECTION for c in missing) and _section_amends(doc, r, view):
                amended = "section"
            within = refs.enclosing(r.prov, r.scope) if r.scope and r.scope not in ("Act", "resolution") else None
            where = [searched(doc, r.prov, chain, view, within) for chain in missing[:3]]
            by_holder: dict = {}
            for holder, unit in where:
                if unit not in by_holder.setdefault(holder, []):
                    by_holder[holder].append(unit)
            what = "; ".join(f"{holder} has no {' or '.join(units)}" for holder, units in by_holder.items()) \
                + (" ..." if len(missing) > 3 else "")
            msg = f"{quoted(r.text)} does not resolve: {what}"
            carried = None if r.scope or _bare_section(r) else _carried(doc, r, missing, view)
            if carried is not None:
                unit = refs.cite_chain([(carried.level, carried.designation.core)]) if carried.designation \
                    else carried.cite
                warn, hint = True, (f"; {unit}, cited just before, has {'them' if len(missing) > 1 else 'it'}:"
                                    f" if that is meant, add \"of {unit}\"")
            elif not r.scope and absent and (by := inserted_by(doc, r.chains[0][0][1], view)) is not None:
                # "grants under section 340J(a)" where section 101 inserts a section 340J into another law
                warn, hint = True, (f"; {by.path} inserts a section {r.chains[0][0][1]} into another law: if that "
                                    "is meant, name that law")
            elif later or absent and r.scope == "Act" and after_other_section(doc, r, view) \
                    and not _MADE_BY.search(r.run.text[max(0, r.start - 40):r.start]):
                warn, hint = True, "; if it is a section of the other law cited in this sentence, name that law"
            elif amended:
                warn, hint = True, (f"; if it is a {r.chains[0][0][0]} of the law this {amended} amends, name "
                                    "that law")
            elif not r.scope and _bare_section(r) and (act := act_before(doc, r, not cited)):
                # "For purposes of the Occupational Safety and Health Act of 1970, ... section 3(5)": that Act's
                warn, hint = True, (f"; if it is a section of the Act named before it in this {act[1]} "
                                    f"({act[0]}), name that law")
            elif not r.scope and (level := level_absent(doc, missing, view)):
                # "items under part B" in a bill with no parts: another law's part with its law left unnamed
                warn, hint = True, f"; it has no {level} at all: if it is another law's, name that law"
            elif cited:
                hint = ("; if it is a section of the other law cited here, name that law" if _bare_section(r) else
                        "; if it is a unit of the other law's section cited here, name that section")
        split = split_from(doc, r, view)
        if split is not None:
            # a section without a number: often a section's later subsections split off by markup, whose
            # units are the numbered section's before it
            if missing != [None] and all(refs.resolve_chain(doc, split, c, view, within=split) for c in missing):
                continue
            warn, hint = True, hint + "; it stands in a section without a number, whose units may be another's"
        if r.prov.quoted is not None:
            # text this bill inserts into another law: that law's parts outside the block are not visible
            warn, hint = True, hint + ("; it stands in text inserted into another law, whose other parts the bill "
                                       "does not show")
        elif id(r.prov) in amendment_text(doc):
            # an amendment's text for the measure it amends, which is not in this file
            warn, hint = True, hint + ("; it stands in an amendment's text for the measure it amends, which this "
                                       "file does not hold")
        yield Report(msg + hint, run=r.run, start=r.start, end=r.end, provision=r.prov,
                     severity=WARNING if warn else None)


def _framed(doc, mine, view) -> bool:
    """Whether a lead-in two or more levels up sets another law as the frame, with no lead-in nearer that names
    this bill ("For purposes of the X Code—" over "(2) In the case of a grant under this Act— (A) ... section 4(c)":
    the nearer frame is this bill's)."""
    governs = governs_law(doc, view)
    for n, a in enumerate(mine[1:], 1):
        if n >= 2 and id(a) in governs:
            return True
        if a.children and THIS_BILL.search(doc.text(a.el, view).text):
            return False
    return False


def other_law(doc, r, view) -> bool:
    """Whether a reference with no "of this ..." may be another law's: see the docstring's silent classes."""
    if not r.chains:
        return False
    if after_other_section(doc, r, view):
        return True  # "section 170(d)(1) of such Code ... section 170(b)(1)(G)(ii)": the same law
    provs = _outside(doc, view)[1]
    start, _ = refs.sentence_bounds(r.run.text, r.start)
    mine = [r.prov, *r.prov.ancestors()]
    if r.prov.parent is not None and _names_law(doc, r.prov.parent, view):
        return True  # a list item under a lead-in that names another law: "(1) Section 6662A"
    if r.chains[0][0][0] == "section" or r.chains[0][0][0] in ABOVE_SECTION:
        # a bare section number in a provision that amends another law: that law's section; or under a lead-in
        # higher up that sets another law as the frame of all below it ("For purposes of the Internal Revenue
        # Code of 1986—" over "(2) Paragraph (1) shall not apply to— (A) any amount described in section 45(c)")
        return _bare_section(r) and (any(_amends(doc, a, view) for a in mine) or _framed(doc, mine, view))
    if any(id(a) in provs for a in mine[1:]):
        return True  # a list item under a lead-in that cites another law's section: "(C) ... subsection (e)"
    # appropriations text outside any section (under a heading) cites the Act its heading names; a
    # provision that names a heading ("under the heading "X"") cites that heading's paragraphs; and a
    # proviso speaks of the appropriation it qualifies
    return doc.in_appropriations(r.prov) and (refs.enclosing(r.prov, "section") is None or
                                              r.run.marked_between(start, r.start, "quote") or
                                              r.run.marked_between(0, r.start, "proviso"))


def after_other_section(doc, r, view) -> bool:
    """Whether another law's section is cited before r in its sentence: r is read as that law's unit."""
    start, _ = refs.sentence_bounds(r.run.text, r.start)
    return any(start <= o < r.start for o in _outside(doc, view)[0].get(id(r.run), ()))


def _below_section(r) -> bool:
    return r.chains[0][0][0] not in ("section", *ABOVE_SECTION)


def _bare_section(r) -> bool:
    return bool(r.chains) and r.chains[0][0][0] == "section" and r.chains[0][0][1][:1].isdigit()


def _names_law(doc, prov, view) -> bool:
    """A lead-in that names another law ("... provisions of the Internal Revenue Code of 1986:")."""
    def build():
        return {id(p) for p in doc.provisions_in(view)
                if p.children and LAW.search(doc.text(p.el, view).text)}
    return id(prov) in doc.memo(("names law", view), build)


def _amends(doc, prov, view) -> bool:
    """A provision holding an amendment instruction ("Section 5 of such Act is amended ...")."""
    def build():
        return {id(p) for p in doc.provisions_in(view) if p.quoted is None
                and refs.amending_offsets(doc, p, doc.text(p.el, view), False) is not None}
    return id(prov) in doc.memo(("amends", view), build)


def _rewritten(doc, r, chain, view) -> bool:
    """Units that a quoted block elsewhere in the same section writes into the amended law: subsection (a)
    "Section 6(o)(3) ... is amended to read as follows:" and then (b) "The exceptions in subparagraphs (F)
    through (H) ...". The reader takes them as the amended law's; they are not this bill's."""
    section = refs.enclosing(r.prov, "section") if r.prov.quoted is None else None
    if section is None:
        return False
    level, core = chain[0]
    mine = {id(a) for a in [r.prov, *r.prov.ancestors()]}
    for p in doc.provisions_in(view):
        if p.quoted is None or p.level != level or p.designation is None or p.designation.core != core:
            continue
        outer = p.outer    # the block stands in another provision of the section, before the reference
        if outer is not None and id(outer) not in mine and section in outer.ancestors() and p.line < r.prov.line:
            hit = p
            for lv, c in chain[1:]:
                hit = next((k for k in hit.children if k.in_view(view) and k.designation
                            and k.designation.core == c), None)
                if hit is None:
                    break
            if hit is not None:
                return True
    return False


def _outside(doc, view):
    """Starts of references to other laws' sections, by text run; and the provisions holding them."""
    def build():
        by_run, provs = {}, set()
        for o in all_refs(doc, view):
            if o.kind != refs.INTERNAL and o.chains and o.chains[0][0][0] in ("section", *ABOVE_SECTION):
                by_run.setdefault(id(o.run), []).append(o.start)
                provs.add(id(o.prov))
        return by_run, provs
    return doc.memo(("outside", view), build)


# "as amended by section 305 of this Act": an amendment this Act makes, whatever law it amends
_MADE_BY = lazy(r"\b(?:added|amended|inserted|redesignated|made|enacted|repealed)\s+by\s+$")
_COORDINATED = lazy(r"^\s*,?\s*(?:(?:and|or|and/or)\s+)?$")


def _shared_qualifier(doc, r, chain, view) -> bool:
    """Whether a reference coordinated with a later one that carries a qualifier ("subparagraph (A) or
    subparagraph (C) of paragraph (1)") resolves under that qualifier: the trailing "of" governs both."""
    text, end = r.run.text, r.end
    for o in by_run(doc, view).get(id(r.run), ()):
        if o.start < end or o is r:
            continue
        if not _COORDINATED.match(text[end:o.start]):
            return False
        for ch in o.chains[:1]:
            k = next((i for i, (lv, _c) in enumerate(ch) if i and lv == chain[0][0]), None)
            if k is not None:
                return refs.resolve_chain(doc, r.prov, ch[:k] + list(chain), view) is not None
        end = o.end
    return False


def _carried(doc, r, missing, view):
    """The unit cited earlier in the sentence or the one before ("paragraphs (2) to (5) of subsection (a) ...
    The members appointed under paragraphs (5) and (6)") in which the missing units all resolve, if any."""
    if any(lv == "section" or lv in ABOVE_SECTION for c in missing for lv, _ in c[:1]):
        return None
    text = r.run.text
    start, _ = refs.sentence_bounds(text, r.start)
    if start > 1:
        start, _ = refs.sentence_bounds(text, start - 2)
    for o in reversed(by_run(doc, view).get(id(r.run), ())):
        if o.start >= r.start or o.start < start:
            continue
        for t in o.targets:
            holder = next((a for a in [t, *t.ancestors()] if any(c.level == missing[0][0][0] for c in a.children)),
                          None) if t is not None else None
            if holder is not None and all(refs.resolve_chain(doc, holder, c, view, holder) is not None
                                          for c in missing):
                return holder
    return None


def _other_section_after(doc, r, view) -> bool:
    """Whether another law's section is cited after r in its sentence ("under section 6050S ... for purposes of
    section 32(n) of the Internal Revenue Code of 1986")."""
    _, end = refs.sentence_bounds(r.run.text, r.start)
    return any(r.end <= o < end for o in _outside(doc, view)[0].get(id(r.run), ()))


def _section_amends(doc, r, view) -> bool:
    """Whether the section holding r amends another law in any of its provisions (a tax section whose
    subsection (a) amends the Code and whose (b) cites the Code's other sections by bare number)."""
    return _holds_amendment(doc, refs.enclosing(r.prov, "section"), view)


def _amending_unit(doc, r, view) -> str | None:
    """The section holding r, or else the unit above it (title, division), if it amends another law: its level.
    The unit above counts only for a number outside its own hundreds (division C's sections 3101-3106 and "section
    107(a)"): in its own hundreds ("section 107" in title I) the number is a slip for one of the bill's sections."""
    if _section_amends(doc, r, view):
        return "section"
    above = next((a for a in r.prov.ancestors() if a.level in ABOVE_SECTION), None)
    if above is None or not _holds_amendment(doc, above, view):
        return None
    num = r.chains[0][0][1] if r.chains else ""
    value = int(num[:len(num) - len(num.lstrip("0123456789"))] or 0)
    own = {p.designation.value // 100 for p in descendants(above) if p.level == "section" and p.designation
           and p.designation.value}
    return above.level if value // 100 not in own else None


def _holds_amendment(doc, unit, view) -> bool:
    return unit is not None and any(_amends(doc, p, view) for p in descendants(unit))
