"""BL613 act-section-code."""

from __future__ import annotations

import difflib

from ...analysis import citation_index
from ...analysis import citations as cx
from ..registry import rule
from .common import cites, report


@rule("BL613", "act-section-code", "warning", reads=("text",))
def act_section_code(doc, view):
    """
    A Code section for a section of an Act that looks like a slip for the one other bills give.

    For example: "section 1902 of the Social Security Act (42 U.S.C. 1395a)" where bills say 42 U.S.C. 1396a.

    The citation index counts, for each section of a named Act, the Code sections bills classify it to.
    The Code is reclassified editorially (title 25 in 2016, title 34 in 2017, ...), and an Act may be
    spread over several places, so a difference alone says nothing: only a citation in the same title,
    one or two characters away from a clear majority (at least 3 votes, twice this one's), is reported.

    Bad: "section 1862 of the Social Security Act (42 U.S.C. 395y)".
    Good: "section 1862 of the Social Security Act (42 U.S.C. 1395y)".
    """
    index = None
    for c in cites(doc, view, cx.USC):
        if c.act is None or not c.act_section or not c.section or c.extras.get("appendix"):
            continue
        index = index or citation_index.default()
        mine = f"{c.title}/{cx.section_key(c.section)}"
        got = index.majority("code", f"{c.act.key}|{cx.section_key(c.act_section)}", mine)
        if not got or not got[0]:
            continue
        best, n, m = got
        title, _, sec = best.partition("/")
        if not title.isdigit() or int(title) != c.title or not _near(sec, cx.section_key(c.section)):
            continue
        yield report(c, f"section {c.act_section} of {c.act.name} is {title} U.S.C. {sec.replace('-', '–')} in {n} "
                        f"other bills (this one: {m}); check {c.title} U.S.C. {c.section}")


def _near(a: str, b: str) -> bool:
    """One or two characters apart, by edit: a typing slip, not another place in the Code."""
    if a.lower() == b.lower():
        return False
    sm = difflib.SequenceMatcher(None, a, b)
    edits = sum(max(i2 - i1, j2 - j1) for op, i1, i2, j1, j2 in sm.get_opcodes() if op != "equal")
    return edits <= 2
