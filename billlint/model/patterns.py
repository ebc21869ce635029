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
