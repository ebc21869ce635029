"""Listings for the `refs` and `amendments` commands: each reference or instruction of a document as a
plain row (line, column, provision and what was found), ready for a formatter.
"""

from __future__ import annotations

from ..model.document import Document
from . import amendments as am
from . import references


def _at(doc: Document, found) -> list[tuple[int, int]]:
    """Line and column where each found item (a run and start) begins."""
    src = doc.source
    src.locate(x.run.anchor(x.start)[0] for x in found)
    return [src.line_col(src.offset(x.run.anchor(x.start))) for x in found]


def reference_rows(doc: Document, view: str, kinds=()) -> list[dict]:
    """Every cross-reference: where it stands, its kind, and what it resolves to."""
    found = [r for r in references.find(doc, view) if not kinds or r.kind in kinds]
    rows = []
    for r, (line, col) in zip(found, _at(doc, found)):
        targets = [{"provision": "the bill", "line": doc.root.sourceline or 1}] if r.whole else \
            [{"provision": t.path, "line": t.line} if t is not None else None for t in r.targets]
        rows.append({"line": line, "column": col, "provision": r.prov.path, "text": " ".join(r.text.split()),
                     "kind": r.kind, "targets": targets,
                     "struck": any(r.struck)})
    return rows


def instruction_rows(doc: Document, view: str) -> list[dict]:
    """Each amendment instruction: its target, action and operands."""
    found = am.parse(doc, view)
    rows = []
    for ins, (line, col) in zip(found, _at(doc, found)):
        block = ins.block
        ops = {k: v for k, v in ins.operands.items() if k != "following"}
        if block is not None:
            tops = [c for c in block if isinstance(c.tag, str) and c.find("enum") is not None]
            ops["block"] = {"line": block.sourceline,
                            "starts": f"{tops[0].tag} {''.join(tops[0].find('enum').itertext()).strip()}" if tops else None}
        if ins.action == am.REDESIGNATE:
            ops["respectively"] = ins.respectively
        rows.append({"line": line, "column": col, "provision": ins.prov.path, "action": ins.action,
                     "target": " / ".join(ins.target), "operands": ops})
    return rows


def over(files: list[str], rows) -> tuple[list[tuple[str, list[dict]]], list[str]]:
    """(file, rows(document)) for each file that loads; "path:line:col: message" for each that does not."""
    from ..pipeline.load import load
    got, skipped = [], []
    for f in files:
        loaded = load(f, None, validate=False)
        if loaded.doc is None:
            p = loaded.problems[0]
            skipped.append(f"{f}:{p.line}:{p.column}: {p.message}")
        else:
            got.append((f, rows(loaded.doc)))
    return got, skipped
