"""BL101 enum-sequence: the rule's docstring is its user documentation."""

from __future__ import annotations

from ...analysis.designations import fmt, label, parse, unify
from ...model.textrun import local
from ...model.vocabulary import ABOVE_SECTION, ARABIC, EXPECTED, SECTION_LEVELS, WARNING
from ...model.findings import Report
from ...model.document import Provision
from ..registry import rule


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


def _steady(ds) -> bool:
    return all(d is not None and d.value is not None and not d.suffix for d in ds) and \
        all(b.value == a.value + 1 for a, b in zip(ds, ds[1:]))


def _runs_as(group: list[Provision], ds: list, cls) -> str | None:
    """The level whose designations the group's printed ones are, where its tags say another: (I), (II), (III)
    tagged subparagraphs skip by a letter's reading ((I) then (II) as a doubled letter) and run in sequence as
    subclauses. None where the tagged level reads them in sequence, or a designation has the wrong class
    (enum-class reports that)."""
    level = group[0].level
    if level not in EXPECTED or level == "section" or len(group) < 2 or _steady(ds) or \
            any(d is None or d.cls != cls for d in ds):
        return None
    rank = SECTION_LEVELS.index(level)
    fits = []
    for lv in SECTION_LEVELS[1:]:
        read = [parse(p.enum, lv) for p in group]
        if lv != level and all(d is not None and d.cls == EXPECTED[lv] for d in read) and _steady(read):
            fits.append((abs(SECTION_LEVELS.index(lv) - rank), lv))
    return min(fits)[1] if fits else None


def _cite(core: str, level: str) -> str:
    return f"{level} {fmt(core, level)}"


# From this many skips in one list, the list is reported once.
MANY = 3


@rule("BL101", "enum-sequence", "error", reads=("provisions",))
def enum_sequence(doc, view):
    """
    Designations of sibling provisions skip one, repeat one, or go backwards.

    Among the live children of one level under the same parent, each designation follows the one
    before it: (a), (b), (c); (1), (2); (i), (ii), (iii), (iv), (v); after (z) comes (aa) (HOLC Manual
    335(a)). Struck siblings do not count, so a struck (3) beside an inserted (3) is fine. Inserted
    designations such as (4A) may follow (4). Sections are checked by section-sequence. An undesignated unit
    between designated ones ("Fiscal year 2023:" in a budget resolution) heads the units after it, which may
    start again at (A).

    Chapters, subchapters and parts numbered with figures may skip forward: codified titles number them
    by odd numbers (1001, 1003) and leave room between groups (3033, 3051).

    Certain (error): read at the level their tags give, the designations of one list skip one, repeat one or
    go backwards, and no other reading puts them in order.

    A warning, not an error:
    - a list that skips three or more times (an enrolled Act that keeps the numbers of items dropped on the
      way) is reported once, naming the skips: renumbering may not be wanted there;
    - a list whose printed designations run in sequence at another level, where the tags say otherwise
      ((I), (II), (III) tagged as subparagraphs: by a letter's reading (II) would skip from (I)): the
      printed text is right and the markup is not; the message names the tag to use, never a new designation.

    Bad: paragraphs (1), (2), (4) -- "expected paragraph (3) after (2), found (4)".
    Good: paragraphs (1), (2), (3); or (1), (2), (2A), (3) inside a quoted block.
    """
    for _parent, group in doc.groups(view):
        level = group[0].level
        if level == "section":
            continue
        ds, cls = _designations(group)
        other = _runs_as(group, ds, cls)
        if other is not None:
            # (I), (II), (III) tagged as subparagraphs: a skip by the tag, in sequence by the printed text
            first, last = fmt(group[0].designation.core, other), fmt(group[-1].designation.core, other)
            # reported where the tag's reading breaks: (II) after (I)
            at = next((q for q, a, b in zip(group[1:], ds, ds[1:]) if b.value != a.value + 1), group[-1])
            yield Report(f"markup: {first} to {last} ({len(group)} {level}s) run in sequence as {other}s but are "
                         f"tagged <{local(group[0].el.tag)}>: tag as <{other}>", el=at.el, provision=at,
                         severity=WARNING)
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
                    want = label(pd.value + 1, cls)
                    rep = Report(f"expected {_cite(want, level)} after {fmt(pd.core, level)}, found "
                                 f"{fmt(d.core, level)}", el=p.el, provision=p)
                    if d.value > pd.value and level in ABOVE_SECTION and cls == ARABIC:
                        continue   # codified titles number chapters and parts by odd numbers, leaving room
                    if d.value > pd.value:
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
            words = [f"{fmt(b.core, level)} to {fmt(q.designation.core, level)}" for q, b, _r in gaps[:4]]
            more = f" and {len(gaps) - 4} more" if len(gaps) > 4 else ""
            yield Report(f"{level} designations skip {len(gaps)} times in this list: {', '.join(words)}{more}",
                         el=gaps[0][0].el, provision=gaps[0][0], severity=WARNING)
