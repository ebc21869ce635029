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

import re
from dataclasses import dataclass, field

from ..model.document import Document, Provision
from ..model.textrun import TextRun
from ..model.vocabulary import LEVEL_SET, REPORTED

STRIKE, STRIKE_INSERT, INSERT, ADD, REDESIGNATE, REPEAL, RESTATE = (
    "strike", "strike-insert", "insert", "add", "redesignate", "repeal", "restate")

_Q0, _Q1 = "\ue000", "\ue001"
Q = f"{_Q0}\\d+{_Q1}"
_END = r"(?=\s*(?:[;:.—]|,\s*(?:and|or)\b(?!\s*[(\d])|,\s*by\b|,\s*(?:as|and)\s+so\b|,?\s*(?:and\s+)?(?:realigning|moving|indenting)\b|\s+and\s+(?:by\s+)?(?:insert|strik|add|redesignat|moving|transferr))|\s*$)"
_END_LATE = r"(?=\s*(?:[;:—]|\.\s|\.$|,\s*(?:and|or)\b|,\s*by\b)|\s+and\s+(?:by\s+)?(?:insert|strik|add|redesignat)|\s*$)"
_ANCHOR = re.compile(r"\b(?:striking|inserting|adding|redesignating|repealed|to\s+read\s+as\s+follows|"
                     r"strike|insert)\b", re.I)
_STRIKE = re.compile(rf"(?:strik(?:ing|e)(?:\s+out)?)\s+(?P<what>{Q}(?:\s+(?:each|every)\s+(?:place|time)\s+it\s+appears"
                     rf"|\s+the\s+\w+\s+place\s+it\s+appears|\s+(?:at|in)\s+the\s+end\s+of\s+[^;:—]*?|\s+(?:at|in|before|after)"
                     rf"\s+[^;:—{_Q0}]*?)?|[^;:—{_Q0}]*?(?:{Q}[^;:—{_Q0}]*?)*?){_END}", re.I)
_AND_INSERT = re.compile(rf"\s*,?\s+and\s+insert(?:ing)?(?:\s+in\s+lieu\s+thereof|\s+in\s+its\s+place)?\s+"
                         rf"(?P<ins>{Q}|the\s+following(?:\s+new\s+\w+)?|[:—]?(?=\s*$)|(?:a|an|the)\s+[^;:—{_Q0}]*?{_END_LATE}"
                         rf"|[^;:—{_Q0}\s][^;:—{_Q0}]*?{_END_LATE})", re.I)
_INSERT = re.compile(rf"insert(?:ing)?\s+(?:(?P<q>{Q})\s+(?P<rel>after|before|at\s+the\s+end\s+of|in\s+lieu\s+of)\s+"
                     rf"(?P<anchor>[^;:—{_Q0}]*?(?:{Q}[^;:—{_Q0}]*?)?){_END}"
                     rf"|(?P<rel2>after|before|at\s+the\s+end(?:\s+of)?|in\s+numerical\s+sequence|in\s+alphabetical\s+order|"
                     rf"in\s+the\s+appropriate\s+place)\s*(?P<anchor2>[^;:—{_Q0}]*?)\s*(?:the\s+following|(?P<q2>{Q}))"
                     rf"|(?P<q3>{Q})|the\s+following)", re.I)
_ADD = re.compile(rf"adding\s+(?:(?:at\s+the\s+end(?:\s+thereof)?|(?:after|at\s+the\s+end\s+of)\s+(?P<anchor>[^;:—{_Q0}]*?))\s+"
                  rf"(?:the\s+following|(?P<q>{Q}))|the\s+following\s+at\s+the\s+end(?:\s+thereof)?|(?P<q2>{Q})"
                  rf"\s+at\s+the\s+end)", re.I)
_REDESIGNATE = re.compile(rf"redesignating\s+(?P<a>[^;:—{_Q0}]+?)\s+as\s+(?!amended|added|so\b|redesignated|in\s+effect)"
                          rf"(?P<b>[^;:—{_Q0}]+?)"
                          rf"(?P<resp>,?\s+respectively)?{_END}", re.I)
_REPEAL = re.compile(r"repealed", re.I)
_RESTATE = re.compile(r"to\s+read\s+as\s+follows", re.I)
_AMENDED = re.compile(r"\b(?:(?:is|are)\s+(?:hereby\s+)?(?:each\s+)?(?:further\s+)?(?:amended|modified)"
                      r"|(?:shall|is\s+deemed\s+to|are\s+deemed\s+to)\s+be\s+(?:amended|applied|modified))\b", re.I)
_REPEALED_TARGET = re.compile(r"\b(?:is|are)\s+(?:hereby\s+)?repealed\b", re.I)
_IN = re.compile(rf"^\s*(?:(?:and|or)\s+)?in\s+(?P<t>[^—{_Q0}]+?)(?:\s*\((?:as|relating|other)\b[^()]*\))?\s*(?:—|,?\s+by\b|,\s*(?=strik|insert|add|redesignat))",
                 re.I)
_SENTENCE = re.compile(r"(?:^|[.;:]\s+|—)(?=[A-Z(])")


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
            token = f"{_Q0}{len(self.kept)}{_Q1}"
            out.append(text[pos:s])
            new += s - pos
            out.append(token)
            self.kept.append(text[s:e])
            new += len(token)
            self.shifts.append((new, e))
            pos = e
        out.append(text[pos:])
        self.text = "".join(out)

    def to_run(self, pos: int) -> int:
        here, there = max((sh for sh in self.shifts if sh[0] <= pos), key=lambda sh: sh[0])
        return there + (pos - here)


def _unquote(s: str, kept: list[str]) -> str:
    s = re.sub(f"{_Q0}(\\d+){_Q1}", lambda m: "\u201c" + kept[int(m.group(1))] + "\u201d", s)
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


def _local_target(text: str, kept) -> str | None:
    m = _IN.match(text)
    return _unquote(m.group("t"), kept) if m else None


def _root_target(text: str, pos: int, kept) -> str | None:
    """ "Section 5 of the X Act (6 U.S.C. 101) is amended": the words before "is amended" in its sentence."""
    m = _AMENDED.search(text, 0, max(pos, 0) + 40) or _REPEALED_TARGET.search(text)
    if not m or m.start() > pos + 40:
        return None
    starts = [s.end() for s in _SENTENCE.finditer(text, 0, m.start())]
    start = starts[-1] if starts else 0
    target = _unquote(text[start:m.start()], kept).strip(" ,")
    target = re.sub(r"^(?:\(\w+\)\s*)?(?:In\s+general\.?—)?", "", target).strip()
    return target or None


def parse(doc: Document, view: str) -> list[Instruction]:
    """Every instruction in the bill's own text (quoted blocks are the amended law's text, not parsed)."""
    out: list[Instruction] = []
    contexts: dict = {}     # provision -> target it passes to the items below it
    for prov in doc.provisions_in(view):
        if prov.quoted is not None:
            continue
        run = doc.text(prov.el, view)
        placed = Placed(run)
        text, kept = placed.text, placed.kept
        inherited = list(contexts.get(prov.parent, [])) if prov.parent is not None else []
        local = _local_target(text, kept)
        root = _root_target(text, len(text), kept) if _AMENDED.search(text) or _REPEALED_TARGET.search(text) else None
        target = inherited + ([root] if root else []) + ([local] if local else [])
        if text.rstrip().endswith("—") and (root or local or inherited):
            contexts[prov] = target
        found = _instructions(prov, run, text, kept, target)
        for ins in found:
            ins.start, ins.end = placed.to_run(ins.start), placed.to_run(ins.end)
        following = [ins for ins in found if ins.operands.get("following")]
        blocks = _blocks(prov) if following else []   # most provisions insert no block
        for ins, block in zip(following, blocks):
            ins.block = block
        out.extend(found)
    return out


def _instructions(prov, run, text, kept, target) -> list[Instruction]:
    found: list[Instruction] = []
    pos = 0
    context = tuple(target)
    for m in _ANCHOR.finditer(text):
        if m.start() < pos:
            continue
        word = m.group(0).lower()
        ins = None
        if word.startswith("strik"):
            sm = _STRIKE.match(text, m.start())
            if sm:
                end = sm.end()
                ops = {"strike": _unquote(sm.group("what"), kept)}
                am = _AND_INSERT.match(text, end)
                action = STRIKE
                if am:
                    action, end = STRIKE_INSERT, am.end()
                    ins_text = am.group("ins")
                    if ins_text.lower().startswith("the following") or not ins_text.strip(":— "):
                        ops["following"] = True
                    else:
                        ops["insert"] = _unquote(ins_text, kept)
                ins = Instruction(prov, run, m.start(), end, action, list(target), ops, context=context)
        elif word.startswith("insert"):
            im = _INSERT.match(text, m.start())
            if im:
                ops = {}
                q = im.group("q") or im.group("q2") or im.group("q3")
                if q:
                    ops["insert"] = _unquote(q, kept)
                else:
                    ops["following"] = True
                rel = im.group("rel") or im.group("rel2")
                if rel:
                    ops["where"] = " ".join(rel.split()).lower()
                    ops["anchor"] = _unquote(im.group("anchor") or im.group("anchor2") or "", kept)
                ins = Instruction(prov, run, m.start(), im.end(), INSERT, list(target), ops, context=context)
        elif word == "adding":
            am = _ADD.match(text, m.start())
            if am:
                q = am.group("q") or am.group("q2")
                ops = {"insert": _unquote(q, kept)} if q else {"following": True}
                ops["where"] = "after" if am.group("anchor") else "at the end"
                if am.group("anchor"):
                    ops["anchor"] = _unquote(am.group("anchor"), kept)
                new = re.match(r"\s*new\s+(\w+)", text[am.end():am.end() + 30])
                if new:
                    ops["new"] = new.group(1).lower()
                ins = Instruction(prov, run, m.start(), am.end(), ADD, list(target), ops, context=context)
        elif word == "redesignating":
            rm = _REDESIGNATE.match(text, m.start())
            if rm:
                ops = {"from": _unquote(rm.group("a"), kept), "to": _unquote(rm.group("b"), kept)}
                ins = Instruction(prov, run, m.start(), rm.end(), REDESIGNATE, list(target), ops,
                                  respectively=bool(rm.group("resp")), context=context)
        elif word == "repealed":
            what = target[-1] if target else _root_target(text, m.start(), kept)
            if what:
                ins = Instruction(prov, run, m.start(), m.end(), REPEAL, list(target) or [what], {"repeal": what},
                                  context=context)
        elif word.startswith("to"):
            ins = Instruction(prov, run, m.start(), m.end(), RESTATE, list(target), {"following": True},
                              context=context)
        if ins is not None:
            if "new" not in ins.operands and ins.operands.get("following"):
                new = re.match(r"\s*(?:the\s+following\s+)?new\s+(\w+)", text[ins.end:ins.end + 40])
                if new:
                    ins.operands["new"] = new.group(1).lower()
            found.append(ins)
            pos = ins.end
    return found


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


def designation_list(side: str) -> tuple[str | None, list[str]]:
    """ "subsections (d), (e), and (g)" -> ("subsection", ["d", "e", "g"]); "paragraphs (3) through (5)" is
    expanded to 3, 4, 5. Section numbers ("sections 5 and 6") are read as well."""
    from . import designations
    from .references import REF, expand, singular
    # "(as added by paragraph (1)(A))" and ", as added by section 233(5) of Public Law 97–444," say which
    # unit is meant; they are not units of the list
    side = re.sub(r"\((?:as|relating)\b(?:[^()]|\([^()]*\))*\)|,\s*as\s+(?:added|amended|redesignated)\s+by\s+[^,]*,", " ",
                  side)
    matches = list(REF.finditer(side))
    if not matches:
        return None, []
    m = matches[0]
    word = singular(m.group("word"))
    chains, ranges = [], []
    for each in matches:  # "the second subsection (c) and subsection (d)"
        if singular(each.group("word")) != word:
            continue
        more, more_ranges = expand(word, each.group("list"))
        ranges += [(a + len(chains), b + len(chains)) for a, b in more_ranges]
        chains += more
    cores = [ch[-1][1] for ch in chains]
    level = chains[0][-1][0] if chains and chains[0] else word
    out: list[str] = []
    skip_next = False
    for i, core in enumerate(cores):
        if skip_next:
            skip_next = False
            continue
        rng = next((r for r in ranges if r[0] == i), None)
        if rng is None:
            out.append(core)
            continue
        a = designations.parse(f"({core})", level)
        b = designations.parse(f"({cores[rng[1]]})", level)
        if a and b and a.cls and a.cls == b.cls and a.value is not None and b.value is not None \
                and not a.suffix and not b.suffix and 0 <= b.value - a.value < 200:
            out.extend(designations.label(v, a.cls) for v in range(a.value, b.value + 1))
        else:
            out.extend([core, cores[rng[1]]])
        skip_next = True
    return level if chains and len(chains[0]) > 1 else word, out
