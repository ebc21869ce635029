"""concise: one line per finding, `path:line:col: severity CODE [name] message` (`[*]` after the code: --fix
fixes it)."""

from ..model.vocabulary import ERROR, INFO, WARNING
from . import Base, printable, statistics_rows

_COLORS = {ERROR: "\x1b[31m", WARNING: "\x1b[33m", INFO: "\x1b[36m"}
BOLD, RESET = "\x1b[1m", "\x1b[0m"


def line(f, fixable: bool = False, color: bool = False) -> str:
    where = f" {printable(f.provision)}:" if f.provision else ""
    sev = f"{_COLORS.get(f.severity, '')}{f.severity}{RESET}" if color else f.severity
    place = f"{printable(f.path)}:{f.line}:{f.column}:"
    place = f"{BOLD}{place}{RESET}" if color else place
    mark = " [*]" if fixable else ""
    return f"{place} {sev} {f.code}{mark} [{f.name}]{where} {printable(f.message)}"


class Formatter(Base):
    def handle(self, f) -> None:
        super().handle(f)
        self.write(line(f, self.fixes(f), self.color) + "\n")

    def finish(self, files: int, stats=None) -> None:
        if stats:
            statistics(self, stats)


def statistics(fmt: Base, stats: dict) -> None:
    for code, name, n in statistics_rows(stats):
        fmt.write(f"{n:6d}  {code}  {name}\n")
