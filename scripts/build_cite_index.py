"""Build the shipped citation index (rules/citations.json) from a folder of real bills.

    python scripts/build_cite_index.py ../shared/corpus [more folders] [-o rules/citations.json]

The index holds facts about enacted law (Act name -> Public Law number, Public Law -> Statutes at Large
page, section of an Act -> U.S. Code section), each with the count of distinct bills that state it.
"""

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from billlint.analysis import citation_index  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folders", nargs="+")
    ap.add_argument("-o", "--output", default=str(Path(__file__).resolve().parents[1] / "rules" / "citations.json"))
    ap.add_argument("-j", "--jobs", type=int, default=None)
    args = ap.parse_args()
    t = time.perf_counter()
    index = citation_index.build(args.folders, jobs=args.jobs)
    index.save(args.output)
    size = Path(args.output).stat().st_size
    print(f"{args.output}: {len(index.bills)} bills, {len(index.acts)} Acts, {len(index.stat)} Public Laws with "
          f"Statutes pages, {len(index.code)} Act sections; {size} bytes; {time.perf_counter() - t:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
