"""BL601 public-law-dash."""

from __future__ import annotations

from ...analysis import citations as cx
from ..registry import rule
from .common import cites, report


@rule("BL601", "public-law-dash", "warning", fixable=True, reads=("text",))
def public_law_dash(doc, view):
    """
    A Public Law number written without its en dash: "Public Law 107-296".

    For example: "Public Law 107-296" (hyphen), "107—296" (em dash), "107 – 296" or "107 296".

    Drafting style writes the Public Law number with an en dash and no spaces; GPO's typesetting and
    citation tools look for it. The fix (an en dash in place of the hyphen, em dash or spaced dash) is
    safe: the number is the same. A number with only a space between its parts is reported without a
    safe fix. Text inside an inline quotation (what an amendment strikes), marked up as <quote> or written in
    quotation marks (by striking “(Public Law 107-296)”), is left alone.

    Bad: "the Homeland Security Act of 2002 (Public Law 107-296; 116 Stat. 2135)".
    Good: "the Homeland Security Act of 2002 (Public Law 107–296; 116 Stat. 2135)".
    """
    for c in cites(doc, view, cx.PUBLIC_LAW):
        if c.sep == "–":
            continue
        a, b = c.extras["sep"]
        shown = {"-": "a hyphen", "—": "an em dash"}.get(c.sep.strip(), "spaces" if not c.sep.strip() else
                                                          f'"{c.sep.strip()}"')
        if c.sep.strip() != c.sep and c.sep.strip():
            shown += " with spaces"
        safe = bool(c.sep.strip())
        yield report(c, f"Public Law {c.congress}–{c.number} is written with {shown}; the number takes an en "
                        f"dash", fix=(a, b, "–", safe))
