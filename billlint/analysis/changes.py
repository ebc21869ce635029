"""Change reports: what a committee struck and inserted in a reported bill, provision by provision.

A reported bill holds two versions: the introduced one (added text dropped) and the reported one
(deleted text dropped), with state inherited as GPO's stylesheet computes it. Provisions of the two
are paired by path, then by equal text where a path moved, then by header and similar text, and
compared word by word. The same comparison runs between two separate files (`billlint diff`).

Each pair is one kind of change: modified (same place, other words), redesignated (its own
designation changed under the same parent), moved (now under another parent); the provisions left
over were added or deleted. A provision whose path changed only because an ancestor was
redesignated is not a change of its own.
"""

from __future__ import annotations

import difflib
import os
import re
import shlex
from dataclasses import dataclass, field

from ..model.document import ABOVE_SECTION, DELETED, INTRODUCED, PATH_WORDS, REPORTED, Document, Provision

ADDED, REMOVED, MODIFIED, REDESIGNATED, MOVED = "added", "deleted", "modified", "redesignated", "moved"
KINDS = (MODIFIED, REDESIGNATED, MOVED, ADDED, REMOVED)     # the order summaries count them in
_TOKEN = re.compile(r"\s+|(?:\([A-Za-z0-9]{1,6}\))+|[A-Za-z0-9’'$%]+(?:[.,–-][A-Za-z0-9’'$%]+)*|[^\sA-Za-z0-9]")
_NOT_INCLUDED = re.compile(r"for\s+text\s+of\s+(?:the\s+)?(?:introduced|reported|engrossed)\s+bill[^\]<]*", re.I)
_STRIKE_ALL = re.compile(r"strike\s+(?:out\s+)?all\s+after\s+the\s+(?:enacting|resolving)\s+clause", re.I)


@dataclass
class Change:
    provision: str              # its path in the new version (the old one for a deletion)
    change: str                 # one of KINDS
    before: str                 # its own words, as printed (quotation marks kept)
    after: str
    line: int                   # the line it is placed by: in the new version, or the old one for a deletion
    header_before: str | None = None
    header_after: str | None = None
    committee: str | None = None
    diff: list = field(default_factory=list)   # [(op, text)]: op is "=", "-" or "+"
    moved_from: str | None = None              # the old path, where it differs from the new one
    line_before: int | None = None             # in the old version (None: added)
    line_after: int | None = None              # in the new version (None: deleted)
    header_diff: list = field(default_factory=list)
    context: str = ""           # for a provision with no words of its own: the start of what it holds
    section: str = ""           # the unit it belongs to, for grouping: "title I — General", "sec. 2. Short title"
    anchor: str = ""
    provisions: int = 1         # how many provisions the entry shows (an added section with its subsections)

    @property
    def text_changed(self) -> bool:
        return self.before != self.after or self.header_before != self.header_after

    def to_dict(self) -> dict:
        return {"provision": self.provision, "change": self.change, "moved_from": self.moved_from,
                "section": self.section, "anchor": self.anchor,
                "header_before": self.header_before, "header_after": self.header_after,
                "header_diff": [[op, t] for op, t in self.header_diff],
                "before": self.before, "after": self.after, "context": self.context,
                "diff": [[op, t] for op, t in self.diff],
                "line": self.line, "line_before": self.line_before, "line_after": self.line_after,
                "committee": self.committee, "provisions": self.provisions}


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


def printed(doc: Document, el, view: str, skip) -> str:
    """The text of el as GPO prints it: a <quote> gets its quotation marks (single ones inside double)."""
    run = doc.text(el, view, skip=skip)
    text = run.text
    quotes = [(s, e) for s, e, tag in run.marks if tag == "quote"]
    if not quotes:
        return _norm(text)
    inserts = []        # (position, order, mark): closings before openings at one position
    for s, e in quotes:
        depth = sum(1 for s2, e2 in quotes if s2 <= s and e <= e2) - 1
        inserts.append((s, 1, "“" if depth % 2 == 0 else "‘"))
        inserts.append((e, 0, "”" if depth % 2 == 0 else "’"))
    out, last = [], 0
    for pos, _o, mark in sorted(inserts):
        out.append(text[last:pos])
        out.append(mark)
        last = pos
    out.append(text[last:])
    return _norm("".join(out))


_OWN_SKIP = frozenset({"enum", "header", "toc", "graphic", "pagebreak", "quoted-block"})


def own_text(doc: Document, p: Provision, view: str) -> str:
    """A provision's own words in a view: enum, header, nested provisions and quoted blocks left out (the
    provisions of a quoted block are compared on their own)."""
    return printed(doc, p.el, view, _OWN_SKIP)


def _header(doc: Document, p: Provision, view: str) -> str | None:
    h = p.el.find("header")
    if h is None or not doc.in_view(h, view):
        return None
    return printed(doc, h, view, frozenset())


@dataclass(slots=True)
class _Entry:
    path: str
    prov: Provision
    text: str
    header: str | None
    index: int      # position in its version, in document order


def _entries(doc: Document, view: str) -> list[_Entry]:
    return [_Entry(p.path, p, own_text(doc, p, view), _header(doc, p, view), i)
            for i, p in enumerate(doc.provisions_in(view))]


def _holder(p: Provision) -> Provision | None:
    """The provision p stands in: its parent, or the provision quoting the block it heads."""
    return p.parent if p.parent is not None else p.outer


def compare(old: Document, old_view: str, new: Document, new_view: str) -> list[Change]:
    """Provision-by-provision changes from one version to another, in the new version's order.

    Provisions pair by path and equal text, then by equal text elsewhere (a redesignated or moved
    provision), then by path when the text is still recognisably the same, then by header, then by
    similar text under the same parent, then by path alone, then by designation under paired parents; the
    rest was added or deleted. Within each step a candidate under the same (paired) parent is preferred,
    so a common text ("In general.") pairs with its neighbour, not with the first one in the bill.
    """
    before, after = _entries(old, old_view), _entries(new, new_view)
    pair_of: dict = {}          # old Provision -> new Provision
    left_b = dict.fromkeys(range(len(before)))      # ordered sets of unpaired indexes
    left_a = list(range(len(after)))

    def same_holder(b: _Entry, a: _Entry) -> bool:
        hb, ha = _holder(b.prov), _holder(a.prov)
        return (hb is None and ha is None) or (hb in pair_of and pair_of[hb] is ha)

    def take(key, ok=None) -> None:
        index: dict = {}
        for i in left_b:
            k = key(before[i])
            if k is not None:
                index.setdefault(k, []).append(i)
        rest = []
        for j in left_a:
            a = after[j]
            k = key(a)
            pool = [i for i in index.get(k, ()) if i in left_b] if k is not None else []
            i = next((i for i in pool if same_holder(before[i], a) and (ok is None or ok(before[i], a))), None)
            if i is None:
                i = next((i for i in pool if ok is None or ok(before[i], a)), None)
            if i is None:
                rest.append(j)
                continue
            del left_b[i]
            pair_of[before[i].prov] = a.prov
            pairs.append((i, j))
        left_a[:] = rest

    pairs: list[tuple[int, int]] = []
    take(lambda e: (e.path, e.text, e.header))
    take(lambda e: (e.text, e.header) if e.text else None)
    take(lambda e: e.path, lambda b, a: (b.header == a.header and b.header) or _similar(b.text, a.text, 0.5))
    take(lambda e: e.header.lower() if e.header else None,
         lambda b, a: same_holder(b, a) or not (b.text or a.text) or _similar(b.text, a.text, 0.3))
    take(lambda e: _parent(e.path), lambda b, a: _similar(b.text, a.text, 0.6))
    take(lambda e: e.path)
    take(lambda e: (e.prov.level, e.prov.cite), same_holder)     # under a moved parent: same designation

    placed: list[tuple[tuple, Change]] = []
    for i, j in pairs:
        b, a = before[i], after[j]
        c = _paired(old, new, b, a, pair_of, new_view)
        if c is not None:
            c.section = _section(new, a.prov, new_view)
            placed.append(((a.index, 0, 0), c))
    for a, c in _whole(new, new_view, [after[j] for j in left_a], ADDED):
        placed.append(((a.index, 0, 0), c))
    # A deletion stands where it stood: after the new place of the sibling before it (and all that sibling
    # holds), or else just after its parent; failing both, before the next provision that is still there.
    new_pos = {after[j].prov: after[j].index for _i, j in pairs}
    following = [len(after)] * (len(before) + 1)
    for i in range(len(before) - 1, -1, -1):
        following[i] = following[i + 1] if i in left_b else new_pos[pair_of[before[i].prov]]
    where, place = {}, _places(old)
    for i in left_b:
        d = before[i].prov
        kin, at = place[d]
        prev = next((q for q in reversed(kin[:at]) if q in pair_of), None)
        holder = _holder(d)
        if prev is not None:
            where[i] = (_subtree_end(after, new_pos[pair_of[prev]]), 1, i)
        elif holder is not None and holder in pair_of:
            where[i] = (new_pos[pair_of[holder]], 1, i)
        else:
            k = i + 1
            while k < len(before) and any(a is d.el for a in before[k].prov.el.iterancestors()):
                k += 1
            where[i] = (following[k], -1, i)
    for b, c in _whole(old, old_view, [before[i] for i in left_b], REMOVED):
        unit = _unit(b.prov)
        if unit in pair_of:         # listed under its section as the new version heads it
            c.section = _section(new, pair_of[unit], new_view)
        placed.append((where[b.index], c))
    placed.sort(key=lambda x: x[0])
    out = [c for _k, c in placed]
    _label(out)
    return out


def _places(doc: Document) -> dict:
    """Provision -> (the list of its siblings, its index there)."""
    lists = [doc.top, *doc.blocks.values(), *(p.children for p in doc.provisions if p.children)]
    return {p: (kin, k) for kin in lists for k, p in enumerate(kin)}


def _subtree_end(entries: list[_Entry], k: int) -> int:
    """The index of the last entry inside entries[k] (itself when it holds none)."""
    el, end = entries[k].prov.el, k
    while end + 1 < len(entries) and any(a is el for a in entries[end + 1].prov.el.iterancestors()):
        end += 1
    return end


def _whole(doc: Document, view: str, entries: list[_Entry], kind: str) -> list[tuple[_Entry, Change]]:
    """One entry per added (or deleted) unit: a provision below the section level that was added with the
    provision holding it (or a quoted block with the provision quoting it) is shown within that one."""
    op = "+" if kind == ADDED else "-"
    out: list[tuple[_Entry, Change]] = []
    owner: dict = {}        # Provision -> the Change it is shown in
    blocks: dict = {}       # id(Change) -> quoted blocks opened in its text and not yet closed
    for e in entries:
        p = e.prov
        holder = _holder(p)
        c = owner.get(holder) if holder is not None and (p.quoted is not holder.quoted or
                                                          p.level not in _UNITS) else None
        if c is not None:
            owner[p] = c
            stack = blocks.setdefault(id(c), [])
            closing = ""
            while stack and stack[-1] is not p.quoted and not _within(p.quoted, stack[-1]):
                stack.pop()
                closing += "”"
            opens = p.quoted is not holder.quoted
            if opens:
                stack.append(p.quoted)
            _extend(c, kind, closing, _unit_text(e, opens))
            continue
        line = p.line
        c = Change(e.path, kind, e.text if kind == REMOVED else "", e.text if kind == ADDED else "", line,
                   e.header if kind == REMOVED else None, e.header if kind == ADDED else None, _committee(p),
                   [(op, e.text)] if e.text else [],
                   line_before=line if kind == REMOVED else None, line_after=line if kind == ADDED else None,
                   header_diff=[(op, e.header)] if e.header else [], section=_section(doc, p, view))
        owner[p] = c
        out.append((e, c))
    for e, c in out:
        if blocks.get(id(c)):
            _extend(c, kind, "”" * len(blocks[id(c)]), "")
        if not c.diff:
            c.context = _context(doc, e.prov, view)
    return out


def _within(el, block) -> bool:
    return el is not None and any(a is block for a in el.iterancestors("quoted-block"))


def _extend(c: Change, kind: str, closing: str, piece: str) -> None:
    text = (c.after if kind == ADDED else c.before) + closing
    text = f"{text}\n{piece}".strip() if piece else text     # one line per provision shown
    if kind == ADDED:
        c.after = text
    else:
        c.before = text
    c.diff = [("+" if kind == ADDED else "-", text)] if text else []
    if piece:
        c.provisions += 1


_UNITS = frozenset(ABOVE_SECTION) | {"section"}


def _unit_text(e: _Entry, opens: bool) -> str:
    """A provision as printed inside the entry of the one holding it: "(c) Requirements.—The …"."""
    enum = (e.prov.enum or "").strip()
    head = f"{e.header}.—" if e.header else ""
    text = " ".join(x for x in (enum, head + e.text) if x)
    return ("“" if opens else "") + text


def _paired(old, new, b: _Entry, a: _Entry, pair_of: dict, view: str) -> Change | None:
    """The change between two paired provisions, or None when there is none of its own."""
    hb, ha = _holder(b.prov), _holder(a.prov)
    same_place = (hb is None and ha is None) or (hb in pair_of and pair_of[hb] is ha)
    redesignated = b.prov.cite != a.prov.cite or b.prov.level != a.prov.level
    if not same_place:
        kind = MOVED
    elif redesignated:
        kind = REDESIGNATED
    elif b.text != a.text or b.header != a.header:
        kind = MODIFIED
    else:
        return None     # the same words in the same place: at most an ancestor was redesignated
    committee = _committee(a.prov) or (_committee(b.prov) if new is old else None)
    c = Change(a.path, kind, b.text, a.text, a.prov.line, b.header, a.header, committee,
               words(b.text, a.text) if b.text or a.text else [],
               moved_from=b.path if b.path != a.path else None, line_before=b.prov.line, line_after=a.prov.line)
    if b.header != a.header:
        c.header_diff = words(b.header or "", a.header or "")
    elif a.header:
        c.header_diff = [("=", a.header)]
    if not (b.text or a.text):
        c.context = _context(new, a.prov, view)
    return c


def _context(doc: Document, p: Provision, view: str) -> str:
    """For a provision with no words of its own (only a header and subdivisions): the start of its first
    subdivision, so that its entry never stands empty."""
    if own_text(doc, p, view):
        return ""
    for c in p.children or ():
        if c.in_view(view):
            text = own_text(doc, c, view) or (_header(doc, c, view) or "")
            first = f"{(c.enum or '').strip()} {text}".strip()
            return first if len(first) <= 200 else first[:200].rsplit(" ", 1)[0] + " …"
    return ""


def _label(changes: list[Change]) -> None:
    """Anchors (unique) for each entry."""
    seen: dict = {}
    for c in changes:
        slug = re.sub(r"[^A-Za-z0-9]+", "-", c.provision).strip("-").lower() or "provision"
        n = seen[slug] = seen.get(slug, 0) + 1
        c.anchor = slug if n == 1 else f"{slug}-{n}"


def _similar(a: str, b: str, least: float) -> bool:
    """Whether the words of a and b match at least this well (difflib's ratio; its cheap upper bounds first)."""
    if not a or not b:
        return False
    m = difflib.SequenceMatcher(a=a.split(), b=b.split(), autojunk=False)
    return m.real_quick_ratio() >= least and m.quick_ratio() >= least and m.ratio() >= least


def _parent(path: str) -> str:
    return re.sub(r"\([^()]*\)\"?$", "", path)


def _unit(p: Provision) -> Provision | None:
    """The section holding p (outside any quoted block), or None."""
    node = p
    while node.quoted is not None and node.outer is not None:
        node = node.outer
    return next((q for q in [node, *node.ancestors()] if q.level == "section"), None)


def _section(doc: Document, p: Provision, view: str) -> str:
    """The unit an entry is listed under: its section (outside any quoted block), after the title or
    division holding it: "title I — General provisions / sec. 101. Short title"."""
    node = p
    while node.quoted is not None and node.outer is not None:
        node = node.outer
    chain = [node] + list(node.ancestors())
    parts = []
    for q in reversed(chain):
        if q.level in ABOVE_SECTION and q.level in PATH_WORDS or q.level == "section":
            header = _header(doc, q, view)
            parts.append(f"{q.cite}. {header}" if header and q.level == "section" else
                         f"{q.cite} — {header}" if header else q.cite)
            if q.level == "section":
                break
    return " / ".join(parts)


def _committee(p: Provision) -> str | None:
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
    instructions = [_norm("".join(el.itertext())) for el in doc.root.iter("action-instruction")]
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
            said = f' (the bill says: "{_norm(m.group(0)).rstrip(". ")}")' if m else ""
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
    return " ".join(x for x in (_norm("".join(num.itertext())) if num is not None else doc.path, stage) if x)
