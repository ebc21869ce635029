"""BL405 toc-mismatch: the rule's docstring is its user documentation."""

from __future__ import annotations

import difflib
import re

from ...model.findings import Report
from ..registry import rule


_TOC_TEXT = re.compile(r"^\s*(?:(?:Sec(?:tion)?|SEC(?:TION)?)\.?\s+(?P<sec>[\w.–-]+?)(?:\.|\s+(?=[A-Z]))|(?P<word>Title|TITLE|Subtitle|SUBTITLE|"
                       r"Division|DIVISION|Part|PART|Chapter|CHAPTER|Subchapter|SUBCHAPTER|Subpart|SUBPART)\s+(?P<num>[\w.–-]+?)"
                       r"(?:—|\.\s|--|\s+-\s+))\s*(?P<header>.*?)\.?\s*$", re.S)


def _norm(s: str) -> str:
    return " ".join(s.replace("’", "'").split()).rstrip(".").lower()


@rule("BL405", "toc-mismatch", "error", reads=("markup", "provisions"))
def toc_mismatch(doc, view):
    """
    The table of contents does not match the sections (and titles, subtitles, ...) of the bill.

    Each entry names a live unit with the same number and header, in the same order, none missing and
    none extra (HOLC Manual 324). A table of contents covers the bill, or the division, title or other unit
    above the section that holds it (its own line, opening a division's table, is the unit itself), or its own
    legis-body in a document with several (a reported bill carrying each committee's substitute). A table
    printed in several pieces one after another is one table, and a line that groups others (a title with its
    sections, as USLM writes them) is read for its own words. Tables inside quoted text, or inside a law the
    bill enacts (a codified title), and toc-quoted-entry lines belong to that law and are skipped.

    Bad: "Sec. 3. Report." in the table while section 3's header is "Reports to Congress".
    Good: "Sec. 3. Reports to Congress."
    """
    for toc in doc.root.iter("toc"):
        if not doc.in_view(toc, view) or _in_quoted(toc) or toc.get("container-level", "").startswith("quoted"):
            continue
        holder = doc.provision_of(toc)
        if holder is not None and holder.quoted is not None:
            continue   # a table inside a law the bill enacts or quotes: that law's
        if _continues(toc):
            continue   # read with the table it continues
        pieces = [toc]
        while _continues(pieces[-1].getnext()):
            pieces.append(pieces[-1].getnext())   # a table printed in pieces is one table
        entries_ = []
        for e in (e for piece in pieces for e in piece.iter("toc-entry")):
            if not doc.in_view(e, view):
                continue
            m = _TOC_TEXT.match(_line(e))
            if not m:
                continue
            # the entry's words decide its level: hand-made tables mark title lines level="section"
            level = "section" if m.group("sec") else m.group("word").lower()
            num = m.group("sec") or m.group("num")
            entries_.append((level, num.strip(), m.group("header"), e))
        if not entries_:
            continue
        scope, within = _toc_scope(doc, toc)
        if scope is not None and scope.designation and entries_ and \
                (entries_[0][0], entries_[0][1].rstrip(".")) == (scope.level, scope.designation.core):
            entries_ = entries_[1:]   # a division's table may open with the division's own line
        levels = {lv for lv, *_ in entries_}
        opened = _opened(entries_)
        pool = (doc.provisions_in(view) if within is None else
                [p for e in within.iterdescendants() if (p := doc.by_el.get(e)) is not None and p.in_view(view)])
        units = [p for p in pool if p.quoted is None and p.level in levels and p.designation
                 and all((a.level, a.designation.core if a.designation else "") in opened
                         for a in _below(p, scope) if a.level != "section")]
        want = [(p.level, p.designation.core) for p in units]
        got = [(lv, num.rstrip(".")) for lv, num, _h, _e in entries_]
        sm = difflib.SequenceMatcher(a=got, b=want, autojunk=False)
        for op, a0, a1, b0, b1 in sm.get_opcodes():
            if op == "equal":
                for i, j in zip(range(a0, a1), range(b0, b1)):
                    header, unit = entries_[i][2], units[j]
                    if unit.header and _norm(header) != _norm(unit.header):
                        yield Report(f'the table of contents says "{" ".join(header.split())}" for {unit.cite}, '
                                     f'whose header is "{unit.header}"', el=entries_[i][3], provision=unit)
                continue
            if op == "replace" and a1 - a0 == b1 - b0:
                for i, j in zip(range(a0, a1), range(b0, b1)):
                    lv, num, header, e = entries_[i]
                    unit = units[j]
                    yield Report(f"the table of contents lists {lv} {num} ({' '.join(header.split())[:60]}) where the "
                                 f"bill has {unit.cite} ({unit.header or 'no header'})", el=e, provision=unit)
                continue
            for i in range(a0, a1):
                lv, num, header, e = entries_[i]
                target = doc.by_id(e.get("idref")) if e.get("idref") else None
                if target is not None and doc.in_view(target, view):
                    continue  # the entry points at a unit that exists (an inserted section of another law)
                yield Report(f"the table of contents lists {lv} {num} ({' '.join(header.split())[:60]}), which the "
                             f"bill does not have{' here' if op == 'replace' else ''}", el=e)
            for j in range(b0, b1):
                unit = units[j]
                if not unit.header:
                    continue  # a unit without a header has no line in a table of contents
                yield Report(f"{unit.cite} ({unit.header or 'no header'}) is missing from the table of contents",
                             el=toc, provision=unit)


_RANKS = {lv: i for i, lv in enumerate(("division", "title", "subtitle", "part", "subpart", "chapter", "subchapter",
                                          "section"))}


def _below(p, scope):
    """p's ancestors up to, not including, the unit the table covers."""
    for a in p.ancestors():
        if a is scope:
            return
        yield a


def _continues(el) -> bool:
    """Whether el is a table of contents right after another one in the same place."""
    return el is not None and el.tag == "toc" and el.getprevious() is not None and el.getprevious().tag == "toc"


def _line(entry) -> str:
    """An entry's own words: a line that groups others (a title with its sections) holds them, not their text."""
    out = [entry.text or ""]
    for child in entry:
        if child.tag != "toc-entry":
            out.append(_line(child))
        out.append(child.tail or "")
    return "".join(out)


def _opened(entries_) -> set:
    """Units the table lists together with their contents: an omnibus table lists its divisions but
    not their sections, so those sections are not expected in it."""
    out = set()
    for (lv, num, _h, _e), nxt in zip(entries_, entries_[1:]):
        if _RANKS.get(nxt[0], 99) > _RANKS.get(lv, 99):
            out.add((lv, num.rstrip(".")))
    return out


def _in_quoted(el) -> bool:
    node = el.getparent()
    while node is not None:
        if node.tag == "quoted-block":
            return True
        node = node.getparent()
    return False


def _toc_scope(doc, toc):
    """(unit provision or None, element whose provisions the table lists or None for the whole bill).
    A table covers the division, title or other unit above the section that holds it (an Act enacted as a title
    of an omnibus has its own table); in a document with several legis-bodies, its own body."""
    for a in toc.iterancestors():
        if a.tag in _RANKS and a.tag != "section":
            if a in doc.by_el:
                return doc.by_el[a], a
        elif a.tag == "legis-body":
            return None, doc.body(toc)
    return None, None
