"""text: like ruff's full output: the finding, then the source line with a caret under the place."""

from ..model.vocabulary import ERROR, INFO, WARNING
from . import Base
from .concise import statistics

WIDTH = 100  # bills often hold a whole section on one line: show a window around the column
_COLORS = {ERROR: "\x1b[31m", WARNING: "\x1b[33m", INFO: "\x1b[36m"}


class Formatter(Base):
    def handle(self, f) -> None:
        super().handle(f)
        bold, reset = ("\x1b[1m", "\x1b[0m") if self.color else ("", "")
        sev = f"{_COLORS.get(f.severity, '')}{f.code}{reset}" if self.color else f.code
        where = f" {f.provision}:" if f.provision else ""
        self.write(f"{bold}{f.path}:{f.line}:{f.column}:{reset} {sev} [{f.name}]{where} {f.message}\n")
        src = self.lines(f.path, f.line) if self.lines else None
        if src:
            self.write(snippet(src, f.line, f.column, f.end_column if f.end_line == f.line else 0) + "\n")

    def finish(self, files: int, stats=None) -> None:
        if stats:
            statistics(self, stats)
        n = self.count
        if self.quiet:
            return
        if n:
            self.write(f"Found {n} finding{'s' * (n != 1)} in {files} file{'s' * (files != 1)}.\n")
        else:
            self.write(f"All checks passed ({files} file{'s' * (files != 1)}).\n")


def snippet(src: str, line: int, col: int, end_col: int = 0) -> str:
    src = src.expandtabs(1)
    start = 0
    if len(src) > WIDTH:
        start = max(0, min(col - 1 - WIDTH // 3, len(src) - WIDTH))
    shown = src[start:start + WIDTH]
    lead = "…" if start > 0 else ""
    tail = "…" if start + WIDTH < len(src) else ""
    shown = lead + shown.rstrip() + tail
    caret_at = col - 1 - start + len(lead)
    width = max(1, min((end_col - col) if end_col > col else 1, WIDTH - caret_at))
    gutter = " " * len(str(line))
    return f"{gutter} |\n{line} | {shown}\n{gutter} | {' ' * caret_at}{'^' * width}\n"
