"""The compiled-core spike (issue 23): CPU time of the reference scanner with and without billlint._speedups.

    python bench/speedups.py [--corpus DIR] [--dtd DIR] [--repeat N] [--no-whole]

CPU time (user + sys), not wall time: the machine is shared. In one process, over every provision text of
the corpus: the candidate searches that moved to C (where REF and THIS are tried, and trying them there),
and the whole references phase (references.find per bill, caches warmed first); each also with the searches'
answers looked up, the floor no compiled search can beat. Then the whole corpus,
`billlint check --jobs 1 --no-cache --format json`, in child processes alternating with and without the
extension, and whether their JSON is identical.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from billlint import speedups  # noqa: E402
from billlint.analysis import references  # noqa: E402
from billlint.model.vocabulary import REPORTED  # noqa: E402
from billlint.pipeline.load import load  # noqa: E402

COMPILED = (speedups.ref_starts, speedups.this_starts, True)
PURE = (speedups.ref_starts_py, speedups.this_starts_py, False)
# the CLI with the extension made unimportable: what an install without a compiler runs
NO_EXT = "import sys; sys.modules['billlint._speedups'] = None; from billlint.cli import main; sys.exit(main())"


def use(variant) -> None:
    speedups.ref_starts, speedups.this_starts, speedups.COMPILED = variant


def cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def children() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def phases(corpus: Path, repeat: int) -> None:
    docs = [d for p in sorted(corpus.glob("*.xml")) if (d := load(str(p), None, validate=False).doc) is not None]
    texts = [d.text(p.el, REPORTED).text for d in docs for p in d.provisions_in(REPORTED)]
    for d in docs:
        references.find(d, REPORTED)   # warm the per-bill caches both variants then share
    print(f"{len(docs)} bills, {len(texts)} provision texts, {sum(map(len, texts)) / 1e6:.1f} M characters")
    # the floor: the searches cost nothing (their answers looked up), what no compiled search can beat
    refs, this = {x: speedups.ref_starts(x) for x in texts}, {x: speedups.this_starts(x) for x in texts}
    free = (refs.__getitem__, this.__getitem__, True)
    rows = {"candidates": {}, "references": {}}
    for i in range(repeat):
        for name, variant in (("C", COMPILED), ("py", PURE), ("free", free)):
            use(variant)
            t = cpu()
            for x in texts:
                speedups.ref_matches(references.REF, x)
                speedups.this_matches(references.THIS, x)
            rows["candidates"].setdefault(name, []).append(cpu() - t)
            t = cpu()
            for d in docs:
                references.find(d, REPORTED)
            rows["references"].setdefault(name, []).append(cpu() - t)
    use(COMPILED)
    for phase, by in rows.items():
        c, p = min(by["C"]), min(by["py"])
        f = min(by["free"])
        print(f"{phase}: C {fmt(by['C'])}  py {fmt(by['py'])}  best {p:.2f} -> {c:.2f} s: {p / c:.2f}x; "
              f"searches free {fmt(by['free'])}: at most {p / f:.2f}x")


def fmt(xs) -> str:
    return "/".join(f"{x:.2f}" for x in xs)


def whole(corpus: Path, dtd: Path, repeat: int) -> None:
    args = ["check", "--jobs", "1", "--no-cache", "--exit-zero", "--format", "json", "--dtd", str(dtd), str(corpus)]
    out = {}
    times = {"C": [], "py": []}
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(repeat):
            for name, cmd in (("C", [sys.executable, "-m", "billlint"]), ("py", [sys.executable, "-c", NO_EXT])):
                path = Path(tmp) / f"{name}.json"
                t = children()
                subprocess.run([*cmd, *args, "-o", str(path)], check=True, cwd=ROOT)
                times[name].append(children() - t)
                out.setdefault(name, path.read_bytes())
                assert path.read_bytes() == out[name], "a variant's output changed between runs"
    c, p = min(times["C"]), min(times["py"])
    print(f"whole corpus (--jobs 1, user+sys): C {fmt(times['C'])}  py {fmt(times['py'])}  best {p:.2f} -> {c:.2f} s: "
          f"{p / c:.2f}x; JSON identical: {out['C'] == out['py']} ({len(out['C'])} bytes)")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus" / "bills"))
    ap.add_argument("--dtd", default=str(ROOT.parent / "shared" / "corpus" / "dtd"))
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--no-whole", action="store_true")
    a = ap.parse_args()
    if not speedups.COMPILED:
        print("billlint._speedups is not built: nothing to compare")
        return 1
    start = time.perf_counter()
    phases(Path(a.corpus), a.repeat)
    if not a.no_whole:
        whole(Path(a.corpus), Path(a.dtd), a.repeat)
    print(f"({time.perf_counter() - start:.0f} s wall)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
