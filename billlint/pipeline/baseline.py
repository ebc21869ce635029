"""Baselines for adopting billlint on existing bills: record today's findings, then show only new ones.

A finding is keyed by file, rule, provision path and the text it points at (not its line), so the key
survives lines moving above it.
"""

from __future__ import annotations

import json
import os
from collections import Counter


def key(f, text: str) -> tuple:
    return (os.path.normpath(f.path), f.code, f.provision, " ".join(text.split())[:200])


def write(path: str, findings, texts) -> None:
    entries = [dict(zip(("path", "code", "provision", "text"), key(f, t))) for f, t in zip(findings, texts)]
    with open(path, "w", encoding="utf-8") as out:
        json.dump({"billlint-baseline": 1, "findings": entries}, out, indent=1, ensure_ascii=False)
        out.write("\n")


def load(path: str) -> Counter:
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    if not isinstance(data, dict) or "findings" not in data:
        raise ValueError(f"{path}: not a billlint baseline")
    return Counter(tuple(e[k] for k in ("path", "code", "provision", "text")) for e in data["findings"])


def filter_new(findings, texts, known: Counter) -> list:
    left = Counter(known)
    out = []
    for f, t in zip(findings, texts):
        k = key(f, t)
        if left[k] > 0:
            left[k] -= 1
        else:
            out.append(f)
    return out
