"""Designations a committee changed in place ("SEC. [struck 4] [italic 3]."): each view reads its own."""

from __future__ import annotations

from ..analysis import designations
from .textrun import view_text
from .vocabulary import INTRODUCED, REPORTED


def note(doc, prov, enum_el) -> None:
    """Keep both views' designations of prov, whose designation holds a changed phrase (the reported one is
    the model's own)."""
    enum = view_text(enum_el, INTRODUCED)
    if enum == view_text(enum_el, REPORTED):
        return
    d = designations.parse(enum, prov.level)
    if d is not None and d.compound:
        return
    doc.renumbered.append((prov, {REPORTED: (prov.enum, prov.designation),
                                  INTRODUCED: (d.raw if d is not None else enum, d)}))


def show(doc, view: str) -> None:
    """Give each renumbered provision the designation this view prints (the reported one for any other view)."""
    for prov, each in doc.renumbered:
        prov.enum, prov.designation = each.get(view, each[REPORTED])
