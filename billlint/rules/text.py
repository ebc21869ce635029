"""BL4xx: drafting text. Word lists are data (rules/*.toml), so an office can extend them."""

from __future__ import annotations

import difflib
import functools
import re
import sys
from dataclasses import dataclass

from .. import data
from ..model.findings import Report
from ..model.document import Provision
from .registry import rule

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


@dataclass(frozen=True)
class Entry:
    pattern: re.Pattern
    word: int
    suggestion: str
    reason: str
    example: str
    good: str
    safe: bool
    replacement: str | None = None
    skip: tuple = ()
    trigger: tuple = ()       # words one of which every match holds


@functools.lru_cache(maxsize=8)
def entries(name: str, extra: str | None = None) -> tuple[Entry, ...]:
    """The entries of a word list shipped in rules/, plus those of an extra file a config names."""
    paths = [data.path("rules", name)] + ([extra] if extra else [])
    out = []
    for path in paths:
        with open(path, "rb") as f:
            for e in tomllib.load(f).get("entry", []):
                flags = 0 if e.get("case") else re.I
                out.append(Entry(re.compile(e["pattern"], flags), e.get("word", 0), e["suggestion"], e["reason"],
                                 e["example"], e.get("good", ""), e.get("safe", False), e.get("replacement"),
                                 tuple(e.get("skip", ())), _words(e.get("trigger"))))
    return tuple(out)


def _words(trigger) -> tuple:
    """A trigger as the tuple of its words: one word, a list of them, or none."""
    return () if not trigger else (trigger,) if isinstance(trigger, str) else tuple(trigger)


def matches(doc, view, pattern, quoted: bool = True, trigger: str | tuple | None = None, among=()):
    """(provision, run, match) for each match of a pattern in the provisions' text.

    With a trigger word (one every match holds; or several, one of which each match holds), only the text
    around each place it stands is searched; without one, every run is searched. among: the triggers the
    caller will ask for next, found in the same pass over the bill's text."""
    if not trigger:
        for prov, run in own_texts(doc, view, quoted):
            for m in pattern.finditer(run.text):
                yield prov, run, m
        return
    seen: set = set()
    for word in _words(trigger):
        for prov, run, pos in _hits(doc, view, word, among):
            if quoted or prov.quoted is None:
                text = run.text
                for m in pattern.finditer(text, max(0, pos - 120), min(len(text), pos + len(word) + 120)):
                    if m.start() <= pos < m.end() + 1 and (id(run), m.span()) not in seen:
                        seen.add((id(run), m.span()))
                        yield prov, run, m


def _hits(doc, view, word: str, among=()) -> list:
    """(provision, run, position) of each place a word stands, case aside, in document order."""
    found = doc.memo(("hits", view), dict)     # word -> its places
    if word not in found:
        wanted = {word} | {w for t in among for w in _words(t)}
        found.update(_find_words(doc, view, [w for w in wanted if w not in found]))
    return found[word]


def _find_words(doc, view, words, chunk: int = 1 << 20) -> dict:
    """Each word's places in the provisions' text: a megabyte of folded text at a time (lower-cased, one
    byte a character), searched for every word, so the whole bill is never copied at once."""
    import bisect
    folded = {w: w.lower().encode("ascii", "replace") for w in words}   # as folded: "it’s" is b"it?s"
    out: dict = {w: [] for w in words}
    runs = list(own_texts(doc, view))
    i = 0
    while i < len(runs):
        buf, starts, batch = bytearray(), [], []
        while i < len(runs) and len(buf) < chunk:
            starts.append(len(buf))
            batch.append(runs[i])
            buf += _fold(runs[i][1].text) + b"\n\x00\n"     # a NUL line: no word spans two runs
            i += 1
        for w, f in folded.items():
            at = buf.find(f)
            while at >= 0:
                j = bisect.bisect_right(starts, at) - 1
                out[w].append((*batch[j], at - starts[j]))
                at = buf.find(f, at + 1)
    return out


def _fold(text: str) -> bytes:
    low = text.lower()
    if len(low) != len(text):      # "İ" lowers to two characters: keep positions, fold one by one
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return low.encode("ascii", "replace")


def own_texts(doc, view, quoted: bool = True):
    """(provision, run) for the text of every provision; text inside <quote> is the amended law's."""
    for prov in doc.provisions_in(view):
        if prov.quoted is not None and not quoted:
            continue
        yield prov, doc.text(prov.el, view)


def _group_span(m: re.Match, word: int) -> tuple[int, int]:
    if word:
        return m.span(word)
    g = next((i for i in range(1, (m.re.groups or 0) + 1) if m.group(i) is not None), 0)
    return m.span(g)


@rule("BL401", "confusable-word", "warning")
def confusable_word(doc, view):
    """
    A real word used in the place of another: "the rational for" where "rationale" is meant.

    Judged by the words around it, so correct uses stay silent ("a rational basis"). Pairs covered:
    rational/rationale, principal/principle, affect/effect, its/it's, complement/compliment,
    assure/ensure/insure, statute/statue, discrete/discreet, council/counsel, personal/personnel,
    precede/proceed, prescribe/proscribe, waive/wave, forgo/forego, than/then. The list is
    rules/confusables.toml; each entry gives its pattern, suggestion, reason and examples. The fix is
    marked safe where the context makes the meaning certain. Text in quotation marks is left alone.

    Bad: "and the rational for why the assistance was provided".
    Good: "and the rationale for why the assistance was provided".
    """
    triggers = [e.trigger for e in entries("confusables.toml")]
    for e in entries("confusables.toml"):
        for prov, run, m in matches(doc, view, e.pattern, trigger=e.trigger, among=triggers):
            text = run.text
            a, b = _group_span(m, e.word)
            if run.marked(a, b, {"quote"}):
                continue
            found = text[a:b]
            new = e.suggestion if not found[:1].isupper() else e.suggestion[:1].upper() + e.suggestion[1:]
            yield Report(f'"{found}" -> "{new}": {e.reason}', run=run, start=a, end=b, provision=prov,
                         fix=(a, b, new, e.safe))


_DOUBLED = re.compile(r"\b([A-Za-z]+)\s+\1\b", re.I)
_ALLOWED_DOUBLES = frozenset({"that", "had"})


@rule("BL402", "doubled-word", "warning")
def doubled_word(doc, view):
    """
    The same word twice in a row: "the the".

    Across spaces and line breaks, but never across an element boundary (an enum followed by text that
    starts with the same word is not a slip). "that that" and "had had" are allowed. Quoted operands
    (the words an instruction strikes) are left alone.

    Bad: "shall submit to the the Committee".
    Good: "shall submit to the Committee".
    """
    for prov, run in own_texts(doc, view):
        if not _DOUBLED.search(run.text):
            continue   # most runs: no need to find where their elements begin and end
        for lo, hi in run.segments():
            for m in _DOUBLED.finditer(run.text, lo, hi):
                word = m.group(1)
                if word.lower() in _ALLOWED_DOUBLES or run.marked(m.start(), m.end(), {"quote"}):
                    continue
                if word.isupper() and len(word) > 1:
                    continue  # "ACT ACT" in a heading style, acronyms
                yield Report(f'"{word} {word}": the word is doubled', run=run, start=m.start(), end=m.end(),
                             provision=prov, fix=(m.start() + len(word), m.end(), "", True))


# list punctuation ---------------------------------------------------------------------------------

_CONJ_END = re.compile(r"[;,]\s*(?:and|or|and/or)\s*$")
_CAPITAL_STARTS = frozenset({"The", "A", "An", "Any", "Each", "Such", "In", "If", "For", "With", "To", "Not"})


def _ending(doc, prov: Provision, view) -> str:
    """The text that ends an item: its own, or that of its last sub-item when a sub-list closes it."""
    node = prov
    while True:
        kids = node.live_children(view)
        run = doc.text(node.el, view)
        cont = node.el.find("continuation-text")
        if not kids or (cont is not None and doc.in_view(cont, view)):
            return run.text.rstrip()
        node = kids[-1]


def _lead_in(doc, prov: Provision, view) -> str:
    own = [c for c in prov.el if isinstance(c.tag, str) and c.tag == "text"]
    return doc.text(own[0], view).text.rstrip() if own else ""


@rule("BL403", "list-punctuation", "warning")
def list_punctuation(doc, view):
    """
    The items of a list are not punctuated as their lead-in requires.

    After a lead-in ending with a dash, items are sentence fragments: each ends with ";", the
    conjunction ("and", "or") comes only after the next-to-last item, and the last ends with "." or
    carries on the sentence (HOLC Manual 351(d)(1)(A)). After a lead-in ending with a colon, items are
    capitalized sentences ending with "." (351(d)(1)(B)). Lists in Internal Revenue Code style use ","
    where others use ";"; the rule follows whichever separator the list uses. In quoted text a list may
    continue the amended law's, so only its inner items are checked.

    Bad: "(1) select apprentices; and (2) train them; and (3) report to Congress."
    Good: "(1) select apprentices; (2) train them; and (3) report to Congress."
    """
    for prov in doc.provisions_in(view):
        items = prov.live_children(view)
        if len(items) < 2 or len({i.level for i in items}) != 1:
            continue
        lead = _lead_in(doc, prov, view)
        if lead.endswith("—"):
            yield from _dash_list(doc, prov, items, view)
        elif lead.endswith(":") and prov.quoted is None:
            yield from _colon_list(doc, prov, items, view)


def _dash_list(doc, prov, items, view):
    ends = [_ending(doc, i, view) for i in items]
    if any(not e for e in ends):
        return
    # The list's own habits decide what is normal for it: most items end with ";" (or "," in Code style);
    # a list whose items mostly end with "." is a list of sentences, not of fragments.
    seps = [";" if e.endswith((";", "; and", "; or", "; and/or")) else "," if e.endswith((",", ", and", ", or"))
            else "." if e.endswith(".") else "" for e in ends[:-1]]
    if seps.count(".") * 2 > len(seps) or not (seps.count(";") or seps.count(",")):
        return
    sep = ";" if seps.count(";") >= seps.count(",") else ","
    lower = [doc.text(i.el, view).text.lstrip()[:1].islower() for i in items]
    n = len(items)
    continues = prov.el.find("continuation-text") is not None
    for k, (item, end) in enumerate(zip(items, ends)):
        run = doc.text(item.el, view)
        pos = len(run.text.rstrip())
        span = dict(run=run, start=max(pos - 1, 0), end=pos, provision=item)
        last, next_to_last = k == n - 1, k == n - 2
        leaf = not item.live_children(view)
        if not last and leaf and end.endswith(".") and not item.header \
                and not end.endswith(("U.S.C.", "et seq.", "Inc.", "Co.", "Stat.", "etc.")):
            yield Report(f'item {item.cite} ends with "."; items before the last end with "{sep}"', **span)
        elif not last and not next_to_last and leaf and _CONJ_END.search(end):
            conj = _CONJ_END.search(end).group(0).strip(" ;,")
            yield Report(f'"{conj}" after item {item.cite}: the conjunction goes only after the next-to-last '
                         f"item ({items[-2].cite})", **span)
        elif last and leaf and not continues and prov.quoted is None and end.endswith((";", ",")) \
                and not _CONJ_END.search(end) and _closes_sentence(doc, prov, view) \
                and not doc.in_appropriations(prov):  # appropriations sentences go on after lists (provisos)
            yield Report(f'the last item {item.cite} ends with "{end[-1]}"; it should end the sentence with "."',
                         **span)
        first = run.text.lstrip().split(" ", 1)[0]
        if not lower[k] and sum(lower) * 2 > n and first in _CAPITAL_STARTS and not item.header:
            at = len(run.text) - len(run.text.lstrip())
            yield Report(f'item {item.cite} starts with "{first}"; after a dash the items continue the '
                         "sentence in lower case", run=run, start=at, end=at + len(first), provision=item)


def _closes_sentence(doc, prov, view) -> bool:
    """Whether the end of this list is the end of the sentence: nothing of the lead-in's own follows,
    and the provision is not itself an item of a list above it."""
    parent = prov.parent
    if parent is None:
        return True
    return not _lead_in(doc, parent, view).endswith("—")


def _colon_list(doc, prov, items, view):
    if doc.in_appropriations(prov):
        return  # appropriations lists after a colon ("as follows:") end their items with ";"
    leaves = [i for i in items if not i.live_children(view)]
    ends = [doc.text(i.el, view).text.rstrip() for i in leaves]
    periods = sum(e.endswith(".") for e in ends)
    if periods * 2 <= len(ends):
        return  # not a list of sentences: this list keeps its own style
    for item, end in zip(leaves, ends):
        if end.endswith((";", "; and", "; or")):
            run = doc.text(item.el, view)
            pos = len(end)
            yield Report(f'item {item.cite} ends with ";" while the other items of this list, after a lead-in '
                         'ending with ":", are sentences ending with "."', run=run, start=pos - 1, end=pos,
                         provision=item)


# short title -------------------------------------------------------------------------------------

_YEAR = re.compile(r"^(?P<base>.*?)(?:,?\s+of\s+(?P<year>\d{4})|,\s+(?P<year2>\d{4}))?\s*$")


def _short_titles(doc, view) -> list[tuple]:
    out = []
    for el in doc.root.iter("short-title"):
        prov = doc.provision_of(el)
        if prov is None or prov.quoted is not None or not doc.in_view(el, view):
            continue
        name = " ".join("".join(el.itertext()).split())
        m = _YEAR.match(name)
        year = m.group("year") or m.group("year2")
        base = m.group("base").strip()
        if base.endswith(("Act", "Resolution")) and len(base.split()) >= 2:
            out.append((el, prov, name, base, year))
    return out


# A mention of an earlier Act of the same name is cited as other laws are: by its sections, with its
# Public Law number, or as the Act that made an amendment. This bill cites itself as "this Act".
_OTHER_ACT_BEFORE = re.compile(r"(?:\b(?:section|title|subtitle|division|part|paragraph|subsection)s?\s+[\w().–-]+"
                               r"(?:\s+(?:and|or|through)\s+[\w().–-]+)*\s+of\s+(?:the\s+)?|\b(?:by|under|in|to)\s+the\s+"
                               r"|\bmade\s+by\s+(?:the\s+)?)$", re.I)
_OTHER_ACT_AFTER = re.compile(r"^\s*\((?:Public\s+Law|Pub\.\s*L\.|\d+\s+U\.S\.C\.|\d+\s+Stat\.|division|title)")


@rule("BL404", "short-title-mismatch", "error")
def short_title_mismatch(doc, view):
    """
    The bill names itself differently in different places.

    Section 1 says `This Act may be cited as the "... Act of 2024".`; every other mention of the Act by
    name in the bill must agree (a bill that speaks of "the date of enactment of the ... Act of 2023"
    while its short title says 2024 is wrong). The short-title element must also hold the whole name
    that the sentence quotes.

    Bad: short title "Cyber Partner Act of 2024"; elsewhere "the Cyber Partner Act of 2023".
    Good: the same name and year everywhere.
    """
    titles = _short_titles(doc, view)
    for el, prov, name, base, year in titles:
        quote = el.getparent()
        sentence = "".join(quote.getparent().itertext()) if quote is not None and quote.getparent() is not None else ""
        if quote is not None and quote.tag == "quote" and "may be cited as" in sentence:
            whole = " ".join("".join(quote.itertext()).split())
            if whole != name:
                yield Report(f'the quoted name "{whole}" and the short-title element "{name}" differ', el=el,
                             provision=prov)
    if not titles:
        return
    names = {base: (year, name) for _el, _p, name, base, year in titles}
    # Only a mention that can be nothing but this bill: "the date of enactment of the NAME", not the many
    # citations of an earlier Act of the same name ("section 326 of the FAA Reauthorization Act of 2018").
    pattern = re.compile(r"(?<!as in effect on the day before )\bdate\s+of\s+(?:the\s+)?enactment\s+of\s+(?:the\s+)?("
                         + "|".join(re.escape(b) for b in sorted(names, key=len, reverse=True)) +
                         r")(?:,?\s+of\s+(\d{4})|,\s+(\d{4}))?", re.I)
    own = {id(t[0]) for t in titles}
    for prov, run in own_texts(doc, view, quoted=False):
        for m in pattern.finditer(run.text):
            year = m.group(2) or m.group(3)
            want, full = next(v for k, v in names.items() if k.lower() == m.group(1).lower())
            if year is None or year == want:
                continue
            if any(id(el) in own for el in run.holders(m.start())) \
                    or run.marked(m.start(), m.end(), {"quote"}):
                continue
            if _OTHER_ACT_BEFORE.search(run.text[max(0, m.start() - 60):m.start()]) or \
                    _OTHER_ACT_AFTER.match(run.text[m.end():m.end() + 40]) or \
                    run.marked_between(m.end(), m.end() + 3, "external-xref"):
                continue  # "section 326 of the FAA Reauthorization Act of 2018 (Public Law 115-254)": another Act
            a = m.start(1)
            yield Report(f'"{run.text[a:m.end()]}" does not match the short title "{full}"', run=run, start=a,
                         end=m.end(), provision=prov, fix=(a, m.end(), full, True) if want else None)


# table of contents ---------------------------------------------------------------------------------

_TOC_TEXT = re.compile(r"^\s*(?:(?:Sec(?:tion)?|SEC(?:TION)?)\.?\s+(?P<sec>[\w.–-]+?)\.|(?P<word>Title|TITLE|Subtitle|SUBTITLE|"
                       r"Division|DIVISION|Part|PART|Chapter|CHAPTER|Subchapter|SUBCHAPTER|Subpart|SUBPART)\s+(?P<num>[\w.–-]+?)"
                       r"(?:—|\.\s|--|\s+-\s+))\s*(?P<header>.*?)\.?\s*$", re.S)


def _norm(s: str) -> str:
    return " ".join(s.replace("’", "'").split()).rstrip(".").lower()


@rule("BL405", "toc-mismatch", "error")
def toc_mismatch(doc, view):
    """
    The table of contents does not match the sections (and titles, subtitles, ...) of the bill.

    Each entry names a live unit with the same number and header, in the same order, none missing and
    none extra (HOLC Manual 324). A table of contents covers the bill, or the division that holds it (or its
    own legis-body, in a document with several);
    tables inside quoted text (and toc-quoted-entry lines) belong to the amended law and are skipped.

    USLM documents write their tables as referenceItem lists, which this rule does not read yet.

    Bad: "Sec. 3. Report." in the table while section 3's header is "Reports to Congress".
    Good: "Sec. 3. Reports to Congress."
    """
    for toc in doc.root.iter("toc"):
        if not doc.in_view(toc, view) or _in_quoted(toc) or toc.get("container-level", "").startswith("quoted"):
            continue
        entries_ = []
        for e in toc.iter("toc-entry"):
            if not doc.in_view(e, view):
                continue
            m = _TOC_TEXT.match("".join(e.itertext()))
            if not m:
                continue
            # the entry's words decide its level: hand-made tables mark title lines level="section"
            level = "section" if m.group("sec") else m.group("word").lower()
            num = m.group("sec") or m.group("num")
            entries_.append((level, num.strip(), m.group("header"), e))
        if not entries_:
            continue
        levels = {lv for lv, *_ in entries_}
        scope, within = _toc_scope(doc, toc)
        opened = _opened(entries_)
        pool = (doc.provisions_in(view) if within is None else
                [p for e in within.iterdescendants() if (p := doc.by_el.get(e)) is not None and p.in_view(view)])
        units = [p for p in pool if p.quoted is None and p.level in levels and p.designation
                 and all((a.level, a.designation.core if a.designation else "") in opened
                         for a in p.ancestors() if a is not scope and a.level != "section")]
        want = [(p.level, p.designation.core) for p in units]
        got = [(lv, num.rstrip(".")) for lv, num, _h, _e in entries_]
        sm = difflib.SequenceMatcher(a=got, b=want, autojunk=False)
        for op, a0, a1, b0, b1 in sm.get_opcodes():
            if op == "equal":
                for i, j in zip(range(a0, a1), range(b0, b1)):
                    header, unit = entries_[i][2], units[j]
                    if unit.header and _norm(header) != _norm(unit.header):
                        yield Report(f'the table of contents says "{" ".join(header.split())}" for {unit.cite}, '
                                     f'whose header is "{unit.header}"', el=entries_[i][3], provision=unit)
                continue
            if op == "replace" and a1 - a0 == b1 - b0:
                for i, j in zip(range(a0, a1), range(b0, b1)):
                    lv, num, header, e = entries_[i]
                    unit = units[j]
                    yield Report(f"the table of contents lists {lv} {num} ({' '.join(header.split())[:60]}) where the "
                                 f"bill has {unit.cite} ({unit.header or 'no header'})", el=e, provision=unit)
                continue
            for i in range(a0, a1):
                lv, num, header, e = entries_[i]
                target = doc.by_id(e.get("idref")) if e.get("idref") else None
                if target is not None and doc.in_view(target, view):
                    continue  # the entry points at a unit that exists (an inserted section of another law)
                yield Report(f"the table of contents lists {lv} {num} ({' '.join(header.split())[:60]}), which the "
                             f"bill does not have{' here' if op == 'replace' else ''}", el=e)
            for j in range(b0, b1):
                unit = units[j]
                if not unit.header:
                    continue  # a unit without a header has no line in a table of contents
                yield Report(f"{unit.cite} ({unit.header or 'no header'}) is missing from the table of contents",
                             el=toc, provision=unit)


_RANKS = {lv: i for i, lv in enumerate(("division", "title", "subtitle", "part", "subpart", "chapter", "subchapter",
                                          "section"))}


def _opened(entries_) -> set:
    """Units the table lists together with their contents: an omnibus table lists its divisions but
    not their sections, so those sections are not expected in it."""
    out = set()
    for (lv, num, _h, _e), nxt in zip(entries_, entries_[1:]):
        if _RANKS.get(nxt[0], 99) > _RANKS.get(lv, 99):
            out.add((lv, num.rstrip(".")))
    return out


def _in_quoted(el) -> bool:
    node = el.getparent()
    while node is not None:
        if node.tag == "quoted-block":
            return True
        node = node.getparent()
    return False


def _toc_scope(doc, toc):
    """(division provision or None, element whose provisions the table lists or None for the whole bill).
    A table covers the division that holds it; in a document with several legis-bodies, its own body."""
    for a in toc.iterancestors():
        if a.tag == "division":
            if a in doc.by_el:
                return doc.by_el[a], a
        elif a.tag == "legis-body":
            parent = a.getparent()
            return None, (a if parent is not None and len(parent.findall("legis-body")) > 1 else None)
    return None, None


# wordy phrases ------------------------------------------------------------------------------------

_NUMBER_WORDS = re.compile(r"\b(\w+)\s+\((\d+)\)")
_SUCH_SUMS = re.compile(r"\bauthorized\s+to\s+be\s+appropriated\b[^.;]*?\bsuch\s+sums\s+as\s+(?:may\s+be|are)\s+"
                        r"necessary\b", re.I)
_FISCAL = re.compile(r"\bfiscal\s+years?\b|\bfor\s+each\s+of\b|\bthereafter\b", re.I)
_SENTENCE = re.compile(r"[.;:]\s|—")


def _starts_sentence(text: str, pos: int) -> bool:
    before = text[:pos].rstrip()
    return not before or before.endswith(".")


@rule("BL406", "wordy-phrase", "info")
def wordy_phrase(doc, view):
    """
    A wordy or outdated phrase where plain drafting has a shorter one.

    "within 30 days of" -> "not later than 30 days after"; "is authorized to" -> "may"; "Provided,
    That" -> "except that" (but not in appropriations text, where provisos are the convention);
    "sixty-five (65)" -> "65"; "such sums as may be necessary" without fiscal years. Quoted text of
    other laws keeps its own words. The phrases are in rules/wordy.toml.

    Bad: "Not later than 90 days after ... The Secretary is authorized to make grants".
    Good: "The Secretary may make grants".
    """
    triggers = [e.trigger for e in entries("wordy.toml")]
    for e in entries("wordy.toml"):
        for prov, run, m in matches(doc, view, e.pattern, quoted=False, trigger=e.trigger, among=triggers):
            text = run.text
            a, b = m.span()
            if "appropriations" in e.skip and doc.in_appropriations(prov) or run.marked(a, b, {"quote"}):
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
