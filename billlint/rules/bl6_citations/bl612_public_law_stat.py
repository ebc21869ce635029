"""BL612 public-law-stat."""

from __future__ import annotations


from ...model.patterns import lazy
from ...analysis import citation_index
from ...analysis import citations as cx
from ..registry import rule
from .common import cites, dash, law, report


@rule("BL612", "public-law-stat", "warning", reads=("text",))
def public_law_stat(doc, view):
    """
    A Statutes at Large page that cannot belong to the Public Law it follows, by other bills' pages.

    For example: "(Public Law 107–196; 116 Stat. 2135)" where bills put Public Law 107–296 at 116 Stat. 2135.

    The Statutes at Large print public laws in the order of their numbers, so a law's pages (its first page
    and every pinpoint inside it) come after those of every lower-numbered law of its Congress and before
    those of every higher-numbered one. A page is compared with that range, never with one page: pinpoints
    and divisions cite pages inside the law. Votes against the citation (other bills' pages of other laws
    that contradict the order) must reach a clear majority: at least 3,
    and twice the bills that give this law this page. Only the first Stat. cite after a Public Law is
    checked (later ones may be amending laws' pages).

    A volume with no page before a U.S.C. citation ("(Public Law 114–328; 130 Stat. 22 U.S.C. 2656 note)")
    is reported as a missing page: the number after "Stat." is then the Code's title, never read as a page.

    Bad: "the Homeland Security Act of 2002 (Public Law 107–196; 116 Stat. 2135)".
    Good: "the Homeland Security Act of 2002 (Public Law 107–296; 116 Stat. 2135)".
    """
    index = None
    for c in cites(doc, view, cx.STAT):
        pl = c.law
        if _CODE_AFTER.match(c.run.text, c.end):
            of = f" of {law(pl)}" if pl is not None else ""
            yield report(c, f"{c.volume} Stat. has no page: {c.page} is the title of the U.S.C. citation after it; "
                            f"give the page{of} in volume {c.volume}")
            continue
        if pl is None or pl.congress < 82 or c.volume not in cx.volumes(pl.congress) or c.extras.get("listed"):
            continue    # BL605 reports a volume outside the Congress; a list of pages holds amending laws' pages
        index = index or citation_index.default()
        against, who = index.order_conflicts(pl.law_id, c.volume, c.page)
        mine = index.stat.get(pl.law_id, {}).get(f"{c.volume}:{c.page}", 0)
        if against < citation_index.MIN_VOTES or against < citation_index.RATIO * max(mine, 1):
            continue
        same = index.laws_for_page(c.volume, c.page)
        if same and same[0][1] != pl.law_id:
            hint = f"other bills cite {c.volume} Stat. {c.page} for Public Law {dash(same[0][1])}"
        else:
            votes, other, vp = who[0]
            v, p = vp.split(":")
            hint = f"other bills put Public Law {dash(other)} at {v} Stat. {p}"
        later = any(_n(w[1]) > pl.number for w in who[:1])
        why = " (if it is the page of a later law that amended it, cite the law's own page first)" if later else ""
        yield report(c, f"{c.volume} Stat. {c.page} does not fit {law(pl)}: {hint} "
                        f"({against} votes against, {mine} for){why}")


# "130 Stat. 22 U.S.C. 2656 note": the number after "Stat." is the Code's title, the page left out
_CODE_AFTER = lazy(r"\s*U\.\s*S\.\s*C\.")


def _n(law_id: str) -> int:
    return int(law_id.partition("-")[2] or 0)
