"""Words of a provision as GPO prints them, and word-level diffs between two versions of them."""

from __future__ import annotations

import difflib

from ..model.patterns import lazy
from ..model.document import Document, Provision

_TOKEN = lazy(r"\s+|(?:\([A-Za-z0-9]{1,6}\))+|[A-Za-z0-9’'$%]+(?:[.,–-][A-Za-z0-9’'$%]+)*|[^\sA-Za-z0-9]")


def words(a: str, b: str) -> list[tuple[str, str]]:
    """A word-level diff: runs of kept, struck and inserted text."""
    ta, tb = _TOKEN.findall(a), _TOKEN.findall(b)
    out: list[list] = []
    for op, a0, a1, b0, b1 in difflib.SequenceMatcher(a=ta, b=tb, autojunk=False).get_opcodes():
        if op == "equal":
            _push(out, "=", "".join(ta[a0:a1]))
        else:
            _push(out, "-", "".join(ta[a0:a1]))
            _push(out, "+", "".join(tb[b0:b1]))
    return _fold([(op, t) for op, t in out if t])


def _fold(runs: list) -> list:
    """ "[-a-]{+that+} [-member-]{+member.+}" reads badly: a lone space kept between two changes is folded
    into them, so a changed phrase shows as one struck run and one inserted run."""
    out: list[list] = []
    i = 0
    while i < len(runs):
        op, t = runs[i]
        if op == "=" and not t.strip() and out and out[-1][0] != "=" and i + 1 < len(runs) and runs[i + 1][0] != "=":
            dels = [x for x in out[-2:] if x[0] == "-"]
            adds = [x for x in out[-2:] if x[0] == "+"]
            for x in dels + adds:
                x[1] += t
            i += 1
            while i < len(runs) and runs[i][0] != "=":
                o, tt = runs[i]
                target = next((x for x in (dels if o == "-" else adds)), None)
                if target is None:
                    target = [o, ""]
                    out.append(target)
                    (dels if o == "-" else adds).append(target)
                target[1] += tt
                i += 1
            continue
        out.append([op, t])
        i += 1
    merged: list[list] = []
    for op, t in out:
        if merged and merged[-1][0] == op:
            merged[-1][1] += t
        else:
            merged.append([op, t])
    return [(op, t) for op, t in merged]


def _push(out: list, op: str, text: str) -> None:
    if not text:
        return
    if out and out[-1][0] == op:
        out[-1][1] += text
    else:
        out.append([op, text])


def norm(s: str) -> str:
    return " ".join(s.split())


def printed(doc: Document, el, view: str, skip) -> str:
    """The text of el as GPO prints it: a <quote> gets its quotation marks (single ones inside double)."""
    run = doc.text(el, view, skip=skip)
    text = run.text
    quotes = [(s, e) for s, e, tag in run.marks if tag == "quote"]
    if not quotes:
        return norm(text)
    inserts = []        # (position, order, mark): closings before openings at one position
    for s, e in quotes:
        depth = sum(1 for s2, e2 in quotes if s2 <= s and e <= e2) - 1
        inserts.append((s, 1, "“" if depth % 2 == 0 else "‘"))
        inserts.append((e, 0, "”" if depth % 2 == 0 else "’"))
    out, last = [], 0
    for pos, _o, mark in sorted(inserts):
        out.append(text[last:pos])
        out.append(mark)
        last = pos
    out.append(text[last:])
    return norm("".join(out))


_OWN_SKIP = frozenset({"enum", "header", "toc", "graphic", "pagebreak", "quoted-block"})


def own_text(doc: Document, p: Provision, view: str) -> str:
    """A provision's own words in a view: enum, header, nested provisions and quoted blocks left out (the
    provisions of a quoted block are compared on their own)."""
    return printed(doc, p.el, view, _OWN_SKIP)


def header(doc: Document, p: Provision, view: str) -> str | None:
    h = p.el.find("header")
    if h is None or not doc.in_view(h, view):
        return None
    return printed(doc, h, view, frozenset())

