"""What the BL4xx rules share."""

from __future__ import annotations

import functools
import re
import sys
from dataclasses import dataclass

from ...model.patterns import lazy
from ... import data
from ...model.textrun import in_quotation_marks

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


@dataclass(frozen=True)
class Entry:
    pattern: re.Pattern
    word: int
    suggestion: str
    reason: str
    example: str
    good: str
    safe: bool
    replacement: str | None = None
    skip: tuple = ()
    trigger: tuple = ()       # words one of which every match holds
    hint: re.Pattern | None = None   # with no trigger: a bytes pattern over the folded text (see matches())


@functools.lru_cache(maxsize=8)
def entries(name: str, extra: str | None = None) -> tuple[Entry, ...]:
    """The entries of a word list shipped in rules/, plus those of an extra file a config names."""
    paths = [data.path("rules", name)] + ([extra] if extra else [])
    out = []
    for path in paths:
        with open(path, "rb") as f:
            for e in tomllib.load(f).get("entry", []):
                flags = 0 if e.get("case") else re.I
                out.append(Entry(re.compile(e["pattern"], flags), e.get("word", 0), e["suggestion"], e["reason"],
                                 e["example"], e.get("good", ""), e.get("safe", False), e.get("replacement"),
                                 tuple(e.get("skip", ())), _words(e.get("trigger")),
                                 re.compile(e["hint"].encode()) if e.get("hint") else None))
    return tuple(out)


def _words(trigger) -> tuple:
    """A trigger as the tuple of its words: one word, a list of them, or none."""
    return () if not trigger else (trigger,) if isinstance(trigger, str) else tuple(trigger)


def matches(doc, view, pattern, quoted: bool = True, trigger: str | tuple | None = None, hint=None):
    """(provision, run, match) for each match of a pattern in the provisions' text.

    With a trigger word (one every match holds; or several, one of which each match holds), only the text
    around each place it stands, case aside (found in the bill's text index), is searched; without one, every
    run is searched, or with a hint only the runs it matches: a bytes pattern over the bill's folded text (lower
    case, one byte a character, "?" for any other character) that matches wherever the pattern could."""
    if not trigger:
        index = doc.index(view)
        some = index.matching(hint) if hint is not None and index.exact else None
        for i, (prov, run) in enumerate(index.items):
            if prov.quoted is not None and not quoted or some is not None and i not in some:
                continue
            for m in pattern.finditer(run.text):
                if quoted or not in_quotation_marks(run.text, m.start()):
                    yield prov, run, m
        return
    seen: set = set()
    for word in _words(trigger):
        for prov, run, pos in doc.index(view).hits(word):
            if quoted or prov.quoted is None:
                text = run.text
                for m in pattern.finditer(text, max(0, pos - 120), min(len(text), pos + len(word) + 120)):
                    if m.start() <= pos < m.end() + 1 and (id(run), m.span()) not in seen:
                        seen.add((id(run), m.span()))
                        if quoted or not in_quotation_marks(text, m.start()):
                            yield prov, run, m   # words in quotation marks without markup are quoted too


# What makes a unit appropriations language, in whatever bill it stands (a reconciliation or authorizing
# bill may appropriate too): the appropriating formula, a rescission of funds, the heading paragraphs'
# "For necessary expenses", "under this heading" and "funds appropriated under the heading ...". An authorization ("there are authorized to be
# appropriated") is not one: "appropriated" must follow "is/are" at once.
_APPROPRIATING = lazy(
    r"\bthere\s+(?:is|are)\s+(?:hereby\s+)?appropriated\b|\bnot\s+otherwise\s+appropriated\b"
    r"|\b(?:is|are)\s+hereby\s+appropriated\b"
    r"|\b(?:is|are)\s+(?:hereby\s+)?(?:permanently\s+)?rescinded\b|\bfor\s+necessary\s+expenses\b"
    r"|\bunder\s+(?:this|the)\s+heading\b|\bfunds\s+appropriated\s+(?:by|under|in)\b", re.I)
_FUNDS = lazy(r"\$\s*\d|\bunobligated\s+balances?\b|\bamounts?\b|\bfunds\b", re.I)
_APPROPS_HEADER = lazy(r"\b(?:appropriations?|rescissions?)\b", re.I)


def appropriations_text(doc, prov, view) -> bool:
    """Whether prov stands in appropriations language: in an appropriations Act (or division), or in a
    section or subsection of any bill that appropriates or rescinds (its header says "Appropriation" or
    "Rescission", not "Authorization of appropriations"; or its text holds the appropriating words)."""
    if doc.in_appropriations(prov) or any(a.level == "division" and "appropriations act" in (a.header or "").lower()
                                          for a in prov.ancestors()):
        return True
    unit = next((p for p in (prov, *prov.ancestors()) if p.level in ("section", "subsection")), None)
    # the answer is the nearest section's or subsection's: one walk of its text for all its provisions
    return unit is not None and doc.memo(("approps-unit", view, id(unit.el)),
                                         lambda: _appropriating_unit(doc, unit, view))


def _appropriating_unit(doc, unit, view) -> bool:
    chain = [unit, *unit.ancestors()]
    units = [p for p in chain if p.level in ("section", "subsection")]
    for p in units:          # the unit's header, or the section's
        h = p.header or ""
        if _APPROPS_HEADER.search(h) and "authoriz" not in h.lower():
            return True
    # the lead-ins above the unit, and the unit's whole text (nested provisions included)
    texts = [doc.text(p.el, view).text for p in chain[1:]]
    stack = [unit]
    while stack:
        p = stack.pop()
        texts.append(doc.text(p.el, view).text)
        stack.extend(p.live_children(view))
    for t in texts:
        for m in _APPROPRIATING.finditer(t):
            if "rescinded" in m.group(0).lower():
                start = max(t.rfind(".", 0, m.start()), t.rfind(";", 0, m.start()), 0)
                if not _FUNDS.search(t, start, m.start()):
                    continue   # a rule or an order rescinded, not funds
            return True
    return False


_TYPE_TAGS = ("legis-type", "legis-num")
_JOINT = lazy(r"\bJOINT\b|\bJ\.\s*RES\b", re.I)
_RESOLUTION = lazy(r"\bRESOLUTION\b|\bRES\.", re.I)


def not_law(doc) -> bool:
    """A simple or concurrent resolution: an order or a sense of one House or both, not law. Read from its
    legis-type or number ("CONCURRENT RESOLUTION", "H. CON. RES. 19"; USLM keeps them as properties)."""
    if doc.kind != "resolution":
        return False
    for el in doc.root.iter(*_TYPE_TAGS, "uslm-property"):
        if el.tag in _TYPE_TAGS or el.get("role") in _TYPE_TAGS:
            text = "".join(el.itertext())
            if _RESOLUTION.search(text):
                return not _JOINT.search(text)
    return False
