"""BL602 usc-format."""

from __future__ import annotations

import re

from ...analysis import citations as cx
from ..registry import rule
from .common import cites, report

_ET_SEQ = re.compile(r"\s+et\s+seq\b(?!\.)")


@rule("BL602", "usc-format", "warning", fixable=True, reads=("text",))
def usc_format(doc, view):
    """
    A U.S. Code citation whose "U.S.C." lacks a period or a space: "42 U.S.C 1395".

    For example: "42 U.S.C 1395", "42 U.S.C.1395", "42 USC 1395", "42U.S.C. 1395"; and "et seq" without its
    period ("42 U.S.C. 1395 et seq").

    The form is title, space, "U.S.C.", space, section. The fix writes it so; it is safe, as the citation
    names the same section. Line breaks and several spaces count as one space (they print as one).
    Text inside an inline quotation, marked up as <quote> or written in quotation marks, is left alone.

    Bad: "section 1848 of the Social Security Act (42 U.S.C 1395w–4)".
    Good: "section 1848 of the Social Security Act (42 U.S.C. 1395w–4)".
    """
    for c in cites(doc, view, cx.USC):
        if c.form == "title":
            continue
        text = c.run.text
        seq = _ET_SEQ.match(text, c.end)
        if seq:
            yield report(c, f'"{c.text} et seq" lacks the period of "et seq." (the abbreviation of "et sequentes")',
                         fix=(seq.end(), seq.end(), ".", True), end=seq.end())
        g0, g1 = c.extras["gap"]
        s0, s1 = c.extras["space"]
        slips = []
        if c.form != "U.S.C.":
            slips.append(f'"{c.form}" for "U.S.C."')
        if g0 == g1:
            slips.append('no space after the title number')
        if s0 == s1:
            slips.append('no space after "U.S.C."')
        if not slips:
            continue
        a = g0
        b = s1
        new = " U.S.C. "
        if text[a:b] == new:
            continue
        yield report(c, f"{c.text}: {' and '.join(slips)}; the form is \"{c.title} U.S.C. {c.section or 'note'}\"",
                     fix=(a, b, new, True))
