"""What the BL2xx rules share."""

from __future__ import annotations

import re

from ...model.patterns import lazy
from ...analysis import references as refs
from ...analysis import wording
from ...model.vocabulary import ABOVE_SECTION


# Another law named in a lead-in: "the following provisions of the Internal Revenue Code of 1986:"
LAW = lazy(r"\b(?!(?:This|The|Such|That)\s)(?:[A-Z][\w'’.–-]*,?\s+(?:(?:of|and|for|to|on|the|in)\s+)*){1,12}"
            r"(?:Act|Code)\b|\bUnited\s+States\s+Code\b|\bPublic\s+Law\b|\bsuch\s+(?:Act|Code)\b"
            # a correction of another measure's enrollment: "in the enrollment of the bill S. 47, the Secretary of
            # the Senate shall make the following corrections:"
            r"|\benrollment\s+of\s+the\s+(?:bill|(?:joint|concurrent)\s+resolution)\b")


def quoted(text: str) -> str:
    return '"' + " ".join(text.split()) + '"'


def internal(doc, view):
    return [r for r in all_refs(doc, view) if r.kind == refs.INTERNAL]


def by_run(doc, view) -> dict:
    """The internal references of each text run, in order."""
    def build():
        out: dict = {}
        for o in internal(doc, view):
            out.setdefault(id(o.run), []).append(o)
        return out
    return doc.memo(("refs by run", view), build)


def all_refs(doc, view):
    return doc.memo(("refs", view), lambda: refs.find(doc, view))


# Another section named: "section 505 of this Act", "section 6112 of such Code", "such section". A cite in
# parentheses ("(30 U.S.C. 181 et seq.)") only glosses an Act's name.
_SECTION_NAMED = lazy(r"\b[Ss]ections?\s+\d|\bsuch\s+section\b")
# In the same sentence, a numbered unit of another instrument cited down to its subdivisions, whose own
# subsection a bare "subsection (a)" could be read as: "Rule 23(c)(1) of the Federal Rules of Civil Procedure".
_UNIT_NAMED = lazy(r"\b(?:Rule|Article|Regulation|Order|Directive)\s+\d+[A-Za-z]?\s*\(")
_FULL_STOP = lazy(r"(?<!\b[A-Z])(?<!U\.S\.C)\.\s+(?=[A-Z“\"(])")
_BY_AMENDMENT = lazy(r"\b(?:(?:as\s+)?(?:added|amended|redesignated|inserted|transferred)|made)\s+by\s+$")


# another law named without a section: "the meaning given the term in the Example Act", "such Act", "the Code",
# "title 10, United States Code"; "this Act" is this bill
_LAW_NAMED = lazy(r"(?<!\b[Tt]his\s)\bAct\b|\b(?:Code|Public\s+Law)\b|\btitle\s+\d+\b")


def other_law_near(r) -> bool:
    """Whether the sentence holding r names another law, with or without a section: a reference that does not
    resolve as written may be that law's unit."""
    text = r.run.text
    s0 = max([0] + [m.end() for m in _FULL_STOP.finditer(text, 0, r.start)])
    s1 = next((m.start() for m in _FULL_STOP.finditer(text, r.end)), len(text))
    return bool(_LAW_NAMED.search(text[s0:r.start]) or _LAW_NAMED.search(text, r.end, s1))


def other_section_near(doc, r, view, whole: bool = True) -> bool:
    """Whether the sentence holding r (to the full stops, provisos included), its list lead-in or a sibling item
    names another section, of this Act or of another law; or r follows "as added by": then a bare "subsection
    (a)" could be read as that section's, and "of this section" says which is meant (HOLC Manual 341(e)).
    Not whole: of the sentence, only what the reader has met before r, which is what could capture a shorter
    reference, and the lead-in; sibling items too where r cites a section by number (a list cites its
    sections in one form)."""
    text = r.run.text
    if _BY_AMENDMENT.search(text[max(0, r.start - 40):r.start]):
        return True
    starts = [0] + [m.end() for m in _FULL_STOP.finditer(text)]
    s0 = max(s for s in starts if s <= r.start)
    s1 = next((m.start() for m in _FULL_STOP.finditer(text, r.end)), len(text))
    sentence = text[s0:r.start] + " " + (text[r.end:s1] if whole else "")
    if _SECTION_NAMED.search(sentence) or _UNIT_NAMED.search(sentence):
        return True
    parent = r.prov.parent
    if parent is None or not doc.text(parent.el, view).text.strip():
        return False   # no lead-in: the provisions beside it are not one list
    siblings = [c for c in parent.children if c is not r.prov and c.in_view(view)]
    if any(_SECTION_NAMED.search(doc.text(p.el, view).text) for p in [parent] + (siblings if whole else [])):
        return True
    # a reference by section number kept parallel with a sibling item that cites one of this bill's sections
    # by number ("The survey under section 60601(d)."); another law's section is no reason
    return not whole and bool(r.chains) and r.chains[0][0][0] == "section" \
        and any(id(c) in _citing_own_sections(doc, view) for c in siblings)


def _citing_own_sections(doc, view) -> set:
    return doc.memo(("bl2 citing own sections", view), lambda: {
        id(o.prov) for o in internal(doc, view) if o.chains and o.chains[0][0][0] == "section"})


def shortest(doc, r, chain, target, view):
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


def act_before(doc, r, provision: bool = True) -> tuple[str, str] | None:
    """Another Act named before r in its sentence ("For purposes of the X Act, ... section 3(5)"), or else earlier in
    its provision's text ("The X Act shall apply to covered workers. ... employees described in section 3(e)"), not
    this bill by its short title: its name, and "sentence" or "provision"."""
    start, _ = refs.sentence_bounds(r.run.text, r.start)
    own = doc.memo("bl201 short titles", lambda: {" ".join("".join(t.itertext()).split()) for t in
                                                   doc.root.iter("short-title")})
    for where, frm in (("sentence", start), ("provision", 0))[:2 if provision else 1]:
        names = [(" ".join(m.group(0).split()), m.end()) for m in LAW.finditer(r.run.text, frm, r.start)]
        names = [(n, e) for n, e in names if not any(n in t or t in n for t in own) and not n.startswith("enrollment")]
        if names:
            # this bill named after the other Act ("The X Act shall apply. For purposes of this Act, ... section 9")
            # is the nearer frame: the reference is this bill's own
            return None if THIS_BILL.search(r.run.text, names[-1][1], r.start) else (names[-1][0], where)
    return None


# this bill named as a frame: "For purposes of this Act", "a grant under this title"
THIS_BILL = lazy(r"\bthis\s+(?:Act|division|title|subtitle)\b")


def level_absent(doc, missing, view) -> str | None:
    """The level above sections that every missing chain starts at, if the bill has no unit of that level."""
    levels = {c[0][0] for c in missing if c}
    if len(levels) != 1 or not levels <= set(ABOVE_SECTION):
        return None
    level = levels.pop()
    held = doc.memo(("bl201 levels held", view), lambda: {p.level for p in doc.provisions_in(view) if p.quoted is None})
    return level if level not in held else None


# a lead-in that makes another law the frame of the list below it: "For purposes of the Internal Revenue Code of
# 1986—", "In applying title II of the Social Security Act—"
_GOVERNS = lazy(r"^\s*(?:Solely\s+)?(?:(?:For|for)\s+(?:the\s+)?purposes\s+of|In\s+(?:applying|the\s+application\s+of)|"
                r"Under)\s+(?:the\s+)?(?P<law>[^,;:—]{0,160})[—:]\s*$")


_UNIT_OF = lazy(r"^(?:(?:title|subtitle|part|subpart|chapter|subchapter)\s+\S+\s+of\s+)+(?:the\s+)?")


def governs_law(doc, view) -> set:
    """The provisions whose lead-in sets another law as the frame of all the list below it, by id."""
    def build():
        out = set()
        for p in doc.provisions_in(view):
            if not p.children or p.quoted is not None:
                continue
            m = _GOVERNS.match(doc.text(p.el, view).text)
            # the law itself is the frame ("title II of the Social Security Act"), not a thing under it ("the
            # program established under section 3 of the X Act")
            law = _UNIT_OF.sub("", m.group("law")) if m else ""
            if m and LAW.match(law):
                out.add(id(p))
        return out
    return doc.memo(("bl2 governs law", view), build)


def amendment_text(doc) -> set:
    """Provisions inside an amendment-block that is not a whole text of its own (an amendment's text for part of
    the measure it amends). A block holding titles, or the measure's section 1 (an amendment in the nature of
    a substitute), is the whole text, resolved against itself."""
    def build():
        out: dict = {}
        for p in doc.provisions:
            block = next(p.el.iterancestors("amendment-block"), None)
            if block is not None:
                out.setdefault(block, []).append(p)
        return {id(p) for ps in out.values() if not any(_whole(p) for p in ps) for p in ps}
    return doc.memo("bl201 amendment text", build) if doc.kind == "amendment-doc" else set()


def _whole(p) -> bool:
    return p.quoted is None and (p.level in ABOVE_SECTION or p.level == "section" and p.designation is not None
                                 and p.designation.value == 1)


def inserted_by(doc, number: str, view):
    """The provision of this bill that inserts a whole section so numbered into another law, if one does."""
    def build():
        out: dict = {}
        for p in doc.provisions_in(view):
            if p.quoted is not None and p.level == "section" and p.designation is not None \
                    and (p.parent is None or p.parent.quoted is None) and p.outer is not None:
                out.setdefault(p.designation.core, p.outer)
        return out
    return doc.memo(("bl2 inserted sections", view), build).get(number)


def descendants(unit):
    """unit and every provision below it."""
    todo = [unit]
    while todo:
        p = todo.pop()
        yield p
        todo += p.children


# an item enumerated inside a provision's running text: at its start or after a colon, semicolon, dash or
# sentence ("shall be available until: (1) ...; (2) ...; or (3) December 20"; "... years. (b) No ..."), not in a
# citation ("section 5(3)", "paragraphs (2) and (3) of")
_RUN_IN = r"(?:^\s*|[:;—.]\s*(?:(?:and|or)\s+)?)\({}\)\s"


def run_in(doc, r, chain, view) -> bool:
    """Whether the last unit of chain is an item the unit before it enumerates in its own running text (a
    continuing resolution's "section 106(3)"): that unit has no units marked up, only words."""
    if len(chain) < 2:
        return False
    within = refs.enclosing(r.prov, r.scope) if r.scope and r.scope not in ("Act", "resolution") else None
    holder = refs.resolve_chain(doc, r.prov, chain[:-1], view, within)
    if holder is None or holder.live_children(view):
        return False
    text = wording.own_text(doc, holder, view)
    return re.search(_RUN_IN.format(re.escape(chain[-1][1])), text) is not None


def split_from(doc, r, view):
    """The numbered section before the unnumbered one a relative reference stands in, or None."""
    if r.word in ("section", *ABOVE_SECTION):
        return None
    sec = next((a for a in (r.prov, *r.prov.ancestors()) if a.level == "section"), None)
    if sec is None or sec.designation is not None:
        return None

    def build():   # each unnumbered section -> the numbered section before it, in one pass
        out, before = {}, None
        for p in doc.provisions_in(view):
            if p.level == "section":
                if p.designation is None:
                    out[id(p)] = before
                else:
                    before = p
        return out
    return doc.memo(("bl201 split from", view), build).get(id(sec))
