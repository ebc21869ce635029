"""BL204 non-minimal-reference: the rule's docstring is its user documentation."""

from __future__ import annotations

from ...analysis import references as refs
from ...model.vocabulary import ABOVE_SECTION
from ...model.findings import Report
from ..registry import rule
from .common import all_refs, internal, quoted


@rule("BL204", "non-minimal-reference", "warning", fixable=True, reads=("references",))
def non_minimal_reference(doc, view):
    """
    A cross-reference is longer than it needs to be from where it stands.

    Cite from the nearest common unit: inside subsection (b), write "paragraph (4)", not "subsection
    (b)(4)"; inside section 2, "subsection (b)", not "section 2(b)"; and drop "of this section" inside
    the same section (HOLC Manual 341(e)). From inside subsection (c), "subsection (b)(4)" is right.
    Joint references ("clauses (i) and (ii) of subparagraph (A)") are left alone, and so is a reference in a
    sentence that also names another section or another law's unit ("section 19A(d) of such Act, as added by
    subsection (b) of this section"; for a shortened chain, one named before it): the longer form tells them
    apart. Appropriations text, which the
    committees write in their own style ("subsection (a) of this section" throughout), is not checked.

    Bad (in subsection (b)): "the individual described in subsection (b)(4)".
    Good: "the individual described in paragraph (4)".
    """
    for r in internal(doc, view):
        if r.this or r.joint or len(r.chains) != 1 or r.targets[0] is None:
            continue
        if doc.in_appropriations(r.prov):
            continue
        chain, target = r.chains[0], r.targets[0]
        short = _shortest(doc, r, chain, target, view)
        if short is not None and not _beside_elsewhere(doc, r, view, before=True):
            new = refs.cite_chain(short)
            text = r.text
            yield Report(f"{quoted(text)} can be {quoted(new)} here", run=r.run, start=r.start, end=r.end, provision=r.prov,
                         fix=(r.start, r.end, new if text[0].islower() else new[0].upper() + new[1:], True))
        elif short is None and r.scope == "section" and chain[0][0] != "section" and r.qualifier_end \
                and not _beside_elsewhere(doc, r, view):
            tail = r.run.text[r.end:r.qualifier_end]
            yield Report(f"drop {quoted(tail)}: the reference already stands in this section",
                         run=r.run, start=r.end, end=r.qualifier_end, provision=r.prov,
                         fix=(r.end, r.qualifier_end, "", True))


def _beside_elsewhere(doc, r, view, before: bool = False) -> bool:
    """Whether r's sentence also names another section (of this Act or another law) or another law's unit;
    with before, one that comes before r (a bare lower-level reference after it would be read as its)."""
    starts = doc.memo(("elsewhere", view), lambda: _elsewhere_starts(doc, view)).get(id(r.run), ())
    if not starts:
        return False
    a, b = refs.sentence_bounds(r.run.text, r.start)
    return any(a <= o < (r.start if before else b) and o != r.start for o in starts)


def _elsewhere_starts(doc, view) -> dict:
    """Starts, by text run, of references that name a section or larger unit, or a unit outside this bill."""
    out: dict = {}
    for o in all_refs(doc, view):
        if o.chains and (o.kind != refs.INTERNAL or o.chains[0][0][0] in ("section", *ABOVE_SECTION)):
            out.setdefault(id(o.run), []).append(o.start)
    return out


def _shortest(doc, r, chain, target, view):
    """Drop the leading units of the chain that enclose the reference, if the rest still hits target."""
    named = [target, *target.ancestors()][:len(chain)][::-1]   # the provisions the chain names, senior first
    if len(named) != len(chain):
        return None
    here = {id(p) for p in [r.prov, *r.prov.ancestors()]}
    n = 0
    while n < len(chain) - 1 and id(named[n]) in here:
        n += 1
    if n == 0 or named[n].level in ABOVE_SECTION:
        return None
    short = [(p.level, core) for p, (_, core) in zip(named[n:], chain[n:])]
    if refs.resolve_chain(doc, r.prov, short, view) is not target:
        return None
    return short
