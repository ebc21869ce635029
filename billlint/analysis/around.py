"""The words around a reference that say where it points: "of this section" bounds it; "of title 5", "of the
... Act", a survey's township, a term of art's noun take it out of the bill. references._classify reads them."""

from __future__ import annotations

import re

from ..model.patterns import lazy
from ..model.vocabulary import LEVELS

LEVEL_WORDS = "|".join(lv for lv in LEVELS if lv != "subdivision")

# After a reference: "of this section" bounds it; any other "of ..." ("of title 5", "of the ... Act", "of
# such Act", "of rule XXI", "of Public Law 116-1") takes it outside the bill.
QUALIFIER = lazy(
    r"^\s*,?\s*(?:(?:title|subtitle|division|part|chapter)\s+\w+\s*,\s*)*of\s+(?:(?P<this>this\s+(?P<unit>Act|" + LEVEL_WORDS + r"|resolution|joint resolution))\b"
    r"|(?P<ext>\S))")
MADE_BY_ACT = lazy(r"^\s*,?\s*(?:as\s+)?(?:added|inserted|enacted|redesignated|amended)\s+by\s+"
                    r"(?:(?:sub)?sections?|paragraphs?|title|subtitle|division|part|chapter|this)\b")
# designations set off from the number they continue: "section 3A (b)(1) and (c)(1) of the X Act"
# and a document's own dotted numbering: "paragraph 2.b. of the Colville Settlement Agreement"
TAIL = lazy(r"\s(?:\([A-Za-z0-9]{1,8}\))+(?:\s*,?\s*(?:(?:and|or|through)\s+)?(?:\([A-Za-z0-9]{1,8}\))+)*"
             r"|(?:\.[A-Za-z0-9]{1,3})+\.?(?=\s+of\s)")
USC = lazy(r"^,?\s*(?:of\s+)?(?:the\s+)?(?:United\s+States|[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,3})\s+Code\b")
SUCH = lazy(r"\b(?:such|that|said)\s+$", re.I)
CITED = lazy(r"^\s*\((?:[^()]{0,40}U\.S\.C\.|\d+\s+Stat\.)")
# an aside between a reference and its qualifier: "(relating to grants)", "(as in effect on the day before the date of
# enactment of the ... Act of 2025)", "(other than the limits described in paragraph (2) of such section)"
ASIDE = lazy(r"^(?:\s+[a-z]{1,2}\.)?(?:\s*\((?:[^()]|\([^()]{0,20}\)){0,300}\))?"
             r"(?:\s*,\s*(?:as the case may be|respectively)\s*,)?")
THEREOF = lazy(r"^\s*,?\s*(?:thereof|therein|of\s+such\s+(?:section|subsection|paragraph))\b"
                r"|^,\s*(?:and|or)\s+[^,;:.]{1,80},\s+of\s+\S"
                # "section 23, including subsection (c) thereof, of the X Act"
                r"|^,\s*(?:including|other\s+than|except|excluding)\s+[^,;:.]{1,80},\s+of\s+(?!this\b)\S")
ACT_NAME = lazy(r"\b(?:Act|Code|Statutes|NMSA|Laws|Regulations)(?:\s+(?:of\s+)?\d{4})?,\s*$"
                 r"|\b(?:Circular|Attachment|Appendix|Instruction|Rule)\s+[\w.–-]+,\s*$")
IN_CITATION = lazy(r"\([^()]*(?:Stat\.|U\.S\.C\.)[^()]*$")
TERM_OF_ART = lazy(r"^\s+[a-z]+\s+\(as\s+defined\s+in\b")
# "paragraph (c) from General Instruction I.B.6. of such form": a named instrument that is not this bill
INSTRUMENT = lazy(r"^\s*,?\s*(?:from|in|of)\s+(?:the\s+)?(?:[A-Z][\w.–-]*\s+){0,3}?"
                   r"(?:Instructions?|Forms?|Schedules?|Rules?|Regulations?|Circulars?|Items?|Appendix|"
                   r"Attachments?|Exhibits?|Annex|Article)\b")
# "section 376 the FAA Reauthorization Act of 2018": an Act's name straight after the number, "of" left out
NAMED_ACT = lazy(r"^\s+the\s+(?:[A-Z][\w'’.–-]*,?\s+(?:(?:of|and|for|to|on|the|in)\s+)*){1,12}"
                  r"(?:Act|Code)\b|^\s+Public\s+Law\b")
# "a section 902 corporation", "any section 8 contract": a designation used as an adjective in a term of art
DETERMINER = lazy(r"\b(?:[Aa]n?|[Aa]ny|[Ee]ach|[Ee]very|[Nn]o|[Tt]he)\s+$")
NOT_A_NOUN = frozenset("of and or to in as for by shall may is are was were that which through under with from on "
                        "at if the be has have does do not also only before after unless apply applies".split())
NOUN = lazy(r"^\s+([a-z][a-z-]+)\b")
# a capitalized word after a bare designation: a name built on it ("the Section 8 Management Assessment Program",
# "the Title I Portability Pilot"), not a law's name ("section 376 the FAA ...") or a citation
# and only where the designation's own word is capitalized in mid-sentence ("the Section 8 ..."): a reference in
# running text ("subject to section 4 Indian tribes may apply") is lowercase, so a capital word after it is not a name
IN_LINE = lazy(r"[a-z,]\s+$")
NAME = lazy(r"^\s+(?!(?:U\.S|Stat|Public|United|States|Code|Act|Law|Pub|The|This|Such)\b)[A-Z][a-z]{2,}\b")
LAND = lazy(r"^\s*,?\s*(?:T\.\s*\d|[Tt]ownship\b)")
# before: a survey's township and range ("T. 11 S., R. 62, E., Section 25"), a map's ("tax map ... for section 110")
SURVEYED = lazy(r"\bR\.\s*\d+\s*,?\s*[EW]\.,?\s*$|\btax\s+maps?\b[^.;]{0,60}\bfor\s+$")
HEADING = lazy(r"^\s*,?\s*(?:under|in)\s+(?:such|the|that)\s+heading")
