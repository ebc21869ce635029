"""concise: one line per finding, `path:line:col: CODE [name] message`."""

from . import Base


def line(f) -> str:
    where = f" {f.provision}:" if f.provision else ""
    return f"{f.path}:{f.line}:{f.column}: {f.code} [{f.name}]{where} {f.message}"


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
