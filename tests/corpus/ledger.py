"""The judged ledger of every finding billlint gives on ../shared/corpus, and its comparison with a run.

verdicts.tsv holds one judged finding a row: file (relative to the corpus), code, name, provision, line, matched
(the source text the finding points at), verdict (TRUE, FALSE or DEBATABLE), reason. A finding of a run is matched
to a row by file, code, provision and matched text (lines are kept for readers, not for matching: a file's line
numbering may be corrected without re-judging it).
"""

from __future__ import annotations

import csv
import json
import os
import re
import subprocess
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
LEDGER = HERE / "verdicts.tsv"
HOLDOUT = HERE / "holdout.txt"
# a TRUE finding silenced on purpose: the bill held nothing that told it from false ones of the same shape
GIVEN_UP = "[given up]"
COLUMNS = ["file", "code", "name", "provision", "line", "matched", "verdict", "reason"]
VERDICTS = ("TRUE", "FALSE", "DEBATABLE")
# what a file's findings are checked with: the bill DTDs and the USLM schemas beside them in the corpus
FOLDERS = ("bills", "uslm")
SCHEMAS = ("dtd", "uslm")


def holdout() -> set[str]:
    return {x.strip() for x in HOLDOUT.read_text().splitlines() if x.strip() and not x.startswith("#")}


def read(path: Path = LEDGER) -> list[dict]:
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    bad = [r for r in rows if r["verdict"] not in VERDICTS]
    if bad:
        raise ValueError(f"{path}: verdict not one of {VERDICTS}: {bad[0]}")
    return rows


def write(rows: list[dict], path: Path = LEDGER) -> None:
    rows = sorted(rows, key=lambda r: (r["file"], int(r["line"] or 0), r["code"], r["matched"]))
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, COLUMNS, delimiter="\t", lineterminator="\n", extrasaction="ignore")
        w.writeheader()
        w.writerows(rows)


def run(corpus: Path, extra: tuple[str, ...] = ()) -> list[dict]:
    """billlint's findings on the corpus (default view), each with its file relative to the corpus and its matched text."""
    args = [sys.executable, "-m", "billlint", "check", "--format", "json", "--exit-zero", "--no-cache"]
    for s in SCHEMAS:
        args += ["--dtd", str(corpus / s)]
    args += [str(corpus / f) for f in FOLDERS] + list(extra)
    env = {**os.environ, "BILLLINT_NO_USER_INDEX": "1"}  # the shipped citation index only: same findings on any machine
    out = subprocess.run(args, capture_output=True, text=True, check=True, env=env).stdout
    found = json.loads(out)
    lines: dict[str, list[str]] = {}
    for f in found:
        f["file"] = Path(f["path"]).resolve().relative_to(corpus.resolve()).as_posix()
        if "text" not in f:
            f["text"] = matched(f, lines)
    return found


def matched(f: dict, cache: dict) -> str:
    """The source text from the finding's start to its end (columns count characters; a line ends at LF, as libxml2 counts)."""
    if f["path"] not in cache:
        raw = Path(f["path"]).read_bytes().decode("utf-8", "replace")
        cache[f["path"]] = [x[:-1] if x.endswith("\r") else x for x in raw.split("\n")]
    lines = cache[f["path"]]
    start, end = f["line"], f.get("end_line") or f["line"]
    if not 0 < start <= len(lines):
        return ""
    if start == end:
        return lines[start - 1][f["column"] - 1:(f.get("end_column") or f["column"]) - 1]
    text = "\n".join([lines[start - 1][f["column"] - 1:]] + lines[start:end - 1] + [lines[end - 1][:f["end_column"] - 1]])
    return text


def clean(s: str) -> str:
    # one row a finding: tabs and line ends inside matched text are written as spaces
    return re.sub(r"[\t\r\n]+", " ", s)[:300]


def key(r: dict) -> tuple:
    return (r["file"], r["code"], r["provision"], clean(r.get("matched", r.get("text", ""))))


@dataclass
class Comparison:
    judged: list[tuple[dict, dict]] = field(default_factory=list)     # (finding, ledger row)
    unjudged: list[dict] = field(default_factory=list)                # findings with no row
    gone: list[dict] = field(default_factory=list)                    # rows with no finding

    @property
    def false(self):
        return [(f, r) for f, r in self.judged if r["verdict"] == "FALSE"]

    @property
    def lost(self):
        return [r for r in self.gone if r["verdict"] == "TRUE" and not r["reason"].startswith(GIVEN_UP)]

    @property
    def given_up(self):
        return [r for r in self.gone if r["verdict"] == "TRUE" and r["reason"].startswith(GIVEN_UP)]

    def precision(self, by: str = "name", only=None) -> dict:
        """TRUE / judged, per rule name (or severity), over the findings of this run."""
        tally = defaultdict(Counter)
        for f, r in self.judged:
            if only and not only(f):
                continue
            tally[f[by]][r["verdict"]] += 1
        return {k: (c["TRUE"], sum(c.values())) for k, c in sorted(tally.items())}


def compare(found: list[dict], rows: list[dict]) -> Comparison:
    pool = defaultdict(list)
    for r in rows:
        pool[key(r)].append(r)
    for k in pool:
        pool[k].sort(key=lambda r: int(r["line"] or 0))
    c = Comparison()
    for f in sorted(found, key=lambda f: (f["file"], f["line"], f["column"])):
        k = (f["file"], f["code"], f["provision"], clean(f["text"]))
        if pool.get(k):
            c.judged.append((f, pool[k].pop(0)))
        else:
            c.unjudged.append(f)
    c.gone = [r for rs in pool.values() for r in rs]
    return c


def row(f: dict, verdict: str = "", reason: str = "") -> dict:
    return {"file": f["file"], "code": f["code"], "name": f["name"], "provision": f["provision"],
            "line": f["line"], "matched": clean(f["text"]), "verdict": verdict, "reason": reason}
