"""Benchmark the citation index: `billlint cites index` against `billlint check` over the same folders, and
the time to load the shipped index. Writes bench/cites.md (and prints it).

    python bench/cites.py [--corpus DIR]

Both commands run with the default jobs and no result cache; the index is written to a temporary file
(the user's index is left alone). The load time is the median of 20 loads of rules/citations.json in one
process, after one warm-up load.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))


def timed(cmd) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus"))
    args = ap.parse_args()
    from billlint.analysis import citation_index as cidx
    path = cidx.shipped_path()
    cidx.Index.load(path)
    loads = []
    for _ in range(20):
        t = time.perf_counter()
        cidx.Index.load(path)
        loads.append(time.perf_counter() - t)
    folders = [str(Path(args.corpus) / f) for f in ("bills", "uslm")]
    exe = [sys.executable, "-m", "billlint"]
    with tempfile.TemporaryDirectory() as tmp:
        index = timed(exe + ["cites", "index", "-o", str(Path(tmp) / "i.json")] + folders)
    check = timed(exe + ["check", "--no-cache", "--no-validate", "--exit-zero", "-q", "--format", "concise"]
                  + folders)
    import datetime
    import os
    lines = [f"# citation index benchmark\n\n{datetime.date.today()} on {os.cpu_count()} cores; corpus: {args.corpus}\n",
             "| what | seconds |", "|---|---|",
             f"| shipped index ({path.stat().st_size / 1024:.0f} KiB), load (median of 20) | "
             f"{statistics.median(loads):.4f} |",
             f"| billlint cites index over the corpus | {index:.1f} |",
             f"| billlint check --no-validate over the corpus | {check:.1f} |"]
    (HERE / "cites.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
