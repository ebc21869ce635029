"""Designations: parse an enum such as "(b)", "(4A)", "(iv)", "(aa)" or "101." and order them.

The class of a designation depends on its level, not only on its characters: "(i)" is the ninth letter
at subsection level and the numeral one at clause level (HOLC Manual 312(a)(1)). After (z) come (aa),
(bb), ...; items start at (aa) and subitems at (AA).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from ..model.patterns import lazy
from ..model.vocabulary import ABOVE_SECTION, ARABIC, DOUBLE, DOUBLE_UPPER, EXPECTED, LOWER, ROMAN, ROMAN_UPPER, UPPER

_ROMAN = lazy(r"^(?=[mdclxvi])m{0,3}(cm|cd|d?c{0,3})(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$")
_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}
# The level word before a designation, or the section sign of a Code section ("§ 100101.").
_STRIP = lazy(r"^\s*(?:(?:sec(?:tion)?|title|subtitle|division|chapter|subchapter|part|subpart)(?:\.?\s+|\.?\s*$)"
              r"|§+\s*)?", re.I)
# Quotation marks around a quoted designation, nested quotations included ("“ ‘(e)"), and the spaces between.
_QUOTES = lazy(r"^[\s‘’“”'\"]+|[\s‘’“”'\"]+$")
_PARTS = lazy(r"\(([^()]*)\)")
_ARABIC = lazy(r"^(\d+)(?:-?([A-Za-z]{1,3}|\d+))?$")
_CODE_SECTION = lazy(r"^(\d+)([A-Za-z]*(?:[-–—]\d+[A-Za-z]*)+)$")  # "4b–1", "300aa-25": Code sections
_LETTERS = lazy(r"^([a-z])\1*$|^([A-Z])\2*$")
_LETTER_SUFFIX = lazy(r"^([a-zA-Z])\1*-?(\d+)$")


def roman_value(s: str) -> int | None:
    s = s.lower()
    if not _ROMAN.match(s):
        return None
    total = 0
    for a, b in zip(s, s[1:] + " "):
        v = _ROMAN_VALUES[a]
        total += -v if b != " " and _ROMAN_VALUES[b] > v else v
    return total


def to_roman(n: int) -> str:
    out = []
    for v, sym in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"),
                   (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        while n >= v:
            out.append(sym)
            n -= v
    return "".join(out)


@dataclass(frozen=True)
class Designation:
    raw: str            # the enum as written: "(4A)", "101.", "(b)(1)"
    core: str           # without punctuation: "4A", "101", "b)(1"
    cls: str | None     # class decided for the level, or None if it fits none
    value: int | None   # ordinal within the class, 1-based
    suffix: str = ""    # an inserted designation's suffix: "A" in (4A)
    parts: tuple = ()   # a compound enum's parts: ("b", "1") for "(b)(1)"

    @property
    def key(self) -> tuple:
        """Sort key among siblings: value, then inserted suffix."""
        return (self.value if self.value is not None else -1, _suffix_key(self.suffix))

    @property
    def compound(self) -> bool:
        return len(self.parts) > 1

    def __str__(self) -> str:
        return self.raw


def _suffix_key(s: str) -> tuple:
    if not s:
        return (0, 0)
    if s.isdigit():
        return (1, int(s))
    return (1, sum((ord(c.lower()) - 96) * 27 ** i for i, c in enumerate(reversed(s))))


def clean(raw: str) -> tuple[str, tuple]:
    """Strip an enum to its core and compound parts: "(b)(1)" -> ("b)(1", ("b", "1"))."""
    s = _STRIP.sub("", _QUOTES.sub("", raw or "")).strip().rstrip(".—–-: ").strip()
    parts = tuple(p.strip() for p in _PARTS.findall(s))
    lead = re.match(r"^(\d+[A-Za-z]?)\.\s*\(", s)
    if lead:
        parts = (lead.group(1),) + parts
    if parts:
        core = s[1:-1].strip() if s.startswith("(") and s.endswith(")") else s
        return core, parts
    return s, (s,) if s else ()


@functools.lru_cache(maxsize=65536)
def parse(raw: str | None, level: str | None = None) -> Designation | None:
    """Parse an enum for a provision of the given level (designations are immutable, so results are shared)."""
    if raw is None:
        return None
    core, parts = clean(raw)
    if not core or "__" in core:
        # a blank to be filled ("SEC. 1__.", "(__)"): an amendment's new unit, numbered when it is placed
        return None
    if len(parts) > 1:
        # "(c)(1)" on a subsection is subsection (c) with paragraph (1) run in; "10. (a)" on a subsection
        # carries its section's number in front. The part of the level's class is the provision's own.
        own = [classify(x, level) for x in parts]
        pick = next((c for c in own if c[0] == EXPECTED.get(level or "")), own[0])
        return Designation(raw, core, *pick, parts)
    cls, value, suffix = classify(core, level)
    return Designation(raw, core, cls, value, suffix, parts)


def classify(core: str, level: str | None) -> tuple[str | None, int | None, str]:
    expected = EXPECTED.get(level or "")
    m = _ARABIC.match(core)
    if m:
        return ARABIC, int(m.group(1)), m.group(2) or ""
    m = _CODE_SECTION.match(core)
    if m and level in (None, "section"):
        return ARABIC, int(m.group(1)), m.group(2)
    m = _LETTER_SUFFIX.match(core)
    if m:  # an inserted letter designation such as (a1)
        cls, value, _ = classify(core[: m.start(2)].rstrip("-"), level)
        return cls, value, m.group(2)
    if core.isalpha() and core.isascii():
        upper = core.isupper()
        if not (upper or core.islower()):
            return None, None, ""
        roman_cls, letter_cls, double_cls = (ROMAN_UPPER, UPPER, DOUBLE_UPPER) if upper else (ROMAN, LOWER, DOUBLE)
        rv = roman_value(core)
        if expected == roman_cls and rv is not None:
            return roman_cls, rv, ""
        same = _LETTERS.match(core)
        if same:
            idx = ord(core[0].lower()) - 96
            if expected == double_cls and len(core) >= 2:
                return double_cls, idx + 26 * (len(core) - 2), ""
            if level in ("title", "subchapter", "chapter") and rv is not None and set(core.lower()) <= set("ivx"):
                return roman_cls, rv, ""
            return letter_cls, idx + 26 * (len(core) - 1), ""
        if rv is not None:
            return roman_cls, rv, ""
        # An inserted designation such as (AA) lettered (Ab) is rare; anything else fits no class.
    return None, None, ""


def unify(ds: list[Designation]) -> list[Designation]:
    """Above the section a list is letters or roman numerals by custom; the whole list decides which.

    Titles I, II, III, IV are numerals; subchapters A, B, C, D are letters, even though C and D read as roman.
    """
    if len(ds) < 2 or not all(d is not None and d.cls in (UPPER, ROMAN_UPPER) and not d.suffix for d in ds):
        return ds
    cores = [d.core for d in ds]
    if all(roman_value(c) for c in cores) and (any(len(c) > 1 for c in cores) or cores[:2] == ["I", "II"]):
        return [Designation(d.raw, d.core, ROMAN_UPPER, roman_value(d.core), "", d.parts) for d in ds]
    return [Designation(d.raw, d.core, UPPER, ord(d.core[0]) - 64 + 26 * (len(d.core) - 1), "", d.parts)
            if _LETTERS.match(d.core) else d for d in ds]


def label(value: int, cls: str) -> str:
    """The core text of the value-th designation of a class: (27, lower) -> "aa"."""
    if cls == ARABIC:
        return str(value)
    if cls in (ROMAN, ROMAN_UPPER):
        r = to_roman(value)
        return r.upper() if cls == ROMAN_UPPER else r
    if cls in (DOUBLE, DOUBLE_UPPER):
        value += 26
    n, idx = divmod(value - 1, 26)
    s = chr(97 + idx) * (n + 1)
    return s.upper() if cls in (UPPER, DOUBLE_UPPER) else s


# No list of units in any law runs to this many (the longest chapters of the Code hold a few thousand
# sections); a range past it -- "by redesignating section 9 as section 100000000" -- is not a list to expand.
MAX_RUN = 10_000


class TooLong(ValueError):
    """A run of designations longer than MAX_RUN: reported by the rule that met it, never expanded."""

    def __init__(self, first: int, stop: int, cls: str):
        super().__init__(f"{stop - first:,} designations")
        self.first, self.stop, self.cls, self.count = first, stop, cls, stop - first


def run(first: int, stop: int, cls: str) -> list[str]:
    """The cores of designations first .. stop-1 of a class, in order; TooLong when that is more than MAX_RUN.

    The length is checked before anything is built: a number in a bill costs no memory."""
    if stop - first > MAX_RUN:
        raise TooLong(first, stop, cls)
    return [label(v, cls) for v in range(first, stop)]


def first(cls: str) -> str:
    return label(1, cls)


def following(d: Designation) -> str | None:
    """The core of the designation that comes after d in its class (ignoring inserted suffixes)."""
    if d.cls is None or d.value is None:
        return None
    return label(d.value + 1, d.cls)


def fmt(core: str, level: str | None) -> str:
    """How a designation is cited: "(b)" for subsections and below, "5" for sections, "I" above."""
    return core if level in ABOVE_SECTION or level == "section" else f"({core})"


def run_in(raw: str | None, level: str) -> list[tuple[str, Designation]]:
    """A run-in compound enum split into its units, senior first: "(14)(A)" on a paragraph ->
    [(paragraph, (14)), (subparagraph, (A))]. HOLC style starts a unit's first subdivision on the unit's own
    line, and GPO marks the two designations as one enum. Empty unless every part fits the class of its level
    in turn (the level below the one before), from the element's own level down."""
    if not raw or level not in EXPECTED or level == "section":
        return []
    core, parts = clean(raw)
    if len(parts) < 2 or not re.fullmatch(r"(?:\([^()]+\))+", core.join("()") if core else ""):
        return []
    levels = list(EXPECTED)
    i = levels.index(level)
    if i + len(parts) > len(levels):
        return []
    out = []
    for lv, part in zip(levels[i:], parts):
        d = parse(f"({part})", lv)
        if d is None or d.cls != EXPECTED[lv]:
            return []
        out.append((lv, d))
    return out
