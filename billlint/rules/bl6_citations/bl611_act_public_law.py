"""BL611 act-public-law."""

from __future__ import annotations

from ...analysis import citation_index
from ...analysis import citations as cx
from ..registry import rule
from .common import cites, dash, law, report


@rule("BL611", "act-public-law", "warning", reads=("text",))
def act_public_law(doc, view):
    """
    An Act cited with a Public Law number that other bills give to another law.

    For example: "the Homeland Security Act of 2002 (Public Law 107–196)" where bills cite it as Public Law
    107–296.

    The citation index (a default one built from real bills ships with billlint; `billlint cites index
    FOLDER` adds your own) counts, for each Act name with a year, the Public Law numbers bills give it,
    one vote a bill. A number is reported when another has a clear majority (at least 3 votes and twice
    this number's), or, where the index does not decide, when the bill itself gives the Act another number
    at least twice as often (and twice or more). Even splits are BL614's (info). The index may be wrong
    where bills are, so this is never an error.

    Bad: "the Homeland Security Act of 2002 (Public Law 107–196; 116 Stat. 2135)".
    Good: "the Homeland Security Act of 2002 (Public Law 107–296; 116 Stat. 2135)".
    """
    for c, (best, n, mine, *_), where in disagreements(doc, view):
        if best and where == "index":
            yield report(c, f"{c.act.name} is Public Law {dash(best)} in {n} other bills (this number: {mine}); "
                            f"check {law(c)}")
        elif best:
            yield report(c, f"{c.act.name} is Public Law {dash(best)} {n} times in this bill, {law(c)} here")


def disagreements(doc, view):
    """(Public Law cite, (the other law or "" for an even split, its count, this law's count), "index" or
    "bill"): where the index, or failing it the bill itself, gives the cite's Act another number."""
    index = None
    acts = [c for c in cites(doc, view, cx.PUBLIC_LAW) if c.act is not None and c.act.year]
    own: dict = {}
    for c in acts:
        own.setdefault(c.act.key, {}).setdefault(c.law_id, 0)
        own[c.act.key][c.law_id] += 1
    for c in acts:
        index = index or citation_index.default()
        got = index.majority("acts", c.act.key, c.law_id)
        if got is not None and (got[0] or len(own[c.act.key]) == 1):
            yield c, got, "index"
            continue
        counts = own[c.act.key]
        if len(counts) < 2:
            continue
        best, n = max(counts.items(), key=lambda kv: (kv[1], kv[0]))
        mine = counts[c.law_id]
        if best != c.law_id and n >= 2 and n >= 2 * mine:
            yield c, (best, n, mine), "bill"
        elif max(v for k, v in counts.items() if k != c.law_id) == mine:
            other = next(k for k, v in counts.items() if k != c.law_id and v == mine)
            yield c, ("", mine, mine, other), "bill"


