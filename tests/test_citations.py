"""Citations of other law (BL6xx): the grammar, each rule on a bad and a good fragment, the citation index,
and the `cites` command."""

import json

import pytest
from helpers import bill

from billlint.analysis import citation_index as cidx
from billlint.analysis import citations as cx
from billlint.pipeline import load
from billlint.pipeline.check import check_loaded
from billlint.pipeline.options import Options
from billlint.rules.registry import Selection


def doc_of(text, congress=119):
    body = f'<section id="s2"><enum>2.</enum><header>Citations</header><text>{text}</text></section>'
    data = bill(body).replace("119th CONGRESS", f"{congress}th CONGRESS").encode()
    loaded = load.load("t.xml", None, data=data)
    assert loaded.doc is not None, loaded.problems
    return loaded


def findings(text, rule, congress=119):
    got = check_loaded(doc_of(text, congress), Options(Selection([rule])))
    return [f for f in got if f.code.startswith("BL6")]


def matched(text, f):
    """The fragment's text between a finding's columns (the fragment stands on one line)."""
    line = bill(f'<section id="s2"><enum>2.</enum><header>Citations</header><text>{text}</text></section>')
    line = line.splitlines()[f.line - 1]
    return line[f.column - 1:f.end_column - 1]


@pytest.fixture
def index(monkeypatch):
    """A small index in place of the shipped one: the rules see only these votes."""
    ix = cidx.Index()
    hsa = {"acts": [("homeland security act of 2002", "107-296")], "stat": [("107-296", "116:2135")],
           "code": [("social security act|1902", "42/1396a")]}
    for n in range(4):
        ix.add(f"bill-{n}", hsa)
    ix.add("bill-9", {"acts": [], "stat": [("107-210", "116:933"), ("107-300", "116:2350")], "code": []})
    monkeypatch.setattr(cidx, "default", lambda: ix)
    return ix


# the grammar -------------------------------------------------------------------------------------------

def test_grammar_binds_an_act_to_its_parenthetical():
    text = ("the amendments made by the Homeland Security Act of 2002 (Public Law 107–296; 116 Stat. 2135; "
            "117 Stat. 10) and section 201 of such Act")
    cites = cx.in_run(text)
    act, pl, stat, later = cites
    assert (act.kind, act.name, act.year, act.year_kind) == ("act", "Homeland Security Act of 2002", 2002, "of")
    assert (pl.congress, pl.number, pl.act) == (107, 296, act)
    assert (stat.volume, stat.page, stat.law) == (116, 2135, pl)
    assert later.law is None      # a later Stat. cite may be an amending law's page


def test_grammar_reads_code_cites_in_every_form():
    got = [(c.title, c.section, c.note, c.etseq) for c in cx.in_run(
        "6 U.S.C. 101 et seq.; section 2105 of title 5, United States Code; 42 U.S.C. 1395w–4(a) note; "
        "36 U.S.C. note") if c.kind == cx.USC]
    assert got == [(6, "101", False, True), (5, "2105", False, False), (42, "1395w–4", True, False),
                   (36, "", True, False)]


def test_grammar_ties_a_code_cite_to_the_section_of_the_act():
    cites = cx.in_run("Section 1902(a) of the Social Security Act (42 U.S.C. 1396a(a)) is amended")
    code = [c for c in cites if c.kind == cx.USC][0]
    assert (code.act.key, code.act_section, code.section) == ("social security act", "1902", "1396a")


def test_grammar_leaves_listed_sections_unbound():
    """"section 2004 or section 2008 of the Act (6 U.S.C. 605, 609)": the first Code cite is 2004's."""
    cites = cx.in_run("section 2004(e) or section 2008(a) of the Homeland Security Act of 2002 (6 U.S.C. 605(e))")
    assert [c.act_section for c in cites if c.kind == cx.USC] == [""]


@pytest.mark.parametrize("text", ["such Act (Public Law 107–296)", "this Act (Public Law 107–296)"])
def test_no_act_name_in_such_act(text):
    assert [c for c in cx.in_run(text) if c.kind == cx.ACT] == []


def test_name_starts_after_the():
    acts = [c.name for c in cx.in_run("Notwithstanding the Department of the Interior Appropriations Act, 2010 "
                                      "(Public Law 111–88)") if c.kind == cx.ACT]
    assert acts == ["Department of the Interior Appropriations Act, 2010"]


def test_approved_date_binds_to_the_law_after_it():
    cites = cx.in_run("the Act entitled “An Act to extend”, approved June 9, 2010 (Public Law 111–190; 124 Stat. 1275)")
    approved = [c for c in cites if c.kind == cx.APPROVED][0]
    assert approved.date.isoformat() == "2010-06-09" and approved.law.number == 190


def test_volumes_and_years_of_a_congress():
    assert cx.volumes(107) == (115, 116) and cx.congress_years(107) == (2001, 2002)


# data-free rules -----------------------------------------------------------------------------------------

def test_bl601_hyphen_in_public_law_is_fixed_safely():
    text = "the Act (Public Law 107-296; 116 Stat. 2135)"
    [f] = findings(text, "BL601")
    assert matched(text, f) == "Public Law 107-296" and "hyphen" in f.message
    assert f.fix.replacement == "–" and f.fix.safe
    assert findings("the Act (Public Law 107–296; 116 Stat. 2135)", "BL601") == []


def test_bl601_space_only_is_not_a_safe_fix():
    [f] = findings("the Act (Public Law 107 296)", "BL601")
    assert not f.fix.safe


def test_bl601_struck_text_is_someone_elses():
    assert findings("by striking <quote>Public Law 107-296</quote> and inserting "
                    "<quote>Public Law 107–296</quote>", "BL601") == []


@pytest.mark.parametrize("bad,words", [("42 U.S.C 1395", '"U.S.C" for'), ("42 U.S.C.1395", "no space after"),
                                       ("42 USC 1395", '"USC" for'), ("42U.S.C. 1395", "after the title")])
def test_bl602_usc_format(bad, words):
    text = f"the Act ({bad})"
    [f] = findings(text, "BL602")
    assert matched(text, f) == bad and words in f.message
    assert f.fix.safe


def test_bl602_good_forms_are_silent():
    assert findings("the Act (42 U.S.C. 1395 note; 6 U.S.C. 101 et seq.; 36 U.S.C. note)", "BL602") == []


def test_bl603_space_inside_a_section_number():
    text = "the fee (21 U.S.C. 379j– 12) and 42 U.S.C. 300gg–91"
    [f] = findings(text, "BL603")
    assert matched(text, f) == "379j– 12" and f.fix.replacement == "379j–12"
    assert findings("the fee (21 U.S.C. 379j–12)", "BL603") == []


def test_bl604_displayed_text_disagrees_with_parsable_cite():
    text = ('the Act (<external-xref legal-doc="usc" parsable-cite="usc/42/1395">42 U.S.C. 1396</external-xref>)')
    [f] = findings(text, "BL604")
    assert "usc/42/1395" in f.message and matched(text, f) == "42 U.S.C. 1396"


@pytest.mark.parametrize("good", [
    '<external-xref legal-doc="usc" parsable-cite="usc/5/2302">section 2302(b)</external-xref> of title 5',
    '<external-xref legal-doc="public-law" parsable-cite="pl/107/296">Public Law 107–296</external-xref>',
    '<external-xref legal-doc="usc" parsable-cite="usc/7/5101">7 U.S.C. 5101–5106</external-xref>',
    '<external-xref legal-doc="usc" parsable-cite="usc/26/1400Z">section 1400Z–1</external-xref>'])
def test_bl604_agreeing_markup_is_silent(good):
    assert findings(f"the Act ({good})", "BL604") == []


def test_bl605_stat_volume_outside_the_congress():
    text = "title VI of Public Law 110–432 (112 Stat. 4968)"
    [f] = findings(text, "BL605")
    assert matched(text, f) == "112 Stat. 4968" and "volumes 121 and 122" in f.message
    assert findings("title VI of Public Law 110–432 (122 Stat. 4968)", "BL605") == []
    # only the first Stat. cite after a law: later ones may be amending laws' pages
    assert findings("Public Law 110–432 (122 Stat. 4968; 124 Stat. 10)", "BL605") == []


def test_bl606_act_year_against_the_congress():
    text = "the Homeland Security Act of 2002 (Public Law 109–296)"
    [f] = findings(text, "BL606")
    assert matched(text, f) == "Public Law 109–296" and "names 2002" in f.message
    assert findings("the Homeland Security Act of 2002 (Public Law 107–296)", "BL606") == []
    # an appropriations or fiscal-year name may run one year later
    assert findings("the Consolidated Appropriations Act, 2023 (Public Law 117–328)", "BL606") == []
    assert findings("the National Defense Authorization Act for Fiscal Year 2020 (Public Law 116–92)",
                    "BL606") == []


def test_bl607_approved_date_outside_the_congress():
    text = "the Act approved November 25, 2002 (Public Law 108–296)"
    [f] = findings(text, "BL607")
    assert matched(text, f) == "approved November 25, 2002"
    assert findings("the Act approved November 25, 2002 (Public Law 107–296)", "BL607") == []
    assert findings("the Act approved January 5, 2023 (Public Law 117–362)", "BL607") == []


def test_bl608_law_of_a_later_congress():
    [f] = findings("the Act (Public Law 121–5)", "BL608", congress=118)
    assert "121st Congress" in f.message and "118th" in f.message
    assert findings("the Act (Public Law 118–5)", "BL608", congress=118) == []


# index rules ----------------------------------------------------------------------------------------------

def test_bl611_act_with_another_number(index):
    text = "the Homeland Security Act of 2002 (Public Law 107–196; 116 Stat. 2135)"
    [f] = findings(text, "BL611")
    assert matched(text, f) == "Public Law 107–196" and "Public Law 107–296" in f.message
    assert f.severity == "warning"
    assert findings("the Homeland Security Act of 2002 (Public Law 107–296; 116 Stat. 2135)", "BL611") == []


def test_bl611_needs_a_clear_majority(index):
    index.acts["homeland security act of 2002"]["107-196"] = 3
    assert findings("the Homeland Security Act of 2002 (Public Law 107–196)", "BL611") == []


def test_bl614_tie_is_info(index):
    index.acts["homeland security act of 2002"] = {"107-296": 2, "107-196": 2}
    [f] = findings("the Homeland Security Act of 2002 (Public Law 107–196)", "BL614")
    assert f.severity == "info"


def test_bl612_page_out_of_the_laws_order(index):
    text = "the Act (Public Law 107–196; 116 Stat. 2135)"
    [f] = findings(text, "BL612")
    assert matched(text, f) == "116 Stat. 2135" and "107–296" in f.message
    # a pinpoint inside the law is not a disagreement
    assert findings("the Act (Public Law 107–296; 116 Stat. 2178)", "BL612") == []


def test_bl613_code_section_one_slip_from_the_majority(index):
    text = "Section 1902(a) of the Social Security Act (42 U.S.C. 1395a(a)) is amended"
    [f] = findings(text, "BL613")
    assert "42 U.S.C. 1396a" in f.message
    # far from the majority: a reclassification or another place, not a slip
    assert findings("Section 1902(a) of the Social Security Act (42 U.S.C. 18001(a)) is amended", "BL613") == []


def test_seed_slip_against_the_shipped_index(monkeypatch):
    """The seeds' slip, in a sentence of our own: the shipped index knows the Act's number."""
    monkeypatch.setenv("BILLLINT_NO_USER_INDEX", "1")
    text = "functions under the Homeland Security Act of 2002 (Public Law 107–196; 116 Stat. 2135)"
    [f] = findings(text, "BL611")
    assert "Public Law 107–296" in f.message


def test_index_merge_and_save(tmp_path):
    a, b = cidx.Index(), cidx.Index()
    a.add("x", {"acts": [("a act of 2001", "107-1")], "stat": [], "code": []})
    a.add("x", {"acts": [("a act of 2001", "107-1")], "stat": [], "code": []})     # a bill counts once
    b.add("y", {"acts": [("a act of 2001", "107-1")], "stat": [], "code": []})
    merged = a.merge(b)
    merged.save(tmp_path / "i.json")
    again = cidx.Index.load(tmp_path / "i.json")
    assert again.acts == {"a act of 2001": {"107-1": 2}} and again.bills == {"x", "y"}


def test_shipped_index_is_small():
    path = cidx.shipped_path()
    assert path.stat().st_size < 1_000_000
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["version"] == cidx.VERSION and len(data["acts"]) > 100


def test_cites_command(run, tmp_path):
    f = tmp_path / "b.xml"
    f.write_text(bill('<section id="s2"><enum>2.</enum><header>H</header><text>the Homeland Security Act of '
                      '2002 (Public Law 107-296; 116 Stat. 2135)</text></section>'), encoding="utf-8")
    r = run("cites", "--format", "json", f)
    rows = json.loads(r.out)
    pl = [x for x in rows if x["kind"] == "public-law"][0]
    assert pl["parsed"] == "Public Law 107–296" and pl["of"] == "Homeland Security Act of 2002"
    assert any(c.startswith("BL601") for c in pl["checks"])


def test_cites_index_command(run, tmp_path):
    f = tmp_path / "bills" / "BILLS-118hr5ih.xml"
    f.parent.mkdir()
    f.write_text(bill('<section id="s2"><enum>2.</enum><header>H</header><text>the Zeta Act of 2004 '
                      '(Public Law 108–99; 117 Stat. 1000)</text></section>'), encoding="utf-8")
    out = tmp_path / "idx.json"
    r = run("cites", "index", "-o", out, f.parent)
    assert r.code == 0, r.out
    ix = cidx.Index.load(out)
    assert ix.acts == {"zeta act of 2004": {"108-99": 1}} and ix.stat == {"108-99": {"117:1000": 1}}


def test_bl603_a_spaced_range_is_not_one_number():
    assert findings("the Act (42 U.S.C. 1395 – 1396)", "BL603") == []


def test_name_with_a_number_in_it():
    acts = [c.key for c in cx.in_run("section 101 of the Implementing Recommendations of the 9/11 Commission Act "
                                     "of 2007 (Public Law 110–53)") if c.kind == cx.ACT]
    assert acts == ["implementing recommendations of the 9/11 commission act of 2007"]


def test_bl611_the_bill_against_itself(index):
    """No votes in the index: the bill's own other citations of the Act decide."""
    text = ("the Zeta Act of 2015 (Public Law 114–125), the Zeta Act of 2015 (Public Law 114–125), and the Zeta "
            "Act of 2015 (Public Law 114–25)")
    [f] = findings(text, "BL611")
    assert matched(text, f) == "Public Law 114–25" and "2 times in this bill" in f.message


def test_bl614_the_bill_split_evenly(index):
    text = "the Zeta Act of 2015 (Public Law 114–125) and the Zeta Act of 2015 (Public Law 114–25)"
    got = findings(text, "BL614")
    assert [matched(text, f) for f in got] == ["Public Law 114–125", "Public Law 114–25"]
    assert all(f.severity == "info" for f in got) and findings(text, "BL611") == []


def test_bl605_a_list_of_later_volumes_is_amending_laws_pages():
    assert findings("section 1105 of the Act (Public Law 102–240; 109 Stat. 597; 131 Stat. 797)", "BL605") == []
    [f] = findings("section 1105 of the Act (Public Law 102–240; 109 Stat. 597)", "BL605")
    # an earlier volume than the law's Congress cannot be an amending law's, list or not
    [f] = findings("title VI of Public Law 110–432 (112 Stat. 4968; 124 Stat. 10)", "BL605")
    assert "112 Stat." in f.message


@pytest.mark.parametrize("content", ['{"version": 1, "acts": {"x act of 2001": {"107-1": "many"}}}', "[1, 2]",
                                     "not json"])
def test_a_damaged_user_index_is_left_out(tmp_path, monkeypatch, content):
    bad = tmp_path / "citations.json"
    bad.write_text(content, encoding="utf-8")
    monkeypatch.setattr(cidx, "user_path", lambda: bad)
    monkeypatch.delenv("BILLLINT_NO_USER_INDEX", raising=False)
    cidx._cached.cache_clear()
    [f] = findings("the Homeland Security Act of 2002 (Public Law 107–196)", "BL611")
    assert "107–296" in f.message
    cidx._cached.cache_clear()


def test_odd_values_in_an_index_count_for_nothing(index):
    index.stat["107-250"] = {"x:1": 3}
    index.code["social security act|1902"] = {"forty-two/1396a": 5}
    assert findings("the Act (Public Law 107–196; 116 Stat. 2135)", "BL612")
    assert findings("Section 1902 of the Social Security Act (42 U.S.C. 1395a)", "BL613") == []


@pytest.mark.corpus
def test_shipped_index_is_built_from_the_corpus(tmp_path):
    """rules/citations.json is what scripts/build_cite_index.py makes of ../shared/corpus today."""
    from helpers import SHARED, need_shared
    need_shared()
    built = cidx.build([str(SHARED / "corpus")])
    built.save(tmp_path / "i.json")
    assert (tmp_path / "i.json").read_bytes() == cidx.shipped_path().read_bytes()


def test_a_part_number_after_the_year_is_part_of_the_name():
    acts = [c.key for c in cx.in_run("the Airport and Airway Extension Act of 2011, Part IV (Public Law 112–27)")
            if c.kind == cx.ACT]
    assert acts == ["airport and airway extension act of 2011, part iv"]


@pytest.mark.parametrize("text,key", [
    ("the Secretary in the Bipartisan Budget Act of 2018 (Public Law 115–123)", "bipartisan budget act of 2018"),
    ("the Department of Labor in the Consolidated Appropriations Act, 2016", "consolidated appropriations act, 2016"),
    ("the Department of the Interior and Related Agencies Appropriations Act, 1997",
     "department of the interior and related agencies appropriations act, 1997")])
def test_name_begins_after_a_preposition_and_the(text, key):
    assert [c.key for c in cx.in_run(text) if c.kind == cx.ACT] == [key]


def test_cites_text_puts_each_check_on_its_own_line(run, tmp_path):
    f = tmp_path / "b.xml"
    f.write_text(bill('<section id="s2"><enum>2.</enum><header>H</header><text>the Homeland Security Act of '
                      '2002 (Public Law 107-296; 116 Stat. 2135)</text></section>'), encoding="utf-8")
    lines = run("cites", f).out.splitlines()
    assert any(line.startswith("    BL601") for line in lines)
    assert not any("\\x0a" in line for line in lines)
