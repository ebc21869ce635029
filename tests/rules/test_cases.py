"""Every rule's pass and fail cases, from tests/rules/cases/BLNNN.yml, run by one test.

A case file names its rule and holds named cases (sqlfluff's std_rule_cases shape):

    rule: BL204
    skeleton: references     # tests/rules/skeletons/references.xml; the fragment replaces {fragment}
    fail_subsection_named_from_inside_it:
      fail: report on the plan described in subsection (b)(2);
      finding:
        provision: sec. 2(b)(1)
        message: '"subsection (b)(2)" can be "paragraph (2)" here'
        text: subsection (b)(2)
      fix: report on the plan described in paragraph (2);
    pass_paragraph_from_inside_its_subsection:
      pass: report on the plan described in paragraph (2);

A fail case must give a finding of the rule with that provision, a message holding the words given and
exactly that source text (`text`) between its start and its end; `line`, `column` and `severity`, where
given, must match too (the loader's findings have no end, so their cases give those). Where the rule fixes, `fix` is
the fragment after its fixes are applied (safe or not, as with --unsafe-fixes; `unsafe: true` in the
finding says the fix is not marked safe): the result must be well-formed (and DTD-valid where ../shared
has the DTDs) and the rule silent on it. A pass case must give no finding of the rule.

Other keys, per case or at the top of a file for all its cases: skeleton ("none": the fragment is the
whole file), view, select (more codes to run, for BL009), needs (dtd, nodtd, uslm), file (missing: a path
that does not exist), crash (the check raises, for BL008), xfail (a known bug, with the right result
written down; strict, so fixing the bug must remove the mark), dtd_invalid (a document the DTD rejects,
for a rule that covers documents checked without it; every other BL1xx-BL5xx case must be DTD-valid).
"""

from pathlib import Path

import pytest
import yaml
from helpers import DTD_DIR, SHARED
from lxml import etree

from billlint.pipeline import fix as fixes
from billlint.pipeline import workers as runner  # check_file calls check_loaded there
from billlint.pipeline import load
from billlint.pipeline.options import Settings
from billlint.pipeline.workers import check_file
from billlint.rules.registry import all_rules

HERE = Path(__file__).resolve().parent
CASES = HERE / "cases"
SKELETONS = HERE / "skeletons"
USLM_XSD = SHARED / "corpus" / "uslm"
KEYS = {"fail", "pass", "finding", "fix", "skeleton", "view", "select", "needs", "file", "crash", "xfail", "dtd_invalid"}


def _cases():
    for path in sorted(CASES.glob("BL*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        code = data.pop("rule")
        assert path.stem == code, f"{path.name} holds the cases of {code}"
        # keys at the top of the file are defaults for every case in it
        defaults = {"skeleton": "section", **{k: data.pop(k) for k in list(data) if k in KEYS}}
        for name, case in data.items():
            yield pytest.param(code, name, {**defaults, **case}, id=f"{code}-{name}")


CASE_LIST = list(_cases())


def document(case: dict) -> str:
    fragment = case["fail"] if "fail" in case else case["pass"]
    if case["skeleton"] == "none":
        return fragment
    text = (SKELETONS / f"{case['skeleton']}.xml").read_text(encoding="utf-8")
    return text.replace("{fragment}", fragment.rstrip("\n"))


def matched(source: str, f) -> str:
    """The source text between a finding's start and its end (1-based lines and columns, in characters)."""
    if not f.end_line:
        return ""
    lines = source.splitlines(keepends=True)

    def offset(line, col):
        return sum(len(x) for x in lines[:line - 1]) + col - 1
    return source[offset(f.line, f.column):offset(f.end_line, f.end_column)]


def settings(code: str, case: dict) -> Settings:
    dtd = None
    if DTD_DIR.is_dir():
        dtd = (str(DTD_DIR), str(USLM_XSD)) if "uslm" in case.get("needs", ()) else str(DTD_DIR)
    if "nodtd" in case.get("needs", ()):
        dtd = None
    return Settings(select=[code, *case.get("select", ())], view=case.get("view"), dtd=dtd, isolated=True,
                    use_cache=False)


def run_case(code: str, case: dict, tmp_path, monkeypatch, source: str | None = None):
    for need in case.get("needs", ()):
        if need in ("dtd", "uslm") and not DTD_DIR.is_dir():
            pytest.skip("needs the DTDs in ../shared")
    if case.get("crash"):
        def boom(*_a, **_k):
            raise ValueError("boom")
        monkeypatch.setattr(runner, "check_loaded", boom)
    path = tmp_path / "t.xml"
    if case.get("file") != "missing":
        path.write_bytes((source if source is not None else document(case)).encode("utf-8"))
    return [f for f in check_file(str(path), settings(code, case)) if f.code == code]


@pytest.mark.parametrize("code,name,case", CASE_LIST)
def test_case(code, name, case, tmp_path, monkeypatch, request):
    if "xfail" in case:   # a known bug, written as the right result: the case passes once it is fixed
        request.applymarker(pytest.mark.xfail(reason=case["xfail"], strict=True))
    assert not set(case) - KEYS, f"unknown keys {set(case) - KEYS}"
    assert ("fail" in case) != ("pass" in case), "a case is either fail or pass"
    found = run_case(code, case, tmp_path, monkeypatch)
    if "pass" in case:
        assert not found, [(f.provision, f.message) for f in found]
        return
    source = document(case)
    want = case["finding"]
    got = [(f.provision, f.message, matched(source, f)) for f in found]
    hits = [f for f in found if f.provision == want.get("provision", "") and want["message"] in f.message
            and matched(source, f) == want["text"]
            and (f.line, f.column) == (want.get("line", f.line), want.get("column", f.column))
            and f.severity == want.get("severity", f.severity)]
    assert hits, f"no finding {want}; got {got}"
    if "fix" not in case:
        assert not any(f.fix is not None and f.fix.safe for f in hits), "the rule fixes here: give the fixed fragment"
        return
    safe = not want.get("unsafe", False)
    assert any(f.fix is not None and f.fix.safe == safe for f in hits), f"no {'safe' if safe else 'unsafe'} fix"
    data, n = fixes.apply_fixes(source.encode("utf-8"), [f.fix for f in found if f.fix is not None])
    assert n, "the rule gave no fix"
    fixed_case = {**case, "fail": case["fix"]}
    assert data.decode("utf-8") == document(fixed_case)
    etree.fromstring(data)   # well-formed
    if DTD_DIR.is_dir() and case["skeleton"] != "none":
        loaded = load.load(str(tmp_path / "t.xml"), settings(code, case).finder_for(str(tmp_path / "t.xml")),
                           data=data)
        assert not [p for p in loaded.problems if p.code == "BL002"], loaded.problems
    assert not run_case(code, fixed_case, tmp_path, monkeypatch, source=data.decode("utf-8"))


def test_every_rule_has_a_fail_and_a_pass_case():
    kinds: dict = {}
    for p in CASE_LIST:
        code, _name, case = p.values
        kinds.setdefault(code, set()).add("fail" if "fail" in case else "pass")
    missing = [r.code for r in all_rules() if kinds.get(r.code) != {"fail", "pass"}]
    assert not missing, f"rules without a fail and a pass case in tests/rules/cases: {missing}"


@pytest.mark.parametrize("code,name,case", [p for p in CASE_LIST if not p.values[0].startswith("BL0")])
def test_case_documents_are_dtd_valid(code, name, case, tmp_path, monkeypatch):
    """The bills rules are tested on are bills the DTD accepts, as the bills they will meet are."""
    if not DTD_DIR.is_dir():
        pytest.skip("needs the DTDs in ../shared")
    if case.get("dtd_invalid"):   # what the DTD already rejects, for documents checked without it
        assert run_case("BL002", case, tmp_path, monkeypatch, source=document(case))
        return
    assert not run_case("BL002", case, tmp_path, monkeypatch, source=document(case))
