"""BL406 wordy-phrase: the rule's docstring is its user documentation."""

from __future__ import annotations

import re

from ...model.document import speaks_appropriations
from ...model.findings import Report
from ..registry import rule
from .common import entries, matches, own_texts


_SUCH_SUMS = re.compile(r"\bauthorized\s+to\s+be\s+appropriated\b[^.;]*?\bsuch\s+sums\s+as\s+(?:may\s+be|are)\s+"
                        r"necessary\b", re.I)


_FISCAL = re.compile(r"\bfiscal\s+years?\b|\bfor\s+each\s+of\b|\bthereafter\b", re.I)


_SENTENCE = re.compile(r"[.;:]\s|—")


def _starts_sentence(text: str, pos: int) -> bool:
    before = text[:pos].rstrip()
    return not before or before.endswith(".")


@rule("BL406", "wordy-phrase", "info", fixable=True, reads=("text",))
def wordy_phrase(doc, view):
    """
    A wordy or outdated phrase where plain drafting has a shorter one.

    "within 30 days of" -> "not later than 30 days after"; "is authorized to" -> "may"; "Provided,
    That" -> "except that" (none of them in appropriations text, where provisos and the committees'
    "within 15 days of" notices are the convention, nor in a provision of any bill that speaks appropriations
    language: "There is appropriated ...", "... is rescinded", "funds appropriated under the heading ..."); "sixty-five (65)" -> "65"; "such sums as may be
    necessary" without fiscal years. Quoted text of other laws keeps its own words, marked up as a quote or
    written in quotation marks. The phrases are in rules/wordy.toml.

    Bad: "Not later than 90 days after ... The Secretary is authorized to make grants".
    Good: "The Secretary may make grants".
    """
    triggers = [e.trigger for e in entries("wordy.toml")]
    for e in entries("wordy.toml"):
        for prov, run, m in matches(doc, view, e.pattern, quoted=False, trigger=e.trigger, among=triggers):
            text = run.text
            a, b = m.span()
            if "appropriations" in e.skip and (doc.in_appropriations(prov) or speaks_appropriations(text)) \
                    or run.marked(a, b, {"quote"}):
                continue
            new = m.expand(e.replacement) if e.replacement else e.suggestion
            if m.group(0)[:1].isupper() and _starts_sentence(text, a):
                new = new[:1].upper() + new[1:]
            yield Report(f'"{" ".join(m.group(0).split())}" -> "{new}": {e.reason}', run=run, start=a,
                         end=b, provision=prov, fix=(a, b, new, e.safe))
    for prov, run in own_texts(doc, view, quoted=False):
        text = run.text
        for m in _SUCH_SUMS.finditer(text):
            if run.marked(m.start(), m.end(), {"quote"}):
                continue
            ends = [s.start() for s in _SENTENCE.finditer(text, m.end())]
            sentence = text[m.start():ends[0] if ends else len(text)]
            if not _FISCAL.search(sentence):
                yield Report('"such sums as may be necessary" without fiscal years: say for which years',
                             run=run, start=m.start(), end=m.end(), provision=prov)
