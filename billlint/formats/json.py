"""json: a list of findings, each with path, line, column, code, name, severity, message, provision."""

from . import Base, json_text


class Formatter(Base):
    def start(self) -> None:
        self.items = []

    def handle(self, f) -> None:
        super().handle(f)
        self.items.append(f.to_dict())

    def finish(self, files: int, stats=None) -> None:
        self.write(json_text(self.items, indent=2) + "\n")
