"""What the BL2xx rules share."""

from __future__ import annotations

from ...analysis import references as refs


def quoted(text: str) -> str:
    return '"' + " ".join(text.split()) + '"'


def internal(doc, view):
    return [r for r in all_refs(doc, view) if r.kind == refs.INTERNAL]


def all_refs(doc, view):
    return doc.memo(("refs", view), lambda: refs.find(doc, view))
