"""The optional compiled candidate searches (billlint/_speedups.c) find what their re fallbacks find."""

import pytest
from helpers import CORPUS, need_shared
from hypothesis import given, settings
from hypothesis import strategies as st

from billlint import speedups
from billlint.analysis import references
from billlint.model.vocabulary import ALL, REPORTED
from billlint.pipeline.load import load

C = pytest.importorskip("billlint._speedups", reason="the C extension is not built (no compiler at install)")

EXAMPLES = [
    # (text, reference candidates, this/such starts)
    ("Subsection (a) of section 2 and this paragraph", [0, 18, 37], [32]),
    ("subdivision (a), subsections (b), DIVISION A", [17, 34], []),
    ("xsection 2, _section 3, 2section 4, \u00e9section 5", [], []),          # no word boundary before
    ("\u017fection 5 and \u0130tem (i) and \u0131tem (ii)", [0, 14, 27], []),  # (?i): long s, dotted and dotless I
    ("Such section, this Act, THIS Act, Suchlike, thistle", [5], [0, 14, 34, 44]),
    ("(section 5)\u2014title I\u2014chapterpart", [1, 12, 20], []),
    ("", [], []),
]


@pytest.mark.parametrize("text, refs, this", EXAMPLES)
def test_both_find_the_candidates(text, refs, this):
    assert C.ref_starts(text) == speedups.ref_starts_py(text) == refs
    assert C.this_starts(text) == speedups.this_starts_py(text) == this


def test_the_scanner_patterns_begin_where_the_searches_look():
    # this_matches tries THIS only where THIS_DET matches, and scan tries REF only at a level word
    assert references.THIS.pattern.startswith(r"\b(?P<det>[Tt]his|[Ss]uch)")
    assert references.REF.pattern.startswith("(?P<word>(?i:")


def test_only_a_str():
    with pytest.raises(TypeError):
        C.ref_starts(b"section 5")
    with pytest.raises(TypeError):
        C.this_starts(None)


TOKENS = ["section", "Sub", "sub", "SECTION", "paragraph", "clause", "item", "title", "chapter", "part", "division",
          "This", "this", "Such", "such", "s", "i", "\u017f", "\u0130", "\u0131", "\u212a", "_", "2", "\u0663", "\u00e9",
          "\u01c5", " ", "\u00a0", "(a)", ",", "\u2014", "\U0001d400", "of "]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(TOKENS), max_size=12))
def test_both_agree_on_any_mix(tokens):
    text = "".join(tokens)
    assert C.ref_starts(text) == speedups.ref_starts_py(text)
    assert C.this_starts(text) == speedups.this_starts_py(text)


def _as_plain(refs):
    return [(r.start, r.end, r.kind, r.word, r.chains, r.scope, r.idref, r.term, r.missing_of,
             [id(t) for t in r.targets], r.struck) for r in refs]


@pytest.mark.corpus
def test_same_positions_and_references_over_the_corpus(monkeypatch):
    need_shared()
    files = sorted(CORPUS.glob("*.xml"))
    assert len(files) > 100
    for path in files:
        doc = load(str(path), None, validate=False).doc
        if doc is None:
            continue
        for prov in doc.provisions_in(ALL):
            text = doc.text(prov.el, ALL).text
            assert C.ref_starts(text) == speedups.ref_starts_py(text), path.name
            assert C.this_starts(text) == speedups.this_starts_py(text), path.name
        fast = _as_plain(references.find(doc, REPORTED))
        with monkeypatch.context() as m:
            m.setattr(speedups, "ref_starts", speedups.ref_starts_py)
            m.setattr(speedups, "this_starts", speedups.this_starts_py)
            m.setattr(speedups, "COMPILED", False)
            slow = _as_plain(references.find(doc, REPORTED))
        assert fast == slow, path.name
