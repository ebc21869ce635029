"""What marks a bare reference as another law's rather than this bill's: a section number this bill could not have,
a title that declares its section numbers are the Internal Revenue Code's, a term of art the bill defines or
builds on a bare section number."""

from __future__ import annotations

import re

from ..model.patterns import lazy
from ..model.document import Document
from .resolution import has_unit


_TERM_TEXT = lazy(r"\bterms?\s+[“\"]([^”\"]{3,80})[”\"]")


def defined_term(doc: Document, phrase: str) -> bool:
    """Whether the bill defines a term that this phrase is ("section 14 applications": the term "section 14
    application")."""
    def build() -> set:
        terms = {" ".join("".join(t.itertext()).split()).lower() for t in doc.root.iter("{*}term")}
        for t in doc.root.iter("{*}text", "{*}content", "{*}chapeau"):
            s = "".join(t.itertext())
            if "term" in s:     # the pattern needs it; most text has none, and the search is the costly part
                terms.update(m.group(1).lower() for m in _TERM_TEXT.finditer(s))
        return terms
    words = " ".join(phrase.split()).lower()
    terms = doc.memo("defined terms", build)
    return words in terms or words.endswith("s") and words[:-1] in terms


# "the calendar year 2021 section 8 renewal funding": a bare section number with a noun straight after it
# is a program's name built on another law's section; a verb or a preposition there ("section 8 requires
# the", "section 5 within 30 days") makes it a reference
_VERB = lazy(r"^\s+(?:[a-z-]+ed|(?:requir|provid|appl|amend|tak|prohibit|authoriz|describ|"
             r"establish|set|mean|includ|contain|remain|becom|expir|govern|permit|allow|direct|state|"
             r"specifi|limit|terminat|laps|ceas|continu|supersed|preempt|exempt|waiv|sunset)"
             r"(?:e|es|ed|ing|s|y|ies|ied|ying)?)\b"   # a verb's endings: "provides", not "providers"
             # a verb with a date after it, whatever the verb: "title III ends on September 30, 2030"
             r"|^\s+[a-z]+s\s+(?:on|after|before)\s+(?:[A-Z][a-z]+\s+\d|the\s+(?:date|day|last|first|end)\b)"
             r"|^\s+[a-z-]+\s+(?:the|a|an|that|such|any|each|this|these|those|all|no|to)\b"
             r"|^\s+(?:within|without|until|upon|during|since|against|among|between|into|over|per|via|"
             r"except|including|notwithstanding|pursuant|unless|when|where|while|than|not|will|must|"
             r"can)\b")
# also a title or a part by its bare designation: "title I funds", "part D plans", "subpart F income"
_BARE_SECTION = lazy(r"^(?:[Ss]ection\s+\d+[A-Za-z]{0,3}"
                    r"|(?:[Tt]itle|[Ss]ubtitle|(?:[Ss]ub)?[Pp]art|[Ss]ubchapter)\s+(?:[IVXL]+|[A-Z]))$")


def bare_term(text: str, after: str) -> bool:
    """Whether a reference followed by a noun ("section 8 renewal funding", "section 202 projects", "title I
    funds") is a bare section, title or part, with no verb after it: a term of art if it names nothing in this
    bill."""
    return bool(_BARE_SECTION.match(text)) and not _VERB.match(after)


_CODE_DEFAULT = lazy(r"considered to be made to (?:a|the) section or other provision of")


def other_law_section(doc: Document, ref, head: tuple) -> bool:
    """A bare section number that cannot be one of this bill's: a lower-case suffix ("1a", "4s": the style of
    the Acts bills amend, never of a bill's own sections), or, in a bill numbered 1 to N without titles, a
    number well past N ("section 230" in a three-section bill)."""
    num = head[1]
    if re.match(r"^\d+[a-z]+$", num) and not has_unit(doc, ref.prov, head):
        return True
    m = re.match(r"^(\d+)", num)
    if not m or ref.prov.quoted is not None:
        return False
    highest = max((p.designation.value or 0) for p in _sections(doc)) if _sections(doc) else 0
    if highest and int(m.group(1)) > 10 * highest:
        return True  # "section 47115(j)" in a bill whose sections stop at 1300: a Code section
    flat = [p for p in doc.top if p.level == "section"]
    if len(flat) != len(doc.top) or not flat:
        return False  # titles or divisions: sections are numbered by title, and any number may be real
    top = max(((p.designation.value or 0) for p in flat if p.designation), default=0)
    return int(m.group(1)) > 2 * top + 5


def _sections(doc: Document) -> list:
    return doc.memo("own sections", lambda: [p for p in doc.provisions if p.level == "section" and p.quoted is None
                                            and p.designation and p.designation.value])


def code_default(doc: Document) -> bool:
    return doc.memo("code default", lambda: any(_CODE_DEFAULT.search("".join(t.itertext()))
                                                for t in doc.root.iter("text")))
