"""Cross-references: each form found and resolved, external and quoted forms left alone, BL2xx rules."""

import json

import pytest
from helpers import SEEDS, bill, need_shared

from billlint.pipeline import load
from billlint.analysis import references
from billlint.rules.registry import Selection
from billlint.pipeline.check import check_loaded
from billlint.pipeline.options import Options

SEC2 = """
<section id="s1"><enum>1.</enum><header>Short title</header><text>This Act may be cited as the <quote><short-title>Test Act</short-title></quote>.</text></section>
<section id="s2"><enum>2.</enum><header>Program</header>
<subsection id="a"><enum>(a)</enum><header>Definitions</header><text>In this section:</text>
<paragraph id="a1"><enum>(1)</enum><text>The term <term>agency</term> means an agency.</text></paragraph>
<paragraph id="a2"><enum>(2)</enum><text>The term <term>plan</term> means a plan.</text>
<subparagraph id="a2A"><enum>(A)</enum><text>first</text>
<clause id="a2Ai"><enum>(i)</enum><text>one</text></clause>
<clause id="a2Aii"><enum>(ii)</enum><text>two</text></clause></subparagraph>
<subparagraph id="a2B"><enum>(B)</enum><text>second</text></subparagraph></paragraph>
<paragraph id="a3"><enum>(3)</enum><text>The term <term>three</term> has the meaning given in paragraph (2).</text></paragraph></subsection>
<subsection id="b"><enum>(b)</enum><header>Reserve</header><text>The Director shall—</text>
<paragraph id="b1"><enum>(1)</enum><text>REFB1</text></paragraph>
<paragraph id="b2"><enum>(2)</enum><text>REFB2</text></paragraph></subsection>
<subsection id="c"><enum>(c)</enum><header>Other</header><text>REFC</text></subsection></section>
<section id="s3"><enum>3.</enum><header>Amendments</header><text>REFS3</text></section>
"""


def doc_with(b1="x", b2="y", c="z", s3="w"):
    text = bill(SEC2.replace("REFB1", b1).replace("REFB2", b2).replace("REFC", c).replace("REFS3", s3))
    return load.load("t.xml", None, data=text.encode()).doc


def refs_in(doc, path, view="reported"):
    return [r for r in references.find(doc, view) if r.prov.path == path]


def targets(r):
    return [t.path if t is not None else None for t in r.targets]


# (text placed in sec. 2(b)(1), expected [(reference text, kind, target paths)])
FORMS = [
    ("as described in paragraph (2)", [("paragraph (2)", "internal", ["sec. 2(b)(2)"])]),
    ("under subsection (a)(2)", [("subsection (a)(2)", "internal", ["sec. 2(a)(2)"])]),
    ("under subsection (a)(2)(A)(ii)", [("subsection (a)(2)(A)(ii)", "internal", ["sec. 2(a)(2)(A)(ii)"])]),
    ("under section 2(a)(3)", [("section 2(a)(3)", "internal", ["sec. 2(a)(3)"])]),
    ("under section 3", [("section 3", "internal", ["sec. 3"])]),
    ("subsections (a) and (c)", [("subsections (a) and (c)", "internal", ["sec. 2(a)", "sec. 2(c)"])]),
    ("paragraphs (1) through (3) of subsection (a)",
     [("paragraphs (1) through (3) of subsection (a)", "internal", ["sec. 2(a)(1)", "sec. 2(a)(3)"])]),
    ("clause (i) or (ii) of subsection (a)(2)(A)",
     [("clause (i) or (ii) of subsection (a)(2)(A)", "internal", ["sec. 2(a)(2)(A)(i)", "sec. 2(a)(2)(A)(ii)"])]),
    ("subsection (a)(2)(A) and (B)", [("subsection (a)(2)(A) and (B)", "internal", ["sec. 2(a)(2)(A)", "sec. 2(a)(2)(B)"])]),
    ("this paragraph and this subsection and this section and this Act",
     [("this paragraph", "internal", ["sec. 2(b)(1)"]), ("this subsection", "internal", ["sec. 2(b)"]),
      ("this section", "internal", ["sec. 2"]), ("this Act", "internal", [None])]),
    ("such subsection", [("such subsection", "anaphora", [])]),
    # external forms
    ("section 2105 of title 5, United States Code", [("section 2105 of title 5", "external", [])]),
    ("section 104 of the Homeland Security Act of 2002", [("section 104", "external", [])]),
    ("paragraph (2) or (3) of section 3553(e) of title 44",
     [("paragraph (2) or (3) of section 3553(e) of title 44", "external", [])]),
    ("section 9 of such Act", [("section 9", "external", []), ("such Act", "anaphora", [])]),
    ('section <external-xref legal-doc="usc" parsable-cite="usc/5/2105">2105</external-xref> of title 5', []),
    # quoted and amended
    ('by striking <quote>paragraph (9)</quote>', [("paragraph (9)", "quoted", [])]),
]


@pytest.mark.parametrize("text,expected", FORMS, ids=[f[0][:40] for f in FORMS])
def test_reference_forms(text, expected):
    doc = doc_with(b1=text)
    got = [(" ".join(r.text.split()), r.kind, targets(r) if r.kind == "internal" else [])
           for r in refs_in(doc, "sec. 2(b)(1)")]
    if text.startswith("section <external-xref"):
        assert all(k != "internal" for _, k, _ in got), got
        return
    assert got == expected


def test_reference_spans_round_trip_to_the_source():
    doc = doc_with(b1="under subsection (a)(2) &amp; paragraph (2)")
    for r in refs_in(doc, "sec. 2(b)(1)"):
        a, b = doc.source.span(r.run, r.start, r.end)
        assert doc.source.slice(a, b) == r.text


def test_instruction_targets_are_about_the_amended_law():
    doc = doc_with(s3="Section 5 of the Example Act is amended by striking paragraph (7) and subsection (z).")
    kinds = [(r.text, r.kind) for r in refs_in(doc, "sec. 3")]
    assert kinds == [("Section 5", "external"), ("paragraph (7)", "amended"), ("subsection (z)", "amended")]


def test_items_under_an_amending_lead_in_are_about_the_amended_law():
    body = SEC2.replace("REFS3", "Section 5 of the Example Act is amended—").replace(
        '<section id="s3"><enum>3.</enum><header>Amendments</header><text>Section 5 of the Example Act is amended—</text></section>',
        '<section id="s3"><enum>3.</enum><header>Amendments</header><text>Section 5 of the Example Act is amended—</text>'
        '<paragraph id="i1"><enum>(1)</enum><text>in subsection (q), by striking paragraph (8); and</text></paragraph>'
        '<paragraph id="i2"><enum>(2)</enum><text>in subsection (r), by adding at the end the following.</text></paragraph></section>')
    doc = load.load("t.xml", None, data=bill(body.replace("REFB1", "x").replace("REFB2", "y").replace("REFC", "z")).encode()).doc
    for path in ("sec. 3(1)", "sec. 3(2)"):
        assert {r.kind for r in refs_in(doc, path)} == {"amended"}


QUOTED_SECTION = """<section id="s9"><enum>9.</enum><header>New section</header><text>Title I of the Example Act is amended by adding at the end the following:</text>
<quoted-block id="q" style="OLC"><section id="q104"><enum>104.</enum><header>Grants</header>
<subsection id="q104a"><enum>(a)</enum><header>In general</header><text>The Secretary may make grants.</text>
<paragraph id="q104a1"><enum>(1)</enum><text>Eligible.</text></paragraph></subsection>
<subsection id="q104b"><enum>(b)</enum><header>Use</header><text>A grant under subsection (a)(1) or subsection (c) may be used under section 12.</text></subsection></section>
</quoted-block><after-quoted-block>.</after-quoted-block></section>
<section id="s10"><enum>10.</enum><header>Paragraph</header><text>Section 5(a) of the Example Act is amended by adding at the end the following:</text>
<quoted-block id="q2" style="OLC"><paragraph id="qp"><enum>(9)</enum><text>as defined in subsection (x)(4).</text></paragraph></quoted-block><after-quoted-block>.</after-quoted-block></section>"""


def test_quoted_whole_section_is_resolved_against_itself():
    doc = load.load("t.xml", None, data=bill(SEC2.replace("REFB1", "x").replace("REFB2", "y").replace(
        "REFC", "z").replace("REFS3", "w") + QUOTED_SECTION).encode()).doc
    got = {(r.text, r.kind, tuple(targets(r)) if r.kind == "internal" else ()) for r in references.find(doc, "reported")
           if r.prov.quoted is not None}
    assert ("subsection (a)(1)", "internal", ('sec. 9 "sec. 104(a)(1)"',)) in got
    assert ("subsection (c)", "internal", (None,)) in got          # broken: the inserted section has no (c)
    assert ("section 12", "quoted", ()) in got                     # another section of the amended law
    assert ("subsection (x)(4)", "quoted", ()) in got              # a quoted paragraph: not resolved
    findings = rule_findings(doc, "unresolved-reference")
    assert findings == [('sec. 9 "sec. 104(b)"', '"subsection (c)" does not resolve: sec. 9 "sec. 104" has no subsection (c); it stands in text inserted into another law, whose other parts the bill does not show')]


def rule_findings(doc, rule, view="reported"):
    loaded = load.Loaded("t.xml", doc=doc)
    return [(f.provision, f.message) for f in check_loaded(loaded, Options(Selection([rule]), view=view))]


RULES = [
    ("unresolved-reference", "see paragraph (5)", [("sec. 2(b)(1)", '"paragraph (5)" does not resolve')]),
    ("unresolved-reference", "see paragraph (2)", []),
    ("unresolved-reference", "see section 7", [("sec. 2(b)(1)", "this Act has no section 7")]),
    ("reference-level-word", "see paragraph (B)", [("sec. 2(b)(1)", 'write "subparagraph (B)"')]),
    ("reference-level-word", "as in paragraph (a)(2)", [("sec. 2(b)(1)", '(a) is a subsection designation')]),
    ("reference-level-word", "as in subsection (a)(2)", []),
    ("non-minimal-reference", "as in subsection (b)(2)", [("sec. 2(b)(1)", '"subsection (b)(2)" can be "paragraph (2)" here')]),
    ("non-minimal-reference", "as in section 2(a)", [("sec. 2(b)(1)", '"section 2(a)" can be "subsection (a)" here')]),
    ("non-minimal-reference", "as in subsection (a) of this section", [("sec. 2(b)(1)", 'drop "of this section"')]),
    ("non-minimal-reference", "as in subsection (a)(2) and paragraph (2)", []),
    ("non-minimal-reference", "clauses (i) and (ii) of subparagraph (A) of paragraph (2) of subsection (a)", []),
]


@pytest.mark.parametrize("rule,text,expected", RULES, ids=[f"{r[0]}-{i}" for i, r in enumerate(RULES)])
def test_rules(rule, text, expected):
    got = rule_findings(doc_with(b1=text), rule)
    assert len(got) == len(expected), got
    for (path, message), (want_path, words) in zip(got, expected):
        assert path == want_path and words in message, (path, message)


def test_reference_from_subsection_c_is_already_minimal():
    assert rule_findings(doc_with(c="as in subsection (b)(2)"), "non-minimal-reference") == []


def test_reference_to_struck():
    text = bill(SEC2.replace("REFB1", "see paragraph (2)").replace("REFC", "z").replace("REFS3", "w").replace(
        '<paragraph id="b2">', '<paragraph id="b2" changed="deleted">'))
    doc = load.load("t.xml", None, data=text.encode()).doc
    assert rule_findings(doc, "reference-to-struck") == [
        ("sec. 2(b)(1)", '"paragraph (2)" points at paragraph (2), which exists only in struck text')]
    assert rule_findings(doc, "unresolved-reference") == []
    assert rule_findings(doc, "reference-to-struck", view="introduced") == []


SEED = "002_13d6b53b233f789c.txt"


def test_seed_introduced_view_non_minimal_in_subsection_b_only():
    need_shared()
    doc = load.load(str(SEEDS / SEED), None).doc
    got = rule_findings(doc, "non-minimal-reference", view="introduced")
    assert got == [(f"sec. 2(b)({n})", '"subsection (b)(4)" can be "paragraph (4)" here') for n in (5, 6, 7, 8)]
    assert [f for f in rule_findings(doc, "BL2")] == []   # the reported view: the committee fixed them


def test_seed_refs_resolve(run):
    need_shared()
    r = run("refs", SEEDS / SEED, "--format", "json", "--kind", "internal")
    rows = json.loads(r.out)
    resolved = {(row["text"], tuple(t["provision"] for t in row["targets"] if t)) for row in rows}
    for text, want in [("subsection (b)(1)", ("sec. 2(b)(1)",)), ("subsection (f)", ("sec. 2(f)",)),
                       ("subsection (i)", ("sec. 2(i)",)),
                       ("clause (iii) or (iv) of paragraph (2)(A)", ("sec. 2(c)(2)(A)(iii)", "sec. 2(c)(2)(A)(iv)")),
                       ("clause (i) or (ii) of paragraph (2)(A)", ("sec. 2(c)(2)(A)(i)", "sec. 2(c)(2)(A)(ii)"))]:
        assert (text, want) in resolved, text
    assert all(row["targets"] and row["targets"][0] for row in rows)
    assert [t["provision"] for row in rows if row["text"].lower() == "this act" for t in row["targets"]] == \
        ["the bill"] * sum(row["text"].lower() == "this act" for row in rows) != []


def test_non_minimal_fix_replaces_the_span(dtd_dir, run, tmp_path):
    p = tmp_path / "b.xml"
    p.write_text(bill(SEC2.replace("REFB1", "as in subsection (b)(2)").replace("REFB2", "y").replace(
        "REFC", "z").replace("REFS3", "w")))
    r = run("check", "--format", "json", "--select", "BL204", p)
    (f,) = json.loads(r.out)
    text = p.read_text()
    assert text[f["fix"]["start"]:f["fix"]["end"]] == "subsection (b)(2)"
    assert f["fix"]["replacement"] == "paragraph (2)"
