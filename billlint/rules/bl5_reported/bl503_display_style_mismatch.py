"""BL503 display-style-mismatch: the rule's docstring is its user documentation."""

from __future__ import annotations

from ...model.findings import Report
from ..registry import rule
from .common import ancestors, changed


_STYLE = {"added": "italic", "deleted": "strikethrough"}


@rule("BL503", "display-style-mismatch", "warning", reads=("markup",), view_dependent=False)
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
    for el, kind in changed(doc):
        style = el.get("reported-display-style")
        if not style:
            continue
        cid = el.get("committee-id") or next((a.get("committee-id") for a in ancestors(el) if a.get("committee-id")),
                                             None)
        want = (declared.get(cid) or {}).get(kind) or _STYLE[kind]
        other = "deleted" if kind == "added" else "added"
        if style != want and (style == _STYLE[other] or declared.get(cid, {}).get(kind)):
            yield Report(f"{el.tag} marked {kind} is displayed {style}; {kind} text of "
                         f"{cid or 'this committee'} is displayed {want}", el=el)
