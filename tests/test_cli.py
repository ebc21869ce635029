import json
import subprocess
import sys

import pytest
from helpers import SAMPLES

from billlint.rules.registry import Selection, all_rules


def test_text_format_shows_the_line_and_a_caret(run, dtd_dir):
    r = run("check", "--dtd", dtd_dir, SAMPLES / "dtd-invalid.xml")
    assert r.code == 1
    lines = r.out.splitlines()
    assert lines[0].startswith(f"{SAMPLES / 'dtd-invalid.xml'}:16:1: error BL002 [dtd-invalid] No declaration for attribute")
    assert lines[2].startswith('16 | <section id="H1S2" status="draft">')
    assert lines[3] == "   | ^"
    assert r.out.rstrip().endswith("Found 2 findings in 1 file.")
    quiet = run("check", "-q", "--dtd", dtd_dir, SAMPLES / "dtd-invalid.xml")
    assert quiet.code == 1 and quiet.out == r.out[:r.out.index("Found 2 findings")]


def test_concise_and_json(run, dtd_dir):
    r = run("check", "--format", "concise", "--dtd", dtd_dir, SAMPLES / "doctype-mismatch.xml")
    assert r.out == (f"{SAMPLES / 'doctype-mismatch.xml'}:2:1: error BL005 [doctype-mismatch] the DOCTYPE names <bill> "
                     "but the root element is <resolution>; validated against res.dtd\n")
    r = run("check", "--format", "json", "--dtd", dtd_dir, SAMPLES)
    items = json.loads(r.out)
    assert {"path", "line", "column", "code", "name", "severity", "message", "provision"} <= set(items[0])
    assert [i["path"] for i in items] == sorted(i["path"] for i in items)


def test_clean_file_passes(run, dtd_dir):
    r = run("check", "--dtd", dtd_dir, SAMPLES / "clean-bill.xml")
    assert r.code == 0 and "All checks passed" in r.out


@pytest.mark.parametrize("args,expected", [
    (("--select", "BL002"), {"BL002"}),
    (("--select", "dtd-invalid"), {"BL002"}),
    (("--select", "BL0", "--ignore", "BL002"), {"BL001", "BL003", "BL005"}),   # BL003: no USLM schema given
    (("--select", "BL0", "--ignore", "not-well-formed,BL005,BL003"), {"BL002"}),
])
def test_select_and_ignore(run, dtd_dir, args, expected):
    r = run("check", "--format", "json", "--dtd", dtd_dir, *args, SAMPLES)
    assert {f["code"] for f in json.loads(r.out)} == expected


def test_unknown_selector_is_a_usage_error(run):
    r = run("check", "--select", "BL999X", SAMPLES)
    assert r.code == 2 and "unknown rule" in r.err


def test_exit_zero_and_fail_on(run, dtd_dir):
    assert run("check", "--exit-zero", "--dtd", dtd_dir, SAMPLES).code == 0
    assert run("check", "--fail-on", "error", SAMPLES / "clean-bill.xml").code == 0  # only the DTD warning
    assert run("check", SAMPLES / "clean-bill.xml").code == 1


def test_most_specific_selector_wins():
    rules = {r.code: r for r in all_rules()}
    s = Selection(["BL0"], ["BL00"], ["BL002"])
    assert s.enabled(rules["BL002"]) and not s.enabled(rules["BL001"])


def test_rules_and_explain(run):
    r = run("rules")
    assert r.code == 0
    for rule in all_rules():
        assert f"{rule.code}  {rule.name}" in r.out
    r = run("explain", "dtd-not-found")
    assert r.out.startswith("BL003 dtd-not-found (warning; input and schema)")
    assert "billlint dtd install" in r.out
    assert run("explain", "BL004").code == 0
    assert run("explain", "nope").code == 2


def test_every_rule_is_documented():
    for rule in all_rules():
        assert len(rule.doc.splitlines()) >= 3, rule.code
        assert rule.severity in ("error", "warning", "info")


def test_bad_config_key_is_exit_2(run, tmp_path):
    (tmp_path / "billlint.toml").write_text('selekt = ["BL1"]\n')
    (tmp_path / "a.xml").write_text("<bill/>")
    r = run("check", tmp_path / "a.xml")
    assert r.code == 2 and "unknown key 'selekt'" in r.err and "billlint.toml" in r.err


def test_stdin(run, dtd_dir):
    data = (SAMPLES / "dtd-invalid.xml").read_text()
    r = run("check", "--format", "json", "--dtd", dtd_dir, "-", "--stdin-filename", "draft.xml", input=data)
    items = json.loads(r.out)
    assert {i["path"] for i in items} == {"draft.xml"} and len(items) == 2


def test_python_dash_m_from_any_folder(tmp_path, dtd_dir):
    r = subprocess.run([sys.executable, "-m", "billlint", "check", "--format", "concise", "--dtd", str(dtd_dir),
                        str(SAMPLES / "doctype-mismatch.xml")], cwd=tmp_path, capture_output=True, text=True)
    assert r.returncode == 1 and "BL005" in r.stdout
