"""Hostile and broken input: bounded time and memory, a one-line finding, and the rest of the batch checked.

Limits billlint inherits from libxml2 (huge_tree off): no text node over 10,000,000 bytes, no nesting
deeper than 256 elements, entity amplification capped; billlint adds: no external entity, no network,
no XInclude, no DTD from the DOCTYPE.
"""

import hashlib
import http.server
import json
import os
import subprocess
import sys
import threading
import time

import pytest
from helpers import SAMPLES, bill

GOOD = bill('<section id="s1"><enum>1.</enum><header>Fine</header><text>Fine.</text></section>')


def check(run, *paths, extra=()):
    r = run("check", "--format", "json", "--isolated", "--no-cache", "--select", "BL0", "--ignore", "BL003",
            *extra, *paths)
    return r, {os.path.basename(f["path"]): f for f in json.loads(r.out)}


@pytest.fixture
def server():
    """A loopback HTTP server that records every request it gets."""
    hits = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            hits.append(self.path)
            self.send_response(200)
            self.end_headers()
            self.wfile.write(b"<!ENTITY leak 'LEAKED'>")

        def log_message(self, *a):
            pass

    srv = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    t = threading.Thread(target=srv.serve_forever, daemon=True)
    t.start()
    yield srv.server_address[1], hits
    srv.shutdown()


def test_no_request_ever_leaves(run, tmp_path, server):
    port, hits = server
    url = f"http://127.0.0.1:{port}"
    cases = {
        "xxe-http.xml": f'<?xml version="1.0"?><!DOCTYPE bill [<!ENTITY x SYSTEM "{url}/x">]><bill>&x;</bill>',
        "param.xml": f'<?xml version="1.0"?><!DOCTYPE bill [<!ENTITY % p SYSTEM "{url}/p.dtd"> %p;]><bill>&leak;</bill>',
        "remote-dtd.xml": f'<?xml version="1.0"?><!DOCTYPE bill SYSTEM "{url}/bill.dtd"><bill/>',
        "xinclude.xml": f'<?xml version="1.0"?><bill xmlns:xi="http://www.w3.org/2001/XInclude">'
                        f'<xi:include href="{url}/inc.xml"/></bill>',
    }
    for name, text in cases.items():
        (tmp_path / name).write_text(text)
    (tmp_path / "good.xml").write_text(GOOD)
    r, by = check(run, tmp_path)
    time.sleep(0.2)
    assert hits == []
    assert "LEAKED" not in r.out
    assert by["xxe-http.xml"]["code"] == "BL004"
    assert "good.xml" not in by


def test_file_entities_are_not_read(run, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRET")
    (tmp_path / "p.xml").write_text(f'<?xml version="1.0"?><!DOCTYPE bill [<!ENTITY % p SYSTEM "{secret.as_uri()}">'
                                    f'<!ENTITY x SYSTEM "{secret.as_uri()}"> %p;]><bill>&x;</bill>')
    r, by = check(run, tmp_path / "p.xml")
    assert "TOPSECRET" not in r.out and by["p.xml"]["code"] in ("BL001", "BL004")


@pytest.mark.parametrize("name,make,code", [
    ("laughs.xml", lambda: '<?xml version="1.0"?><!DOCTYPE bill [<!ENTITY a "' + "x" * 10 + '">' + "".join(
        f'<!ENTITY {c} "{("&" + p + ";") * 10}">' for p, c in zip("abcdefghi", "bcdefghij")) + ']><bill>&j;</bill>',
     "BL004"),
    ("quadratic.xml", lambda: '<?xml version="1.0"?><!DOCTYPE bill [<!ENTITY a "' + "x" * 50000 + '">]><bill>'
     + "&a;" * 50000 + "</bill>", "BL004"),
    ("deep.xml", lambda: "<bill>" + "<section>" * 100000 + "</section>" * 100000 + "</bill>", "BL001"),
    ("bigtext.xml", lambda: "<bill><legis-body><section><text>" + "word " * 10_000_000 + "</text></section>"
     "</legis-body></bill>", "BL001"),
])
def test_bombs_end_fast_with_one_finding(run, tmp_path, name, make, code):
    (tmp_path / name).write_text(make())
    (tmp_path / "good.xml").write_text(GOOD)
    started = time.monotonic()
    r, by = check(run, tmp_path)
    assert time.monotonic() - started < 30
    assert by[name]["code"] == code and "\n" not in by[name]["message"]
    assert "good.xml" not in by and r.code == 1


def test_every_prefix_of_a_small_bill(run, tmp_path):
    data = (SAMPLES / "clean-bill.xml").read_bytes()
    folder = tmp_path / "prefixes"
    folder.mkdir()
    for n in range(0, len(data), 97):
        (folder / f"p{n:05d}.xml").write_bytes(data[:n])
    r = run("check", "--format", "json", "--isolated", "--no-cache", "--jobs", "1", "--exit-zero", folder)
    found = json.loads(r.out)
    files = {os.path.basename(f["path"]) for f in found}
    assert len(files) == len(list(folder.iterdir()))   # each truncated file reported
    assert not any(f["code"] == "BL008" for f in found)  # and none crashed billlint


@pytest.mark.parametrize("name,data,code", [
    ("bad-utf8.xml", GOOD.encode().replace(b"Fine.</text>", b"Fin\xff\xfe.</text>"), "BL001"),
    ("utf16-bom.xml", GOOD.replace('encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16"), None),
    ("utf16-nobom.xml", GOOD.replace('encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16-le"), None),  # detected
    ("nul.xml", GOOD.encode().replace(b"Fine.</text>", b"Fi\x00ne.</text>"), "BL001"),
    ("-x.xml", GOOD.encode(), None),
    ("naïve name.xml", GOOD.encode(), None),
])
def test_broken_and_odd_files(run, tmp_path, name, data, code):
    (tmp_path / name).write_bytes(data)
    r, by = check(run, "--", str(tmp_path / name)) if name.startswith("-") else check(run, tmp_path / name)
    if code is None:
        assert name not in by, by
    else:
        assert by[name]["code"] == code


def test_symlink_loop_and_unreadable_file(run, tmp_path):
    (tmp_path / "a").mkdir()
    os.symlink(tmp_path / "a", tmp_path / "a" / "loop")
    (tmp_path / "a" / "good.xml").write_text(GOOD)
    locked = tmp_path / "a" / "locked.xml"
    locked.write_text(GOOD)
    locked.chmod(0)
    r, by = check(run, tmp_path / "a")
    locked.chmod(0o644)
    if os.geteuid() != 0:  # root reads anything
        assert by["locked.xml"]["code"] == "BL006"
    assert "good.xml" not in by and r.code in (0, 1)


def test_a_file_that_vanishes_during_the_run(tmp_path):
    from billlint.pipeline.options import Settings
    from billlint.pipeline.workers import run as run_batch
    (tmp_path / "gone.xml").write_text(GOOD)
    (tmp_path / "kept.xml").write_text(GOOD)
    settings = Settings(isolated=True, select=["BL0"], ignore=["BL003"])
    files = sorted(str(p) for p in tmp_path.iterdir())
    os.unlink(tmp_path / "gone.xml")          # listed by the user, gone by the time it is read
    _, found = run_batch(files, settings, jobs=1)
    assert [(os.path.basename(f.path), f.code) for f in found] == [("gone.xml", "BL006")]


def digest(folder):
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir()) if p.is_file()}


def test_no_command_changes_an_input(run, tmp_path, dtd_dir):
    for p in SAMPLES.glob("*.xml"):
        (tmp_path / p.name).write_bytes(p.read_bytes())
    before = digest(tmp_path)
    for args in (["check", "--no-cache", tmp_path], ["check", "--fix", "--diff", "--no-cache", tmp_path],
                 ["refs", tmp_path / "structure-and-references.xml"],
                 ["amendments", tmp_path / "drafting-slips.xml"], ["changes", tmp_path / "reported-bill.xml"],
                 ["diff", tmp_path / "clean-bill.xml", tmp_path / "reported-bill.xml"],
                 ["check", "--dtd", dtd_dir, "--format", "sarif", tmp_path]):
        run(*args)
        assert digest(tmp_path) == before, args


def test_a_crash_mid_write_leaves_the_original(tmp_path, monkeypatch):
    from billlint.pipeline import fix
    p = tmp_path / "b.xml"
    p.write_bytes(b"original")
    real = os.replace

    def boom(*a, **k):
        raise OSError("disk full")
    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(OSError):
        fix.write_atomic(str(p), b"new contents")
    monkeypatch.setattr(os, "replace", real)
    assert p.read_bytes() == b"original"
    assert [x.name for x in tmp_path.iterdir()] == ["b.xml"]  # no temporary file left behind


def test_two_processes_share_one_cache(tmp_path):
    folder = tmp_path / "bills"
    folder.mkdir()
    for i in range(12):
        (folder / f"b{i}.xml").write_text(GOOD.replace("Fine.", f"Fine {i} the the."))
    cmd = [sys.executable, "-m", "billlint", "check", "--format", "json", "--isolated", "--exit-zero",
           "--cache-dir", str(tmp_path / "cache"), str(folder)]
    procs = [subprocess.Popen(cmd, stdout=subprocess.PIPE) for _ in range(2)]
    outs = [json.loads(p.communicate()[0]) for p in procs]
    alone = json.loads(subprocess.run(cmd[:-3] + ["--no-cache", str(folder)], capture_output=True).stdout)
    assert outs[0] == outs[1] == alone and len(alone) > 12
    # a corrupt cache entry is ignored and rebuilt
    entry = next((tmp_path / "cache").rglob("*.json"))
    entry.write_text("{not json")
    again = json.loads(subprocess.run(cmd, capture_output=True).stdout)
    assert again == alone


def test_a_200_mb_file_is_not_read(run, tmp_path):
    big = tmp_path / "huge.xml"
    with open(big, "wb") as f:      # sparse: 200 MB on paper, nothing on disk
        f.truncate(200_000_000)
    (tmp_path / "good.xml").write_text(GOOD)
    started = time.monotonic()
    r, by = check(run, tmp_path)
    assert time.monotonic() - started < 10
    assert by["huge.xml"]["code"] == "BL006" and "limit of 100 MB" in by["huge.xml"]["message"]
    assert "good.xml" not in by


def test_a_file_that_cannot_be_read(run, tmp_path, monkeypatch):
    """chmod cannot lock root out, so the denial is simulated where billlint reads."""
    from billlint.pipeline import load as loader
    (tmp_path / "locked.xml").write_text(GOOD)
    (tmp_path / "good.xml").write_text(GOOD)
    real = loader.read

    def deny(path):
        if path.endswith("locked.xml"):
            raise PermissionError(13, "Permission denied")
        return real(path)
    monkeypatch.setattr(loader, "read", deny)
    r, by = check(run, tmp_path)
    assert by["locked.xml"]["code"] == "BL006" and by["locked.xml"]["message"] == "cannot read: Permission denied"
    assert "good.xml" not in by
