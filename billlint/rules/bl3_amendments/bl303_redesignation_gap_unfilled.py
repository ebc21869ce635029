"""BL303 redesignation-gap-unfilled: the rule's docstring is its user documentation."""

from __future__ import annotations

import re

from ...model.patterns import lazy
from ...analysis import amendments as am
from ...analysis import designations
from ...analysis.references import REF, expand, singular
from ...model.findings import Report
from ...model.vocabulary import EXPECTED, WARNING
from ..registry import rule
from .common import anchor_chain, block_tops, cite_list, parsed, report


def _enum_core(el) -> str:
    return designations.clean("".join(el.find("enum").itertext()))[0]


@rule("BL303", "redesignation-gap-unfilled", "error", reads=("instructions",))
def redesignation_gap_unfilled(doc, view):
    """
    A redesignation leaves a designation vacant that the insertion after it does not fill exactly.

    "(1) by redesignating subsections (d) through (g) as subsections (e) through (h), respectively; and
    (2) by inserting after subsection (c) the following: (d) ..." -- the inserted text supplies exactly
    the designations the redesignation vacated, at the same level. Reports what is missing or extra. Text put
    in place of struck units ("by striking clauses (i) and (ii) and inserting the following:", "by striking
    all that precedes subsection (c) and inserting the following:") fills the places from the first struck one.

    The inserted text may supply the vacated unit deeper down (a block that restates the whole paragraph
    above it, as after "striking ... all that precedes it through “(1)” and inserting the following:") or in
    line ("inserting after paragraph (2) the following: “(3) …”"): both fill it; so does the block of an
    insertion that carries the redesignation in parentheses ("by inserting after subsection (d) the following
    new subsection (and by redesignating subsections (e) through (g) as subsections (f) through (h),
    respectively):"); so may a block inserted in a unit of the same parent ("in subsection (a), by striking
    “It shall” and all that follows and inserting the following:" a text that goes on into a new "(b) It shall
    be unlawful ..."), which is silent; so may a later instruction outside the list ("Title II (as amended by
    subsection (f)) is amended by inserting after section 209 the following:" a section 210), also where it
    names that unit by pointing back ("Such section is further amended", "Section 5 of such Act" after
    "Section 5 of the X Act"), or names the units' parent another way ("in paragraph (4), by redesignating
    clauses (ii) and (iii) of subparagraph (D)" and then "in paragraph (4)(D), by inserting after clause (i)
    the following:"; "Section 5 of the X Act is amended in subsection (b) by redesignating" and then "Section
    5(b) of the X Act ... is further amended by inserting"). "By inserting at the beginning the following:" fills the places below the first
    redesignated unit. An inserted unit ("(1A)") moved into the plain series ("paragraphs (1A) and (2) as
    paragraphs (2) and (3)") leaves no place. A unit moved more than one
    place ("paragraph (14) as paragraph (16)") vacates every place it passes. A vacancy that nothing in the
    same list of instructions fills is a warning (another section or a later Act may fill it); an insertion
    that fills the wrong places is an error. An insertion whose anchor names the right designation under a
    slipped level word ("by inserting after subsection (B) the following new subparagraphs:" for subparagraph
    (B): a capital letter is no subsection's) is placed by the designation, and its block's designations decide
    what it fills; quoted-block-level reports the slip.

    A redesignation that would leave more places to fill than any list in a law holds (10,000), such as
    "by redesignating section 9 as section 100000000", is reported as such and not expanded.

    Bad: the redesignation vacates (d) and the inserted text starts at (e); or nothing is inserted.
    Good: the inserted quoted block holds subsection (d) and nothing else.
    """
    groups: dict = {}
    instructions = parsed(doc, view)
    laws = doc.memo(("bl303 laws", view), lambda: _laws(instructions))
    for ins in instructions:
        groups.setdefault(ins.context, []).append(ins)
    for context, group in groups.items():
        moves = [i for i in group if i.action == am.REDESIGNATE]
        if not moves or any(_SKIP_SIDE.search(m.operands["from"] + " " + m.operands["to"]) for m in moves):
            continue  # "reordering accordingly", "the item relating to": not a list billlint can follow
        word, froms, tos = _moves(moves)
        if word is None:
            continue
        vacated = _gaps(froms, tos, word)
        if not vacated:
            continue
        after = [j for j in group[:group.index(moves[0])] if _around(j, moves[0])] + group[group.index(moves[0]) + 1:]
        if any(j.action == am.STRIKE_INSERT and j.block is not None and _PRECEDES.match(j.operands.get("strike", ""))
               for j in after):
            continue  # all that precedes the moved unit is replaced: the new text supplies what comes before it
        struck = [u[1] for j in group if j.action == am.STRIKE and (u := _deepest(j.operands.get("strike", "")))
                  and u[0] == word]
        try:
            expected = {id(j): _expected(j, word, tos, vacated + struck) for j in after if j.block is not None
                        and j.action in (am.INSERT, am.ADD, am.STRIKE_INSERT) and block_tops(j.block)
                        and block_tops(j.block)[0].tag == word}
        except designations.TooLong as e:
            yield report(moves[-1], f"the redesignation leaves {e.count:,} places of {word} to fill between the "
                                    "insertion and the redesignated units: longer than any list of units in a law")
            continue
        fillers = [j for j in after if id(j) in expected and set(expected[id(j)]) & set(vacated)]
        # a unit supplied deeper in a block that restates more (striking "all that precedes it through (1)" and
        # inserting paragraph (1) whole), or in line ("inserting after paragraph (2) the following: “(3) …”")
        elsewhere = _supplied_elsewhere(after, word) | _supplied_inside(instructions, moves[0], context, word) \
            | _supplied_later(instructions, laws, group, moves[-1], word, tos) \
            | _supplied_same_unit(instructions, laws, group, moves, word, tos)
        if elsewhere:
            vacated = [c for c in vacated if c not in elsewhere]
            fillers = [j for j in fillers if set(_expected(j, word, tos, vacated + struck)) & set(vacated)]
            if not vacated:
                continue
        if not fillers:
            # Another section of the bill, or a later Act, may fill it: probable, not certain.
            yield Report(f"the redesignation leaves {word} {cite_list(vacated, word)} vacant and no later instruction "
                         "here inserts it", run=moves[-1].run, start=moves[-1].start, end=moves[-1].end,
                         provision=moves[-1].prov, severity=WARNING)
            continue
        # What the insertions supply must fill every vacated place and must not take a place a redesignated
        # unit now holds. (Other places between may be the amended law's own units: not ours to judge.)
        if any(_enum_core(block_tops(j.block)[0]) != expected[id(j)][0] for j in fillers):
            continue  # an insertion that starts at the wrong place: quoted-block-level reports it
        supplied = [_enum_core(el) for j in fillers for el in block_tops(j.block) if el.tag == word]
        missing = [c for c in vacated if c not in supplied]
        taken = [c for c in supplied if c in tos]
        if missing or taken:
            what = ([f"{cite_list(missing, word)} still vacant"] if missing else []) + \
                   ([f"{cite_list(taken, word)} already taken by a redesignated unit"] if taken else [])
            yield report(fillers[0], f"the inserted text should fill {word} {cite_list(vacated, word)}, vacated by "
                                      f"the redesignation; {' and '.join(what)}")


def _around(ins, move) -> bool:
    """Whether a redesignation stands in parentheses inside an insertion before it: "by inserting after subsection
    (d) the following new subsection (and by redesignating subsections (e) through (g) as ...):" is one amendment."""
    if ins.run is not move.run or ins.start >= move.start:
        return False
    between = ins.run.text[ins.start:move.start]
    return between.count("(") > between.count(")")


def _supplied_later(instructions, laws, group, last, word, tos) -> set[str]:
    """Designations at this level that a later instruction outside this list inserts into the same unit: the next
    subsection's "Title II (as amended by subsection (f)) is amended by inserting after section 209 the following:
    SEC. 210"."""
    law = laws.get(id(last))
    if not law:
        return set()
    return _inserted_after(instructions, group, last, word, tos, lambda j: laws.get(id(j)) == law)


def _supplied_same_unit(instructions, laws, group, moves, word, tos) -> set[str]:
    """Designations at this level that a later instruction in another context inserts into the unit the moved units
    belong to, named another way: "in paragraph (4), by redesignating clauses (ii) and (iii) of subparagraph (D)"
    and "in paragraph (4)(D), by inserting after clause (i)"; "in subsection (b)(2), by redesignating
    subparagraphs (C) and (D)" and "in subsection (b), by inserting after paragraph (2)(B)"."""
    keys = {_parent(m, laws, m.operands["from"]) for m in moves}
    if len(keys) != 1 or None in keys:
        return set()
    key = keys.pop()
    return _inserted_after(instructions, group, moves[-1], word, tos, lambda j: _parent(
        j, laws, j.operands.get("anchor" if j.action == am.INSERT else "strike", "")) == key)


def _inserted_after(instructions, group, last, word, tos, same) -> set[str]:
    """Designations at this level that the insertions after `last` outside its list, into the unit `same` accepts,
    can put in a vacated place."""
    at = instructions.index(last)
    return {_enum_core(el) for j in instructions[at + 1:] if j not in group and j.block is not None
            and j.action in (am.INSERT, am.ADD, am.STRIKE_INSERT) and same(j)
            for el in block_tops(j.block) if el.tag == word and _placed(j, _enum_core(el), word, tos)}


def _placed(ins, core, word, tos) -> bool:
    """Whether an insertion can put a unit so designated in a vacated place: "adding at the end" puts it after the
    redesignated units, so only a designation past all of them ("Such section is further amended by adding at the
    end" a subsection (d) after (d) became (e) leaves (d) vacant and puts a second (d) last); an anchor after the
    unit ("inserting after subsection (e)" a subsection (d)) does not either."""
    mine = designations.parse(f"({core})", word)
    if mine is None or mine.value is None:
        return ins.action != am.ADD
    if ins.action == am.ADD:
        tops = [d.value for c in tos if (d := designations.parse(f"({c})", word)) and d.value is not None]
        return bool(tops) and mine.value > max(tops)
    # "inserting after subsection (e) the following: (d)": an anchor on the wrong side of the unit puts it elsewhere
    where = ins.operands.get("where") if ins.action == am.INSERT else None
    unit = _anchor_unit(ins.operands.get("anchor", ""), word) if where in ("after", "before") else None
    at = designations.parse(f"({unit[1]})", word) if unit else None
    if at is None or at.value is None:
        return True
    return at.value < mine.value if where == "after" else mine.value < at.value


def _parent(ins, laws, operand: str):
    """The unit whose units an instruction works on, as (the amended law, its units' chain): the context's units,
    then the operand's own qualifiers ("clauses (ii) and (iii) of subparagraph (D)") and the units above its
    first ("after paragraph (2)(B)": paragraph (2))."""
    head = laws.get(id(ins), "").split(" / ")[0]
    chain: list = []
    cited = _SECTION_UNITS.match(head)
    if cited:   # "section 5(b) of the x act": section 5 of the X Act, then its subsection (b)
        head = f"section {cited.group(1)} of {cited.group(3)}"
        units = expand("section", cited.group(1) + cited.group(2))[0][0][1:]
        chain += [(lv, c.upper() if lv in _UPPER else c) for lv, c in units]
    for item in ins.target[1:]:
        ch = anchor_chain(_ASIDE.sub(" ", item))
        if not ch:
            return None
        chain += ch
    if ins.action == am.ADD or not operand:
        return (head, tuple(chain)) if ins.action == am.ADD else None
    parts = re.split(r"\s+of\s+", _ASIDE.sub(" ", operand).strip())
    for qualifier in reversed(parts[1:]):     # "of subparagraph (D) of paragraph (4)": the senior one last
        ch = anchor_chain(qualifier)
        if not ch:
            return None
        chain += ch
    m = REF.match(parts[0])
    own = expand(singular(m.group("word")), m.group("list"))[0] if m else []
    if not own:
        return None
    return head, tuple(chain + own[0][:-1])


_SECTION_UNITS = lazy(r"^section\s+(\d+[a-z]{0,3}(?:[-–]\d+)?)((?:\([0-9a-z]{1,6}\))+)\s+of\s+(.+)$")
_UPPER = ("subparagraph", "subclause")   # the law's text is folded to lower case: these levels are capitals


def _laws(instructions) -> dict:
    """The unit each instruction amends, its whole path ("Section 5 of the X Act", "subsection (a)"), without
    asides ("(as amended by subsection (f))"); a target that points back ("Such section is further amended",
    "Section 5 of such Act") is read as the unit the instruction before it amends."""
    out, head = {}, ""
    for ins in instructions:
        path = [" ".join(_ASIDE.sub(" ", t).lower().split()).strip(" ,") for t in ins.target]
        if path:
            first = _AS_BY.sub("", path[0]).strip(" ,")
            such = _SUCH.match(first)
            if such and head and (such.group(1) is None or head.startswith(such.group(1) + " of ")):
                first = head   # "such section"; "section 5 of such act" after "section 5 of the x act"
            head = first
            path[0] = first
        out[id(ins)] = " / ".join(path)
    return out


# an aside has words ("(as amended by subsection (f))", "(42 U.S.C. 1234)"); a designation ("(a)") has none
_ASIDE = lazy(r"\((?:[^()]|\([^()]*\))*\s(?:[^()]|\([^()]*\))*\)")
_AS_BY = lazy(r",?\s*as\s+(?:amended|added|redesignated)\s+by\b.*$")
_SUCH = lazy(r"^such\s+section$|^(section\s+\S+)\s+of\s+such\s+(?:act|code)$")


_PRECEDES = lazy(r"\s*all\s+that\s+precedes\b", re.I)
_SKIP_SIDE = lazy(r"\bitems?\b|added\s+by|as\s+added|accordingly|\b(?:first|second|third)\b"
                  r"|\bof\s+(?:such\s+)?title\b|\bsuch\s+section\b", re.I)


def _moves(moves):
    words, froms, tos = set(), [], []
    for mv in moves:
        wa, a = am.designation_list(mv.operands["from"])
        wb, b = am.designation_list(mv.operands["to"])
        if not a or len(a) != len(b) or wa != wb:
            return None, [], []
        words.add(wa)
        froms += a
        tos += b
    return (words.pop(), froms, tos) if len(words) == 1 else (None, [], [])


def _gaps(froms, tos, word) -> list[str]:
    """Designations the redesignations free below the highest new one: gaps that need filling. A unit moved
    more than one place ("(14) as (16)") frees every place it passes ((14) and (15)); an inserted unit ("(1A)")
    moved into the plain series frees only the plain places it passes ("(3A) as (5)": (4))."""
    keys = [designations.parse(f"({c})", word) for c in tos]
    if not all(keys):
        return []
    top = max(k.key for k in keys)
    out = []
    for c, t in zip(froms, tos):
        d = designations.parse(f"({c})", word)
        if d is None or d.key >= top:
            continue
        e = designations.parse(f"({t})", word)
        if d.suffix:
            # a unit inserted between others ("(1A)") leaves no gap of its own when it moves into the plain series,
            # but passes the plain places between ("(3A) as (5)" passes (4))
            passed = designations.run(d.value + 1, e.value, d.cls) if e is not None and e.cls == d.cls and None \
                not in (d.value, e.value) and not e.suffix and 1 < e.value - d.value <= _SPAN else []
            out += [x for x in passed if x not in tos and x not in out]
            continue
        passed = [c]
        if e is not None and e.cls == d.cls and None not in (d.value, e.value) and not d.suffix and not e.suffix \
                and 1 < e.value - d.value <= _SPAN:
            passed = [designations.label(v, d.cls) for v in range(d.value, e.value)]
        out += [x for x in passed if x not in tos and x not in out]
    return out


_SPAN = 26   # a unit moved further than this is not a move whose every passed place billlint expects filled


def _supplied_elsewhere(after, word) -> set:
    """Designations at a level that later instructions supply below the top of their blocks, or in line."""
    out = set()
    for j in after:
        if j.action not in (am.INSERT, am.ADD, am.STRIKE_INSERT, am.RESTATE):
            continue
        if j.block is not None:
            # a block that replaces struck text supplies its top units too ("striking paragraph (7) and
            # inserting the following: (7) ... (13)")
            tops = set() if j.action in (am.STRIKE_INSERT, am.RESTATE) else set(block_tops(j.block))
            out.update(_enum_core(el) for el in j.block.iter(word) if el not in tops and el.find("enum") is not None)
        else:
            m = _INLINE_UNIT.match(j.operands.get("insert", ""))
            if m:
                out.add(m.group(1))
    return out


def _supplied_inside(instructions, move, context, word) -> set:
    """Designations at a level that later instructions amending a unit inside the redesignated units' parent
    supply in their blocks ("in subsection (a), by striking “It shall” and all that follows and inserting the
    following:" a text that goes on with a new "(b) It shall be unlawful ..."): the unit of that level in
    such a block follows the amended one."""
    out: set = set()
    n = len(context)
    for j in instructions[instructions.index(move) + 1:]:
        if j.block is not None and len(j.context) > n and j.context[:n] == context:
            out.update(_enum_core(el) for el in j.block.iter(word) if el.find("enum") is not None)
    return out


_INLINE_UNIT = lazy(r"^[“\"]?\(([0-9A-Za-z]{1,6})\)\s")


def _expected(ins, word, tos, freed) -> list[str]:
    """What an insertion must supply: from after its anchor (or from the unit it strikes) up to the
    first redesignated unit above it; for "inserting before X", the freed places below X; for "inserting at the
    beginning", the places below the first redesignated unit."""
    if ins.operands.get("where") == "at the beginning":
        keys = [d for c in tos if (d := designations.parse(f"({c})", word)) and d.value is not None and d.cls]
        if not keys:
            return []
        low = min(keys, key=lambda d: d.value)
        # only a vacancy at the head of the list is at the beginning: "(3) and (4) as (4) and (5)" frees (3) after
        # (1) and (2), and a unit inserted at the beginning lands before them
        if designations.first(low.cls) not in freed:
            return []
        return designations.run(1, low.value, low.cls)
    if ins.operands.get("where") == "before":
        unit = _anchor_unit(ins.operands.get("anchor", ""), word)
        bound = designations.parse(f"({unit[1]})", word) if unit else None
        if bound is None or bound.value is None:
            return []
        keyed = sorted((d.value, c) for c in set(freed) if (d := designations.parse(f"({c})", word))
                       and d.value is not None and d.value < bound.value)
        if not keyed:
            return []
        return designations.run(keyed[0][0], bound.value, bound.cls)
    if ins.action == am.STRIKE_INSERT:
        # "striking clauses (i) and (ii) and inserting": the text put in their place starts at the first of
        # them; "striking all that precedes subsection (c)": at the level's first designation
        struck = ins.operands.get("strike", "")
        listed, items = am.designation_list(struck)
        unit = (listed, items[0]) if listed == word and items else _deepest(struck)
        start = designations.parse(f"({unit[1]})", word) if unit and unit[0] == word else None
        first = start.value if start and start.value else None
        if start is not None and _PRECEDES.match(struck):
            first, start = 1, designations.parse(f"({designations.label(1, start.cls)})", word) if start.cls else None
    else:
        unit = _anchor_unit(ins.operands.get("anchor", ""), word) if ins.operands.get("where") == "after" else None
        start = designations.parse(f"({unit[1]})", word) if unit else None
        first = start.value + 1 if start and start.value else None
    if first is None or start.cls is None:
        return []
    bounds = [d.value for d in (designations.parse(f"({c})", word) for c in tos)
              if d and d.value is not None and d.value >= first]
    if not bounds:
        return []
    return designations.run(first, min(bounds), start.cls)


def _anchor_unit(anchor: str, word: str):
    """The unit at a level that an anchor names: "after subparagraph (H)(iii)" is after (H). An anchor whose level
    word slipped ("after subsection (B)" for subparagraph (B): a capital letter is no subsection's) still names the
    unit its designation fits; quoted-block-level reports the slip."""
    chain = anchor_chain(anchor)
    unit = next(((lv, c) for lv, c in chain if lv == word), None)
    if unit is None and chain and chain[-1][0] in EXPECTED:
        lv, c = chain[-1]
        own, fits = designations.parse(f"({c})", lv), designations.parse(f"({c})", word)
        if own and fits and own.cls != EXPECTED[lv] and fits.cls == EXPECTED.get(word):
            unit = (word, c)
    return unit


def _deepest(anchor: str):
    """ "clause (ii)(II)" -> ("subclause", "II"): the unit an anchor names, at its own level."""
    chain = anchor_chain(anchor)
    return chain[-1] if chain else None
