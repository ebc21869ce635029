"""BL607 approved-date-congress."""

from __future__ import annotations

from ...analysis import citations as cx
from ..registry import rule
from .common import cites, law, ordinal, report


@rule("BL607", "approved-date-congress", "warning", reads=("text",))
def approved_date_congress(doc, view):
    """
    A law said to be approved on a date outside its Congress (or its Statutes volume's year).

    For example: "approved June 9, 2010 (Public Law 107–296)", or outside the year of its Statutes at Large
    volume.

    Congress c sits from January 3 of 2c+1787 to January 3 of 2c+1789; a President may sign its last
    laws a few days later, so dates to the end of that January count. Since 1951 volume v holds the laws
    of the year v+1886 (and those signed the next January). Either the date or the citation is wrong.

    Bad: "the Act approved November 25, 2002 (Public Law 108–296)".
    Good: "the Act approved November 25, 2002 (Public Law 107–296)".
    """
    for c in cites(doc, view, cx.APPROVED):
        if c.date is None or c.law is None:
            continue
        d = c.date
        if c.law.kind == cx.PUBLIC_LAW and c.law.congress >= 74:
            first, _ = cx.congress_years(c.law.congress)
            if not (d.year in (first, first + 1) or (d.year == first + 2 and d.month == 1)):
                yield report(c, f"{law(c.law)} is a law of the {ordinal(c.law.congress)} Congress ({first}–{first + 2}), "
                                f"but it is said to be approved on {d:%B} {d.day}, {d.year}")
        elif c.law.kind == cx.STAT and c.law.volume >= 65:
            year = c.law.volume + 1886
            if not (d.year == year or (d.year == year + 1 and d.month == 1)):
                yield report(c, f"{c.law.volume} Stat. holds the laws of {year}, but the law is said to be "
                                f"approved on {d:%B} {d.day}, {d.year}")
