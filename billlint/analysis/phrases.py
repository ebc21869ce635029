"""The phrases amendment instructions are made of, as patterns: operands, anchors, verbs, designation sides.

Quotations are replaced by placeholders (Q0 index Q1) before a text is read, so no pattern runs across one; each
pattern looks at most WINDOW characters ahead, which keeps parsing linear.
"""

import re
from ..model.patterns import lazy

Q0, Q1 = "\ue000", "\ue001"
Q = f"{Q0}\\d+{Q1}"
W = f"[^;:—{Q0}]"             # a character of plain words inside one clause
PAREN = r"\((?:[^()]|\([^()]*\))*\)"   # a parenthetical, one level of nesting inside
WINDOW = 1500                  # no operand or target runs longer: each match looks at most this far

# "each place it appears" and its kin: where in the amended text an operation applies
PLACES = (r"(?:each|every)\s+(?:place|time)\s+(?:that\s+)?(?:it|they|(?:such|the|that)\s+\w+)\s+appears?"
          r"|(?:the\s+)?(?:first|second|third|fourth|fifth|sixth|last|\w+)\s+(?:place|time)\s+(?:that\s+)?it\s+appears"
          r"|wherever\s+(?:it|they)\s+appears?")
PLACES_END = lazy(rf",?\s+({PLACES})[,;.]?$", re.I)
# The verbs that start the next operation of a clause (with or without its "and"/"by")
NEXT = (r"(?:and\s+|or\s+)?(?:by\s+)?(?:insert(?:ing)?|strik(?:e|ing)|add(?:ing)?|redesignat(?:e|ing)|moving"
         r"|transferring|substitut(?:e|ing)|replac(?:e|ing)|realign(?:ing)?|indent(?:ing)?|amending)\b")
# Where a plain-word operand ends: clause punctuation (a period only before a space or the end: "U.S.C." and
# "sec." stay inside), ", and"/", or" before a non-designation, ", by", or the next operation.
END = (rf"(?=\s*(?:[;:—]|\.(?:\s|$)|,\s*(?:and|or)\b(?!\s*[(\d])|,\s*by\b|,\s*(?:as|and)\s+so\b)|\s*,?\s*{NEXT}"
        r"|\s*$)")
END_LATE = r"(?=\s*(?:[;:—]|\.\s|\.$|,\s*(?:and|or)\b|,\s*by\b)|\s+and\s+(?:by\s+)?(?:insert|strik|add|redesignat)|\s*$)"
FOLLOWING = r"the\s+following(?:\s+new\s+(?P<NEW>\w+)(?:\s+(?:\(\w+\)|\d\w*))?)?"
INLINE = rf"(?:\s*[:—]?\s*(?P<INL>{Q}))?"     # "the following: “text”": the inserted text given in line
SMALL = (r"(?:a|an)\s+(?:comma|semicolon|period|colon|em\s+dash|dash|hyphen|space|closing\s+parenthesis"
          r"|(?:new\s+)?(?:sentence|paragraph\s+heading|subsection\s+heading|heading)\b[^;:—\ue000]*?)")
VERB = lazy(r"\b(?:striking|inserting|adding|redesignating|amending|repealed|to\s+read\s+as\s+follows|"
             r"strike|insert)\b", re.I)
# what may stand before an operation verb: a clause start, "by", "and", a quotation ("“2024”and inserting")
BEFORE_VERB = lazy(rf"(?:^|[,;:.—(]|{Q1}|\b(?:by|and|or|then|also|further|to|in|amended))\s*$", re.I)
# "…, except in section 918 (15 U.S.C. 1693o);": where the operation does not apply
EXCEPT = lazy(r",?\s*(except\s+(?:in|for|as|that)\b[^;:—]*?)(?=\s*[;:—]|\.?\s*$|,?\s+and\s*$)", re.I)
BEFORE_REPEALED = lazy(r"\b(?:is|are|be)\s+(?:hereby\s+)?$", re.I)


def named(name: str, pattern: str) -> str:
    """A named sub-pattern used in more than one alternative gets a distinct group name in each."""
    return pattern.replace("(?P<NEW>", f"(?P<new{name}>").replace("(?P<INL>", f"(?P<inl{name}>")


STRIKE_RE = lazy(rf"strik(?:ing|e)(?:\s+out)?\s+(?P<what>{Q}(?:\s+(?:{PLACES})"
               rf"|\s+(?:at|in)\s+the\s+end\s+of\s+[^;:—]*?|\s+(?:at|in|before|after)\s+{W}*?)?"
               rf"|{W}*?(?:{Q}{W}*?)*?){END}", re.I)
AND_INSERT = lazy(
    rf"\s*,?\s*(?:and\s+)?(?:insert(?:ing)?(?:\s+in\s+lieu\s+thereof|\s+in\s+(?:its|their)\s+place|\s+in\s+place\s+thereof)?"
    rf"|substitut(?:e|ing)|replacing\s+(?:it|them|such\s+\w+)\s+with)"
    rf"(?:\s+the\s+word)?\s*(?P<ins>{Q}|{named('a', FOLLOWING)}{named('a', INLINE)}|[:—]\s*(?P<colon>{Q})|[:—]?(?=\s*$)"
    rf"|(?<=\s)[^;:—{Q0}\s]{W}*?(?:{Q}{W}*?)*?{END_LATE})"
    rf"(?:\s+(?P<places>{PLACES}))?", re.I)
REL = (r"immediately\s+(?:after|before)|after|before|prior\s+to|at\s+the\s+(?:end|beginning)\s+of|in\s+lieu\s+of")
# at least one word or quotation, and not the inserted text itself
ANCHOR = rf"(?!the\s+following\b)(?:{Q}|[^;:—{Q0}\s]){W}*?(?:{Q}{W}*?)*?"
INSERT_RE = lazy(
    rf"insert(?:ing)?\s+(?:"
    # "inserting “Y” after “X” [each place it appears]"
    rf"(?P<q>{Q}|{SMALL}|the\s+word\s+{Q})\s+(?P<rel>{REL})\s+(?P<anchor>{ANCHOR}){END}"
    # "inserting after “X” [each place it appears] the following: [“Y”]" / "inserting before the period “Y”"
    rf"|(?P<rel2>{REL}|at\s+the\s+(?:end|beginning)|in\s+numerical\s+sequence|in\s+alphabetical\s+order"
    rf"|in\s+(?:the\s+)?appropriate\s+(?:place|order|sequence))"
    rf"(?:\s+(?P<anchor2>{ANCHOR}))?\s*(?:[,:]?\s*(?:{named('b', FOLLOWING)}{named('b', INLINE)}|(?P<q2>{Q}))"
    rf"|[:—](?=\s*$))"
    # "inserting the following after section 5:"
    rf"|{named('c', FOLLOWING)}\s+(?P<rel3>{REL})\s+(?P<anchor3>{ANCHOR}){END}"
    rf"|(?P<q3>{Q})|{named('d', FOLLOWING)}{named('d', INLINE)})", re.I)
ADD_WHAT = rf"(?:{FOLLOWING}{INLINE}|(?P<Q>{Q})|(?P<SMALL>{SMALL}))"
ADD_RE = lazy(
    rf"adding\s+(?:"
    # "adding at the end [of X | before the period] the following:" / "adding after X the following:"
    rf"(?:at\s+the\s+end(?:\s+thereof)?(?:\s+of\s+(?P<of>{ANCHOR})|\s+(?P<rel>before|after)\s+(?P<anchor>{ANCHOR}))??"
    rf"|(?P<rel2>after|before)\s+(?P<anchor2>{ANCHOR}))\s*,?\s*"
    + ADD_WHAT.replace("(?P<Q>", "(?P<q>").replace("(?P<SMALL>", "(?P<small>").replace("(?P<NEW>", "(?P<newa>")
    .replace("(?P<INL>", "(?P<inla>") +
    # "adding “X” at the end [of Y]" / "adding the following at the end thereof:"
    r"|" + ADD_WHAT.replace("(?P<Q>", "(?P<q2>").replace("(?P<SMALL>", "(?P<small2>").replace("(?P<NEW>", "(?P<newb>")
    .replace("(?P<INL>", "(?P<inlb>") +
    rf"\s+at\s+the\s+end(?:\s+thereof|\s+of\s+(?P<of2>{ANCHOR}){END})?"
    # "adding “or” after the comma at the end [of Y]"
    rf"|(?P<q3>{Q})\s+(?P<rel3>after|before)\s+(?P<anchor3>{ANCHOR}){END})", re.I)
SIDE = rf"(?:[^;:—{Q0}().]|{PAREN}|\.(?=\s*(?:,|and\b|or\b|through\b|as\b|respectively\b)))+?"
# a side may go on as a coordinated list repeating its level word ("as subparagraphs (I) through (K), and
# subparagraphs (M) and (O), respectively") when that list ends the side: "respectively", the clause's end, or
# another such list follows it. A list followed by anything else ("as": the next pair, "paragraph (3) as paragraph
# (4), and paragraph (5) as paragraph (6)"; "of subsection (b)") is not the side's. Atomic, so the list cannot
# shrink to find a way out.
_LEVEL = r"(?:sub)*(?:sections?|paragraphs?|clauses?|items?|parts?|chapters?|titles?)"
_ITEM = r"(?:\([0-9A-Za-z]{1,8}\)|\d[0-9A-Za-z-]*)(?:\([0-9A-Za-z]{1,8}\))*"
MORE_SIDE = (rf"(?>\s*,?\s*(?:and\s+)?{_LEVEL}\s+{_ITEM}(?:(?:\s*,\s*(?:and\s+)?|\s+(?:and|through|to)\s+){_ITEM})*)"
             rf"(?=\s*,?\s+respectively\b|\s*[;:—]|\.(?:\s|$)|\s*$|\s*,?\s*(?:and\s+)?{_LEVEL}\s+[(\d])")
END_SIDE = (rf"(?!{MORE_SIDE})"
            r"(?=\s*(?:[;:—)]|\.(?:\s|$)|,(?!\s*(?:(?:and|or)\s+)?(?:\(|\d|[a-zA-Z]{1,4}\.|through\b))"
             r"|and\s+(?=[^\s(\d])(?![a-zA-Z]{1,4}\.)|with\b|before\b|after\b)|\s*$)")
REDESIGNATE_RE = lazy(rf"redesignating\s+(?:(?P<a>{SIDE})\s+as\s+(?!amended|added|so\b|redesignated|in\s+effect)"
                    rf"(?P<b>{SIDE})(?P<resp>,?\s+respectively)?{END_SIDE}"
                    rf"|(?P<a2>{SIDE})\s+(?P<b2>accordingly))", re.I)
RESTATE_RE = lazy(rf"to\s+read\s+as\s+follows{named('r', INLINE)}", re.I)
AMENDED = lazy(r"\b(?:(?:is|are)\s+(?:hereby\s+)?(?:each\s+)?(?:further\s+)?(?:amended|modified)"
                r"|(?:shall|is\s+deemed\s+to|are\s+deemed\s+to)\s+be\s+(?:amended|applied|modified)"
                r"|(?:is|are)\s+(?:hereby\s+)?repealed"
                r"|(?<=[\w)])\s+amended(?=\s+by\s+(?:strik|insert|add|redesignat)))\b", re.I)
# "in subsection (a), by" / "in paragraph (12) (as redesignated by paragraph (1)), in subparagraph (A)—"
IN_T = (rf"(?:\bas\s+(?:so\s+)?(?:added|amended|inserted|redesignated|designated|enacted|made)\s+by\b"
         rf"|[^—;:{Q0}()]|{Q}|{PAREN})+?")
IN = lazy(rf"in\s+(?P<t>{IN_T})(?=\s*—|\s*:\s*$|,?\s+by\b|,\s*(?:strik|insert|add|redesignat|amend|to\s+read))",
           re.I)
AMENDING = lazy(rf"amending\s+(?P<t>{IN_T})(?=\s*—|\s+to\s+read\b|,?\s+by\b|\s*:\s*$)", re.I)
BEFORE_IN = lazy(rf"(?:^|[,;:—]|\b(?:and|or)|{AMENDED.pattern})\s*$", re.I)
# a context names a unit of text; "In addition to amounts …, there are appropriated …—" is a sentence
UNIT = lazy(r"\b(?:(?:sub)?(?:sections?|paragraphs?|clauses?|items?|titles?|chapters?|parts?|divisions?)"
             r"|headings?|headers?|matter|sentences?|tables?|text|definitions?|provisos?|columns?|entry|entries"
             r"|rows?|captions?|amendments?|appendix|schedule|notes?|Act|Code|list|flush|\w+\s+(?:place|time)"
             rf")\b|\(\w{{1,8}}\)|{Q0}", re.I)
CLAUSE_VERB = lazy(r"\b(?:shall|there\s+(?:is|are)|is|are|was|were|may|must|will)\b", re.I)
# "Act.In addition": sentences of separate paragraphs that markup runs together with no space between them
BOUND = lazy(r"[()]|[.;:]\s+(?=[A-Z(\ue000])|(?<=[a-z0-9)])\.(?=[A-Z][a-z])|—")
ABBREV = lazy(r"(?:[A-Z]|[A-Za-z](?:\.[A-Za-z])+|Dr|Mr|Mrs|Ms|Jr|Sr|St|No|Nos|App|Stat|Inc|Co|Corp|Ltd|Pub|Sec|Secs"
               r"|Gen|Lt|Col|Rev|Ft|Mt|Hon|Rept|Doc|Res|Con|vs|v|Prof|Capt|Sgt|Adm|Gov|Sen|Rep|Pres|Ave|Jan|Feb"
               r"|Mar|Apr|Aug|Sept|Sep|Oct|Nov|Dec|seq|al|etc)")
LEAD = lazy(r"^(?:\(\w+\)\s*)?(?:Provided(?:\s+further)?,\s+That\s+|And\s+provided,\s+That\s+)?", re.I)
