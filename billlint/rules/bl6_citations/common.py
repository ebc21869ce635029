"""What the BL6xx rules share: the bill's citations, found once per view."""

from __future__ import annotations

from ...analysis import citations as cx
from ...model.findings import Report


def cites(doc, view, kind: str | None = None, quoted: bool = False):
    """The bill's citations (of one kind); without quoted, none inside an inline quotation (struck text)."""
    return [c for c in cx.find(doc, view) if (kind is None or c.kind == kind) and (quoted or not c.quoted)]


def report(c, message: str, fix=None, start: int | None = None, end: int | None = None) -> Report:
    return Report(message, run=c.run, start=c.start if start is None else start, end=c.end if end is None else end,
                  provision=c.prov, fix=fix)


def law(c) -> str:
    return f"Public Law {c.congress}–{c.number}"


def dash(law_id: str) -> str:
    return law_id.replace("-", "–")


def ordinal(n: int) -> str:
    """Congress style: 101st, 102d, 103d, 107th, 111th."""
    if 10 <= n % 100 <= 20:
        return f"{n}th"
    return f"{n}" + {1: "st", 2: "d", 3: "d"}.get(n % 10, "th")
