"""The phase table: CPU seconds per stage and per rule family of one `billlint check --jobs 1` run.

    python bench/phases.py [--dtd DIR] [--rules] [PATH ...]      (default: ../shared/corpus/bills)

Runs billlint once with BILLLINT_PHASES set (billlint/phases.py) and prints a Markdown table. bench/run.py
adds the same table to bench/results.md. A phase's seconds are its own (nested phases subtracted), so the
rows add up to the run's CPU time. Shared engines (analysis/*) are computed lazily by the first rule that
asks, once per family (the runner drops them between families): they are rows of their own, with the
families that asked for them, and not counted in those families' rows. Timing costs a little: the run is
slower than one without it (compare the totals of bench/run.py, not this table's).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from billlint.rules.registry import FAMILIES  # noqa: E402

LOADING = (("read", "read the file"), ("parse", "lxml parse"), ("dtd load", "load the DTD or find the schema"),
           ("validate", "DTD (or USLM schema) validation"), ("model", "source map and provision model"))
AFTER = (("text runs", "running text of elements (first read; shared by all families)"),
         ("positions", "line, column and matched text of each finding"),
         ("filter", "suppression comments, severity overrides"),
         ("other", "start-up, imports, discovery, output"))


def compile_package() -> None:
    """Write billlint's bytecode, as pip does when it installs the package: with PYTHONDONTWRITEBYTECODE set
    (as on the machines these benchmarks ran on), every run would otherwise compile all of billlint's
    source again, about 0.1 s of CPU per process."""
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "billlint")], stdout=subprocess.DEVNULL,
                   check=False)


def measure(paths: list[str], dtd: str | None, extra: tuple = ()) -> list[dict]:
    """The JSON lines of one profiled run, one per process."""
    compile_package()
    with tempfile.TemporaryDirectory() as work:
        out = Path(work) / "phases.jsonl"
        cmd = [sys.executable, "-m", "billlint", "check", "--jobs", "1", "--no-cache", "--exit-zero", "--format",
               "json", "--isolated", *(["--dtd", dtd] if dtd else []), *extra, *paths]
        subprocess.run(cmd, stdout=subprocess.DEVNULL, env={**os.environ, "BILLLINT_PHASES": str(out)}, check=True)
        return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]


def table(lines: list[dict], rules: bool = False) -> str:
    spent: dict = defaultdict(float)
    askers: dict = defaultdict(set)
    for line in lines:
        for k, v in line["seconds"].items():
            spent[k] += v
        for k, v in line.get("askers", {}).items():
            askers[k].update(v)
    total = sum(spent.values())
    files = sum(line["files"] for line in lines)
    rows = []
    places = 2 if total >= 10 else 3

    def row(name, secs, note=""):
        rows.append(f"| {name} | {secs:.{places}f} | {100 * secs / total if total else 0:.1f} | {note} |\n")

    for key, note in LOADING:
        row(key, spent.pop(key, 0.0), note)
    for fam, title in FAMILIES.items():
        codes = sorted(k for k in spent if k.startswith("rule " + fam))
        secs = sum(spent[k] for k in codes)
        top = sorted(codes, key=lambda k: -spent[k])[:3]
        row(f"{fam} {title}", secs, "most: " + ", ".join(f"{k[5:]} {spent[k]:.{places}f}" for k in top) if top else "")
        if rules:
            for k in codes:
                row(f"&nbsp;&nbsp;{k[5:]}", spent[k])
        for k in codes:
            spent.pop(k)
    for key in sorted((k for k in spent if k.startswith("engine ")), key=lambda k: -spent[k]):
        who = sorted(a for a in askers.get(key, ()) if a)
        row(key, spent.pop(key), "asked by " + ", ".join(who) if who else "")
    for key, note in AFTER:
        row(key, spent.pop(key, 0.0), note)
    for key in sorted(spent):    # a phase this table does not know yet
        row(key, spent[key])
    head = (f"CPU seconds per phase, one `billlint check --jobs 1 --no-cache` run over {files} files "
            f"({total:.2f} s of CPU with the timing on). Engines are shared analyses a rule computes on first use; "
            "their time is theirs, not the asking family's.\n\n| phase | CPU s | % | note |\n|---|---|---|---|\n")
    return head + "".join(rows)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("paths", nargs="*", default=[str(ROOT.parent / "shared" / "corpus" / "bills")])
    ap.add_argument("--dtd", default=str(ROOT.parent / "shared" / "corpus" / "dtd"))
    ap.add_argument("--rules", action="store_true", help="a row for every rule too")
    args = ap.parse_args()
    print(table(measure(args.paths, args.dtd), rules=args.rules))
    return 0


if __name__ == "__main__":
    sys.exit(main())
