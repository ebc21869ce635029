"""BL611 act-public-law."""

from __future__ import annotations

from ...analysis import citation_index
from ...analysis import citations as cx
from ..registry import rule
from .common import cites, dash, law, report


@rule("BL611", "act-public-law", "warning")
def act_public_law(doc, view):
    """
    An Act cited with a Public Law number that other bills give to another law.

    For example: "the Homeland Security Act of 2002 (Public Law 107–196)" where bills cite it as Public Law
    107–296.

    The citation index (a default one built from real bills ships with billlint; `billlint cites index
    FOLDER` adds your own) counts, for each Act name with a year, the Public Law numbers bills give it,
    one vote a bill. A number is reported when another has a clear majority (at least 3 votes and twice
    this number's); as info when two numbers tie with 2 votes or more. The index may be wrong where bills
    are, so this is never an error.

    Bad: "the Homeland Security Act of 2002 (Public Law 107–196; 116 Stat. 2135)".
    Good: "the Homeland Security Act of 2002 (Public Law 107–296; 116 Stat. 2135)".
    """
    for c, (best, n, mine) in disagreements(doc, view):
        if best:
            yield report(c, f"{c.act.name} is Public Law {dash(best)} in {n} other bills (this number: {mine}); "
                            f"check {law(c)}")


def disagreements(doc, view):
    """(Public Law cite, (majority law or "" for a tie, its votes, this law's votes)) where the index differs."""
    index = None
    for c in cites(doc, view, cx.PUBLIC_LAW):
        if c.act is None or not c.act.year:
            continue
        index = index or citation_index.default()
        got = index.majority("acts", c.act.key, c.law_id)
        if got is not None:
            yield c, got


