"""BL2xx: cross-references. Finding and resolving them lives in billlint/references.py."""

from __future__ import annotations

from ..analysis import references as refs
from ..model.vocabulary import ABOVE_SECTION, EXPECTED
from ..model.findings import Report
from .registry import rule


def _q(text: str) -> str:
    return '"' + " ".join(text.split()) + '"'


def _internal(doc, view):
    return [r for r in _all(doc, view) if r.kind == refs.INTERNAL]


def _all(doc, view):
    return doc.memo(("refs", view), lambda: refs.find(doc, view))


@rule("BL201", "unresolved-reference", "error")
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
    for r in _internal(doc, view):
        if _after_outside_section(doc, r, view) or r.whole:
            continue
        missing = [chain for chain, target, struck in zip(r.chains or [None], r.targets, r.struck)
                   if target is None and not struck]
        if not missing:
            continue
        if missing == [None]:
            msg = f"{_q(r.text)}: this provision is not inside a {r.word}"
        else:
            what = " or ".join(refs.cite_chain(c) for c in missing[:3]) + (" ..." if len(missing) > 3 else "")
            msg = f"{_q(r.text)} does not resolve: no {what} in this bill"
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
        for o in _all(doc, view):
            if o.kind != refs.INTERNAL and o.chains and o.chains[0][0][0] in ("section", *ABOVE_SECTION):
                by_run.setdefault(id(o.run), []).append(o.start)
                provs.add(id(o.prov))
        return by_run, provs
    return doc.memo(("outside", view), build)


@rule("BL202", "reference-to-struck", "error")
def reference_to_struck(doc, view):
    """
    A cross-reference resolves only to text the committee struck.

    In a reported bill the reference should point at a provision of the version being reported; a
    provision that survives only in struck text is gone.

    Bad: "subsection (c)" when subsection (c) is shown struck through and nothing replaced it.
    Good: a reference to a live provision.
    """
    if not doc.has_changes:
        return
    for r in _internal(doc, view):
        for chain, struck in zip(r.chains, r.struck):
            if struck:
                yield Report(f"{_q(r.text)} points at {refs.cite_chain(chain)}, which exists only in struck text",
                             run=r.run, start=r.start, end=r.end, provision=r.prov)


@rule("BL203", "reference-level-word", "warning")
def reference_level_word(doc, view):
    """
    A cross-reference's level word does not fit its designation.

    The level word names the highest unit of the reference: "subparagraph (B)", not "paragraph (B)";
    "subsection (b)(4)", not "paragraph (b)(4)". Roman versus letter is read by level, as in the text.

    Bad: "paragraph (B)" where (B) is a subparagraph.
    Good: "subparagraph (B)".
    """
    for r in _internal(doc, view):
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
        yield Report(f"{_q(r.text)}: ({core}) is a {right} designation; write \"{right} ({core})\"",
                     run=r.run, start=r.start, end=r.end, provision=r.prov, fix=fix)


def _right_word(doc, r, view, level, core) -> str | None:
    """The level that a designation of this class has and that resolves from here."""
    candidates = refs.levels_for(core)
    for lv in candidates:
        chain = [(lv, core)] + r.chains[0][1:]
        if refs.resolve_chain(doc, r.prov, chain, view) is not None:
            return lv
    return candidates[0] if len(candidates) == 1 else None


@rule("BL204", "non-minimal-reference", "warning")
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
    for r in _internal(doc, view):
        if r.this or r.joint or len(r.chains) != 1 or r.targets[0] is None:
            continue
        chain, target = r.chains[0], r.targets[0]
        short = _shortest(doc, r, chain, target, view)
        if short is not None:
            new = refs.cite_chain(short)
            text = r.text
            yield Report(f"{_q(text)} can be {_q(new)} here", run=r.run, start=r.start, end=r.end, provision=r.prov,
                         fix=(r.start, r.end, new if text[0].islower() else new[0].upper() + new[1:], True))
        elif r.scope == "section" and chain[0][0] != "section" and r.qualifier_end:
            tail = r.run.text[r.end:r.qualifier_end]
            yield Report(f"drop {_q(tail)}: the reference already stands in this section",
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
