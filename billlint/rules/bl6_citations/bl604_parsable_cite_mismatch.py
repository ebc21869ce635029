"""BL604 parsable-cite-mismatch."""

from __future__ import annotations


from ...model.patterns import lazy
from ...analysis import citations as cx
from ..registry import rule
from .common import cites, report

_D = "[" + cx.DASHES + "]"
_LAW = lazy(r"(?<![\d.])(\d{1,3})\s*" + _D + r"\s*(\d{1,4})(?!\d)")
_CODE = lazy(r"(?<![\d(])(\d{1,2})\s*U\.?\s?S\.?\s?C\.?\s*(?:App\.\s*)?(\d+[A-Za-z]*(?:" + _D + r"\d+[A-Za-z]*)*)")
_SECTION = lazy(r"^[Ss]ections?\s+(\d+[A-Za-z]*(?:\.\d+)?(?:" + _D + r"\d+[A-Za-z]*)*)")
_OF_TITLE = lazy(r"\bof\s+title\s+(\d{1,2})\b")
_CHAPTER = lazy(r"^[Cc]hapters?\s+(\d+[A-Za-z]*)")
_STAT = lazy(r"^(\d{1,3})\s+Stat\.\s*(\d{1,5}(?:A" + _D + r"\d+)?)")


def _title(text: str) -> str:
    """The title a "section N of title T" or "chapter N of title T" cite names, or "*" when it names none."""
    t = _OF_TITLE.search(text)
    return str(int(t.group(1))) if t else "*"


def _shown(c) -> str | None:
    """What the displayed text cites, in the parsable-cite's own form; None when it cannot be told."""
    text = " ".join(c.text.split())
    kind = c.legal_doc
    if kind == "public-law":
        m = _LAW.search(text)
        return f"pl/{int(m.group(1))}/{int(m.group(2))}" if m else None
    if kind == "usc":
        m = _CODE.search(text)
        if m:
            return f"usc/{int(m.group(1))}/{cx.section_key(m.group(2))}"
        m = _SECTION.match(text)
        return f"usc/{_title(text)}/{cx.section_key(m.group(1))}" if m else None
    if kind == "usc-chapter":
        m = _CHAPTER.match(text)
        return f"usc-chapter/{_title(text)}/{m.group(1)}" if m else None
    if kind == "stat":
        m = _STAT.match(text)
        return f"stat/{int(m.group(1))}/{cx.section_key(m.group(2))}" if m else None
    return None


def _same(shown: str, parsable: str) -> bool:
    a, b = shown.lower().split("/"), cx.section_key(parsable).lower().split("/")
    if len(b) < 3 or len(a) != 3:
        return True     # a parsable-cite of another shape: nothing to compare
    b = b[:3]
    b[1:] = [x.lstrip("0") or "0" for x in b[1:]]
    a[1:] = [x.lstrip("0") or "0" for x in a[1:]]
    if a[0] != b[0] or a[1] not in ("*", b[1]):
        return False
    x, y = a[2].split("(")[0], b[2].split("(")[0]
    # GPO's markup cuts a hyphenated number or a range at its dash ("1400Z–1" as usc/26/1400Z,
    # "5101–5106" as usc/7/5101): the part before the dash is what it can agree on.
    return x == y or x.split("-")[0] == y.split("-")[0]


@rule("BL604", "parsable-cite-mismatch", "warning", reads=("text", "markup"))
def parsable_cite_mismatch(doc, view):
    """
    An external-xref whose displayed text and parsable-cite name different law.

    For example: `<external-xref legal-doc="public-law" parsable-cite="pl/107/296">Public Law 107–196</external-xref>`.

    GPO's markup carries a machine-readable citation beside the text; links, the U.S. Code's notes and
    every tool that reads the XML follow the markup, readers follow the text. Compared: the Public Law
    number, the U.S. Code title and section ("section 2302(b)" agrees with usc/5/2302, its title taken
    from "of title 5" when the text gives it), a Code chapter, a Statutes at Large page (USLM `ref href`
    too). GPO's markup gives a range or a hyphenated section by its part before the dash
    ("5101–5106" as usc/7/5101): that part is compared. Which of the two is wrong is not known, so there
    is no fix.

    Bad: `<external-xref legal-doc="usc" parsable-cite="usc/42/1395">42 U.S.C. 1396</external-xref>`.
    Good: `<external-xref legal-doc="usc" parsable-cite="usc/42/1396">42 U.S.C. 1396</external-xref>`.
    """
    for c in cites(doc, view, cx.XREF, quoted=True):
        shown = _shown(c)
        if shown is None or _same(shown, c.parsable):
            continue
        yield report(c, f'"{" ".join(c.text.split())}" is marked up as {c.parsable}')
