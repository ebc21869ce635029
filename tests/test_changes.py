"""Change reports (billlint changes / diff) and the reported-markup rules (BL5xx)."""

import json
import os
import shutil
import subprocess
import time

import pytest
from helpers import CORPUS, SEEDS, need_shared, need_tool

from billlint.analysis import changes
from billlint.pipeline import load
from billlint.rules.registry import Selection
from billlint.pipeline.check import check_loaded
from billlint.pipeline.options import Options

HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<bill bill-stage="Reported-in-House" public-private="public">
<form><congress>119th CONGRESS</congress><session>1st Session</session><legis-num>H. R. 7</legis-num>
<current-chamber>IN THE HOUSE OF REPRESENTATIVES</current-chamber>
<action><action-date date="20250101">January 1, 2025</action-date><action-desc>Ms. A introduced the following bill;
which was referred to the <committee-name committee-id="HHM00" added-display-style="italic"
deleted-display-style="strikethrough">Committee on Homeland Security</committee-name>, and in addition to the
<committee-name committee-id="HJU00" added-display-style="boldface-roman" deleted-display-style="brackets-boldface-roman">Committee
on the Judiciary</committee-name></action-desc></action>
{actions}
<legis-type>A BILL</legis-type><official-title>To do something.</official-title></form>
{body}
</bill>"""

REPORTED_ACTION = ('<action stage="Reported-in-House"><action-date date="20250301">March 1, 2025</action-date><action-desc>'
                   "Reported with amendments</action-desc><action-instruction>{}</action-instruction></action>")
OMIT = "Omit the part struck through and insert the part printed in italic"
STRIKE_ALL = "Strike out all after the enacting clause and insert the part printed in italic"


def doc_of(body, instruction=OMIT):
    text = HEAD.format(actions=REPORTED_ACTION.format(instruction) if instruction else "", body=body)
    loaded = load.load("t.xml", None, data=text.encode())
    assert loaded.doc is not None, loaded.problems
    return loaded.doc


PHRASES = """<legis-body id="b">
<section id="s1"><enum>1.</enum><header>Report</header><text>The Secretary shall report within <deleted-phrase
committee-id="HHM00" reported-display-style="strikethrough">90</deleted-phrase><added-phrase committee-id="HHM00"
reported-display-style="italic">180</added-phrase> days.</text></section>
<section id="s2"><enum>2.</enum><header>Penalties</header><text>A person who violates section 1 shall be fined <added-phrase
committee-id="HJU00" reported-display-style="boldface-roman">not more than $1,000</added-phrase>.</text></section>
<section id="s3"><enum>3.</enum><header>Unchanged</header><text>Nothing here changes.</text></section>
</legis-body>"""


def test_phrase_level_changes_and_two_committees():
    rep = changes.report(doc_of(PHRASES))
    got = [(c.provision, c.change, c.committee, c.diff) for c in rep.changes]
    assert got == [
        ("sec. 1", "modified", "HHM00", [("=", "The Secretary shall report within "), ("-", "90"), ("+", "180"),
                                         ("=", " days.")]),
        ("sec. 2", "modified", "HJU00", [("=", "A person who violates section 1 shall be fined "),
                                         ("+", "not more than $1,000"), ("=", ".")]),
    ]
    assert [c[:2] for c in rep.committees] == [("HHM00", "Committee on Homeland Security"),
                                               ("HJU00", "Committee on the Judiciary")]
    assert findings(doc_of(PHRASES), "BL5") == []


def test_display_style_follows_each_committee():
    wrong = PHRASES.replace('committee-id="HJU00" reported-display-style="boldface-roman"',
                            'committee-id="HJU00" reported-display-style="italic"')
    assert [(n, m) for n, _p, m in findings(doc_of(wrong), "display-style-mismatch")] == [
        ("display-style-mismatch", "added-phrase marked added is displayed italic; added text of HJU00 is displayed "
                                   "boldface-roman")]
    struck_italic = PHRASES.replace('reported-display-style="strikethrough">90', 'reported-display-style="italic">90')
    assert [n for n, _p, _m in findings(doc_of(struck_italic), "display-style-mismatch")] == ["display-style-mismatch"]


def findings(doc, rule):
    loaded = load.Loaded("t.xml", doc=doc)
    return [(f.name, f.provision, f.message) for f in check_loaded(loaded, Options(Selection([rule])))]


SUBSTITUTE = """<legis-body id="old" changed="deleted" committee-id="HHM00" reported-display-style="strikethrough">
<section id="o1"><enum>1.</enum><header>Report</header><text>The Secretary shall report.</text></section>
<section id="o2"><enum>2.</enum><header>Repeal</header><text>Section 9 is repealed.</text></section></legis-body>
<legis-body id="new" changed="added" committee-id="HHM00" reported-display-style="italic">
<section id="n1"><enum>1.</enum><header>Report</header><text>The Secretary shall report.</text></section>
<section id="n2"><enum>2.</enum><header>Reports to Congress</header><text>The Secretary shall report to Congress.</text>
</section></legis-body>"""


def test_nested_and_substitute():
    rep = changes.report(doc_of(SUBSTITUTE, STRIKE_ALL))
    assert [(c.provision, c.change) for c in rep.changes] == [("sec. 2", "modified")]
    c = rep.changes[0]
    assert (c.header_before, c.header_after) == ("Repeal", "Reports to Congress")
    assert findings(doc_of(SUBSTITUTE, STRIKE_ALL), "BL5") == []
    # a deleted element inside added text
    nested = SUBSTITUTE.replace('<section id="n2">', '<section id="n2"><subsection id="x" changed="deleted">'
                                '<enum>(a)</enum><text>Old.</text></subsection>').replace(
        '<text>The Secretary shall report to Congress.</text>\n</section>', "</section>")
    assert [n for n, _p, _m in findings(doc_of(nested, STRIKE_ALL), "BL5")] == ["deleted-inside-added"]


def test_bill_without_its_struck_text():
    body = SUBSTITUTE.split("</legis-body>", 1)[1].replace('<section id="n2">', '<section id="n2">')
    body = body.replace("<legis-body", '<legis-body').strip()
    text_note = body.replace('<text>The Secretary shall report.</text>',
                             '<text>The Secretary shall report.</text>')
    doc = doc_of(text_note.replace("</legis-body>", '</legis-body><endorsement><action-date>March 1</action-date>'
                                   '</endorsement>') if False else text_note, STRIKE_ALL)
    # without a note saying where the struck text is, the instruction does not match the markup
    assert [n for n, _p, _m in findings(doc, "BL5")] == ["instruction-markup-mismatch"]
    noted = text_note.replace('<text>The Secretary shall report.</text>',
                              '<text>The Secretary shall report. For text of introduced bill, see copy of bill as '
                              'introduced on January 1, 2025.</text>')
    doc = doc_of(noted, STRIKE_ALL)
    rep = changes.report(doc)
    assert rep.notes and "struck text is not in this file" in rep.notes[0]
    assert all(c.change == "added" and not c.diff for c in rep.changes)
    assert findings(doc, "BL5") == []


def test_change_without_committee():
    body = PHRASES.replace('<added-phrase\ncommittee-id="HJU00" ', "<added-phrase ")
    assert [(n, m) for n, _p, m in findings(doc_of(body), "change-without-committee")] == [
        ("change-without-committee", "added-phrase marked added has no committee-id")]


# S. 885 (seed 002), read independently of billlint: the provisions of the substitute whose own text or
# header differs from the struck version's.
SEED_CHANGED = ["sec. 2(b)(4)(C)", "sec. 2(b)(5)", "sec. 2(b)(6)", "sec. 2(b)(7)", "sec. 2(b)(8)", "sec. 2(c)(1)",
                "sec. 2(c)(7)", "sec. 2(d)(2)", "sec. 2(f)", "sec. 2(g)(1)", "sec. 2(g)(2)", "sec. 2(h)", "sec. 2(i)",
                "sec. 2(j)", "sec. 2(j)(1)", "sec. 2(j)(2)"]


def test_seed_002_change_report(run):
    need_shared()
    rows = json.loads(run("changes", SEEDS / "002_13d6b53b233f789c.txt", "--format", "json").out)
    assert [r["provision"] for r in rows] == SEED_CHANGED
    kinds = {r["provision"]: r["change"] for r in rows}
    assert kinds["sec. 2(j)(1)"] == kinds["sec. 2(j)(2)"] == "deleted"
    assert [k for p, k in kinds.items() if p not in ("sec. 2(j)(1)", "sec. 2(j)(2)")] == ["modified"] * 14
    b5 = next(r for r in rows if r["provision"] == "sec. 2(b)(5)")
    assert ["-", "subsection (b)(4)"] in b5["diff"] and ["+", "paragraph (4)"] in b5["diff"]
    text = run("changes", SEEDS / "002_13d6b53b233f789c.txt").out
    assert "[-subsection (b)(4)-]{+paragraph (4)+}" in text
    assert "Committee on Homeland Security and Governmental Affairs (SSGA00)" in text
    assert "[Strike out all after the enacting clause and insert the part printed in italic]" in text


def test_diff_between_two_corpus_files(run):
    need_shared()
    rows = json.loads(run("diff", CORPUS / "BILLS-116hr1500ih.xml", CORPUS / "BILLS-116hr1500rh.xml",
                          "--format", "json").out)
    by = {r["provision"]: r for r in rows}
    assert by["sec. 4(b)(9)"]["change"] == "added"
    assert by["sec. 4(b)(9)"]["after"].startswith("Section 626 of the Financial Services and General Government")
    assert by["sec. 4(b)(9) -> sec. 4(b)(10)"]["before"] == by["sec. 4(b)(9) -> sec. 4(b)(10)"]["after"]
    assert ["+", "Sections 552a(w) and 3132(a)(1)(D) of title"] in by["sec. 4(b)(20)"]["diff"]
    assert ["+", " and provisions"] in by["sec. 4(a)"]["diff"]
    assert json.loads(run("diff", CORPUS / "BILLS-114hr766ih.xml", CORPUS / "BILLS-114hr766rh.xml",
                          "--format", "json").out) == []


def test_largest_bill_against_itself_reports_nothing(run):
    need_shared()
    largest = max(CORPUS.glob("*.xml"), key=lambda p: p.stat().st_size)
    started = time.monotonic()
    assert json.loads(run("diff", largest, largest, "--format", "json").out) == []
    assert time.monotonic() - started < 10  # the benchmark holds the real figure (under 3 s); this guards hangs


@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_other_formats(run, tmp_path, fmt):
    p = tmp_path / "b.xml"
    p.write_text(HEAD.format(actions=REPORTED_ACTION.format(OMIT), body=PHRASES))
    out = run("changes", p, "--format", fmt).out
    if fmt == "markdown":
        assert "## Committee on Homeland Security" in out and "~~90~~" in out and "**180**" in out
    else:
        assert "<del>90</del>" in out and "<ins>180</ins>" in out and "<script" not in out and "http" not in out


def test_html_renders_in_a_real_browser(run, tmp_path):
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        need_tool("chromium")
    from PIL import Image
    p = tmp_path / "b.xml"
    p.write_text(HEAD.format(actions=REPORTED_ACTION.format(OMIT), body=PHRASES))
    page = tmp_path / "report.html"
    page.write_text(run("changes", p, "--format", "html").out)
    shot = tmp_path / "shot.png"
    subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--no-first-run",
                    f"--user-data-dir={tmp_path / 'profile'}", f"--screenshot={shot}", "--window-size=1000,700",
                    page.as_uri()], capture_output=True, timeout=120, env={**os.environ, "HOME": str(tmp_path)})
    assert shot.exists(), "chromium made no screenshot"
    pixels = list(Image.open(shot).convert("RGB").get_flattened_data())
    # the struck words sit on their pink background, the inserted ones on green: both must be on the page
    pink = sum(1 for r, g, b in pixels if abs(r - 0xff) < 6 and abs(g - 0xd7) < 6 and abs(b - 0xd7) < 6)
    green = sum(1 for r, g, b in pixels if abs(r - 0xc8) < 6 and abs(g - 0xf7) < 6 and abs(b - 0xc5) < 6)
    assert pink > 50 and green > 50, (pink, green)
