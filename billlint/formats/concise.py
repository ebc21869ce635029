"""concise: one line per finding, `path:line:col: CODE [name] message`."""

from . import Base, printable


def line(f) -> str:
    where = f" {printable(f.provision)}:" if f.provision else ""
    return f"{printable(f.path)}:{f.line}:{f.column}: {f.code} [{f.name}]{where} {printable(f.message)}"


class Formatter(Base):
    def handle(self, f) -> None:
        super().handle(f)
        self.write(line(f) + "\n")

    def finish(self, files: int, stats=None) -> None:
        if stats:
            statistics(self, stats)


def statistics(fmt: Base, stats: dict) -> None:
    for (code, name), n in sorted(stats.items(), key=lambda kv: (-kv[1], kv[0])):
        fmt.write(f"{n:6d}  {code}  {name}\n")
