"""Designations and headers a committee changed in place ("SEC. [struck 4] [italic 3]."): each view reads its own."""

from __future__ import annotations

from ..analysis import designations
from .textrun import view_text
from .vocabulary import INTRODUCED, REPORTED


def note(doc, prov, enum_el, header_el) -> None:
    """Keep both views' designation and header of prov where they differ (the reported ones are the model's own)."""
    def words(el, view):
        return " ".join(view_text(el, view).split()) if el is not None else None
    if all(words(el, INTRODUCED) == words(el, REPORTED) for el in (enum_el, header_el)):
        return
    enum = view_text(enum_el, INTRODUCED) if enum_el is not None else None
    d = designations.parse(enum, prov.level) if enum is not None else None
    if d is not None and d.compound:
        return
    doc.renumbered.append((prov, {REPORTED: (prov.enum, prov.designation, prov.header),
                                  INTRODUCED: (d.raw if d is not None else enum, d, words(header_el, INTRODUCED))}))


def show(doc, view: str) -> None:
    """Give each such provision the designation and header this view prints (the reported ones for any other)."""
    for prov, each in doc.renumbered:
        prov.enum, prov.designation, prov.header = each.get(view, each[REPORTED])
