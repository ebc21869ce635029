"""Change reports: what a committee struck and inserted in a reported bill, provision by provision.

A reported bill holds two versions: the introduced one (added text dropped) and the reported one
(deleted text dropped), with state inherited as GPO's stylesheet computes it. Provisions of the two
are paired by path, then by header where a path moved, and compared word by word. The same comparison
runs between two separate files (`billlint diff`).
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

from ..model.document import Document, Provision
from ..model.vocabulary import ADDED, DELETED, INTRODUCED, REPORTED

# the kinds of change a report lists: a provision added or removed (its state), or modified
REMOVED, MODIFIED = DELETED, "modified"
_TOKEN = re.compile(r"\s+|(?:\([A-Za-z0-9]{1,6}\))+|[A-Za-z0-9’'$%]+(?:[.,–-][A-Za-z0-9’'$%]+)*|[^\sA-Za-z0-9]")
_NOT_INCLUDED = re.compile(r"for\s+text\s+of\s+(?:the\s+)?(?:introduced|reported|engrossed)\s+bill", re.I)


@dataclass
class Change:
    provision: str
    change: str                 # added | deleted | modified
    before: str
    after: str
    line: int
    header_before: str | None = None
    header_after: str | None = None
    committee: str | None = None
    diff: list = field(default_factory=list)   # [(op, text)]: op is "=", "-" or "+"
    moved_from: str | None = None              # the old path of a provision that was redesignated

    def to_dict(self) -> dict:
        return {"provision": self.provision, "change": self.change, "before": self.before, "after": self.after,
                "line": self.line, "header_before": self.header_before, "header_after": self.header_after,
                "committee": self.committee, "moved_from": self.moved_from,
                "diff": [[op, t] for op, t in self.diff]}


@dataclass
class Report:
    title: str
    committees: list            # [(id, name, instruction)]
    changes: list
    notes: list = field(default_factory=list)


def words(a: str, b: str) -> list[tuple[str, str]]:
    """A word-level diff: runs of kept, struck and inserted text."""
    ta, tb = _TOKEN.findall(a), _TOKEN.findall(b)
    out: list[list] = []
    for op, a0, a1, b0, b1 in difflib.SequenceMatcher(a=ta, b=tb, autojunk=False).get_opcodes():
        if op == "equal":
            _push(out, "=", "".join(ta[a0:a1]))
        else:
            _push(out, "-", "".join(ta[a0:a1]))
            _push(out, "+", "".join(tb[b0:b1]))
    return _fold([(op, t) for op, t in out if t])


def _fold(runs: list) -> list:
    """ "[-a-]{+that+} [-member-]{+member.+}" reads badly: a lone space kept between two changes is folded
    into them, so a changed phrase shows as one struck run and one inserted run."""
    out: list[list] = []
    i = 0
    while i < len(runs):
        op, t = runs[i]
        if op == "=" and not t.strip() and out and out[-1][0] != "=" and i + 1 < len(runs) and runs[i + 1][0] != "=":
            dels = [x for x in out[-2:] if x[0] == "-"]
            adds = [x for x in out[-2:] if x[0] == "+"]
            for x in dels + adds:
                x[1] += t
            i += 1
            while i < len(runs) and runs[i][0] != "=":
                o, tt = runs[i]
                target = next((x for x in (dels if o == "-" else adds)), None)
                if target is None:
                    target = [o, ""]
                    out.append(target)
                    (dels if o == "-" else adds).append(target)
                target[1] += tt
                i += 1
            continue
        out.append([op, t])
        i += 1
    merged: list[list] = []
    for op, t in out:
        if merged and merged[-1][0] == op:
            merged[-1][1] += t
        else:
            merged.append([op, t])
    return [(op, t) for op, t in merged]


def _push(out: list, op: str, text: str) -> None:
    if not text:
        return
    if out and out[-1][0] == op:
        out[-1][1] += text
    else:
        out.append([op, text])


def _norm(s: str) -> str:
    return " ".join(s.split())


def own_text(doc: Document, p: Provision, view: str) -> str:
    """A provision's own words in a view: enum, header, nested provisions and quoted blocks left out (the
    provisions of a quoted block are compared on their own)."""
    return _norm(doc.text(p.el, view, skip=_OWN_SKIP).text)


_OWN_SKIP = frozenset({"enum", "header", "toc", "graphic", "pagebreak", "quoted-block"})


def _header(doc: Document, p: Provision, view: str) -> str | None:
    h = p.el.find("header")
    if h is None or not doc.in_view(h, view):
        return None
    return _norm(doc.text(h, view, skip=frozenset()).text)


def _entries(doc: Document, view: str) -> list[tuple[str, Provision, str, str | None]]:
    return [(p.path, p, own_text(doc, p, view), _header(doc, p, view)) for p in doc.provisions_in(view)]


def compare(old: Document, old_view: str, new: Document, new_view: str) -> list[Change]:
    """Provision-by-provision changes from one version to another.

    Provisions pair by path and equal text, then by equal text elsewhere (a redesignated provision), then
    by path when the text is still recognisably the same, then by header, then by similar text under the
    same parent, then by path alone; the rest was added or deleted.
    """
    before = _entries(old, old_view)
    after = _entries(new, new_view)
    left_b = list(range(len(before)))
    left_a = list(range(len(after)))
    pairs: list[tuple[int, int]] = []

    def take(match) -> None:
        for j in list(left_a):
            i = next((i for i in left_b if match(before[i], after[j])), None)
            if i is not None:
                pairs.append((i, j))
                left_b.remove(i)
                left_a.remove(j)

    take(lambda b, a: b[0] == a[0] and b[2] == a[2] and b[3] == a[3])
    take(lambda b, a: b[2] and b[2] == a[2] and b[3] == a[3])
    take(lambda b, a: b[0] == a[0] and (b[3] == a[3] and b[3] or _similar(b[2], a[2]) >= 0.5))
    take(lambda b, a: b[3] and b[3].lower() == (a[3] or "").lower())
    take(lambda b, a: _parent(b[0]) == _parent(a[0]) and _similar(b[2], a[2]) >= 0.6)
    take(lambda b, a: b[0] == a[0])
    changes: list[Change] = []
    for i, j in pairs:
        (opath, q, otext, oheader), (path, p, text, header) = before[i], after[j]
        if otext != text or oheader != header or opath != path:
            c = _modified(path, q, p, otext, text, oheader, header, new)
            if opath != path:
                c.provision, c.moved_from = f"{opath} -> {path}", opath
            changes.append(c)
    for j in left_a:
        path, p, text, header = after[j]
        changes.append(Change(path, ADDED, "", text, p.line, None, header, _committee(new, p),
                              [("+", text)] if text else []))
    for i in left_b:
        path, q, text, header = before[i]
        changes.append(Change(path, REMOVED, text, "", q.line, header, None, _committee(old, q),
                              [("-", text)] if text else []))
    changes.sort(key=lambda c: c.line)
    return changes


def _similar(a: str, b: str) -> float:
    if not a or not b:
        return 0.0
    return difflib.SequenceMatcher(a=a.split(), b=b.split(), autojunk=False).ratio()


def _parent(path: str) -> str:
    return re.sub(r"\([^()]*\)\"?$", "", path)


def _modified(path, q, p, otext, text, oheader, header, doc) -> Change:
    return Change(path, MODIFIED, otext, text, p.line, oheader, header, _committee(doc, p) or _committee(doc, q),
                  words(otext, text))


def _committee(doc: Document, p: Provision) -> str | None:
    node = p.el
    while node is not None:
        if isinstance(node.tag, str) and node.get("committee-id"):
            return node.get("committee-id")
        node = node.getparent()
    for el in p.el.iter("added-phrase", "deleted-phrase"):
        if el.get("committee-id"):
            return el.get("committee-id")
    return None


def committees(doc: Document) -> list[tuple[str, str | None, str | None]]:
    """(committee id, its name as the bill gives it, the action instruction) for each committee that changed it."""
    names = {}
    for el in doc.root.iter("committee-name"):
        cid = el.get("committee-id")
        if cid and cid not in names:
            names[cid] = _norm("".join(el.itertext()))
    used = []
    for el in doc.root.iter():
        if isinstance(el.tag, str) and el.get("committee-id") and el.tag != "committee-name":
            if el.get("committee-id") not in used:
                used.append(el.get("committee-id"))
    instructions = [_norm("".join(el.itertext())) for el in doc.root.iter("action-instruction")]
    out = []
    for i, cid in enumerate(used):
        out.append((cid, names.get(cid), instructions[i] if i < len(instructions) else
                    (instructions[-1] if instructions else None)))
    return out


def report(doc: Document) -> Report:
    """The change report of one reported bill."""
    title = _title(doc)
    notes = []
    has_deleted = any(state == DELETED for state in doc.states.values())
    text = " ".join(doc.root.itertext())
    instructed = doc.root.find(".//action-instruction") is not None
    if not has_deleted and (_NOT_INCLUDED.search(text) or instructed and doc.states):
        m = _NOT_INCLUDED.search(text)
        notes.append("The struck text is not in this file" + (f' ("{_norm(m.group(0))} ...")' if m else "") +
                     "; only the inserted text is shown, and no word diff is made.")
        changes = [Change(p.path, ADDED, "", own_text(doc, p, REPORTED), p.line, None, _header(doc, p, REPORTED),
                          _committee(doc, p)) for p in doc.provisions_in(REPORTED)
                   if p.state is not None]
        return Report(title, committees(doc), changes, notes)
    if not doc.states:
        notes.append("This file has no reported markup (changed, added-phrase, deleted-phrase): nothing to report.")
        return Report(title, [], [], notes)
    return Report(title, committees(doc), compare(doc, INTRODUCED, doc, REPORTED), notes)


def diff(old: Document, new: Document) -> Report:
    """Changes between two separate versions (each read in its reported view)."""
    title = f"{_title(old)} -> {_title(new)}"
    return Report(title, committees(new), compare(old, REPORTED, new, REPORTED), [])


def _title(doc: Document) -> str:
    num = doc.root.find(".//legis-num")
    stage = doc.root.get("bill-stage") or doc.root.get("resolution-stage") or ""
    return " ".join(x for x in (_norm("".join(num.itertext())) if num is not None else doc.path, stage) if x)
