"""The bill's text index (model/textindex.py): the families that search it first find what their patterns alone find."""

import pytest
from helpers import bill

from billlint.analysis import references
from billlint.model.textindex import fold
from billlint.pipeline import load
from billlint.rules.bl4_text.common import entries

from test_text import findings, sec

BODY = (sec("As provided in SECTION 3, Subsection (a) of this section, paragraphs (1) through (3) of "
            "subsection (b), and such paragraph, the Secretary shall act under Title II and subpart B.", "2")
        + sec("Section 2(b) applies. This section, subclause (I), and Division A apply.", "3"))


def refs(body: str) -> list:
    doc = load.load("t.xml", None, data=bill(body).encode(), validate=False).doc
    return doc, [(r.prov.path, r.text, r.kind) for r in references.find(doc, "reported")]


def test_references_are_the_same_with_the_index_and_without_it():
    doc, found = refs(BODY)
    assert doc.index("reported").exact
    # a long s ("ſ") matches "s" case aside but does not fold to it: the bill is searched without the index
    odd, plain = refs(BODY + sec("The ſame.", "4"))
    assert not odd.index("reported").exact
    assert found == plain
    assert [t for _p, t, _k in found] == ["SECTION 3", "Subsection (a)", "this section",
                                          "paragraphs (1) through (3) of subsection (b)", "such paragraph", "Title II",
                                          "subpart B", "Section 2(b)", "This section", "subclause (I)", "Division A"]


def test_fold_keeps_positions():
    text = "İstanbul “Section” 5"
    assert len(fold(text)) == len(text) and fold(text)[10:17] == b"section"


@pytest.mark.parametrize("space", [" ", "\u00a0", "\u2003"])
def test_a_doubled_word_across_any_space_is_found(space):
    got = findings(sec(f"shall submit to the{space}the Committee."), "doubled-word")
    assert [m.split(":")[0] for _n, _p, m, _f in got] == ['"the the"']


@pytest.mark.parametrize("name", ["confusables.toml", "wordy.toml", "misspellings.toml"])
def test_a_hint_matches_where_its_pattern_does(name):
    """A hint selects the provisions a trigger-less pattern is tried in: it must match the folded example."""
    for e in entries(name):
        if e.hint is not None:
            m = e.pattern.search(e.example)
            assert m and e.hint.search(fold(e.example)), e.example


def test_a_number_in_words_and_figures_is_found_through_its_hint():
    got = findings(sec("individuals who are sixty-five\u00a0(65) years of age."), "wordy-phrase")
    assert [m.split(":")[0] for _n, _p, m, _f in got] == ['"sixty-five (65)" -> "65"']
