"""BL201 unresolved-reference: the rule's docstring is its user documentation."""

from __future__ import annotations

import re

from ...analysis import references as refs
from ...analysis import tables
from ...analysis.resolution import searched
from ...model.vocabulary import ABOVE_SECTION, WARNING
from ...model.findings import Report
from ..registry import rule
from .common import all_refs, internal, quoted

# Another law named in a lead-in: "the following provisions of the Internal Revenue Code of 1986:"
_LAW = re.compile(r"\b(?!(?:This|The|Such|That)\s)(?:[A-Z][\w'’.–-]*,?\s+(?:(?:of|and|for|to|on|the|in)\s+)*){1,12}"
                  r"(?:Act|Code)\b|\bUnited\s+States\s+Code\b|\bPublic\s+Law\b|\bsuch\s+(?:Act|Code)\b")


@rule("BL201", "unresolved-reference", "error", reads=("references",))
def unresolved_reference(doc, view):
    """
    An internal cross-reference names a provision the bill does not have.

    "paragraph (4)" means paragraph (4) of the nearest enclosing unit that has paragraphs; "subsection
    (b)(4)" means subsection (b) of the enclosing section, then its paragraph (4); "section 3(c)" means
    section 3 of this bill (HOLC Manual 341(f)). The message names the unit searched ("sec. 3(b) has no
    paragraph (5)").

    Certain (error): a reference no qualifier takes out of the bill, or one that says "of this Act" or
    "of this section", names a unit the bill lacks. Silent where the reference may be another law's:
    references to other laws ("of title 5, United States Code", "of the ... Act", "of such form", "from
    General Instruction I.B.6."), in amendment instructions and in quoted text; terms of art ("a section
    902 corporation", and a bare section number with a noun straight after it, not a verb: "the 2021 section 8
    renewal funding", "section 202 projects"); a reference under a list lead-in that names another law ("the following provisions
    of the Internal Revenue Code of 1986:"), or after another law's section in the same sentence; a bare
    section number in a provision that amends another law; units that a quoted block in the same
    section has just written into the amended law ("subparagraphs (F) through (H)" after subsection (a)
    rewrote them); "subsection 114(b)" (a section number after a lower level word: reference-level-word
    reports it). A section number followed straight by an Act's name ("section 376 the FAA Reauthorization
    Act of 2018") is another law's with "of" left out: a warning says so. A bare section number the bill
    lacks, in a provision that cites another law's sections, may be that law's: a warning.

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
        # a bare section number in a provision that cites another law's sections may be that law's
        cited = not r.scope and _bare_section(r) and any(id(a) in _outside(doc, view)[1] for a in [r.prov, *r.prov.ancestors()])
        missing = [chain for chain, target, struck in zip(r.chains or [None], r.targets, r.struck)
                   if target is None and not struck]
        if not missing or r.section_number:
            continue
        if all(chain and chain[0] in tables.lacked(doc, view) for chain in missing):
            continue   # a unit the bill's own table lists: toc-mismatch reports the body lacking it
        if missing == [None]:
            msg = f"{quoted(r.text)}: this provision is not inside a {r.word}"
        else:
            if not r.scope and all(_rewritten(doc, r, chain, view) for chain in missing):
                continue
            within = refs.enclosing(r.prov, r.scope) if r.scope and r.scope not in ("Act", "resolution") else None
            where = [searched(doc, r.prov, chain, view, within) for chain in missing[:3]]
            by_holder: dict = {}
            for holder, unit in where:
                if unit not in by_holder.setdefault(holder, []):
                    by_holder[holder].append(unit)
            what = "; ".join(f"{holder} has no {' or '.join(units)}" for holder, units in by_holder.items()) \
                + (" ..." if len(missing) > 3 else "")
            msg = f"{quoted(r.text)} does not resolve: {what}"
            if cited:
                msg += "; if it is a section of the other law cited here, name that law"
        yield Report(msg, run=r.run, start=r.start, end=r.end, provision=r.prov, severity=WARNING if cited else None)


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
        # a bare section number in a provision that amends another law: that law's section
        return _bare_section(r) and any(_amends(doc, a, view) for a in mine)
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


def _bare_section(r) -> bool:
    return bool(r.chains) and r.chains[0][0][0] == "section" and r.chains[0][0][1][:1].isdigit()


def _names_law(doc, prov, view) -> bool:
    """A lead-in that names another law ("... provisions of the Internal Revenue Code of 1986:")."""
    def build():
        return {id(p) for p in doc.provisions_in(view)
                if p.children and _LAW.search(doc.text(p.el, view).text)}
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
