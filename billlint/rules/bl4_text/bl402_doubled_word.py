"""BL402 doubled-word: the rule's docstring is its user documentation."""

from __future__ import annotations

import re

from ...model.patterns import lazy
from ...model.findings import Report
from ...model.textrun import in_struck_quotation
from ..registry import rule


_DOUBLED = lazy(r"\b([A-Za-z]+)\s+\1\b", re.I)
# A preposition before a compound that begins with it: only a preposition takes such a compound as its object
# ("loans for for-profit entities"); "low low-income families" or "full full-time staff" is a slip.
_BEFORE_COMPOUND = frozenset({"for", "in", "at", "on", "off", "by", "after", "under", "over", "out", "up", "down",
                              "to", "with", "from"})


# "that that", "had had"; "mahi mahi" (the fish, written lower case in fishery law)
_ALLOWED_DOUBLES = frozenset({"that", "had", "mahi"})
# Words a name never doubles: "The The" or "Section Section" in a heading is a slip like "the the".
_NOT_NAMES = frozenset({"the", "a", "an", "and", "or", "of", "to", "in", "for", "on", "by", "with", "as", "at",
                        "section", "title", "subtitle", "chapter", "part", "division", "act", "sec"})

# Words that begin a sentence, whose doubling in lower case after them is a slip ("Each each"), not a genus and
# its species ("Bison bison")
_SENTENCE_STARTS = frozenset({"each", "any", "all", "such", "this", "that", "these", "those", "there", "not", "no",
                              "if", "when", "where", "upon", "from", "into", "after", "before", "under", "except",
                              "nothing", "every", "its", "their", "shall", "may", "subject", "effective", "amounts"})

# Two different articles in a row ("the an", "a the"): one of them is a slip, which one is not known.
# "the a priori assumptions": the Latin "a" of "a priori", "a fortiori", "a posteriori" is no article.
_ARTICLES = lazy(r"\b(the|an?)\s+(?!\1\b)(the|an?)\b(?!\s+(?:priori|fortiori|posteriori)\b)")
# Both, over the bill's folded text (lower case; "?" for any other character, which may be a space): the runs
# they find hold every match of the two above.
_FOLDED = lazy(rb"\b([a-z]+)[\s?]+\1\b|\b(the|an?)[\s?]+(?!\2\b)(?:the|an?)\b")


@rule("BL402", "doubled-word", "warning", fixable=True, reads=("text",))
def doubled_word(doc, view):
    """
    The same word twice in a row: "the the"; or two different articles in a row: "the an", "a the"
    (lower case: "the A-76 circular" names a circular). The doubled word is fixed safely; of two
    articles, which one is the slip is not known, so that finding carries no fix. The Latin "a" of "a
    priori", "a fortiori" and "a posteriori" is no article ("the a priori assumptions").

    Across spaces and line breaks, but never across an element boundary (an enum followed by text that
    starts with the same word is not a slip). A preposition before a hyphenated compound that begins with
    it is not doubled ("loans for for-profit entities", "in in-person meetings", "at at-risk schools"). "that
    that", "had had" and "mahi mahi" are allowed, and so is a word
    followed by a name that begins with it ("in In re 650 Fifth Avenue"), and place names that double a
    capitalized word ("Pago Pago", "Walla Walla"; not "The The" or "Section Section"), and a species named for
    its genus, capitalized then lower case ("the North American bison (Bison bison)", "Gulo gulo"; not "The
    the" or "Each each", which are slips). Quoted operands (the words an
    instruction strikes) are left alone, marked up as <quote> or written in quotation marks (“the the”): a
    technical correction strikes the doubled word exactly as the law prints it.

    Bad: "shall submit to the the Committee".
    Good: "shall submit to the Committee".
    """
    index = doc.index(view)
    maybe = index.matching(_FOLDED) if index.exact else None
    for i, (prov, run) in enumerate(index.items):
        if maybe is not None and i not in maybe or not _DOUBLED.search(run.text) and not _ARTICLES.search(run.text):
            continue   # most runs: no need to find where their elements begin and end
        for lo, hi in run.segments():
            for m in _DOUBLED.finditer(run.text, lo, hi):
                word = m.group(1)
                if word.lower() in _ALLOWED_DOUBLES or run.marked(m.start(), m.end(), {"quote"}) \
                        or prov.quoted is None and in_struck_quotation(run.text, m.start()):
                    continue    # quoted words: what an instruction strikes, written as markup or as characters
                if word.lower() in _BEFORE_COMPOUND and run.text[m.end():m.end() + 1] in ("-", "‑"):
                    continue  # "in in-person meetings", "at at-risk schools"
                if word.isupper() and len(word) > 1:
                    continue  # "ACT ACT" in a heading style, acronyms
                second = m.group(0)[-len(word):]
                if word[0].islower() and second[0].isupper():
                    continue  # "in In re 650 Fifth Avenue": the second word begins a name or a title
                if word.istitle() and second.istitle() and word.lower() not in _NOT_NAMES:
                    continue  # a name that doubles a word: "Pago Pago, American Samoa", "Walla Walla"
                if word.istitle() and second.islower() and len(word) > 2 and word.lower() not in _NOT_NAMES \
                        and word.lower() not in _SENTENCE_STARTS:
                    continue  # a species named for its genus: "Bison bison", "Gulo gulo luscus" (the wolverine)
                yield Report(f'"{word} {word}": the word is doubled', run=run, start=m.start(), end=m.end(),
                             provision=prov, fix=(m.start() + len(word), m.end(), "", True))
            for m in _ARTICLES.finditer(run.text, lo, hi):
                if run.marked(m.start(), m.end(), {"quote"}) \
                        or prov.quoted is None and in_struck_quotation(run.text, m.start()):
                    continue
                yield Report(f'"{m.group(1)} {m.group(2)}": two articles in a row; one is a slip', run=run,
                             start=m.start(), end=m.end(), provision=prov)
