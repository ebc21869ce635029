"""BL306 wordy-instruction: the rule's docstring is its user documentation."""

from __future__ import annotations

import re

from ...model.patterns import lazy
from ...model.findings import Report
from ..bl4_text.common import matches
from ..registry import rule


# (pattern, fix, preferred form, trigger: a word every match holds, so only text around it is searched)
_WORDY = [
    # both old forms in one phrase: one finding, one fix
    (re.compile(r"\badding\s+the\s+following\s+at\s+the\s+end\s+thereof\b", re.I),
     lambda m: "adding at the end the following", "adding at the end the following", "adding"),
    (re.compile(r"\bstrik(e|ing)\s+out\b", re.I), lambda m: f"strik{m.group(1)}", "strike", "out"),
    (re.compile(r"\binsert(ing)?\s+in\s+lieu\s+thereof\b", re.I), lambda m: f"insert{m.group(1) or ''}", "insert",
     "lieu"),
    (re.compile(r"\beach\s+time\s+it\s+appears\b", re.I), lambda m: "each place it appears", "each place it appears",
     "time"),
    (re.compile(r"\badding\s+the\s+following\s+at\s+the\s+end\b", re.I), lambda m: "adding at the end the following",
     "adding at the end the following", "adding"),
    (re.compile(r"\bat\s+the\s+end\s+thereof\b", re.I), lambda m: "at the end", "at the end", "thereof"),
]

# what makes a sentence an amendment instruction: "is amended", "by striking", "by inserting"; without it the old
# words may be plain English ("reappointed at the end thereof": of the term; "the disclosure each time it appears
# on a screen"), which the shorter form does not say
_INSTRUCTION = lazy(r"\b(?:(?:is|are)\s+(?:hereby\s+)?(?:further\s+)?amended|amending"
                    r"|by\s+(?:striking|inserting|adding|redesignating))\b", re.I)


def _sentence(text: str, a: int, b: int) -> str:
    start = max(text.rfind(". ", 0, a), text.rfind("; ", 0, a), text.rfind("\u2014", 0, a)) + 1
    ends = [i for i in (text.find(". ", b), text.find("; ", b)) if i >= 0]
    return text[start:min(ends) if ends else len(text)]


@rule("BL306", "wordy-instruction", "warning", fixable=True, reads=("text",))
def wordy_instruction(doc, view):
    """
    An amendment instruction uses an old, wordy form.

    HOLC Manual 332(c): "strike out" -> "strike"; "insert in lieu thereof" -> "insert"; "each time it
    appears" -> "each place it appears"; "adding the following at the end:" -> "adding at the end the
    following:"; "at the end thereof" -> "at the end". "adding the following at the end thereof" is one
    finding, whose fix gives "adding at the end the following". Quoted text of other laws is left alone.

    Bad: "by striking out "1990" and inserting in lieu thereof "2000"".
    Good: "by striking "1990" and inserting "2000"".
    """
    done: dict = {}   # text run -> spans already reported: a phrase with both old forms is one finding
    for pattern, fix, better, trigger in _WORDY:
        for prov, run, m in matches(doc, view, pattern, quoted=False, trigger=trigger):
            a, b = m.span()
            if run.marked(a, b, {"quote"}) or any(a < y and x < b for x, y in done.get(id(run), ())):
                continue
            done.setdefault(id(run), []).append((a, b))
            new = fix(m)
            if m.group(0)[0].isupper():
                new = new[0].upper() + new[1:]
            yield Report(f'"{" ".join(m.group(0).split())}" -> "{better}"', run=run, start=a, end=b,
                         provision=prov, fix=(a, b, new, bool(_INSTRUCTION.search(_sentence(run.text, a, b)))))
