"""Text runs: the running text of an element as a view shows it, with its inline markup and a way back to
the source (for positions), and the walk over an element that makes one.
"""

from __future__ import annotations

import bisect
import re
from array import array

from lxml import etree

from .vocabulary import ADDED, DELETED, DROPPED, LEVEL_SET

_PHRASE_STATE = {"added-phrase": ADDED, "deleted-phrase": DELETED}


def own_state(el, inherited: str | None) -> str | None:
    """State of el given its parent's: `changed` sets it, `not-changed` stops inheritance."""
    changed = el.get("changed")
    if changed == "added":
        return ADDED
    if changed == "deleted":
        return DELETED
    if changed == "not-changed":
        return None
    return _PHRASE_STATE.get(el.tag, inherited)


_TAGS: dict = {}


def view_text(el, view: str) -> str:
    """el's text as one view prints it. A committee that strikes a unit renumbers the ones after it inside their
    designations ("SEC. [struck 4] [italic 3]."): the reported bill's section is 3, the introduced bill's 4."""
    dropped = DROPPED[view]
    out = [el.text or ""]
    for child in el:
        if isinstance(child.tag, str) and _PHRASE_STATE.get(child.tag) != dropped:
            out.append(view_text(child, view))
        out.append(child.tail or "")
    return "".join(out)


def _intern(name: str) -> str:
    """One str per tag name: lxml makes a new one each time .tag is read, and runs keep them."""
    return _TAGS.setdefault(name, name) if len(_TAGS) < 4096 else name  # bounded: tag names are input


def in_quotation_marks(text: str, pos: int) -> bool:
    """Whether pos stands inside quotation marks written as characters, not markup (“This subparagraph shall
    not apply ...”, as USLM bills often have): the quoted words are another text's, as inside a <quote>."""
    opens, closes = _marks(text)
    return bisect.bisect_left(opens, pos) > bisect.bisect_left(closes, pos)


_LAST_MARKS: list = [None, None]


def _marks(text: str) -> tuple:
    """The positions of “ and ” in text; kept for the last text asked about, since the rules ask of one text
    once per finding in it (10,000 findings in one long text must not count its marks 10,000 times)."""
    if _LAST_MARKS[0] is not text:
        _LAST_MARKS[:] = [text, ([i for i, c in enumerate(text) if c == "“"] if "“" in text else [],
                                 [i for i, c in enumerate(text) if c == "”"] if "”" in text else [])]
    return _LAST_MARKS[1]


# Words after which quoted words are the law's text as it stands (what an instruction strikes or finds), not new text.
_STRUCK = re.compile(r"(?:\bstrik(?:e|es|ing)|\bstricken|\b(?:after|before|following|for)|"
                     r"\bthe\s+(?:words?|terms?|phrases?|items?))\s*$", re.I)


def in_struck_quotation(text: str, pos: int) -> bool:
    """Whether pos stands inside quotation marks written as characters whose words are the law's own text as an
    instruction names it (by striking “the the Secretary”, after “Public Law 107-296”): not the bill's new
    words (inserting “the Secretary”) nor ordinary text quoted (the statement “This product ...”)."""
    if not in_quotation_marks(text, pos):
        return False
    opening = text.rfind("“", 0, pos)
    return bool(_STRUCK.search(text, max(0, opening - 40), opening))


def local(tag) -> str:
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


_MANY = 24   # marks in a run above which marked() looks them up by tag instead of reading them all


class TextRun:
    """Text of an element as a view shows it, with inline markup and a map back to the source.

    A bill holds hundreds of thousands of runs, so a run keeps only its text and its inline marks, as
    flat arrays ((start, end) pairs and tag names, sorted by start). Where its characters come from in
    the source (for a finding's position, or element boundaries) is worked out again on demand by
    walking the element once more: few runs ever need it."""
    __slots__ = ("text", "_spans", "_tags", "_origin", "_detail")

    def __init__(self, text: str, marks=(), origin=None, detail=None):
        """marks: (start, end, tag[, element]) of inline elements, sorted by start."""
        self.text = text
        self._spans = array("l", [x for m in marks for x in m[:2]]) if marks else None
        self._tags = tuple(_intern(m[2]) for m in marks) if marks else ()
        self._origin = origin     # (context, element): the run rebuilds its detail from them
        self._detail = detail     # (starts, nodes, tails, marks with their elements)

    @property
    def marks(self) -> list[tuple[int, int, str]]:
        """(start, end, tag) of each inline element, by start."""
        sp = self._spans
        return [(sp[2 * i], sp[2 * i + 1], t) for i, t in enumerate(self._tags)]

    def has_tag(self, tag: str) -> bool:
        """Whether any inline element of this tag stands in the run."""
        return tag in self._tags

    def marked_between(self, start: int, end: int, tag: str) -> bool:
        """Whether an inline element of this tag starts in [start, end)."""
        sp = self._spans
        return any(t == tag and start <= sp[2 * i] < end for i, t in enumerate(self._tags))

    def marked(self, start: int, end: int, tags) -> bool:
        """Whether [start, end) lies inside an inline element of one of these tags."""
        sp = self._spans
        if sp is None:
            return False
        if not any(map(self.has_tag, tags)):
            return False    # no mark of these tags at all: the usual case, and no walk over the marks
        if len(self._tags) > _MANY and self._origin is not None:
            # kept by the document while the run lives (a slot would cost every run of a large bill 8 bytes)
            by_tag = self._origin[0][0].memo(("marks by tag", self), self._index_tags)
            for t in tags:
                starts, ends = by_tag.get(t, ((), ()))
                k = bisect.bisect_right(starts, start)
                if k and ends[k - 1] >= end:
                    return True
            return False
        for i, t in enumerate(self._tags):
            if sp[2 * i] > start:
                break      # sorted by start: none further on can hold start
            if end <= sp[2 * i + 1] and t in tags:
                return True
        return False

    def _index_tags(self) -> dict:
        """tag -> (starts, the greatest end so far) of its marks, by start: a mark of the tag holds [start, end)
        if the greatest end among those starting at or before start reaches end."""
        out: dict = {}
        sp = self._spans
        for i, t in enumerate(self._tags):
            starts, ends = out.setdefault(t, ([], []))
            starts.append(sp[2 * i])
            ends.append(max(sp[2 * i + 1], ends[-1]) if ends else sp[2 * i + 1])
        return out

    def _full(self) -> tuple:
        if self._detail is None:
            (doc, view, skip), el = self._origin
            self._detail = walk(doc, el, view, skip, detail=True)._detail
        return self._detail

    def mark(self, start: int, end: int, tag: str):
        """The inline element of this tag that holds [start, end), if any."""
        if not self.marked(start, end, (tag,)):
            return None
        return next((m[3] for m in self._full()[3] if m[2] == tag and m[0] <= start and end <= m[1]), None)

    def holders(self, pos: int) -> list:
        """The inline elements that hold character pos."""
        return [m[3] for m in self._full()[3] if m[0] <= pos < m[1]] if self._spans is not None else []

    def segments(self) -> list[tuple[int, int]]:
        """(start, end) of each stretch of character data: no element boundary falls inside one."""
        starts = self._full()[0]
        ends = list(starts[1:]) + [len(self.text)]
        return list(zip(starts, ends))

    def anchor(self, pos: int) -> tuple:
        """(element, "text" | "tail", n): where character pos of this run stands in the source."""
        starts, nodes, tails, _ = self._full()
        if not nodes:
            return (None, "text", 0)
        i = max(bisect.bisect_right(starts, pos) - 1, 0)
        return nodes[i], "tail" if tails[i] else "text", pos - starts[i]


def walk(doc, el, view: str, skip, detail: bool = False) -> TextRun:
    """Walk el for its run; with detail, also record where each stretch of text comes from."""
    out: list[str] = []
    starts, nodes, tails = array("q"), [], bytearray()
    marks: list = []
    length = 0
    dropped = DROPPED[view]
    open_: list = []      # per open element: (state, start of its mark, tag) or None when skipped
    walker = etree.iterwalk(el, events=("start", "end", "comment", "pi"))
    for event, node in walker:
        if event == "start":
            if node is el:
                prov = doc.by_el.get(el)
                st, s = prov.state if prov is not None else doc.state(el), node.text
                open_.append((st, 0, None))
            else:
                tag = node.tag
                if not isinstance(tag, str):   # an entity reference left unexpanded: only its tail is text
                    open_.append(None)
                    continue
                name = local(tag)
                st = own_state(node, open_[-1][0])
                if st == dropped or name in skip or name in LEVEL_SET:
                    walker.skip_subtree()
                    open_.append(None)
                    continue
                open_.append((st, length, name))
                s = node.text
            where = 0
        elif event == "end":
            entry = open_.pop()
            if node is el:
                break
            if entry is not None:
                marks.append((entry[1], length, entry[2], node) if detail else (entry[1], length, entry[2]))
            s, where = node.tail, 1
        else:       # a comment or processing instruction: only its tail is text
            s, where = node.tail, 1
        if s:
            if detail:
                starts.append(length)
                nodes.append(node)
                tails.append(where)
            out.append(s)
            length += len(s)
    text = "".join(out)
    marks.sort(key=lambda m: m[0])   # made as elements close; queries want them by start
    if detail:
        return TextRun(text, marks, detail=(starts, nodes, bytes(tails), marks))
    return TextRun(text, marks, origin=(doc.context(view, skip), el))
