"""What the BL5xx rules share."""

from __future__ import annotations




CHANGED = ("added", "deleted")


def changed(doc):
    """Elements that carry a change: changed="added|deleted", and the phrase elements."""
    for el in doc.root.iter():
        if not isinstance(el.tag, str):
            continue
        kind = el.get("changed") if el.get("changed") in CHANGED else \
            {"added-phrase": "added", "deleted-phrase": "deleted"}.get(el.tag)
        if kind:
            yield el, kind


def ancestors(el):
    node = el.getparent()
    while node is not None:
        yield node
        node = node.getparent()
