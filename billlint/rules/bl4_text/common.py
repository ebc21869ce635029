"""What the BL4xx rules share."""

from __future__ import annotations

import functools
import re
import sys
from dataclasses import dataclass

from ... import data

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
                                 tuple(e.get("skip", ())), _words(e.get("trigger"))))
    return tuple(out)


def _words(trigger) -> tuple:
    """A trigger as the tuple of its words: one word, a list of them, or none."""
    return () if not trigger else (trigger,) if isinstance(trigger, str) else tuple(trigger)


def matches(doc, view, pattern, quoted: bool = True, trigger: str | tuple | None = None, among=()):
    """(provision, run, match) for each match of a pattern in the provisions' text.

    With a trigger word (one every match holds; or several, one of which each match holds), only the text
    around each place it stands is searched; without one, every run is searched. among: the triggers the
    caller will ask for next, found in the same pass over the bill's text."""
    if not trigger:
        for prov, run in own_texts(doc, view, quoted):
            for m in pattern.finditer(run.text):
                yield prov, run, m
        return
    seen: set = set()
    for word in _words(trigger):
        for prov, run, pos in _hits(doc, view, word, among):
            if quoted or prov.quoted is None:
                text = run.text
                for m in pattern.finditer(text, max(0, pos - 120), min(len(text), pos + len(word) + 120)):
                    if m.start() <= pos < m.end() + 1 and (id(run), m.span()) not in seen:
                        seen.add((id(run), m.span()))
                        yield prov, run, m


def _hits(doc, view, word: str, among=()) -> list:
    """(provision, run, position) of each place a word stands, case aside, in document order."""
    found = doc.memo(("hits", view), dict)     # word -> its places
    if word not in found:
        wanted = {word} | {w for t in among for w in _words(t)}
        found.update(_find_words(doc, view, [w for w in wanted if w not in found]))
    return found[word]


def _find_words(doc, view, words, chunk: int = 1 << 20) -> dict:
    """Each word's places in the provisions' text: a megabyte of folded text at a time (lower-cased, one
    byte a character), searched for every word, so the whole bill is never copied at once."""
    import bisect
    folded = {w: w.lower().encode("ascii", "replace") for w in words}   # as folded: "it’s" is b"it?s"
    out: dict = {w: [] for w in words}
    runs = list(own_texts(doc, view))
    i = 0
    while i < len(runs):
        buf, starts, batch = bytearray(), [], []
        while i < len(runs) and len(buf) < chunk:
            starts.append(len(buf))
            batch.append(runs[i])
            buf += _fold(runs[i][1].text) + b"\n\x00\n"     # a NUL line: no word spans two runs
            i += 1
        for w, f in folded.items():
            at = buf.find(f)
            while at >= 0:
                j = bisect.bisect_right(starts, at) - 1
                out[w].append((*batch[j], at - starts[j]))
                at = buf.find(f, at + 1)
    return out


def _fold(text: str) -> bytes:
    low = text.lower()
    if len(low) != len(text):      # "İ" lowers to two characters: keep positions, fold one by one
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return low.encode("ascii", "replace")


def own_texts(doc, view, quoted: bool = True):
    """(provision, run) for the text of every provision; text inside <quote> is the amended law's."""
    for prov in doc.provisions_in(view):
        if prov.quoted is not None and not quoted:
            continue
        yield prov, doc.text(prov.el, view)


# What makes a unit appropriations language, in whatever bill it stands (a reconciliation or authorizing
# bill may appropriate too): the appropriating formula, a rescission of funds, the heading paragraphs'
# "For necessary expenses" and "under this heading". An authorization ("there are authorized to be
# appropriated") is not one: "appropriated" must follow "is/are" at once.
_APPROPRIATING = re.compile(
    r"\bthere\s+(?:is|are)\s+(?:hereby\s+)?appropriated\b|\bnot\s+otherwise\s+appropriated\b"
    r"|\b(?:is|are)\s+hereby\s+appropriated\b"
    r"|\b(?:is|are)\s+(?:hereby\s+)?(?:permanently\s+)?rescinded\b|\bfor\s+necessary\s+expenses\b"
    r"|\bunder\s+this\s+heading\b", re.I)
_FUNDS = re.compile(r"\$\s*\d|\bunobligated\s+balances?\b|\bamounts?\b|\bfunds\b", re.I)
_APPROPS_HEADER = re.compile(r"\b(?:appropriations?|rescissions?)\b", re.I)


def appropriations_text(doc, prov, view) -> bool:
    """Whether prov stands in appropriations language: in an appropriations Act (or division), or in a
    section or subsection of any bill that appropriates or rescinds (its header says "Appropriation" or
    "Rescission", not "Authorization of appropriations"; or its text holds the appropriating words)."""
    if doc.in_appropriations(prov) or any(a.level == "division" and "appropriations act" in (a.header or "").lower()
                                          for a in prov.ancestors()):
        return True
    return doc.memo(("approps-unit", view, id(prov.el)), lambda: _appropriating_unit(doc, prov, view))


def _appropriating_unit(doc, prov, view) -> bool:
    chain = [prov, *prov.ancestors()]
    units = [p for p in chain if p.level in ("section", "subsection")]
    if not units:
        return False
    unit = units[0]
    for p in units:          # the unit's header, or the section's
        h = p.header or ""
        if _APPROPS_HEADER.search(h) and "authoriz" not in h.lower():
            return True
    # the lead-ins above the unit, and the unit's whole text (nested provisions included)
    texts = [doc.text(p.el, view).text for p in chain[chain.index(unit) + 1:]]
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
