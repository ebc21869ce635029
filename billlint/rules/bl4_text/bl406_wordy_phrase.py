"""BL406 wordy-phrase: the rule's docstring is its user documentation."""

from __future__ import annotations

import re

from ...model.patterns import lazy
from ...model.findings import Report
from ..registry import rule
from .common import appropriations_text, entries, matches, not_law


# "is authorized to" that describes an authority held elsewhere, not one this text grants: in a relative
# or subordinate clause ("that is authorized to enforce", "as the Bureau is authorized to do", "to the extent
# that ... are authorized to"), where "may" would misread.
_DESCRIBES = lazy(r"\b(?:that|which|who|whom|whose|as|if|whether|unless|extent|where|when|until|because|since|"
                  r"although|though|while|whenever|wherever|once|insofar)\b", re.I)
# Funds "are authorized to carry out" a program: an authorization of appropriations, not a power ("may").
_FUNDS_SUBJECT = lazy(r"\b(?:funds|amounts|sums|moneys|appropriations)\s*$", re.I)
# A window the text does not require: negated ("has not received an objection within 60 days of", "fails to
# act within"), or one that places an event rather than setting a deadline ("the period occurring within").
_NEGATED = lazy(r"\b(?:not|no|never|fails?|failed|failure|unless|neither|nor|without)\b", re.I)
# A deeming rule places a supposed event, it sets no deadline: "treated as having transferred the amount ...
# within 60 days of the distribution".
_DEEMED = lazy(r"\b(?:treated|deemed|considered|regarded)\s+as\b", re.I)
_DUTY = lazy(r"\b(?:shall|must|may)\b")


def _deemed(text: str, a: int) -> bool:
    """A deeming verb in the clause before the phrase, with no duty after it ("shall be treated as a distribution
    ... and as having been transferred ... within 60 days of"; not "identified as having violated ... shall pay")."""
    before = _clause(text, a, ";:.—", limit=400)
    last = None
    for last in _DEEMED.finditer(before):
        pass
    return last is not None and not _DUTY.search(before, last.end())
_PLACES = lazy(r"\b(?:occurring|occurs|occurred|arising|arises|arose|incurred|periods?|beginning|ending)\s*$",
               re.I)


# A list that reproduces another document's items, after the colon that names it: a resolution of disapproval
# lists the arms sale "described in Transmittal No. 21-01, submitted to Congress pursuant to section 36(b) ...:
# Fifty (50) F-35A ...", in the transmittal's own words.
# a number in words and figures ("sixty-five (65)"): its fix is safe only where the words are the whole number and
# say the figure: "one hundred twenty (120)" matches from "twenty" on, and "thirty (60)" leaves which one is meant open
_NUMBER_WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen "
    "eighteen nineteen".split())}
_NUMBER_WORDS.update({w: 10 * i for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split(), 2)})
_WORD_BEFORE = lazy(r"(?:\b(?:" + "|".join(_NUMBER_WORDS) + r"|hundred|thousand)(?:\s+and)?[\s-]+)$", re.I)


def _part_of_number(text: str, m) -> bool:
    """Whether more number words stand before a "sixty-five (65)" match: "one hundred twenty (120)"."""
    return m.re.groups == 1 and m.group(0).endswith(")") and bool(_WORD_BEFORE.search(text, 0, m.start()))


def _figure_matches(text: str, m) -> bool:
    """Whether the number words of a "sixty-five (65)" match say its figure."""
    total = 0
    for w in re.findall(r"[a-z]+", text[m.start():text.index("(", m.start())].lower()):
        total = max(total, 1) * 100 if w == "hundred" else total + _NUMBER_WORDS.get(w, 0)
    return str(total) == m.group(1)


_COPIED = lazy(r"\bdescribed\s+in\s+(?:the\s+)?(?:Transmittal|transmittal|notification|certification)\b[^:]*:")


def _clause(text: str, pos: int, stops: str, limit: int = 160) -> str:
    """The words before pos back to the nearest of these stop characters (and at most limit characters)."""
    start = max((text.rfind(c, 0, pos) for c in stops), default=-1) + 1
    return text[max(start, pos - limit):pos]


# A relative clause without "that": "any other authority the Secretary is authorized to exercise", "any action
# the Director is authorized to take under this Act": the verb's object is the noun before the clause, so
# nothing follows the verb but the clause's end or a preposition.
_GAP = lazy(r"\s+(?:exercise|take|perform|do|carry\s+out|make|provide|use|conduct|issue|receive|collect|expend|"
            r"obligate|spend|pay|award|administer|enforce|impose|grant|undertake|accept)"
            r"(?:\s*[.;:)]|,\s+(?:(?:and|or)\s+to|including|except|subject|unless|if)\b"
            r"|\s+(?:under|pursuant|with\s+respect|in\s+accordance|on\s+behalf)\b)", re.I)
# The noun such a clause describes, just before its subject ("authority the Secretary"): without one the subject
# begins its sentence and the verb's object may follow a comma ("The Secretary is authorized to award, subject to
# appropriations, grants").
_HEAD = lazy(r"\b(?!(?:in|for|of|on|at|by|under|with|to|from|after|before|during|and|or|but|then|thus|also)\b)"
             r"[A-Za-z]+\s+(?:the|such|each|an?|any|every)\s+(?:[\w-]+\s+){1,4}$", re.I)
# Two events "within 90 days of each other": a span between them, no deadline after one.
_MUTUAL = lazy(r"\s+(?:each\s+other|one\s+another)\b", re.I)


def _not_required(e, text: str, a: int, b: int) -> bool:
    """Whether the matched phrase, read in its sentence, is not the form the entry rewrites."""
    if e.trigger == ("authorized",):
        before = _clause(text, a, ",;:.—(")
        return bool(_DESCRIBES.search(before) or _FUNDS_SUBJECT.search(before) or _GAP.match(text, b) and _HEAD.search(before))
    if e.trigger == ("within",):
        before = _clause(text, a, ";:.—")
        return bool(_NEGATED.search(before) or _PLACES.search(before) or _deemed(text, a) or _MUTUAL.match(text, b))
    return False


def _starts_sentence(text: str, pos: int) -> bool:
    before = text[:pos].rstrip()
    return not before or before.endswith(".")


@rule("BL406", "wordy-phrase", "info", fixable=True, reads=("text",))
def wordy_phrase(doc, view):
    """
    A wordy or outdated phrase where plain drafting has a shorter one.

    "within 30 days of" -> "not later than 30 days after"; "is authorized to" -> "may"; "Provided,
    That" -> "except that"; "sixty-five (65)" -> "65". The phrases are in rules/wordy.toml; the message quotes the words
    found. Always `info`: the advice is style, and every fix is unsafe except "sixty-five (65)" -> "65", and
    that one too where the words do not say the figure ("thirty (60)": which one is meant is not known). Where
    the words are part of a longer number ("one hundred twenty (120)", matched from "twenty") there is no fix.

    Silent where the phrase is the convention or means something else:
    - appropriations language: the whole of an appropriations Act (its general provisions included: they
      are the Appropriations Committees' house style, which a drafter does not rewrite) or of a division
      headed as appropriations ("Continuing Appropriations", not "Authorization of Appropriations"), and, in any
      other bill, a section or subsection that appropriates or rescinds ("there is appropriated", "not
      otherwise appropriated", "$5,000,000 is rescinded", "For necessary expenses", "under this heading",
      or a header "Appropriation(s)" or "Rescission(s)"). Provisos and "within N days of" are right
      there. An authorization of appropriations is not an appropriation.
    - "is authorized to" in a simple or concurrent resolution ("the Architect of the Capitol is authorized to
      make such additional arrangements"): a permission of one House or both, not a grant of authority by law,
      written in the standing formulas of such resolutions.
    - "is authorized to" in a relative or subordinate clause ("that is authorized to enforce", "as the
      Bureau is authorized to do", "to the extent that ... are authorized to"): it describes an authority
      held elsewhere, and "may" would misread it as a grant. Nor where funds are its subject ("no
      additional funds are authorized to carry out this Act": an authorization). "is authorized to be
      appropriated" never matches. So is a relative clause without "that", whose verb's object stands before
      it ("any other authority the Secretary is authorized to exercise", "any action the Director is
      authorized to take under this Act"): nothing but the clause's end or a preposition follows the verb.
    - "within N days of" that is negated or a failure ("has not received an objection within", "fails
      to act within"), or that places an event rather than setting a deadline ("the period occurring
      within", a deeming rule's "treated as having transferred the amount ... within 60 days of the
      distribution"), or that spans two events ("two reports submitted within 90 days of each other"):
      "not later than ... after" would change the meaning.
    - a list that reproduces another document's items after a colon that names it ("the sale of the following
      defense articles ... described in Transmittal No. 21-01 ...: Fifty (50) F-35A ..."): the words are the
      transmittal's.
    - quoted text of other laws keeps its own words (marked up as a quote, or written in quotation
      marks without markup, as USLM bills often have).

    A fix that spans markup (`<italic>Provided</italic>, That`) replaces the whole elements it cuts, so
    that applied it leaves the markup well-formed.

    Not reported: "such sums as may be necessary" without fiscal years. An authorization without years is
    permanent, and whether it should be is policy the text cannot show, not wording.

    Bad: "Not later than 90 days after ... The Secretary is authorized to make grants".
    Good: "The Secretary may make grants".
    """
    resolution = not_law(doc)
    for e in entries("wordy.toml"):
        for prov, run, m in matches(doc, view, e.pattern, quoted=False, trigger=e.trigger, hint=e.hint):
            text = run.text
            fa, fb = m.span()                               # what the fix replaces
            a, b = m.span(e.word) if e.word else (fa, fb)    # what the finding points at
            if "appropriations" in e.skip and appropriations_text(doc, prov, view) or run.marked(a, b, {"quote"}) \
                    or "not-law" in e.skip and resolution \
                    or _not_required(e, text, a, fb) or _COPIED.search(text, 0, a):
                continue
            new = m.expand(e.replacement) if e.replacement else e.suggestion
            reason = m.expand(e.reason) if "\\" in e.reason else e.reason   # the matched words, not the example's
            if m.group(0)[:1].isupper() and _starts_sentence(text, fa):
                new = new[:1].upper() + new[1:]
            yield Report(f'"{" ".join(text[a:b].split())}" -> "{new.lstrip(", ")}": {reason}', run=run, start=a,
                         end=b, provision=prov,
                         fix=None if e.safe and _part_of_number(text, m) else (fa, fb, new, e.safe and _figure_matches(text, m)))
