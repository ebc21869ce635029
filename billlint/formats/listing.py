"""Output for the `refs` and `amendments` listings: JSON rows, or one line per row."""

from __future__ import annotations


NAMES = ("text", "json")


def _reference(file: str, row: dict) -> str:
    got = ", ".join(f"{t['provision']} (line {t['line']})" if t else "UNRESOLVED" for t in row["targets"])
    arrow = f" -> {got}" if row["kind"] == "internal" else ""
    return f"{file}:{row['line']}:{row['column']}: {row['kind']:<8} {row['provision']}: \"{row['text']}\"{arrow}"


def _instruction(file: str, row: dict) -> str:
    ops = "; ".join(f"{k}: {v}" for k, v in row["operands"].items())
    return f"{file}:{row['line']}:{row['column']}: {row['provision']}: {row['action']} [{row['target'] or '?'}] {ops}"


LINES = {"refs": _reference, "amendments": _instruction}


def render(name: str, listing: str, file: str, rows: list[dict], stream) -> None:
    if name not in NAMES:
        raise ValueError(f"unknown format {name!r}")
    if name == "json":
        from . import json_text
        stream.write(json_text(rows, indent=2) + "\n")
        return
    for row in rows:
        from . import printable
        stream.write(printable(LINES[listing](file, row)) + "\n")
