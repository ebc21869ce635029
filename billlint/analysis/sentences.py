"""Sentences and instructions in a provision's text: where a sentence ends, and whether words stand in an
amendment instruction (the amended law's units, not this bill's)."""

from __future__ import annotations

import bisect
import functools

from ..model.patterns import lazy
from ..model.document import Document, Provision
from ..model.textrun import TextRun

AMENDING = lazy(r"\b(?:is|are)\s+(?:hereby\s+)?(?:each\s+)?(?:further\s+)?"
                r"(?:amended|repealed|transferred|redesignated)\b")
_AMENDING_WORDS = ("amended", "repealed", "transferred", "redesignated")   # one of them ends each match
# A sentence ends at ";", ":", a dash, or a period before a capital, but not inside "U.S.C." or "T. 2 S.".
_SENTENCE_END = lazy(r"[;:—](?=\s|$)\s*|(?<!\b[A-Z])(?<!U\.S\.C)\.\s+(?=[A-Z“\"(])")
_INSTRUCTION = lazy(r"\bby\s+(?:striking|inserting|adding|redesignating|substituting)\b|\bapplied by substituting\b"
                    r"|\bas if the following were inserted\b")
_INSTRUCTION_WORDS = ("striking", "inserting", "adding", "redesignating", "substituting", "inserted")  # likewise
WORDS = _AMENDING_WORDS + _INSTRUCTION_WORDS


def sentence_bounds(text: str, pos: int) -> tuple[int, int]:
    """(start, end) of the sentence that holds pos."""
    starts, ends = _sentence_ends(text)
    i = bisect.bisect_right(starts, pos)      # sentence ends up to pos: the last one starts this sentence
    start = starts[i - 1] if i else 0
    j = bisect.bisect_left(ends, pos)         # the first end at or after pos closes it
    return start, ends[j] if j < len(ends) else len(text)


@functools.lru_cache(maxsize=8)
def _sentence_ends(text: str) -> tuple[list, list]:
    """Where sentences end in a text (ends and the starts after them): one scan for all its references."""
    found = list(_SENTENCE_END.finditer(text))
    return [m.end() for m in found], [m.start() for m in found]


def is_target(text: str, start: int, end: int) -> bool:
    """Whether the reference stands in an instruction: "Section 5(a) is amended", "in paragraph (3), by
    substituting ...": it names a unit of the law being amended."""
    s0, s1 = sentence_bounds(text, end)
    sentence = text[s0:s1]
    return bool(AMENDING.search(text, end, s1) or _INSTRUCTION.search(sentence))


def amending_offsets(doc: Document, prov: Provision, run: TextRun, inherited: bool, maybe: bool = True) -> int | None:
    """Where instruction text starts in this provision's text: 0 below an amending lead-in. maybe: False when
    the text is known to hold none of WORDS."""
    if inherited:
        return 0
    if not maybe:
        return None
    text = run.text
    # Most text holds none of the words these patterns need: a substring test is cheaper than the search.
    m = (any(w in text for w in _AMENDING_WORDS) and AMENDING.search(text)) or \
        (any(w in text for w in _INSTRUCTION_WORDS) and _INSTRUCTION.search(text))
    return m.end() if m else None
