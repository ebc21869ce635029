"""BL301 redesignation-mismatch: the rule's docstring is its user documentation."""

from __future__ import annotations

from ...analysis import amendments as am
from ...analysis import designations
from ...model.patterns import lazy
from ...model.vocabulary import EXPECTED
from ..registry import rule
from .common import cite_list, parsed, report


def _class_of(level: str, core: str):
    d = designations.parse(f"({core})", level)
    return d.cls if d else None


def _transfers(ins) -> bool:
    """Whether the list of instructions holding ins (or ins itself) moves a unit ("by transferring subsection (e) to
    appear after subsection (b)")."""
    prov = ins.prov.parent if ins.prov.parent is not None and ins.prov.level != "section" else ins.prov
    return bool(_TRANSFER.search(" ".join(prov.el.itertext())))


_TRANSFER = lazy(r"\b(?:transferring|moving|transferred|moved)\b|\bto\s+appear\s+(?:after|before)\b")


@rule("BL301", "redesignation-mismatch", "error", reads=("instructions",))
def redesignation_mismatch(doc, view):
    """
    The two sides of a redesignation do not agree.

    "by redesignating subsections (d), (e), (f), and (g) as subsections (e), (f), (g), and (h),
    respectively": both sides name the same number of units ("through" ranges are expanded), each
    designation fits its side's level word, and the new designations run in order. A unit may change
    level ("paragraphs (1) and (2) as subparagraphs (A) and (B)"). Either side may be a coordinated list of
    ranges and pairs, each repeating the level word ("subparagraphs (H) through (J), and subparagraphs (K) and
    (L), as subparagraphs (I) through (K), and subparagraphs (M) and (O), respectively"): the whole list is
    counted when it ends the side (", respectively" or the clause's end follows it). A list followed by anything
    else starts the next pair ("paragraph (3) as paragraph (4), and paragraph (7) as paragraph (9)"; "and paragraph
    (3) of subsection (b) as ...") and is not part of the side before it.

    Certain (error): the sides count different numbers of units, the new designations run out of order, or a
    designation does not fit its side's level word while the other side's word or class differs (a slip in
    one of them: "subparagraphs (R) through (V) as paragraphs (S) through (W)"). Where both sides carry the
    same level word and all the designations share one class ("paragraphs (k) and (l) as paragraphs (l)
    and (m)"), the amended law names its levels its own way (older Acts call the lettered units of a section
    "paragraphs"): silent on the class. New designations that are the old ones in another order ("paragraphs (2)
    and (3) as paragraphs (3) and (2)", or a renumbering after a transfer) reorder the units on purpose when the same
    instructions transfer a unit ("by transferring subsection (e) to appear after subsection (b)"): silent.

    Bad: "by redesignating paragraphs (3) through (5) as paragraphs (4) and (5)" (3 units, 2 places).
    Good: "by redesignating paragraphs (3) through (5) as paragraphs (4) through (6), respectively".
    """
    for ins in parsed(doc, view):
        if ins.action != am.REDESIGNATE:
            continue
        wa, a = am.designation_list(ins.operands["from"])
        wb, b = am.designation_list(ins.operands["to"])
        if not a or not b:
            continue
        if len(a) != len(b):
            yield report(ins, f"redesignates {len(a)} {wa}{'s' * (len(a) != 1)} as {len(b)} "
                               f"{wb}{'s' * (len(b) != 1)}: {cite_list(a, wa)} as {cite_list(b, wb)}")
            continue
        classes = {_class_of(wa, c) for c in a} | {_class_of(wb, c) for c in b}
        if wa == wb and len(classes) == 1 and None not in classes:
            # "redesignating paragraphs (k) and (l) as paragraphs (l) and (m)": both sides name the units alike
            # and their designations share one class: the amended law names its levels so (older Acts call
            # the lettered units of a section "paragraphs")
            sides = ()
        else:
            sides = ((wa, a), (wb, b))
        for word, side in sides:
            cls = EXPECTED.get(word)
            bad = [c for c in side if cls and word != "section" and _class_of(word, c) != cls]
            if bad:
                yield report(ins, f"({bad[0]}) is not a {word} designation")
                break
        else:
            keys = [designations.parse(f"({c})", wb) for c in b]
            # the same designations in another order ("(c), (d), and (e) as (d), (e), and (c)") reorder the
            # units on purpose when the same instructions transfer a unit; without one it is a slip for the next
            # designations ("(c) and (d) as (d) and (c)" before inserting a new (c))
            if all(k and k.value is not None for k in keys) and [k.key for k in keys] != sorted(k.key for k in keys) \
                    and not (wa == wb and sorted(a) == sorted(b) and _transfers(ins)):
                yield report(ins, f"the new designations are out of order: {cite_list(b, wb)}")
