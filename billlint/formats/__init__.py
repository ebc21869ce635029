"""Output formats, the one registry of them: `check` findings (one module per format, each with a Formatter
class), change reports (formats/changes/) and the refs/amendments listings (listing.py).

A findings formatter gets the findings in order and writes them; lifecycle as in flake8: start(), handle(f),
finish().
"""

from __future__ import annotations

import functools
import importlib
import os

from ..model.patterns import lazy
from .changes import NAMES as CHANGES  # noqa: F401  (`changes` and `diff`)
from .listing import NAMES as LISTINGS  # noqa: F401  (`refs` and `amendments`)

NAMES = ("text", "concise", "json", "sarif", "github", "junit")   # `check`
HUMAN = ("text", "concise")    # formats a person reads on a terminal (a progress bar may show)
COLOR_CHOICES = ("auto", "always", "never")


def use_color(choice: str, stream, env=None) -> bool:
    """--color always/never wins; in auto, NO_COLOR (set and not empty) turns color off and FORCE_COLOR on,
    else color on a terminal only (https://no-color.org)."""
    env = os.environ if env is None else env
    if choice != "auto":
        return choice == "always"
    if env.get("NO_COLOR"):
        return False
    if env.get("FORCE_COLOR"):
        return True
    return bool(getattr(stream, "isatty", lambda: False)())


def get(name: str):
    if name not in NAMES:
        raise ValueError(f"unknown format {name!r}")
    return importlib.import_module(f".{name}", __name__).Formatter


class Base:
    def __init__(self, stream, lines=None, color: bool = False, quiet: bool = False, fail_on: str = "warning",
                 unsafe: bool = False):
        self.stream = stream
        self.quiet = quiet          # findings only: no summary line
        self.lines = lines          # callable(path, line) -> source line text, for formats that quote it
        self.color = color
        self.fail_on = fail_on      # the lowest severity that fails the run (JUnit failures follow it)
        self.unsafe = unsafe        # --unsafe-fixes: fixes not marked safe count as fixable too
        self.count = 0
        self.fixable = 0            # findings --fix would fix with the options given
        self.hidden = 0             # findings only --unsafe-fixes would fix
        self.paths: list = []       # every file checked, for formats that list clean files too

    def start(self) -> None:
        pass

    def handle(self, finding) -> None:
        self.count += 1
        if self.fixes(finding):
            self.fixable += 1
        elif finding.fix is not None:
            self.hidden += 1

    def fixes(self, finding) -> bool:
        """Whether --fix (with the options given) would fix this finding."""
        return finding.fix is not None and (finding.fix.safe or self.unsafe)

    def finish(self, files: int, stats: dict | None = None) -> None:
        pass

    def write(self, s: str) -> None:
        self.stream.write(s)




def statistics_rows(stats: dict) -> list[tuple[str, str, int]]:
    """(code, name, count), the most frequent first."""
    return [(code, name, n) for (code, name), n in sorted(stats.items(), key=lambda kv: (-kv[1], kv[0]))]


# What must not reach a terminal or a line-oriented reader raw: C0 and C1 controls (newlines, ESC, BEL), DEL,
# the Unicode line separators, and the lone surrogates that stand for a file name's undecodable bytes.
_CONTROL = lazy("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")


def _escape(m) -> str:
    o = ord(m.group())
    if 0xDC80 <= o <= 0xDCFF:      # os.fsdecode's stand-in for the byte o - 0xDC00
        return f"\\x{o - 0xDC00:02x}"
    return f"\\x{o:02x}" if o < 0x100 else f"\\u{o:04x}"


def printable(s: str) -> str:
    """s with every control character, line separator and stand-in byte written as an escape: one line, inert."""
    return _CONTROL.sub(_escape, s)


_SURROGATE = lazy("[\ud800-\udfff]")
_NOT_XML = lazy("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(s: str) -> str:
    """s with the characters XML 1.0 cannot hold escaped (JUnit output)."""
    return _NOT_XML.sub(_escape, s)


def json_text(value, **kw) -> str:
    """JSON of value, UTF-8 safe: a file name's undecodable byte stays the JSON escape \\udcXX (json.loads and
    os.fsencode give the name back), never an error."""
    import json
    return _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", json.dumps(value, ensure_ascii=False, **kw))


def shown(s: str) -> str:
    """Source text for a snippet: each control character becomes one replacement character, so columns hold."""
    return _CONTROL.sub("\ufffd", s.replace("\t", " "))


class SourceLines:
    """Source lines for the text format, read once per file and only when a finding is shown.
    A file is read the way the check reads it (load.read_regular): one reported as not read (a device, a FIFO,
    over the size limit) is not read here either."""

    def __init__(self, stdin):
        self.stdin = stdin

    @functools.lru_cache(maxsize=4)
    def _source(self, path: str):
        from ..model.source import Source
        from ..pipeline.load import read_regular
        if self.stdin and path == self.stdin[0]:
            return Source(self.stdin[1]) if isinstance(self.stdin[1], bytes) else None
        try:
            return Source(read_regular(path))
        except (OSError, ValueError):
            return None

    @functools.lru_cache(maxsize=16)
    def __call__(self, path: str, line: int) -> str | None:
        src = self._source(path)
        if src is None or not 0 < line <= src.line_count:
            return None
        text = src.line_text(line)
        return None if not text and line == src.line_count else text   # after the last line break: no line
