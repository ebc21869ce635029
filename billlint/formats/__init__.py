"""Output formats for `billlint check`: one module per format, each with a Formatter class.

A formatter gets the findings in order and writes them; lifecycle as in flake8: start(), handle(f), finish().
"""

from __future__ import annotations

import importlib

NAMES = ("text", "concise", "json", "sarif", "github", "junit")


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
