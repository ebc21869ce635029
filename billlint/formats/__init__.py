"""Output formats, the one registry of them: `check` findings (one module per format, each with a Formatter
class), change reports (formats/changes/) and the refs/amendments listings (listing.py).

A findings formatter gets the findings in order and writes them; lifecycle as in flake8: start(), handle(f),
finish().
"""

from __future__ import annotations

import functools
import importlib
from pathlib import Path

from .changes import NAMES as CHANGES  # noqa: F401  (`changes` and `diff`)
from .listing import NAMES as LISTINGS  # noqa: F401  (`refs` and `amendments`)

NAMES = ("text", "concise", "json", "sarif", "github", "junit")   # `check`
HUMAN = ("text", "concise")    # formats a person reads on a terminal (a progress bar may show)


def get(name: str):
    if name not in NAMES:
        raise ValueError(f"unknown format {name!r}")
    return importlib.import_module(f".{name}", __name__).Formatter


class Base:
    def __init__(self, stream, lines=None, color: bool = False, quiet: bool = False):
        self.stream = stream
        self.quiet = quiet          # findings only: no summary line
        self.lines = lines          # callable(path, line) -> source line text, for formats that quote it
        self.color = color
        self.count = 0
        self.paths: list = []       # every file checked, for formats that list clean files too

    def start(self) -> None:
        pass

    def handle(self, finding) -> None:
        self.count += 1

    def finish(self, files: int, stats: dict | None = None) -> None:
        pass

    def write(self, s: str) -> None:
        self.stream.write(s)


class SourceLines:
    """Source lines for the text format, read once per file and only when a finding is shown."""

    def __init__(self, stdin):
        self.stdin = stdin

    @functools.lru_cache(maxsize=4)
    def _source(self, path: str):
        from ..model.source import Source
        try:
            return Source(self.stdin[1] if self.stdin and path == self.stdin[0] else Path(path).read_bytes())
        except OSError:
            return None

    def __call__(self, path: str, line: int) -> str | None:
        src = self._source(path)
        if src is None or not 0 < line <= src.line_count:
            return None
        text = src.line_text(line)
        return None if not text and line == src.line_count else text   # after the last line break: no line
