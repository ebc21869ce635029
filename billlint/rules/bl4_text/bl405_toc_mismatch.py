"""BL405 toc-mismatch: the rule's docstring is its user documentation."""

from __future__ import annotations

import difflib

from ...model.findings import Report
from ...model.vocabulary import WARNING
from ..registry import rule
from ...analysis import tables


# Quotation marks: a header's <quote> element prints them, so a table line that writes them as characters (or
# a header that writes them so and a line that leaves them to markup) says the same words.
_QUOTES = str.maketrans("", "", "“”\"")


def _norm(s: str) -> str:
    return " ".join(s.replace("’", "'").translate(_QUOTES).split()).rstrip(".").lower()


@rule("BL405", "toc-mismatch", "error", reads=("markup", "provisions"))
def toc_mismatch(doc, view):
    """
    The table of contents does not match the sections (and titles, subtitles, ...) of the bill.

    Each entry names a live unit with the same number and header, in the same order, none missing and
    none extra (HOLC Manual 324). A table of contents covers the bill, or the division, title or other unit
    above the section that holds it (its table may open with the unit's own line), or its own
    legis-body in a document with several (a reported bill carrying each committee's substitute). A table
    printed in several pieces one after another is one table, and a line that groups others (a title with its
    sections, as USLM writes them) is read for its own words. A division's table that lists other divisions of the Act
    covers them too (the divisions after it, and any before it that it names), so a division left out of
    it is reported.

    A table expects a unit only at the levels it lists inside the unit's container: a table that lists a
    division's titles and none of its sections (lowest-level="title") does not expect those sections.

    Entries the body lacks are each an error, but a run of three or more in a row (a print that leaves out
    titles its table lists, such as the funding tables of a defense authorization) is one warning naming the
    run and its length: the text may be abridged rather than the table wrong. An entry that points (idref, or a
    link inside it as USLM 1.0 writes it) at a live unit is not reported as lacking.

    Not this bill's table, and skipped: tables inside quoted text or a law the bill enacts (a codified title),
    toc-quoted-entry lines, and the lines of a clerical amendment to another law's table ("The table of sections for chapter 5 ... is
    amended by inserting after the item relating to section 501 the following:"), and the lines an amendment of
    an amendment document puts into the measure's table ("In the table of contents, insert after the item
    relating to section 104 the following:"); such a line is still compared with the section of that number the
    document inserts, and a header that differs is reported.

    In a reported bill each view reads the lines, numbers and headers it prints: a committee that strikes a
    section renumbers the lines and sections after it in place ("Sec. [3] 2.", the old number struck and the
    new one in italic), and a header it changes changes its line alike.

    Headers and lines are compared as printed words: case, a final period and quotation marks aside (a header's
    <quote>Buy American Act</quote> prints the marks the line writes as characters: “Buy American Act”).

    Bad: "Sec. 3. Report." in the table while section 3's header is "Reports to Congress".
    Good: "Sec. 3. Reports to Congress."
    """
    for toc, entries_ in tables.own(doc, view):
        scope, within = _toc_scope(doc, toc)
        if scope is not None and scope.designation and \
                (entries_[0][0], entries_[0][1].rstrip(".")) == (scope.level, scope.designation.core):
            entries_ = entries_[1:]   # a division's (or title's) table may open with the unit's own line
        if not entries_:
            continue
        levels = {lv for lv, *_ in entries_}
        opened, listed = _opened(entries_)
        pool = (doc.provisions_in(view) if within is None else
                [p for e in within.iterdescendants() if (p := doc.by_el.get(e)) is not None and p.in_view(view)])
        if scope is not None:
            pool = _with_sibling_divisions(doc, scope, pool, entries_, view)
        units = [p for p in pool if p.quoted is None and p.level in levels and p.designation
                 and all((a.level, a.designation.core if a.designation else "") in opened
                         for a in _below(p, scope) if a.level != "section")
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
            lacking = []
            for i in range(a0, a1):
                ref = tables.idref(entries_[i][3])
                target = doc.by_id(ref) if ref else None
                if target is not None and doc.in_view(target, view):
                    continue  # the entry points at a unit that exists (an inserted section of another law)
                lacking.append(entries_[i])
            if op == "delete" and len(lacking) >= RUN:
                first, last = lacking[0], lacking[-1]
                yield Report(f"the table of contents lists {len(lacking)} entries, {_entry(first)} to {_entry(last)}, "
                             "that the body lacks: the text is abridged, or the table was not updated",
                             el=first[3], severity=WARNING)
                continue
            for lv, num, header, e in lacking:
                yield Report(f"the table of contents lists {_entry((lv, num, header))}, which the "
                             f"bill does not have{' here' if op == 'replace' else ''}", el=e)
            for j in range(b0, b1):
                unit = units[j]
                if not unit.header:
                    continue  # a unit without a header has no line in a table of contents
                yield Report(f"{unit.cite} ({unit.header or 'no header'}) is missing from the table of contents",
                             el=toc, provision=unit)
    yield from _inserted_lines(doc, view)


def _inserted_lines(doc, view):
    """The lines an amendment of an amendment document puts into the measure's table, against the sections that
    the document's other amendments insert under the same numbers: the line and the header must agree."""
    inserted = None
    for toc in doc.root.iter("toc"):
        if next(toc.iterancestors("amendment-block"), None) is None or doc.provision_of(toc) is not None \
                or not doc.in_view(toc, view) or not tables.amends_a_table(doc, toc, view):
            continue
        if inserted is None:
            inserted = {p.designation.core: p for p in doc.provisions_in(view)
                        if p.level == "section" and p.quoted is None and p.designation and p.header
                        and next(p.el.iterancestors("amendment-block"), None) is not None}
        for e in toc.iter("toc-entry"):
            m = tables.ENTRY.match(tables.line(e, view))
            unit = inserted.get(m.group("sec").strip().rstrip(".")) if m and m.group("sec") else None
            if unit is not None and _norm(m.group("header")) != _norm(unit.header):
                yield Report(f'the table of contents line says "{" ".join(m.group("header").split())}" for '
                             f'{unit.cite}, which the amendment inserts with the header "{unit.header}"', el=e,
                             provision=unit)


_RANKS = tables.RANKS
# From this many entries in a row that the body lacks, the run is one warning (an abridged print).
RUN = 3


def _entry(e) -> str:
    lv, num, header = e[:3]
    return f"{lv} {num} ({' '.join(header.split())[:60]})"


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


def _below(p, scope):
    """p's ancestors up to, not including, the unit the table covers."""
    for a in p.ancestors():
        if a is scope:
            return
        yield a
