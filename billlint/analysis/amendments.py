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

from ..model.document import Document, Provision, TextRun

STRIKE, STRIKE_INSERT, INSERT, ADD, REDESIGNATE, REPEAL, RESTATE = (
    "strike", "strike-insert", "insert", "add", "redesignate", "repeal", "restate")

_Q0, _Q1 = "\ue000", "\ue001"
Q = f"{_Q0}\\d+{_Q1}"
_W = f"[^;:—{_Q0}]"             # a character of plain words inside one clause
_PAREN = r"\((?:[^()]|\([^()]*\))*\)"   # a parenthetical, one level of nesting inside
_WINDOW = 1500                  # no operand or target runs longer: each match looks at most this far

# "each place it appears" and its kin: where in the amended text an operation applies
PLACES = (r"(?:each|every)\s+(?:place|time)\s+(?:that\s+)?(?:it|they|(?:such|the|that)\s+\w+)\s+appears?"
          r"|(?:the\s+)?(?:first|second|third|fourth|fifth|sixth|last|\w+)\s+(?:place|time)\s+(?:that\s+)?it\s+appears"
          r"|wherever\s+(?:it|they)\s+appears?")
_PLACES_END = re.compile(rf",?\s+({PLACES})[,;.]?$", re.I)
# The verbs that start the next operation of a clause (with or without its "and"/"by")
_NEXT = (r"(?:and\s+|or\s+)?(?:by\s+)?(?:insert(?:ing)?|strik(?:e|ing)|add(?:ing)?|redesignat(?:e|ing)|moving"
         r"|transferring|substitut(?:e|ing)|replac(?:e|ing)|realign(?:ing)?|indent(?:ing)?|amending)\b")
# Where a plain-word operand ends: clause punctuation (a period only before a space or the end: "U.S.C." and
# "sec." stay inside), ", and"/", or" before a non-designation, ", by", or the next operation.
_END = (rf"(?=\s*(?:[;:—]|\.(?:\s|$)|,\s*(?:and|or)\b(?!\s*[(\d])|,\s*by\b|,\s*(?:as|and)\s+so\b)|\s*,?\s*{_NEXT}"
        r"|\s*$)")
_END_LATE = r"(?=\s*(?:[;:—]|\.\s|\.$|,\s*(?:and|or)\b|,\s*by\b)|\s+and\s+(?:by\s+)?(?:insert|strik|add|redesignat)|\s*$)"
_FOLLOWING = r"the\s+following(?:\s+new\s+(?P<NEW>\w+)(?:\s+(?:\(\w+\)|\d\w*))?)?"
_INLINE = rf"(?:\s*[:—]?\s*(?P<INL>{Q}))?"     # "the following: “text”": the inserted text given in line
_SMALL = (r"(?:a|an)\s+(?:comma|semicolon|period|colon|em\s+dash|dash|hyphen|space|closing\s+parenthesis"
          r"|(?:new\s+)?(?:sentence|paragraph\s+heading|subsection\s+heading|heading)\b[^;:—\ue000]*?)")
_VERB = re.compile(r"\b(?:striking|inserting|adding|redesignating|amending|repealed|to\s+read\s+as\s+follows|"
                   r"strike|insert)\b", re.I)
# what may stand before an operation verb: a clause start, "by", "and", a quotation ("“2024”and inserting")
_BEFORE_VERB = re.compile(rf"(?:^|[,;:.—(]|{_Q1}|\b(?:by|and|or|then|also|further|to|in|amended))\s*$", re.I)
# "…, except in section 918 (15 U.S.C. 1693o);": where the operation does not apply
_EXCEPT = re.compile(r",?\s*(except\s+(?:in|for|as|that)\b[^;:—]*?)(?=\s*[;:—]|\.?\s*$|,?\s+and\s*$)", re.I)
_BEFORE_REPEALED = re.compile(r"\b(?:is|are|be)\s+(?:hereby\s+)?$", re.I)


def _n(name: str, pattern: str) -> str:
    """A named sub-pattern used in more than one alternative gets a distinct group name in each."""
    return pattern.replace("(?P<NEW>", f"(?P<new{name}>").replace("(?P<INL>", f"(?P<inl{name}>")


_STRIKE = re.compile(rf"strik(?:ing|e)(?:\s+out)?\s+(?P<what>{Q}(?:\s+(?:{PLACES})"
                     rf"|\s+(?:at|in)\s+the\s+end\s+of\s+[^;:—]*?|\s+(?:at|in|before|after)\s+{_W}*?)?"
                     rf"|{_W}*?(?:{Q}{_W}*?)*?){_END}", re.I)
_AND_INSERT = re.compile(
    rf"\s*,?\s*(?:and\s+)?(?:insert(?:ing)?(?:\s+in\s+lieu\s+thereof|\s+in\s+(?:its|their)\s+place|\s+in\s+place\s+thereof)?"
    rf"|substitut(?:e|ing)|replacing\s+(?:it|them|such\s+\w+)\s+with)"
    rf"(?:\s+the\s+word)?\s*(?P<ins>{Q}|{_n('a', _FOLLOWING)}{_n('a', _INLINE)}|[:—]\s*(?P<colon>{Q})|[:—]?(?=\s*$)"
    rf"|(?<=\s)[^;:—{_Q0}\s]{_W}*?(?:{Q}{_W}*?)*?{_END_LATE})"
    rf"(?:\s+(?P<places>{PLACES}))?", re.I)
_REL = (r"immediately\s+(?:after|before)|after|before|prior\s+to|at\s+the\s+(?:end|beginning)\s+of|in\s+lieu\s+of")
# at least one word or quotation, and not the inserted text itself
_ANCHOR = rf"(?!the\s+following\b)(?:{Q}|[^;:—{_Q0}\s]){_W}*?(?:{Q}{_W}*?)*?"
_INSERT = re.compile(
    rf"insert(?:ing)?\s+(?:"
    # "inserting “Y” after “X” [each place it appears]"
    rf"(?P<q>{Q}|{_SMALL}|the\s+word\s+{Q})\s+(?P<rel>{_REL})\s+(?P<anchor>{_ANCHOR}){_END}"
    # "inserting after “X” [each place it appears] the following: [“Y”]" / "inserting before the period “Y”"
    rf"|(?P<rel2>{_REL}|at\s+the\s+(?:end|beginning)|in\s+numerical\s+sequence|in\s+alphabetical\s+order"
    rf"|in\s+(?:the\s+)?appropriate\s+(?:place|order|sequence))"
    rf"(?:\s+(?P<anchor2>{_ANCHOR}))?\s*(?:[,:]?\s*(?:{_n('b', _FOLLOWING)}{_n('b', _INLINE)}|(?P<q2>{Q}))"
    rf"|[:—](?=\s*$))"
    # "inserting the following after section 5:"
    rf"|{_n('c', _FOLLOWING)}\s+(?P<rel3>{_REL})\s+(?P<anchor3>{_ANCHOR}){_END}"
    rf"|(?P<q3>{Q})|{_n('d', _FOLLOWING)}{_n('d', _INLINE)})", re.I)
_ADD_WHAT = rf"(?:{_FOLLOWING}{_INLINE}|(?P<Q>{Q})|(?P<SMALL>{_SMALL}))"
_ADD = re.compile(
    rf"adding\s+(?:"
    # "adding at the end [of X | before the period] the following:" / "adding after X the following:"
    rf"(?:at\s+the\s+end(?:\s+thereof)?(?:\s+of\s+(?P<of>{_ANCHOR})|\s+(?P<rel>before|after)\s+(?P<anchor>{_ANCHOR}))??"
    rf"|(?P<rel2>after|before)\s+(?P<anchor2>{_ANCHOR}))\s*,?\s*"
    + _ADD_WHAT.replace("(?P<Q>", "(?P<q>").replace("(?P<SMALL>", "(?P<small>").replace("(?P<NEW>", "(?P<newa>")
    .replace("(?P<INL>", "(?P<inla>") +
    # "adding “X” at the end [of Y]" / "adding the following at the end thereof:"
    rf"|" + _ADD_WHAT.replace("(?P<Q>", "(?P<q2>").replace("(?P<SMALL>", "(?P<small2>").replace("(?P<NEW>", "(?P<newb>")
    .replace("(?P<INL>", "(?P<inlb>") +
    rf"\s+at\s+the\s+end(?:\s+thereof|\s+of\s+(?P<of2>{_ANCHOR}){_END})?)", re.I)
_SIDE = rf"(?:[^;:—{_Q0}().]|{_PAREN}|\.(?=\s*(?:,|and\b|or\b|through\b|as\b|respectively\b)))+?"
_END_SIDE = (r"(?=\s*(?:[;:—)]|\.(?:\s|$)|,(?!\s*(?:(?:and|or)\s+)?(?:\(|\d|[a-zA-Z]{1,4}\.|through\b))"
             r"|and\s+(?=[^\s(\d])(?![a-zA-Z]{1,4}\.)|with\b|before\b|after\b)|\s*$)")
_REDESIGNATE = re.compile(rf"redesignating\s+(?:(?P<a>{_SIDE})\s+as\s+(?!amended|added|so\b|redesignated|in\s+effect)"
                          rf"(?P<b>{_SIDE})(?P<resp>,?\s+respectively)?{_END_SIDE}"
                          rf"|(?P<a2>{_SIDE})\s+(?P<b2>accordingly))", re.I)
_RESTATE = re.compile(rf"to\s+read\s+as\s+follows{_n('r', _INLINE)}", re.I)
_AMENDED = re.compile(r"\b(?:(?:is|are)\s+(?:hereby\s+)?(?:each\s+)?(?:further\s+)?(?:amended|modified)"
                      r"|(?:shall|is\s+deemed\s+to|are\s+deemed\s+to)\s+be\s+(?:amended|applied|modified)"
                      r"|(?:is|are)\s+(?:hereby\s+)?repealed"
                      r"|(?<=[\w)])\s+amended(?=\s+by\s+(?:strik|insert|add|redesignat)))\b", re.I)
# "in subsection (a), by" / "in paragraph (12) (as redesignated by paragraph (1)), in subparagraph (A)—"
_IN_T = (rf"(?:\bas\s+(?:so\s+)?(?:added|amended|inserted|redesignated|designated|enacted|made)\s+by\b"
         rf"|[^—;:{_Q0}()]|{Q}|{_PAREN})+?")
_IN = re.compile(rf"in\s+(?P<t>{_IN_T})(?=\s*—|\s*:\s*$|,?\s+by\b|,\s*(?:strik|insert|add|redesignat|amend|to\s+read))",
                 re.I)
_AMENDING = re.compile(rf"amending\s+(?P<t>{_IN_T})(?=\s*—|\s+to\s+read\b|,?\s+by\b|\s*:\s*$)", re.I)
_BEFORE_IN = re.compile(rf"(?:^|[,;:—]|\b(?:and|or)|{_AMENDED.pattern})\s*$", re.I)
# a context names a unit of text; "In addition to amounts …, there are appropriated …—" is a sentence
_UNIT = re.compile(r"\b(?:(?:sub)?(?:sections?|paragraphs?|clauses?|items?|titles?|chapters?|parts?|divisions?)"
                   r"|headings?|headers?|matter|sentences?|tables?|text|definitions?|provisos?|columns?|entry|entries"
                   r"|rows?|captions?|amendments?|appendix|schedule|notes?|Act|Code|list|flush|\w+\s+(?:place|time)"
                   rf")\b|\(\w{{1,8}}\)|{_Q0}", re.I)
_CLAUSE_VERB = re.compile(r"\b(?:shall|there\s+(?:is|are)|is|are|was|were|may|must|will)\b", re.I)
_BOUND = re.compile(r"[()]|[.;:]\s+(?=[A-Z(\ue000])|—")
_ABBREV = re.compile(r"(?:[A-Z]|[A-Za-z](?:\.[A-Za-z])+|Dr|Mr|Mrs|Ms|Jr|Sr|St|No|Nos|App|Stat|Inc|Co|Corp|Ltd|Pub|Sec|Secs"
                     r"|Gen|Lt|Col|Rev|Ft|Mt|Hon|Rept|Doc|Res|Con|vs|v|Prof|Capt|Sgt|Adm|Gov|Sen|Rep|Pres|Ave|Jan|Feb"
                     r"|Mar|Apr|Aug|Sept|Sep|Oct|Nov|Dec|seq|al|etc)")
_LEAD = re.compile(r"^(?:\(\w+\)\s*)?(?:Provided(?:\s+further)?,\s+That\s+|And\s+provided,\s+That\s+)?", re.I)


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
        self._heres = [sh[0] for sh in self.shifts]

    def to_run(self, pos: int) -> int:
        i = bisect.bisect_right(self._heres, pos) - 1
        here, there = self.shifts[i]
        return there + (pos - here)


def _unquote(s: str, kept: list[str]) -> str:
    s = re.sub(f"{_Q0}(\\d+){_Q1}", lambda m: "\u201c" + kept[int(m.group(1))] + "\u201d", s)
    return " ".join(s.split())


def _blocks(prov: Provision) -> list:
    """The quoted blocks that the provision's own text introduces, in order: its children, or (as USLM
    writes them) inside its text, but not those of nested provisions or inside another quoted block."""
    from ..model.document import _LEVEL_SET
    out, stack = [], list(reversed([c for c in prov.el if isinstance(c.tag, str)]))
    while stack:
        el = stack.pop()
        if el.tag == "quoted-block":
            out.append(el)
        elif el.tag not in _LEVEL_SET:
            stack.extend(reversed([c for c in el if isinstance(c.tag, str)]))
    return out


def _bounds(text: str) -> list[int]:
    """Where sentences and clauses start, outside parentheses: not after an initial or an abbreviation
    ("Morris K. Udall", "5 U.S.C. App."), and not at a dash inside a name ("Vision 100—Century of …")."""
    out, depth = [0], 0
    for m in _BOUND.finditer(text):
        c = text[m.start()]
        if c == "(":
            depth += 1
        elif c == ")":
            depth = max(depth - 1, 0)
        elif depth:
            continue
        elif c == ".":
            word = text[max(0, m.start() - 12):m.start()].rsplit(None, 1)
            if word and _ABBREV.fullmatch(word[-1].lstrip("(")):
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
    m = _IN.match(text, pos, min(len(text), pos + _WINDOW))
    if not m:
        return None
    t = m.group("t")
    plain = re.sub(_PAREN, "", t)
    if not _UNIT.search(t) or _CLAUSE_VERB.search(plain):
        return None
    return m.end(), [_unquote(i, kept) for i in _split_chain(t)]


def _subject(text: str, bounds: list[int], m, kept) -> str | None:
    """ "Section 5 of the X Act (6 U.S.C. 101) is amended": the words before "is amended" in its sentence."""
    start = bounds[bisect.bisect_right(bounds, m.start()) - 1]
    subject = _unquote(text[start:m.start()], kept).strip(" ,")
    subject = _LEAD.sub("", subject).strip(" ,")
    return subject or None


def _events(text: str, kept) -> list[tuple]:
    """The places that set the target, in order: (position, end, kind, items)."""
    out = []
    bounds = None
    for m in _AMENDED.finditer(text):
        bounds = bounds or _bounds(text)
        s = _subject(text, bounds, m, kept)
        if s:
            out.append((m.start(), m.end(), "root", [s]))
    last = 0
    for m in re.finditer(r"\b[Ii]n\s", text):
        if m.start() < last or not _BEFORE_IN.search(text[max(0, m.start() - 60):m.start()]):
            continue
        got = _context_at(text, m.start(), kept)
        if got:
            out.append((m.start(), got[0], "in", got[1]))
            last = got[0]
    for m in re.finditer(r"\bamending\s", text):
        a = _AMENDING.match(text, m.start(), min(len(text), m.start() + _WINDOW))
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
        placed = Placed(run)
        text, kept = placed.text, placed.kept
        inherited = list(contexts.get(prov.parent, [])) if prov.parent is not None else []
        found, chain = _instructions(prov, run, text, kept, inherited)
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
    m = _PLACES_END.search(ops.get(key, ""))
    if m and m.start() > 0:
        ops[key] = ops[key][:m.start()]
        ops["places"] = " ".join(m.group(1).split()).lower()


def _inserted(ops: dict, m, *names: str, kept) -> None:
    """The inserted text: a quotation in line ("the following: “…”") or the quoted block that follows."""
    q = next((m.group(n) for n in names if m.group(n)), None)
    if q:
        ops["insert"] = _unquote(q, kept)
    else:
        ops["following"] = True


def _instructions(prov, run, text, kept, inherited) -> tuple[list[Instruction], list]:
    found: list[Instruction] = []
    events = _events(text, kept)
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

    for m in _VERB.finditer(text):
        if m.start() < pos:
            continue
        word = m.group(0).lower()
        if word == "amending":
            continue
        before = text[max(0, m.start() - 40):m.start()]
        if word == "repealed":
            if not _BEFORE_REPEALED.search(before):
                continue
        elif not word.startswith("to") and not _BEFORE_VERB.search(before):
            continue   # "Joint Strike Fighter", "hypersonic strike programs": prose, not an operation
        advance(m.start())
        limit = min(len(text), m.start() + _WINDOW)
        ins = None
        target = list(chain)
        if word.startswith("strik"):
            sm = _STRIKE.match(text, m.start(), limit)
            if sm:
                end = sm.end()
                ops = {"strike": _unquote(sm.group("what"), kept)}
                _places(ops, "strike")
                am = _AND_INSERT.match(text, end, limit)
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
                ex = _EXCEPT.match(text, end, limit)
                if ex:
                    ops["except"], end = _unquote(ex.group(1), kept), ex.end()
                ins = Instruction(prov, run, m.start(), end, action, target, ops)
        elif word.startswith("insert"):
            im = _INSERT.match(text, m.start(), limit)
            if im:
                ops = {}
                if im.group("q"):
                    ops["insert"] = _unquote(im.group("q"), kept)
                elif im.group("q2") or im.group("q3"):
                    ops["insert"] = _unquote(im.group("q2") or im.group("q3"), kept)
                else:
                    _inserted(ops, im, "inlb", "inld", kept=kept)
                rel = im.group("rel") or im.group("rel2") or im.group("rel3")
                if rel:
                    ops["where"] = " ".join(rel.split()).lower()
                    anchor = im.group("anchor") or im.group("anchor2") or im.group("anchor3")
                    if anchor:
                        ops["anchor"] = _unquote(anchor, kept)
                        _places(ops, "anchor")
                new = im.group("newb") or im.group("newc") or im.group("newd")
                if new:
                    ops["new"] = new.lower()
                ins = Instruction(prov, run, m.start(), im.end(), INSERT, target, ops)
        elif word == "adding":
            am = _ADD.match(text, m.start(), limit)
            if am:
                ops = {}
                q = am.group("q") or am.group("q2") or am.group("small") or am.group("small2")
                if q:
                    ops["insert"] = _unquote(q, kept)
                else:
                    _inserted(ops, am, "inla", "inlb", kept=kept)
                anchor = am.group("of") or am.group("of2") or am.group("anchor") or am.group("anchor2")
                rel = am.group("rel") or am.group("rel2")
                ops["where"] = rel.lower() if rel else "after" if anchor else "at the end"
                if anchor:
                    ops["anchor"] = _unquote(anchor, kept)
                new = am.group("newa") or am.group("newb")
                if new:
                    ops["new"] = new.lower()
                ins = Instruction(prov, run, m.start(), am.end(), ADD, target, ops)
        elif word == "redesignating":
            rm = _REDESIGNATE.match(text, m.start(), limit)
            if rm:
                a, b = rm.group("a") or rm.group("a2"), rm.group("b") or rm.group("b2")
                ops = {"from": _unquote(a, kept), "to": _unquote(b, kept)}
                ins = Instruction(prov, run, m.start(), rm.end(), REDESIGNATE, target, ops,
                                  respectively=bool(rm.group("resp")))
        elif word == "repealed":
            if target:
                ins = Instruction(prov, run, m.start(), m.end(), REPEAL, target, {"repeal": target[-1]})
        elif word.startswith("to"):
            rm = _RESTATE.match(text, m.start(), limit)
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


OPERATION = re.compile(r"\b(?:striking|inserting|adding\s+at\s+the\s+end|redesignating|repealed|to\s+read\s+as\s+follows)\b",
                       re.I)


def coverage(doc: Document, view: str = "reported") -> tuple[int, int, list]:
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
    from .references import REF, _expand, _singular
    # "(as added by paragraph (1)(A))" and ", as added by section 233(5) of Public Law 97–444," say which
    # unit is meant; they are not units of the list
    side = re.sub(r"\((?:as|relating)\b(?:[^()]|\([^()]*\))*\)|,\s*as\s+(?:added|amended|redesignated)\s+by\s+[^,]*,", " ",
                  side)
    matches = list(REF.finditer(side))
    if not matches:
        return None, []
    m = matches[0]
    word = _singular(m.group("word"))
    chains, ranges = [], []
    for each in matches:  # "the second subsection (c) and subsection (d)"
        if _singular(each.group("word")) != word:
            continue
        more, more_ranges = _expand(word, each.group("list"))
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


def text_line(file: str, row: dict) -> str:
    """One `billlint amendments` row for people: where, what, and its operands in the instruction's words.

    "a.xml:12:5: sec. 3(c)(2): insert [Section 5 of the X Act] the quoted block at line 14 (subsection (d))
    after subsection (c)"."""
    ops = dict(row["operands"])
    block = ops.pop("block", None)
    if block is not None:
        what = f"the quoted block at line {block['line']}" + (f" ({block['starts']})" if block.get("starts") else "")
    else:
        what = ops.pop("insert", None) or "the following (no quoted block found)"
    if "new" in ops:
        what += f" (new {ops.pop('new')})"
    action = row["action"]
    words = []
    if action == REDESIGNATE:
        words.append(f"{ops.pop('from', '')} as {ops.pop('to', '')}")
        if ops.pop("respectively", False):
            words[-1] += ", respectively"
    elif action in (STRIKE, STRIKE_INSERT):
        words.append(ops.pop("strike", ""))
        if action == STRIKE_INSERT:
            words.append(f"-> {what}")
    elif action in (INSERT, ADD):
        words.append(what)
        where, anchor = ops.pop("where", None), ops.pop("anchor", None)
        if where:
            words.append(" ".join(w for w in (where, anchor) if w))
    elif action == RESTATE:
        words.append(f"as {what}")
    elif action == REPEAL:
        ops.pop("repeal", None)
    if "places" in ops:
        words.append(f"({ops.pop('places')})")
    words += [f"{k}: {v}" for k, v in ops.items() if not isinstance(v, (dict, list))]
    return f"{file}:{row['line']}:{row['column']}: {row['provision']}: {action} [{row['target'] or '?'}] " \
           + " ".join(w for w in words if w)
