"""BL304 quoted-block-level: the rule's docstring is its user documentation."""

from __future__ import annotations

from ...analysis import amendments as am
from ...analysis import designations
from ...analysis.designations import fmt
from ...model.vocabulary import EXPECTED
from ...model.findings import Report
from ...model.textrun import view_text
from ...model.vocabulary import INFO, LEVEL_RANK as RANK, WARNING
from ..registry import rule
from .common import anchor_chain, block_tops, parsed, report


@rule("BL304", "quoted-block-level", "error", reads=("instructions",))
def quoted_block_level(doc, view):
    """
    The inserted quoted block starts at a level or designation the instruction does not imply.

    "by adding at the end the following new paragraph:" is followed by a paragraph; "by inserting after
    paragraph (13) the following:" by paragraph (14) (or an inserted (13A)); "by striking paragraph (3)
    and inserting the following:" by paragraph (3).

    Certain (error): the block's designation does not follow the anchor's, or its level is not the one the
    instruction names. Where the designations follow ("after paragraph (k)" and "(l)") and only the level
    word differs, the amended law may name its levels its own way: where the word names a lower level than
    the designation's class (the Federal Food, Drug, and Cosmetic Act calls the lettered units of section 301
    "paragraph (k)", as older Acts do) the rule is silent; where it names a higher one ("after paragraph (Q)"
    for a subparagraph (R)) it is info. Where the anchor and the new unit carry the same level word and the
    designations follow ("after subparagraph (vi) the following new subparagraph: (vii)", a clause by its
    designation's class), the instruction names the amended law's levels consistently: silent.

    A redesignation in the same list of instructions that vacates the block's designation ("redesignating
    paragraphs (8) through (52) as paragraphs (9) through (53) ... inserting after paragraph (6) the
    following: (8)") makes the block right and the anchor the slip: a warning that names the unit the block
    belongs after, never one that tells the drafter to renumber a right block.

    In a reported bill each view reads the anchor and the block as it prints them: a committee that renumbers
    them in place ("after paragraph [(13)] (14)" and "([14] 15)") has made them agree.

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
        first_enum = view_text(first.find("enum"), view)   # "([3] 4)": the committee renumbered the block
        new = ins.operands.get("new")
        anchor = ins.operands.get("anchor") if ins.action == am.INSERT and ins.operands.get("where") == "after" else None
        if new in EXPECTED and new != level and level in EXPECTED and not _fits(new, first_enum):
            if _named_alike(anchor, new, first_enum, level):
                continue   # "after subparagraph (vi) ... the following new subparagraph: (vii)": the amended law's naming
            yield report(ins, f"the instruction adds a new {new}, but the quoted block starts with "
                               f"{first_enum.strip()}, a {level}")
            continue
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
                if _in_sequence(core, first_enum, level):
                    # "after paragraph (k)" and "(l)": the designations follow; only the level word differs. An
                    # older Act that calls the lettered units under its sections "paragraphs" (the FFDCA's
                    # "paragraph (k)") names its own levels: silent. A word for a higher level than the
                    # designation's ("paragraph (Q)") is more likely a slip: info.
                    if RANK[level] < RANK[word]:
                        continue
                    yield Report(f"the instruction inserts after {word} ({core}) and the quoted block starts with "
                                 f"{first_enum.strip()}, tagged {level}: in sequence, but the level words differ "
                                 f"(the amended law's own naming, or a slip)", run=ins.run, start=ins.start,
                                 end=ins.end, provision=ins.prov, severity=INFO)
                    continue
                yield report(ins, f"the instruction inserts after a {word}, but the quoted block starts with "
                                   f"{first_enum.strip()}, a {level}")
            continue
        got = designations.parse(view_text(first.find("enum"), view), level)
        ref = designations.parse(f"({core})", word)
        if got is None or ref is None or got.value is None or ref.value is None or got.cls != ref.cls:
            continue
        if expect_same:
            ok = got.value == ref.value and not got.suffix
            want = fmt(ref.core, level)
        else:
            ok = _comes_after(ref, got)
            want = fmt(designations.following(ref), level)
            if ref.suffix:   # after 704A comes 704B (or 705)
                want = f"{fmt(ref.core[:-len(ref.suffix)] + _next_suffix(ref.suffix), level)} or {want}"
        if not ok and "redesignated" not in anchor:
            if not expect_same and got.core in _vacated(doc, ins, level, view):
                # the block fills the place a redesignation in the same instruction vacated: the block is
                # right, and the anchor should be the unit before it
                before = fmt(designations.label(got.value - 1, got.cls), level) if got.value > 1 else None
                where = f"after {level} {before}" if before else "before the first"
                yield Report(f"the redesignation vacates {level} {fmt(got.core, level)}, which the quoted block "
                             f"fills: insert it {where}, not after {level} {fmt(ref.core, level)}",
                             run=ins.run, start=ins.start, end=ins.end, provision=ins.prov, severity=WARNING)
                continue
            yield report(ins, f"the quoted block should start with {level} {want}; it starts with "
                               f"{fmt(got.core, level)}")


def _fits(word: str, enum: str) -> bool:
    """Whether a designation has the class of a level: a quoted block tagged by designation (an SSA
    subparagraph "(MM)" tagged subitem) still fits an instruction that says "subparagraph"."""
    d = designations.parse(enum, word)
    return d is not None and d.cls == EXPECTED.get(word)


def _in_sequence(core: str, enum: str, level: str) -> bool:
    """Whether the anchor's designation, read at the block's level, comes right before the block's first."""
    a = designations.parse(f"({core})", level)
    b = designations.parse(enum, level)
    if a is None or b is None or a.cls != b.cls or a.value is None or b.value is None:
        return False
    return _comes_after(a, b)


def _comes_after(a, b) -> bool:
    """Whether designation b comes right after a: the next value, or a's value with a later inserted suffix."""
    return b.value == a.value + 1 and not b.suffix or b.value == a.value and b.suffix > a.suffix


def _next_suffix(suffix: str) -> str:
    if suffix.isdigit():
        return str(int(suffix) + 1)
    return suffix[:-1] + chr(ord(suffix[-1]) + 1) if suffix[-1] not in "zZ" else suffix + "A"


def _named_alike(anchor, new: str, enum: str, level: str) -> bool:
    """ "inserting after subparagraph (vi) the following new subparagraph: (vii)": the anchor and the new unit
    are named with the same level word, and the designations run in sequence. The amended law names its levels
    so; the block's tag follows the designations' class."""
    chain = anchor_chain(anchor) if anchor else []
    return len(chain) == 1 and chain[0][0] == new and _in_sequence(chain[0][1], enum, level)


def _vacated(doc, ins, level: str, view) -> set:
    """Designations of this level that a redesignation in the same list of instructions (same context) vacates:
    moved from and not moved to ("by redesignating paragraphs (8) through (52) as paragraphs (9) through (53)")."""
    froms, tos = set(), set()
    for j in parsed(doc, view):
        if j.action == am.REDESIGNATE and j.context == ins.context and j.prov.line <= ins.prov.line:
            wa, a = am.designation_list(j.operands["from"])
            wb, b = am.designation_list(j.operands["to"])
            if wa == level and wb == level:
                froms.update(a)
                tos.update(b)
    return froms - tos
