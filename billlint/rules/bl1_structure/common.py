"""What the BL1xx rules share."""

from __future__ import annotations

from ...analysis.designations import fmt
from ...model.vocabulary import SECTION_LEVELS
from ...model.document import Provision


SUB_LEVELS = SECTION_LEVELS[1:]   # subsection ... subitem


def top_sections(doc, view) -> list[Provision]:
    return [p for p in doc.provisions_in(view) if p.level == "section" and p.quoted is None]


# From this many skips forward in one list, the list is reported once (an enrolled Act that keeps the numbers
# of units dropped on the way), not once per skip.
MANY = 3


def skips(found, level: str) -> str:
    """ "1004 to 1009, 1009 to 1011, ... and 5 more" for (provision, designation before it, report) triples."""
    words = [f"{fmt(pd.core, level)} to {fmt(p.designation.core, level)}" for p, pd, _r in found[:4]]
    return ", ".join(words) + (f" and {len(found) - 4} more" if len(found) > 4 else "")
