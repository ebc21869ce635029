"""BL405 toc-mismatch: the rule's docstring is its user documentation."""

from __future__ import annotations

import difflib
import re

from ...model.findings import Report
from ..registry import rule


_TOC_TEXT = re.compile(r"^\s*(?:(?:Sec(?:tion)?|SEC(?:TION)?)\.?\s+(?P<sec>[\w.–-]+?)\.|(?P<word>Title|TITLE|Subtitle|SUBTITLE|"
                       r"Division|DIVISION|Part|PART|Chapter|CHAPTER|Subchapter|SUBCHAPTER|Subpart|SUBPART)\s+(?P<num>[\w.–-]+?)"
                       r"(?:—|\.\s|--|\s+-\s+))\s*(?P<header>.*?)\.?\s*$", re.S)


def _norm(s: str) -> str:
    return " ".join(s.replace("’", "'").split()).rstrip(".").lower()


@rule("BL405", "toc-mismatch", "error", reads=("markup", "provisions"))
def toc_mismatch(doc, view):
    """
    The table of contents does not match the sections (and titles, subtitles, ...) of the bill.

    Each entry names a live unit with the same number and header, in the same order, none missing and
    none extra (HOLC Manual 324). A table of contents covers the bill, or the division that holds it (or its
    own legis-body, in a document with several). A division's table that lists other divisions of the Act
    covers them too (the divisions after it, and any before it that it names), so a division left out of
    it is reported.

    A table expects a unit only at the levels it lists inside the unit's container: a table that lists a
    division's titles and none of its sections (lowest-level="title") does not expect those sections.

    Not this bill's table, and skipped: tables inside quoted text (and toc-quoted-entry lines), and the
    lines of a clerical amendment to another law's table ("The table of sections for chapter 5 ... is
    amended by inserting after the item relating to section 501 the following:").

    USLM documents write their tables as referenceItem lists, which this rule does not read yet.

    Bad: "Sec. 3. Report." in the table while section 3's header is "Reports to Congress".
    Good: "Sec. 3. Reports to Congress."
    """
    for toc in doc.root.iter("toc"):
        if not doc.in_view(toc, view) or _in_quoted(toc) or toc.get("container-level", "").startswith("quoted"):
            continue
        if _amends_a_table(doc, toc, view):
            continue   # a clerical amendment: the lines it inserts belong to another law's table
        entries_ = []
        for e in toc.iter("toc-entry"):
            if not doc.in_view(e, view):
                continue
            m = _TOC_TEXT.match("".join(e.itertext()))
            if not m:
                continue
            # the entry's words decide its level: hand-made tables mark title lines level="section"
            level = "section" if m.group("sec") else m.group("word").lower()
            num = m.group("sec") or m.group("num")
            entries_.append((level, num.strip(), m.group("header"), e))
        if not entries_:
            continue
        levels = {lv for lv, *_ in entries_}
        scope, within = _toc_scope(doc, toc)
        opened, listed = _opened(entries_)
        pool = (doc.provisions_in(view) if within is None else
                [p for e in within.iterdescendants() if (p := doc.by_el.get(e)) is not None and p.in_view(view)])
        if scope is not None:
            pool = _with_sibling_divisions(doc, scope, pool, entries_, view)
        units = [p for p in pool if p.quoted is None and p.level in levels and p.designation
                 and all((a.level, a.designation.core if a.designation else "") in opened
                         for a in p.ancestors() if a is not scope and a.level != "section")
                 and p.level in listed.get(_container(p, scope, listed), ())]
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


def _opened(entries_) -> tuple[set, dict]:
    """Units the table lists together with their contents (an omnibus table lists its divisions but not
    their sections, so those sections are not expected in it), and the levels it lists inside each unit
    (None: at the top). A table that lists a division's titles but no section of it (lowest-level="title")
    does not expect the division's sections."""
    out, listed = set(), {None: set()}
    top = 99
    for i, (lv, num, _h, _e) in enumerate(entries_):
        rank = _RANKS.get(lv, 99)
        if rank <= top:
            listed[None].add(lv)
            top = rank
        inner = set()
        for nxt in entries_[i + 1:]:
            if _RANKS.get(nxt[0], 99) <= rank:
                break
            inner.add(nxt[0])
        if inner:
            out.add((lv, num.rstrip(".")))
        listed.setdefault((lv, num.rstrip(".")), set()).update(inner)
    return out, listed


def _container(p, scope, listed):
    """The (level, number) of the unit above p that a table lists p under; None at the table's top."""
    for a in p.ancestors():
        if a.level != "section" and a.designation:
            key = (a.level, a.designation.core)
            return None if a is scope and key not in listed else key
    return None


_TABLE = re.compile(r"\btable\s+of\s+(?:contents|sections|chapters|subchapters|parts|subtitles|titles)\b"
                    r"|\bitems?\s+relating\s+to\b", re.I)
_AMENDS = re.compile(r"\b(?:amended|amending|inserting|striking|adding|redesignating)\b", re.I)


def _amends_a_table(doc, toc, view) -> bool:
    """Whether the table is the text of a clerical amendment ("The table of sections for chapter 5 of
    title 10 is amended by inserting after the item relating to section 501 the following:")."""
    prov = doc.provision_of(toc)
    if prov is None:
        return False
    text = doc.text(prov.el, view).text
    return bool(_TABLE.search(text) and _AMENDS.search(text))


def _with_sibling_divisions(doc, scope, pool, entries_, view) -> list:
    """A division's table that lists other divisions of the Act (each division printing the whole Act's
    divisions) covers them too: the divisions after it, and those before it that it names."""
    named = {num.rstrip(".") for lv, num, _h, _e in entries_ if lv == "division"}
    own = scope.designation.core if scope.designation else None
    if not named - {own}:
        return pool
    parent = scope.el.getparent()
    out = list(pool)
    if own in named:
        out.insert(0, scope)
    after = False
    for el in parent:
        p = doc.by_el.get(el)
        if p is scope:
            after = True
            continue
        if p is None or p.level != "division" or not p.in_view(view):
            continue
        if after or (p.designation and p.designation.core in named):
            out.append(p)
            out += [q for e in el.iterdescendants() if (q := doc.by_el.get(e)) is not None and q.in_view(view)]
    return _in_order(doc, out)


def _in_order(doc, provs) -> list:
    order = doc.memo("provision-order", lambda: {id(p): i for i, p in enumerate(doc.provisions)})
    return sorted(provs, key=lambda q: order[id(q)])


def _in_quoted(el) -> bool:
    node = el.getparent()
    while node is not None:
        if node.tag == "quoted-block":
            return True
        node = node.getparent()
    return False


def _toc_scope(doc, toc):
    """(division provision or None, element whose provisions the table lists or None for the whole bill).
    A table covers the division that holds it; in a document with several legis-bodies, its own body."""
    for a in toc.iterancestors():
        if a.tag == "division":
            if a in doc.by_el:
                return doc.by_el[a], a
        elif a.tag == "legis-body":
            parent = a.getparent()
            return None, (a if parent is not None and len(parent.findall("legis-body")) > 1 else None)
    return None, None
