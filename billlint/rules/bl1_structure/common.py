"""What the BL1xx rules share."""

from __future__ import annotations

from ...model.vocabulary import SECTION_LEVELS
from ...model.document import Provision


SUB_LEVELS = SECTION_LEVELS[1:]   # subsection ... subitem


def top_sections(doc, view) -> list[Provision]:
    return [p for p in doc.provisions_in(view) if p.level == "section" and p.quoted is None]
