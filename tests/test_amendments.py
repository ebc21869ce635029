"""Amendment instructions after seeds 000 and 001: the correct forms are silent; each broken variant gives
exactly the expected finding."""

import json

import pytest
from helpers import bill

from billlint.analysis import amendments as am
from billlint.pipeline import load
from billlint.rules.registry import Selection
from billlint.pipeline.check import check_loaded
from billlint.pipeline.options import Options

CYBERSENTRY = """<subsection id="c"><enum>(c)</enum><header>CyberSentry</header><text>Section 2220C of the Homeland
Security Act of 2002 (6 U.S.C. 665i) is amended—</text>
<paragraph id="c1"><enum>(1)</enum><text>by redesignating subsections (d), (e), (f), and (g) as subsections (e), (f),
(g), and (h), respectively; and</text></paragraph>
<paragraph id="c2"><enum>(2)</enum><text>by inserting after subsection (c) the following:</text>
<quoted-block id="qc" style="OLC"><subsection id="qcd"><enum>(d)</enum><header>International</header><text>The Director
may enter into agreements with foreign governments.</text></subsection><after-quoted-block>.</after-quoted-block>
</quoted-block></paragraph></subsection>"""

DIRECTOR = """<subsection id="d"><enum>(d)</enum><header>Director</header><text>Section 2202(c) of the Homeland Security Act
of 2002 (6 U.S.C. 652(c)) is amended—</text>
<paragraph id="d1"><enum>(1)</enum><text>in paragraph (13), by striking <quote>and</quote> at the end;</text></paragraph>
<paragraph id="d2"><enum>(2)</enum><text>by redesignating paragraph (14) as paragraph (15); and</text></paragraph>
<paragraph id="d3"><enum>(3)</enum><text>by inserting after paragraph (13) the following:</text>
<quoted-block id="qd" style="OLC"><paragraph id="qd14"><enum>(14)</enum><text>provide support for the cybersecurity
of critical infrastructure of international partners; and</text></paragraph><after-quoted-block>.</after-quoted-block>
</quoted-block></paragraph></subsection>"""

PARTNERS = """<subsection id="e"><enum>(e)</enum><header>Partners</header><text>Section 2209(c) of such Act is amended—</text>
<paragraph id="e1"><enum>(1)</enum><text>in subparagraph (E), by striking <quote>and</quote> at the end;</text></paragraph>
<paragraph id="e2"><enum>(2)</enum><text>in subparagraph (F), by striking the period at the end and inserting
<quote>; and</quote>; and</text></paragraph>
<paragraph id="e3"><enum>(3)</enum><text>by adding at the end the following:</text>
<quoted-block id="qe" style="OLC"><subparagraph id="qeg"><enum>(G)</enum><text>for planning with international
partners, the Department of State.</text></subparagraph><after-quoted-block>.</after-quoted-block></quoted-block>
</paragraph></subsection>"""


def body(*parts):
    return ('<section id="s1"><enum>1.</enum><header>Short title</header><text>This Act may be cited as the '
            '<quote><short-title>Partner Act of 2025</short-title></quote>.</text></section>'
            '<section id="s3"><enum>3.</enum><header>Amendments</header>' + "".join(parts) + "</section>")


def findings(text, select="BL3"):
    loaded = load.load("t.xml", None, data=bill(text).encode())
    assert loaded.doc is not None, loaded.problems
    return [(f.name, f.provision, f.message) for f in check_loaded(loaded, Options(Selection([select])))]


def test_correct_instructions_are_silent():
    assert findings(body(CYBERSENTRY, DIRECTOR, PARTNERS)) == []


def test_parse_targets_actions_operands():
    doc = load.load("t.xml", None, data=bill(body(CYBERSENTRY, DIRECTOR, PARTNERS)).encode()).doc
    got = [(i.prov.path, i.action, i.target[-1], {k: v for k, v in i.operands.items()}) for i in am.parse(doc, "reported")]
    assert got[0] == ("sec. 3(c)(1)", "redesignate", "Section 2220C of the Homeland Security Act of 2002 (6 U.S.C. 665i)",
                      {"from": "subsections (d), (e), (f), and (g)", "to": "subsections (e), (f), (g), and (h)"})
    assert got[1][1:] == ("insert", "Section 2220C of the Homeland Security Act of 2002 (6 U.S.C. 665i)",
                          {"following": True, "where": "after", "anchor": "subsection (c)"})
    assert got[2][1:3] == ("strike", "paragraph (13)") and got[2][3] == {"strike": "“and” at the end"}
    assert got[6][1:3] == ("strike-insert", "subparagraph (F)")
    assert got[6][3] == {"strike": "the period at the end", "insert": "“; and”"}
    assert got[7][1] == "add" and got[7][3]["where"] == "at the end"
    assert [i.block.get("id") for i in am.parse(doc, "reported") if i.block is not None] == ["qc", "qd", "qe"]


BROKEN = [
    # counts differ
    (CYBERSENTRY.replace("(e), (f),\n(g), and (h), respectively", "(e), (f),\n and (g), respectively"),
     [("redesignation-mismatch", "redesignates 4 subsections as 3 subsections")]),
    # missing respectively
    (CYBERSENTRY.replace(", respectively; and", "; and"),
     [("missing-respectively", 'needs ", respectively"')]),
    # the inserted block starts at the wrong designation
    (CYBERSENTRY.replace("<enum>(d)</enum><header>International", "<enum>(e)</enum><header>International"),
     [("quoted-block-level", "should start with subsection (d); it starts with (e)")]),
    # the gap left open: nothing inserts (d)
    (CYBERSENTRY.replace("respectively; and", "respectively.").split('<paragraph id="c2">')[0] + "</subsection>",
     [("redesignation-gap-unfilled", "leaves subsection (d) vacant")]),
    # seed 001 form: inserting after (13) followed by (15)
    (DIRECTOR.replace("<enum>(14)</enum>", "<enum>(15)</enum>"),
     [("quoted-block-level", "should start with paragraph (14); it starts with (15)")]),
    # the old next-to-last item keeps its "and"
    (PARTNERS.replace('<paragraph id="e1"><enum>(1)</enum><text>in subparagraph (E), by striking <quote>and</quote> at the end;</text></paragraph>', "")
     .replace('id="e2"><enum>(2)', 'id="e2"><enum>(1)').replace('id="e3"><enum>(3)', 'id="e3"><enum>(2)'),
     [("strike-and-conjunction", "nothing strikes the conjunction at the end of subparagraph (E)")]),
    # the old next-to-last item loses its "and", but nothing gives the old last item the conjunction
    (PARTNERS.replace('<paragraph id="e2"><enum>(2)</enum><text>in subparagraph (F), by striking the period at the end and inserting\n<quote>; and</quote>; and</text></paragraph>', "")
     .replace('id="e3"><enum>(3)', 'id="e3"><enum>(2)'),
     [("strike-and-conjunction", "no instruction here gives subparagraph (F) the conjunction")]),
    # punctuation after the quoted block of the next-to-last item
    (CYBERSENTRY.replace("respectively; and", "respectively;") + "",
     []),
]


@pytest.mark.parametrize("variant,expected", BROKEN, ids=[b[1][0][0] if b[1] else "clean" for b in BROKEN])
def test_broken_variants(variant, expected):
    got = findings(body(variant))
    assert [(n, any(w in m for _, w in expected)) for n, _, m in got] == [(n, True) for n, _ in expected], got


def test_after_quoted_block_punctuation():
    two = DIRECTOR.replace("<after-quoted-block>.</after-quoted-block>", "<after-quoted-block>; and</after-quoted-block>", 1)
    extra = two.replace("</paragraph></subsection>", "</paragraph><paragraph id=\"d4\"><enum>(4)</enum><text>in paragraph (15), "
                        "as so redesignated, by striking <quote>2023</quote> and inserting <quote>2025</quote>.</text></paragraph>"
                        "</subsection>")
    assert findings(body(extra), "after-quoted-block-punctuation") == []
    wrong = DIRECTOR.replace("</paragraph></subsection>", "</paragraph><paragraph id=\"d4\"><enum>(4)</enum><text>in paragraph "
                             "(15), as so redesignated, by striking <quote>2023</quote> and inserting <quote>2025</quote>."
                             "</text></paragraph></subsection>")
    got = findings(body(wrong), "after-quoted-block-punctuation")
    assert [(p, m) for _, p, m in got] == [("sec. 3(d)(3)", 'after the quoted block: expected "; and" (this instruction is '
                                                           'the next-to-last of its list), found "."')]


def test_wordy_instruction_and_its_fix():
    text = ('<section id="s2"><enum>2.</enum><header>Date</header><text>Section 5 of the Example Act is amended by '
            'striking out <quote>1990</quote> and inserting in lieu thereof <quote>2000</quote>.</text></section>')
    got = findings(body(text), "wordy-instruction")
    assert [m for _, _, m in got] == ['"striking out" -> "strike"', '"inserting in lieu thereof" -> "insert"']
    good = text.replace("striking out", "striking").replace(" in lieu thereof", "")
    assert findings(body(good), "wordy-instruction") == []
    # inside a quote (the amended law's own words) it is not ours to change
    quoted = good.replace("<quote>1990</quote>", "<quote>strike out</quote>")
    assert findings(body(quoted), "wordy-instruction") == []


def test_amendments_command(run, tmp_path):
    p = tmp_path / "a.xml"
    p.write_text(bill(body(CYBERSENTRY)))
    rows = json.loads(run("amendments", p, "--format", "json").out)
    assert [(r["action"], r["operands"].get("respectively")) for r in rows] == [("redesignate", True), ("insert", None)]
    assert rows[1]["operands"]["block"]["starts"] == "subsection (d)"
    text = run("amendments", p).out
    assert "redesignate [Section 2220C of the Homeland Security Act of 2002 (6 U.S.C. 665i)]" in text
