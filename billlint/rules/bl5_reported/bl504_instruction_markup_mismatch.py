"""BL504 instruction-markup-mismatch: the rule's docstring is its user documentation."""

from __future__ import annotations

import re

from ...model.patterns import lazy
from ...model.findings import Report
from ..registry import rule
from .common import CHANGED, changed


_STRIKE_ALL = lazy(r"strike\s+(?:out\s+)?all\s+after\s+the\s+(?:enacting|resolving)\s+clause", re.I)


_OMIT = lazy(r"omit\s+the\s+part\s+(?:struck|in\s+brackets)", re.I)


_NOT_INCLUDED = lazy(r"for\s+text\s+of\s+(?:the\s+)?(?:introduced|reported|engrossed)\s+bill", re.I)


def _by_units(doc, bodies) -> tuple[list, list]:
    """Bodies struck or added as a whole through their units: every top unit of a body marked deleted (or
    added), or one body whose units are all deleted and then all added (the struck text, then the substitute)."""
    struck, added = [], []
    for body in bodies:
        states = [doc.state(c) for c in body if isinstance(c.tag, str)]
        if not states or any(st not in CHANGED for st in states):
            continue
        first_added = states.index("added") if "added" in states else len(states)
        if all(st == "deleted" for st in states[:first_added]) and all(st == "added" for st in states[first_added:]):
            if first_added:
                struck.append(body)
            if first_added < len(states):
                added.append(body)
    return struck, added


def _own_changes(doc, ins, bodies) -> bool:
    """Whether the committee that the instruction's action names changed the text inside the bodies: a bill
    reported by two committees, the second amending the first's substitute ("Omit the part struck through
    and insert the part printed in boldface roman")."""
    action = ins.getparent()
    cids = {c.get("committee-id") for c in action.iter("committee-name")} if action is not None else set()
    cids.discard(None)
    return bool(cids) and any(el.get("committee-id") in cids for el, _kind in changed(doc) if el not in bodies)


@rule("BL504", "instruction-markup-mismatch", "error", reads=("markup",), view_dependent=False)
def instruction_markup_mismatch(doc, view):
    """
    The action instruction says one thing and the markup does another.

    "Strike out all after the enacting clause and insert the part printed in italic" needs a struck
    legis-body followed by an added one (unless the file says the struck text is printed elsewhere:
    "For text of introduced bill, see ..."). A body is struck or added by its own `changed` attribute, or, as
    the Senate marks it, through its units: every section (title, division) of the first body marked
    deleted and every one of the second marked added, the legis-body elements themselves unmarked;
    or one body whose units are all deleted and then all added. "Omit the part struck through and insert the part printed
    in italic" needs changes inside the text, not a whole substitute.

    In a bill reported by two committees, an "Omit ..." instruction whose action names a committee that
    changed text inside the other's substitute (its own `committee-id` on the changes) is met by those changes.

    Certain (error): the instruction's words are matched as a whole phrase and the markup is read in every
    form GPO uses for it (the body's own attribute, or every unit of the body), so what is missing is missing.

    Bad: the instruction strikes all after the enacting clause, but no legis-body is marked deleted.
    Good: `<legis-body changed="deleted">` ... `<legis-body changed="added">`.
    """
    bodies = [b for b in doc.root if isinstance(b.tag, str) and b.tag in ("legis-body", "resolution-body")]
    struck = [b for b in bodies if b.get("changed") == "deleted"]
    added = [b for b in bodies if b.get("changed") == "added"]
    for ins in doc.root.iter("action-instruction"):
        words = " ".join("".join(ins.itertext()).split())
        if _STRIKE_ALL.search(words):
            if not added or not struck:      # the Senate's way: the bodies unmarked, their units marked
                s, a = _by_units(doc, bodies)
                struck, added = struck or s, added or a
            if not added:
                yield Report(f'"{words}", but no {bodies[0].tag if bodies else "legis-body"} is marked added',
                             el=ins)
            elif not struck and not _NOT_INCLUDED.search(" ".join(doc.root.itertext())):
                yield Report(f'"{words}", but no {added[0].tag} is marked deleted and the file does not say where '
                             "the struck text is printed", el=ins)
        elif _OMIT.search(words):
            if struck and added and not _own_changes(doc, ins, bodies):
                yield Report(f'"{words}", but the markup replaces the whole text (a struck and an added '
                             f"{struck[0].tag})", el=ins)
            elif not any(True for _ in changed(doc)):
                yield Report(f'"{words}", but nothing in the text is marked added or deleted', el=ins)
