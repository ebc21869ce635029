"""Change reports: what a committee struck and inserted in a reported bill, provision by provision.

A reported bill holds two versions: the introduced one (added text dropped) and the reported one
(deleted text dropped), with state inherited as GPO's stylesheet computes it. Their provisions are paired
and compared word by word (pairing.py, wording.py). The same comparison runs between two separate files
(`billlint diff`).
"""

from __future__ import annotations

import os
import re
import shlex
from dataclasses import dataclass, field

from ..model.patterns import lazy
from ..model.document import Document
from ..model.vocabulary import ADDED, DELETED, INTRODUCED, REPORTED
from .pairing import KINDS, MODIFIED, MOVED, REDESIGNATED, REMOVED, Change, compare
from .wording import norm, own_text, printed, words

__all__ = ["ADDED", "KINDS", "MODIFIED", "MOVED", "REDESIGNATED", "REMOVED", "Change", "Report", "committees",
           "compare", "diff", "own_text", "printed", "report", "words"]

_NOT_INCLUDED = lazy(r"for\s+text\s+of\s+(?:the\s+)?(?:introduced|reported|engrossed)\s+bill[^\]<]*", re.I)
_STRIKE_ALL = lazy(r"strike\s+(?:out\s+)?all\s+after\s+the\s+(?:enacting|resolving)\s+clause", re.I)


@dataclass
class Report:
    title: str
    committees: list            # [(id, name, instruction)]
    changes: list
    notes: list = field(default_factory=list)
    before: str = "introduced version"          # what the old side is
    after: str = "reported version"
    before_file: str = ""
    after_file: str = ""
    strike_all: bool = False
    pointer: str | None = None  # a command that gives the comparison this file cannot

    def counts(self) -> dict:
        return {k: sum(c.change == k for c in self.changes) for k in KINDS}

    def to_dict(self) -> dict:
        return {"title": self.title, "before": self.before, "after": self.after,
                "before_file": self.before_file, "after_file": self.after_file,
                "committees": [{"id": cid, "name": name, "instruction": ins} for cid, name, ins in self.committees],
                "strike_all": self.strike_all, "notes": list(self.notes), "pointer": self.pointer,
                "counts": self.counts(), "changes": [c.to_dict() for c in self.changes]}


def committees(doc: Document) -> list[tuple[str, str | None, str | None]]:
    """(committee id, its name as the bill gives it, the action instruction) for each committee that changed it."""
    names = {}
    for el in doc.root.iter("committee-name"):
        cid = el.get("committee-id")
        if cid and cid not in names:
            names[cid] = norm("".join(el.itertext()))
    used = []
    for el in doc.root.iter():
        if isinstance(el.tag, str) and el.get("committee-id") and el.tag != "committee-name":
            if el.get("committee-id") not in used:
                used.append(el.get("committee-id"))
    instructions = [norm("".join(el.itertext())) for el in doc.root.iter("action-instruction")]
    instructions = [x for x in instructions if not _NOT_INCLUDED.match(x)] or instructions
    out = []
    for i, cid in enumerate(used):
        out.append((cid, names.get(cid), instructions[i] if i < len(instructions) else
                    (instructions[-1] if instructions else None)))
    return out


def report(doc: Document) -> Report:
    """The change report of one reported bill."""
    title = _title(doc)
    name = os.path.basename(doc.path)
    base = dict(before="introduced version", after="reported version", before_file=name, after_file=name)
    has_deleted = any(state == DELETED for state in doc.states.values())
    instructions = [norm("".join(el.itertext())) for el in doc.root.iter("action-instruction")]
    strike_all = any(_STRIKE_ALL.search(x) for x in instructions) or _substituted(doc)
    if not doc.states:
        return Report(title, [], [], ["This file has no reported markup (changed, added-phrase, deleted-phrase): "
                                      "nothing to report."], **base)
    if not has_deleted:
        m = next((_NOT_INCLUDED.search(x) for x in instructions if _NOT_INCLUDED.search(x)), None) \
            or _NOT_INCLUDED.search(" ".join(doc.root.itertext()))
        if m or strike_all:
            inserted = sum(1 for p in doc.provisions if p.state is not None)
            pointer = f"billlint diff INTRODUCED.xml {shlex.quote(doc.path)}"
            said = f' (the bill says: "{norm(m.group(0)).rstrip(". ")}")' if m else ""
            notes = [f"The text the committee struck is not in this file{said}. The file holds only the inserted "
                     f"text ({inserted} provisions, printed in italic), so it cannot show what changed. Compare the "
                     f"introduced version with this one: {pointer}"]
            return Report(title, committees(doc), [], notes, strike_all=strike_all, pointer=pointer, **base)
    notes = []
    stage = doc.root.get("bill-stage") or doc.root.get("resolution-stage") or ""
    if not instructions and stage and not stage.startswith("Reported"):
        notes.append(f"This is not a reported bill (stage: {stage}) and names no committee amendment; its "
                     f"changed and added-phrase markup is listed as it stands.")
    if strike_all:
        notes.append("Amendment in the nature of a substitute: the committee struck out all after the enacting "
                     "clause and inserted a new text. Each entry compares a provision of the struck text with its "
                     "counterpart in the substitute.")
    changes = compare(doc, INTRODUCED, doc, REPORTED)
    return Report(title, committees(doc), changes, notes, strike_all=strike_all, **base)


def _substituted(doc: Document) -> bool:
    """The Senate's strike-all: every top section of the body marked deleted or added, both present, the
    legis-body elements themselves unmarked (or the House's: a deleted legis-body and an added one)."""
    states = {doc.state(p.el) for p in doc.top if p.quoted is None}
    return states == {ADDED, DELETED}


def diff(old: Document, new: Document) -> Report:
    """Changes between two separate versions (each read in its reported view)."""
    title = f"{_title(old)} -> {_title(new)}"
    changes = compare(old, REPORTED, new, REPORTED)
    for c in changes:
        if c.change == REMOVED:
            c.committee = None     # the old file's markup says nothing about this change
    return Report(title, committees(new), changes, [], before=_title(old), after=_title(new),
                  before_file=os.path.basename(old.path), after_file=os.path.basename(new.path))


def _title(doc: Document) -> str:
    num = doc.root.find(".//legis-num")
    stage = doc.root.get("bill-stage") or doc.root.get("resolution-stage") or ""
    return " ".join(x for x in (norm("".join(num.itertext())) if num is not None else doc.path, stage) if x)
