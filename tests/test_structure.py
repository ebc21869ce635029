"""BL1xx: each rule on a bad fixture (the finding, at its path) and a good one (silence)."""

import pytest
from helpers import CORPUS, bill, need_shared
from lxml import etree

from billlint.pipeline import load
from billlint.rules.registry import Selection, find
from billlint.pipeline.check import check_loaded
from billlint.pipeline.options import Options


def findings(text: str, rule: str, view: str = "reported", names: bool = False):
    loaded = load.load("t.xml", None, data=text.encode())
    assert loaded.doc is not None, loaded.problems
    found = check_loaded(loaded, Options(Selection([rule]), view=view))
    return [(f.provision, f.message) + ((f.name,) if names else ()) for f in found]


def sec(body: str, n: str = "1", header: str = "Heading") -> str:
    head = f"<header>{header}</header>" if header else ""
    return f'<section id="s{n}"><enum>{n}.</enum>{head}{body}</section>'


def subs(*enums, level="subsection", prefix="x") -> str:
    return "".join(f'<{level} id="{prefix}{i}"><enum>({e})</enum><text>Text {e}.</text></{level}>'
                   for i, e in enumerate(enums))


def clauses_in_paragraph(*enums) -> str:
    return ('<subsection id="a"><enum>(a)</enum><text>T</text><paragraph id="p"><enum>(1)</enum><text>T</text>'
            '<subparagraph id="sp"><enum>(A)</enum><text>T</text>' + subs(*enums, level="clause") +
            "</subparagraph></paragraph></subsection>")


def quoted(inner: str) -> str:
    return (f'<subsection id="q0"><enum>(a)</enum><text>Section 5 of the Act is amended by adding:</text>'
            f'<quoted-block id="qb" style="OLC">{inner}</quoted-block><after-quoted-block>.</after-quoted-block>'
            "</subsection>")


# (rule, bill body, expected [(provision, words in message)]); an empty list means the body is clean.
CASES = [
    # enum-sequence
    ("enum-sequence", sec(subs("a", "b", "d")), [("sec. 1(d)", "expected subsection (c) after (b), found (d)")]),
    ("enum-sequence", sec(subs("a", "b", "b")), [("sec. 1(b)", "duplicate subsection (b)")]),
    ("enum-sequence", sec(subs("a", "b", "c")), []),
    ("enum-sequence", sec(subs("h", "i", "j"), header=""), []),       # (i) is a letter at subsection level
    ("enum-sequence", sec(subs(*"abcdefghijklmnopqrstuvwxyz", "aa", "bb")), []),  # (z) -> (aa)
    ("enum-sequence", sec(subs(*"abcdefghijklmnopqrstuvwxyz", "bb")), [("sec. 1(bb)", "expected subsection (aa)")]),
    ("enum-sequence", sec(clauses_in_paragraph("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix")), []),
    ("enum-sequence", sec(clauses_in_paragraph("i", "ii", "iii", "v")),
     [("sec. 1(a)(1)(A)(v)", "expected clause (iv) after (iii), found (v)")]),
    # struck and inserted siblings: the reported view sees (1), (2), (3) with the inserted (3)
    ("enum-sequence", sec('<paragraph id="p1"><enum>(1)</enum><text>a</text></paragraph>'
                          '<paragraph id="p2"><enum>(2)</enum><text>b</text></paragraph>'
                          '<paragraph id="p3" changed="deleted"><enum>(3)</enum><text>old</text></paragraph>'
                          '<paragraph id="p3n" changed="added"><enum>(3)</enum><text>new</text></paragraph>'), []),
    ("enum-sequence", sec('<paragraph id="p1"><enum>(1)</enum><text>a</text></paragraph>'
                          '<paragraph id="p2" changed="deleted"><enum>(2)</enum><text>old</text></paragraph>'
                          '<paragraph id="p3"><enum>(3)</enum><text>c</text></paragraph>'),
     [("sec. 1(3)", "expected paragraph (2) after (1), found (3)")]),
    # quoted blocks: inserted designations and a start anywhere are normal
    ("enum-sequence", sec(quoted(subs("4", "4A", "5", level="paragraph"))), []),
    ("enum-sequence", sec(quoted(subs("7", "9", level="paragraph"))), [('sec. 1(a) "(9)"', "expected paragraph (8)")]),
    # enum-class
    ("enum-class", sec(subs("1", "2", level="paragraph") + "") , []),
    ("enum-class", sec('<paragraph id="p"><enum>(B)</enum><text>x</text></paragraph>'),
     [("sec. 1(B)", "a paragraph is designated with a number (1); found (B)")]),
    ("enum-class", sec(clauses_in_paragraph("i", "ii")), []),
    ("enum-class", sec(clauses_in_paragraph("3")), [("sec. 1(a)(1)(A)(3)", "a clause is designated with a lower-case roman")]),
    ("enum-class", sec(subs("1", "2", "3")), [("sec. 1(1)", "(1) to (3) (3 subsections) are tagged <subsection>")]),
    # enum-start
    ("enum-start", sec(subs("b", "c")), [("sec. 1(b)", "the first subsection should be (a); found (b)")]),
    ("enum-start", sec(subs("a", "b")), []),
    ("enum-start", sec(quoted(subs("c", "d"))), []),
    ("enum-start", sec('<subsection id="a" changed="deleted"><enum>(a)</enum><text>x</text></subsection>'
                       + subs("b", "c", prefix="n")), [("sec. 1(b)", "should be (a)")]),
    # nesting-level
    ("nesting-level", sec('<subsection id="a"><enum>(a)</enum><text>x</text>'
                          '<clause id="c"><enum>(i)</enum><text>y</text></clause></subsection>'),
     [("sec. 1(a)(i)", "a clause directly inside a subsection: missing paragraph and subparagraph level")]),
    ("nesting-level", sec(subs("1", "2", level="paragraph")), []),  # a section may hold paragraphs
    # header-missing
    ("header-missing", sec("<text>a</text>", "1") + sec("<text>b</text>", "2") + sec("<text>c</text>", "3", header=""),
     [("sec. 3", "this section has no header, but its siblings do (sec. 1, sec. 2)")]),
    ("header-missing", sec("<text>a</text>", "1") + sec("<text>b</text>", "2"), []),
    ("header-missing", sec(quoted('<subsection id="qa"><enum>(c)</enum><header>H</header><text>x</text></subsection>'
                                  '<subsection id="qb2"><enum>(d)</enum><text>y</text></subsection>')), []),
    # empty-provision
    ("empty-provision", sec('<paragraph id="p"><enum>(1)</enum><text></text></paragraph>'),
     [("sec. 1(1)", "paragraph (1) has no text")]),
    ("empty-provision", sec(subs("1", level="paragraph")), []),
    ("empty-provision", sec(quoted('<section id="qs"><enum>5.</enum><header>New heading</header></section>')), []),
    ("empty-provision", sec('<subsection id="a"><enum>(a)</enum><text>x</text><quoted-block id="q" style="OLC">'
                            '</quoted-block></subsection>'), [("sec. 1(a)", "empty quoted block")]),
    # section-one and section-sequence
    ("section-one", sec("<text>a</text>", "2") + sec("<text>b</text>", "3"), [("sec. 2", "the first section is sec. 2")]),
    ("section-one", sec("<text>a</text>", "1"), []),
    ("section-sequence", "".join(sec("<text>x</text>", n) for n in ("1", "2", "4")),
     [("sec. 4", "expected sec. 3 after sec. 2, found sec. 4")]),
    ("section-sequence", "".join(sec("<text>x</text>", n) for n in ("1", "2", "2")),
     [("sec. 2", "duplicate section 2; also at line")]),
    ("section-sequence", "".join(sec("<text>x</text>", n) for n in ("1", "2", "2A", "3")), []),  # 5A-style
    ("section-sequence", sec("<text>x</text>", "1") +
     '<title id="t1"><enum>I</enum><header>One</header>' + sec("<text>x</text>", "101") + sec("<text>x</text>", "102")
     + '</title><title id="t2"><enum>II</enum><header>Two</header>' + sec("<text>x</text>", "201") + "</title>", []),
    ("section-sequence", sec("<text>x</text>", "1") +
     '<title id="t1"><enum>I</enum><header>One</header>' + sec("<text>x</text>", "101") + sec("<text>x</text>", "103")
     + "</title>", [("sec. 103", "expected sec. 102 after sec. 101, found sec. 103")]),
]


@pytest.mark.parametrize("rule,body,expected", CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_rule(rule, body, expected):
    got = findings(bill(body), rule)
    assert len(got) == len(expected), got
    for (path, message), (want_path, words) in zip(got, expected):
        assert path == want_path and words in message, (path, message)


def test_every_structure_rule_has_a_bad_and_a_good_case():
    rules = {c[0] for c in CASES}
    assert {c[0] for c in CASES if c[2]} == rules == {c[0] for c in CASES if not c[2]}
    assert all(find(r) is not None and find(r).code.startswith("BL1") for r in rules)


def test_introduced_view_sees_the_struck_version():
    body = sec('<paragraph id="p1"><enum>(1)</enum><text>a</text></paragraph>'
               '<paragraph id="p2" changed="added"><enum>(3)</enum><text>c</text></paragraph>')
    assert findings(bill(body), "enum-sequence", "reported") == [("sec. 1(3)", "expected paragraph (2) after (1), found (3)")]
    assert findings(bill(body), "enum-sequence", "introduced") == []


# Precision and recall on a real, clean bill: one mutation, exactly one finding, at that path.
CLEAN = "BILLS-114hr50ih.xml"


def mutate(change) -> str:
    need_shared()
    data = (CORPUS / CLEAN).read_bytes()
    doc = load.load(CLEAN, None, data=data).doc
    by_path = {p.path: p for p in doc.provisions}
    change(by_path)
    return etree.tostring(doc.tree, encoding="unicode")


def set_enum(p, value):
    p.el.find("enum").text = value


MUTATIONS = [
    ("enum-sequence", lambda ps: set_enum(ps["sec. 6(3)"], "(4)"), "sec. 6(4)", "expected paragraph (3) after (2)"),
    ("enum-sequence", lambda ps: set_enum(ps["sec. 6(3)"], "(2)"), "sec. 6(2)", "duplicate paragraph (2)"),
    ("enum-class", lambda ps: set_enum(ps["sec. 7(2)"], "(B)"), "sec. 7(B)", "a paragraph is designated with a number"),
    ("enum-start", lambda ps: ps["sec. 9"].el.remove(ps["sec. 9(a)"].el), "sec. 9(b)", "should be (a)"),
    ("section-sequence", lambda ps: set_enum(ps["sec. 13"], "14."), "sec. 14", "expected sec. 13 after sec. 12"),
    ("section-one", lambda ps: ps["sec. 1"].el.getparent().remove(ps["sec. 1"].el), "sec. 2", "first section"),
    ("header-missing", lambda ps: ps["sec. 5"].el.remove(ps["sec. 5"].el.find("header")), "sec. 5", "no header"),
    ("empty-provision", lambda ps: ps["sec. 7(1)"].el.remove(ps["sec. 7(1)"].el.find("text")), "sec. 7(1)",
     "has no text"),
]


def _nest(ps):
    p = ps["sec. 4(2)"].el
    p.tag = "subparagraph"
    p.find("enum").text = "(A)"


MUTATIONS.append(("nesting-level", _nest, "sec. 4(A)", "a subparagraph directly inside a section"))


def test_the_clean_bill_is_clean():
    assert mutate(lambda ps: None) and findings(mutate(lambda ps: None), "BL1") == []


@pytest.mark.parametrize("rule,change,path,words", MUTATIONS, ids=[m[0] for m in MUTATIONS])
def test_one_mutation_one_finding(rule, change, path, words):
    got = findings(mutate(change), "BL1", names=True)
    assert len(got) == 1, got
    assert got[0] == (path, got[0][1], rule) and words in got[0][1], got


def test_seed_002_reported_view_has_no_structure_finding():
    from helpers import SEEDS
    need_shared()
    loaded = load.load(str(SEEDS / "002_13d6b53b233f789c.txt"), None)
    assert [f for f in check_loaded(loaded, Options(Selection(["BL1"]))) ] == []


def _numbered_subsections(n: int) -> str:
    return bill("".join(sec(subs("1", "2", prefix=f"s{i}x"), n=str(i)) for i in range(1, n + 1)))


def test_enum_class_reports_a_files_habit_once():
    # two sections with numbered subsections: two findings, each where it stands
    assert [p for p, _ in findings(_numbered_subsections(2), "enum-class")] == ["sec. 1(1)", "sec. 2(1)"]
    # four: the file's own convention, one finding that names the other places
    got = findings(_numbered_subsections(4), "enum-class")
    assert got == [("sec. 1(1)", "markup: (1) to (2) (2 subsections) are tagged <subsection>; by designation, the "
                                 "paragraph level under sec. 1: tag as <paragraph>; the same in 3 more subsection "
                                 "lists of this file (sec. 2(1), sec. 3(1), sec. 4(1))")]
    # single slips are never folded together
    slips = bill("".join(sec('<paragraph id="p%d"><enum>(B)</enum><text>x</text></paragraph>' % i, n=str(i))
                         for i in range(1, 5)))
    assert len(findings(slips, "enum-class")) == 4
