"""Findings: what a rule reports, immutable once made."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Fix:
    start: int          # character offsets in the decoded source
    end: int
    replacement: str
    safe: bool = True
    # sha256 of the file's bytes the offsets are in: --fix edits only those exact bytes
    digest: str = field(default="", compare=False, repr=False)


@dataclass(frozen=True)
class Finding:
    path: str
    line: int
    column: int
    code: str
    name: str
    severity: str
    message: str
    provision: str = ""
    end_line: int = 0
    end_column: int = 0
    fix: Fix | None = None
    text: str = ""      # the source text between start and end, as the file shows it

    @property
    def sort_key(self) -> tuple:
        return (self.path, self.line, self.column, self.code, self.message)

    def to_dict(self) -> dict:
        """The finding as JSON shows it: a fix says its applicability ("safe" or "unsafe"), as ruff's does."""
        d = dict(vars(self))   # a shallow copy: asdict's deep copy was most of the time of 10,000 findings
        if self.fix is None:
            d.pop("fix")
        else:
            d["fix"] = {"applicability": "safe" if self.fix.safe else "unsafe", "start": self.fix.start,
                        "end": self.fix.end, "replacement": self.fix.replacement}
        return d


@dataclass(frozen=True)
class Report:
    """What a rule yields: where (an element, or a text run and span) and what; the runner adds the rest."""
    message: str
    el: object = None
    run: object = None        # a model.TextRun, for a span of text
    start: int = 0
    end: int = 0
    provision: object = None  # a model.Provision, for the path
    fix: tuple | None = None  # (start, end, replacement, safe), in run positions
    severity: str | None = None  # lower than the rule's own where this finding's evidence is weaker
