"""BL204 non-minimal-reference: the rule's docstring is its user documentation."""

from __future__ import annotations

from ...analysis import references as refs
from ...model.vocabulary import ABOVE_SECTION
from ...model.findings import Report
from ..registry import rule
from .common import internal, quoted


@rule("BL204", "non-minimal-reference", "warning", fixable=True, reads=("references",))
def non_minimal_reference(doc, view):
    """
    A cross-reference is longer than it needs to be from where it stands.

    Cite from the nearest common unit: inside subsection (b), write "paragraph (4)", not "subsection
    (b)(4)"; inside section 2, "subsection (b)", not "section 2(b)"; and drop "of this section" inside
    the same section (HOLC Manual 341(e)). From inside subsection (c), "subsection (b)(4)" is right.
    Joint references ("clauses (i) and (ii) of subparagraph (A)") are left alone.

    Bad (in subsection (b)): "the individual described in subsection (b)(4)".
    Good: "the individual described in paragraph (4)".
    """
    for r in internal(doc, view):
        if r.this or r.joint or len(r.chains) != 1 or r.targets[0] is None:
            continue
        chain, target = r.chains[0], r.targets[0]
        short = _shortest(doc, r, chain, target, view)
        if short is not None:
            new = refs.cite_chain(short)
            text = r.text
            yield Report(f"{quoted(text)} can be {quoted(new)} here", run=r.run, start=r.start, end=r.end, provision=r.prov,
                         fix=(r.start, r.end, new if text[0].islower() else new[0].upper() + new[1:], True))
        elif r.scope == "section" and chain[0][0] != "section" and r.qualifier_end:
            tail = r.run.text[r.end:r.qualifier_end]
            yield Report(f"drop {quoted(tail)}: the reference already stands in this section",
                         run=r.run, start=r.end, end=r.qualifier_end, provision=r.prov,
                         fix=(r.end, r.qualifier_end, "", True))


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
