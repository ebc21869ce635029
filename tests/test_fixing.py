"""--fix edits only the bytes it checked, never a read-only file, never struck text, and a failed write costs
neither the file nor the report (issue 17)."""

import errno
import hashlib
import json
import multiprocessing
import os

from helpers import bill

from billlint.pipeline import fix as fixing
from billlint.pipeline.options import Settings
from billlint.pipeline.workers import run as run_batch


def doubled(n: int) -> str:
    return bill("".join(f'<section id="s{i}"><enum>{i}.</enum><header>Part {i}</header>'
                        f"<text>The Secretary shall report the the findings of part {i}.</text></section>\n"
                        for i in range(1, n + 1)), doctype=False)


FIXED = "The Secretary shall report the findings"


def fix_args(path, *more):
    return ("check", "--fix", "--isolated", "--no-cache", "--select", "BL402", "--format", "json", *more, path)


def test_a_file_changed_after_the_check_is_not_fixed(tmp_path):
    p = tmp_path / "b.xml"
    p.write_text(doubled(3))
    _, found = run_batch([str(p)], Settings(isolated=True, select=["BL402"]), jobs=1)
    assert len(found) == 3
    edited = doubled(3).replace("Part 1", "Part One")      # an editor saves while billlint works
    p.write_text(edited)
    said = []
    left, failed = fixing.fix_files(found, False, None, said.append)
    assert p.read_text() == edited and len(left) == 3 and failed == 0
    assert said == [f"{p}: the file changed since it was checked; not fixed (run billlint again)"]


def test_a_change_just_before_the_rename_is_caught(tmp_path, monkeypatch):
    p = tmp_path / "b.xml"
    p.write_text(doubled(2))
    _, found = run_batch([str(p)], Settings(isolated=True, select=["BL402"]), jobs=1)
    real = fixing.shutil.copymode

    def meanwhile(src, dst):       # another writer replaces the file between our read and our rename
        real(src, dst)
        p.write_text(doubled(2).replace("Part 2", "Part Two"))
    monkeypatch.setattr(fixing.shutil, "copymode", meanwhile)
    said = []
    fixing.fix_files(found, False, None, said.append)
    assert "Part Two" in p.read_text() and "the the" in p.read_text()
    assert said == [f"{p}: the file changed while it was being fixed; not fixed"]
    assert sorted(x.name for x in tmp_path.iterdir()) == ["b.xml"]


def test_a_read_only_file_is_not_replaced(run, tmp_path):
    p = tmp_path / "b.xml"
    p.write_text(doubled(1))
    p.chmod(0o444)
    r = run(*fix_args(p))
    assert p.read_text() == doubled(1) and oct(p.stat().st_mode & 0o777) == "0o444"
    assert f"{p}: the file is read-only; not fixed" in r.err
    assert [f["code"] for f in json.loads(r.out)] == ["BL402"] and r.code == 1


def test_a_failed_write_still_reports_the_batch(run, tmp_path, monkeypatch):
    for name in ("a.xml", "b.xml"):
        (tmp_path / name).write_text(doubled(1))

    def full(*a, **k):
        raise OSError(errno.ENOSPC, "No space left on device")
    monkeypatch.setattr(fixing.tempfile, "mkstemp", full)
    r = run(*fix_args(tmp_path))
    assert r.code == 2 and len(json.loads(r.out)) == 2           # the report is written, nothing was fixed
    assert r.err.count("No space left on device") == 2
    assert (tmp_path / "a.xml").read_text() == doubled(1)


REPORTED = bill(
    '<section id="s1"><enum>1.</enum><header>Reports</header><text>The Secretary shall report the '
    '<deleted-phrase reported-display-style="strikethrough" committee-id="HJU00">the the old </deleted-phrase>'
    '<added-phrase reported-display-style="italic" committee-id="HJU00">new </added-phrase>findings.</text>'
    '</section><section id="s2" changed="deleted" reported-display-style="strikethrough" committee-id="HJU00">'
    '<enum>2.</enum><header>Struck</header><text>The the struck text.</text></section>'
    '<section id="s3"><enum>2.</enum><header>Live</header><text>A live live word.</text></section>',
    stage="Reported-in-House", doctype=False)


def test_struck_text_is_never_fixed(run, tmp_path):
    p = tmp_path / "r.xml"
    for view in ("introduced", "both", "reported"):
        p.write_text(REPORTED)
        r = run(*fix_args(p, "--view", view))
        text = p.read_text()
        assert "the the old </deleted-phrase>" in text and "The the struck text." in text, view
        # fixes come from the reported view only, the one whose text stands in the file as the bill's
        assert ("A live word." in text) == (view != "introduced"), (view, r.err)
    # the introduced view still reports what it sees in the struck text; it just does not rewrite it
    p.write_text(REPORTED)
    found = json.loads(run("check", "--isolated", "--no-cache", "--select", "BL402", "--format", "json",
                           "--view", "introduced", p).out)
    assert len(found) >= 2 and all("fix" not in f for f in found if "live" not in f["text"])


def _fix_in_child(path: str, go) -> None:
    from billlint.cli import main
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    os.dup2(devnull, 2)
    go.wait()
    os._exit(main(["check", "--fix", "--isolated", "--no-cache", "--select", "BL402", "--jobs", "1", path]))


def test_two_fixes_at_once_never_garble_the_file(tmp_path):
    original = doubled(60).encode()
    p = tmp_path / "b.xml"
    p.write_bytes(original)
    fixing.fix_files(run_batch([str(p)], Settings(isolated=True, select=["BL402"]), jobs=1)[1], False, None,
                     lambda m: None)
    fixed = p.read_bytes()
    assert fixed != original and FIXED.encode() in fixed and b"the the" not in fixed
    ctx = multiprocessing.get_context("fork")
    outcomes = set()
    for _ in range(50):
        p.write_bytes(original)
        go = ctx.Event()
        children = [ctx.Process(target=_fix_in_child, args=(str(p), go)) for _ in range(2)]
        for c in children:
            c.start()
        go.set()
        for c in children:
            c.join(60)
        got = p.read_bytes()
        assert got in (original, fixed), hashlib.sha256(got).hexdigest()
        outcomes.add(got == fixed)
    assert True in outcomes
