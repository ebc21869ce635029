"""BL401 confusable-word: the rule's docstring is its user documentation."""

from __future__ import annotations

import re

from ...model.findings import Report
from ...model.textrun import in_quotation_marks
from ..registry import rule
from .common import entries, matches


def _group_span(m: re.Match, word: int) -> tuple[int, int]:
    if word:
        return m.span(word)
    g = next((i for i in range(1, (m.re.groups or 0) + 1) if m.group(i) is not None), 0)
    return m.span(g)


@rule("BL401", "confusable-word", "warning", fixable=True, reads=("text",))
def confusable_word(doc, view):
    """
    A real word used in the place of another: "the rational for" where "rationale" is meant.

    Judged by the words around it, so correct uses stay silent ("a rational basis"). Pairs covered:
    rational/rationale, principal/principle, affect/effect, its/it's, complement/compliment,
    assure/ensure/insure, statute/statue, discrete/discreet, council/counsel, personal/personnel,
    precede/proceed, prescribe/proscribe, waive/wave, forgo/forego, than/then. The list is
    rules/confusables.toml; each entry gives its pattern, suggestion, reason and examples. The fix is
    marked safe where the context makes the meaning certain, and keeps the word's ending ("compliments"
    -> "complements", "waived" for "waved"). It is not safe where the other word may be meant after all:
    "insure that" before a singular noun ("insure that depository institution": "that" a determiner),
    "higher then" not before a figure nor after "not" ("if the rate is higher then the Secretary shall":
    a condition whose comma is missing), "proceeding section 3" (the noun, before a designation).

    The context words decide, and a use with the other sense is left alone: "insure that portion of any
    mortgage" ("that" a determiner: insurance), "directly effected the transfer" (brought about), "the
    then-current rate", "compliments and complaints", "the principals of law firms", "an additional personal
    exemption", "the statue shall be placed in National Statuary Hall" (a statute is one only where a law's
    verb follows: "the statue that was enacted"); offices and bodies named so are not slips ("the Regional Counsel", "the county counsel",
    "the tribal counsel"; "the legislative council of the State", "a special council", "the tribal general
    council").

    Silent on words in quotation marks, as markup (<quote>) or as characters: struck or quoted words, and
    a passage quoted from a court or another text ("the Supreme Court ... noting that such requirements
    “provide the electorate with information and insure that the voters are fully informed”"), which the
    bill cannot correct. A quoted block's own text is the bill's new text and is checked.

    Bad: "and the rational for why the assistance was provided".
    Good: "and the rationale for why the assistance was provided".
    """
    for e in entries("confusables.toml"):
        for prov, run, m in matches(doc, view, e.pattern, trigger=e.trigger):
            text = run.text
            a, b = _group_span(m, e.word)
            if run.marked(a, b, {"quote"}) or prov.quoted is None and in_quotation_marks(run.text, a):
                continue   # quoted words, and words in quotation marks outside the new text of a quoted block
            found = text[a:b]
            new = m.expand(e.replacement) if e.replacement else e.suggestion   # the word's own ending kept
            new = new if not found[:1].isupper() else new[:1].upper() + new[1:]
            yield Report(f'"{found}" -> "{new}": {e.reason}', run=run, start=a, end=b, provision=prov,
                         fix=(a, b, new, e.safe))
