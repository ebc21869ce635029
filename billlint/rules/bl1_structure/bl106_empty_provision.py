"""BL106 empty-provision: the rule's docstring is its user documentation."""

from __future__ import annotations

import re

from ...analysis import amendments as am
from ...model.findings import Report
from ...model.vocabulary import LEVEL_RANK as RANK
from ..bl3_amendments.common import parsed
from ..registry import rule


_CONTENT = frozenset({"quoted-block", "table", "graphic", "formula", "toc", "list", "continuation-text",
                      "non-statutory-material", "proviso"})


@rule("BL106", "empty-provision", "warning", reads=("provisions", "text", "instructions"))
def empty_provision(doc, view):
    """
    A designated provision has no text and no subdivisions; or a quoted block is empty.

    A provision with an enum but nothing under it prints as a bare designation. A unit headed
    "[Reserved]" is a placeholder and is left alone. Text wrapped in another element counts (USLM writes a
    table or a table of contents inside <content>).

    Silent on the last unit of a quoted block that puts text in the middle of the amended law's sentence ("by
    striking “greater of” and all that follows through “or” and inserting the following: “greater of— (i) 5
    percent ...; or (ii)", or inserting before or after a quoted word): the law's words after the struck span or
    the anchor become that bare unit's text, as the drafter meant. Still reported: an empty unit in the bill's own
    text, one with more of the block after it, and a bare last unit of a block that is added at the end, restates a
    unit, replaces whole units, or replaces a span that runs to the end ("“or” at the end", "and all that
    follows" with no "through", quoted words that end their unit: "“September 30, 2025.”").

    Bad: `<paragraph><enum>(3)</enum><text></text></paragraph>`.
    Good: `<paragraph><enum>(3)</enum><text>the cost of the reserve.</text></paragraph>`.
    """
    for p in doc.provisions_in(view):
        if p.designation is None or p.live_children(view) or (p.quoted is not None and p.header):
            continue  # a quoted enum and header alone is a heading amendment ("to read as follows:")
        if p.header and "reserved" in p.header.lower():
            continue  # "SEC. 1903. [RESERVED]." holds its number on purpose
        if doc.text(p.el, view).text.strip() or \
                any(_has_content(doc, c, view) for c in p.el if isinstance(c.tag, str) and c.tag != "enum"):
            continue  # its own text first: the runs of its parts would be kept for nothing else
        if _takes_the_rest(doc, p, view):
            continue
        yield Report(f"{p.cite if p.level == 'section' else p.level + ' ' + p.cite} has no text",
                     el=p.el, provision=p)
    for qb in doc.root.iter("quoted-block"):
        if doc.in_view(qb, view) and not any(_has_content(doc, c, view) for c in qb if isinstance(c.tag, str)) \
                and not (qb.text or "").strip():
            yield Report("empty quoted block", el=qb)


def _has_content(doc, el, view) -> bool:
    if not doc.in_view(el, view):
        return False
    if el.tag in _CONTENT or el.tag in RANK:
        return True
    if el.tag == "header":
        return False
    # USLM wraps block content (a table, a table of contents) in <content>: what it holds counts
    return bool(doc.text(el, view).text.strip()) or any(_has_content(doc, c, view) for c in el if isinstance(c.tag, str))


# a struck span that runs to the end of its unit leaves nothing after the inserted text
_TO_END = re.compile(r"\bat\s+the\s+end\b|\ball\s+that\s+follows\b(?!.*\bthrough\b)", re.I)
# nor does one whose quoted words end their unit: "striking “September 30, 2025.”" or "“...; and”"
_ENDS_UNIT = re.compile(r"(?:[.;:]|;\s+(?:and|or))[\u201d\"]\s*$")


def _takes_the_rest(doc, p, view) -> bool:
    """Whether a bare designation ends text put in the middle of the amended law's sentence ("by striking “greater
    of” and all that follows through “or” and inserting the following: “greater of— (i) 5 percent ...; or (ii)"):
    the words after the struck span (or after the quoted anchor) become its text."""
    block = p.quoted
    if block is None or block.tag != "quoted-block":
        return False
    units = [el for el in block.iter() if el is not block and isinstance(el.tag, str) and el.find("enum") is not None]
    if not units or units[-1] is not p.el:
        return False   # a bare unit with more of the block after it has no text of the law's to take
    ins = next((i for i in parsed(doc, view) if i.block is block), None)
    if ins is None:
        return False
    if ins.action == am.STRIKE_INSERT:
        span = ins.operands.get("strike", "")
    elif ins.action == am.INSERT and ins.operands.get("where") in ("after", "before", "immediately after",
                                                                    "immediately before"):
        span = ins.operands.get("anchor", "")
    else:
        return False   # added at the end, restated, or put in place of whole units: nothing follows it
    return span.startswith(("\u201c", '"')) and not _TO_END.search(span) and not _ENDS_UNIT.search(span)
