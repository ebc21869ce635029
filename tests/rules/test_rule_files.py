"""A rule is found by its code: its module, its declarations and its case file."""

from pathlib import Path

import pytest

from billlint.rules.registry import FAMILIES, SEVERITIES, all_rules

RULES_DIR = Path(__file__).resolve().parents[2] / "billlint" / "rules"


@pytest.mark.parametrize("r", all_rules(), ids=lambda r: r.code)
def test_rule_module_is_named_by_code_and_name(r):
    path = Path(r.path)
    assert path.name == f"{r.code.lower()}_{r.name.replace('-', '_')}.py"
    assert path.parent.parent == RULES_DIR and path.parent.name.startswith(r.code[:3].lower() + "_")
    assert r.family == FAMILIES[r.code[:3]] and r.severity in SEVERITIES and r.reads and r.since
    assert r.fixable == ("fix=" in path.read_text(encoding="utf-8")), "fixable says whether the rule gives fixes"


def test_one_rule_per_module_and_no_long_modules():
    paths = [Path(r.path) for r in all_rules()]
    assert len(set(paths)) == len(paths)
    long = [p.name for p in RULES_DIR.rglob("*.py") if len(p.read_text(encoding="utf-8").splitlines()) > 400]
    assert not long


def test_explain_prints_the_rule_and_case_files(run):
    out = run("explain", "BL204").out
    assert "bl2_references/bl204_non_minimal_reference.py" in out
    assert "tests/rules/cases/BL204.yml" in out and "fixable: yes" in out


def test_a_view_independent_rule_finds_the_same_in_both_views():
    from test_cases import CASE_LIST, document

    from billlint.pipeline import load
    from billlint.pipeline.check import check_loaded
    from billlint.pipeline.options import Options
    from billlint.rules.registry import Selection

    checked = 0
    for p in CASE_LIST:
        code, _name, case = p.values
        r = next(r for r in all_rules() if r.code == code)
        if r.view_dependent or r.check is None:
            continue
        loaded = load.load("t.xml", None, data=document(case).encode(), validate=False)
        views = [[(f.line, f.column, f.message) for f in check_loaded(loaded, Options(Selection([code]), view=v))]
                 for v in ("reported", "introduced")]
        assert views[0] == views[1], (code, _name)
        checked += 1
    assert checked
