"""Source positions: map elements and text offsets back to line and column of the original file.

lxml gives an element's start line but no column, and a bill often holds a whole section on one line.
So positions are found in the source itself, as UTF-8 bytes: one scan of the markup, done the first time
a finding needs a place, pairs start tags with elements in document order.
"""

from __future__ import annotations

import bisect
import codecs
import re
from .patterns import lazy
import zlib
from array import array

# Markup that is not an element start tag must be skipped so tags pair up with elements in order.
_TOKEN = lazy(
    rb"<!--.*?-->"
    rb"|<!\[CDATA\[.*?\]\]>"
    rb"|<\?.*?\?>"
    rb"|<!DOCTYPE(?:[^\[>]|\[.*?\])*>"
    rb"|<(/?)[^\s/>!?]+(?:[^>\"']|\"[^\"]*\"|'[^']*')*>",
    re.S,
)
_ENTITY = lazy(rb"&[^;\s<&]{1,40};")
_SPECIAL = lazy(rb"[<&\r]")
_PACK_ABOVE = 8_000_000
# Lines are counted as libxml2 (and so xmllint and lxml's sourceline) counts them: a line ends at LF, so
# CRLF is one line end and a lone CR ends no line.
_NEWLINE = lazy(rb"\n")
_STEP = 256   # characters between the marks that place a column on a long non-ASCII line


def _codec(encoding: str | None) -> str:
    """The codec for a declared encoding: UTF-8 when none is declared or it is unknown."""
    try:
        return codecs.lookup(encoding or "utf-8").name
    except LookupError:
        return "utf-8"


def decode(data: bytes, encoding: str | None) -> str:
    text = data.decode(_codec(encoding), errors="replace")
    return text[1:] if text.startswith("\ufeff") else text


class Source:
    """The text of one file as UTF-8 bytes, with line starts and (lazily) the offsets of start tags.

    Offsets are byte offsets: a str of a bill with em dashes would be twice its size. Columns and counts
    of parsed characters decode only the bytes concerned, and chars() turns an offset into a character
    offset of the decoded file (what fixes are written in). A file in another encoding, or with a BOM,
    is decoded and held re-encoded as UTF-8.
    """

    def __init__(self, data: bytes | str, root=None, encoding: str | None = None, pack: bool = False):
        self.root = root
        if isinstance(data, str):
            data = data.encode("utf-8")
        elif _codec(encoding) != "utf-8" or data.startswith(codecs.BOM_UTF8):
            data = decode(data, encoding).encode("utf-8")
        # pack: the bytes will not be needed for a while (the rules run first). A large file then waits
        # compressed: XML shrinks to a fifth or less at the fastest level.
        self._packed = pack and len(data) > _PACK_ABOVE
        self._size = len(data)
        self._data: bytes | None = zlib.compress(data, 1) if self._packed else data
        self._lines: array | None = None
        self._extra: array | None = None   # continuation bytes before each line
        self._spans: array | None = None
        self._where: dict = {}   # element -> index of its start tag, for the elements located so far
        self._line_marks: dict = {}
        self._maps: dict = {}    # start of a text node -> its Stretch

    @property
    def data(self) -> bytes:
        if self._packed:
            # at its known size: one buffer, not growing blocks joined at the end (twice the memory)
            self._data, self._packed = zlib.decompress(self._data, bufsize=self._size), False
        return self._data

    @property
    def _line_starts(self) -> array:
        if self._lines is None:
            self._lines = array("q", [0])
            self._lines.extend(m.end() for m in _NEWLINE.finditer(self.data))
        return self._lines

    def slice(self, start: int, end: int) -> str:
        """The decoded characters between two offsets."""
        return self.data[start:end].decode("utf-8", errors="replace")

    def _width(self, start: int, end: int) -> int:
        """How many characters the bytes between two offsets decode to."""
        piece = self.data[start:end]
        return len(piece) if piece.isascii() else len(piece.decode("utf-8", errors="replace"))

    def _after(self, start: int, k: int) -> int:
        """The offset k characters after start (start lies on a character boundary)."""
        piece = self.data[start:start + 4 * k]     # k characters take at most 4k bytes
        if piece[:k].isascii():
            return start + k
        return start + len(piece.decode("utf-8", errors="replace")[:k].encode("utf-8"))

    # lines -------------------------------------------------------------
    def _line_of(self, offset: int) -> int:
        return bisect.bisect_right(self._line_starts, offset) - 1

    def _line_end(self, i: int) -> int:
        starts = self._line_starts
        return starts[i + 1] if i + 1 < len(starts) else self._size

    def _marks(self, i: int) -> array | None:
        """Byte offsets of every STEP-th character of line i; None for an ASCII line (bytes are characters).

        Columns on a line are counted from the nearest mark, so a finding on a line of a megabyte costs no
        more than one on a short line (many findings on one long line stay linear)."""
        got = self._line_marks.get(i)
        if got is None:
            start, end = self._line_starts[i], self._line_end(i)
            piece = self.data[start:end]
            if piece.isascii():
                got = False
            else:
                got = self._step_marks(start, end)
            self._line_marks[i] = got
        return got or None

    def _column(self, i: int, offset: int) -> int:
        """Characters from the start of line i to an offset on it."""
        start = self._line_starts[i]
        marks = self._marks(i)
        if marks is None:
            return offset - start
        k = bisect.bisect_right(marks, offset) - 1
        return k * _STEP + self._width(marks[k], offset)

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column (in characters) of an offset."""
        i = self._line_of(offset)
        return i + 1, self._column(i, offset) + 1

    @property
    def line_count(self) -> int:
        return len(self._line_starts)

    def line_text(self, line: int) -> str:
        if not 1 <= line <= len(self._line_starts):
            return ""
        text = self.slice(self._line_starts[line - 1], self._line_end(line - 1))
        return text.rstrip("\r\n").replace("\r", " ")   # a lone CR would move the cursor

    def at(self, line: int, col: int) -> int:
        """The offset of a 1-based line and column."""
        i = min(max(line, 1), len(self._line_starts)) - 1
        k = max(col - 1, 0)
        marks = self._marks(i)
        if marks is None:
            return min(self._line_starts[i] + k, self._size)
        j = min(k // _STEP, len(marks) - 1)
        return self._after(marks[j], k - j * _STEP)

    def chars(self, offset: int) -> int:
        """The character offset in the decoded file of an offset."""
        starts = self._line_starts
        if self._extra is None:
            extra, total = array("q"), 0
            for i, start in enumerate(starts):
                extra.append(total)
                end = self._line_end(i)
                total += (end - start) - self._width(start, end)
            self._extra = extra
        i = self._line_of(offset)
        start = starts[i]
        return offset - self._extra[i] - ((offset - start) - self._column(i, offset))

    # elements -----------------------------------------------------------
    def spans(self, el) -> tuple[int, int, int] | None:
        """(start of '<', end of the start tag, end of the element) in the source, or None.

        Call locate() first with every element you will ask about: without it each new element costs a
        walk over the whole tree."""
        if el not in self._where:
            self.locate([el])
        i = self._where.get(el)
        return None if i is None else tuple(self._spans[3 * i:3 * i + 3])

    def locate(self, els) -> None:
        """Find the start tags of these elements, in one walk over the tree for all of them.

        Start tags pair with elements in document order. Only the elements asked for are kept: a map of
        every element would hold a Python proxy for each, ~200 bytes apiece on a bill of a million."""
        wanted = {e for e in els if e is not None and e not in self._where}
        if not wanted:
            return
        spans = self._tag_spans()
        count = len(spans) // 3
        i = 0
        for e in self.root.iter() if self.root is not None else ():
            if not isinstance(e.tag, str):
                continue
            if e in wanted:
                # If the counts disagree (entities expanding to markup) pairing stops short.
                self._where[e] = i if i < count else None
                wanted.discard(e)
                if not wanted:
                    break
            i += 1
        for e in wanted:
            self._where[e] = None   # not in this tree

    def _tag_spans(self) -> array:
        if self._spans is None:
            # Flat integers in an array, not a list per element: on a 40 MB bill that is ~100 MB less.
            spans = array("i" if self._size < 2**31 else "q")   # 4 bytes an offset where they fit
            stack: list[int] = []
            data = self.data
            for m in _TOKEN.finditer(data):
                close = m.group(1)      # None: a comment, CDATA, a processing instruction or the DOCTYPE
                if close is None:
                    continue
                end = m.end()
                if close:
                    if stack:
                        spans[stack.pop()] = end
                    continue
                spans.extend((m.start(), end, end))
                if data[end - 2] != 47:     # not "/>": the element has content, closed by an end tag
                    stack.append(len(spans) - 1)
            self._spans = spans
        return self._spans

    def element_span(self, el) -> tuple[int, int] | None:
        """Offsets of the element's start tag (start of '<', end after '>')."""
        s = self.spans(el)
        return (s[0], s[1]) if s else None

    def element_offset(self, el) -> int | None:
        span = self.element_span(el)
        if span:
            return span[0]
        line = getattr(el, "sourceline", None)
        return self._line_starts[line - 1] if line and line <= len(self._line_starts) else None

    def offset(self, anchor) -> int | None:
        """Source offset of a text anchor (element, "text" | "tail", n): character n of el.text or el.tail."""
        el, where, n = anchor
        s = self.spans(el)
        if s is None:
            return self.element_offset(el)
        return self._advance(s[1] if where == "text" else s[2], n)

    def span(self, run, start: int, end: int) -> tuple[int, int]:
        """Source offsets of run.text[start:end]."""
        a = self.offset(run.anchor(start))
        b = self._after(self.offset(run.anchor(end - 1)), 1) if end > start else a
        return a, b

    def _advance(self, pos: int, n: int) -> int:
        """The offset n parsed characters after pos, in a stretch of character data.

        The text node starting at pos is mapped once (a piece per run of plain text, entity or CRLF), and
        each position in it is then a bisection: many findings in one long text node cost linear time."""
        m = self._maps.get(pos)
        if m is None:
            m = self._maps[pos] = _Stretch(self, pos)
        i = bisect.bisect_right(m.counts, n) - 1
        if 0 <= i < len(m.counts):
            k = n - m.counts[i]
            if m.widths[i] < 0:          # an entity or a CRLF: one character
                if k == 0:
                    return m.starts[i]
            elif k < m.widths[i]:
                return self._within(m, i, k)
        return self._walk(m.end, m.total, n)

    def _step_marks(self, start: int, end: int) -> array:
        """The byte offset of every _STEP-th character of data[start:end]."""
        text = self.data[start:end].decode("utf-8", errors="replace")
        marks, at = array("q"), start
        for k in range(0, len(text), _STEP):
            marks.append(at)
            at += len(text[k:k + _STEP].encode("utf-8"))
        return marks

    def _within(self, m: "_Stretch", i: int, k: int) -> int:
        start = m.starts[i]
        if m.ascii[i]:
            return start + k
        marks = m.marks.get(i)
        if marks is None:
            marks = m.marks[i] = self._step_marks(start, m.ends[i])
        j = k // _STEP
        return self._after(marks[j], k - j * _STEP)

    def _walk(self, pos: int, count: int, n: int) -> int:
        """Past the end of a text node (n at its very end, or entities that expanded to markup): step on."""
        text, end = self.data, len(self.data)
        while pos < end:
            # Plain text is counted in one step; only markup, entities and CRLF need a look.
            m = _SPECIAL.search(text, pos)
            stop = m.start() if m else end
            width = self._width(pos, stop)
            if count + width > n:
                return self._after(pos, n - count)
            count += width
            pos = stop
            if pos >= end:
                break
            ch = text[pos:pos + 1]
            if count == n and ch != b"<":
                return pos
            if ch == b"<":
                if text.startswith(b"<![CDATA[", pos):
                    close = text.find(b"]]>", pos)
                    close = end if close < 0 else close
                    inner = pos + 9
                    width = self._width(inner, close)
                    if count + width > n:
                        return self._after(inner, n - count)
                    count += width
                    pos = close + 3
                    continue
                m = _TOKEN.match(text, pos)
                pos = m.end() if m else pos + 1
                continue
            if ch == b"&":
                m = _ENTITY.match(text, pos)
                pos = m.end() if m else pos + 1
            else:  # "\r": a CRLF is one newline in the parsed text
                pos += 2 if text.startswith(b"\r\n", pos) else 1
            count += 1
        return pos


class _Stretch:
    """One text node's character data from its start to the markup that ends it, in pieces: parallel arrays
    of the parsed-character count at each piece's start, its source offsets, and its width in characters
    (-1: an entity or CRLF, one character however many bytes)."""

    def __init__(self, src: Source, pos: int):
        self.counts, self.starts, self.ends, self.widths = array("q"), array("q"), array("q"), array("q")
        self.ascii: list[bool] = []
        self.marks: dict = {}
        text, end, count = src.data, len(src.data), 0
        while pos < end:
            m = _SPECIAL.search(text, pos)
            stop = m.start() if m else end
            if stop > pos:
                count = self._plain(src, pos, stop, count)
            pos = stop
            if pos >= end:
                break
            if text.startswith(b"<![CDATA[", pos):
                close = text.find(b"]]>", pos)
                close = end if close < 0 else close
                if close > pos + 9:
                    count = self._plain(src, pos + 9, close, count)
                pos = close + 3
                continue
            if text[pos:pos + 1] == b"<":
                break   # markup: the text node ends here
            if text[pos:pos + 1] == b"&":
                m = _ENTITY.match(text, pos)
                stop = m.end() if m else pos + 1
            else:
                stop = pos + (2 if text.startswith(b"\r\n", pos) else 1)
            self._piece(count, pos, stop, -1, True)
            count += 1
            pos = stop
        self.end, self.total = min(pos, end), count

    def _plain(self, src: Source, a: int, b: int, count: int) -> int:
        piece = src.data[a:b]
        ascii = piece.isascii()
        width = len(piece) if ascii else len(piece.decode("utf-8", errors="replace"))
        self._piece(count, a, b, width, ascii)
        return count + width

    def _piece(self, count, a, b, width, ascii) -> None:
        self.counts.append(count)
        self.starts.append(a)
        self.ends.append(b)
        self.widths.append(width)
        self.ascii.append(ascii)
