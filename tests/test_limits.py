"""Hostile input and bad luck (issue 17): every case runs billlint in a subprocess under a memory cap (RLIMIT_AS)
and a time cap, and must end with a one-line finding or a one-line exit-2 message, never a traceback, with the
rest of its batch reported. The cases are generated here, small, each aimed at one bound.

The caps are bounds, not benchmarks (bench/ measures speed): CPU time is what is capped, since wall time on a
shared machine says little; a case that hangs (a FIFO read) is caught by the wall-clock timeout.
"""

import json
import os
import resource
import subprocess
import sys

import pytest
from helpers import bill

MB = 1 << 20
CPU_SECONDS = 2.0
MEMORY = 200 * MB
HANG = 30      # wall-clock seconds: only a hang comes near this

GOOD = bill('<section id="s1"><enum>1.</enum><header>Fine</header><text>Fine.</text></section>', doctype=False)


class Ran:
    def __init__(self, code, out, err, cpu):
        self.code, self.out, self.err, self.cpu = code, out, err, cpu

    @property
    def found(self) -> list:
        return json.loads(self.out)

    def one_line_error(self) -> str:
        lines = self.err.decode("utf-8", "backslashreplace").strip().splitlines()
        assert self.code == 2 and len(lines) == 1 and "Traceback" not in lines[0], (self.code, lines)
        return lines[0]


def bounded(*args, stdin=None, cwd=None, env=None, memory=MEMORY) -> Ran:
    """billlint in a child process with its address space capped; the CPU time it used is measured."""
    def limit():
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
        resource.setrlimit(resource.RLIMIT_CPU, (int(CPU_SECONDS) + 3, int(CPU_SECONDS) + 4))
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    p = subprocess.run([sys.executable, "-m", "billlint", *[os.fsdecode(a) for a in args]], stdin=stdin, cwd=cwd,
                       capture_output=True, timeout=HANG, preexec_fn=limit, env={**os.environ, **(env or {})})
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    assert b"Traceback" not in p.stderr, p.stderr.decode(errors="replace")[-2000:]
    assert b"MemoryError" not in p.stdout + p.stderr
    assert cpu <= CPU_SECONDS, f"{cpu:.2f} s of CPU"
    return Ran(p.returncode, p.stdout, p.stderr, cpu)


def check(*args, **kw) -> Ran:
    return bounded("check", "--format", "json", "--isolated", *args, **kw)


def codes(ran: Ran) -> dict:
    """file name -> codes of its findings (BL003, the missing DTD, aside)."""
    out: dict = {}
    for f in ran.found:
        if f["code"] != "BL003":
            out.setdefault(os.path.basename(f["path"]), []).append(f["code"])
    return out


def section(body: str, n: int = 1) -> str:
    return f'<section id="s{n}"><enum>{n}.</enum><header>H</header>{body}</section>'


def redesignation(new: str) -> str:
    return bill(section(
        '<subsection id="a"><enum>(a)</enum><header>In general</header><text>Section 5 of the Act is amended—'
        '</text><paragraph id="p1"><enum>(1)</enum><text>by redesignating section 9 as section ' + new +
        '; and</text></paragraph><paragraph id="p2"><enum>(2)</enum><text>by inserting after section 8 the '
        'following:</text><quoted-block id="q" style="OLC"><section id="q9"><enum>9.</enum><header>New</header>'
        '<text>New text.</text></section><after-quoted-block>.</after-quoted-block></quoted-block></paragraph>'
        '</subsection>'), doctype=False)


# --- bounds in the analysis -------------------------------------------------------------------------------

@pytest.mark.parametrize("number", ["100000000", "100000000000000000000"])
def test_a_number_in_a_redesignation_costs_no_memory(tmp_path, number):
    (tmp_path / "big.xml").write_text(redesignation(number))
    (tmp_path / "good.xml").write_text(GOOD)
    ran = check("--no-cache", "--select", "BL303", tmp_path)
    [f] = ran.found
    assert f["path"].endswith("big.xml") and "longer than any list of units" in f["message"]
    assert f["text"].startswith("redesignating section 9 as section " + number)


def test_a_short_redesignation_is_still_checked(tmp_path):
    (tmp_path / "b.xml").write_text(redesignation("10"))
    ran = check("--no-cache", "--select", "BL303", tmp_path)
    assert ran.found == [] and ran.code == 0


def test_a_reference_in_a_bill_without_designated_sections(tmp_path):
    (tmp_path / "b.xml").write_text("<bill><legis-body><section><text>as provided in section 5.</text></section>"
                                    "</legis-body></bill>")
    ran = check("--no-cache", tmp_path / "b.xml")
    assert "BL008" not in codes(ran).get("b.xml", [])
    listed = bounded("refs", "--format", "json", tmp_path / "b.xml")
    assert listed.code == 0 and [r["text"] for r in json.loads(listed.out)] == ["section 5"]


def test_many_findings_in_one_text_node(tmp_path):
    # 10,000 doubled words in one <text> of 100 KB, with a multibyte character at the end
    (tmp_path / "w.xml").write_text(bill(section("<text>" + "word " * 20_000 + "end — here.</text>"),
                                         doctype=False))
    ran = bounded("check", "--format", "text", "--isolated", "--no-cache", "--select", "BL402", tmp_path / "w.xml")
    lines = ran.out.decode().splitlines()
    assert sum(" BL402 " in x for x in lines) == 10_000 and ran.code == 1
    # and the positions are right: the last finding's column counts characters
    concise = bounded("check", "--format", "json", "--isolated", "--no-cache", "--select", "BL402", tmp_path / "w.xml")
    last = concise.found[-1]
    assert last["text"] == "word word" and last["end_column"] - last["column"] == 9


def test_many_dtd_errors_on_one_line(tmp_path, dtd_dir):
    attrs = " ".join(f'a{i}="x"' for i in range(20_000))
    (tmp_path / "a.xml").write_text(bill(f'<section id="s1" {attrs}><enum>1.</enum><header>H</header>'
                                         "<text>x.</text></section>", doctype=False))
    ran = check("--no-cache", "--dtd", dtd_dir, "--select", "BL002", tmp_path / "a.xml")
    assert len(ran.found) >= 20_000 and all("\n" not in f["message"] for f in ran.found)


def test_many_suppressions(tmp_path):
    body = "".join(f'<?billlint disable BL402 -- kept?>{section("<text>the the end.</text>", n)}'
                   for n in range(1, 5_001))
    (tmp_path / "s.xml").write_text(bill(body, doctype=False).replace("\n", ""))   # one line
    ran = check("--no-cache", "--select", "BL402,BL009", tmp_path / "s.xml")
    assert ran.found == [] and ran.code == 0


def test_a_suppression_that_hides_nothing_among_many(tmp_path):
    body = "".join(f'<?billlint disable BL402?>{section("<text>the " + ("the " if n % 2 else "") + "end.</text>", n)}'
                   for n in range(1, 201))
    (tmp_path / "s.xml").write_text(bill(body, doctype=False))
    found = check("--no-cache", "--select", "BL402,BL009", tmp_path / "s.xml").found
    assert [f["code"] for f in found] == ["BL009"] * 100


# --- what billlint reads -----------------------------------------------------------------------------------

def test_a_fifo_is_not_read(tmp_path):
    os.mkfifo(tmp_path / "pipe.xml")
    (tmp_path / "good.xml").write_text(GOOD)
    named = check("--no-cache", tmp_path / "pipe.xml", tmp_path / "good.xml")
    assert codes(named) == {"pipe.xml": ["BL006"]}
    assert [f["message"] for f in named.found if f["code"] == "BL006"] == [
        "is a FIFO (named pipe), not a regular file; not read"]
    searched = check(tmp_path)        # in a folder it is passed over; with the cache on too
    assert codes(searched) == {} and searched.code in (0, 1)


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom", "/dev/null"])
@pytest.mark.parametrize("fmt", ["json", "text"])
def test_a_device_is_not_read(tmp_path, device, fmt):
    (tmp_path / "good.xml").write_text(GOOD)
    ran = bounded("check", "--format", fmt, "--isolated", device, tmp_path / "good.xml")
    out = ran.out.decode()
    if fmt == "json":
        assert codes(ran) == {os.path.basename(device): ["BL006"]}
    else:
        assert f"{device}:1:1: error BL006 [unreadable] is a character device, not a regular file; not read" in out
    assert ran.code == 1


@pytest.mark.parametrize("cache", [[], ["--no-cache"]])
@pytest.mark.parametrize("fmt", ["json", "text"])
def test_the_size_limit_comes_before_any_read(tmp_path, cache, fmt):
    with open(tmp_path / "huge.xml", "wb") as f:      # sparse: 300 MB on paper, more than the memory cap
        f.truncate(300_000_000)
    (tmp_path / "good.xml").write_text(GOOD)
    ran = bounded("check", "--format", fmt, "--isolated", *cache, tmp_path)
    assert "over billlint's limit of 100 MB" in ran.out.decode() and ran.code == 1


def test_endless_standard_input(tmp_path):
    with open("/dev/zero", "rb") as zero:
        ran = check("-", stdin=zero)
    assert [(f["path"], f["code"]) for f in ran.found] == [("-", "BL006")]


def test_a_config_that_extends_a_device(tmp_path):
    (tmp_path / "billlint.toml").write_text('extend = "/dev/zero"\n')
    (tmp_path / "b.xml").write_text(GOOD)
    line = bounded("check", tmp_path / "b.xml").one_line_error()
    assert "/dev/zero" in line and "not a regular file" in line


# --- environment errors: one line, exit 2, the report still written -----------------------------------------

def test_a_report_into_a_missing_folder(tmp_path):
    (tmp_path / "b.xml").write_text(GOOD)
    line = check("-o", tmp_path / "no" / "r.json", tmp_path / "b.xml").one_line_error()
    assert "No such file or directory" in line


def test_a_baseline_into_a_missing_folder_still_reports(tmp_path):
    (tmp_path / "b.xml").write_text(GOOD.replace("Fine.</text>", "the the end.</text>"))
    ran = check("--no-cache", "--write-baseline", tmp_path / "no" / "b.json", tmp_path / "b.xml")
    assert "cannot write the baseline" in ran.one_line_error()
    assert "BL402" in codes(ran)["b.xml"]


def test_a_full_device(tmp_path):
    (tmp_path / "b.xml").write_text(GOOD)
    assert "No space left on device" in check("-o", "/dev/full", tmp_path / "b.xml").one_line_error()
    with open("/dev/full", "w") as full:
        p = subprocess.run([sys.executable, "-m", "billlint", "check", "--isolated", str(tmp_path / "b.xml")],
                           stdout=full, stderr=subprocess.PIPE, timeout=HANG)
    lines = p.stderr.decode().strip().splitlines()
    assert p.returncode == 2 and len(lines) == 1 and "No space left on device" in lines[0], lines


NAMES = [b"bad\xff\xfe.xml", b"esc\x1b[2J.xml", b"bell\x07.xml", b"new\nline.xml", b"tab\tname.xml"]


@pytest.mark.parametrize("fmt", ["text", "concise", "json", "sarif", "github", "junit"])
@pytest.mark.parametrize("to_file", [False, True])
def test_file_names_that_are_not_text(tmp_path, fmt, to_file):
    folder = os.fsencode(tmp_path / "in")
    os.mkdir(folder)
    for name in NAMES:
        with open(os.path.join(folder, name), "wb") as f:
            f.write(GOOD.replace("Fine.</text>", "the the end.</text>").encode())
    out = os.fsencode(tmp_path / "report")
    args = ["check", "--isolated", "--no-cache", "--format", fmt] + (["-o", out] if to_file else []) + [folder]
    ran = bounded(*args, env={"PYTHONIOENCODING": "utf-8:strict", "LC_ALL": "C.UTF-8"})
    assert ran.code == 1, ran.err
    text = open(out, "rb").read() if to_file else ran.out
    shown = text.decode("utf-8")          # valid UTF-8 whatever the names
    assert "\x1b" not in shown and "\x07" not in shown
    if fmt in ("text", "concise"):
        finding_lines = [x for x in shown.splitlines() if " BL402 " in x]
        assert len(finding_lines) == len(NAMES)           # one finding, one line
        assert any("bad\\xff\\xfe.xml" in x for x in finding_lines)
        assert any("new\\x0aline.xml" in x for x in finding_lines)
    if fmt == "json":
        paths = {os.fsencode(f["path"]) for f in json.loads(shown)}
        assert {os.path.basename(p) for p in paths} == set(NAMES)    # the names come back exactly
    if fmt == "sarif":
        uris = [r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                for r in json.loads(shown)["runs"][0]["results"]]
        assert any(u.endswith("bad%FF%FE.xml") for u in uris) and any(u.endswith("new%0Aline.xml") for u in uris)
        assert all(" " not in u and "\x1b" not in u for u in uris)
    if fmt == "junit":
        from lxml import etree
        assert len(etree.fromstring(text).findall(".//testcase")) == len(NAMES)


# --- forged output ------------------------------------------------------------------------------------------

def test_text_output_cannot_be_forged(tmp_path, dtd_dir):
    """Newlines where the XML allows them -- a PI, an entity's system literal, an attribute value written &#10;
    (which libxml2 quotes in its message) -- never start a line of their own in text or concise output."""
    forged = "\n::error file=x.xml,line=1::forged\nx.xml:1:1: BL001 [not-well-formed] forged"
    (tmp_path / "f.xml").write_text(
        f'<?xml version="1.0"?><!DOCTYPE bill [<!ENTITY x SYSTEM "http://e.invalid/{forged}">]>'
        f'<bill><legis-body>{section("<text>the the end.</text>")}<?billlint disable BL999{forged}?>'
        f'<section id="s2" section-type="{forged.replace(chr(10), "&#10;")}"><enum>2.</enum><header>H</header>'
        f'<text>x.</text></section></legis-body></bill>')
    n = len(check("--no-cache", "--dtd", dtd_dir, tmp_path / "f.xml").found)
    assert n >= 4
    for fmt in ("text", "concise"):
        ran = bounded("check", "--format", fmt, "--isolated", "--no-cache", "--dtd", dtd_dir, tmp_path / "f.xml")
        lines = ran.out.decode().splitlines()
        assert not [x for x in lines if x.startswith(("::error", "x.xml"))], lines
        assert sum(x.startswith(str(tmp_path)) for x in lines) == n


# --- the cache trusts nothing -------------------------------------------------------------------------------

@pytest.mark.parametrize("entry", ["{}", "[]", '{"format": 2}', "null", "{not json"])
def test_a_broken_cache_entry_is_a_miss(tmp_path, entry):
    (tmp_path / "b.xml").write_text(GOOD.replace("Fine.</text>", "the the end.</text>"))
    cache = tmp_path / "cache"
    first = check("--cache-dir", cache, tmp_path / "b.xml")
    [path] = [p for p in cache.rglob("*.json")]
    path.write_text(entry)
    again = check("--cache-dir", cache, tmp_path / "b.xml")
    assert again.found == first.found and again.code == 1


def test_a_cache_entry_with_a_bad_severity_or_sum_is_a_miss(tmp_path):
    (tmp_path / "b.xml").write_text(GOOD.replace("Fine.</text>", "the the end.</text>"))
    cache = tmp_path / "cache"
    first = check("--cache-dir", cache, tmp_path / "b.xml")
    [path] = [p for p in cache.rglob("*.json")]
    entry = json.loads(path.read_text())
    entry["findings"][0]["severity"] = "fatal"
    path.write_text(json.dumps(entry))
    assert check("--cache-dir", cache, tmp_path / "b.xml").found == first.found
    entry["findings"] = []                       # hides everything, but the checksum says otherwise
    path.write_text(json.dumps(entry))
    assert check("--cache-dir", cache, tmp_path / "b.xml").found == first.found


# --- the batch goes on --------------------------------------------------------------------------------------

def test_the_rest_of_a_hostile_batch_is_reported(tmp_path):
    os.mkfifo(tmp_path / "pipe.xml")
    (tmp_path / "big.xml").write_text(redesignation("100000000000"))
    (tmp_path / "empty.xml").write_text("")
    (tmp_path / "bad.xml").write_text("<bill><legis-body></bill>")
    (tmp_path / "dup.xml").write_text(GOOD.replace("Fine.</text>", "the the end.</text>"))
    ran = check("--no-cache", tmp_path, "/dev/zero")
    got = codes(ran)
    assert got["zero"] == ["BL006"] and "BL402" in got["dup.xml"] and got["bad.xml"] == ["BL001"]
    assert got["empty.xml"] == ["BL001"] and "BL303" in got["big.xml"] and "pipe.xml" not in got
    assert not any("BL008" in v for v in got.values())


def test_the_markdown_change_report_shows_html_as_text(tmp_path):
    (tmp_path / "r.xml").write_text(bill(
        '<section id="s1"><enum>1.</enum><header>&lt;b&gt;Reports&lt;/b&gt;</header><text>The Secretary shall '
        '<deleted-phrase reported-display-style="strikethrough" committee-id="HJU00">&lt;script&gt;x()'
        '&lt;/script&gt; </deleted-phrase><added-phrase reported-display-style="italic" committee-id="HJU00">'
        '&lt;img src=x onerror=alert(1)&gt; </added-phrase>report.</text></section>',
        stage="Reported-in-House", doctype=False))
    ran = bounded("changes", "--format", "markdown", tmp_path / "r.xml")
    out = ran.out.decode()
    assert ran.code == 0 and "script" in out and "onerror" in out
    assert "<script" not in out and "<img" not in out and "<b>" not in out
