"""Cheap substring tests that stand before the amendment patterns (phrases.py), so that a pattern runs only
on a text it can match.

Each word list holds words of which every match of its pattern contains one; the tests are made on fold(text),
so a text none of the words is in cannot match, and skipping it changes nothing.
"""

from .phrases import BEFORE_IN

VERB_WORDS = ("strik", "insert", "adding", "redesignating", "amending", "repealed", "follows")   # VERB
AMENDED_WORDS = ("amended", "modified", "applied", "repealed")                                   # AMENDED
IN_AFTER = ("and", "or", "amended", "modified", "applied", "repealed")   # how BEFORE_IN's words end

# Letters re.I matches to an ASCII i or s that str.lower() leaves alone: dotless i, long s, and the dot
# "İ".lower() leaves after its i.
_ODD = {0x131: "i", 0x17f: "s", 0x307: None}


def fold(text: str) -> str:
    """The text lowered for substring tests standing in for re.I patterns: every word such a pattern would
    match in the text is in it (it may hold more: a test on it only ever lets a text through)."""
    low = text.lower()
    if "\u0131" in low or "\u017f" in low or "\u0307" in low:
        low = low.translate(_ODD)
    return low


def has(low: str, words: tuple) -> bool:
    return any(w in low for w in words)



def before_in(text: str, at: int) -> bool:
    """BEFORE_IN.search() over the 60 characters before `at`, not run where it cannot match: it needs a clause
    start, "and", "or" or "is amended" (or its kin) at their end."""
    before = text[max(0, at - 60):at]
    tail = before.rstrip()
    if tail and tail[-1] not in ",;:—" and not fold(tail[-8:]).endswith(IN_AFTER):
        return False
    return BEFORE_IN.search(before) is not None
