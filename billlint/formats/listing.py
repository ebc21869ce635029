"""Output for the `refs`, `amendments` and `cites` listings: JSON rows, or one line per row."""

from __future__ import annotations

NAMES = ("text", "json")


def _reference(file: str, row: dict) -> str:
    got = ", ".join(f"{t['provision']} (line {t['line']})" if t else "UNRESOLVED" for t in row["targets"])
    arrow = f" -> {got}" if row["kind"] == "internal" else ""
    return f"{file}:{row['line']}:{row['column']}: {row['kind']:<8} {row['provision']}: \"{row['text']}\"{arrow}"


def _instruction(file: str, row: dict) -> str:
    """One `billlint amendments` row for people: where, what, and its operands in the instruction's words.

    "a.xml:12:5: sec. 3(c)(2): insert [Section 5 of the X Act] the quoted block at line 14 (subsection (d))
    after subsection (c)"."""
    from ..analysis.amendments import ADD, INSERT, REDESIGNATE, REPEAL, RESTATE, STRIKE, STRIKE_INSERT
    ops = dict(row["operands"])
    block = ops.pop("block", None)
    if block is not None:
        what = f"the quoted block at line {block['line']}" + (f" ({block['starts']})" if block.get("starts") else "")
    else:
        what = ops.pop("insert", None) or "the following (no quoted block found)"
    if "new" in ops:
        what += f" (new {ops.pop('new')})"
    action = row["action"]
    words = []
    if action == REDESIGNATE:
        words.append(f"{ops.pop('from', '')} as {ops.pop('to', '')}")
        if ops.pop("respectively", False):
            words[-1] += ", respectively"
    elif action in (STRIKE, STRIKE_INSERT):
        words.append(ops.pop("strike", ""))
        if action == STRIKE_INSERT:
            words.append(f"-> {what}")
    elif action in (INSERT, ADD):
        words.append(what)
        where, anchor = ops.pop("where", None), ops.pop("anchor", None)
        if where:
            words.append(" ".join(w for w in (where, anchor) if w))
    elif action == RESTATE:
        words.append(f"as {what}")
    elif action == REPEAL:
        ops.pop("repeal", None)
    if "places" in ops:
        words.append(f"({ops.pop('places')})")
    words += [f"{k}: {v}" for k, v in ops.items() if not isinstance(v, (dict, list))]
    return f"{file}:{row['line']}:{row['column']}: {row['provision']}: {action} [{row['target'] or '?'}] " \
           + " ".join(w for w in words if w)


def _citation(file: str, row: dict) -> str:
    """One `billlint cites` row: where, what was read, what it belongs to; then what each check says of it."""
    of = f" (of {row['of']})" if "of" in row else ""
    lines = [f"{file}:{row['line']}:{row['column']}: {row['kind']:<10} {row['provision']}: \"{row['text']}\" -> "
             f"{row['parsed']}{of}"]
    return "\n".join(lines + [f"    {check}" for check in row["checks"]])


LINES = {"refs": _reference, "amendments": _instruction, "cites": _citation}


def render(name: str, listing: str, files: list[tuple[str, list[dict]]], stream) -> None:
    """Rows of one or more files; in JSON each row carries its file's path."""
    if name not in NAMES:
        raise ValueError(f"unknown format {name!r}")
    if name == "json":
        from . import json_text
        rows = [{"path": file, **row} for file, got in files for row in got]
        stream.write(json_text(rows, indent=2) + "\n")
        return
    from . import printable
    for file, rows in files:
        for row in rows:
            # a row may run to several lines (a citation and its checks): each is made printable on its own
            stream.write("".join(printable(line) + "\n" for line in LINES[listing](file, row).split("\n")))
