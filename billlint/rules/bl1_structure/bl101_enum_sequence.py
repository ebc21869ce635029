"""BL101 enum-sequence: the rule's docstring is its user documentation."""

from __future__ import annotations

from ...analysis import tables
from ...analysis import designations
from ...analysis.designations import fmt, label, unify
from ...model.vocabulary import ABOVE_SECTION, ARABIC, EXPECTED, WARNING
from ...model.findings import Report
from ...model.document import Provision
from ..registry import rule
from .common import MANY, skips, groups


def _designations(group: list[Provision]) -> tuple[list, str | None]:
    """The group's designations and the class they should share."""
    ds = [p.designation for p in group]
    level = group[0].level
    if level in EXPECTED:
        return ds, EXPECTED[level]
    # Above the section, the class is whatever the first unit uses (titles I, II; subtitles A, B).
    if all(d is not None for d in ds):
        ds = unify(ds)
    return ds, ds[0].cls if ds[0] else None


def _cite(core: str, level: str) -> str:
    return f"{level} {fmt(core, level)}"


def _tagged_off(group: list[Provision], ds: list, level: str) -> str | None:
    """The level a whole list's designations run at, one by one from the first, when they skip at the level
    it is tagged: (I), (II), (III) tagged as subparagraphs read as letters 9, 35, 61 but are subclauses 1, 2, 3.
    The printed text is right and the tags are wrong."""
    if level not in EXPECTED or len(group) < 2 or any(d is None or d.value is None for d in ds):
        return None
    if any(d.cls != EXPECTED[level] for d in ds):
        return None    # designations of another class at this level: enum-class reports the list
    if all(b.value == a.value + 1 for a, b in zip(ds, ds[1:])):
        return None
    for lv, cls in EXPECTED.items():
        if lv == "section" or cls == EXPECTED[level]:
            continue
        other = [designations.parse(p.enum, lv) for p in group]
        if all(d is not None and d.cls == cls and not d.suffix for d in other) and other[0].value == 1 \
                and all(b.value == a.value + 1 for a, b in zip(other, other[1:])):
            return lv
    return None


@rule("BL101", "enum-sequence", "error", reads=("provisions",))
def enum_sequence(doc, view):
    """
    Designations of sibling provisions skip one, repeat one, or go backwards.

    Among the live children of one level under the same parent, each designation follows the one
    before it: (a), (b), (c); (1), (2); (i), (ii), (iii), (iv), (v); after (z) comes (aa) (HOLC Manual
    335(a)). Struck siblings do not count, so a struck (3) beside an inserted (3) is fine. A designation the
    committee renumbered in place ("([3] 2)": the old one struck, the new one in italic) is read in each view as
    that view prints it: (2) in the reported bill, (3) in the introduced one. Inserted
    designations such as (4A) may follow (4). Sections are checked by section-sequence. An undesignated unit
    between designated ones ("Fiscal year 2023:" in a budget resolution) heads the units after it, which may
    start again at (A).

    Chapters, subchapters and parts numbered with figures may skip forward: codified titles number them
    by odd numbers (1001, 1003) and leave room between groups (3033, 3051).

    Certain (error): read at the level their tags give, the designations of one list skip one, repeat one or
    go backwards, and no other reading puts them in order.

    A whole list whose designations run one by one at another level and skip at the level it is tagged
    ((I), (II), (III) tagged as subparagraphs, where they would be letters 9, 35, 61) is a markup fault, not a
    numbering one: one warning names the level its designations belong to and the cure (tag them so), never a
    new designation.

    A skip the bill's own table of contents lists the same way (titles VI, VIII, X; subtitles A, C, E of one
    title) is numbering kept on purpose (an Act that keeps the designations of the bill it was drawn from, or of
    units dropped on the way) and is not reported.

    A list that skips three or more times (an enrolled Act that keeps the numbers of items dropped on the
    way) is reported once, as a warning naming the skips: renumbering may not be wanted there.

    Bad: paragraphs (1), (2), (4) -- "expected paragraph (3) after (2), found (4)".
    Good: paragraphs (1), (2), (3); or (1), (2), (2A), (3) inside a quoted block.
    """
    for _parent, group in groups(doc, view):
        level = group[0].level
        if level == "section":
            continue
        ds, cls = _designations(group)
        right = _tagged_off(group, ds, level)
        if right:
            named = ", ".join(f"({p.designation.core})" for p in group[:3]) + (", ..." if len(group) > 3 else "")
            yield Report(f"markup: {named} are tagged <{level}>; by designation they are {right}s: "
                         f"tag them as <{right}>",
                         el=group[0].el, provision=group[0], severity=WARNING)
            continue
        prev = pd = None
        gaps = []
        for p, d in zip(group, ds):
            if d is None or d.value is None or d.cls != cls:
                continue
            if d.parts and d.parts[0] != d.core and d.raw.strip()[:1].isdigit():
                prev = None  # "10. (a)": a run-in section number starts another section's list
            if prev is not None and d.value == 1 and not d.suffix and (prev.run != p.run or doc.in_appropriations(p)):
                pass  # in appropriations text a heading or a run of text may start a new list
            elif prev is not None:
                if d.key == pd.key:
                    yield Report(f"duplicate {_cite(d.core, level)}; also at line {prev.line}", el=p.el, provision=p)
                elif not d.suffix and d.value != pd.value + 1:
                    if d.value > pd.value and level in ABOVE_SECTION and cls == ARABIC:
                        continue   # codified titles number chapters and parts by odd numbers, leaving room
                    want = label(pd.value + 1, cls)
                    rep = Report(f"expected {_cite(want, level)} after {fmt(pd.core, level)}, found "
                                 f"{fmt(d.core, level)}", el=p.el, provision=p)
                    if d.value > pd.value and (level, pd.core, d.core) in tables.pairs(doc, view):
                        pass       # numbering kept on purpose: the bill's own table lists the same skip
                    elif d.value > pd.value:
                        gaps.append((p, pd, rep))   # a skip forward: many in one list are reported together
                    else:
                        yield rep
                elif d.suffix and d.value not in (pd.value, pd.value + 1) and not pd.suffix:
                    yield Report(f"inserted {_cite(d.core, level)} does not follow {fmt(pd.core, level)}",
                                 el=p.el, provision=p)
            prev, pd = p, d
        if len(gaps) < MANY:
            yield from (r for _p, _pd, r in gaps)
        else:
            yield Report(f"{level} designations skip {len(gaps)} times in this list: {skips(gaps, level)}",
                         el=gaps[0][0].el, provision=gaps[0][0], severity=WARNING)
