"""Fixes applied together: overlapping fixes of one phrase merge; fixes never leave markup broken."""

import json

from helpers import bill

from billlint.model.findings import Fix
from billlint.pipeline.fix import apply_fixes


def _fix(text: str, old: str, new: str, safe: bool = True) -> Fix:
    at = text.index(old)
    return Fix(at, at + len(old), new, safe)


def test_two_fixes_of_one_phrase_merge():
    text = "by adding the following at the end thereof:"
    fixes = [_fix(text, "adding the following at the end", "adding at the end the following"),
             _fix(text, "at the end thereof", "at the end")]
    data, n = apply_fixes(text.encode(), fixes)
    assert data.decode() == "by adding at the end the following:"
    assert n == 2


def test_fixes_that_change_the_same_words_are_not_both_made():
    text = "the rational for"
    data, n = apply_fixes(text.encode(), [Fix(4, 12, "rationale"), Fix(0, 12, "a reason")])
    assert n == 1
    assert data.decode() in ("the rationale for", "a reason for")


def test_two_insertions_at_one_place_make_one():
    text = "ab"
    data, n = apply_fixes(text.encode(), [Fix(1, 1, "x"), Fix(1, 1, "y")])
    assert (data.decode(), n) == ("axb", 1)


def test_wordy_instruction_fixed_in_one_run(tmp_path, run):
    path = tmp_path / "b.xml"
    body = ('<section id="s1"><enum>1.</enum><header>Amendment</header><text>Section 5 of the Example Act is '
            'amended by adding the following at the end thereof:</text></section>')
    path.write_text(bill(body), encoding="utf-8")
    r = run("check", "--no-validate", "--no-cache", "--select", "BL306", "--fix", path)
    assert "adding at the end the following:</text>" in path.read_text(encoding="utf-8"), r.out
    r = run("check", "--no-validate", "--no-cache", "--select", "BL306", path)
    assert r.code == 0, r.out


def test_both_old_forms_in_one_phrase_are_one_finding(tmp_path, run):
    path = tmp_path / "b.xml"
    body = ('<section id="s1"><enum>1.</enum><header>Amendment</header><text>Section 5 of the Example Act is '
            'amended by adding the following at the end thereof:</text></section>')
    path.write_text(bill(body), encoding="utf-8")
    got = json.loads(run("check", "--no-validate", "--no-cache", "--select", "BL306", "--format", "json", path).out)
    assert [f["message"] for f in got] == [
        '"adding the following at the end thereof" -> "adding at the end the following"']
