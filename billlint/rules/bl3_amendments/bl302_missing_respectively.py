"""BL302 missing-respectively: the rule's docstring is its user documentation."""

from __future__ import annotations

import re

from ...analysis import amendments as am
from ...model.findings import Report
from ..registry import rule
from .common import parsed


@rule("BL302", "missing-respectively", "warning", fixable=True, reads=("instructions",))
def missing_respectively(doc, view):
    """
    A redesignation of more than one unit does not say "respectively".

    "by redesignating paragraphs (3) and (4) as paragraphs (4) and (5), respectively" pairs the units in
    order; without "respectively" the instruction does not say which becomes which. The new side is read whole,
    coordinated lists included ("as subparagraphs (I) through (K), and subparagraphs (M) and (O), respectively"):
    a "respectively" after the last list counts.

    The fix adds ", respectively", and a comma after it where another operation follows ("as paragraphs (4)
    and (5), respectively, and moving such paragraphs 2 ems to the right").

    Bad: "by redesignating subsections (d) and (e) as subsections (e) and (f)".
    Good: "by redesignating subsections (d) and (e) as subsections (e) and (f), respectively".
    """
    for ins in parsed(doc, view):
        if ins.action == am.REDESIGNATE and not ins.respectively:
            _, a = am.designation_list(ins.operands["from"])
            if len(a) > 1:
                end = ins.end
                # before the next operation's "and" the word takes a comma after it too: "(5), respectively, and
                # moving such paragraphs"; without it "respectively and moving" runs the two together
                add = ", respectively," if re.match(r"\s+(?:and|or)\b", ins.run.text[end:]) else ", respectively"
                yield Report("a redesignation of more than one unit needs \", respectively\"", run=ins.run,
                             start=ins.start, end=end, provision=ins.prov, fix=(end, end, add, True))
