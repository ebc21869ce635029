"""The bill's own tables of contents, read as entries (level, number, header, element): what toc-mismatch
compares with the body, and what the numbering and reference rules take as the bill's word on which units it
has (an enrolled Act that keeps the numbers of sections dropped on the way lists the same gapped numbers; an
abridged print lists units its body leaves out).

Not the bill's own: tables inside quoted text or a law the bill enacts, and the lines of a clerical amendment
to another law's table ("The table of sections for chapter 5 ... is amended by inserting ... the following:").
"""

from __future__ import annotations

import re
from ..model.patterns import lazy
from ..model.textrun import own_state
from ..model.vocabulary import DROPPED, REPORTED

ENTRY = lazy(r"^\s*(?:(?:Sec(?:tion)?|SEC(?:TION)?)\.?\s+(?P<sec>[\w.–-]+?)(?:\.|\s+(?=[A-Z]))|(?P<word>Title|TITLE|Subtitle|SUBTITLE|"
             r"Division|DIVISION|Part|PART|Chapter|CHAPTER|Subchapter|SUBCHAPTER|Subpart|SUBPART)\s+(?P<num>[\w.–-]+?)"
             r"(?:—|\.\s|--|\s+-\s+))\s*(?P<header>.*?)\.?\s*$", re.S)

RANKS = {lv: i for i, lv in enumerate(("division", "title", "subtitle", "part", "subpart", "chapter", "subchapter",
                                         "section"))}

_TABLE = lazy(r"\btable\s+of\s+(?:contents|sections|chapters|subchapters|parts|subtitles|titles)\b"
              r"|\bitems?\s+relating\s+to\b", re.I)
_AMENDS = lazy(r"\b(?:amended|amending|inserting|striking|adding|redesignating)\b", re.I)
# An amendment document's instructions are imperative: "insert", "add", "strike".
_INSTRUCTS = lazy(r"\b(?:amend|amended|insert|inserting|add|adding|strike|striking|redesignate)\b", re.I)


def own(doc, view) -> list[tuple[object, list]]:
    """(first piece, entries) for each of the bill's own tables; a table printed in pieces one after another is
    one table. Entries are (level, number, header, element), in order; lines that name no unit are left out."""
    return doc.memo(("tables: own", view), lambda: list(_own(doc, view)))


def _own(doc, view):
    for toc in doc.root.iter("toc"):
        if not doc.in_view(toc, view) or _in_quoted(toc) or toc.get("container-level", "").startswith("quoted"):
            continue
        if amends_a_table(doc, toc, view):
            continue   # a clerical amendment: the lines it inserts belong to another law's table
        holder = doc.provision_of(toc)
        if holder is not None and holder.quoted is not None:
            continue   # a table inside a law the bill enacts or quotes: that law's
        if _continues(toc):
            continue   # read with the table it continues
        pieces = [toc]
        while (piece := _next_piece(pieces[-1])) is not None:
            pieces.append(piece)
        entries = []
        for e in (e for piece in pieces for e in piece.iter("toc-entry")):
            if not doc.in_view(e, view):
                continue
            m = ENTRY.match(line(e, view))
            if not m:
                continue
            # the entry's words decide its level: hand-made tables mark title lines level="section"
            level = "section" if m.group("sec") else m.group("word").lower()
            num = m.group("sec") or m.group("num")
            entries.append((level, num.strip(), m.group("header"), e))
        if entries:
            yield toc, entries


def listed(doc, view) -> set[tuple[str, str]]:
    """(level, number) of every unit the bill's own tables list."""
    return doc.memo(("tables: listed", view), lambda: {(lv, num.rstrip(".")) for _t, es in own(doc, view)
                                                    for lv, num, _h, _e in es})


def pairs(doc, view) -> set[tuple[str, str, str]]:
    """(level, number, next number) for two units of one level the bill's own tables list one after the other
    under the same higher unit (subtitles A then C of one title; secs. 1004 then 1009)."""
    def build():
        out = set()
        for _t, es in own(doc, view):
            last: dict[str, str] = {}
            for lv, num, _h, _e in es:
                rank = RANKS.get(lv, 99)
                for other in [k for k in last if RANKS.get(k, 99) > rank]:
                    del last[other]    # a new title starts its subtitles' lettering over
                num = num.rstrip(".")
                if lv in last:
                    out.add((lv, last[lv], num))
                last[lv] = num
        return out
    return doc.memo(("tables: pairs", view), build)


def idref(entry) -> str | None:
    """The unit an entry points at: its own idref, or (USLM 1.0) that of a link inside it."""
    if entry.get("idref"):
        return entry.get("idref")
    inner = next((x for x in entry.iter("internal-xref") if x.get("idref")), None)
    return inner.get("idref") if inner is not None else None


def amends_a_table(doc, toc, view) -> bool:
    """Whether the table is the text of a clerical amendment ("The table of sections for chapter 5 of
    title 10 is amended by inserting after the item relating to section 501 the following:"), or the lines an
    amendment of an amendment document puts into the measure's table ("In the table of contents, insert after
    the item relating to section 104 the following:")."""
    block = next(toc.iterancestors("amendment-block"), None)
    if block is not None and doc.provision_of(toc) is None:
        amendment = block.getparent()
        ins = " ".join("".join(i.itertext()) for i in amendment.iterchildren("amendment-instruction")) \
            if amendment is not None else ""
        return bool(_TABLE.search(ins) and _INSTRUCTS.search(ins))
    prov = doc.provision_of(toc)
    if prov is None:
        return False
    text = doc.text(prov.el, view).text
    return bool(_TABLE.search(text) and _AMENDS.search(text))


def _in_quoted(el) -> bool:
    return any(a.tag == "quoted-block" for a in el.iterancestors())


def _continues(el) -> bool:
    """Whether el is a table of contents right after another one in the same place."""
    return el is not None and el.tag == "toc" and _piece(_beside(el, -1)) is not None


def _next_piece(toc):
    return _piece(_beside(toc, 1))


def _beside(toc, step: int):
    """The element before (step -1) or after (1) a table: its sibling, or, for a table alone in a wrapper
    (USLM 1.0 prints a long table as <content><toc/></content><content><toc/></content>), the wrapper's."""
    near = toc.getprevious() if step < 0 else toc.getnext()
    parent = toc.getparent()
    if near is None and parent is not None and len(parent) == 1 and not (parent.text or "").strip():
        wrap = parent.getprevious() if step < 0 else parent.getnext()
        if wrap is not None and wrap.tag == parent.tag and len(wrap) == 1:
            return wrap[0]
    return near


def _piece(el):
    return el if el is not None and el.tag == "toc" else None


def line(entry, view: str = REPORTED) -> str:
    """An entry's own words: a line that groups others (a title with its sections) holds them, not their text;
    a phrase the view drops is left out ("Sec. [struck 4] [italic 3]." is sec. 3 reported, 4 introduced)."""
    out = [entry.text or ""]
    for child in entry:
        if isinstance(child.tag, str) and child.tag != "toc-entry" and own_state(child, None) != DROPPED[view]:
            out.append(line(child, view))
        out.append(child.tail or "")
    return "".join(out)


def lacked(doc, view) -> set[tuple[str, str]]:
    """(level, number) of units the bill's own tables list and its body lacks (an abridged print)."""
    def build():
        have = {(p.level, p.designation.core) for p in doc.provisions_in(view) if p.quoted is None and p.designation}
        return listed(doc, view) - have
    return doc.memo(("tables: lacked", view), build)
