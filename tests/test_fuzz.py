"""Property tests (hypothesis) and a corpus-mutation fuzz test. CI runs a short share; `tox -e fuzz`
runs many more examples (BILLLINT_FUZZ_EXAMPLES)."""

import os
import random

from helpers import CORPUS, need_shared
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from billlint.analysis import designations as d
from billlint.pipeline import load
from billlint.analysis import references
from billlint.rules.registry import Selection
from billlint.pipeline.check import check_loaded
from billlint.pipeline.options import Options

EXAMPLES = int(os.environ.get("BILLLINT_FUZZ_EXAMPLES", "200"))
fuzz = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
LEVELS = list(d.EXPECTED) + list(d.ABOVE_SECTION)


@fuzz
@given(st.text(max_size=12), st.sampled_from(LEVELS + [None]))
def test_designation_parsing_never_raises(raw, level):
    got = d.parse(raw, level)
    assert got is None or isinstance(got.key, tuple)


@fuzz
@given(st.sampled_from([d.ARABIC, d.LOWER, d.UPPER, d.ROMAN, d.ROMAN_UPPER, d.DOUBLE, d.DOUBLE_UPPER]),
       st.integers(min_value=1, max_value=150))
def test_labels_parse_back_and_order(cls, n):
    level = next((lv for lv, c in d.EXPECTED.items() if c == cls), None)
    a = d.parse(f"({d.label(n, cls)})", level)
    b = d.parse(f"({d.label(n + 1, cls)})", level)
    assert (a.cls, a.value) == (cls, n) and a.key < b.key and d.following(a) == b.core


WORDS = st.sampled_from(["section", "subsection", "paragraphs", "clause", "of", "and", "through", "this", "such",
                         "Act", "title", "(a)", "(1)", "(A)", "(ii)", "(b)(4)", "5", "3(c)(2)", ",", "the", "or"])


@fuzz
@given(st.lists(WORDS, max_size=25))
def test_reference_scanning_never_raises_and_spans_round_trip(words):
    text = " ".join(words)
    doc = load.load("t.xml", None, data=(
        '<bill><legis-body><section id="s"><enum>1.</enum><text>' + text + "</text>"
        '<subsection id="a"><enum>(a)</enum><text>x</text></subsection></section></legis-body></bill>').encode()).doc
    for r in references.find(doc, "reported"):
        a, b = doc.source.span(r.run, r.start, r.end)
        assert doc.source.slice(a, b) == r.text


@fuzz
@given(st.binary(max_size=400))
def test_the_loader_takes_any_bytes(data):
    loaded = load.load("t.xml", None, data=data)
    assert loaded.doc is not None or loaded.problems


def _mutations(tree, rng):
    els = [e for e in tree.iter() if isinstance(e.tag, str)]
    enums = [e for e in els if e.tag == "enum"]
    texts = [e for e in els if e.tag == "text"]
    for _ in range(rng.randint(1, 6)):
        kind = rng.choice(["swap", "cut", "ref", "enum"])
        if kind == "swap" and len(enums) > 1:
            a, b = rng.sample(enums, 2)
            a.text, b.text = b.text, a.text
        elif kind == "cut" and len(els) > 3:
            victim = rng.choice(els[2:])
            if victim.getparent() is not None:
                victim.getparent().remove(victim)
                els = [e for e in tree.iter() if isinstance(e.tag, str)]
        elif kind == "ref" and texts:
            t = rng.choice(texts)
            t.text = (t.text or "") + rng.choice([" under subsection (z)(9)", " in paragraph (4)(B) of section 3",
                                                  " by redesignating paragraphs (1) through (3) as paragraphs (2)"])
        elif kind == "enum" and enums:
            rng.choice(enums).text = rng.choice(["(4A)", "(aa)", "(iv)", "(Z)", "", "101.", "(b)(1)"])


def test_corpus_mutation_fuzz():
    """Random edits of real bills: billlint neither crashes nor hangs."""
    need_shared()
    rng = random.Random(int(os.environ.get("BILLLINT_FUZZ_SEED", "7")))
    files = sorted(p for p in CORPUS.glob("*.xml") if p.stat().st_size < 300_000)
    rounds = max(6, EXAMPLES // 10)
    for i in range(rounds):
        path = rng.choice(files)
        tree = etree.parse(str(path), etree.XMLParser(resolve_entities=False, no_network=True))
        _mutations(tree, rng)
        data = etree.tostring(tree)
        found = check_loaded(load.load(f"m{i}.xml", None, data=data), Options(Selection()))
        assert not [f for f in found if f.code == "BL008"], (path.name, [f.message for f in found if f.code == "BL008"])
