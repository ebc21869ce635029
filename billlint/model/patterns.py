"""Regular expressions compiled when first used.

billlint's rules hold a few hundred patterns, and one small bill exercises a fraction of them: compiling them all
at import was a third of a pre-commit run. `lazy()` takes what `re.compile` takes; the first use compiles, and the
compiled pattern's methods then stand on the object itself, so later calls cost what a compiled pattern's do.
"""

from __future__ import annotations

import re

_METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split", "scanner")


class Lazy:
    def __init__(self, pattern, flags=0):
        self.pattern = pattern
        self._flags = flags

    def __getattr__(self, name):
        if name.startswith("__"):
            raise AttributeError(name)
        compiled = re.compile(self.pattern, self._flags)
        for method in _METHODS:
            self.__dict__[method] = getattr(compiled, method)
        self.__dict__.update(flags=compiled.flags, groups=compiled.groups, groupindex=compiled.groupindex)
        return getattr(compiled, name)

    def __reduce__(self):
        return (Lazy, (self.pattern, self._flags))

    def __repr__(self):
        return f"lazy({self.pattern!r})"


def lazy(pattern, flags=0) -> Lazy:
    return Lazy(pattern, flags)


def finds(text: str, *words: str) -> list[int]:
    """Where any of the words starts in text, in order."""
    out = []
    for w in words:
        at = text.find(w)
        while at >= 0:
            out.append(at)
            at = text.find(w, at + 1)
    if len(words) > 1:
        out.sort()
    return out


def numbered_starts(text: str, word: str, digits: int, space: int) -> list[int]:
    """Where a match of "N word" (N of 1 to `digits` digits after a word boundary, then at least `space`
    whitespace characters) would start, for each place the word stands: the one place a pattern of that shape
    can start and still reach that word."""
    out = []
    for at in finds(text, word):
        i = at
        while i and text[i - 1].isspace():     # what \s matches
            i -= 1
        if at - i < space:
            continue
        j = i
        while j and i - j <= digits and text[j - 1].isdecimal():     # what \d matches
            j -= 1
        if 0 < i - j <= digits:
            out.append(j)
    return out


def matches_at(text: str, pattern, starts: list[int]) -> list:
    """pattern.finditer(text), for a pattern that can only start at one of these places (in order): a search
    tried at every character of every run costs more than a few literal finds and matches."""
    out, last = [], 0
    for q in starts:
        if q < last:
            continue    # inside the last match: finditer would not look there
        m = pattern.match(text, q)
        if m is not None:
            out.append(m)
            last = m.end()
    return out
