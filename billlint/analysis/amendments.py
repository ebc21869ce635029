"""Amendment instructions: parse them from the XML into target, action and operands.

Instructions follow fixed forms: "Section 5 of the X Act is amended by striking "a" and inserting "b"",
"by inserting after subsection (c) the following:", "by adding at the end the following:", "by
redesignating A as B, respectively", "is repealed", "to read as follows:", and "is amended—" followed by
items "(1) in subsection (a), by ..." whose "in ..." phrase gives the target for what follows.

The XML does the hard part: operands in quotation marks are <quote> elements and inserted text is the
quoted-block that follows. Each quote is replaced by a placeholder before the text is read, so no
pattern can run across a quotation, and every pattern is anchored where a verb stands: parsing stays
linear in the length of the text.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from ..model.document import Document, Provision
from ..model.textrun import TextRun
from ..model.vocabulary import LEVEL_SET, REPORTED
from .prefilter import AMENDED_WORDS, VERB_WORDS, before_in, fold, has
from .redesignation import designation_list  # noqa: F401  (rules read it as amendments.designation_list)
from .phrases import (ABBREV, ADD_RE, AMENDED, AMENDING, AND_INSERT, BEFORE_REPEALED,
                      BEFORE_VERB, BOUND, CLAUSE_VERB, EXCEPT, IN, INSERT_RE, LEAD, PAREN, PLACES_END, Q0,
                      Q1, REDESIGNATE_RE, RESTATE_RE, STRIKE_RE, UNIT, VERB, WINDOW)

STRIKE, STRIKE_INSERT, INSERT, ADD, REDESIGNATE, REPEAL, RESTATE = (
    "strike", "strike-insert", "insert", "add", "redesignate", "repeal", "restate")


@dataclass
class Instruction:
    prov: Provision
    run: TextRun
    start: int
    end: int
    action: str
    target: list                       # the amended unit, senior first: ["Section 5 of the X Act", "subsection (a)"]
    operands: dict = field(default_factory=dict)
    block: object = None               # the quoted-block element that supplies "the following"
    respectively: bool = False
    context: tuple = ()                # what the instruction amends, for matching instructions to one another

    @property
    def text(self) -> str:
        return self.run.text[self.start:self.end]


class Placed:
    """A run's text with each top-level <quote> replaced by a short placeholder, and the way back."""

    def __init__(self, run: TextRun):
        text = run.text
        quotes = sorted((m[0], m[1]) for m in run.marks if m[2] == "quote")
        out, self.kept, self.shifts = [], [], [(0, 0)]   # shifts: (position here, position in the run)
        pos = new = 0
        for s, e in quotes:
            if s < pos:
                continue  # a quote inside a quote
            token = f"{Q0}{len(self.kept)}{Q1}"
            out.append(text[pos:s])
            new += s - pos
            out.append(token)
            self.kept.append(text[s:e])
            new += len(token)
            self.shifts.append((new, e))
            pos = e
        out.append(text[pos:])
        self.text = "".join(out)
        self._heres = [sh[0] for sh in self.shifts]

    def to_run(self, pos: int) -> int:
        i = bisect.bisect_right(self._heres, pos) - 1
        here, there = self.shifts[i]
        return there + (pos - here)


def _unquote(s: str, kept: list[str]) -> str:
    s = re.sub(f"{Q0}(\\d+){Q1}", lambda m: "\u201c" + kept[int(m.group(1))] + "\u201d", s)
    return " ".join(s.split())


def _blocks(prov: Provision) -> list:
    """The quoted blocks that the provision's own text introduces, in order: its children, or (as USLM
    writes them) inside its text, but not those of nested provisions or inside another quoted block."""
    out, stack = [], list(reversed([c for c in prov.el if isinstance(c.tag, str)]))
    while stack:
        el = stack.pop()
        if el.tag == "quoted-block":
            out.append(el)
        elif el.tag not in LEVEL_SET:
            stack.extend(reversed([c for c in el if isinstance(c.tag, str)]))
    return out


def _bounds(text: str) -> list[int]:
    """Where sentences and clauses start, outside parentheses: not after an initial or an abbreviation
    ("Morris K. Udall", "5 U.S.C. App."), and not at a dash inside a name ("Vision 100—Century of …")."""
    out, depth = [0], 0
    for m in BOUND.finditer(text):
        c = text[m.start()]
        if c == "(":
            depth += 1
        elif c == ")":
            depth = max(depth - 1, 0)
        elif depth:
            continue
        elif c == ".":
            word = text[max(0, m.start() - 12):m.start()].rsplit(None, 1)
            if word and ABBREV.fullmatch(word[-1].lstrip("(")):
                continue
            out.append(m.end())
        elif c == "—":
            if m.start() and text[m.start() - 1].isalnum() and text[m.end():m.end() + 1].isupper():
                continue
            out.append(m.end())
        else:
            out.append(m.end())
    return out


def _split_chain(t: str) -> list[str]:
    """ "paragraph (12) (as redesignated by …), in subparagraph (A)" -> two items (commas in parentheses kept)."""
    items, depth, last = [], 0, 0
    for m in re.finditer(r"[()]|,\s+in\s+", t):
        if m.group() == "(":
            depth += 1
        elif m.group() == ")":
            depth = max(depth - 1, 0)
        elif not depth:
            items.append(t[last:m.start()])
            last = m.end()
    items.append(t[last:])
    return [s for s in (i.strip(" ,") for i in items) if s]


def _context_at(text: str, pos: int, kept) -> tuple[int, list[str]] | None:
    """An "in X[, in Y], by" context phrase starting at pos: its end and its items."""
    m = IN.match(text, pos, min(len(text), pos + WINDOW))
    if not m:
        return None
    t = m.group("t")
    plain = re.sub(PAREN, "", t)
    if not UNIT.search(t) or CLAUSE_VERB.search(plain):
        return None
    return m.end(), [_unquote(i, kept) for i in _split_chain(t)]


def _subject(text: str, bounds: list[int], m, kept) -> str | None:
    """ "Section 5 of the X Act (6 U.S.C. 101) is amended": the words before "is amended" in its sentence."""
    start = bounds[bisect.bisect_right(bounds, m.start()) - 1]
    subject = _unquote(text[start:m.start()], kept).strip(" ,")
    subject = LEAD.sub("", subject).strip(" ,")
    return subject or None


def _events(text: str, kept, low: str) -> list[tuple]:
    """The places that set the target, in order: (position, end, kind, items). low: fold(the run's text)."""
    out = []
    bounds = None
    for m in AMENDED.finditer(text) if has(low, AMENDED_WORDS) else ():
        bounds = bounds or _bounds(text)
        s = _subject(text, bounds, m, kept)
        if s:
            out.append((m.start(), m.end(), "root", [s]))
    last = 0
    for m in re.finditer(r"\b[Ii]n\s", text):
        if m.start() < last or not before_in(text, m.start()):
            continue
        got = _context_at(text, m.start(), kept)
        if got:
            out.append((m.start(), got[0], "in", got[1]))
            last = got[0]
    for m in re.finditer(r"\bamending\s", text) if "amending" in text else ():
        a = AMENDING.match(text, m.start(), min(len(text), m.start() + WINDOW))
        if a:
            out.append((m.start(), a.end(), "amending", [_unquote(a.group("t"), kept)]))
    out.sort(key=lambda e: e[0])
    return out


def parse(doc: Document, view: str) -> list[Instruction]:
    """Every instruction in the bill's own text (quoted blocks are the amended law's text, not parsed)."""
    out: list[Instruction] = []
    contexts: dict = {}     # provision -> target it passes to the items below it
    for prov in doc.provisions_in(view):
        if prov.quoted is not None:
            continue
        run = doc.text(prov.el, view)
        if not has(low := fold(run.text), VERB_WORDS) and not run.text.rstrip().endswith(("—", ":")):
            continue   # no operation verb and no chapeau: no instruction here, no target passed down
        placed = Placed(run)
        text, kept = placed.text, placed.kept
        holder = prov.parent
        while holder is not None and holder.runin is not None:
            holder = holder.parent    # the outer unit of a run-in enum has no text: its own parent's target holds
        inherited = list(contexts.get(holder, [])) if holder is not None else []
        found, chain = _instructions(prov, run, text, kept, inherited, low)
        tail = text.rstrip()
        # a chapeau: "is amended—", "in subsection (a)—", "is amended as follows:" pass their target down
        if chain and (tail.endswith("—") or tail.endswith(":") and not any(i.operands.get("following") for i in found)):
            contexts[prov] = chain
        for ins in found:
            ins.start, ins.end = placed.to_run(ins.start), placed.to_run(ins.end)
        following = [ins for ins in found if ins.operands.get("following")]
        blocks = _blocks(prov) if following else []   # most provisions insert no block
        for ins, block in zip(following, blocks):
            ins.block = block
        out.extend(found)
    return out


def _places(ops: dict, key: str) -> None:
    """Move a trailing "each place it appears" from an operand to its own operand."""
    m = PLACES_END.search(ops.get(key, ""))
    if m and m.start() > 0:
        ops[key] = ops[key][:m.start()]
        ops["places"] = " ".join(m.group(1).split()).lower()


def _first(m, *names: str) -> str | None:
    """The first of a match's named groups that matched: the patterns name each alternative's group apart."""
    return next((m.group(n) for n in names if m.group(n)), None)


def _inserted(ops: dict, m, *names: str, kept) -> None:
    """The inserted text: a quotation in line ("the following: “…”") or the quoted block that follows."""
    q = _first(m, *names)
    if q:
        ops["insert"] = _unquote(q, kept)
    else:
        ops["following"] = True


def _instructions(prov, run, text, kept, inherited, low) -> tuple[list[Instruction], list]:
    found: list[Instruction] = []
    events = _events(text, kept, low)
    ei, base, chain = 0, list(inherited), list(inherited)
    pos = 0

    def advance(upto: int):
        nonlocal ei, base, chain
        while ei < len(events) and events[ei][0] <= upto:
            at, _, kind, items = events[ei]
            ei += 1
            if at < pos:
                continue   # inside an instruction already read
            if kind == "root":
                base = inherited + items
                chain = list(base)
            elif kind == "in":
                chain = base + items
            else:
                chain = chain + items

    for m in VERB.finditer(text):
        if m.start() < pos:
            continue
        word = m.group(0).lower()
        if word == "amending":
            continue
        before = text[max(0, m.start() - 40):m.start()]
        if word == "repealed":
            if not BEFORE_REPEALED.search(before):
                continue
        elif not word.startswith("to") and not BEFORE_VERB.search(before):
            continue   # "Joint Strike Fighter", "hypersonic strike programs": prose, not an operation
        advance(m.start())
        limit = min(len(text), m.start() + WINDOW)
        ins = None
        target = list(chain)
        if word.startswith("strik"):
            sm = STRIKE_RE.match(text, m.start(), limit)
            if sm:
                end = sm.end()
                ops = {"strike": _unquote(sm.group("what"), kept)}
                _places(ops, "strike")
                am = AND_INSERT.match(text, end, limit)
                action = STRIKE
                if am:
                    action, end = STRIKE_INSERT, am.end()
                    ins_text = " ".join(am.group("ins").split())
                    if am.group("colon"):
                        ops["insert"] = _unquote(am.group("colon"), kept)
                    elif ins_text.lower().startswith("the following"):
                        _inserted(ops, am, "inla", kept=kept)
                        if am.group("newa"):
                            ops["new"] = am.group("newa").lower()
                    elif not ins_text.strip(":— "):
                        ops["following"] = True
                    else:
                        ops["insert"] = _unquote(ins_text, kept)
                    if am.group("places"):
                        ops["places"] = " ".join(am.group("places").split()).lower()
                ex = EXCEPT.match(text, end, limit)
                if ex:
                    ops["except"], end = _unquote(ex.group(1), kept), ex.end()
                ins = Instruction(prov, run, m.start(), end, action, target, ops)
        elif word.startswith("insert"):
            im = INSERT_RE.match(text, m.start(), limit)
            if im:
                ops = {}
                q = _first(im, "q", "q2", "q3")
                if q:
                    ops["insert"] = _unquote(q, kept)
                else:
                    _inserted(ops, im, "inlb", "inld", kept=kept)
                rel = _first(im, "rel", "rel2", "rel3")
                if rel:
                    ops["where"] = " ".join(rel.split()).lower()
                    anchor = _first(im, "anchor", "anchor2", "anchor3")
                    if anchor:
                        ops["anchor"] = _unquote(anchor, kept)
                        _places(ops, "anchor")
                new = _first(im, "newb", "newc", "newd")
                if new:
                    ops["new"] = new.lower()
                ins = Instruction(prov, run, m.start(), im.end(), INSERT, target, ops)
        elif word == "adding":
            am = ADD_RE.match(text, m.start(), limit)
            if am:
                ops = {}
                q = _first(am, "q", "q2", "small", "small2", "q3")
                if q:
                    ops["insert"] = _unquote(q, kept)
                else:
                    _inserted(ops, am, "inla", "inlb", kept=kept)
                anchor = _first(am, "of", "of2", "anchor", "anchor2", "anchor3")
                rel = _first(am, "rel", "rel2", "rel3")
                ops["where"] = rel.lower() if rel else "after" if anchor else "at the end"
                if anchor:
                    ops["anchor"] = _unquote(anchor, kept)
                new = _first(am, "newa", "newb")
                if new:
                    ops["new"] = new.lower()
                ins = Instruction(prov, run, m.start(), am.end(), ADD, target, ops)
        elif word == "redesignating":
            rm = REDESIGNATE_RE.match(text, m.start(), limit)
            if rm:
                a, b = _first(rm, "a", "a2"), _first(rm, "b", "b2")
                ops = {"from": _unquote(a, kept), "to": _unquote(b, kept)}
                ins = Instruction(prov, run, m.start(), rm.end(), REDESIGNATE, target, ops,
                                  respectively=bool(rm.group("resp")))
        elif word == "repealed":
            if target:
                ins = Instruction(prov, run, m.start(), m.end(), REPEAL, target, {"repeal": target[-1]})
        elif word.startswith("to"):
            rm = RESTATE_RE.match(text, m.start(), limit)
            ops = {}
            _inserted(ops, rm, "inlr", kept=kept)
            ins = Instruction(prov, run, m.start(), rm.end(), RESTATE, target, ops)
        if ins is not None:
            ins.context = tuple(ins.target)
            if "new" not in ins.operands and ins.operands.get("following"):
                new = re.match(r"\s*(?:the\s+following\s+)?new\s+(\w+)", text[ins.end:ins.end + 40])
                if new:
                    ins.operands["new"] = new.group(1).lower()
            found.append(ins)
            pos = ins.end
    advance(len(text))
    return found, chain


# an amending verb: what every instruction holds and a provision of its own does not
_AMENDS = re.compile(r"\b(?:striking|inserting|adding|redesignating|amending|transferring|moving|repealing"
                     r"|to\s+read\s+as\s+follows)\b")


def instructs(doc: Document, prov: Provision, view: str) -> bool:
    """Whether a unit gives amendment instructions: an amending verb in its own words or its sub-units', outside
    quoted text ("(3) Within 90 days ..., the Secretary shall publish—" gives none)."""
    todo = [prov]
    while todo:
        p = todo.pop()
        own = Placed(doc.text(p.el, view)).text
        if _AMENDS.search(own) or AMENDED.search(own):
            return True
        todo += [c for c in p.live_children(view) if c.quoted is prov.quoted]
    return False


OPERATION = re.compile(r"\b(?:striking|inserting|adding\s+at\s+the\s+end|redesignating|repealed|to\s+read\s+as\s+follows)\b",
                       re.I)


def coverage(doc: Document, view: str = REPORTED) -> tuple[int, int, list]:
    """Operation phrases outside quoted blocks and quotes, how many were parsed, and the misses."""
    parsed = parse(doc, view)
    spans: dict = {}
    for ins in parsed:
        if ins.target or ins.action == REPEAL:
            spans.setdefault(id(ins.run), []).append((ins.start, ins.end))
    total, hit, misses = 0, 0, []
    for prov in doc.provisions_in(view):
        if prov.quoted is not None:
            continue
        run = doc.text(prov.el, view)
        placed = Placed(run)
        runs = [i for i in parsed if i.prov is prov]
        for m in OPERATION.finditer(placed.text):
            total += 1
            at = placed.to_run(m.start())
            covered = any(i.start <= at < i.end and (i.target or i.action == REPEAL) and i.operands for i in runs)
            if covered:
                hit += 1
            else:
                misses.append((prov, " ".join(run.text[max(0, at - 60):at + 80].split())))
    return total, hit, misses
