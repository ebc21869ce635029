"""Lazily compiled patterns behave as compiled ones, compile on first use, and pickle (worker processes, schema cache)."""

import pickle
import re

from billlint.model.patterns import lazy


def test_compiles_on_first_use_and_then_matches_as_re():
    p = lazy(r"\bsection\s+(?P<n>\d+)", re.I)
    assert "search" not in vars(p)            # nothing compiled yet
    assert p.pattern == r"\bsection\s+(?P<n>\d+)"
    m = p.search("See SECTION 12 of the Act.")
    assert m.group("n") == "12" and "search" in vars(p)
    assert [x.group(0) for x in p.finditer("section 1 and section 2")] == ["section 1", "section 2"]
    assert p.sub("§", "section 3") == "§" and p.groupindex == {"n": 1}
    assert p.flags == re.compile(p.pattern, re.I).flags


def test_pickles_by_its_source():
    p = pickle.loads(pickle.dumps(lazy(r"a+b", re.I)))
    assert p.fullmatch("AAB") and not p.fullmatch("ba")
