"""Resolving a citation chain such as [(subsection, b), (paragraph, 4)] to the provision it names, the way a
reader does: from the citing provision outward, within the unit a reference is scoped to, in a view.
"""

from __future__ import annotations

from . import designations
from ..model.document import Document, Provision
from ..model.vocabulary import ABOVE_SECTION, ALL, EXPECTED, SECTION_LEVELS


def next_level(level: str) -> str | None:
    if level in SECTION_LEVELS:
        i = SECTION_LEVELS.index(level)
        return SECTION_LEVELS[i + 1] if i + 1 < len(SECTION_LEVELS) else None
    return "section" if level in ABOVE_SECTION else None


def has_unit(doc: Document, prov: Provision, head: tuple) -> bool:
    units = unit_index(doc, ALL).get((prov.quoted, head[0], head[1]), [])
    division = division_of(prov)
    if head[0] == "section" and division is not None:
        units = [u for u in units if division_of(u) is division]   # divisions number their sections anew
    return bool(units)


def division_of(prov: Provision):
    """The division a provision stands in, if any."""
    return next((a for a in prov.ancestors() if a.level == "division"), None)


def unit_index(doc: Document, view: str) -> dict:
    """(quoted block, level, designation) -> provisions, for units cited through the bill (sections, titles)."""
    def build() -> dict:
        index: dict = {}
        for p in doc.provisions:
            if p.in_view(view) and p.designation and (p.level == "section" or p.level in ABOVE_SECTION):
                for core in {p.designation.core, *p.designation.parts}:
                    index.setdefault((p.quoted, p.level, core), []).append(p)
        return index
    return doc.memo(("unit index", view), build)


def _matches(p: Provision, core: str) -> bool:
    d = p.designation
    if d is None:
        return False
    return core == d.core or core in d.parts or core.lower() == d.core.lower() and p.level in ABOVE_SECTION


def _units_at(doc: Document, prov: Provision, level: str, core: str, view: str, within: Provision | None):
    if level == "section" or level in ABOVE_SECTION:
        return [p for p in unit_index(doc, view).get((prov.quoted, level, core), [])
                if within is None or p is within or within in p.ancestors()]
    # "paragraph (4)" is paragraph (4) of the nearest enclosing unit that has paragraphs.
    node = prov
    while node is not None:
        kids = [c for c in node.children if c.level == level and c.in_view(view)]
        if kids:
            return kids
        if node is within:
            break
        node = node.parent
    return []


def resolve_chain(doc: Document, prov: Provision, chain: list, view: str, within=None) -> Provision | None:
    if not chain:
        return None
    level, core = chain[0]
    heads = [p for p in _units_at(doc, prov, level, core, view, within) if _matches(p, core)]
    if len(heads) > 1:  # divisions number their sections anew: the nearest unit of that number first
        mine = [prov, *prov.ancestors()]
        heads.sort(key=lambda h: -max((i for i, a in enumerate(reversed(mine)) if a in h.ancestors()),
                                      default=-1))
    for n, hit in enumerate(heads):
        for lv, core in chain[1:]:
            # a named unit's titles and subtitles are searched only in the nearest unit so named: in division B,
            # "section 202 of title II" is not division A's
            kids = [c for c in _under(doc, hit, lv, deep=n == 0) if c.in_view(view) and _matches(c, core)]
            hit = next((c for c in kids if c.level == lv), kids[0] if kids else None)
            if hit is None:
                break
        if hit is not None:
            return hit
    return None


def _under(doc: Document, unit: Provision, level: str, deep: bool = True) -> list:
    """The units of a level a unit holds: its children, and for a section or title named in a division or title
    ("section 201 of division A"), those under its titles, subtitles and parts too. A section's subsections
    that markup split off into a section without a number after it (USLM 1.0's converter) are its own."""
    if unit.level == "section":
        return [c for p in (unit, *_split_off(doc).get(id(unit), ())) for c in p.children]
    if not (deep and unit.level in ABOVE_SECTION and (level == "section" or level in ABOVE_SECTION)):
        return unit.children
    out, todo = [], list(unit.children)
    while todo:
        c = todo.pop(0)
        out.append(c)
        if c.level in ABOVE_SECTION:
            todo.extend(c.children)
    return out


def _split_off(doc: Document) -> dict:
    """id of each numbered section -> the sections without a number straight after it (in its quoted block)."""
    def build() -> dict:
        out: dict = {}
        before: dict = {}
        for p in doc.provisions:
            if p.level != "section":
                continue
            if p.designation is not None:
                before[id(p.quoted)] = p
            elif (b := before.get(id(p.quoted))) is not None and p.parent is b.parent:
                out.setdefault(id(b), []).append(p)
        return out
    return doc.memo("split sections", build)


def by_class(doc: Document, prov: Provision, chain: list, view: str, within) -> list:
    """ "paragraph (b)(4)": resolve as the level the designation's class implies (the level-word rule
    reports the word), so that one slip is not also reported as unresolved."""
    level, core = chain[0]
    if level not in EXPECTED or level == "section" or designation_class(level, core) == EXPECTED[level]:
        return chain
    for right in levels_for(core):
        fixed = [(right, core)] + [(next_level(right) or lv, c) for lv, c in chain[1:2]] + chain[2:]
        if resolve_chain(doc, prov, fixed, view, within) is not None:
            return fixed
    return chain


def levels_for(core: str) -> list[str]:
    """The levels at which a designation has its expected class: "i" -> subsection (a letter), clause."""
    return [lv for lv, c in EXPECTED.items() if lv != "section" and designation_class(lv, core) == c]


def enclosing(prov: Provision, level: str) -> Provision | None:
    node = prov
    while node is not None:
        if node.level == level:
            return node
        node = node.parent
    return None


def cite_chain(chain: list, word: str | None = None) -> str:
    """[(subsection, b), (paragraph, 4)] -> "subsection (b)(4)"."""
    level = word or chain[0][0]
    head, rest = chain[0][1], "".join(f"({c})" for _, c in chain[1:])
    if level == "section" or level in ABOVE_SECTION:
        return f"{level} {head}{rest}"
    return f"{level} ({head}){rest}"


def designation_class(level: str, core: str) -> str | None:
    d = designations.parse(f"({core})", level)
    return d.cls if d else None


def joining_depth(first: list, ch: list) -> int:
    """Where a shorter item joins the chain it continues: at the deepest level its first designation fits
    ("(b)(1) and (c)": (c) is a subsection, not a paragraph), else at the end ("(a)(1)–(3)")."""
    at = len(first) - len(ch)
    for j in range(at, 0, -1):
        lv = first[j][0]
        if lv in EXPECTED and designation_class(lv, ch[0][1]) == EXPECTED[lv]:
            return j
    return at


def ranged(sep: str) -> bool:
    """ "(1) through (3)", "(c) to (e)", "(a)(1)–(3)": the items between are meant too."""
    return "through" in sep or sep.strip() in ("–", "-", "to")


def cited_terms(doc: Document, ref) -> tuple:
    """The bill's defined terms that begin with a citation ("the term “section 14 application” means ...")."""
    terms = {" ".join("".join(el.itertext()).strip("“”\"' ").split()) for el in doc.root.iter("term")}
    return tuple(t for t in terms if ref.match(t) and len(ref.match(t).group(0)) < len(t))


def searched(doc: Document, prov: Provision, chain: list, view: str, within=None) -> tuple[str, str]:
    """Where an unresolved chain was looked for and what was not there: ("sec. 3", "paragraph (1)") for
    "section 3(1)" when section 3 has no paragraph (1); "this Act" for a section the bill lacks."""
    for i in range(len(chain) - 1, 0, -1):
        hit = resolve_chain(doc, prov, chain[:i], view, within)
        if hit is not None:
            return hit.path, cite_chain(chain[i:i + 1])
    level, core = chain[0]
    unit = cite_chain(chain[:1])
    if level == "section" or level in ABOVE_SECTION:
        # a section is looked for through the whole bill (the nearest of that number first): none has it
        return (within.path if within is not None else "this Act"), unit
    # the nearest unit that has units of that level, else the one such units would stand in
    node = prov
    while node is not None:
        if any(c.level == level and c.in_view(view) for c in node.children):
            return node.path, unit
        if node is within:
            break
        node = node.parent
    i = SECTION_LEVELS.index(level) if level in SECTION_LEVELS else 0
    holder = enclosing(prov, SECTION_LEVELS[i - 1]) if i else None
    return (holder or prov).path, unit
