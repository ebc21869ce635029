"""BL605 stat-volume-congress."""

from __future__ import annotations

from ...analysis import citations as cx
from ..registry import rule
from .common import cites, law, ordinal, report


@rule("BL605", "stat-volume-congress", "warning", reads=("text",))
def stat_volume_congress(doc, view):
    """
    A Statutes at Large volume that cannot hold the Public Law it follows.

    For example: "(Public Law 107–296; 115 Stat. 2135)" is fine, "(Public Law 107–296; 106 Stat. 2135)" is
    not.

    Since 1951 (the 82d Congress) one volume holds one calendar year, so Congress c's laws are in volumes
    2c−99 and 2c−98. Only the first Stat. cite after a Public Law is checked: later ones may be the pages
    of laws that amended it. A later volume followed by more Stat. cites ("Public Law 102–240; 109 Stat.
    597; 131 Stat. 797") is such a list of amending laws' pages (the provision cited was added after
    enactment) and is left alone. Otherwise either the Public Law number or the volume is wrong; the
    message names the volumes that fit.

    Bad: "the Homeland Security Act of 2002 (Public Law 107–296; 106 Stat. 2135)".
    Good: "the Homeland Security Act of 2002 (Public Law 107–296; 116 Stat. 2135)".
    """
    for c in cites(doc, view, cx.STAT):
        pl = c.law
        if pl is None or pl.congress < 82:
            continue
        fits = cx.volumes(pl.congress)
        if c.volume > fits[1] and c.extras.get("listed"):
            continue    # a list of later volumes: the pages of the laws that amended the provision cited
        if c.volume not in fits:
            yield report(c, f"{c.volume} Stat. cannot hold {law(pl)}: the {ordinal(pl.congress)} Congress's laws are in "
                            f"volumes {fits[0]} and {fits[1]}")
