"""Filtering: the findings a check produced -> the findings to show.

Select/ignore, severity overrides from config, inline suppressions, baselines, and what is reported once per
run. Select/ignore is applied to rules before they run (a rule not selected costs nothing), the rest to findings.

Inline suppressions are processing instructions (valid anywhere the DTD allows content):

    <?billlint disable BL201,non-minimal-reference -- the cross-reference is to the amended Act?>
    <?billlint disable-file BL403?>

`disable` covers the element that follows it (and everything inside); `disable-file` the whole file.
A suppression that hides nothing is itself reported (unused-suppression).

Baselines, for adopting billlint on existing bills, record today's findings so only new ones show.
A finding is keyed by file, rule, provision path and the text it points at (not its line), so the key
survives lines moving above it.
"""

from __future__ import annotations

import json
import os
import re
from collections import Counter
from dataclasses import dataclass, field, replace

from ..model.patterns import lazy
from ..model.findings import Finding
from .load import SCHEMA_MISSING
from ..rules.registry import find

_PI = lazy(r"^\s*(disable|disable-file)\s+([^-\s][^\s]*(?:\s*,\s*[^\s,]+)*)\s*(?:--\s*(.*))?$", re.S)


@dataclass
class Suppression:
    codes: set
    start: int            # source offsets covered
    end: int
    at: int | None        # where the processing instruction stands (None: unknown, then its line)
    line: int
    text: str
    used: set = field(default_factory=set)


def collect(doc) -> tuple[list[Suppression], list[tuple[int | None, int, str]]]:
    """The document's suppressions, and malformed billlint PIs (offset, line, message)."""
    out, bad = [], []
    src = doc.source
    # document order: the PIs before the root element first
    pis = [n for n in reversed(list(doc.root.itersiblings(preceding=True))) if _is_billlint(n)]
    pis += [n for n in doc.tree.iter() if _is_billlint(n)]
    src.locate(_target(pi) for pi in pis)
    cursor = 0     # each PI is looked for after the one before it: one pass over the file for all of them
    known: dict = {}
    for pi in pis:
        text = pi.text or ""
        line = pi.sourceline or 1
        at = _pi_offset(src, line, cursor)
        if at is not None:
            cursor = at + 1
        m = _PI.match(text) if len(text) <= _PI_CHARS else None
        if not m:
            shown = text.strip() if len(text) <= 200 else text.strip()[:200] + "…"
            bad.append((at, line, f"cannot read <?billlint {shown}?>: write "
                                      "<?billlint disable CODE[,CODE] -- reason?> or <?billlint disable-file CODE?>"))
            continue
        codes, unknown = set(), []
        for key in re.split(r"\s*,\s*", m.group(2).strip()):
            r = known[key] if key in known else known.setdefault(key, find(key))
            if r is None:
                unknown.append(key)
            else:
                codes.add(r.code)
        if unknown:
            bad.append((at, line, f"unknown rule in suppression: {', '.join(unknown)[:200]}"))
        if m.group(1) == "disable-file":
            out.append(Suppression(codes, 0, len(src.data), at, line, text.strip()))
            continue
        target = _target(pi)
        span = src.spans(target) if target is not None else None
        if span is None:
            bad.append((at, line, "a disable suppression must stand before the element it covers"))
            continue
        out.append(Suppression(codes, span[0], span[2], at, line, text.strip()))
    return out, bad


_PI_CHARS = 10_000   # a suppression names a few rules and a reason; a longer PI is not one


def _target(pi):
    """The element a disable PI covers: the next one after it."""
    target = pi.getnext()
    while target is not None and not isinstance(target.tag, str):
        target = target.getnext()
    return target


def _is_billlint(node) -> bool:
    return not isinstance(node.tag, str) and getattr(node, "target", None) == "billlint"


def _pi_offset(src, line: int, cursor: int) -> int | None:
    start = max(src.at(line, 1) if line else 0, cursor)
    i = src.data.find(b"<?billlint", start)
    return i if i >= 0 else None


def suppress(doc, findings: list[Finding], report_unused: bool) -> tuple[list[Finding], list]:
    """Drop suppressed findings; return the rest and the unused-suppression notes (offset, line, message).

    One sweep over the findings in source order: suppressed spans are elements (nested or apart) or the whole
    file, so the ones open at a place form a stack per rule."""
    sups, bad = collect(doc)
    if not sups and not bad:
        return findings, []
    src = doc.source
    by_code: dict = {}
    for i, s in enumerate(sups):
        for code in s.codes:
            by_code.setdefault(code, []).append((s.start, -s.end, i))
    for spans in by_code.values():
        spans.sort()
    placed = sorted(((src.at(f.line, f.column) if f.line >= 1 else 0, k) for k, f in enumerate(findings)))
    nxt = dict.fromkeys(by_code, 0)
    open_: dict = {code: [] for code in by_code}
    hidden = set()
    for at, k in placed:
        code = findings[k].code
        spans = by_code.get(code)
        if not spans:
            continue
        stack, j = open_[code], nxt[code]
        while j < len(spans) and spans[j][0] <= at:
            while stack and -stack[-1][1] <= spans[j][0]:
                stack.pop()          # ended before this one starts: the stack stays a chain, each inside the last
            stack.append(spans[j])
            j += 1
        nxt[code] = j
        while stack and -stack[-1][1] <= at:
            stack.pop()
        if stack:
            sups[stack[0][2]].used.add(code)
            hidden.add(k)
    kept = [f for k, f in enumerate(findings) if k not in hidden]
    notes = []
    if report_unused:
        for s in sups:
            unused = sorted(s.codes - s.used)
            if unused:
                notes.append((s.at, s.line, f"suppression of {', '.join(unused)} hides nothing here"))
    return kept, notes + bad


def selected(selection, rules) -> list:
    """The rules a selection enables, in order."""
    return [r for r in rules if selection.enabled(r)]


def overrides(findings: list[Finding], severity: dict) -> list[Finding]:
    """The config's [severity] table, applied to every rule's findings alike."""
    if not severity:
        return findings
    return [replace(f, severity=severity[f.code]) if f.code in severity else f for f in findings]


def once_per_run(findings: list[Finding]) -> list[Finding]:
    """A missing DTD (BL003) is said once per run, not once per file. A missing USLM schema is said for each
    file it leaves unvalidated (schemas differ by version, so each file names its own)."""
    out, seen = [], set()
    for f in findings:
        if f.code == "BL003" and not f.message.startswith(SCHEMA_MISSING):
            if f.message in seen:
                continue
            seen.add(f.message)
        out.append(f)
    return out


def baseline_key(f: Finding, text: str, baseline: str) -> tuple:
    """A finding's key: its path relative to the baseline file's folder (so the baseline holds wherever billlint
    runs from, and with absolute or relative paths), rule, provision and matched text."""
    folder = os.path.dirname(os.path.abspath(baseline))
    path = f.path if f.path == "-" else os.path.relpath(os.path.abspath(f.path), folder).replace(os.sep, "/")
    return (path, f.code, f.provision, " ".join(text.split())[:200])


def write_baseline(path: str, findings, texts) -> None:
    entries = [dict(zip(("path", "code", "provision", "text"), baseline_key(f, t, path)))
               for f, t in zip(findings, texts)]
    with open(path, "w", encoding="utf-8") as out:
        json.dump({"billlint-baseline": 2, "findings": entries}, out, indent=1, ensure_ascii=False)
        out.write("\n")


def load_baseline(path: str) -> Counter:
    from .load import read_regular
    data = json.loads(read_regular(path).decode("utf-8"))
    if not isinstance(data, dict) or "findings" not in data:
        raise ValueError(f"{path}: not a billlint baseline")
    if data.get("billlint-baseline") != 2:
        raise ValueError("written by an older billlint, with paths as typed; write it again with --write-baseline")
    return Counter(tuple(e[k] for k in ("path", "code", "provision", "text")) for e in data["findings"])


def new_since(findings, texts, known: Counter, baseline: str) -> list:
    """The findings a baseline does not record (each recorded entry hides one finding)."""
    left = Counter(known)
    out = []
    for f, t in zip(findings, texts):
        k = baseline_key(f, t, baseline)
        if left[k] > 0:
            left[k] -= 1
        else:
            out.append(f)
    return out


def baseline_text(f: Finding, reader) -> str:
    """What a baseline keys a finding on: its span on its line (up to 80 characters), else its message."""
    line = reader(f.path, f.line) or ""
    if f.end_line == f.line and f.end_column > f.column:
        return line[f.column - 1:f.end_column - 1] or f.message
    return line[f.column - 1:f.column + 79] or f.message
