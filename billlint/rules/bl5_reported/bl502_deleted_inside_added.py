"""BL502 deleted-inside-added: the rule's docstring is its user documentation."""

from __future__ import annotations

from ...model.findings import Report
from ..registry import rule
from .common import ancestors, changed


@rule("BL502", "deleted-inside-added", "error", reads=("markup",), view_dependent=False)
def deleted_inside_added(doc, view):
    """
    Struck text inside inserted text (or inserted text inside struck text).

    Within a change, the markup says what the committee did once: a deleted element inside an added
    one is struck text that was never there to strike. `not-changed` between them resets the state and
    is fine.

    A change that names another committee than the change around it is that committee's amendment to the
    text the first inserted (a bill reported by two committees: the second's `deleted-phrase
    committee-id="HWM00"` in bold brackets inside the first's italic substitute), and is not reported
    where the bill's actions show that committee reporting it after the other one (a committee-id of a
    committee that never reported the bill, or reported it first, is a slip like any other; with no committee
    named in the actions, the order is not known).

    Certain (error): the `changed` attributes and change elements nest that way in the file; no reading of
    the text changes what the markup says.

    Bad: `<subsection changed="added"> ... <deleted-phrase>old</deleted-phrase> ...`.
    Good: the added text holds only the new words.
    """
    order = _reporting_order(doc)
    for el, kind in changed(doc):
        parent = el.getparent()
        outer = doc.state(parent) if parent is not None else None
        if outer and outer != kind:
            own, theirs = el.get("committee-id"), _committee(parent)
            if own and theirs and own != theirs and (not order or order.get(own, -1) > order.get(theirs, len(order))):
                continue  # a later committee's amendment to the text an earlier one inserted
            yield Report(f"{el.tag} marked {kind} inside text marked {outer}", el=el)


def _committee(el):
    """The committee whose change el stands in: the committee-id of el or of its nearest ancestor carrying one."""
    return next((cid for a in (el, *ancestors(el)) if (cid := a.get("committee-id"))), None)


def _reporting_order(doc) -> dict:
    """committee-id -> the place of the first action that reports the bill from that committee."""
    order: dict = {}
    for action in doc.root.iter("action"):
        for name in action.iter("committee-name"):
            if name.get("committee-id"):
                order.setdefault(name.get("committee-id"), len(order))
    return order
