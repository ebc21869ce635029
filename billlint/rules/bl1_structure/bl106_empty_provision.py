"""BL106 empty-provision: the rule's docstring is its user documentation."""

from __future__ import annotations

from ...model.findings import Report
from ...model.vocabulary import LEVEL_RANK as RANK
from ..registry import rule


_CONTENT = frozenset({"quoted-block", "table", "graphic", "formula", "toc", "list", "continuation-text",
                      "non-statutory-material", "proviso"})


@rule("BL106", "empty-provision", "warning", reads=("provisions", "text"))
def empty_provision(doc, view):
    """
    A designated provision has no text and no subdivisions; or a quoted block is empty.

    A provision with an enum but nothing under it prints as a bare designation. A unit headed
    "[Reserved]" is a placeholder and is left alone. Text wrapped in another element counts (USLM writes a
    table or a table of contents inside <content>).

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
