"""What the BL1xx rules share."""

from __future__ import annotations

import re

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


def amendment_block(el):
    """The amendment-block of an amendment document that holds el, or None."""
    return next(el.iterancestors("amendment-block"), None)


def groups(doc, view) -> list:
    """The document's sibling lists (Document.groups), the body's split by amendment: each amendment of an
    amendment document puts its text at its own place in the measure, so its units are a list of their own.
    Worked out once per view for the rules that read them."""
    return doc.memo(("bl1 groups", view), lambda: list(_groups(doc, view)))


def _groups(doc, view):
    for parent, group in doc.groups(view):
        if parent is not None or group[0].quoted is not None:
            yield parent, group
            continue
        lists: dict = {}
        for p in group:
            lists.setdefault(amendment_block(p.el), []).append(p)
        yield from ((parent, g) for g in lists.values())


_REPLACES = re.compile(r"\bstrike\s+(section|subsection|paragraph|subparagraph|clause|subclause)\s+"
                       r"\(?([0-9A-Za-z]+)\)?\.?\s+and\s+insert\s+the\s+following\s*:?\s*$", re.I)


def replaced(p):
    """(level, designation) of the one unit the amendment holding p strikes and replaces ("In section 3, strike
    subsection (b) and insert the following:"), where p is the first unit of its amendment-block; else None."""
    block = amendment_block(p.el)
    if block is None or next((c for c in block if isinstance(c.tag, str)), None) is not p.el:
        return None
    ins = block.getprevious()
    while ins is not None and ins.tag != "amendment-instruction":
        ins = ins.getprevious()
    m = _REPLACES.search(" ".join("".join(ins.itertext()).split())) if ins is not None else None
    return (m.group(1).lower(), m.group(2)) if m else None
