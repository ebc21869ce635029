"""sarif: SARIF 2.1.0, the format GitHub code scanning reads: the rules with their docs, and a result per finding."""

import json
import os

from .. import __version__
from ..model.vocabulary import ERROR, INFO, WARNING
from ..rules.registry import all_rules
from . import Base

_LEVEL = {ERROR: "error", WARNING: "warning", INFO: "note"}   # SARIF's words


class Formatter(Base):
    def start(self) -> None:
        self.results = []

    def handle(self, f) -> None:
        super().handle(f)
        region = {"startLine": max(f.line, 1), "startColumn": max(f.column, 1)}
        if f.end_line and (f.end_line, f.end_column) > (f.line, f.column):
            region.update(endLine=f.end_line, endColumn=f.end_column)
        result = {
            "ruleId": f.code,
            "ruleIndex": self.index[f.code],
            "level": _LEVEL[f.severity],
            "message": {"text": (f"{f.provision}: " if f.provision else "") + f.message},
            "locations": [{"physicalLocation": {
                "artifactLocation": {"uri": _uri(f.path)},
                "region": region}}],
            "partialFingerprints": {"billlint/v1": f"{f.code}:{f.provision}:{f.message}"},
        }
        if f.fix is not None and f.fix.safe:
            result["properties"] = {"fixable": True}
        self.results.append(result)

    @property
    def index(self):
        if not hasattr(self, "_index"):
            self._rules = all_rules()
            self._index = {r.code: i for i, r in enumerate(self._rules)}
        return self._index

    def finish(self, files: int, stats=None) -> None:
        self.index  # noqa: B018  (builds the rule table)
        rules = [{
            "id": r.code,
            "name": r.name,
            "shortDescription": {"text": r.summary},
            "fullDescription": {"text": r.doc},
            "help": {"text": r.doc, "markdown": r.doc},
            "defaultConfiguration": {"level": _LEVEL[r.severity]},
            "properties": {"tags": [r.family]},
        } for r in self._rules]
        log = {
            "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
            "version": "2.1.0",
            "runs": [{
                "tool": {"driver": {"name": "billlint", "version": __version__, "semanticVersion": __version__,
                                    "rules": rules}},
                "results": self.results,
                "columnKind": "unicodeCodePoints",
            }],
        }
        json.dump(log, self.stream, indent=2, ensure_ascii=False)
        self.write("\n")


def _uri(path: str) -> str:
    rel = os.path.relpath(path) if os.path.isabs(path) else path
    return rel.replace(os.sep, "/").replace(" ", "%20") if not rel.startswith("..") else \
        "file://" + os.path.abspath(path).replace(os.sep, "/").replace(" ", "%20")
