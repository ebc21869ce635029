"""github: workflow commands that GitHub Actions turns into annotations on the pull request."""

from ..model.vocabulary import ERROR, INFO, WARNING
from . import Base, printable
from .concise import statistics

_LEVEL = {ERROR: "error", WARNING: "warning", INFO: "notice"}   # GitHub's words


def _data(s: str) -> str:
    # GitHub's own escapes first; any other control character (ESC would reach the log's terminal) as \xNN
    return printable(s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def _prop(s: str) -> str:
    return _data(s).replace(":", "%3A").replace(",", "%2C")


class Formatter(Base):
    def handle(self, f) -> None:
        super().handle(f)
        props = [f"file={_prop(f.path)}", f"line={f.line}", f"col={f.column}"]
        if f.end_line and f.end_line >= f.line:
            props += [f"endLine={f.end_line}"] + ([f"endColumn={f.end_column}"] if f.end_line == f.line else [])
        props.append(f"title={_prop(f'{f.code} {f.name}')}")
        where = f"{f.provision}: " if f.provision else ""
        self.write(f"::{_LEVEL[f.severity]} {','.join(props)}::{_data(where + f.message)}\n")

    def finish(self, files: int, stats=None) -> None:
        if stats:   # plain lines show in the job's log beside the annotations
            statistics(self, stats)
