"""Inline suppressions, as processing instructions (valid anywhere the DTD allows content):

    <?billlint disable BL201,non-minimal-reference -- the cross-reference is to the amended Act?>
    <?billlint disable-file BL403?>

`disable` covers the element that follows it (and everything inside); `disable-file` the whole file.
A suppression that hides nothing is itself reported (unused-suppression).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model.findings import Finding
from ..rules.registry import RULES, find

_PI = re.compile(r"^\s*(disable|disable-file)\s+([^-\s][^\s]*(?:\s*,\s*[^\s,]+)*)\s*(?:--\s*(.*))?$", re.S)


@dataclass
class Suppression:
    codes: set
    start: int            # source offsets covered
    end: int
    line: int
    column: int
    text: str
    used: set = field(default_factory=set)


def collect(doc) -> tuple[list[Suppression], list[tuple[int, int, str]]]:
    """The document's suppressions, and malformed billlint PIs (line, column, message)."""
    out, bad = [], []
    src = doc.source
    pis = [n for n in doc.tree.iter() if _is_billlint(n)]
    pis += [n for n in doc.root.itersiblings(preceding=True) if _is_billlint(n)]
    src.locate(_target(pi) for pi in pis)
    for pi in pis:
        text = pi.text or ""
        line = pi.sourceline or 1
        at = _pi_offset(src, pi, line)
        lc = src.line_col(at) if at is not None else (line, 1)
        m = _PI.match(text)
        if not m:
            bad.append((lc[0], lc[1], f"cannot read <?billlint {text.strip()}?>: write "
                                      "<?billlint disable CODE[,CODE] -- reason?> or <?billlint disable-file CODE?>"))
            continue
        codes, unknown = set(), []
        for key in re.split(r"\s*,\s*", m.group(2).strip()):
            r = find(key)
            if r is None:
                unknown.append(key)
            else:
                codes.add(r.code)
        if unknown:
            bad.append((lc[0], lc[1], f"unknown rule in suppression: {', '.join(unknown)}"))
        if m.group(1) == "disable-file":
            out.append(Suppression(codes, 0, len(src.data), lc[0], lc[1], text.strip()))
            continue
        target = _target(pi)
        span = src.spans(target) if target is not None else None
        if span is None:
            bad.append((lc[0], lc[1], "a disable suppression must stand before the element it covers"))
            continue
        out.append(Suppression(codes, span[0], span[2], lc[0], lc[1], text.strip()))
    return out, bad


def _target(pi):
    """The element a disable PI covers: the next one after it."""
    target = pi.getnext()
    while target is not None and not isinstance(target.tag, str):
        target = target.getnext()
    return target


def _is_billlint(node) -> bool:
    return not isinstance(node.tag, str) and getattr(node, "target", None) == "billlint"


def _pi_offset(src, pi, line: int) -> int | None:
    start = src.at(line, 1) if line else 0
    i = src.data.find(b"<?billlint", start)
    return i if i >= 0 else None


def apply(doc, findings: list[Finding], report_unused: bool) -> list[Finding]:
    """Drop suppressed findings; add unused-suppression and bad-suppression findings."""
    sups, bad = collect(doc)
    if not sups and not bad:
        return findings
    src = doc.source
    kept = []
    for f in findings:
        at = src.at(f.line, f.column) if f.line >= 1 else 0
        hit = next((s for s in sups if f.code in s.codes and s.start <= at < s.end), None)
        if hit is not None:
            hit.used.add(f.code)
        else:
            kept.append(f)
    rule = RULES["BL009"]
    if report_unused:
        for s in sups:
            unused = sorted(s.codes - s.used)
            if unused:
                kept.append(Finding(doc.path, s.line, s.column, rule.code, rule.name, rule.severity,
                                    f"suppression of {', '.join(unused)} hides nothing here", ""))
    for line, col, message in bad:
        kept.append(Finding(doc.path, line, col, rule.code, rule.name, rule.severity, message, ""))
    return kept
