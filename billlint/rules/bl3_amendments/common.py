"""What the BL3xx rules share."""

from __future__ import annotations

from ...analysis import amendments as am
from ...analysis.designations import fmt
from ...model.findings import Report


def parsed(doc, view):
    return doc.memo(("instructions", view), lambda: am.parse(doc, view))


def report(ins, message, fix=None):
    return Report(message, run=ins.run, start=ins.start, end=ins.end, provision=ins.prov, fix=fix)


def cite_list(cores, word) -> str:
    return ", ".join(fmt(c, word) for c in cores)


def block_tops(block):
    return [c for c in block if isinstance(c.tag, str) and c.find("enum") is not None]


def anchor_chain(anchor: str) -> list:
    """ "clause (ii)(II)" -> [("clause", "ii"), ("subclause", "II")]."""
    from ...analysis.references import REF, parse_chain, singular
    m = REF.match(anchor.strip())
    return parse_chain(singular(m.group("word")), m.group("list")) if m else []
