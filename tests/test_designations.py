import pytest

from billlint.analysis import designations as d

# (enum, level, class, value, suffix)
PARSE = [
    ("(a)", "subsection", d.LOWER, 1, ""),
    ("(h)", "subsection", d.LOWER, 8, ""),
    ("(i)", "subsection", d.LOWER, 9, ""),       # a letter at subsection level
    ("(j)", "subsection", d.LOWER, 10, ""),
    ("(v)", "subsection", d.LOWER, 22, ""),
    ("(z)", "subsection", d.LOWER, 26, ""),
    ("(aa)", "subsection", d.LOWER, 27, ""),
    ("(bb)", "subsection", d.LOWER, 28, ""),
    ("(1)", "paragraph", d.ARABIC, 1, ""),
    ("(14)", "paragraph", d.ARABIC, 14, ""),
    ("(4A)", "paragraph", d.ARABIC, 4, "A"),
    ("(A)", "subparagraph", d.UPPER, 1, ""),
    ("(I)", "subparagraph", d.UPPER, 9, ""),     # a letter at subparagraph level
    ("(Z)", "subparagraph", d.UPPER, 26, ""),
    ("(AA)", "subparagraph", d.UPPER, 27, ""),
    ("(i)", "clause", d.ROMAN, 1, ""),           # a numeral at clause level
    ("(iv)", "clause", d.ROMAN, 4, ""),
    ("(v)", "clause", d.ROMAN, 5, ""),
    ("(ix)", "clause", d.ROMAN, 9, ""),
    ("(xiv)", "clause", d.ROMAN, 14, ""),
    ("(I)", "subclause", d.ROMAN_UPPER, 1, ""),
    ("(IV)", "subclause", d.ROMAN_UPPER, 4, ""),
    ("(aa)", "item", d.DOUBLE, 1, ""),
    ("(bb)", "item", d.DOUBLE, 2, ""),
    ("(zz)", "item", d.DOUBLE, 26, ""),
    ("(AA)", "subitem", d.DOUBLE_UPPER, 1, ""),
    ("(CC)", "subitem", d.DOUBLE_UPPER, 3, ""),
    ("1.", "section", d.ARABIC, 1, ""),
    ("101.", "section", d.ARABIC, 101, ""),
    ("5A.", "section", d.ARABIC, 5, "A"),
    ("Sec. 12.", "section", d.ARABIC, 12, ""),
    ("I", "title", d.ROMAN_UPPER, 1, ""),
    ("IV", "title", d.ROMAN_UPPER, 4, ""),
    ("A", "subtitle", d.UPPER, 1, ""),
    ("C", "subtitle", d.UPPER, 3, ""),           # not roman 100 at subtitle level
    ("(3)", "clause", d.ARABIC, 3, ""),          # wrong class for the level, still parsed
    ("(B)", "paragraph", d.UPPER, 2, ""),
]


@pytest.mark.parametrize("raw,level,cls,value,suffix", PARSE)
def test_parse(raw, level, cls, value, suffix):
    got = d.parse(raw, level)
    assert (got.cls, got.value, got.suffix) == (cls, value, suffix)


def test_compound_enum_keeps_its_parts():
    got = d.parse("(b)(1)", "paragraph")
    assert got.parts == ("b", "1") and got.compound and got.cls == d.ARABIC and got.value == 1
    own = d.parse("(c)(1)", "subsection")
    assert (own.cls, own.value) == (d.LOWER, 3)
    lead = d.parse("10. (a)", "subsection")
    assert lead.parts == ("10", "a") and (lead.cls, lead.value) == (d.LOWER, 1)


@pytest.mark.parametrize("raw", ["", "  ", None, "—"])
def test_empty_enums_parse_to_none(raw):
    assert d.parse(raw, "section") is None


# Every class in order: each label follows the previous one.
ORDERS = [
    ("subsection", ["a", "b", "h", "i", "j", "y", "z", "aa", "bb"]),
    ("paragraph", ["1", "2", "9", "10", "11"]),
    ("subparagraph", ["A", "H", "I", "J", "Z", "AA", "BB"]),
    ("clause", ["i", "ii", "iii", "iv", "v", "vi", "ix", "x", "xi", "xl"]),
    ("subclause", ["I", "II", "III", "IV", "V", "IX", "X"]),
    ("item", ["aa", "bb", "cc", "zz", "aaa"]),
    ("subitem", ["AA", "BB", "ZZ", "AAA"]),
    ("section", ["1", "2", "99", "100", "101"]),
]


@pytest.mark.parametrize("level,labels", ORDERS)
def test_order_and_following(level, labels):
    parsed = [d.parse(f"({x})" if level != "section" else f"{x}.", level) for x in labels]
    assert [p.key for p in parsed] == sorted(p.key for p in parsed)
    assert len({p.key for p in parsed}) == len(parsed)
    consecutive = [(a, b) for a, b in zip(parsed, parsed[1:]) if b.value == a.value + 1]
    for a, b in consecutive:
        assert d.following(a) == b.core


def test_following_crosses_the_alphabet():
    assert d.following(d.parse("(z)", "subsection")) == "aa"
    assert d.following(d.parse("(Z)", "subparagraph")) == "AA"
    assert d.following(d.parse("(iv)", "clause")) == "v"
    assert d.following(d.parse("(viii)", "clause")) == "ix"
    assert d.following(d.parse("(zz)", "item")) == "aaa"
    assert d.first(d.DOUBLE) == "aa" and d.first(d.ROMAN_UPPER) == "I"


def test_inserted_designations_sort_between():
    keys = [d.parse(x, "paragraph").key for x in ("(4)", "(4A)", "(4B)", "(5)")]
    assert keys == sorted(keys)
    sec = [d.parse(x, "section").key for x in ("5.", "5A.", "6.")]
    assert sec == sorted(sec)


@pytest.mark.parametrize("n", [1, 4, 9, 14, 40, 49, 89, 399])
def test_roman_round_trip(n):
    assert d.roman_value(d.to_roman(n)) == n
