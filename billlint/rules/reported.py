"""BL5xx: reported markup (changed="added|deleted", added-phrase, deleted-phrase). Reports live in changes.py."""

from __future__ import annotations

import re

from ..model.findings import Report
from .registry import rule

_CHANGED = ("added", "deleted")


def _changed(doc):
    """Elements that carry a change: changed="added|deleted", and the phrase elements."""
    for el in doc.root.iter():
        if not isinstance(el.tag, str):
            continue
        kind = el.get("changed") if el.get("changed") in _CHANGED else \
            {"added-phrase": "added", "deleted-phrase": "deleted"}.get(el.tag)
        if kind:
            yield el, kind


def _ancestors(el):
    node = el.getparent()
    while node is not None:
        yield node
        node = node.getparent()


def _reported(doc) -> bool:
    stage = doc.root.get("bill-stage") or doc.root.get("resolution-stage") or ""
    return stage.startswith("Reported") or doc.root.find(".//action-instruction") is not None


@rule("BL501", "change-without-committee", "warning")
def change_without_committee(doc, view):
    """
    Reported text is marked as added or deleted without saying which committee made the change.

    Each changed element (or one of its changed ancestors) carries `committee-id`, so that the change
    report and the printed bill can say whose amendment it is.

    Bad: `<section changed="added">` with no committee-id here or above.
    Good: `<section changed="added" committee-id="SSGA00">`.
    """
    if not _reported(doc):
        return  # engrossed and enrolled texts use the same markup for other purposes, without committees
    for el, kind in _changed(doc):
        if el.get("committee-id"):
            continue
        if any(a.get("committee-id") and (a.get("changed") in _CHANGED) for a in _ancestors(el)):
            continue
        yield Report(f"{el.tag} marked {kind} has no committee-id", el=el)


@rule("BL502", "deleted-inside-added", "error")
def deleted_inside_added(doc, view):
    """
    Struck text inside inserted text (or inserted text inside struck text).

    Within a change, the markup says what the committee did once: a deleted element inside an added
    one is struck text that was never there to strike. `not-changed` between them resets the state and
    is fine.

    Bad: `<subsection changed="added"> ... <deleted-phrase>old</deleted-phrase> ...`.
    Good: the added text holds only the new words.
    """
    for el, kind in _changed(doc):
        parent = el.getparent()
        outer = doc.state(parent) if parent is not None else None
        if outer and outer != kind:
            yield Report(f"{el.tag} marked {kind} inside text marked {outer}", el=el)


_STYLE = {"added": "italic", "deleted": "strikethrough"}


@rule("BL503", "display-style-mismatch", "warning")
def display_style_mismatch(doc, view):
    """
    A change is displayed in the style of the opposite change, or not as its committee declares.

    Deleted text is shown struck through, added text in italic (or as the committee-name element's
    `added-display-style` and `deleted-display-style` say for that committee).

    Bad: `<section changed="deleted" reported-display-style="italic">`.
    Good: `<section changed="deleted" reported-display-style="strikethrough">`.
    """
    declared = {}
    for cn in doc.root.iter("committee-name"):
        cid = cn.get("committee-id")
        if cid:
            declared.setdefault(cid, {"added": cn.get("added-display-style"),
                                      "deleted": cn.get("deleted-display-style")})
    for el, kind in _changed(doc):
        style = el.get("reported-display-style")
        if not style:
            continue
        cid = el.get("committee-id") or next((a.get("committee-id") for a in _ancestors(el) if a.get("committee-id")),
                                             None)
        want = (declared.get(cid) or {}).get(kind) or _STYLE[kind]
        other = "deleted" if kind == "added" else "added"
        if style != want and (style == _STYLE[other] or declared.get(cid, {}).get(kind)):
            yield Report(f"{el.tag} marked {kind} is displayed {style}; {kind} text of "
                         f"{cid or 'this committee'} is displayed {want}", el=el)


_STRIKE_ALL = re.compile(r"strike\s+(?:out\s+)?all\s+after\s+the\s+(?:enacting|resolving)\s+clause", re.I)
_OMIT = re.compile(r"omit\s+the\s+part\s+(?:struck|in\s+brackets)", re.I)
_NOT_INCLUDED = re.compile(r"for\s+text\s+of\s+(?:the\s+)?(?:introduced|reported|engrossed)\s+bill", re.I)


@rule("BL504", "instruction-markup-mismatch", "error")
def instruction_markup_mismatch(doc, view):
    """
    The action instruction says one thing and the markup does another.

    "Strike out all after the enacting clause and insert the part printed in italic" needs a struck
    legis-body followed by an added one (unless the file says the struck text is printed elsewhere:
    "For text of introduced bill, see ..."); "Omit the part struck through and insert the part printed
    in italic" needs changes inside the text, not a whole substitute.

    Bad: the instruction strikes all after the enacting clause, but no legis-body is marked deleted.
    Good: `<legis-body changed="deleted">` ... `<legis-body changed="added">`.
    """
    bodies = [b for b in doc.root if isinstance(b.tag, str) and b.tag in ("legis-body", "resolution-body")]
    struck = [b for b in bodies if b.get("changed") == "deleted"]
    added = [b for b in bodies if b.get("changed") == "added"]
    for ins in doc.root.iter("action-instruction"):
        words = " ".join("".join(ins.itertext()).split())
        if _STRIKE_ALL.search(words):
            if not added:
                yield Report(f'"{words}", but no {bodies[0].tag if bodies else "legis-body"} is marked added',
                             el=ins)
            elif not struck and not _NOT_INCLUDED.search(" ".join(doc.root.itertext())):
                yield Report(f'"{words}", but no {added[0].tag} is marked deleted and the file does not say where '
                             "the struck text is printed", el=ins)
        elif _OMIT.search(words):
            if struck and added:
                yield Report(f'"{words}", but the markup replaces the whole text (a struck and an added '
                             f"{struck[0].tag})", el=ins)
            elif not any(True for _ in _changed(doc)):
                yield Report(f'"{words}", but nothing in the text is marked added or deleted', el=ins)
