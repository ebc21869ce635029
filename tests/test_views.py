"""Reported bills: --view both reports a finding once; the Senate's reported seed gives no error."""

import json

from helpers import bill

_BODY = ('<section id="s1"><enum>1.</enum><header>Grants</header><text>The Secretary shall report within '
         '30 days of the date of enactment.</text></section>'
         '<section id="s2" changed="added"><enum>2.</enum><header>Fees</header><text>The Secretary shall '
         'charge a fee within 10 days of the the request.</text></section>')


def _findings(run, path, *args):
    args = args if "--dtd" in args else ("--no-validate", *args)
    r = run("check", "--no-cache", "--format", "json", "--exit-zero", *args, path)
    return json.loads(r.out)


def test_unchanged_text_is_reported_once(tmp_path, run):
    path = tmp_path / "b.xml"
    path.write_text(bill(_BODY, stage="Reported-in-House"), encoding="utf-8")
    found = _findings(run, path, "--view", "both", "--select", "BL406,BL402,BL501")
    s1 = [f for f in found if f["code"] == "BL406" and f["provision"] == "sec. 1"]
    assert len(s1) == 1 and "introduced view" not in s1[0]["message"], found
    # the added section is in the reported view only
    assert [f["message"] for f in found if f["code"] == "BL402"] == ['"the the": the word is doubled']


def test_view_independent_rules_run_once(tmp_path, run):
    path = tmp_path / "b.xml"
    path.write_text(bill(_BODY, stage="Reported-in-House"), encoding="utf-8")
    found = _findings(run, path, "--view", "both", "--select", "BL501")
    assert len(found) == 1 and "introduced view" not in found[0]["message"], found


def test_a_finding_only_the_introduced_view_has_is_marked(tmp_path, run):
    body = ('<section id="s1" changed="deleted"><enum>1.</enum><header>Grants</header><text>The Secretary shall '
            'report to the the Committee.</text></section>')
    path = tmp_path / "b.xml"
    path.write_text(bill(body, stage="Reported-in-House"), encoding="utf-8")
    found = _findings(run, path, "--view", "both", "--select", "BL402")
    assert [f["message"] for f in found] == ['"the the": the word is doubled (introduced view)'], found


def test_senate_reported_seed_has_no_error(tmp_path, run):
    """S. 885 RS (seed 002): the Senate's strike-all and its slc-id give nothing a drafter must act on."""
    from helpers import DTD_DIR, SEEDS, need_shared
    need_shared()
    path = tmp_path / "s885rs.xml"      # the checker reads .xml files; the seed is stored as .txt
    path.write_bytes((SEEDS / "002_13d6b53b233f789c.txt").read_bytes())
    found = _findings(run, path, "--dtd", DTD_DIR)
    assert not [f for f in found if f["severity"] == "error"], found
    assert "BL011" in {f["code"] for f in found}
