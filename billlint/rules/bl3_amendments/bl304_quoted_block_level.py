"""BL304 quoted-block-level: the rule's docstring is its user documentation."""

from __future__ import annotations

from ...analysis import amendments as am
from ...analysis import designations
from ...analysis.designations import fmt
from ...model.vocabulary import EXPECTED
from ..registry import rule
from .common import anchor_chain, block_tops, parsed, report


@rule("BL304", "quoted-block-level", "error", reads=("instructions",))
def quoted_block_level(doc, view):
    """
    The inserted quoted block starts at a level or designation the instruction does not imply.

    "by adding at the end the following new paragraph:" is followed by a paragraph; "by inserting after
    paragraph (13) the following:" by paragraph (14) (or an inserted (13A)); "by striking paragraph (3)
    and inserting the following:" by paragraph (3).

    Bad: "by inserting after paragraph (13) the following:" followed by "(15) ...".
    Good: followed by "(14) ...".
    """
    for ins in parsed(doc, view):
        if ins.block is None:
            continue
        tops = block_tops(ins.block)
        if not tops:
            continue
        first = tops[0]
        level = first.tag
        first_enum = "".join(first.find("enum").itertext())
        new = ins.operands.get("new")
        if new in EXPECTED and new != level and level in EXPECTED and not _fits(new, first_enum):
            yield report(ins, f"the instruction adds a new {new}, but the quoted block starts with "
                               f"{first_enum.strip()}, a {level}")
            continue
        anchor = ins.operands.get("anchor") if ins.action == am.INSERT and ins.operands.get("where") == "after" else None
        if ins.action == am.STRIKE_INSERT:
            anchor, expect_same = ins.operands.get("strike"), True
        else:
            expect_same = False
        if not anchor:
            continue
        chain = anchor_chain(anchor)
        if not chain or "through" in anchor or " and " in anchor or "," in anchor:
            continue
        # "inserting after clause (ii)(II) the following: (iii)": a new clause after the end of clause (ii)
        word, core = next(((lv, c) for lv, c in chain if lv == level), chain[-1])
        if word not in EXPECTED or word != level:
            if word in EXPECTED and level in EXPECTED and not expect_same and not _fits(word, first_enum):
                yield report(ins, f"the instruction inserts after a {word}, but the quoted block starts with "
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
            yield report(ins, f"the quoted block should start with {level} {want}; it starts with "
                               f"{fmt(got.core, level)}")


def _fits(word: str, enum: str) -> bool:
    """Whether a designation has the class of a level: a quoted block tagged by designation (an SSA
    subparagraph "(MM)" tagged subitem) still fits an instruction that says "subparagraph"."""
    d = designations.parse(enum, word)
    return d is not None and d.cls == EXPECTED.get(word)
