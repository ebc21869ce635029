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
     [("strike-and-conjunction", "no instruction here strikes a conjunction at the end of subparagraph (E)")]),
    # the old next-to-last item loses its "and", but nothing gives the old last item the conjunction
    (PARTNERS.replace('<paragraph id="e2"><enum>(2)</enum><text>in subparagraph (F), by striking the period at the end and inserting\n<quote>; and</quote>; and</text></paragraph>', "")
     .replace('id="e3"><enum>(3)', 'id="e3"><enum>(2)'),
     [("strike-and-conjunction", "no instruction here changes the end of subparagraph (F)")]),
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


# ---------------------------------------------------------------------------------------------------------------
# The grammar, class by class (issue 18): each form, and near-misses that must read differently.
# A case is one section's text (quotations written «like this», made <quote> elements) or a section with items,
# and what the last instruction found (or, with a list, every instruction) must hold.

def _q(text: str) -> str:
    return text.replace("«", "<quote>").replace("»", "</quote>")


def _parse(xml: str):
    doc = load.load("t.xml", None, data=bill(xml).encode()).doc
    assert doc is not None
    return am.parse(doc, "reported")


def _section(text: str, items: str = "") -> str:
    return f'<section id="s9"><enum>9.</enum><header>Amendment</header><text>{_q(text)}</text>{_q(items)}</section>'


def _items(*texts: str, block: str = "") -> str:
    return "".join(f'<paragraph id="p{i}"><enum>({i})</enum><text>{t}</text>{block if i == len(texts) else ""}'
                   f'</paragraph>' for i, t in enumerate(texts, 1))


BLOCK = ('<quoted-block id="qb" style="OLC"><paragraph id="qb1"><enum>(4)</enum><text>New text.</text></paragraph>'
         '<after-quoted-block>.</after-quoted-block></quoted-block>')

# (case id, section text, items, expected: (action, target, operands) of the last instruction)
GRAMMAR = [
    # E1: a quotation in line after "the following:" is the inserted text (and no block is looked for)
    ("E1-add", "Section 5 of the X Act is amended by adding at the end the following: «Nothing applies.».", "",
     ("add", ["Section 5 of the X Act"], {"insert": "“Nothing applies.”", "where": "at the end"})),
    ("E1-strike-insert", "Section 5 of the X Act is amended by striking «a» and inserting the following: «b».", "",
     ("strike-insert", ["Section 5 of the X Act"], {"strike": "“a”", "insert": "“b”"})),
    ("E1-restate", "Section 5 of the X Act is amended to read as follows: «Text.».", "",
     ("restate", ["Section 5 of the X Act"], {"insert": "“Text.”"})),
    ("E1-near-miss-block", "Section 5 of the X Act is amended by adding at the end the following:", BLOCK,
     ("add", ["Section 5 of the X Act"], {"following": True, "where": "at the end"})),
    # E2: "inserting after “Z” the following: “Y”": Z is the anchor, Y the text
    ("E2", "Section 5 of the X Act is amended by inserting after «to spend» the following: «or to save».", "",
     ("insert", ["Section 5 of the X Act"], {"insert": "“or to save”", "where": "after", "anchor": "“to spend”"})),
    ("E2-places", "Section 5 of the X Act is amended by inserting after «Z» each place it appears the following: «Y».",
     "", ("insert", ["Section 5 of the X Act"],
          {"insert": "“Y”", "where": "after", "anchor": "“Z”", "places": "each place it appears"})),
    ("E2-near-miss", "Section 5 of the X Act is amended by inserting «Y» after «Z».", "",
     ("insert", ["Section 5 of the X Act"], {"insert": "“Y”", "where": "after", "anchor": "“Z”"})),
    # E3: "is amended[,] in Y[,] by"
    ("E3", "Section 5 of the X Act is amended in paragraph (3)(A) by striking «$2» and inserting «$1».", "",
     ("strike-insert", ["Section 5 of the X Act", "paragraph (3)(A)"], {"strike": "“$2”", "insert": "“$1”"})),
    ("E3-commas", "The table of contents of the X Act is amended, in the item relating to section 1035, by striking «A» "
     "and inserting «B».", "", ("strike-insert", ["The table of contents of the X Act",
                                                  "the item relating to section 1035"], {"strike": "“A”", "insert": "“B”"})),
    ("E3-near-miss", "Section 5 of the X Act is amended by striking «in paragraph (3)» and inserting «here».", "",
     ("strike-insert", ["Section 5 of the X Act"], {"strike": "“in paragraph (3)”", "insert": "“here”"})),
    # E4: "by amending X to read as follows"
    ("E4", "Section 5 of the X Act is amended by amending subsection (c) to read as follows:", BLOCK,
     ("restate", ["Section 5 of the X Act", "subsection (c)"], {"following": True})),
    ("E4-under-context", "Section 5 of the X Act is amended—",
     _items("in subsection (a), by amending paragraph (2) to read as follows:", block=BLOCK),
     ("restate", ["Section 5 of the X Act", "subsection (a)", "paragraph (2)"], {"following": True})),
    # E5: the root target is the whole name
    ("E5-initial", "Section 3 of the Morris K. Udall Act (20 U.S.C. 5602) is amended by striking «a».", "",
     ("strike", ["Section 3 of the Morris K. Udall Act (20 U.S.C. 5602)"], {"strike": "“a”"})),
    ("E5-app", "Section 12 of the Inspector General Act of 1978 (5 U.S.C. App.) is amended by striking «a».", "",
     ("strike", ["Section 12 of the Inspector General Act of 1978 (5 U.S.C. App.)"], {"strike": "“a”"})),
    ("E5-semicolon", "Section 1 of the Y Act (7 U.S.C. 7101 note; Public Law 113–79) is amended by striking «a».", "",
     ("strike", ["Section 1 of the Y Act (7 U.S.C. 7101 note; Public Law 113–79)"], {"strike": "“a”"})),
    ("E5-dash", "Section 7 of the Vision 100—Century of Aviation Reauthorization Act is amended by striking «a».", "",
     ("strike", ["Section 7 of the Vision 100—Century of Aviation Reauthorization Act"], {"strike": "“a”"})),
    ("E5-abbreviation", "Section 2 of the Dr. Lorna Breen Act is amended by striking «a».", "",
     ("strike", ["Section 2 of the Dr. Lorna Breen Act"], {"strike": "“a”"})),
    ("E5-near-miss-sentence", "This applies now. Section 2 of the X Act is amended by striking «a».", "",
     ("strike", ["Section 2 of the X Act"], {"strike": "“a”"})),
    ("E5-near-miss-header", "In general.—Section 2 of the X Act is amended by striking «a».", "",
     ("strike", ["Section 2 of the X Act"], {"strike": "“a”"})),
    # E6: "the following" across a line break
    ("E6", "Section 5 of the X Act is amended by striking subsection (g) and inserting the\n   following:", BLOCK,
     ("strike-insert", ["Section 5 of the X Act"], {"strike": "subsection (g)", "following": True})),
    # E7: the qualifier after the inserted text
    ("E7", "Section 5 of the X Act is amended by striking «50 percent» and inserting «40 percent» each place it "
     "appears.", "", ("strike-insert", ["Section 5 of the X Act"],
                      {"strike": "“50 percent”", "insert": "“40 percent”", "places": "each place it appears"})),
    ("E7-strike-side", "Section 5 of the X Act is amended by striking «Board» each place that term appears and "
     "inserting «Bureau».", "", ("strike-insert", ["Section 5 of the X Act"],
                                 {"strike": "“Board”", "insert": "“Bureau”", "places": "each place that term appears"})),
    ("E7-near-miss-in-quote", "Section 5 of the X Act is amended by striking «a» and inserting «b each place it "
     "appears».", "", ("strike-insert", ["Section 5 of the X Act"], {"strike": "“a”", "insert": "“b each place it appears”"})),
    # E8: each sentence its own target; a proviso is not part of one
    ("E8", "Section 1 of the X Act is amended by striking «a». Section 2 of the Y Act is amended by striking «b».", "",
     ("strike", ["Section 2 of the Y Act"], {"strike": "“b”"})),
    ("E8-proviso", "For expenses, $5: Provided further, That section 3 of the Z Act is amended by striking «c».", "",
     ("strike", ["section 3 of the Z Act"], {"strike": "“c”"})),
    # E9: a context holding a quotation passes down
    ("E9", "The table of contents of the X Act is amended—",
     _items("in the item relating to «Public Library Addition»—") +
     '<paragraph id="p9"><enum>(9)</enum><text>by striking <quote>a</quote>.</text></paragraph>',
     ("strike", ["The table of contents of the X Act"], {"strike": "“a”"})),
    # E10: "is amended as follows:" passes down like "is amended—"
    ("E10", "Section 5 of the X Act is amended as follows:", _items("By striking «a».", "By striking «b»."),
     ("strike", ["Section 5 of the X Act"], {"strike": "“b”"})),
    # E12: redesignation sides stop at their designations
    ("E12-indentation", "Section 5 of the X Act is amended (by redesignating subparagraphs (A) and (B) as clauses (i) and "
     "(ii), respectively, with appropriate indentation).", "",
     ("redesignate", ["Section 5 of the X Act"], {"from": "subparagraphs (A) and (B)", "to": "clauses (i) and (ii)"})),
    ("E12-periods", "Section 5 of the X Act is amended by redesignating subsections ee., ff., and gg. as subsections "
     "ff., gg., and hh., respectively.", "",
     ("redesignate", ["Section 5 of the X Act"], {"from": "subsections ee., ff., and gg.", "to": "subsections ff., gg., and hh."})),
    ("E12-and-adjusting", "Section 5 of the X Act is amended by redesignating sections 919, 920, and 921 as sections 920, "
     "921, and\n\t\t922, respectively, and adjusting the margins accordingly.", "",
     ("redesignate", ["Section 5 of the X Act"], {"from": "sections 919, 920, and 921", "to": "sections 920, 921, and 922"})),
    ("E12-accordingly", "Section 5 of the X Act is amended by striking paragraph (4) and redesignating the succeeding "
     "paragraphs accordingly.", "",
     ("redesignate", ["Section 5 of the X Act"], {"from": "the succeeding paragraphs", "to": "accordingly"})),
    # E13: irregular joins do not swallow the next operation
    ("E13-no-space", "Section 5 of the X Act is amended by striking «2024»and inserting «2031».", "",
     ("strike-insert", ["Section 5 of the X Act"], {"strike": "“2024”", "insert": "“2031”"})),
    ("E13-no-and", "Section 5 of the X Act is amended by striking «2024» inserting «2031».", "",
     ("strike-insert", ["Section 5 of the X Act"], {"strike": "“2024”", "insert": "“2031”"})),
    ("E13-substituting", "Section 5 of the X Act is amended by striking «2024» and substituting «2031».", "",
     ("strike-insert", ["Section 5 of the X Act"], {"strike": "“2024”", "insert": "“2031”"})),
    ("E13-replacing", "Section 5 of the X Act is amended by striking «2024» and replacing it with «2031».", "",
     ("strike-insert", ["Section 5 of the X Act"], {"strike": "“2024”", "insert": "“2031”"})),
    # E14: qualifiers inside a context, with "by" in them
    ("E14", "Section 5 of the X Act is amended—",
     _items("in paragraph (12) (as redesignated by paragraph (1)), in subparagraph (A)—") +
     '<paragraph id="p8"><enum>(8)</enum><text>by striking <quote>a</quote>.</text></paragraph>',
     ("strike", ["Section 5 of the X Act"], {"strike": "“a”"})),
    ("E14-as-inserted", "Section 5 of the X Act is amended—",
     _items("in clause (i), as inserted by subparagraph (A), by striking «a»."),
     ("strike", ["Section 5 of the X Act", "clause (i), as inserted by subparagraph (A)"], {"strike": "“a”"})),
    # phrases the old grammar did not read
    ("form-comma", "Section 22(b) of the X Act is amended by inserting a comma after «entity».", "",
     ("insert", ["Section 22(b) of the X Act"], {"insert": "a comma", "where": "after", "anchor": "“entity”"})),
    ("form-semicolon", "Section 1a(12) of the X Act is amended by adding at the end a semicolon.", "",
     ("add", ["Section 1a(12) of the X Act"], {"insert": "a semicolon", "where": "at the end"})),
    ("form-before-period", "Section 5 of the X Act is amended by adding at the end before the period the following: «, "
     "or later».", "", ("add", ["Section 5 of the X Act"],
                        {"insert": "“, or later”", "where": "before", "anchor": "the period"})),
    ("form-inserting-colon", "Section 5 of the X Act is amended by striking «The State» and inserting:", BLOCK,
     ("strike-insert", ["Section 5 of the X Act"], {"strike": "“The State”", "following": True})),
    ("form-after-colon", "The Y Act is amended by inserting after section 3B (as added by section 717 of this Act):", BLOCK,
     ("insert", ["The Y Act"], {"following": True, "where": "after", "anchor": "section 3B (as added by section 717 of "
                                                                             "this Act)"})),
    ("form-except", "The Y Act is amended by striking «Board» and inserting «Bureau», except in section 918.", "",
     ("strike-insert", ["The Y Act"], {"strike": "“Board”", "insert": "“Bureau”", "except": "except in section 918"})),
    ("form-following-after", "The Y Act is amended by inserting the following after section 5:", BLOCK,
     ("insert", ["The Y Act"], {"following": True, "where": "after", "anchor": "section 5"})),
]


@pytest.mark.parametrize("text,items,expected", [c[1:] for c in GRAMMAR], ids=[c[0] for c in GRAMMAR])
def test_grammar(text, items, expected):
    found = _parse(_section(text, items))
    assert found, "nothing parsed"
    last = found[-1]
    action, target, ops = expected
    assert (last.action, last.target) == (action, target), (last.action, last.target, last.operands)
    assert {k: v for k, v in last.operands.items() if k != "new"} == ops


def test_sentences_each_take_their_target():
    """E8: every "X is amended" sentence of one text gives its own instructions their target."""
    found = _parse(_section("Section 1 of the X Act is amended by striking «a». Section 2 of the Y Act is amended by "
                            "adding at the end the following: «b». Section 3 of the Z Act is repealed."))
    assert [(i.action, i.target) for i in found] == [("strike", ["Section 1 of the X Act"]),
                                                      ("add", ["Section 2 of the Y Act"]),
                                                      ("repeal", ["Section 3 of the Z Act"])]


def test_contexts_chain_and_reset():
    """E14, E9: "in X, in Y—" gives two items; the next "in Z, by" item starts again from the chapeau."""
    found = _parse(_section("Section 5 of the X Act is amended—", _items(
        "in subsection (e), in the matter preceding paragraph (1), by striking «a»; and in subsection (f), by striking «b»;",
        "in the item relating to «Heading», by striking «c».")))
    assert [i.target[1:] for i in found] == [["subsection (e)", "the matter preceding paragraph (1)"],
                                             ["subsection (f)"], ["the item relating to “Heading”"]]


PROSE = [
    "Of the amounts, $400,000,000 for acceleration of hypersonic strike programs;",          # E11
    "For the Joint Strike Fighter program, $5,000,000.",
    "In addition to amounts otherwise available, there are appropriated for the program—",  # not a context
    "The authority shall be treated as if it had never been repealed by the Act of 2018.",
]


@pytest.mark.parametrize("text", PROSE)
def test_prose_is_not_an_instruction(text):
    section = _section(text, _items("by striking «a».") if text.endswith("—") else "")
    found = _parse(section)
    assert [(i.action, i.target) for i in found] == ([("strike", [])] if text.endswith("—") else [])


def test_parse_is_linear():
    """A text repeated 64 times costs about 64 times the work of one: counted in function calls (Python and C),
    which do not depend on the machine's load (quadratic parsing would cost ~64x more than linear)."""
    import sys
    one = ("in subsection (a) (as redesignated by section 2(b)), by striking «the Secretary» each place it appears and "
           "inserting «the Administrator», by inserting after «such term» the following: «, as defined»; and by "
           "redesignating paragraphs (3) through (5) as paragraphs (4) through (6), respectively; ")

    def cost(n):
        xml = _section("Section 5 of the X Act, Morris K. Udall Act (5 U.S.C. App.; Public Law 1–2) is amended " * 1
                       + one * n)
        doc = load.load("t.xml", None, data=bill(xml).encode()).doc
        am.parse(doc, "reported")     # lazily built text runs and memos: not the parse's own work
        doc._runs.clear()
        calls = [0]

        def count(frame, event, arg):
            if event in ("call", "c_call"):
                calls[0] += 1
        sys.setprofile(count)
        try:
            found = am.parse(doc, "reported")
        finally:
            sys.setprofile(None)
        return calls[0], len(found)
    c1, n1 = cost(1)
    c64, n64 = cost(64)
    assert n64 == 64 * n1
    assert c64 < 64 * c1 * 2, (c1, c64)


def test_text_output_is_for_people(run, tmp_path):
    p = tmp_path / "a.xml"
    p.write_text(bill(body(CYBERSENTRY, PARTNERS)))
    lines = run("amendments", p).out.splitlines()
    assert len(lines) == 5
    assert "{" not in "".join(lines) and "'" not in "".join(lines)
    assert lines[0].endswith("sec. 3(c)(1): redesignate [Section 2220C of the Homeland Security Act of 2002 "
                             "(6 U.S.C. 665i)] subsections (d), (e), (f), and (g) as subsections (e), (f), (g), and (h), "
                             "respectively")
    assert "sec. 3(c)(2): insert [Section 2220C of the Homeland Security Act of 2002 (6 U.S.C. 665i)] the quoted block " \
           "at line " in lines[1] and lines[1].endswith("(subsection (d)) after subsection (c)")
    assert lines[3].endswith("sec. 3(e)(2): strike-insert [Section 2209(c) of such Act / subparagraph (F)] the period "
                             "at the end -> “; and”")


def test_lines_count_as_libxml2_counts_them(run, tmp_path):
    """A lone CR ends no line (libxml2, xmllint, lxml); CRLF is one line end. Instruction and block agree."""
    text = bill(body(CYBERSENTRY)).replace("<bill ", "<!-- a\rb\rc -->\r\n<bill ", 1)
    p = tmp_path / "cr.xml"
    p.write_bytes(text.encode())
    rows = json.loads(run("amendments", p, "--format", "json").out)
    from lxml import etree
    tree = etree.parse(str(p))
    para = tree.find(".//paragraph[@id='c2']/text")
    block = tree.find(".//quoted-block[@id='qc']")
    assert rows[1]["line"] == para.sourceline
    assert rows[1]["operands"]["block"]["line"] == block.sourceline
    assert text.encode()[:text.encode().index(b'id="c2"')].count(b"\n") + 1 == para.sourceline


def test_prefilter_lets_through_what_the_patterns_match():
    """The substring tests before the patterns (prefilter.py) skip only texts no pattern can match: a word
    written with a letter re.I reads as i or s (dotless i, capital dotted I, long s) still sets the target or
    makes the instruction. (A chapeau without a verb, "is amended—", still passing its target down: the
    tests of contexts above.)"""
    found = _parse(_section("Section 1 of the X Act is mod\u0131fied by striking «a».")
                   + _section("Section 2 of the X Act is amended to read as follow\u017f: «b».")
                   + _section("Section 3 of the X Act is mod\u0130fied by striking «c»."))
    assert [(i.action, i.target, i.operands) for i in found] == [
        ("strike", ["Section 1 of the X Act"], {"strike": "\u201ca\u201d"}),
        ("restate", ["Section 2 of the X Act"], {"insert": "\u201cb\u201d"}),
        ("strike", ["Section 3 of the X Act"], {"strike": "\u201cc\u201d"})]
