from billlint.pipeline import load
from billlint.model.vocabulary import ADDED, DELETED

from helpers import SEEDS, bill, need_shared


def doc_of(text: str):
    loaded = load.load("t.xml", None, data=text.encode())
    assert loaded.doc is not None, loaded.problems
    return loaded.doc


# The structure of S. 885 (seed 002) read from its XML by hand: section 2's provisions, in order.
SEC2 = """
(a) (a)(1) (a)(2) (a)(2)(A) (a)(2)(B) (a)(2)(C) (a)(2)(D) (a)(2)(E) (a)(3) (a)(4) (a)(5) (a)(6) (a)(6)(A)
(a)(6)(A)(i) (a)(6)(A)(ii) (a)(6)(B) (a)(6)(B)(i) (a)(6)(B)(ii) (a)(7) (a)(8)
(b) (b)(1) (b)(2) (b)(3) (b)(3)(A) (b)(3)(B) (b)(4) (b)(4)(A) (b)(4)(A)(i) (b)(4)(A)(ii) (b)(4)(B) (b)(4)(C)
(b)(5) (b)(6) (b)(7) (b)(8)
(c) (c)(1) (c)(1)(A) (c)(1)(B) (c)(2) (c)(2)(A) (c)(2)(A)(i) (c)(2)(A)(ii) (c)(2)(A)(iii) (c)(2)(A)(iv)
(c)(2)(B) (c)(2)(C) (c)(3) (c)(3)(A) (c)(3)(B) (c)(4) (c)(5) (c)(6) (c)(7)
(d) (d)(1) (d)(2) (e) (e)(1) (e)(1)(A) (e)(1)(B) (e)(1)(C) (e)(1)(D) (e)(1)(E) (e)(1)(F) (e)(1)(G) (e)(2)
(e)(2)(A) (e)(2)(B) (e)(3) (f) (g) (g)(1) (g)(1)(A) (g)(1)(B) (g)(1)(C) (g)(1)(D) (g)(2) (g)(2)(A) (g)(2)(B)
(g)(2)(C) (g)(2)(D) (h) (h)(1) (h)(2) (h)(2)(A) (h)(2)(B) (i) (j)
""".split()


def test_seed_002_paths_in_both_views():
    need_shared()
    doc = load.load(str(SEEDS / "002_13d6b53b233f789c.txt"), None).doc
    reported = ["sec. 1", "sec. 2"] + ["sec. 2" + p for p in SEC2]
    introduced = reported + ["sec. 2(j)(1)", "sec. 2(j)(2)"]  # the substitute dropped (j)'s paragraphs
    assert [p.path for p in doc.provisions_in("reported")] == reported
    assert [p.path for p in doc.provisions_in("introduced")] == introduced
    assert {p.state for p in doc.provisions_in("reported")} == {ADDED}
    assert {p.state for p in doc.provisions_in("introduced")} == {DELETED}
    b4 = [p for p in doc.provisions_in("reported") if p.path == "sec. 2(b)(4)"][0]
    assert b4.level == "paragraph" and b4.parent.path == "sec. 2(b)" and b4.header


def test_state_is_inherited_and_not_changed_stops_it():
    doc = doc_of(bill("""
<section id="s1" changed="deleted"><enum>1.</enum><text>Old.</text>
<subsection id="s1a"><enum>(a)</enum><text>Old a.</text></subsection>
<subsection id="s1b" changed="not-changed"><enum>(b)</enum><text>Kept.</text>
<paragraph id="p1" changed="added"><enum>(1)</enum><text>New.</text></paragraph></subsection></section>"""))
    states = {p.path: p.state for p in doc.provisions}
    assert states == {"sec. 1": DELETED, "sec. 1(a)": DELETED, "sec. 1(b)": None, "sec. 1(b)(1)": ADDED}
    assert [p.path for p in doc.provisions_in("reported")] == ["sec. 1(b)", "sec. 1(b)(1)"]
    assert [p.path for p in doc.provisions_in("introduced")] == ["sec. 1", "sec. 1(a)", "sec. 1(b)"]


def test_quoted_block_provisions_are_cited_inside_quotes():
    doc = doc_of(bill("""
<section id="s1"><enum>1.</enum><header>Amendment</header>
<subsection id="a"><enum>(a)</enum><text>Section 5 of the Example Act is amended by adding at the end the following:</text>
<quoted-block id="q1" style="OLC"><paragraph id="q1p"><enum>(4)</enum><text>New text.</text>
<subparagraph id="q1pa"><enum>(A)</enum><text>More.</text></subparagraph></paragraph></quoted-block>
<after-quoted-block>.</after-quoted-block></subsection>
<subsection id="b"><enum>(b)</enum><text>Title I of the Example Act is amended by adding:</text>
<quoted-block id="q2" style="OLC"><section id="q2s"><enum>104.</enum><header>New</header>
<subsection id="q2sa"><enum>(a)</enum><text>In general.</text></subsection></section></quoted-block>
<after-quoted-block>.</after-quoted-block></subsection></section>"""))
    paths = [p.path for p in doc.provisions]
    assert paths == ['sec. 1', 'sec. 1(a)', 'sec. 1(a) "(4)"', 'sec. 1(a) "(4)(A)"', 'sec. 1(b)',
                     'sec. 1(b) "sec. 104"', 'sec. 1(b) "sec. 104(a)"']
    quoted = [p for p in doc.provisions if p.quoted is not None]
    assert all(p.outer.path in ("sec. 1(a)", "sec. 1(b)") for p in quoted)
    assert [c.path for c in doc.top[0].children] == ["sec. 1(a)", "sec. 1(b)"]  # quoted text is not a child


def test_sections_under_titles_are_numbered_through_the_bill():
    doc = doc_of(bill("""
<title id="t1"><enum>I</enum><header>First</header>
<section id="s101"><enum>101.</enum><text>One.</text></section></title>
<title id="t2"><enum>II</enum><header>Second</header>
<section id="s201"><enum>201.</enum><text>Two.</text><paragraph id="p"><enum>(1)</enum><text>x</text></paragraph></section></title>"""))
    assert [p.path for p in doc.provisions] == ["title I", "sec. 101", "title II", "sec. 201", "sec. 201(1)"]
    assert doc.provisions[1].parent.path == "title I"


def test_paths_name_the_division_where_divisions_number_sections_anew():
    doc = doc_of(bill("""
<division id="dA"><enum>A</enum><header>First</header>
<section id="a101"><enum>101.</enum><text>One.</text><subsection id="a"><enum>(a)</enum><text>x</text></subsection></section></division>
<division id="dB"><enum>B</enum><header>Second</header>
<section id="b101"><enum>101.</enum><text>One again.</text></section></division>"""))
    assert [p.path for p in doc.provisions] == ["div. A", "div. A, sec. 101", "div. A, sec. 101(a)", "div. B",
                                                "div. B, sec. 101"]


def test_paths_leave_out_divisions_that_number_sections_through():
    doc = doc_of(bill("""
<division id="dA"><enum>A</enum><header>First</header><section id="a101"><enum>101.</enum><text>One.</text></section></division>
<division id="dB"><enum>B</enum><header>Second</header><section id="b201"><enum>201.</enum><text>Two.</text></section></division>"""))
    assert [p.path for p in doc.provisions] == ["div. A", "sec. 101", "div. B", "sec. 201"]


def test_metadata_title_is_not_a_provision():
    text = bill('<section id="s1"><enum>1.</enum><text>x</text></section>').replace(
        "<form>", '<metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dublinCore><dc:title>T</dc:title>'
                  "</dublinCore></metadata><form>")
    assert [p.path for p in doc_of(text).provisions] == ["sec. 1"]


def test_text_runs_follow_the_view_and_map_back_to_columns():
    doc = doc_of(bill("""<section id="s1"><enum>1.</enum><text>The <deleted-phrase reported-display-style="strikethrough">old </deleted-phrase><added-phrase reported-display-style="italic">new </added-phrase>rule &amp; the text.</text></section>"""))
    text_el = doc.root.find(".//text")
    rep = doc.text(text_el, "reported")
    intro = doc.text(text_el, "introduced")
    assert rep.text == "The new rule & the text."
    assert intro.text == "The old rule & the text."
    src = doc.source
    # "rule" in the reported view maps to the source where "rule" stands, past the struck phrase
    off = src.offset(rep.anchor(rep.text.index("rule")))
    assert src.slice(off, off + 4) == "rule"
    off = src.offset(rep.anchor(rep.text.index("the text")))
    assert src.slice(off, off + 8) == "the text"   # after the &amp; entity


def test_crlf_and_bom_keep_columns():
    text = bill('<section id="s1"><enum>1.</enum><text>Line one\r\nand the word here.</text></section>')
    data = b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode()
    doc = load.load("t.xml", None, data=data).doc
    el = doc.root.find(".//text")
    run = doc.text(el)
    off = doc.source.offset(run.anchor(run.text.index("word")))
    line, col = doc.source.line_col(off)
    assert doc.source.line_text(line)[col - 1:col + 3] == "word"


MULTIBYTE = ('<section id="s1"><enum>1.</enum><header>Caf\u00e9\u2014rules</header><text>The \u201cna\u00efve\u201d '
             'caf\u00e9 <quote>\u2014\u00bd\u2014</quote> and the word here \u2014 and <term>\u00e9t\u00e9</term> '
             'the <![CDATA[\u00e9\u00e9]]> last word.</text></section>')


def _positions(doc):
    """(line, column, decoded character offset) of some words of MULTIBYTE's text, through the source."""
    run = doc.text(doc.root.find(".//text"))
    src = doc.source
    out = []
    for word in ("word here", "\u00e9t\u00e9", "last word", "\u00bd"):
        a, b = src.span(run, run.text.index(word), run.text.index(word) + len(word))
        out.append((*src.line_col(a), src.chars(a), src.chars(b)))
    return out


def test_multibyte_text_gives_character_columns_and_offsets():
    text = bill(MULTIBYTE)
    doc = load.load("t.xml", None, data=text.encode()).doc
    decoded = text
    for (line, col, a, b), word in zip(_positions(doc), ("word here", "\u00e9t\u00e9", "last word", "\u00bd")):
        assert decoded[a:b] == word
        assert doc.source.line_text(line)[col - 1:col - 1 + len(word)] == word
        assert doc.source.at(line, col) == doc.source.data.index(word.encode())   # offsets are bytes


def test_other_encodings_and_a_packed_source_give_the_same_positions(monkeypatch):
    text = bill(MULTIBYTE)
    utf8 = _positions(load.load("t.xml", None, data=text.encode()).doc)
    latin = text.replace('encoding="UTF-8"', 'encoding="ISO-8859-1"').replace("\u2014", "-").replace("\u201c", '"') \
        .replace("\u201d", '"')
    assert 'encoding="ISO-8859-1"' in latin
    doc = load.load("t.xml", None, data=latin.encode("latin-1")).doc
    for (line, col, a, b), word in zip(_positions(doc), ("word here", "\u00e9t\u00e9", "last word", "\u00bd")):
        assert latin[a:b] == word
    from billlint.model import source
    monkeypatch.setattr(source, "_PACK_ABOVE", 10)
    doc = load.load("t.xml", None, data=text.encode()).doc
    assert doc.source._packed
    assert _positions(doc) == utf8


def test_runs_rebuild_their_detail_on_demand():
    doc = doc_of(bill(MULTIBYTE))
    run = doc.text(doc.root.find(".//text"))
    assert run._detail is None           # built without the map back to the source
    assert run.marks == [(run.text.index("\u2014\u00bd"), run.text.index("\u2014\u00bd") + 3, "quote"),
                         (run.text.index("\u00e9t\u00e9"), run.text.index("\u00e9t\u00e9") + 3, "term")]
    assert [el.tag for el in run.holders(run.text.index("\u00bd"))] == ["quote"]
    assert run.mark(run.text.index("\u00e9t\u00e9"), run.text.index("\u00e9t\u00e9") + 1, "term").tag == "term"
    assert run.mark(0, 3, "term") is None
    pieces = [run.text[a:b] for a, b in run.segments()]
    assert "".join(pieces) == run.text and "\u2014\u00bd\u2014" in pieces


def test_memo_is_shared_until_released():
    doc = doc_of(bill(MULTIBYTE))
    calls = []
    assert doc.memo("k", lambda: calls.append(1) or len(calls)) == 1
    assert doc.memo("k", lambda: calls.append(1) or len(calls)) == 1
    doc.release()
    assert doc.memo("k", lambda: calls.append(1) or len(calls)) == 2


def test_checking_leaves_no_derived_values_behind():
    from billlint.pipeline.check import check_loaded
    from billlint.pipeline.options import Options
    loaded = load.load("t.xml", None, data=bill(MULTIBYTE).encode())
    seen = []
    real = loaded.doc.release
    loaded.doc.release = lambda runs=False: (seen.append((len(loaded.doc._memo), runs)), real(runs))
    check_loaded(loaded, Options())
    assert len(seen) >= 5 and seen[-1][1]           # once per family, and runs dropped at the end
    assert any(n for n, _ in seen)                 # families did leave values to release
    assert loaded.doc._memo == {} and loaded.doc._runs == {}


def test_run_in_compound_enum_is_two_units():
    # "(14)(A)": paragraph (14) with subparagraph (A) run in; (A)'s clauses tagged subparagraph, (B) tagged as
    # (14)'s sibling; "(ii)(I)": clause (ii) with subclause (I) run in, (II) its child in the markup
    from billlint.analysis.resolution import resolve_chain
    doc = doc_of(bill("""
<section id="s1"><enum>1.</enum><header>Definitions</header>
<paragraph id="p13"><enum>(13)</enum><text>The term X means Y.</text></paragraph>
<paragraph id="p14"><enum>(14)(A)</enum><text>The term Administrator means—</text>
<subparagraph id="p14i"><enum>(i)</enum><text>subject to subparagraph (B), the Director; and</text></subparagraph>
<subparagraph id="p14ii"><enum>(ii)</enum><text>another.</text></subparagraph></paragraph>
<paragraph id="p14b"><enum>(B)</enum><text>In no case under subparagraph (A)(i).</text></paragraph>
<paragraph id="p15"><enum>(15)</enum><text>The term Z means—</text>
<subparagraph id="p15a"><enum>(A)</enum><text>the first</text>
<clause id="c1"><enum>(i)</enum><text>one</text></clause>
<clause id="c2"><enum>(ii)(I)</enum><text>two</text>
<subclause id="c2b" indent="up1"><enum>(II)</enum><text>three</text></subclause></clause></subparagraph></paragraph>
</section>"""))
    got = [(p.path, p.level) for p in doc.provisions]
    assert got == [("sec. 1", "section"), ("sec. 1(13)", "paragraph"), ("sec. 1(14)(A)", "subparagraph"),
                   ("sec. 1(14)(A)(i)", "clause"), ("sec. 1(14)(A)(ii)", "clause"), ("sec. 1(14)(B)", "subparagraph"),
                   ("sec. 1(15)", "paragraph"), ("sec. 1(15)(A)", "subparagraph"), ("sec. 1(15)(A)(i)", "clause"),
                   ("sec. 1(15)(A)(ii)(I)", "subclause"), ("sec. 1(15)(A)(ii)(II)", "subclause")]
    by_path = {p.path: p for p in doc.provisions}
    outer = by_path["sec. 1(14)(A)"].parent
    assert outer.path == "sec. 1(14)" and outer.runin is by_path["sec. 1(14)(A)"]
    assert [c.cite for c in outer.children] == ["(A)", "(B)"]
    assert [c.cite for c in by_path["sec. 1"].children] == ["(13)", "(14)", "(15)"]
    # references resolve through the model: "subparagraph (B)" from (14)(A)(i), "(A)(i)" from (B)
    i = by_path["sec. 1(14)(A)(i)"]
    assert resolve_chain(doc, i, [("subparagraph", "B")], "reported") is by_path["sec. 1(14)(B)"]
    assert resolve_chain(doc, by_path["sec. 1(14)(B)"], [("subparagraph", "A"), ("clause", "i")], "reported") is i
    assert resolve_chain(doc, by_path["sec. 1"], [("paragraph", "15"), ("subparagraph", "A"), ("clause", "ii"),
                                                  ("subclause", "I")], "reported") is by_path["sec. 1(15)(A)(ii)(I)"]
