"""--view both: a finding in text both views show is reported once."""

import json

from helpers import bill

_BODY = ('<section id="s1"><enum>1.</enum><header>Grants</header><text>The Secretary shall report within '
         '30 days of the date of enactment.</text></section>'
         '<section id="s2" changed="added"><enum>2.</enum><header>Fees</header><text>The Secretary shall '
         'charge a fee within 10 days of the the request.</text></section>')


def _findings(run, path, *args):
    r = run("check", "--no-validate", "--no-cache", "--format", "json", "--exit-zero", *args, path)
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
