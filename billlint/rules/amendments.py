"""BL3xx: amendment instructions. Parsing lives in billlint/amendments.py."""

from __future__ import annotations

import re

from ..analysis import amendments as am
from ..analysis import designations
from ..analysis.designations import fmt
from ..model.vocabulary import EXPECTED
from ..model.findings import Report
from .registry import rule


def _parsed(doc, view):
    return doc.memo(("instructions", view), lambda: am.parse(doc, view))


def _report(ins, message, fix=None):
    return Report(message, run=ins.run, start=ins.start, end=ins.end, provision=ins.prov, fix=fix)


def _class_of(level: str, core: str):
    d = designations.parse(f"({core})", level)
    return d.cls if d else None


@rule("BL301", "redesignation-mismatch", "error")
def redesignation_mismatch(doc, view):
    """
    The two sides of a redesignation do not agree.

    "by redesignating subsections (d), (e), (f), and (g) as subsections (e), (f), (g), and (h),
    respectively": both sides name the same number of units ("through" ranges are expanded), each
    designation fits its side's level word, and the new designations run in order. A unit may change
    level ("paragraphs (1) and (2) as subparagraphs (A) and (B)").

    Bad: "by redesignating paragraphs (3) through (5) as paragraphs (4) and (5)" (3 units, 2 places).
    Good: "by redesignating paragraphs (3) through (5) as paragraphs (4) through (6), respectively".
    """
    for ins in _parsed(doc, view):
        if ins.action != am.REDESIGNATE:
            continue
        wa, a = am.designation_list(ins.operands["from"])
        wb, b = am.designation_list(ins.operands["to"])
        if not a or not b:
            continue
        if len(a) != len(b):
            yield _report(ins, f"redesignates {len(a)} {wa}{'s' * (len(a) != 1)} as {len(b)} "
                               f"{wb}{'s' * (len(b) != 1)}: {_list(a, wa)} as {_list(b, wb)}")
            continue
        for word, side in ((wa, a), (wb, b)):
            cls = EXPECTED.get(word)
            bad = [c for c in side if cls and word != "section" and _class_of(word, c) != cls]
            if bad:
                yield _report(ins, f"({bad[0]}) is not a {word} designation")
                break
        else:
            keys = [designations.parse(f"({c})", wb) for c in b]
            if all(k and k.value is not None for k in keys) and [k.key for k in keys] != sorted(k.key for k in keys):
                yield _report(ins, f"the new designations are out of order: {_list(b, wb)}")


def _list(cores, word) -> str:
    return ", ".join(fmt(c, word) for c in cores)


@rule("BL302", "missing-respectively", "warning")
def missing_respectively(doc, view):
    """
    A redesignation of more than one unit does not say "respectively".

    "by redesignating paragraphs (3) and (4) as paragraphs (4) and (5), respectively" pairs the units in
    order; without "respectively" the instruction does not say which becomes which.

    Bad: "by redesignating subsections (d) and (e) as subsections (e) and (f)".
    Good: "by redesignating subsections (d) and (e) as subsections (e) and (f), respectively".
    """
    for ins in _parsed(doc, view):
        if ins.action == am.REDESIGNATE and not ins.respectively:
            _, a = am.designation_list(ins.operands["from"])
            if len(a) > 1:
                end = ins.end
                yield Report("a redesignation of more than one unit needs \", respectively\"", run=ins.run,
                             start=ins.start, end=end, provision=ins.prov, fix=(end, end, ", respectively", True))


def _block_tops(block):
    return [c for c in block if isinstance(c.tag, str) and c.find("enum") is not None]


def _enum_core(el) -> str:
    return designations.clean("".join(el.find("enum").itertext()))[0]


@rule("BL303", "redesignation-gap-unfilled", "error")
def redesignation_gap_unfilled(doc, view):
    """
    A redesignation leaves a designation vacant that the insertion after it does not fill exactly.

    "(1) by redesignating subsections (d) through (g) as subsections (e) through (h), respectively; and
    (2) by inserting after subsection (c) the following: (d) ..." -- the inserted text supplies exactly
    the designations the redesignation vacated, at the same level. Reports what is missing or extra.

    Bad: the redesignation vacates (d) and the inserted text starts at (e); or nothing is inserted.
    Good: the inserted quoted block holds subsection (d) and nothing else.
    """
    groups: dict = {}
    for ins in _parsed(doc, view):
        groups.setdefault(ins.context, []).append(ins)
    for group in groups.values():
        moves = [i for i in group if i.action == am.REDESIGNATE]
        if not moves or any(_SKIP_SIDE.search(m.operands["from"] + " " + m.operands["to"]) for m in moves):
            continue  # "reordering accordingly", "the item relating to": not a list billlint can follow
        word, froms, tos = _moves(moves)
        if word is None:
            continue
        vacated = _gaps(froms, tos, word)
        if not vacated:
            continue
        after = group[group.index(moves[0]) + 1:]
        struck = [u[1] for j in group if j.action == am.STRIKE and (u := _deepest(j.operands.get("strike", "")))
                  and u[0] == word]
        fillers = [j for j in after if j.block is not None and j.action in (am.INSERT, am.ADD, am.STRIKE_INSERT)
                   and _block_tops(j.block) and _block_tops(j.block)[0].tag == word
                   and set(_expected(j, word, tos, vacated + struck)) & set(vacated)]
        if not fillers:
            yield _report(moves[-1], f"the redesignation leaves {word} {_list(vacated, word)} vacant and no later "
                                     "instruction here inserts it")
            continue
        # What the insertions supply must fill every vacated place and must not take a place a redesignated
        # unit now holds. (Other places between may be the amended law's own units: not ours to judge.)
        if any(_enum_core(_block_tops(j.block)[0]) != _expected(j, word, tos, vacated + struck)[0] for j in fillers):
            continue  # an insertion that starts at the wrong place: quoted-block-level reports it
        supplied = [_enum_core(el) for j in fillers for el in _block_tops(j.block) if el.tag == word]
        missing = [c for c in vacated if c not in supplied]
        taken = [c for c in supplied if c in tos]
        if missing or taken:
            what = ([f"{_list(missing, word)} still vacant"] if missing else []) + \
                   ([f"{_list(taken, word)} already taken by a redesignated unit"] if taken else [])
            yield _report(fillers[0], f"the inserted text should fill {word} {_list(vacated, word)}, vacated by "
                                      f"the redesignation; {' and '.join(what)}")


_SKIP_SIDE = re.compile(r"\bitems?\b|added\s+by|as\s+added|accordingly|\b(?:first|second|third)\b"
                        r"|\bof\s+(?:such\s+)?title\b|\bsuch\s+section\b", re.I)


def ins_where(ins) -> str | None:
    return ins.operands.get("where")


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
    """Designations the redesignations free below the highest new one: gaps that need filling."""
    keys = [designations.parse(f"({c})", word) for c in tos]
    if not all(keys):
        return []
    top = max(k.key for k in keys)
    out = []
    for c in froms:
        d = designations.parse(f"({c})", word)
        if c not in tos and c not in out and d is not None and d.key < top:
            out.append(c)
    return out


def _expected(ins, word, tos, freed) -> list[str]:
    """What an insertion must supply: from after its anchor (or from the unit it strikes) up to the
    first redesignated unit above it; for "inserting before X", the freed places below X."""
    if ins.operands.get("where") == "before":
        unit = next(((lv, c) for lv, c in _anchor_chain(ins.operands.get("anchor", "")) if lv == word), None)
        bound = designations.parse(f"({unit[1]})", word) if unit else None
        if bound is None or bound.value is None:
            return []
        keyed = sorted((d.value, c) for c in set(freed) if (d := designations.parse(f"({c})", word))
                       and d.value is not None and d.value < bound.value)
        if not keyed:
            return []
        return [designations.label(v, bound.cls) for v in range(keyed[0][0], bound.value)]
    if ins.action == am.STRIKE_INSERT:
        unit = _deepest(ins.operands.get("strike", ""))
        start = designations.parse(f"({unit[1]})", word) if unit and unit[0] == word else None
        first = start.value if start and start.value else None
    else:
        chain = _anchor_chain(ins.operands.get("anchor", "")) if ins.operands.get("where") == "after" else []
        unit = next(((lv, c) for lv, c in chain if lv == word), None)   # "after subparagraph (H)(iii)": after (H)
        start = designations.parse(f"({unit[1]})", word) if unit else None
        first = start.value + 1 if start and start.value else None
    if first is None or start.cls is None:
        return []
    bounds = [d.value for d in (designations.parse(f"({c})", word) for c in tos)
              if d and d.value is not None and d.value >= first]
    if not bounds:
        return []
    return [designations.label(v, start.cls) for v in range(first, min(bounds))]


_WORD = re.compile(r"\b(section|subsection|paragraph|subparagraph|clause|subclause|item|subitem)s?\s+\(?([\w]+)\)?",
                   re.I)


@rule("BL304", "quoted-block-level", "error")
def quoted_block_level(doc, view):
    """
    The inserted quoted block starts at a level or designation the instruction does not imply.

    "by adding at the end the following new paragraph:" is followed by a paragraph; "by inserting after
    paragraph (13) the following:" by paragraph (14) (or an inserted (13A)); "by striking paragraph (3)
    and inserting the following:" by paragraph (3).

    Bad: "by inserting after paragraph (13) the following:" followed by "(15) ...".
    Good: followed by "(14) ...".
    """
    for ins in _parsed(doc, view):
        if ins.block is None:
            continue
        tops = _block_tops(ins.block)
        if not tops:
            continue
        first = tops[0]
        level = first.tag
        first_enum = "".join(first.find("enum").itertext())
        new = ins.operands.get("new")
        if new in EXPECTED and new != level and level in EXPECTED and not _fits(new, first_enum):
            yield _report(ins, f"the instruction adds a new {new}, but the quoted block starts with "
                               f"{first_enum.strip()}, a {level}")
            continue
        anchor = ins.operands.get("anchor") if ins.action == am.INSERT and ins.operands.get("where") == "after" else None
        if ins.action == am.STRIKE_INSERT:
            anchor, expect_same = ins.operands.get("strike"), True
        else:
            expect_same = False
        if not anchor:
            continue
        chain = _anchor_chain(anchor)
        if not chain or "through" in anchor or " and " in anchor or "," in anchor:
            continue
        # "inserting after clause (ii)(II) the following: (iii)": a new clause after the end of clause (ii)
        word, core = next(((lv, c) for lv, c in chain if lv == level), chain[-1])
        if word not in EXPECTED or word != level:
            if word in EXPECTED and level in EXPECTED and not expect_same and not _fits(word, first_enum):
                yield _report(ins, f"the instruction inserts after a {word}, but the quoted block starts with "
                                   f"{first_enum.strip()}, a {level}")
            continue
        got = designations.parse("".join(first.find("enum").itertext()), level)
        ref = designations.parse(f"({core})", word)
        if got is None or ref is None or got.value is None or ref.value is None or got.cls != ref.cls:
            continue
        if expect_same:
            ok = got.value == ref.value and not got.suffix
            want = fmt(ref.core, level)
        else:
            ok = got.value == ref.value + 1 and not got.suffix or got.value == ref.value and got.suffix > ref.suffix
            want = fmt(designations.label(ref.value + 1, ref.cls), level)
        if not ok and "redesignated" not in anchor:
            yield _report(ins, f"the quoted block should start with {level} {want}; it starts with "
                               f"{fmt(got.core, level)}")


def _fits(word: str, enum: str) -> bool:
    """Whether a designation has the class of a level: a quoted block tagged by designation (an SSA
    subparagraph "(MM)" tagged subitem) still fits an instruction that says "subparagraph"."""
    d = designations.parse(enum, word)
    return d is not None and d.cls == EXPECTED.get(word)


def _anchor_chain(anchor: str) -> list:
    """ "clause (ii)(II)" -> [("clause", "ii"), ("subclause", "II")]."""
    from ..analysis.references import REF, parse_chain as _chain, singular as _singular
    m = REF.match(anchor.strip())
    return _chain(_singular(m.group("word")), m.group("list")) if m else []


def _deepest(anchor: str):
    """ "clause (ii)(II)" -> ("subclause", "II"): the unit an anchor names, at its own level."""
    chain = _anchor_chain(anchor)
    return chain[-1] if chain else None


@rule("BL305", "after-quoted-block-punctuation", "warning")
def after_quoted_block_punctuation(doc, view):
    """
    The punctuation after a quoted block does not fit its place in the list of instructions.

    In "(1) by adding ... the following: "...". (2) ..." lists, the text after each quoted block ends the
    item as its place requires: ";" after an item in the middle, "; and" after the next-to-last item,
    "." after the last.

    Bad: the next-to-last item's quoted block followed by ".".
    Good: "; and" after the next-to-last, "." after the last.
    """
    for ins in _parsed(doc, view):
        block, prov = ins.block, ins.prov
        if block is None or prov.parent is None:
            continue
        after = block.find("after-quoted-block")
        if after is None or after is not block[-1] or block is not _last_content(prov):
            continue
        place = _place(doc, prov, view)
        if place is None:
            continue
        got = " ".join("".join(after.itertext()).split())
        want = {"last": ".", "next-to-last": "; and", "middle": ";"}[place]
        ok = {".": (".",), "; and": ("; and", "; or", ", and", ", or"), ";": (";", "; and", "; or", ",")}[want]
        if got in ok or got.endswith(".") and want == "." or not got:
            continue
        yield Report(f'after the quoted block: expected "{want}" (this instruction is the {place} of its list), '
                     f'found "{got}"', el=after, provision=prov)


def _place(doc, prov, view) -> str | None:
    """Where an instruction item stands: "middle", "next-to-last" or "last" (at every level of nested
    lists: the last item of an inner list takes the place of its parent in the list above). None for
    an item that is a sentence of its own ("(2) Section 5 is amended by ...")."""
    if am.AMENDED.search(doc.text(prov.el, view).text):
        return None
    node = prov
    while node.parent is not None and _is_instruction_list(doc, node.parent, view):
        siblings = [s for s in node.parent.live_children(view) if s.level == node.level]
        if len(siblings) < 2 or node not in siblings:
            return None
        i = siblings.index(node)
        if i == len(siblings) - 2:
            return "next-to-last"
        if i < len(siblings) - 2:
            return "middle"
        node = node.parent
    return "last" if node is not prov else None


def _last_content(prov):
    kids = [c for c in prov.el if isinstance(c.tag, str)]
    return kids[-1] if kids else None


def _is_instruction_list(doc, parent, view) -> bool:
    text = doc.text(parent.el, view).text.rstrip()
    return text.endswith("—") and bool(am.AMENDED.search(text) or am.IN.match(text))


# (pattern, fix, preferred form, trigger: a word every match holds, so only text around it is searched)
_WORDY = [
    (re.compile(r"\bstrik(e|ing)\s+out\b", re.I), lambda m: f"strik{m.group(1)}", "strike", "out"),
    (re.compile(r"\binsert(ing)?\s+in\s+lieu\s+thereof\b", re.I), lambda m: f"insert{m.group(1) or ''}", "insert",
     "lieu"),
    (re.compile(r"\beach\s+time\s+it\s+appears\b", re.I), lambda m: "each place it appears", "each place it appears",
     "time"),
    (re.compile(r"\badding\s+the\s+following\s+at\s+the\s+end\b", re.I), lambda m: "adding at the end the following",
     "adding at the end the following", "adding"),
    (re.compile(r"\bat\s+the\s+end\s+thereof\b", re.I), lambda m: "at the end", "at the end", "thereof"),
]


@rule("BL306", "wordy-instruction", "warning")
def wordy_instruction(doc, view):
    """
    An amendment instruction uses an old, wordy form.

    HOLC Manual 332(c): "strike out" -> "strike"; "insert in lieu thereof" -> "insert"; "each time it
    appears" -> "each place it appears"; "adding the following at the end:" -> "adding at the end the
    following:"; "at the end thereof" -> "at the end". Quoted text of other laws is left alone.

    Bad: "by striking out "1990" and inserting in lieu thereof "2000"".
    Good: "by striking "1990" and inserting "2000"".
    """
    from .text import matches
    for pattern, fix, better, trigger in _WORDY:
        for prov, run, m in matches(doc, view, pattern, quoted=False, trigger=trigger,
                                          among=[w[3] for w in _WORDY]):
            a, b = m.span()
            if run.marked(a, b, {"quote"}):
                continue
            new = fix(m)
            if m.group(0)[0].isupper():
                new = new[0].upper() + new[1:]
            yield Report(f'"{" ".join(m.group(0).split())}" -> "{better}"', run=run, start=a, end=b,
                         provision=prov, fix=(a, b, new, True))


_CONJ = re.compile(r"^[“\"]?(and|or)[”\"]?(?:\s+at\s+the\s+end)?\s*$", re.I)


@rule("BL307", "strike-and-conjunction", "warning")
def strike_and_conjunction(doc, view):
    """
    A new last item is added to a list, but the old last items' "and" and period are not both dealt with.

    Adding (G) after (F) takes two companion instructions: strike "and" at the end of (E), and replace
    the period at the end of (F) with "; and". When one of them is there and the other is not, the list
    ends up with two conjunctions or none.

    Bad: "(A) in subparagraph (F), by striking the period at the end and inserting "; and"; and (B) by
    adding at the end the following: (G) ..." with (E) still ending in "and".
    Good: also "(A) in subparagraph (E), by striking "and" at the end;".
    """
    instructions = _parsed(doc, view)
    by_context: dict = {}
    for ins in instructions:
        by_context.setdefault(ins.context[:-1] if len(ins.context) > 1 else ins.context, []).append(ins)
    for group in by_context.values():
        adds = [i for i in group if i.action == am.ADD and i.block is not None]
        for add in adds:
            tops = _block_tops(add.block)
            if not tops:
                continue
            level = tops[0].tag
            new = designations.parse("".join(tops[0].find("enum").itertext()), level)
            if new is None or new.value is None or new.value < 3 or new.suffix:
                continue
            last = designations.label(new.value - 1, new.cls)
            before = designations.label(new.value - 2, new.cls)
            # the old last item's end dealt with: its period struck (or the words ending with it replaced), or
            # a conjunction added at its end
            period = [i for i in group if _about(i, level, last) and (
                i.action == am.STRIKE_INSERT and ("period" in i.operands.get("strike", "")
                                                  or i.operands.get("strike", "").rstrip("”\"").endswith("."))
                or i.action == am.ADD and _CONJ.match(i.operands.get("insert", "").lstrip(",; “\"")))]
            # the old last item now takes the conjunction itself ("; and"), or just a separator ("a semicolon")
            joins = [i for i in period if _CONJ.match(i.operands.get("insert", "").lstrip(",; “\""))]
            conj = [i for i in group if i.action in (am.STRIKE, am.STRIKE_INSERT) and _about(i, level, before)
                    and _CONJ.match(i.operands.get("strike", "").lstrip(",; “\""))]
            # Only where the other item is left untouched by every instruction here: an item that is amended
            # in some other way may have had its end dealt with in words billlint does not read.
            if joins and not conj and not [i for i in group if _about(i, level, before)]:
                yield _report(add, f"{level} {fmt(last, level)} gets \"; and\", but nothing strikes the conjunction "
                                   f"at the end of {level} {fmt(before, level)}")
            elif conj and not period and not [i for i in group if _about(i, level, last)]:
                yield _report(add, f"the conjunction at the end of {level} {fmt(before, level)} is struck, but no "
                                   f"instruction here gives {level} {fmt(last, level)} the conjunction in place of "
                                   "its period")


def _about(ins, level: str, core: str) -> bool:
    want = f"{level} ({core})".lower()
    return bool(ins.target) and ins.target[-1].lower().startswith(want)
