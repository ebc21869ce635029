"""text: like ruff's full output: the finding, then the source line with a caret under the place; a summary
that says how many findings --fix would fix."""

from . import Base, shown
from .concise import line, statistics

WIDTH = 100  # bills often hold a whole section on one line: show a window around the column


class Formatter(Base):
    def handle(self, f) -> None:
        super().handle(f)
        self.write(line(f, self.fixes(f), self.color) + "\n")
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
        if self.fixable:
            more = f" ({self.hidden} more with --unsafe-fixes)" if self.hidden else ""
            self.write(f"[*] {self.fixable} fixable with --fix{more}.\n")
        elif self.hidden:
            self.write(f"{self.hidden} fixable with --fix --unsafe-fixes.\n")


def snippet(src: str, line: int, col: int, end_col: int = 0) -> str:
    start = 0
    if len(src) > WIDTH:
        start = max(0, min(col - 1 - WIDTH // 3, len(src) - WIDTH))
    window = shown(src[start:start + WIDTH])    # the window only: a line may be megabytes long
    lead = "…" if start > 0 else ""
    tail = "…" if start + WIDTH < len(src) else ""
    window = lead + window.rstrip() + tail
    caret_at = col - 1 - start + len(lead)
    width = max(1, min((end_col - col) if end_col > col else 1, WIDTH - caret_at))
    gutter = " " * len(str(line))
    return f"{gutter} |\n{line} | {window}\n{gutter} | {' ' * caret_at}{'^' * width}\n"
