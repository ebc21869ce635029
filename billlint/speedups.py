"""The reference scanner's searches for where to look: compiled when the optional C extension was built.

billlint/_speedups.c finds the same positions as the patterns below (tests/test_speedups.py compares them on
small strings and over the corpus); an install without a C compiler skips it and these patterns do the work.
"""

from __future__ import annotations

import re

# Where a reference may start: a level word (the pattern then tried there must begin with one)
CANDIDATE = re.compile(r"(?i)\b(?:sub)?(?:section|paragraph|clause|item|title|chapter|part)|\bdivision")
# Where "this subsection" or "such section" may start: a pattern searched with this_matches begins so
THIS_DET = re.compile(r"\b(?:[Tt]his|[Ss]uch)")


def ref_starts_py(text: str) -> list[int]:
    return [m.start() for m in CANDIDATE.finditer(text)]


def this_starts_py(text: str) -> list[int]:
    return [m.start() for m in THIS_DET.finditer(text)]


try:
    from ._speedups import ref_starts, this_starts
    COMPILED = True
except ImportError:
    ref_starts, this_starts = ref_starts_py, this_starts_py
    COMPILED = False


def ref_matches(pattern: re.Pattern, text: str) -> list[re.Match]:
    """pattern matched at each candidate start, where it matches."""
    return [m for s in ref_starts(text) if (m := pattern.match(text, s)) is not None]


def this_matches(pattern: re.Pattern, text: str) -> list[re.Match]:
    """pattern's matches in text; it begins with THIS_DET, and its matches cannot overlap."""
    if not COMPILED:
        return list(pattern.finditer(text))   # one search beats a search and a match at each start
    return [m for s in this_starts(text) if (m := pattern.match(text, s)) is not None]
