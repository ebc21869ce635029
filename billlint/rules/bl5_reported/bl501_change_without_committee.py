"""BL501 change-without-committee: the rule's docstring is its user documentation."""

from __future__ import annotations

from ...model.findings import Report
from ..registry import rule
from .common import CHANGED, ancestors, changed


def _reported(doc) -> bool:
    stage = doc.root.get("bill-stage") or doc.root.get("resolution-stage") or ""
    return stage.startswith("Reported") or doc.root.find(".//action-instruction") is not None


@rule("BL501", "change-without-committee", "warning", reads=("markup",), view_dependent=False)
def change_without_committee(doc, view):
    """
    Reported text is marked as added or deleted without saying which committee made the change.

    Each changed element (or one of its changed ancestors) carries `committee-id`, so that the change
    report and the printed bill can say whose amendment it is.

    Silent where the bill names exactly one committee (`<committee-name committee-id="SSEG00">` in its form,
    and no other, and no referral "in addition to" another): every change is that committee's, and the change report can say so. The attribute is
    optional in the DTD, and GPO's Senate reported bills often leave it off then.

    Bad: `<section changed="added">` with no committee-id here or above, in a bill that names two committees
    or none.
    Good: `<section changed="added" committee-id="SSGA00">`.
    """
    if not _reported(doc):
        return  # engrossed and enrolled texts use the same markup for other purposes, without committees
    if _one_committee(doc):
        return  # one committee reported it: every change is that committee's
    for el, kind in changed(doc):
        if el.get("committee-id"):
            continue
        if any(a.get("committee-id") and (a.get("changed") in CHANGED) for a in ancestors(el)):
            continue
        yield Report(f"{el.tag} marked {kind} has no committee-id", el=el)


def _one_committee(doc) -> bool:
    """The bill names one committee, by its id, and was referred to no other ("and in addition to the Committee
    on ..." may name the others without markup)."""
    ids = {c.get("committee-id") or "" for c in doc.root.iter("committee-name")}
    actions = " ".join("".join(a.itertext()) for a in doc.root.iter("action-desc"))
    return len(ids) == 1 and "" not in ids and "in addition to" not in actions
