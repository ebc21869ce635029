"""BL307 strike-and-conjunction: the rule's docstring is its user documentation."""

from __future__ import annotations

import re

from ...model.patterns import lazy
from ...analysis import amendments as am
from ...analysis import designations
from ...analysis.designations import fmt
from ...model.vocabulary import LEVEL_RANK as RANK
from ..registry import rule
from .common import block_tops, parsed, report


_CONJ = lazy(r"^[“\"]?(and|or)[”\"]?(?:\s+at\s+the\s+end)?\s*$", re.I)


@rule("BL307", "strike-and-conjunction", "info", reads=("instructions",))
def strike_and_conjunction(doc, view):
    """
    A new last item is added to a list, but the old last items' "and" and period are not both dealt with.

    Adding (G) after (F) takes two companion instructions: strike "and" at the end of (E), and replace
    the period at the end of (F) with "; and". When one of them is there and the other is not, the list
    ends up with two conjunctions or none.

    Whether the old items end in "and" or a period is the amended law's text, which billlint cannot see:
    info at most, and the message says what to do if the law's text is so, not that it is (the old last
    unit of a nested list may already end with the outer list's "; and", not a period). A struck conjunction
    with nothing done at the old last unit's end is reported only where the new unit ends its sentence with
    a period, so that the old last unit ended it before: where the new unit ends with "; and" or ";", the
    list is nested in another and the old last unit's end (often the outer list's "; and", which then
    serves) is the law's text; the corpus showed such findings right and wrong in equal number, with
    nothing in the bill to tell them apart. Silent where
    the new unit is a sentence of its own (the units are separate sentences, not a conjoined list), where the old last item gets a list of its own (its "; and" ends that list's
    first unit), and where the amended text is "as amended by" or "as added by" another provision (an
    earlier amendment may have dealt with the ends).

    Bad: "(A) in subparagraph (F), by striking the period at the end and inserting "; and"; and (B) by
    adding at the end the following: (G) ..." with (E) still ending in "and".
    Good: also "(A) in subparagraph (E), by striking "and" at the end;".
    """
    instructions = parsed(doc, view)
    by_context: dict = {}
    for ins in instructions:
        by_context.setdefault(ins.context[:-1] if len(ins.context) > 1 else ins.context, []).append(ins)
    for group in by_context.values():
        adds = [i for i in group if i.action == am.ADD and i.block is not None]
        for add in adds:
            tops = block_tops(add.block)
            if not tops:
                continue
            level = tops[0].tag
            new = designations.parse("".join(tops[0].find("enum").itertext()), level)
            if new is None or new.value is None or new.value < 3 or new.suffix or _sentence(tops[0]):
                continue
            if any(_EARLIER.search(t) for i in group for t in i.target):
                continue   # "as amended by subsection (c)": an earlier amendment may have dealt with the ends
            last = designations.label(new.value - 1, new.cls)
            before = designations.label(new.value - 2, new.cls)
            # the old last item's end dealt with: its period struck (or the words ending with it replaced), or
            # a conjunction added at its end
            period = [i for i in group if _about(i, level, last) and (
                i.action == am.STRIKE_INSERT and ("period" in i.operands.get("strike", "")
                                                  or i.operands.get("strike", "").rstrip("”\"").endswith("."))
                or i.action == am.ADD and _CONJ.match(i.operands.get("insert", "").lstrip(",; “\"")))]
            # the old last item gets a list of its own at its end: its "; and" ends its own first unit
            if any(_about(i, level, last) and i.action == am.ADD and i.block is not None and block_tops(i.block)
                   and RANK.get(block_tops(i.block)[0].tag, 0) > RANK.get(level, 0) for i in group):
                continue
            # the old last item now takes the conjunction itself ("; and"), or just a separator ("a semicolon")
            joins = [i for i in period if _CONJ.match(i.operands.get("insert", "").lstrip(",; “\""))]
            conj = [i for i in group if i.action in (am.STRIKE, am.STRIKE_INSERT) and _about(i, level, before)
                    and _CONJ.match(i.operands.get("strike", "").lstrip(",; “\""))]
            # Only where the other item is left untouched by every instruction here: an item that is amended
            # in some other way may have had its end dealt with in words billlint does not read.
            if joins and not conj and not [i for i in group if _about(i, level, before)]:
                got = joins[0].operands.get("insert", "").strip("“”\"")
                yield report(add, f"{level} {fmt(last, level)} gets \"{got}\", but no instruction here strikes a "
                                   f"conjunction at the end of {level} {fmt(before, level)}: if it ends with one in "
                                   "the law, strike it")
            elif conj and not period and not [i for i in group if _about(i, level, last)] and _ends(tops[-1]):
                yield report(add, f"the conjunction at the end of {level} {fmt(before, level)} is struck, but no "
                                   f"instruction here changes the end of {level} {fmt(last, level)}: unless it already "
                                   "ends with a conjunction in the law, it needs one")


_EARLIER = lazy(r"\bas\s+(?:amended|added)\s+by\b", re.I)
_VERB = lazy(r"\b(?:shall|may|must|is|are)\b")


def _sentence(unit) -> bool:
    """A new unit that is a sentence of its own ("(G) Not later than ..., Guam shall submit ..."): the units
    are then separate sentences, not items of a conjoined list."""
    text = unit.find("text")
    words = " ".join("".join(text.itertext()).split()) if text is not None else ""
    return bool(words) and words[0].isupper() and bool(_VERB.search(words))


def _ends(unit) -> bool:
    """The new last unit ends its sentence ("... the Department of State."): the old last unit ended it before,
    with a period that now needs a conjunction. A new unit ending "; and" or ";" belongs to a list nested in
    another, where the old last unit may already end with the outer list's "; and" (or need one): the bill
    does not show which."""
    return "".join(unit.itertext()).rstrip().rstrip("”’\"'").endswith(".")


def _about(ins, level: str, core: str) -> bool:
    want = f"{level} ({core})".lower()
    return bool(ins.target) and ins.target[-1].lower().startswith(want)
