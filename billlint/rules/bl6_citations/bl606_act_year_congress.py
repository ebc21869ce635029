"""BL606 act-year-congress."""

from __future__ import annotations

from ...analysis import citations as cx
from ..registry import rule
from .common import cites, law, ordinal, report


@rule("BL606", "act-year-congress", "warning", reads=("text",))
def act_year_congress(doc, view):
    """
    The year in an Act's name does not fit the Congress of its Public Law.

    For example: "the Homeland Security Act of 2002 (Public Law 109–296)" (the 109th Congress sat in 2005 and
    2006).

    Congress c sits in the years 2c+1787 and 2c+1788. A name with "of YYYY" takes the year it was
    enacted in; an appropriations name ("Act, 2010") or one "for Fiscal Year 2010" may run one year later.
    Either the number or the name is wrong.

    Bad: "the Homeland Security Act of 2002 (Public Law 109–296; 116 Stat. 2135)".
    Good: "the Homeland Security Act of 2002 (Public Law 107–296; 116 Stat. 2135)".
    """
    for c in cites(doc, view, cx.PUBLIC_LAW):
        act = c.act
        if act is None or not act.year or c.congress < 74:
            continue
        first, last = cx.congress_years(c.congress)
        if act.year_kind in ("comma", "fiscal"):
            last += 1
        if not first <= act.year <= last:
            span = f"{first}–{last}" if act.year_kind in ("comma", "fiscal") else f"{first} and {first + 1}"
            yield report(c, f"{law(c)} is a law of the {ordinal(c.congress)} Congress ({span}), but \"{act.name}\" "
                            f"names {act.year}")
