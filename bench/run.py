"""Benchmark billlint against xmllint over ../shared/corpus/bills, and write bench/results.md.

    python bench/run.py [--corpus DIR] [--dtd DIR]

Times, in one run on this machine: `xmllint --noout --valid --nonet` on all files in one process (the
DTDs found through an XML catalog, as billlint's own catalog lists them), `billlint check --jobs 1`,
`billlint check` with the default jobs, a cached re-run, the largest bill alone, one small bill end to
end (what a pre-commit hook runs), and a synthetic bill of about 40 MB made here by joining the bodies of
the corpus's enrolled bills (not committed). billlint's bytecode is written first (as pip does on
install), so no row pays for compiling its source. Peak memory is the largest child's maxrss. Then the phase
table (bench/phases.py): CPU seconds per loading stage, rule family and shared engine, from one more
`--jobs 1` run with the timing hook on, so that a regression shows in its family.
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import phases

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def kept(results: Path) -> str:
    """The sections of results.md written by hand (any "## " section but the phase table): a new run keeps them."""
    if not results.exists():
        return ""
    parts = results.read_text(encoding="utf-8").split("\n## ")[1:]
    return "".join("\n## " + p.rstrip("\n") + "\n" for p in parts if not p.startswith("Phases"))


def timed(cmd, env=None) -> tuple[float, int, int]:
    """Wall seconds, exit code, and peak RSS (KiB) of a child process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    r = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    took = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return took, r.returncode, peak if peak > before else 0


def peak_of(cmd, env=None) -> tuple[float, int]:
    """Time and peak RSS of one command, measured by a fresh Python so earlier children do not count."""
    code = ("import resource,subprocess,sys,time,json;s=time.perf_counter();"
            "subprocess.run(sys.argv[1:],stdout=subprocess.DEVNULL,stderr=subprocess.DEVNULL);"
            "print(json.dumps([time.perf_counter()-s,resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss]))")
    out = subprocess.run([sys.executable, "-c", code, *cmd], capture_output=True, text=True, env=env).stdout
    took, kib = eval(out)  # noqa: S307 (our own json list)
    return took, kib


def synthetic(corpus: Path, target_mb: float, out: Path) -> Path:
    """One bill made of the legis-bodies of the enrolled bills, repeated to about target_mb."""
    bodies = []
    for p in sorted(corpus.glob("*enr*.xml")):
        text = p.read_text(encoding="utf-8", errors="replace")
        m = re.search(r"<legis-body\b.*?</legis-body>", text, re.S)
        if m:
            bodies.append(re.sub(r'\bid="([^"]*)"', lambda g: f'id="{g.group(1)}-{len(bodies)}"', m.group(0)))
    head = ('<?xml version="1.0" encoding="UTF-8"?>\n<bill bill-stage="Enrolled-Bill" public-private="public">'
            "<form><legis-num>H. R. 1</legis-num><official-title>Synthetic.</official-title></form>\n")
    parts, size, n = [], 0, 0
    while size < target_mb * 1e6:
        b = bodies[n % len(bodies)]
        b = re.sub(r'\bid="([^"]*)"', lambda g: f'id="{g.group(1)}-r{n}"', b) if n >= len(bodies) else b
        parts.append(b)
        size += len(b.encode())
        n += 1
    # bill allows one legis-body and then more legis-bodies: a valid shape for a stress test
    out.write_text(head + "\n".join(parts) + "\n</bill>\n", encoding="utf-8")
    return out


def uslm_rows(billlint: list, folder: Path, work: Path) -> list:
    """The USLM folder (validated against its XSDs, all rules), and one USLM bill end to end: in a fresh user
    cache (the schema compiled) and again (the compiled schema read from the cache)."""
    docs = [p for p in folder.rglob("*") if p.suffix.lower() == ".xml"]
    mb = sum(p.stat().st_size for p in docs) / 1e6
    env = {**os.environ, "XDG_CACHE_HOME": str(work / "user-cache")}
    check = [*billlint, "check", "--exit-zero", "--format", "json", "--isolated", "--dtd", str(folder)]
    rows = []
    t, _ = peak_of([*check, "--no-cache", str(folder)], env=env)
    rows.append((f"billlint check, USLM folder ({len(docs)} files, default jobs, no result cache)", t, mb))
    one = ROOT / "samples" / "uslm-bill.xml"
    size = one.stat().st_size / 1e6
    t, _ = peak_of([*check, "--no-cache", str(one)], env={**env, "XDG_CACHE_HOME": str(work / "fresh-cache")})
    rows.append(("billlint check, one USLM bill end to end, first run (schema compiled)", t, size))
    t, _ = peak_of([*check, "--no-cache", str(one)], env={**env, "XDG_CACHE_HOME": str(work / "fresh-cache")})
    rows.append(("billlint check, one USLM bill end to end, after the first run", t, size))
    return rows


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus" / "bills"))
    ap.add_argument("--dtd", default=str(ROOT.parent / "shared" / "corpus" / "dtd"))
    ap.add_argument("--uslm", default=str(ROOT.parent / "shared" / "corpus" / "uslm"),
                    help="USLM documents (searched recursively) with their XSDs at the top")
    ap.add_argument("--synthetic-mb", type=float, default=40)
    args = ap.parse_args()
    corpus, dtd = Path(args.corpus), Path(args.dtd)
    files = sorted(str(p) for p in corpus.glob("*.xml"))
    total_mb = sum(os.path.getsize(f) for f in files) / 1e6
    billlint = [sys.executable, "-m", "billlint"]
    phases.compile_package()
    work = Path(tempfile.mkdtemp(prefix="billlint-bench-"))
    rows = []
    try:
        catalog_dir = work / "dtd"
        catalog_dir.mkdir()
        for name in ("bill.dtd", "res.dtd", "amend.dtd"):
            shutil.copy(dtd / name, catalog_dir / name)
        shutil.copy(ROOT / "dtd" / "catalog.xml", catalog_dir / "catalog.xml")
        env = {**os.environ, "XML_CATALOG_FILES": str(catalog_dir / "catalog.xml")}
        xmllint = shutil.which("xmllint")
        base = None
        if xmllint:
            t, _, _ = timed([xmllint, "--noout", "--valid", "--nonet", *files], env=env)
            base = t
            rows.append(("xmllint --noout --valid --nonet (all files, one process)", t, total_mb))
        check = [*billlint, "check", "--exit-zero", "--format", "json", "--dtd", str(dtd)]
        t, _ = peak_of([*check, "--no-cache", "--jobs", "1", str(corpus)])
        rows.append(("billlint check --jobs 1 (all rules, no cache)", t, total_mb))
        t, _ = peak_of([*check, "--no-cache", str(corpus)])
        rows.append((f"billlint check (default jobs: {os.cpu_count()}, no cache)", t, total_mb))
        cache = work / "cache"
        peak_of([*check, "--cache-dir", str(cache), str(corpus)])
        t, _ = peak_of([*check, "--cache-dir", str(cache), str(corpus)])
        rows.append(("billlint check, cached re-run", t, total_mb))
        largest = max(files, key=os.path.getsize)
        t, kib = peak_of([*check, "--no-cache", largest])
        rows.append((f"billlint check, largest bill alone ({Path(largest).name})", t, os.path.getsize(largest) / 1e6,
                     kib))
        small = str(ROOT / "samples" / "clean-bill.xml")
        t, _ = peak_of([*check, "--no-cache", small])
        rows.append(("billlint check, one small bill end to end", t, os.path.getsize(small) / 1e6))
        uslm = Path(args.uslm)
        if uslm.is_dir():
            rows += uslm_rows(billlint, uslm, work)
        big = synthetic(corpus, args.synthetic_mb, work / "synthetic.xml")
        big_mb = big.stat().st_size / 1e6
        t, kib = peak_of([*check, "--no-cache", "--no-validate", str(big)])
        rows.append((f"billlint check, synthetic bill ({big_mb:.0f} MB, no DTD validation)", t, big_mb, kib))
        if xmllint:
            t, _, _ = timed([xmllint, "--noout", "--huge", str(big)])
            rows.append(("xmllint --noout --huge, synthetic bill (parse only)", t, big_mb))
        phase_table = phases.table(phases.measure([str(corpus)], str(dtd)))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    load = os.getloadavg()[1]   # other work on the machine slows every row alike: say how busy it was
    lines = [f"# billlint benchmark\n\n{datetime.date.today()} on {platform.machine()}, {os.cpu_count()} cores, "
             f"Python {platform.python_version()}; corpus: {len(files)} files, {total_mb:.1f} MB; load average "
             f"{load:.1f} over the run's last 5 minutes.\n\n",
             "| what | seconds | MB | s/MB | × xmllint | peak MiB | peak × file |\n|---|---|---|---|---|---|---|\n"]
    for row in rows:
        name, t, mb = row[:3]
        kib = row[3] if len(row) > 3 else 0
        ratio = f"{t / base:.1f}" if base and mb == total_mb else ""
        size = f"{kib * 1024 / (mb * 1e6):.1f}" if kib else ""
        lines.append(f"| {name} | {t:.2f} | {mb:.1f} | {t / mb:.3f} | {ratio} | {kib / 1024:.0f} | {size} |\n"
                     .replace("| 0 |", "|  |"))
    lines.append("\n## Phases\n\n" + phase_table)
    text = "".join(lines) + kept(HERE / "results.md")
    print(text)
    (HERE / "results.md").write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
