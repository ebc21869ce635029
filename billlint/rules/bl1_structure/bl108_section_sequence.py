"""BL108 section-sequence: the rule's docstring is its user documentation."""

from __future__ import annotations

from ...analysis import tables
from ...analysis.designations import following, roman_value
from ...model.vocabulary import ARABIC, WARNING
from ...model.findings import Report
from ...model.document import Provision
from ..registry import rule
from .common import MANY, amendment_block, replaced, skips, top_sections


def _new_series(doc, p, d, view) -> bool:
    """An appropriations title that numbers its general provisions from a new hundred (201 after title I's
    agency-numbered 1001-1301): the committees' custom, not a slip."""
    if d.value % 100 != 1 or p.parent is None or not doc.in_appropriations(p):
        return False
    return next((c for c in p.parent.live_children(view) if c.level == "section"), None) is p


def _appropriates(doc, p) -> bool:
    """Appropriations text, or a measure whose official title makes appropriations (a continuing resolution)."""
    if doc.in_appropriations(p):
        return True
    title = next(doc.root.iter("official-title", "uslm-longTitle", "longTitle"), None)
    return title is not None and "appropriations" in "".join(title.itertext()).lower()


def _round_jump(doc, p, pd, d) -> bool:
    # Appropriations general provisions number by agency in tens: 501, 510, 511, 520.
    return d.value > pd.value and d.value % 10 == 0 and doc.in_appropriations(p)


@rule("BL108", "section-sequence", "error", reads=("provisions", "markup"))
def section_sequence(doc, view):
    """
    Section numbers skip, repeat or go backwards.

    Within a title (or subtitle, part, ...) sections run 101, 102, 103; a new title, or a new
    appropriations heading, may start a new hundred (201) and a new division may start over. In
    appropriations text a jump to a round ten (511, 520) is the custom and is allowed (appropriations text is
    known by its headings, or by a title "Making appropriations ...": in USLM 1.0, which has no appropriations
    headings, by the long title "AN ACT Making appropriations ..." or by the numberless <level>s its converter writes
    for them). A repeated number is reported with the line of
    both sections. Inserted sections such as 5A may follow 5. A section the committee renumbered in place
    ("SEC. [4] 3." after a struck section, the old number struck and the new one in italic) has in each view
    the number that view prints. A document with several bodies (a reported
    bill carrying each committee's amendment in the nature of a substitute) numbers each body for itself, and
    each amendment of an amendment document numbers the text it inserts for the place it goes ("At the end of
    title I, add: SEC. 105." then "Strike section 12 and insert: SEC. 12."); an amendment that strikes a section and
    inserts the following inserts a section of that number ("Strike section 12 and insert: SEC. 13." is a slip).

    Certain (error): a repeated number in one division, or a skip or step back inside one list of sections,
    that no convention below explains. A title's first section numbered as the title's first hundred
    (title II, sec. 201) does not go backwards, whatever the title before it did; in appropriations text a
    title whose sections start a new hundred (201 after title I's agency-numbered 1001-1301) follows the
    committees' custom: silent. So is section 1 followed by 101, 102 in one list in a measure that makes
    appropriations (a continuing resolution numbers its provisions from 101 after the short title, titles or
    not).

    A skip the bill's own table of contents lists the same way (1004 then 1009) is numbering kept on purpose
    (an enrolled Act keeps the numbers of sections dropped on the way) and is not reported. A list that skips
    three or more times is reported once, as a warning that names the skips, not once per skip.

    Bad: sections 1, 2, 4 -- "expected sec. 3 after sec. 2, found sec. 4".
    Good: sections 1, 2, 3; or title I: 101, 102, title II: 201.
    """
    seen: dict[tuple, Provision] = {}
    prev: Provision | None = None
    listed = tables.pairs(doc, view)
    gaps: dict = {}    # (parent, run) -> [(section, its report)]
    for p in top_sections(doc, view):
        d = p.designation
        if d is None or d.cls != ARABIC:
            continue
        gone = replaced(p)
        if gone is not None and gone[0] == "section" and d.core.lower() != gone[1].lower():
            yield Report(f"the amendment strikes section {gone[1]} and inserts sec. {d.core} in its place: the new "
                         f"section should be sec. {gone[1]}", el=p.el, provision=p)
        scope = _scope(doc, p)
        key = (id(scope), d.key)
        duplicate = key in seen
        if duplicate:
            yield Report(f"duplicate section {d.core}; also at line {seen[key].line}", el=p.el, provision=p)
        seen.setdefault(key, p)
        if prev is not None and not d.suffix and not duplicate:
            pd = prev.designation
            same_scope = _scope(doc, prev) is scope
            same_list = prev.parent is p.parent and prev.run == p.run
            # sec. 1 (the short title) and then 101, 102: a continuing resolution numbers by hundreds, titles or not
            hundreds = pd.value == 1 and d.value == 101 and _appropriates(doc, p)
            if same_list and d.value != pd.value + 1 and d.key != pd.key and not _round_jump(doc, p, pd, d) \
                    and not hundreds:
                if ("section", pd.core, d.core) not in listed:
                    gaps.setdefault((id(p.parent), p.run), []).append(
                        (p, pd, Report(f"expected sec. {following(pd)} after sec. {pd.core}, found sec. {d.core}",
                                       el=p.el, provision=p)))
            elif not same_list and same_scope and d.value <= pd.value and d.key != pd.key \
                    and not _starts_its_title(p, d) and not _new_series(doc, p, d, view):
                yield Report(f"sec. {d.core} comes after sec. {pd.core}: section numbers go backwards",
                             el=p.el, provision=p)
        prev = p
    for found in gaps.values():
        if len(found) < MANY:
            yield from (r for _p, _pd, r in found)
            continue
        p = found[0][0]
        yield Report(f"section numbers skip {len(found)} times in this list: {skips(found, 'section')}", el=p.el,
                     provision=p, severity=WARNING)


def _scope(doc, p):
    """Where p's section numbers are one series: its division; else the amendment block that holds it (each
    amendment of an amendment document puts its text at another place of the measure); else its body."""
    div = next((a for a in p.ancestors() if a.level == "division"), None)
    if div is not None:
        return div
    block = amendment_block(p.el)
    return block if block is not None else doc.body(p.el)


def _starts_its_title(p, d) -> bool:
    """Whether p, the first section of a new list, is numbered as its title's first hundred (title II, sec.
    201): right by the title's own number, whatever the title before it did (1001-1301 in title I)."""
    title = next((a for a in p.ancestors() if a.level == "title"), None)
    core = title.designation.core if title is not None and title.designation else ""
    value = int(core) if core.isdigit() else roman_value(core)
    return value is not None and d.value == 100 * value + 1

