"""USLM: validated with xmlschema, read onto the same model, the same findings as the bill-DTD version."""

import json

import pytest

from helpers import SAMPLES, SHARED, need_shared

from billlint.analysis import changes
from billlint.pipeline import load
from billlint.rules.registry import Selection
from billlint.pipeline.check import check_loaded
from billlint.pipeline.options import Options, Settings
from billlint.pipeline.workers import run

USLM = SHARED / "corpus" / "uslm"
SAMPLES_USLM = USLM / "bill-version-samples-september-2024"


def test_every_uslm_sample_validates_and_is_checked(dtd_dir):
    need_shared()
    files = sorted(str(p) for p in SAMPLES_USLM.iterdir() if p.suffix.lower() == ".xml")
    assert len(files) == 75
    settings = Settings(dtd=(str(dtd_dir), str(USLM)), cache_dir=None)
    _, found = run(files, settings, jobs=2)
    assert not [f for f in found if f.code in ("BL001", "BL003", "BL007", "BL008")], found[:3]
    assert not [f for f in found if f.code == "BL010"]   # all 75 conform to uslm-2.1.0.xsd


def test_schema_errors_are_findings_with_lines(run, tmp_path):
    need_shared()
    bad = (SAMPLES / "uslm-bill.xml").read_text().replace("<heading>TERMINATION.</heading>",
                                                          "<heading>TERMINATION.</heading><bogus/>")
    p = tmp_path / "bad.xml"
    p.write_text(bad)
    got = json.loads(run("check", "--format", "json", "--select", "BL010", "--dtd", USLM, p).out)
    assert got and got[0]["code"] == "BL010" and got[0]["line"] == bad[:bad.index("<bogus/>")].count("\n") + 1


def test_same_bill_in_both_formats_gives_the_same_paths_and_findings():
    dtd = load.load(str(SAMPLES / "structure-and-references.xml"), None).doc
    uslm = load.load(str(SAMPLES / "uslm-bill.xml"), None).doc
    assert uslm.format == "uslm" and uslm.kind == "bill"
    assert [p.path for p in uslm.provisions] == [p.path for p in dtd.provisions]
    opts = Options(Selection(["BL1", "BL2", "BL3", "BL4", "BL5"]))

    def found(doc):
        return [(f.code, f.provision, f.message) for f in check_loaded(load.Loaded(doc.path, doc=doc), opts)]
    assert found(uslm) == found(dtd) and len(found(dtd)) == 5


def test_changes_on_a_uslm_bill():
    need_shared()
    doc = load.load(str(SAMPLES_USLM / "BILLS-110s2062ris.xml"), None).doc
    rep = changes.report(doc)
    assert rep.changes and "SLIA00" in {c.committee for c in rep.changes}
    modified = [c for c in rep.changes if c.change == "modified" and any(op != "=" for op, _ in c.diff)]
    assert modified and {op for op, _ in modified[0].diff} >= {"-", "+"}


def test_dtd_install_takes_the_uslm_schemas_too(run, tmp_path, dtd_dir):
    need_shared()
    import shutil
    src = tmp_path / "src"
    shutil.copytree(dtd_dir, src, ignore=shutil.ignore_patterns("variants"))
    for p in USLM.glob("*.xsd"):
        shutil.copy(p, src / p.name)
    assert run("dtd", "install", src).code == 0
    bad = (SAMPLES / "uslm-bill.xml").read_text().replace("<heading>TERMINATION.</heading>",
                                                          "<heading>TERMINATION.</heading><bogus/>")
    (tmp_path / "bad.xml").write_text(bad)
    got = json.loads(run("check", "--format", "json", "--select", "BL0", tmp_path / "bad.xml").out)
    assert [f["code"] for f in got] == ["BL010"]   # found in the user cache, no --dtd


# USLM structures, USLM 1.0 and the schema lookup (issue 21) ------------------------------------------------

U2 = "http://schemas.gpo.gov/xml/uslm"
U1 = "http://xml.house.gov/schemas/uslm/1.0"


def uslm_bill(body: str, ns: str = U2, schema: str = "uslm-2.1.0.xsd", root: str = "bill") -> str:
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<{root} xmlns="{ns}" '
            f'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="{ns} {schema}">\n'
            f"<main>\n{body}\n</main>\n</{root}>\n")


def findings(tmp_path, text: str, name: str = "b.xml", select=("BL1", "BL2", "BL3", "BL4", "BL5")):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    loaded = load.load(str(p), None)
    return [(f.code, f.provision, f.message) for f in check_loaded(loaded, Options(Selection(list(select))))]


BUDGET = """<section id="s2"><num value="2">SEC. 2. </num><heading>LEVELS.</heading><chapeau>The levels are:</chapeau>
<paragraph id="p1"><num value="1">(1) </num><chapeau>Defense:</chapeau>
<subparagraph id="u1"><num value=""/><content>Fiscal year 2026:</content></subparagraph>
<subparagraph id="a1"><num value="A">(A) </num><content>New budget authority, $10.</content></subparagraph>
<subparagraph id="b1"><num value="B">(B) </num><content>Outlays, $9.</content></subparagraph>
<subparagraph id="u2"><num value=""/><content>Fiscal year 2027:</content></subparagraph>
<subparagraph id="a2"><num value="A">(A) </num><content>New budget authority, $11.</content></subparagraph>
<subparagraph id="x2"><num value="X">(X) </num><content>Outlays, $10.</content></subparagraph>
</paragraph></section>"""


def test_an_undesignated_unit_between_designated_ones_starts_a_new_list(tmp_path):
    got = [f for f in findings(tmp_path, uslm_bill(BUDGET)) if f[0] in ("BL101", "BL102")]
    # (A) after "Fiscal year 2027:" restarts the list; (X) after (A) is still a gap
    assert got == [("BL101", "sec. 2(1)(X)", "expected subparagraph (B) after (A), found (X)")]


ENACTED = """<section id="s1"><num value="1">SECTION 1. </num><heading>ENACTMENT OF TITLE 99.</heading>
<chapeau>Title 99, United States Code, is enacted as follows:</chapeau>
<title id="t99"><num value="99">TITLE 99—</num><heading>SAMPLES</heading>
<chapter id="c9901"><num value="9901">CHAPTER 9901—</num><heading>GENERAL</heading>
<section id="c1"><num value="990101">§ 990101.</num><heading> Definitions</heading><content>In this title, the term “sample” has the meaning given in section 990301 of this title.</content></section>
</chapter>
<chapter id="c9903"><num value="9903">CHAPTER 9903—</num><heading>SAMPLES</heading>
<section id="c3"><num value="990301">§ 990301.</num><heading> Samples</heading><content>A sample is a small bill.</content></section>
</chapter></title></section>
<section id="s2"><num value="2">SEC. 2. </num><heading>REPEAL.</heading><content>The Secretary shall carry out section 7.</content></section>"""


def test_a_title_enacted_inside_a_section_is_the_text_of_that_law(tmp_path):
    p = tmp_path / "b.xml"
    p.write_text(uslm_bill(ENACTED), encoding="utf-8")
    doc = load.load(str(p), None).doc
    code = [q for q in doc.provisions if q.level == "section" and q.quoted is not None]
    assert [q.designation.value for q in code] == [990101, 990301]   # "§ 990101." is section 990101
    assert code[0].path == 'sec. 1 "sec. 990101"'
    got = findings(tmp_path, uslm_bill(ENACTED))
    # its references resolve within the title; the bill's own sections 1, 2 are still checked
    assert [f for f in got if f[0] == "BL201"] == [
        ("BL201", "sec. 2", '"section 7" does not resolve: this Act has no section 7')]
    # chapters 9901, 9903 of a Code title: the numbers between are the Code's to keep free
    assert not [f for f in got if f[0] in ("BL101", "BL102", "BL108")]


def test_the_section_sign_is_not_part_of_the_designation():
    from billlint.analysis import designations
    d = designations.parse("“§ 100101.", "section")
    assert (d.core, d.cls, d.value) == ("100101", "arabic", 100101)
    assert designations.parse("§ 2350n", "section").suffix == "n"
    # a designation quoted inside a quotation (an amendment to an amendment) and a bare "Sec." with no number
    assert designations.parse("“ ‘(e)", "subsection").core == "e"
    assert designations.parse("Sec. ", "section") is None


def test_a_numberless_appropriations_level_is_an_appropriations_heading(tmp_path):
    body = """<title id="t1"><num value="I">TITLE I</num><heading>AGENCIES</heading>
<level role="appropriations" id="lv"><heading>General Provisions—This Title</heading>
<section id="s101"><num value="101">SEC. 101. </num><content>Funds may be used for travel.</content></section>
<section id="s110"><num value="110">SEC. 110. </num><content>Funds may be used for repairs.</content></section>
</level></title>"""
    p = tmp_path / "b.xml"
    p.write_text(uslm_bill(body), encoding="utf-8")
    doc = load.load(str(p), None).doc
    assert doc.in_appropriations(doc.provisions[-1])
    # in appropriations text a jump to a round ten is the custom
    assert not [f for f in findings(tmp_path, uslm_bill(body)) if f[0] == "BL108"]


def test_uslm_1_0_is_read_onto_the_same_model():
    doc = load.load(str(SAMPLES / "uslm-1.0-resolution.xml"), None).doc
    assert doc.format == "uslm" and doc.kind == "resolution"
    assert [p.path for p in doc.provisions][:4] == ["sec. 1", "sec. 2", "sec. 2(1)", "sec. 2(1)[subparagraph]"]
    opts = Options(Selection(["BL1", "BL2", "BL3", "BL4", "BL5"]))
    got = [(f.code, f.provision) for f in check_loaded(load.Loaded(doc.path, doc=doc), opts)]
    assert got == [("BL101", "sec. 2(2)(C)"), ("BL201", "sec. 3"), ("BL406", "sec. 3")]


TINY_XSD = """<?xml version="1.0"?>
<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema" targetNamespace="{ns}" xmlns="{ns}"
  elementFormDefault="qualified" version="{version}">
  <xsd:element name="resolution"><xsd:complexType><xsd:sequence>
    <xsd:any processContents="skip" minOccurs="0" maxOccurs="unbounded"/></xsd:sequence>
    <xsd:anyAttribute processContents="skip"/></xsd:complexType></xsd:element>
</xsd:schema>
"""


def test_a_schema_is_found_by_its_namespace_and_version(run, tmp_path):
    folder = tmp_path / "schemas"
    folder.mkdir()
    (folder / "USLM.xsd").write_text(TINY_XSD.format(ns=U1, version="1.0.18"))
    good = tmp_path / "good.xml"
    good.write_text(uslm_bill("", U1, "USLM-1.0.18.xsd", root="resolution"))
    bad = tmp_path / "bad.xml"
    bad.write_text(uslm_bill("", U1, "USLM-1.0.18.xsd", root="bill"))   # no <bill> in this schema
    other = tmp_path / "other.xml"
    other.write_text(uslm_bill("", U1, "USLM-1.0.17.xsd", root="resolution"))
    got = json.loads(run("check", "--format", "json", "--isolated", "--no-cache", "--select", "BL0",
                         "--dtd", folder, good, bad, other).out)
    assert sorted((f["path"].rsplit("/", 1)[1], f["code"]) for f in got) == [("bad.xml", "BL010"),
                                                                             ("other.xml", "BL003")]
    assert "USLM-1.0.17.xsd" in next(f["message"] for f in got if f["code"] == "BL003")


def test_a_compiled_schema_is_kept_for_the_next_process(tmp_path, monkeypatch):
    import xmlschema
    from billlint.pipeline import uslm
    (tmp_path / "USLM.xsd").write_text(TINY_XSD.format(ns=U1, version="1.0.18"))
    first = uslm.Schemas(tmp_path / "cache")
    first.get(str(tmp_path / "USLM.xsd"))
    assert len(list((tmp_path / "cache").glob("*.pickle"))) == 1

    def no_compiling(*a, **k):
        raise AssertionError("compiled again")
    monkeypatch.setattr(xmlschema, "XMLSchema", no_compiling)
    schema = uslm.Schemas(tmp_path / "cache").get(str(tmp_path / "USLM.xsd"))
    assert schema.is_valid(uslm_bill("", U1, root="resolution").encode().split(b"\n", 1)[1])
    # a changed schema file is a new key: compiled again
    (tmp_path / "USLM.xsd").write_text(TINY_XSD.format(ns=U1, version="1.0.19"))
    with pytest.raises(AssertionError, match="compiled again"):
        uslm.Schemas(tmp_path / "cache").get(str(tmp_path / "USLM.xsd"))


def test_a_repeated_schema_error_is_one_finding_that_counts_them(run, tmp_path):
    (tmp_path / "USLM.xsd").write_text(TINY_XSD.format(ns=U1, version="1.0.18").replace(
        '<xsd:anyAttribute processContents="skip"/>', ""))
    p = tmp_path / "r.xml"
    p.write_text(uslm_bill("", U1, "USLM.xsd", root="resolution").replace(
        "<resolution ", '<resolution pages="1" ').replace("<main>", '<main pages="2">'))
    got = json.loads(run("check", "--format", "json", "--isolated", "--no-cache", "--select", "BL010",
                         "--dtd", tmp_path, p).out)
    assert len(got) == 1 and "pages" in got[0]["message"] and got[0]["line"] == 2


def test_the_converters_pagenum_is_the_schemas_lag_not_the_bills(run, tmp_path):
    (tmp_path / "USLM.xsd").write_text(TINY_XSD.format(ns=U1, version="1.0.18").replace(
        '<xsd:anyAttribute processContents="skip"/>', ""))
    p = tmp_path / "r.xml"
    p.write_text(uslm_bill("", U1, "USLM.xsd", root="resolution").replace(
        "<resolution ", '<resolution pagenum="1" pages="1" '))
    got = json.loads(run("check", "--format", "json", "--isolated", "--no-cache", "--dtd", tmp_path, p).out)
    assert sorted((f["code"], f["severity"], "pagenum" in f["message"]) for f in got) == [
        ("BL010", "error", False), ("BL011", "info", True)]
    assert "USLM.xsd" in [f for f in got if f["code"] == "BL011"][0]["message"]


def test_words_in_quotation_marks_without_markup_are_another_texts(tmp_path):
    body = """<section id="s2"><num value="2">SEC. 2. </num><heading>AMENDMENT.</heading><subsection id="s2a"><num value="a">(a) </num><content>Section 56(b)(1)(B) of the Internal Revenue Code of 1986 is amended by adding at the end the following new sentence: “This subparagraph shall not apply to taxable years beginning after 2026.”.</content></subsection>
<subsection id="s2b"><num value="b">(b) </num><content>This subparagraph applies to taxable years beginning after 2026.</content></subsection></section>"""
    got = [f for f in findings(tmp_path, uslm_bill(body)) if f[0] == "BL201"]
    # the quoted sentence is the Code's; the bill's own "This subparagraph" in (b) is still wrong
    assert got == [("BL201", "sec. 2(b)", '"This subparagraph": this provision is not inside a subparagraph')]


def test_wordy_phrases_in_appropriations_text_and_whole_number_words(tmp_path):
    body = """<title id="t1"><num value="I">TITLE I</num><heading>AGENCIES</heading>
<appropriations level="major" id="ap"><heading>OFFICE OF THE SECRETARY</heading><content>For expenses, $1: <proviso><i>Provided</i>, That the Secretary shall notify the Committees within 15 days of any transfer.</proviso></content></appropriations>
<section id="s101"><num value="101">SEC. 101. </num><content>The Secretary shall report within 30 days of a transfer on the Fifty-four (54) engines.</content></section></title>"""
    got = [f for f in findings(tmp_path, uslm_bill(body)) if f[0] == "BL406"]
    # the committees' "within 15 days of" in a proviso is their convention; the whole number word is matched
    assert [(f[1], f[2].split(" -> ")[0]) for f in got] == [("sec. 101", '"Fifty-four (54)"')]


def test_a_missing_schema_is_reported_for_every_file_it_leaves_unvalidated(run, tmp_path):
    for i in range(3):
        (tmp_path / f"r{i}.xml").write_text(uslm_bill("", U1, "USLM-1.0.18.xsd", root="resolution"))
    found = json.loads(run("check", "--format", "json", "--isolated", "--no-cache", "--select", "BL003",
                           tmp_path).out)
    assert sorted(f["path"].rsplit("/", 1)[1] for f in found) == ["r0.xml", "r1.xml", "r2.xml"]
    assert all("USLM-1.0.18.xsd" in f["message"] and "not validated" in f["message"] for f in found)


def test_reference_lists_join_the_item_that_named_their_head_and_read_to_as_a_range():
    from billlint.analysis import references as refs
    chains, ranges = refs.expand("section", "100901(b) and (c), 101302(b)(1) and (c) to (e), 101306")
    assert chains == [[("section", "100901"), ("subsection", "b")], [("section", "100901"), ("subsection", "c")],
                      [("section", "101302"), ("subsection", "b"), ("paragraph", "1")],
                      [("section", "101302"), ("subsection", "c")], [("section", "101302"), ("subsection", "e")],
                      [("section", "101306")]]
    assert ranges == [(3, 4)]
    assert refs.expand("paragraph", "(1) and (9) to (11)") == ([[("paragraph", "1")], [("paragraph", "9")],
                                                               [("paragraph", "11")]], [(1, 2)])
    # "to" before anything but a designation is no range: "paragraph (2) to 50 percent"
    assert refs.expand("paragraph", "(2) to 50") == ([[("paragraph", "2")]], [])


TERMS = """<section id="s1"><num value="1">SECTION 1. </num><heading>APPLICATIONS.</heading>
<subsection id="a"><num value="a">(a) </num><heading>Definition.—</heading><content>In this section, the term <term>“section 14 application”</term> means an application under section 14 of the Act of March 3, 1899.</content></subsection>
<subsection id="b"><num value="b">(b) </num><heading>Review.—</heading><content>The Secretary shall review each section 14 application in the manner described in paragraph (3).</content></subsection>
<subsection id="c"><num value="c">(c) </num><heading>Light stations.—</heading><content>A sale is subject to paragraphs (1) to (4) of subsection (a), and subsection (b), of section 9 of the Act of May 1, 1900.</content></subsection></section>"""


def test_a_defined_term_that_holds_a_citation_is_no_reference(tmp_path):
    got = [f for f in findings(tmp_path, uslm_bill(TERMS)) if f[0] == "BL201"]
    # "section 14 application" is a term; "paragraph (3)" is still a reference this bill does not resolve; the
    # coordinated references of (c) share the trailing "of section 9 of the Act of May 1, 1900"
    assert got == [("BL201", "sec. 1(b)", '"paragraph (3)" does not resolve: sec. 1(b) has no paragraph (3)')]


TOC = """<section id="s1"><num value="1">SECTION 1. </num><heading>TABLE OF CONTENTS.</heading><content>The table of contents is as follows:
<toc><referenceItem><designator>Sec. 1.</designator><label>Table of contents.</label></referenceItem>
<groupItem role="title"><designator>TITLE I—</designator><label>Agriculture</label>
<referenceItem><designator>Sec. 101.</designator><label>Food supply.</label></referenceItem>
<referenceItem><designator>Sec. 102.</designator><label>{h102}</label></referenceItem></groupItem></toc></content></section>
<title id="t1"><num value="I">TITLE I—</num><heading>AGRICULTURE</heading>
<section id="s101"><num value="101">SEC. 101. </num><heading>FOOD SUPPLY.</heading><content>The Secretary shall buy food.</content></section>
<section id="s102"><num value="102">SEC. 102. </num><heading>RURAL GRANTS.</heading><content>The Secretary shall make grants.</content></section></title>"""


def test_a_uslm_table_of_contents_is_read_line_by_line(tmp_path):
    assert not [f for f in findings(tmp_path, uslm_bill(TOC.format(h102="Rural grants."))) if f[0] == "BL405"]
    # a line whose number lost its period ("Sec. 102 Rural grants.") still names section 102
    no_period = TOC.format(h102="Rural grants.").replace("<designator>Sec. 102.</designator>", "<designator>Sec. 102 </designator>")
    assert not [f for f in findings(tmp_path, uslm_bill(no_period)) if f[0] == "BL405"]
    got = [f for f in findings(tmp_path, uslm_bill(TOC.format(h102="Rural loans."))) if f[0] == "BL405"]
    assert got == [("BL405", "sec. 102", 'the table of contents says "Rural loans" for sec. 102, whose header is '
                                         '"RURAL GRANTS."')]


def test_a_table_inside_an_enacted_title_and_one_printed_in_pieces(tmp_path):
    enacted = ENACTED.replace('<chapter id="c9901">', '<toc><referenceItem><designator>Sec. 990101.</designator>'
                              '<label>Definitions.</label></referenceItem></toc><chapter id="c9901">')
    assert not [f for f in findings(tmp_path, uslm_bill(enacted)) if f[0] == "BL405"]
    pieces = TOC.format(h102="Rural grants.").replace('</referenceItem>\n<groupItem', '</referenceItem></toc>\n<toc><groupItem')
    assert pieces.count("<toc>") == 2
    assert not [f for f in findings(tmp_path, uslm_bill(pieces)) if f[0] == "BL405"]
    # the second piece is still read: a wrong line in it is found
    wrong = pieces.replace("Rural grants.</label>", "Rural loans.</label>")
    assert [f[1] for f in findings(tmp_path, uslm_bill(wrong)) if f[0] == "BL405"] == ["sec. 102"]


COMPONENTS = """<section id="s0"><num value="1">SECTION 1. </num><content>The committees reported as follows.</content></section>
<collection><component id="k1" changed="added" origin="#HIF00"><main>
<section id="a1"><num value="1">SECTION 1. </num><heading>SHORT TITLE.</heading><content>This Act may be cited as the “A Act”.</content></section>
<section id="a2"><num value="2">SEC. 2. </num><heading>GRANTS.</heading><content>The Secretary shall make grants.</content></section></main></component>
<component id="k2" changed="added" origin="#HWM00"><main>
<section id="b1"><num value="1">SECTION 1. </num><heading>SHORT TITLE.</heading><content>This Act may be cited as the “B Act”.</content></section>
<section id="b2"><num value="2">SEC. 2. </num><heading>LOANS.</heading><content>The Secretary shall make loans.</content></section></main></component></collection>"""


def test_each_committees_substitute_is_numbered_for_itself(tmp_path):
    body = COMPONENTS.replace('<section id="s0"><num value="1">SECTION 1. </num><content>The committees reported as follows.</content></section>\n', "")
    assert not [f for f in findings(tmp_path, uslm_bill(body)) if f[0] == "BL108"]
    twice = body.replace('<num value="2">SEC. 2. </num><heading>LOANS', '<num value="1">SEC. 1. </num><heading>LOANS')
    assert [f[2] for f in findings(tmp_path, uslm_bill(twice)) if f[0] == "BL108"][0].startswith("duplicate section 1")


CONTENT = """<section id="s7"><num value="7">SEC. 7. </num><heading>PROJECTS.</heading><chapeau>The following projects are authorized:</chapeau>
<paragraph id="p1"><num value="1">(1) </num><heading>Navigation.—</heading><content><table xmlns="http://www.w3.org/1999/xhtml"><tr><td>Port A</td></tr></table></content></paragraph>
<paragraph id="p2"><num value="2">(2) </num><heading>Flood control.—</heading><content/></paragraph></section>"""


def test_a_table_wrapped_in_content_is_content(tmp_path):
    got = [f for f in findings(tmp_path, uslm_bill(CONTENT)) if f[0] == "BL106"]
    assert got == [("BL106", "sec. 7(2)", "paragraph (2) has no text")]


HTS = """<section id="s9"><num value="9">SEC. 9. </num><heading>TARIFF NOTES.</heading><subsection id="s9a"><num value="a">(a) </num><chapeau>The additional U.S. notes to chapter 62 are amended by adding at the end the following:</chapeau>
<quotedContent><section id="n3"><num value="3">“3.</num><subsection id="n3a"><num value="a">(a)</num><chapeau>The term ‘outerwear’ means garments with—</chapeau>
<clause id="n3ai"><num value="i">“(i)</num><content>insulation; and</content></clause>
<clause id="n3aii"><num value="ii">“(ii)</num><content>pockets.”.</content></clause></subsection></section></quotedContent></subsection>
<subsection id="s9b"><num value="b">(b) </num><chapeau>The Secretary shall report on—</chapeau><clause id="s9bi"><num value="i">(i) </num><content>imports; and</content></clause><clause id="s9bii"><num value="ii">(ii) </num><content>exports.</content></clause></subsection></section>"""


def test_quoted_text_keeps_the_levels_of_its_own_law(tmp_path):
    got = [f[1] for f in findings(tmp_path, uslm_bill(HTS)) if f[0] == "BL104"]
    assert got == ["sec. 9(b)(i)", "sec. 9(b)(ii)"]   # the bill's own clauses in a subsection, not the tariff note's


MINIMAL = """<section id="s4"><num value="4">SEC. 4. </num><heading>PAYMENTS.</heading>
<subsection id="s4a"><num value="a">(a) </num><heading>In general.—</heading><content>The Director may make payments.</content></subsection>
<subsection id="s4b"><num value="b">(b) </num><heading>Regulations.—</heading><content>The Director shall prescribe regulations under section 19A(d) of the Central Intelligence Agency Act of 1949, as added by subsection (a) of this section.</content></subsection>
<subsection id="s4c"><num value="c">(c) </num><heading>Report.—</heading><content>The Director shall report on the payments.</content></subsection></section>
<section id="s5"><num value="5">SEC. 5. </num><heading>REPORTS.</heading>
<subsection id="s5a"><num value="a">(a) </num><heading>In general.—</heading><content>The Director shall report.</content></subsection>
<subsection id="s5b"><num value="b">(b) </num><heading>Contents.—</heading><content>The report under subsection (a) of this section shall be public.</content></subsection></section>"""


def test_of_this_section_stays_where_the_sentence_names_another_section(tmp_path):
    got = [f[:2] for f in findings(tmp_path, uslm_bill(MINIMAL)) if f[0] == "BL204"]
    assert got == [("BL204", "sec. 5(b)")]


def test_wordy_phrases_in_quotation_marks_written_as_characters_are_quoted(tmp_path):
    body = """<section id="s5"><num value="5">SEC. 5. </num><heading>AMENDMENT.</heading><content>Section 3 of the Example Act is amended by striking “: Provided, That the Secretary is authorized to act” and inserting a period, and the Secretary is authorized to act.</content></section>"""
    got = [(f[1], f[2].split(" -> ")[0]) for f in findings(tmp_path, uslm_bill(body)) if f[0] == "BL406"]
    assert got == [("sec. 5", '"is authorized to"')]


def test_appropriations_language_keeps_its_provisos_in_any_bill(tmp_path):
    body = """<section id="s6"><num value="6">SEC. 6. </num><heading>LOANS.</heading><subsection id="s6a"><num value="a">(a) </num><content>Direct loans may be made available for Iraq: <proviso><i>Provided</i>, That funds appropriated under the heading “Foreign Military Financing Program” may be used for their cost.</proviso></content></subsection>
<subsection id="s6b"><num value="b">(b) </num><content>The Secretary may report: <proviso><i>Provided</i>, That the report is public.</proviso> The report is due within 60 days of the loan.</content></subsection></section>"""
    got = [(f[1], f[2]) for f in findings(tmp_path, uslm_bill(body)) if f[0] == "BL406"]
    assert [g[0] for g in got] == ["sec. 6(b)", "sec. 6(b)"]
    # the message speaks of the words it found, not of the rule's example
    assert any(m.startswith('"within 60 days of" -> "not later than 60 days after": "within 60 days of"') for _, m in got)


REDESIGNATE = """<section id="s8"><num value="8">SEC. 8. </num><heading>AMENDMENTS.</heading><chapeau>Section 2(h)(7)(D) of the Commodity Exchange Act is amended—</chapeau>
<paragraph id="p1"><num value="1">(1) </num><content>by redesignating clause (iii) as clause (v);</content></paragraph>
<paragraph id="p2"><num value="2">(2) </num><content>by striking clauses (i) and (ii) and inserting the following:<quotedContent>
<clause id="q1"><num value="i">“(i) </num><content>one;</content></clause><clause id="q2"><num value="ii">“(ii) </num><content>two;</content></clause>
<clause id="q3"><num value="iii">“(iii) </num><content>three;</content></clause><clause id="q4"><num value="iv">“(iv) </num><content>four;</content></clause></quotedContent>; and</content></paragraph>
<paragraph id="p3"><num value="3">(3) </num><content>in clause (v), as so redesignated, by striking “and”.</content></paragraph></section>"""


def test_text_put_in_place_of_struck_units_fills_a_redesignation_gap(tmp_path):
    assert not [f for f in findings(tmp_path, uslm_bill(REDESIGNATE)) if f[0] == "BL303"]
    unfilled = REDESIGNATE.replace("by striking clauses (i) and (ii) and inserting the following:", "by adding at the end the following:")
    assert [f[1] for f in findings(tmp_path, uslm_bill(unfilled)) if f[0] == "BL303"] == ["sec. 8(1)"]


def test_a_survey_section_with_a_township_in_lower_case_is_no_reference(tmp_path):
    body = """<title id="t1"><num value="I">TITLE I—</num><heading>LAND</heading>
<section id="s101"><num value="101">SEC. 101. </num><heading>DEFINITION.</heading><content>The term “non-Federal land” means the land within the north half of section 23, township 6 north, range 11 west of the third principal meridian.</content></section>
<section id="s102"><num value="102">SEC. 102. </num><heading>CONVEYANCE.</heading><content>The Secretary shall convey the land as described in section 109.</content></section></title>"""
    assert [f[2] for f in findings(tmp_path, uslm_bill(body)) if f[0] == "BL201"] == [
        '"section 109" does not resolve: this Act has no section 109']


def test_a_list_inside_a_whereas_clause_ends_with_the_clause(tmp_path):
    text = """<?xml version="1.0" encoding="UTF-8"?>
<resolution xmlns="http://schemas.gpo.gov/xml/uslm"><preamble>
<recital><p>Whereas women have advanced science, including—</p>
<paragraph id="p1"><num value="1">(1) </num><chapeau>a physicist who—</chapeau>
<subparagraph id="a"><num value="A">(A) </num><content>worked on the Manhattan Project; and</content></subparagraph>
<subparagraph id="b"><num value="B">(B) </num><content>won a medal in 1997;</content></subparagraph></paragraph></recital>
<recital>Whereas the Senate honors them: Now, therefore, be it</recital></preamble>
<main><section id="s1"><num value="">Sec. </num><content>That the Senate honors women in science.</content></section></main></resolution>
"""
    assert not [f for f in findings(tmp_path, text) if f[0] == "BL403"]


def test_a_word_before_a_name_that_begins_with_it_is_not_doubled(tmp_path):
    body = """<section id="s2"><num value="2">SEC. 2. </num><heading>CLAIMS.</heading><content>A creditor in In re 650 Fifth Avenue may elect to join at at least one fund.</content></section>"""
    assert [f[2] for f in findings(tmp_path, uslm_bill(body)) if f[0] == "BL402"] == ['"at at": the word is doubled']


def test_this_paragraph_in_appropriations_language_is_its_own_paragraph(tmp_path):
    body = """<section id="s6"><num value="6">SEC. 6. </num><heading>LOANS.</heading><content>Direct loans may be made available for Iraq: <proviso><i>Provided</i>, That funds appropriated under the heading “Foreign Military Financing Program” may pay the cost of the loans made available pursuant to this paragraph.</proviso></content></section>
<section id="s7"><num value="7">SEC. 7. </num><heading>REPORT.</heading><content>The report required by this paragraph is due in June.</content></section>"""
    got = [(f[1], f[2]) for f in findings(tmp_path, uslm_bill(body)) if f[0] == "BL201"]
    assert got == [("sec. 7", '"this paragraph": this provision is not inside a paragraph')]


def test_a_result_found_without_a_schema_is_not_reused_once_the_schema_is_there(run, tmp_path):
    folder = tmp_path / "schemas"
    folder.mkdir()
    p = tmp_path / "r.xml"
    p.write_text(uslm_bill("", U1, "USLM-1.0.18.xsd", root="bill"))
    args = ("check", "--format", "json", "--isolated", "--select", "BL0", "--cache-dir", tmp_path / "cache",
            "--dtd", folder, p)
    assert [f["code"] for f in json.loads(run(*args).out)] == ["BL003"]
    (folder / "USLM.xsd").write_text(TINY_XSD.format(ns=U1, version="1.0.18"))
    assert [f["code"] for f in json.loads(run(*args).out)] == ["BL010"]   # no <bill> in this schema


def test_one_kind_of_schema_error_at_several_positions_is_one_finding(run, tmp_path):
    (tmp_path / "USLM.xsd").write_text(f"""<?xml version="1.0"?>
<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema" targetNamespace="{U1}" xmlns="{U1}"
  elementFormDefault="qualified" version="1.0.18">
  <xsd:element name="resolution"><xsd:complexType><xsd:sequence>
    <xsd:element name="p" maxOccurs="unbounded"><xsd:complexType><xsd:sequence>
      <xsd:element name="a" minOccurs="0" maxOccurs="unbounded"/></xsd:sequence></xsd:complexType></xsd:element>
  </xsd:sequence></xsd:complexType></xsd:element>
</xsd:schema>
""")
    p = tmp_path / "r.xml"
    p.write_text(f'<?xml version="1.0"?>\n<resolution xmlns="{U1}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
                 f'xsi:schemaLocation="{U1} USLM.xsd"><p><x/></p><p><a/><x/></p><p><a/><a/><x/></p></resolution>')
    got = json.loads(run("check", "--format", "json", "--isolated", "--no-cache", "--select", "BL010",
                         "--dtd", tmp_path, p).out)
    assert len(got) == 1 and "3 times in this file" in got[0]["message"], got
    assert "position" not in got[0]["message"]


def test_one_bad_attribute_with_many_values_is_one_finding(run, tmp_path):
    (tmp_path / "USLM.xsd").write_text(f"""<?xml version="1.0"?>
<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema" targetNamespace="{U1}" xmlns="{U1}"
  elementFormDefault="qualified" version="1.0.18">
  <xsd:element name="resolution"><xsd:complexType><xsd:sequence>
    <xsd:element name="col" maxOccurs="unbounded"><xsd:complexType>
      <xsd:attribute name="width"><xsd:simpleType><xsd:restriction base="xsd:string">
        <xsd:pattern value="\\d+"/></xsd:restriction></xsd:simpleType></xsd:attribute></xsd:complexType></xsd:element>
  </xsd:sequence></xsd:complexType></xsd:element>
</xsd:schema>
""")
    p = tmp_path / "r.xml"
    p.write_text(f'<?xml version="1.0"?>\n<resolution xmlns="{U1}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
                 f'xsi:schemaLocation="{U1} USLM.xsd"><col width="608.82"/><col width="12"/><col width="426.17"/>'
                 '</resolution>')
    got = json.loads(run("check", "--format", "json", "--isolated", "--no-cache", "--select", "BL010",
                         "--dtd", tmp_path, p).out)
    assert len(got) == 1 and "2 times in this file" in got[0]["message"], got
