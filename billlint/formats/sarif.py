"""sarif: SARIF 2.1.0, the format GitHub code scanning reads: the rules with their docs, and a result per finding."""

import hashlib
import os
from collections import Counter
from urllib.parse import quote

from .. import __version__
from ..model.vocabulary import ERROR, INFO, WARNING
from ..rules.registry import all_rules
from . import Base, json_text, statistics_rows

_LEVEL = {ERROR: "error", WARNING: "warning", INFO: "note"}   # SARIF's words


class Formatter(Base):
    def start(self) -> None:
        self.results = []
        self.seen = Counter()

    def handle(self, f) -> None:
        super().handle(f)
        region = {"startLine": max(f.line, 1), "startColumn": max(f.column, 1)}
        if f.end_line and (f.end_line, f.end_column) > (f.line, f.column):
            region.update(endLine=f.end_line, endColumn=f.end_column)
        uri = _uri(f.path)
        result = {
            "ruleId": f.code,
            "ruleIndex": self.index[f.code],
            "level": _LEVEL[f.severity],
            "message": {"text": (f"{f.provision}: " if f.provision else "") + f.message},
            "locations": [{"physicalLocation": {
                "artifactLocation": {"uri": uri},
                "region": region}}],
            "partialFingerprints": {"billlint/v2": self.fingerprint(uri, f)},
        }
        if f.fix is not None and f.fix.safe:
            result["properties"] = {"fixable": True}
        self.results.append(result)

    def fingerprint(self, uri: str, f) -> str:
        """Stable across runs and rewordings: the file, rule, provision path, matched text (spaces folded) and
        which occurrence of that text it is there; never the message or the line."""
        key = (uri, f.code, f.provision, " ".join(f.text.split()))
        n = self.seen[key]
        self.seen[key] += 1
        return hashlib.sha256("\0".join(key + (str(n),)).encode("utf-8")).hexdigest()[:32]

    @property
    def index(self):
        if not hasattr(self, "_index"):
            self._rules = all_rules()
            self._index = {r.code: i for i, r in enumerate(self._rules)}
        return self._index

    def finish(self, files: int, stats=None) -> None:
        self.index  # noqa: B018  (builds the rule table)
        docs = docs_url()
        rules = [{
            "id": r.code,
            "name": r.name,
            "shortDescription": {"text": r.summary},
            "fullDescription": {"text": r.doc},
            "help": {"text": r.doc, "markdown": r.doc},
            **({"helpUri": f"{docs}#{r.code.lower()}-{r.name}"} if docs else {}),
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
                **({"properties": {"statistics": {c: n for c, _name, n in statistics_rows(stats)}}} if stats else {}),
            }],
        }
        self.write(json_text(log, indent=2) + "\n")


def docs_url() -> str | None:
    """The rules' documentation page (docs/rules.md), from the package's "Rules" project URL (pyproject.toml)."""
    from importlib import metadata
    try:
        urls = metadata.metadata("billlint").get_all("Project-URL") or []
    except metadata.PackageNotFoundError:
        return None
    return next((u.split(",", 1)[1].strip() for u in urls if u.lower().startswith("rules,")), None)


def _uri(path: str) -> str:
    """A URI reference (RFC 3986): the path's bytes percent-encoded, "/" kept; relative when below the cwd."""
    rel = os.path.relpath(path) if os.path.isabs(path) else path
    if rel.startswith(".."):
        return "file://" + quote(os.fsencode(os.path.abspath(path).replace(os.sep, "/")), safe="/")
    return quote(os.fsencode(rel.replace(os.sep, "/")), safe="/")
