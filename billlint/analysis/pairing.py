"""Pairing the provisions of two versions of a bill, and the kind of change each pair (or leftover) is.

Each pair is one kind of change: modified (same place, other words), redesignated (its own designation
changed under the same parent), moved (now under another parent); the provisions left over were added or
deleted. A provision whose path changed only because an ancestor was redesignated is not a change of its
own. Entries come in the new version's order, deletions where they stood.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

from ..model.document import Document, Provision
from ..model.vocabulary import ABOVE_SECTION, ADDED, DELETED, PATH_WORDS
from .wording import header, own_text, words

# the kinds of change a report lists
REMOVED, MODIFIED, REDESIGNATED, MOVED = DELETED, "modified", "redesignated", "moved"
KINDS = (MODIFIED, REDESIGNATED, MOVED, ADDED, REMOVED)     # the order summaries count them in


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



@dataclass(slots=True)
class _Entry:
    path: str
    prov: Provision
    text: str
    header: str | None
    index: int      # position in its version, in document order


def _entries(doc: Document, view: str) -> list[_Entry]:
    return [_Entry(p.path, p, own_text(doc, p, view), header(doc, p, view), i)
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
        kin, at = place.get(d, ((), 0))
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
            text = own_text(doc, c, view) or (header(doc, c, view) or "")
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


def _outside_quotes(p: Provision) -> Provision:
    while p.quoted is not None and p.outer is not None:
        p = p.outer
    return p


def _unit(p: Provision) -> Provision | None:
    """The section holding p (outside any quoted block), or None."""
    node = _outside_quotes(p)
    return next((q for q in [node, *node.ancestors()] if q.level == "section"), None)


def _section(doc: Document, p: Provision, view: str) -> str:
    """The unit an entry is listed under: its section (outside any quoted block), after the title or
    division holding it: "title I — General provisions / sec. 101. Short title"."""
    node = _outside_quotes(p)
    chain = [node] + list(node.ancestors())
    parts = []
    for q in reversed(chain):
        if q.level in ABOVE_SECTION and q.level in PATH_WORDS or q.level == "section":
            head = header(doc, q, view)
            parts.append(f"{q.cite}. {head}" if head and q.level == "section" else
                         f"{q.cite} — {head}" if head else q.cite)
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

