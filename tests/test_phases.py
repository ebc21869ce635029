"""The opt-in phase timing (billlint/phases.py) that bench/phases.py reads: what it records, not how fast."""

import json
import os
import subprocess
import sys

from helpers import bill

BODY = ('<section id="s1"><enum>1.</enum><header>Amendment</header><text>Section 2 of the Example Act is amended '
        'by striking <quote>the the</quote> and inserting <quote>a</quote>.</text></section>'
        '<section id="s2"><enum>2.</enum><header>Rule</header><text>The the Secretary shall act.</text></section>')


def _run(tmp_path, files: int, jobs: int, env: dict) -> subprocess.CompletedProcess:
    for i in range(files):
        (tmp_path / f"b{i}.xml").write_text(bill(BODY), encoding="utf-8")
    return subprocess.run([sys.executable, "-m", "billlint", "check", "--no-validate", "--no-cache", "--isolated",
                           "--format", "json", "--exit-zero", "--jobs", str(jobs), str(tmp_path)],
                          capture_output=True, text=True, env={**os.environ, **env}, check=True)


def test_each_phase_and_rule_is_recorded_with_the_families_that_asked_for_an_engine(tmp_path):
    out = tmp_path / "phases.jsonl"
    work = tmp_path / "bills"
    work.mkdir()
    r = _run(work, 1, 1, {"BILLLINT_PHASES": str(out)})
    assert any(f["code"] == "BL402" for f in json.loads(r.stdout))
    [line] = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert line["files"] == 1
    assert {"read", "parse", "model", "rule BL402", "engine instructions", "text runs", "positions",
            "other"} <= set(line["seconds"])
    assert line["askers"]["engine instructions"] == ["BL3"]
    assert all(v >= 0 for v in line["seconds"].values())


def test_pool_workers_each_write_their_own_account(tmp_path):
    out = tmp_path / "phases.jsonl"
    work = tmp_path / "bills"
    work.mkdir()
    _run(work, 8, 2, {"BILLLINT_PHASES": str(out)})
    lines = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert len({x["pid"] for x in lines}) == len(lines) >= 2
    assert sum(x["files"] for x in lines) == 8


def test_off_unless_asked():
    env = {k: v for k, v in os.environ.items() if k != "BILLLINT_PHASES"}
    subprocess.run([sys.executable, "-c", "import billlint.phases as p, atexit; assert not p.ON"], env=env,
                   check=True)
