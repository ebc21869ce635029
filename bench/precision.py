"""Precision of billlint on ../shared/corpus by the judged ledger (tests/corpus/verdicts.tsv).

    python bench/precision.py                 # precision per rule and severity; the set-aside fifth apart
    python bench/precision.py --unjudged F    # also write the findings nobody judged, as ledger rows to fill in
    python bench/precision.py --add F         # add judged rows from F to the ledger

A finding is right when its verdict is TRUE; FALSE and DEBATABLE count against it.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "corpus"))
import ledger  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"


def table(title: str, counts: dict) -> None:
    print(f"\n{title}")
    total = [0, 0]
    for k, (right, n) in counts.items():
        total[0] += right
        total[1] += n
        print(f"  {k:34} {right:5}/{n:<5} {100 * right / n:6.1f}%")
    if total[1]:
        print(f"  {'all':34} {total[0]:5}/{total[1]:<5} {100 * total[0] / total[1]:6.1f}%")


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--unjudged", type=Path, help="write unjudged findings here as ledger rows")
    p.add_argument("--add", type=Path, help="add the judged rows of this TSV to the ledger")
    a = p.parse_args(argv)
    rows = ledger.read() if ledger.LEDGER.exists() else []
    if a.add:
        new = ledger.read(a.add)
        ledger.write(rows + new)
        print(f"added {len(new)} rows to {ledger.LEDGER}")
        rows = ledger.read()
    found = ledger.run(CORPUS)
    c = ledger.compare(found, rows)
    hold = ledger.holdout()
    seen = lambda f: f["file"] not in hold  # noqa: E731
    print(f"{len(found)} findings, {len(c.judged)} judged, {len(c.unjudged)} unjudged, "
          f"{len(c.gone)} ledger rows no longer found ({len(c.lost)} of them TRUE; "
          f"{len(c.given_up)} TRUE given up on purpose)")
    table("per rule (corpus less the set-aside fifth)", c.precision("name", seen))
    table("per severity (corpus less the set-aside fifth)", c.precision("severity", seen))
    table("per rule (set-aside fifth)", c.precision("name", lambda f: not seen(f)))
    table("per severity (set-aside fifth)", c.precision("severity", lambda f: not seen(f)))
    for f, r in c.false:
        print(f"FALSE again: {f['file']}:{f['line']} {f['name']} {f['provision']} {r['matched'][:60]!r}: {r['reason']}")
    for r in c.lost:
        print(f"TRUE lost: {r['file']}:{r['line']} {r['name']} {r['provision']} {r['matched'][:60]!r}")
    if a.unjudged:
        ledger.write([ledger.row(f) for f in c.unjudged], a.unjudged)
        print(f"wrote {len(c.unjudged)} unjudged findings to {a.unjudged}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
