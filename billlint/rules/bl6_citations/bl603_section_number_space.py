"""BL603 section-number-space."""

from __future__ import annotations

import re

from ...analysis import citations as cx
from ..registry import rule
from .common import cites, report


def _range(section: str) -> bool:
    """Whether what follows the spaced dash is a section number of its own: a letter or a dash in it ("2000e –
    2000e–17", "1396a – 1396w–5"), or the first number's leading digits ("1395a – 1395")."""
    parts = re.split(r"\s*[" + cx.DASHES + r"]\s*", section, maxsplit=1)
    if len(parts) < 2:
        return False
    head, tail = parts
    digits = re.match(r"\d+", head)
    return bool(re.search(r"[A-Za-z" + cx.DASHES + r"]", tail)) or bool(digits and tail.startswith(digits.group(0)))


@rule("BL603", "section-number-space", "warning", fixable=True, reads=("text",))
def section_number_space(doc, view):
    """
    A space inside a U.S. Code section number: "42 U.S.C. 379j– 12" for "379j–12".

    A section number is one word; a space beside its dash splits it in print and in every tool that reads
    the citation. Only a number with a letter before its dash is read so ("1395 – 1396" may be a range), and
    not where what follows the dash is a section number of its own: "42 U.S.C. 2000e – 2000e–17" is a range
    of sections, which joined would read as one section nobody cited.
    The fix removes the space; it is safe (the section is the same). Text inside an inline
    quotation, marked up as <quote> or written in quotation marks, is left alone.

    Bad: "(21 U.S.C. 379j– 12)".
    Good: "(21 U.S.C. 379j–12)".
    """
    for c in cites(doc, view, cx.USC):
        sec = c.extras.get("sec")
        # a letter before the dash: "379j– 12" is one number; "1395 – 1396" may be a range
        if c.form == "title" or not sec or not re.search(r"[A-Za-z]\s*[" + cx.DASHES + r"]\s*\d", c.section) \
                or not re.search(r"\s", c.section):
            continue
        if _range(c.section):
            continue   # "2000e – 2000e–17": a range of sections, spaced; joined it would be one number nobody cited
        whole = "".join(c.section.split())
        yield report(c, f'"{c.section}": a space inside the section number ("{whole}")',
                     fix=(sec[0], sec[1], whole, True), start=sec[0], end=sec[1])
