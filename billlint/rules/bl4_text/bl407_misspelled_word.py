"""BL407 misspelled-word: the rule's docstring is its user documentation."""

from __future__ import annotations

from ...model.findings import Report
from ..registry import rule
from .common import entries, matches


@rule("BL407", "misspelled-word", "warning", fixable=True, reads=("text",))
def misspelled_word(doc, view):
    """
    A frequent misspelling of a word bills use: "recieve", "seperate", "persuant", "supercede".

    The list is rules/misspellings.toml: only non-words, so that nothing else can be meant and the fix is
    safe (a real word in the wrong place, "the rational for", is a confusable-word finding instead). Each
    entry gives its pattern, the correct word, a reason and a bad and a good example. Quoted text (the
    words an instruction strikes, and quoted blocks) is the amended law's and is left alone: a bill may
    have to strike a misspelling exactly as the law prints it.

    Bad: "shall recieve a grant".
    Good: "shall receive a grant".
    """
    listed = entries("misspellings.toml")
    for e in listed:
        for prov, run, m in matches(doc, view, e.pattern, quoted=False, trigger=e.trigger):
            a, b = m.span()
            if run.marked(a, b, {"quote"}):
                continue
            found = m.group(0)
            new = m.expand(e.replacement) if e.replacement else e.suggestion
            if found[:1].isupper():
                new = new[:1].upper() + new[1:]
            yield Report(f'"{found}" -> "{new}": {e.reason}', run=run, start=a, end=b, provision=prov,
                         fix=(a, b, new, e.safe))
