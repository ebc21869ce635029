"""json: a list of findings, each with path, line, column, code, name, severity, message, provision, text and
(when it has one) its fix with its applicability. With --statistics: {"findings": [...], "statistics": [...]}."""

from . import Base, json_text, statistics_rows


class Formatter(Base):
    def start(self) -> None:
        self.items = []

    def handle(self, f) -> None:
        super().handle(f)
        self.items.append(f.to_dict())

    def finish(self, files: int, stats=None) -> None:
        out = self.items
        if stats is not None:
            out = {"findings": self.items,
                   "statistics": [{"code": c, "name": n, "count": k} for c, n, k in statistics_rows(stats)]}
        self.write(json_text(out, indent=2) + "\n")
