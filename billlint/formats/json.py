"""json: a list of findings, each with path, line, column, code, name, severity, message, provision."""

import json

from . import Base


class Formatter(Base):
    def start(self) -> None:
        self.items = []

    def handle(self, f) -> None:
        super().handle(f)
        self.items.append(f.to_dict())

    def finish(self, files: int, stats=None) -> None:
        json.dump(self.items, self.stream, indent=2, ensure_ascii=False)
        self.write("\n")
