"""One folded copy of a bill's text per view, searched by every rule family before its patterns run.

The text of every live provision, lower-cased, one byte a character (non-ASCII letters become "?"), joined
with a NUL line between provisions so that no word spans two. A literal search over it (bytes.find, or a
literal pattern) is much cheaper than a case-insensitive pattern tried at every position of every run: a
family finds where its trigger words stand over the whole bill first, and runs its patterns only there.
"""

from __future__ import annotations

import bisect
from array import array

_GAP = b"\n\x00\n"
# Letters a case-insensitive pattern matches to ASCII letters ("ſ" to "s", "ı" and "İ" to "i") but that do not
# lower-case to them: where the text holds one, a folded search could miss what the pattern finds.
_ODD = ("ı", "ſ", "İ")


def fold(text: str) -> bytes:
    """text lower-cased, one byte a character: positions are the text's."""
    low = text.lower()
    if len(low) != len(text):      # "İ" lowers to two characters: keep positions, fold one by one
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return low.encode("ascii", "replace")


class TextIndex:
    """The folded text of the provisions a view shows, with a map back to each provision and its run."""
    __slots__ = ("provs", "runs", "starts", "folded", "exact", "_found")

    def __init__(self, doc, view: str):
        self.provs = doc.provisions_in(view)
        self.runs = [doc.text(p.el, view) for p in self.provs]    # two lists: no tuple per provision
        self.starts = array("q")
        buf, exact = bytearray(), True     # grown in place: no list of parts and joined copy both held at once
        for run in self.runs:
            f = fold(run.text)
            if exact and b"?" in f and any(c in run.text for c in _ODD):
                exact = False
            self.starts.append(len(buf))
            buf += f
            buf += _GAP
        self.folded = buf
        # exact: a word's folded places are all the places a case-insensitive pattern could find it
        self.exact = exact
        self._found: dict = {}

    @property
    def items(self):
        """(provision, run) of each item, in document order."""
        return zip(self.provs, self.runs)

    def places(self, word: str) -> list[int]:
        """Where a word stands, case aside, in the folded text, as offsets in it (folded as the text is: "it’s"
        is "it?s")."""
        found = self._found.get(word)
        if found is None:
            found, f, buf = [], word.lower().encode("ascii", "replace"), self.folded
            at = buf.find(f)
            while at >= 0:
                found.append(at)
                at = buf.find(f, at + 1)
            self._found[word] = found
        return found

    def matching(self, pattern) -> set[int]:
        """The item numbers whose folded text a bytes pattern matches somewhere (no match spans two items)."""
        starts = self.starts
        return {bisect.bisect_right(starts, m.start()) - 1 for m in pattern.finditer(self.folded)}

    def where(self, offset: int) -> tuple[int, int]:
        """(item number, position in its run) of an offset in the folded text."""
        i = bisect.bisect_right(self.starts, offset) - 1
        return i, offset - self.starts[i]

    def hits(self, word: str) -> list[tuple]:
        """(provision, run, position) of each place a word stands, case aside, in document order."""
        provs, runs = self.provs, self.runs
        out = []
        for at in self.places(word):
            i, pos = self.where(at)
            out.append((provs[i], runs[i], pos))
        return out

    def spots(self, words) -> dict[int, list[int]]:
        """Item number -> the positions in its run where one of the words stands, sorted."""
        out: dict[int, list[int]] = {}
        starts = self.starts
        for w in words:
            for at in self.places(w):
                i = bisect.bisect_right(starts, at) - 1
                out.setdefault(i, []).append(at - starts[i])
        for v in out.values():
            v.sort()
        return out
