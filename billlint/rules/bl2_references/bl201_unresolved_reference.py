"""BL201 unresolved-reference: the rule's docstring is its user documentation."""

from __future__ import annotations

from ...analysis import references as refs
from ...model.vocabulary import ABOVE_SECTION
from ...model.findings import Report
from ..registry import rule
from .common import all_refs, internal, quoted


@rule("BL201", "unresolved-reference", "error", reads=("references",))
def unresolved_reference(doc, view):
    """
    An internal cross-reference names a provision the bill does not have.

    "paragraph (4)" means paragraph (4) of the nearest enclosing unit that has paragraphs; "subsection
    (b)(4)" means subsection (b) of the enclosing section, then its paragraph (4); "section 3(c)" means
    section 3 of this bill (HOLC Manual 341(f)). References to other laws ("of title 5, United States
    Code", "of the ... Act"), references in amendment instructions and in quoted text are not resolved.

    Bad: "as described in paragraph (5)" in a subsection with paragraphs (1) to (4).
    Good: "as described in paragraph (4)".
    """
    for r in internal(doc, view):
        if _after_outside_section(doc, r, view) or r.whole:
            continue
        missing = [chain for chain, target, struck in zip(r.chains or [None], r.targets, r.struck)
                   if target is None and not struck]
        if not missing:
            continue
        if missing == [None]:
            msg = f"{quoted(r.text)}: this provision is not inside a {r.word}"
        else:
            what = " or ".join(refs.cite_chain(c) for c in missing[:3]) + (" ..." if len(missing) > 3 else "")
            msg = f"{quoted(r.text)} does not resolve: no {what} in this bill"
        yield Report(msg, run=r.run, start=r.start, end=r.end, provision=r.prov)


def _after_outside_section(doc, r, view) -> bool:
    """ "... section 3903 of title 41 (except that the restriction in subsection (a) shall not apply)": a
    lower-level reference after another law's section in the same sentence is read as that section's."""
    if not r.chains:
        return False
    by_run, provs = _outside(doc, view)
    start, _ = refs.sentence_bounds(r.run.text, r.start)
    if any(start <= o < r.start for o in by_run.get(id(r.run), ())):
        return True  # "section 170(d)(1) of such Code ... section 170(b)(1)(G)(ii)": the same law
    if r.chains[0][0][0] == "section" or r.chains[0][0][0] in ABOVE_SECTION:
        return False
    # a list item under a lead-in that cites another law's section: "(C) The first sentence of subsection (e)"
    if any(id(a) in provs for a in r.prov.ancestors()):
        return True
    # appropriations text outside any section (under a heading) cites the Act its heading names; a
    # provision that names a heading ("under the heading "X"") cites that heading's paragraphs; and a
    # proviso speaks of the appropriation it qualifies
    return doc.in_appropriations(r.prov) and (refs.enclosing(r.prov, "section") is None or
                                              r.run.marked_between(start, r.start, "quote") or
                                              r.run.marked_between(0, r.start, "proviso"))


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
