"""BL4xx drafting-text rules: bad and good fixtures; every confusable pair with a correct use that stays silent."""

import re

import pytest
from helpers import bill

from billlint.pipeline import load
from billlint.rules.registry import Selection
from billlint.rules.bl4_text.common import entries
from billlint.pipeline.check import check_loaded
from billlint.pipeline.options import Options


def findings(body, rule):
    loaded = load.load("t.xml", None, data=bill(body).encode())
    assert loaded.doc is not None, loaded.problems
    return [(f.name, f.provision, f.message, f.fix) for f in check_loaded(loaded, Options(Selection([rule])))]


def sec(text, n="2", header="Reports"):
    return f'<section id="s{n}"><enum>{n}.</enum><header>{header}</header><text>{text}</text></section>'


# After seed 001, section 104(d)(1)(D): the only slip in it is "rational".
SEED_104 = """<section id="s104"><enum>104.</enum><header>International assignment and assistance</header>
<subsection id="d"><enum>(d)</enum><header>Notifications</header>
<paragraph id="d1"><enum>(1)</enum><header>Assistance</header><text>Not later than 30 days after providing assistance
under this section, the Secretary shall submit a notification that includes the following:</text>
<subparagraph id="d1A"><enum>(A)</enum><text>An identification of the foreign government, international organization, or
international entity provided the assistance.</text></subparagraph>
<subparagraph id="d1B"><enum>(B)</enum><text>The reason for providing the assistance.</text></subparagraph>
<subparagraph id="d1C"><enum>(C)</enum><text>A description of the equipment, services, technical assistance, or
expertise provided.</text></subparagraph>
<subparagraph id="d1D"><enum>(D)</enum><text>A determination regarding whether the equipment, services, technical
assistance, or expertise was provided on a reimbursable or nonreimbursable basis, and the rational for why the
assistance was provided with or without reimbursement.</text></subparagraph></paragraph></subsection></section>"""


def test_seed_001_rational_is_the_only_finding():
    got = findings(SEED_104, "BL4")
    assert [(n, p) for n, p, _m, _f in got] == [("confusable-word", "sec. 104(d)(1)(D)")]
    assert got[0][2].startswith('"rational" -> "rationale"')
    assert got[0][3] is not None and got[0][3].replacement == "rationale" and got[0][3].safe


CONFUSABLES = entries("confusables.toml")


@pytest.mark.parametrize("entry", CONFUSABLES, ids=[e.suggestion + str(i) for i, e in enumerate(CONFUSABLES)])
def test_each_confusable_fires_on_its_example_and_not_on_its_good_use(entry):
    bad = findings(sec(entry.example + "."), "confusable-word")
    assert len(bad) == 1 and entry.suggestion.lower() in bad[0][2].lower(), bad
    assert entry.good, "every entry needs a correct use"
    assert findings(sec(entry.good + "."), "confusable-word") == []


def test_every_pair_in_the_drafting_rules_is_covered():
    words = " ".join(e.suggestion + " " + e.example for e in CONFUSABLES).lower()
    for pair in ["rationale", "principal", "principle", "effect", "affect", "its", "complement", "ensure", "statute",
                 "discrete", "counsel", "council", "personnel", "preceding", "proceed", "prescribed", "waive", "forgo",
                 "than"]:
        assert pair in words, pair


def test_quoted_words_are_left_alone():
    assert findings(sec("Section 5 is amended by striking <quote>the rational for</quote>."), "confusable-word") == []


DOUBLED = [
    ("shall submit to the the Committee.", ['"the the"']),
    ("shall submit to the\n the Committee.", ['"the the"']),
    ("the report that that agency submits.", []),
    ("if the agency had had notice.", []),
    ("shall submit to the <term>the</term> Committee.", []),  # across an element boundary
    ("by striking <quote>the the</quote>.", []),
]


@pytest.mark.parametrize("text,expected", DOUBLED)
def test_doubled_word(text, expected):
    got = findings(sec(text), "doubled-word")
    assert [m.split(":")[0] for _n, _p, m, _f in got] == expected


def dash_list(*items, lead="The Secretary shall—"):
    inner = "".join(f'<paragraph id="p{i}"><enum>({i + 1})</enum><text>{t}</text></paragraph>' for i, t in enumerate(items))
    return f'<section id="s2"><enum>2.</enum><header>Duties</header><text>{lead}</text>{inner}</section>'


LISTS = [
    (dash_list("select apprentices;", "train them; and", "report to Congress."), []),
    (dash_list("select apprentices; and", "train them; and", "report to Congress."),
     ['"and" after item (1): the conjunction goes only after the next-to-last item ((2))']),
    (dash_list("select apprentices;", "train them.", "report to Congress."),
     ['item (2) ends with "."; items before the last end with ";"']),
    (dash_list("select apprentices;", "train them; and", "report to Congress;"),
     ['the last item (3) ends with ";"; it should end the sentence with "."']),
    (dash_list("select apprentices;", "The Secretary shall train them; and", "report to Congress."),
     ['item (2) starts with "The"; after a dash the items continue the sentence in lower case']),
    (dash_list("select apprentices,", "train them, and", "report to Congress."), []),   # Code style
    (dash_list("Apprentices.", "Training.", "Reports.", lead="In this section:"), []),
    (dash_list("Apprentices.", "Training;", "Reports.", lead="In this section:"),
     ['item (2) ends with ";" while the other items of this list']),
]


@pytest.mark.parametrize("body,expected", LISTS)
def test_list_punctuation(body, expected):
    got = [m for _n, _p, m, _f in findings(body, "list-punctuation")]
    assert len(got) == len(expected) and all(m.startswith(w) for m, w in zip(got, expected)), got


def short_title(name, mention):
    return (f'<section id="s1"><enum>1.</enum><header>Short title</header><text>This Act may be cited as the '
            f'<quote><short-title>{name}</short-title></quote>.</text></section>' + sec(mention))


def test_short_title_mismatch():
    # a later year: no earlier Act of the name can be meant (an earlier one is a warning, see BL404.yml)
    bad = findings(short_title("Cyber Partner Act of 2024", "Not later than 1 year after the date of enactment of the "
                                                           "Cyber Partner Act of 2025, the Secretary shall report."),
                   "short-title-mismatch")
    assert [(p, m) for _n, p, m, _f in bad] == [
        ("sec. 2", '"Cyber Partner Act of 2025" does not match the short title "Cyber Partner Act of 2024"')]
    assert bad[0][3].replacement == "Cyber Partner Act of 2024"
    good = short_title("Cyber Partner Act of 2024", "Not later than 1 year after the date of enactment of the Cyber "
                                                    "Partner Act of 2024, the Secretary shall report.")
    assert findings(good, "short-title-mismatch") == []
    # an earlier Act of the same name, cited as another law, is not this bill
    other = short_title("Cyber Partner Act of 2024", "Section 5 of the Cyber Partner Act of 2018 (Public Law 115-1) is "
                                                     "repealed.")
    assert findings(other, "short-title-mismatch") == []


def test_short_title_element_against_its_sentence():
    text = ('<section id="s1"><enum>1.</enum><header>Short title</header><text>This Act may be cited as the '
            '<quote>Cyber <short-title>Partner Act of 2024</short-title></quote>.</text></section>')
    got = findings(text, "short-title-mismatch")
    assert [m for _n, _p, m, _f in got] == ['the quoted name "Cyber Partner Act of 2024" and the short-title element '
                                            '"Partner Act of 2024" differ']


def toc_bill(entries_, sections):
    toc = "".join(f'<toc-entry level="section">{e}</toc-entry>' for e in entries_)
    body = (f'<section id="s1"><enum>1.</enum><header>Short title; table of contents</header><text>This Act may be '
            f'cited as the <quote><short-title>Toc Act</short-title></quote>.</text><toc>{toc}</toc></section>')
    body += "".join(sec("Text.", n, h) for n, h in sections)
    return body


def test_toc_mismatch():
    sections = [("2", "Findings"), ("3", "Reports to Congress")]
    good = toc_bill(["Sec. 1. Short title; table of contents.", "Sec. 2. Findings.", "Sec. 3. Reports to Congress."],
                    sections)
    assert findings(good, "toc-mismatch") == []
    bad = toc_bill(["Sec. 1. Short title; table of contents.", "Sec. 2. Findings.", "Sec. 3. Report."], sections)
    assert [m for _n, _p, m, _f in findings(bad, "toc-mismatch")] == [
        'the table of contents says "Report" for sec. 3, whose header is "Reports to Congress"']
    missing = toc_bill(["Sec. 1. Short title; table of contents.", "Sec. 2. Findings."], sections)
    assert [m for _n, _p, m, _f in findings(missing, "toc-mismatch")] == [
        "sec. 3 (Reports to Congress) is missing from the table of contents"]
    extra = toc_bill(["Sec. 1. Short title; table of contents.", "Sec. 2. Findings.", "Sec. 3. Reports to Congress.",
                      "Sec. 4. Authorization."], sections)
    assert [m for _n, _p, m, _f in findings(extra, "toc-mismatch")] == [
        "the table of contents lists section 4 (Authorization), which the bill does not have"]


def test_toc_mismatch_each_legis_body_has_its_own_table():
    sections = [("2", "Findings"), ("3", "Reports to Congress")]
    full = ["Sec. 1. Short title; table of contents.", "Sec. 2. Findings.", "Sec. 3. Reports to Congress."]
    good = toc_bill(full, sections) + "</legis-body><legis-body>" + toc_bill(full, sections).replace('"s1"', '"t1"')
    assert findings(good, "toc-mismatch") == []
    bad = toc_bill(full, sections) + "</legis-body><legis-body>" + toc_bill(full, sections[:1]).replace('"s1"', '"t1"')
    assert [m for _n, _p, m, _f in findings(bad, "toc-mismatch")] == [
        "the table of contents lists section 3 (Reports to Congress), which the bill does not have"]


WORDY = [
    ("The Secretary shall report within 30 days of the date of enactment.", ['"within 30 days of" -> "not later than 30 days after"']),
    ("The Secretary shall report not later than 30 days after the date of enactment.", []),
    ("The Secretary is authorized to make grants.", ['"is authorized to" -> "may"']),
    ("There are authorized to be appropriated such sums as may be necessary to carry out this section.", []),
    ("Individuals who are sixty-five (65) years of age.", ['"sixty-five (65)" -> "65"']),
    ("Funds shall be available: <italic>Provided</italic>, That no funds shall be used for travel.",
     ['"Provided, That" -> "except that"']),
]


@pytest.mark.parametrize("text,expected", WORDY)
def test_wordy_phrase(text, expected):
    got = [m for _n, _p, m, _f in findings(sec(text), "wordy-phrase")]
    assert len(got) == len(expected) and all(m.startswith(w) for m, w in zip(got, expected)), got


def test_provisos_are_the_convention_in_appropriations():
    text = sec("Funds shall be available: <italic>Provided</italic>, That no funds shall be used for travel.")
    loaded = load.load("t.xml", None, data=bill(text).replace('public-private="public"',
                                                             'public-private="public" bill-type="appropriations"').encode())
    assert check_loaded(loaded, Options(Selection(["wordy-phrase"]))) == []


def test_word_lists_have_what_an_office_needs():
    for name in ("confusables.toml", "wordy.toml", "misspellings.toml"):
        for e in entries(name):
            assert e.suggestion and e.reason and e.example and isinstance(e.pattern, re.Pattern)


@pytest.mark.parametrize("apostrophe", ["'", "\u2019"])
def test_a_list_of_triggers_finds_each_spelling(apostrophe):
    got = findings(sec(f"The Commission shall carry out it{apostrophe}s duties. It shall report."), "confusable-word")
    assert [g[2].split('"')[1] for g in got] == [f"it{apostrophe}s"]
    assert findings(sec("The Commission shall carry out its duties."), "confusable-word") == []


MISSPELLINGS = entries("misspellings.toml")


@pytest.mark.parametrize("entry", MISSPELLINGS, ids=[e.suggestion + str(i) for i, e in enumerate(MISSPELLINGS)])
def test_each_misspelling_fires_on_its_example_and_its_fix_gives_the_good_use(entry):
    from billlint.pipeline.fix import apply_fixes
    body = sec(entry.example + ".")
    bad = findings(body, "misspelled-word")
    assert len(bad) == 1 and bad[0][3] is not None and bad[0][3].safe, bad
    fixed, n = apply_fixes(bill(body).encode(), [bad[0][3]])
    assert n == 1 and entry.good in fixed.decode(), fixed.decode()
    assert findings(sec(entry.good + "."), "misspelled-word") == []


def test_a_misspelling_the_bill_strikes_is_left_alone():
    assert findings(sec("Section 5 is amended by striking <quote>recieve</quote> and inserting "
                        "<quote>receive</quote>."), "misspelled-word") == []


def test_misspellings_are_not_confusables():
    """A misspelling is a non-word; real words in the wrong place belong to confusables.toml."""
    confusable = {e.suggestion.lower() for e in CONFUSABLES}
    assert not {e.suggestion.lower() for e in MISSPELLINGS} & confusable
