"""BL104 nesting-level: the rule's docstring is its user documentation."""

from __future__ import annotations

from ...model.vocabulary import SECTION_LEVELS
from ...model.findings import Report
from ...model.vocabulary import LEVEL_RANK as RANK
from ..registry import rule
from .common import SUB_LEVELS


@rule("BL104", "nesting-level", "warning", reads=("provisions",))
def nesting_level(doc, view):
    """
    A provision sits more than one level below its parent.

    Each child is one level below its parent: a subsection holds paragraphs, a paragraph holds
    subparagraphs. A section may hold paragraphs directly. The bill DTD already rejects most skips;
    this rule also covers documents checked without the DTD and other formats. Quoted text keeps the
    structure of the law it comes from (a note of the Harmonized Tariff Schedule goes from (a) to (i)) and
    is not checked.

    Bad: a clause directly inside a subsection (the paragraph and subparagraph levels are missing).
    Good: subsection (a) > paragraph (1) > subparagraph (A) > clause (i).
    """
    for p in doc.provisions_in(view):
        parent = p.parent
        if parent is None or p.level not in SUB_LEVELS or parent.level not in SECTION_LEVELS or p.quoted is not None:
            continue
        gap = RANK[p.level] - RANK[parent.level]
        if gap <= 1 or (parent.level == "section" and p.level == "paragraph"):
            continue
        missing = [lv for lv in SECTION_LEVELS if RANK[parent.level] < RANK[lv] < RANK[p.level]]
        if parent.level == "section":
            missing = [lv for lv in missing if lv != "subsection"]
        yield Report(f"a {p.level} directly inside a {parent.level}: missing {' and '.join(missing)} level",
                     el=p.el, provision=p)
