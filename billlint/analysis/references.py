"""Cross-references: find them in the text of each provision and resolve them in scope.

A reference is a span such as "subsection (b)(4)", "paragraphs (1) through (3)", "clause (i) or (ii) of
subparagraph (A)", "section 3(c)" or "this subsection". It is
- internal: about this bill, and resolved against its provision tree from where it stands;
- external: followed by "of title 5, United States Code", "of the ... Act", "of such Act", or marked up
  as an external-xref;
- amended: it stands in an amendment instruction ("... is amended by striking paragraph (3)"), so it
  names a unit of the amended law;
- quoted: inside a <quote> or a quoted block (the amended law's own text), except in a quoted block that
  inserts a whole section or larger unit, which is self-contained and resolved against itself;
- anaphora: "such subsection", which points back in the text and is not resolved.

Scanning is linear: compiled patterns over each provision's text once, no backtracking across quotes.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from ..model.collector import paused
from ..model.patterns import lazy
from ..model.document import Document, Provision, speaks_appropriations
from ..model.textrun import TextRun, in_quotation_marks
from ..model.vocabulary import ABOVE_SECTION, ALL, EXPECTED, SECTION_LEVELS
from .resolution import (by_class, cite_chain, cited_terms, designation_class, enclosing, has_unit,  # noqa: F401
                         joining_depth, levels_for, next_level, ranged, resolve_chain)  # (rules read references.X)
from . import around
from .otherlaw import bare_term, code_default, defined_term, other_law_section
from .sentences import AMENDING, WORDS, amending_offsets, is_target, sentence_bounds  # noqa: F401 (rules read references.X)

INTERNAL, EXTERNAL, AMENDED, QUOTED, ANAPHORA, TERM = "internal", "external", "amended", "quoted", "anaphora", "term"

# the levels a reference names (a subdivision is not cited by number in bill text)
_WORD = r"(?P<word>(?i:" + "|".join(f"{w}s?" for w in sorted(around.LEVEL_WORDS.split("|"), key=len, reverse=True)) \
        + r"))\b"
_DES = r"\((?:[A-Za-z]{1,5}|\d{1,4}[A-Za-z]{0,3})\)"
_NUM = r"(?:\d+[A-Za-z]{0,3}(?:[-–.]\d+[A-Za-z]{0,2})*|[IVXL]+\b(?!\.\S|\.\s+[\da-z(])|[A-Z]\b(?!\.\S|\.\s+[\da-z(]))"
_ITEM = rf"(?:{_NUM}(?:{_DES})*|(?:{_DES})+)"
_SEP = r"(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and/or|and|or|through)\s+|\s+to\s+(?=\()|\s*[–-]\s*(?=\())"
REF = lazy(rf"{_WORD}\s+(?P<list>{_ITEM}(?:{_SEP}{_ITEM})*)")
_CANDIDATE = lazy(r"(?i)\b(?:sub)?(?:section|paragraph|clause|item|title|chapter|part)|\bdivision")
_STEMS = ("section", "paragraph", "clause", "item", "title", "chapter", "part", "division")   # what it needs
THIS = lazy(rf"\b(?P<det>[Tt]his|[Ss]uch)\s+(?P<word>(?:{around.LEVEL_WORDS}|Act|resolution)\b)")
_ITEM_RE = lazy(rf"{_ITEM}")
_SEP_RE = lazy(_SEP)
_PARTS = lazy(r"\(([^()]*)\)")
_OF = lazy(r"\s*,?\s+(?:of|in)\s+$")
# coordinated ("sections 116 and 330 and chapters 53 and 55 of title 49"), or a unit put into the next
# ("paragraph (h)(30) to section 1308.11 of title 21, Code of Federal Regulations"): the next one's qualifier
# ("in section 12 and in section 13 of", "section 14 and/or section 15 of", "section 16 as well as section 17 of",
# "the first sentence of section 29(a) and the last sentence of section 30(b) of")
_AND = lazy(r"^\)?(?:\s*\((?:[^()]|\([^()]*\))*\))?\s*(?:,\s*(?:and\s+|or\s+)?|(?:and/or|and|or|as\s+well\s+as)\s+)"
            r"(?:in\s+|under\s+)?(?:all\s+of\s+|the\s+(?:(?:first|second|third|last|final)\s+sentences?\s+of\s+)?)?$")
_INTO = lazy(r"^\s+(?:to|into)\s+$")
_PUT = lazy(r"\b(?:add|insert)(?:s|ed|ing)?\s+$")   # "added paragraph (h)(30) to section 1308.11"
_DASHED = lazy(r"(?<![\w.–-])(\d+)[–-](\d+)(?![\w.–-])")


def _through(m: re.Match) -> str:
    a, b = int(m.group(1)), int(m.group(2))
    return f"{m.group(1)} through {m.group(2)}" if a < b <= a + 200 else m.group(0)


_QUOTE_TAGS = frozenset({"quote"})
_EXTERNAL_TAGS = frozenset({"external-xref"})


@dataclass(slots=True, eq=False)
class Ref:
    # A large bill holds a hundred thousand references: slots, and no copy of the text they cite.
    prov: Provision
    run: TextRun
    start: int
    end: int
    kind: str
    word: str                          # the level word as written, singular: "subsection"
    chains: list = ()                  # each target as [(level, core), ...], senior first
    joint: bool = False                # "clause (i) of subparagraph (A)" form, or a list
    scope: str | None = None           # "this section" qualifier: the unit that bounds resolution
    qualifier_end: int = 0             # end of an "of this section" qualifier, if any
    targets: list = ()                 # resolved Provision or None, per chain
    struck: list = ()                  # per chain: resolves only in struck text
    ranges: list = ()                  # (i, j): chains i through j are a range
    idref: str | None = None           # the target named by internal-xref markup
    whole: bool = False                # "this Act": the bill itself
    term: bool = False                 # reads as a term of art ("a section 902 corporation") if it names nothing here
    missing_of: bool = False           # "section 376 the FAA Reauthorization Act of 2018": another law's, "of" left out
    section_number: bool = False       # "subsection 114(b)": a bare number after a lower level word is a section's

    @property
    def text(self) -> str:
        return self.run.text[self.start:self.end]

    @property
    def this(self) -> bool:
        return self.run.text[self.start:self.start + 5].lower() in ("this ", "such ")


def singular(word: str) -> str:
    w = word.lower()
    return w[:-1] if w.endswith("s") and w[:-1] in around.LEVEL_WORDS.split("|") else w


def parse_chain(level: str, item: str) -> list[tuple[str, str]]:
    """ "(b)(4)" under subsection -> [(subsection, b), (paragraph, 4)]; "3(c)" under section likewise."""
    out = []
    m = re.match(r"\s*([^\s(]+)", item)
    lv = level
    if m and not item.lstrip().startswith("("):
        out.append((lv, m.group(1)))
        lv = next_level(lv)
    for part in _PARTS.findall(item):
        out.append((lv or "unit", part))
        lv = next_level(lv) if lv else None
    return out


def expand(level: str, listing: str) -> tuple[list, list]:
    """Chains for a list "(1), (2), and (3)" or "(1) through (3)"; ranges are kept as (a, b) pairs."""
    chains, ranges = _expanded(level, listing)   # bills cite the same lists again and again: parsed once
    return [list(ch) for ch in chains], list(ranges)   # copies: callers build on them


@functools.lru_cache(maxsize=4096)
def _expanded(level: str, listing: str) -> tuple[list, list]:
    items = [m.group(0) for m in _ITEM_RE.finditer(listing)]
    seps = [m.group(0) for m in _SEP_RE.finditer(listing)]
    if level in SECTION_LEVELS[1:]:
        bare = next((i for i, it in enumerate(items) if i and not it.lstrip().startswith("(")), None)
        if bare is not None:
            items, seps = items[:bare], seps[:bare - 1]
    chains, ranges = [], []
    head = None   # the chain of the last item that names its own head ("101302(b)(1) and (c) to (e)")
    for i, item in enumerate(items):
        ch = parse_chain(level, item)
        in_range = i > 0 and i - 1 < len(seps) and ranged(seps[i - 1])
        numbered = not items[0].lstrip().startswith("(")   # "sections 111(c)(3), (c)(5)": a section number leads
        # "subsection (a)(2)(A) and (B)": (B) cannot be a subsection, so it continues (a)(2); in "subparagraphs
        # (A)(i) and (B)" it can, and stands on its own.
        fits = bool(ch) and level in EXPECTED and designation_class(level, ch[0][1]) == EXPECTED[level]
        first = head or chains[0] if chains else None
        if first and item.lstrip().startswith("(") and len(ch) < len(first) and (numbered or in_range or not fits):
            # "sections 111(c)(3), (c)(5)" and "(a)(1)–(3)": a later item shares the head of the item that named it
            at = joining_depth(first, ch)
            ch = first[:at] + [(lv, c) for (lv, _), (_, c) in zip(first[at:], ch)]
        elif not item.lstrip().startswith("("):
            head = ch
        chains.append(ch)
        if in_range:
            ranges.append((len(chains) - 2, len(chains) - 1))
    return chains, ranges


def _starts(text: str, spots: list | None, pattern: re.Pattern, sub: bool = False) -> list[int]:
    """Where pattern matches in text: tried only at spots, the places of its words the bill's text index found
    (None: not known, so searched for); with sub, a "sub" before a word is part of it."""
    if spots is None:
        return [m.start() for m in pattern.finditer(text)]
    out = []
    for q in spots:
        if sub and q >= 3 and text[q - 3:q].lower() == "sub":
            q -= 3
        if pattern.match(text, q) is not None:
            out.append(q)
    return out


def scan(doc: Document, prov: Provision, run: TextRun, amending_from: int | None, spots=None, these=None,
         maybe_target: bool = True) -> list[Ref]:
    """The references in one provision's text. amending_from: offset after which text is an instruction.
    spots, these: where level words and "this"/"such" stand in it (from the text index), if known.
    maybe_target: False when the text holds none of the words of an instruction (sentences.WORDS)."""
    text = run.text
    facts = (doc.memo("cited terms", lambda: cited_terms(doc, REF)), "“" in text, maybe_target)
    # A cheap scan for level words first: most text has few, and the full pattern is costly to try everywhere.
    raw = [m for w in _starts(text, spots, _CANDIDATE, sub=True) if (m := REF.match(text, w)) is not None]
    refs: list[Ref] = []
    # "X of Y of Z": join a reference to the next when only "of" stands between them.
    groups: list[list[re.Match]] = []
    for m in raw:
        if groups and m.start() - groups[-1][-1].end() < 8 and _OF.match(text[groups[-1][-1].end():m.start()]):
            groups[-1].append(m)
        else:
            groups.append([m])
    for group in groups:
        outer = group[-1]
        start, end = group[0].start(), outer.end()
        # Inner parts first, outer last: resolve the outer chain, then extend with the inner one.
        base_word = singular(outer.group("word"))
        listing = outer.group("list")
        if outer.group("word")[-1:] in "sS" and ("–" in listing or "-" in listing):
            listing = _DASHED.sub(_through, listing)   # "sections 102–104": a range, not one dashed number
        base_chains, base_ranges = expand(base_word, listing)
        chains = base_chains
        ranges = base_ranges
        for inner in reversed(group[:-1]):
            w = singular(inner.group("word"))
            inner_chains, inner_ranges = expand(w, inner.group("list"))
            if len(chains) != 1:
                chains, ranges = inner_chains, inner_ranges  # "(A) of paragraphs (1) and (2)": keep it simple
                continue
            head = chains[0]
            chains = [head + [(lv if i else w, c) for i, (lv, c) in enumerate(ch)] for ch in inner_chains]
            ranges = inner_ranges
        numbered = len(group) == 1 and base_word in SECTION_LEVELS[1:] and outer.group("list").lstrip()[:1].isdigit()
        if numbered:
            chains, ranges = expand("section", listing)   # "subsection 114(b)": section 114(b)
        ref = Ref(prov, run, start, end, INTERNAL, singular(group[0].group("word")),
                  chains, joint=len(group) > 1 or len(chains) > 1)
        ref.ranges = ranges
        ref.section_number = numbered
        _classify(doc, ref, text, amending_from, facts)
        refs += [ref] if ref.kind is not TERM else []
    # coordinated references share the qualifier of the last one (_AND)
    for i in range(len(refs) - 2, -1, -1):
        a = refs[i]
        if a.kind != INTERNAL:
            continue
        # the next reference it is coordinated with, past any it holds in a parenthetical
        b = next((b for b in refs[i + 1:i + 4] if _AND.match(text[a.end:b.start]) or _INTO.match(text[a.end:b.start])
                  and _PUT.search(text, max(0, a.start - 12), a.start)), None)
        if b is not None and b.kind != INTERNAL:
            a.kind = b.kind
    for m in (THIS.finditer(text) if these is None else (THIS.match(text, q) for q in these)):
        if m is None:
            continue
        word = m.group("word")
        ref = Ref(prov, run, m.start(), m.end(), INTERNAL, word.lower() if word != "Act" else "Act")
        if m.group("det").lower() == "such":
            ref.kind = ANAPHORA
        else:
            _classify(doc, ref, text, amending_from, facts, this=True)
        refs.append(ref)
    refs.sort(key=lambda r: r.start)
    return refs


def _classify(doc: Document, ref: Ref, text: str, amending_from: int | None, facts: tuple, this: bool = False) -> None:
    prov = ref.prov
    terms, quotes, maybe_target = facts     # what scan() knows of the whole text
    term = bool(terms) and any(text.startswith(t, ref.start) for t in terms)
    if term or ref.run.marked(ref.start, ref.end, _QUOTE_TAGS) or quotes and in_quotation_marks(text, ref.start):
        ref.kind = TERM if term else QUOTED   # TERM: a defined term holding a citation ("section 14 application")
        return
    if ref.run.marked(ref.start, ref.end, _EXTERNAL_TAGS):
        ref.kind = EXTERNAL
        return
    xref = ref.run.mark(ref.start, ref.end, "internal-xref")
    if xref is not None and xref.get("idref"):
        ref.idref = xref.get("idref")  # the markup names its target: resolved by id, not by reading
        return
    if prov.quoted is not None and not self_contained(doc, prov):
        ref.kind = QUOTED
        return
    if this:
        if prov.quoted is not None and (ref.word in ("Act", "resolution") or enclosing(prov, ref.word) is None):
            ref.kind = QUOTED  # "this Act", "this title" in quoted text: the amended law's
        elif amending_from is not None and text.count("“", amending_from, ref.start) > text.count("”", amending_from, ref.start):
            ref.kind = QUOTED  # an instruction's text in quotation marks with no quote markup: the amended law's
        return
    before = text[max(0, ref.start - 120):ref.start]
    if around.SUCH.search(before[-8:]):
        ref.kind = ANAPHORA  # "such section 2(c)": the section named before
        return
    # both patterns need what the substring tests look for: the search over the words before is the costly part
    if before.rstrip().endswith(",") and around.ACT_NAME.search(before) \
            or ("Stat." in before or "U.S.C." in before) and around.IN_CITATION.search(before):
        ref.kind = EXTERNAL  # "the ... Extension Act of 2010, Part II"; "(11 Stat. 374, chapter V)"
        return
    after = around.ASIDE.sub("", text[ref.end:ref.end + 500], count=1)[:200]
    if around.THEREOF.match(after):   # also "(a), and subsection (b), of section 5": the trailing "of" governs both
        ref.kind = ANAPHORA
        return
    if around.TERM_OF_ART.match(after):
        ref.kind = EXTERNAL  # "a subsection (d) hospital (as defined in ... of the Social Security Act)"
        return
    if around.LAND.match(after) or around.SURVEYED.search(before):
        ref.kind = EXTERNAL  # "section 12, T.1 N., R.3 W.", "T. 11 S., R. 62 E., Section 25": a survey's section
        return
    if around.INSTRUMENT.match(after):
        ref.kind = EXTERNAL  # "paragraph (c) from General Instruction I.B.6.": a form's, a rule's
        return
    if not this and ref.chains and ref.chains[0][0][0] == "section" and around.NAMED_ACT.match(after):
        ref.kind = EXTERNAL
        ref.missing_of = True
        return
    noun = around.NOUN.match(after)
    if noun and noun.group(1) not in around.NOT_A_NOUN and (around.DETERMINER.search(before[-10:]) or bare_term(ref.text, after)
                                                      or defined_term(doc, f"{ref.text} {noun.group(1)}")):
        ref.term = True   # decided when it is resolved: a term of art only if it names nothing in this bill
    elif ref.text[:1].isupper() and bare_term(ref.text, "") and around.NAME.match(after) and around.IN_LINE.search(before):
        ref.term = True   # "the Section 8 Management Assessment Program": a program's name, likewise
    if around.MADE_BY_ACT.match(after):
        ref.kind = AMENDED  # "section 505G, added by section 3851 of this subtitle": written into another law
        return
    q = around.QUALIFIER.match(after)
    tail = around.TAIL.match(text, ref.end, ref.end + 200)
    if tail and not (q and q.group("ext")):
        q = around.QUALIFIER.match(text[tail.end():tail.end() + 200]) or q
    if q and q.group("ext") or around.USC.match(after) or around.CITED.match(after) or around.HEADING.match(after) \
            or ref.run.marked(ref.end + 2, ref.end + 3, _EXTERNAL_TAGS):
        ref.kind = EXTERNAL
        return
    if q and q.group("this"):
        ref.scope = q.group("unit").lower() if q.group("unit") != "Act" else "Act"
        ref.qualifier_end = ref.end + q.end()
    if amending_from is not None and ref.start >= amending_from:
        ref.kind = AMENDED
        return
    if not ref.scope and maybe_target and is_target(text, ref.start, ref.end):
        ref.kind = AMENDED  # "Section 6050W(a) is amended": the target of an instruction, in the amended law
        return
    head = ref.chains[0][0] if ref.chains else None
    if head and head[0] in ABOVE_SECTION and head[1].isdigit() and not has_unit(doc, ref.prov, head):
        ref.kind = EXTERNAL  # "title 5", "part 121": the Code or the CFR, in a bill that has no such unit
    elif head and prov.quoted is not None and (head[0] == "section" or head[0] in ABOVE_SECTION) \
            and not has_unit(doc, prov, head):
        ref.kind = QUOTED  # an inserted section citing another section of the amended law


def self_contained(doc: Document, prov: Provision) -> bool:
    """A quoted block that inserts a whole section or larger unit is text of its own."""
    tops = doc.blocks.get(prov.quoted, [])
    return any(t.level == "section" or t.level in ABOVE_SECTION for t in tops)


def resolve(doc: Document, ref: Ref, view: str) -> None:
    """Fill ref.targets (in the view) and ref.struck (found only with struck text included)."""
    if ref.kind != INTERNAL:
        return
    within = None
    if ref.scope and ref.scope not in ("Act", "resolution", "joint resolution"):
        within = enclosing(ref.prov, ref.scope)
    if ref.this:
        if ref.word in ("Act", "resolution"):
            ref.targets, ref.struck = [None], [False]  # the bill itself
            ref.whole = True
            return
        hit = enclosing(ref.prov, ref.word)
        if hit is None and (doc.in_appropriations(ref.prov) or speaks_appropriations(ref.run.text)):
            ref.kind = EXTERNAL  # "this paragraph" of appropriations text: the paragraph under a heading
            return
        ref.targets, ref.struck = [hit], [False]
        return
    idref = ref.idref
    if idref:
        el = doc.by_id(idref)
        hit = doc.provision_of(el) if el is not None else None
        live = hit is not None and hit.in_view(view)
        ref.targets, ref.struck = [hit if live else None] * len(ref.chains or [None]), \
            [hit is not None and not live] * len(ref.chains or [None])
        return
    chains = ref.chains
    head = chains[0][0] if chains else None
    if head and not ref.scope and not ref.section_number and (head[0] == "section" or head[0] in ABOVE_SECTION) and (
            doc.in_appropriations(ref.prov) or not has_unit(doc, ref.prov, head) and code_default(doc)):
        # Appropriations text cites the Acts named in its headings without saying so ("part C of title
        # IV"); a tax title declares that its bare section numbers are the Internal Revenue Code's.
        ref.kind = EXTERNAL
        return
    chains = [by_class(doc, ref.prov, ch, view, within) for ch in chains]
    targets = [resolve_chain(doc, ref.prov, ch, view, within) for ch in chains]
    if head and head[0] == "section" and not ref.scope and None in targets and other_law_section(doc, ref, head):
        ref.kind = EXTERNAL
        return
    if head and head[0] == "section" and not ref.scope and None in targets and code_default(doc):
        ref.kind = EXTERNAL  # "section 403(b)(7)" under a Code default: the Code's section 403, not this bill's
        return
    if ref.term and None in targets:
        ref.kind = EXTERNAL  # "a section 902 corporation": a term of art of another law
        return
    struck = [t is None and resolve_chain(doc, ref.prov, ch, ALL, within) is not None for t, ch in zip(targets, chains)]
    ref.targets, ref.struck = targets, struck


def find(doc: Document, view: str) -> list[Ref]:
    """Every reference in the document's text, in a view, resolved."""
    with paused():    # many objects kept, no cycles made: see model/collector.py
        return _find(doc, view)


def _find(doc: Document, view: str) -> list[Ref]:
    out: list[Ref] = []
    amending: set = set()   # provisions below an amending lead-in
    index = doc.index(view)
    # where level words and "this"/"such" stand, over the whole bill at once; a provision with none is not searched
    spots = index.spots(_STEMS) if index.exact else None
    these = index.spots(("this", "such"))
    amends = index.spots(WORDS)
    for i, (prov, run) in enumerate(index.items):
        inherited = prov.parent is not None and prov.parent in amending
        start = amending_offsets(doc, prov, run, inherited, i in amends)
        if start is not None and prov.quoted is None:
            amending.add(prov)
        if spots is not None and i not in spots and i not in these:
            continue    # no level word, no "this" or "such": no reference
        refs = scan(doc, prov, run, start if prov.quoted is None else None,
                    spots.get(i, ()) if spots is not None else None, these.get(i, ()), i in amends)
        for r in refs:
            resolve(doc, r, view)
        out.extend(refs)
    return out
