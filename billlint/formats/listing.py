"""Output for the `refs` and `amendments` listings: JSON rows, or one line per row."""

from __future__ import annotations

import json

NAMES = ("text", "json")


def _reference(file: str, row: dict) -> str:
    got = ", ".join(f"{t['provision']} (line {t['line']})" if t else "UNRESOLVED" for t in row["targets"])
    arrow = f" -> {got}" if row["kind"] == "internal" else ""
    return f"{file}:{row['line']}:{row['column']}: {row['kind']:<8} {row['provision']}: \"{row['text']}\"{arrow}"


def _instruction(file: str, row: dict) -> str:
    ops = "; ".join(f"{k}: {v}" for k, v in row["operands"].items())
    return f"{file}:{row['line']}:{row['column']}: {row['provision']}: {row['action']} [{row['target'] or '?'}] {ops}"


LINES = {"refs": _reference, "amendments": _instruction}


def render(name: str, listing: str, files: list[tuple[str, list[dict]]], stream) -> None:
    """Rows of one or more files; in JSON each row carries its file's path."""
    if name not in NAMES:
        raise ValueError(f"unknown format {name!r}")
    if name == "json":
        rows = [{"path": file, **row} for file, got in files for row in got]
        stream.write(json.dumps(rows, indent=2, ensure_ascii=False) + "\n")
        return
    for file, rows in files:
        for row in rows:
            stream.write(LINES[listing](file, row) + "\n")
