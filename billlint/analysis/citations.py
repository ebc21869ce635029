"""Citations of other law: Public Law numbers, Statutes at Large, the U.S. Code, Act names with their year
and parenthetical, "approved DATE", and GPO's `external-xref parsable-cite` (USLM: `ref href`).

find() returns every citation in a bill's text, in document order, each bound to what it cites with:
a Public Law to the Act named just before its parenthetical, a Stat. cite to the Public Law just before
it in the same parenthetical, a U.S. Code cite to "section N of the X Act" just before it, a date
"approved" to the law in its parenthetical. The checks (rules/bl6_citations) read these bindings.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field

from ..model.collector import paused
from ..model.patterns import finds, lazy, matches_at, numbered_starts
from ..model.textrun import in_struck_quotation
from ..model.vocabulary import REPORTED

PUBLIC_LAW, STAT, USC, ACT, APPROVED, XREF = "public-law", "stat", "usc", "act", "approved", "xref"

DASHES = "-–—‑‒−"
# "Public Law 107–296", "Pub. L. 107-296", "Public Law No. 107–296"; the separator is kept to check it.
_PL = lazy(r"\b(?:Public\s+Laws?|Pub\.\s?L\.)\s+(?:No\.\s+)?(\d{1,3})(\s*[" + DASHES + r"]\s*|\s+)(\d{1,4})\b")
# More laws in a list: "Public Laws 107–296 and 108–7"
_PL_MORE = lazy(r"\s*(?:,|,?\s+and|,?\s+or)\s+(\d{1,3})([" + DASHES + r"])(\d{1,4})\b")
_STAT = lazy(r"\b(\d{1,3})\s+Stat\.\s*(\d{1,5})\b")
# "42 U.S.C. 1395w–4(a) note", "6 U.S.C. 101 et seq.", with the slips the format rule looks for
_USC = lazy(r"\b(\d{1,2})(\s*)(U\.?\s?S\.?\s?C\.?)(?![A-Za-z])(\s*)(?:(App\.|appendix)\s*)?"
            r"(?:(\d+[A-Za-z]*(?:\s*[" + DASHES + r"]\s*\d+[A-Za-z]*)*)((?:\([A-Za-z0-9]{1,8}\))*)"
            r"(\s+note)?(\s+et\s+seq\.)?|(note)\b)")
_TITLE = lazy(r"\b([Ss]ections?|[Cc]hapters?)\s+(\d+[A-Za-z]*(?:[" + DASHES + r"]\d+[A-Za-z]*)*)"
              r"((?:\([A-Za-z0-9]{1,8}\))*)(\s+note)?\s+of\s+title\s+(\d{1,2}),\s+United\s+States\s+Code\b")
# The end of an Act's name: "Act of 2002", "Act, 2010", "Act for Fiscal Year 2020", "Amendments of 1983".
_ACT_END = lazy(r"\b(Act|Amendments|Resolution)\b(?:(\s+of\s+)(\d{4})\b|(,\s+)(\d{4})\b|"
                r"(\s+for\s+Fiscal\s+Years?\s+)(\d{4})\b)?")
# Laws of one name and year told apart by a part number after it
_PART = lazy(r",?\s+Part\s+(?:[IVXL]+|\d+)\b")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")
_APPROVED = lazy(r"\bapproved\s+(" + "|".join(_MONTHS) + r")\s+(\d{1,2}),\s+(\d{4})\b")
_SECTION_OF = lazy(r"\b[Ss]ection\s+(\d+[A-Za-z]*(?:[" + DASHES + r"]\d+[A-Za-z]*)?)"
                   r"((?:\([A-Za-z0-9]{1,8}\))*)\s+of\s+(?:the\s+)?$")
# "section 2004(e) or section 2008 of the Act (6 U.S.C. 605(e), 609)": the Code cites follow the list's order
_LISTED = lazy(r"(?:,|\band|\bor)\s*$")
_CONNECT = frozenset("of and the for on to in a an with by from at under & de".split())
_BEFORE_THE = frozenset("in by under from at with to on".split())
_NOT_NAMES = frozenset({"this", "such", "that", "said", "which", "an", "the", "any", "each", "other", "an", "a",
                        "same"})
_LEAD = lazy(r"^\(\s*(?:(?:division|title|subtitle)\s+[A-Z0-9]+\s+of)?$")


@dataclass(eq=False, slots=True)
class Cite:
    kind: str
    prov: object
    run: object
    start: int
    end: int
    text: str
    congress: int = 0          # public-law
    number: int = 0
    sep: str = ""              # public-law: what stands between Congress and number
    volume: int = 0            # stat
    page: int = 0
    title: int = 0             # usc
    section: str = ""
    note: bool = False
    etseq: bool = False
    form: str = ""             # usc: "U.S.C." as written, or "title" for "section N of title T, United States Code"
    name: str = ""             # act: its name as written; key: as compared
    key: str = ""
    year: int = 0
    year_kind: str = ""        # "of" | "comma" | "fiscal"
    date: datetime.date | None = None   # approved
    legal_doc: str = ""        # xref
    parsable: str = ""
    law: Cite | None = None    # stat, approved: the Public Law it belongs to; public-law: its Act
    act: Cite | None = None    # usc: the Act whose section it classifies; public-law: the Act it numbers
    act_section: str = ""      # usc: that section
    quoted: bool = False       # inside an inline <quote> (or quotation marks as characters): someone else's text
    in_block: bool = False     # inside a quoted block
    extras: dict = field(default_factory=dict)

    @property
    def law_id(self) -> str:
        return f"{self.congress}-{self.number}"

    def describe(self) -> str:
        k = self.kind
        if k == PUBLIC_LAW:
            return f"Public Law {self.congress}–{self.number}"
        if k == STAT:
            return f"{self.volume} Stat. {self.page}"
        if k == USC:
            where = f"{self.title} U.S.C. {self.section}".rstrip() if self.section else f"{self.title} U.S.C."
            return where + (" note" if self.note else "") + (" et seq." if self.etseq else "")
        if k == ACT:
            return self.name
        if k == APPROVED:
            return f"approved {self.date.isoformat()}" if self.date else "approved ?"
        return f"{self.legal_doc} {self.parsable}"


def act_key(name: str) -> str:
    """An Act's name as compared: case, apostrophes, dashes, spacing and a leading "the" aside."""
    s = name.replace("’", "'").replace("‘", "'")
    for d in DASHES:
        s = s.replace(d, "-")
    s = " ".join(s.split()).lower()
    return s[4:] if s.startswith("the ") else s


def section_key(s: str) -> str:
    """A Code section number as compared: "300gg–91" and "300gg-91" are one section."""
    for d in DASHES:
        s = s.replace(d, "-")
    return "".join(s.split())


def congress_years(c: int) -> tuple[int, int]:
    """The two calendar years of Congress c (from the 74th, when terms began on January 3)."""
    return 2 * c + 1787, 2 * c + 1788


def volumes(c: int) -> tuple[int, int]:
    """The Statutes at Large volumes of Congress c: one a calendar year since 1951 (the 82d Congress)."""
    return 2 * c - 99, 2 * c - 98


def find(doc, view: str = REPORTED) -> list[Cite]:
    """Every citation in the bill's text (provisions, quoted blocks included), in document order."""
    return doc.memo(("citations", view), lambda: _find(doc, view))


def _find(doc, view) -> list[Cite]:
    with paused():    # many objects kept, no cycles made: see model/collector.py
        return _cites(doc, view)


def _cites(doc, view) -> list[Cite]:
    out: list[Cite] = []
    for prov in doc.provisions_in(view):
        run = doc.text(prov.el, view)
        out += in_run(run.text, prov, run)
    return out


def in_run(text: str, prov=None, run=None) -> list[Cite]:
    """The citations in one run of text, bound to one another."""
    # Where each pattern can start (every match starts at its word, or at the digits just before it); the
    # U.S. Code and title patterns run only where their words are.
    pubs, stats, acts, dates = finds(text, "Pub"), numbered_starts(text, "Stat.", 3, 1), \
        finds(text, "Act", "Amendments", "Resolution"), finds(text, "approved")
    code, title = "U.S" in text or "USC" in text or "U. S" in text, "States Code" in text
    if not (pubs or stats or acts or dates or code or title) and (run is None or not run.has_tag("external-xref")):
        return []   # most text: no cite words and no cite markup
    marks = run.marks if run is not None else ()
    cites: list[Cite] = []
    new = lambda kind, a, b, **kw: cites.append(Cite(kind, prov, run, a, b, text[a:b], **kw))  # noqa: E731
    for m in matches_at(text, _PL, pubs):
        new(PUBLIC_LAW, m.start(), m.end(), congress=int(m.group(1)), number=int(m.group(3)), sep=m.group(2),
            extras={"sep": m.span(2)})
        at = m.end()
        while True:   # "Public Laws 107–296 and 108–7"
            more = _PL_MORE.match(text, at)
            if not more or not m.group(0).startswith("Public Laws"):
                break
            new(PUBLIC_LAW, more.start(1), more.end(), congress=int(more.group(1)), number=int(more.group(3)),
                sep=more.group(2), extras={"sep": more.span(2)})
            at = more.end()
    for m in matches_at(text, _STAT, stats):
        new(STAT, m.start(), m.end(), volume=int(m.group(1)), page=int(m.group(2)))
    for m in matches_at(text, _USC, numbered_starts(text, "U", 2, 0)) if code else ():
        if m.group(6) is None and m.group(10) is None:
            continue
        title = int(m.group(1))
        spans = {"gap": m.span(2), "form": m.span(3), "space": m.span(4)}
        if m.group(10):     # "36 U.S.C. note": a note under the title
            new(USC, m.start(), m.end(), title=title, note=True, form=m.group(3), extras=spans)
            continue
        end = m.end(6) if not (m.group(8) or m.group(9)) else m.end()
        end = max(end, m.end(7)) if m.group(7) else end
        new(USC, m.start(), end, title=title, section=m.group(6), note=bool(m.group(8)),
            etseq=bool(m.group(9)), form=m.group(3),
            extras={**spans, "appendix": bool(m.group(5)), "sub": m.group(7) or "", "sec": m.span(6)})
    for m in matches_at(text, _TITLE, finds(text, "Section", "section", "Chapter", "chapter")) if title else ():
        if m.group(1).lower().startswith("chapter"):
            continue
        new(USC, m.start(), m.end(), title=int(m.group(5)), section=m.group(2), note=bool(m.group(4)), form="title",
            extras={"sub": m.group(3) or "", "plural": m.group(1).lower() == "sections"})
    for m in matches_at(text, _ACT_END, acts):
        a = _name_start(text, m.start())
        if a is None:
            continue
        yk = "of" if m.group(3) else "comma" if m.group(5) else "fiscal" if m.group(7) else ""
        year = int(m.group(3) or m.group(5) or m.group(7) or 0)
        b = m.end()
        part = _PART.match(text, b) if year else None   # "Airport and Airway Extension Act of 2011, Part IV"
        b = part.end() if part else b
        name = " ".join(text[a:b].split())
        new(ACT, a, b, name=name, key=act_key(name), year=year, year_kind=yk)
    for m in matches_at(text, _APPROVED, dates):
        try:
            d = datetime.date(int(m.group(3)), _MONTHS.index(m.group(1)) + 1, int(m.group(2)))
        except ValueError:
            d = None
        new(APPROVED, m.start(), m.end(), date=d)
    if marks:
        for s, e, tag in marks:
            if tag == "external-xref":
                el = run.mark(s, e, tag)
                if el is None:
                    continue
                doc_kind, parsable = el.get("legal-doc", ""), el.get("parsable-cite", "")
                if not doc_kind and el.get("href", "").startswith("/us/"):
                    doc_kind, parsable = _from_href(el.get("href"))
                if doc_kind:
                    new(XREF, s, e, legal_doc=doc_kind, parsable=parsable)
    cites.sort(key=lambda c: (c.start, -c.end))
    _drop_overlaps(cites)
    if any(tag == "quote" for _s, _e, tag in marks):
        for c in cites:
            c.quoted = run.marked(c.start, c.end, ("quote",))
    if prov is not None:
        for c in cites:
            c.in_block = prov.quoted is not None
            # an operand in quotation marks written as characters (by striking “(Public Law 107-296)”)
            c.quoted = c.quoted or not c.in_block and "“" in text and in_struck_quotation(text, c.start)
    _bind(text, cites)
    return cites


def _from_href(href: str) -> tuple[str, str]:
    """A USLM href as (legal-doc, parsable-cite): "/us/usc/t6/s101" -> ("usc", "usc/6/101")."""
    parts = href.strip("/").split("/")[1:]
    if len(parts) >= 3 and parts[0] == "pl":
        return "public-law", f"pl/{parts[1]}/{parts[2]}"
    if len(parts) >= 3 and parts[0] == "usc" and parts[1].startswith("t") and parts[2].startswith("s"):
        return "usc", f"usc/{parts[1][1:]}/{parts[2][1:]}"
    if len(parts) >= 3 and parts[0] == "usc" and parts[1].isdigit():
        return "usc", f"usc/{parts[1]}/{parts[2]}"
    if len(parts) >= 3 and parts[0] == "usc" and parts[1].startswith("t") and parts[2].startswith("ch"):
        return "usc-chapter", f"usc-chapter/{parts[1][1:]}/{parts[2][2:]}"
    if len(parts) >= 3 and parts[0] == "usc-chapter":
        return "usc-chapter", f"usc-chapter/{parts[1]}/{parts[2]}"
    if len(parts) >= 3 and parts[0] == "stat":
        return "stat", f"stat/{parts[1]}/{parts[2]}"
    return "", ""


def _drop_overlaps(cites: list[Cite]) -> None:
    """An Act name never holds another citation; other kinds may nest (an xref holds its text)."""
    acts = [c for c in cites if c.kind == ACT]
    if not acts:
        return
    others = [c for c in cites if c.kind not in (ACT, XREF)]
    bad = {id(a) for a in acts for o in others if o.start < a.end and a.start < o.end}
    cites[:] = [c for c in cites if id(c) not in bad]


_WORDS = lazy(r"[^\s,]+,?")
_AGAIN = -1


def _name_start(text: str, end: int) -> int | None:
    """Where the name of the Act ending at `end` begins: the capitalized words (and the small words between
    them) before it, from the first that follows "the"; None when there is no name ("this Act", "such Act")."""
    if end > 80:
        # Most names are short: the words of the last 80 characters first (all whole but the first), and the
        # full 300 only when the walk back reaches the first two of them.
        found = _name_from(text, end, end - 80)
        if found != _AGAIN:
            return found
    return _name_from(text, end, max(0, end - 300), whole=True)


def _name_from(text: str, end: int, base: int, whole: bool = False) -> int | None:
    words = list(_WORDS.finditer(text[base:end]))
    start = None
    i = len(words) - 1
    caps = 0
    while i >= 0:
        w = words[i].group(0)
        bare = w.rstrip(",").strip("“”\"'‘’")
        if w.endswith(",") and i + 1 < len(words) and not (words[i + 1].group(0)[:1].isupper()
                                                           or words[i + 1].group(0) in ("and", "or")):
            break
        if bare[:1].isupper() or (bare[:1].isdigit() and re.fullmatch(r"\d+(st|nd|rd|th|d)|\d+/\d+", bare)):
            if bare.strip("().") != bare and not re.fullmatch(r"[A-Z][\w.'’-]*", bare):
                break
            caps += 1
            start = base + words[i].start()
        elif bare.lower() in _CONNECT and bare == bare.lower():
            # "the Secretary in the Bipartisan Budget Act": "in the", "by the", ... stand before a name
            if bare == "the" and i > 0 and words[i - 1].group(0).lower() in _BEFORE_THE:
                break
        else:
            break
        i -= 1
    if not whole and i < 2:
        return _AGAIN
    if start is None or caps == 0:
        return None
    # From the first capitalized word after a "the": "Notwithstanding the X Act" names "X Act".
    firsts = [base + w.start() for j, w in enumerate(words) if base + w.start() >= start and j > 0
              and words[j - 1].group(0) in ("the", "The") and (w.group(0)[:1].isupper() or w.group(0)[:1].isdigit())]
    if firsts:
        start = firsts[0]
    name = text[start:end].split()
    if not name or name[0].lower() in _NOT_NAMES or name[0].lower() in ("act", "amendments", "resolution"):
        return None
    return start


def _bind(text: str, cites: list[Cite]) -> None:
    """Tie each citation to what it belongs to, by what stands between them."""
    last_law: Cite | None = None
    last_act: Cite | None = None
    law_has_stat = False
    for c in cites:
        if c.kind == ACT:
            last_act = c
            continue
        if c.kind == PUBLIC_LAW:
            if last_act is not None and _LEAD.match(text[last_act.end:c.start].strip()):
                c.act = last_act
            last_law, law_has_stat = c, False
            continue
        if c.kind == STAT:
            if last_law is not None and not law_has_stat and \
                    re.fullmatch(r"\s*[;,:]?\s*\(?\s*", text[last_law.end:c.start]):
                c.law = last_law
                law_has_stat = True
                # "(Public Law 102–240; 109 Stat. 597; 131 Stat. 797)": a list of pages
                nxt = next((x for x in cites if x.start >= c.end and x.kind != XREF), None)
                c.extras["listed"] = nxt is not None and nxt.kind == STAT and \
                    re.fullmatch(r"\s*[;,]\s*", text[c.end:nxt.start]) is not None
            continue
        if c.kind == USC and last_act is not None and c.form != "title":
            between = text[last_act.end:c.start]
            if re.fullmatch(r"\s*\(\s*", between):
                c.act = last_act
                sec = _SECTION_OF.search(text, max(0, last_act.start - 80), last_act.start)
                if sec and not _LISTED.search(text, max(0, sec.start() - 40), sec.start()):
                    c.act_section = sec.group(1)
            continue
        if c.kind == APPROVED:
            after = [x for x in cites if x.start >= c.end and x.kind in (PUBLIC_LAW, STAT)]
            if after and re.fullmatch(r"\s*\(\s*", text[c.end:after[0].start]):
                c.law = after[0]
            elif last_law is not None and re.fullmatch(r"\s*,\s*", text[last_law.end:c.start]):
                c.law = last_law


def congress_of(doc) -> int:
    """The bill's own Congress, from its <congress> line ("118th CONGRESS"), or 0 when unknown."""
    for el in doc.root.iter("congress", "uslm-congress"):
        m = re.search(r"(\d{2,3})", "".join(el.itertext()))
        if m:
            return int(m.group(1))
    return 0


def report(doc, view: str = REPORTED) -> list[dict]:
    """Each citation as a row: where, what it was parsed as, and what the BL6xx checks say of it."""
    from ..rules.registry import all_rules
    found = find(doc, view)
    said: dict = {}
    for r in all_rules():
        if r.code.startswith("BL6") and r.check is not None:
            for rep in r.check(doc, view):
                said.setdefault((id(rep.run), rep.start), []).append(f"{r.code} {r.name}: {rep.message}")
    doc.source.locate(c.run.anchor(c.start)[0] for c in found)
    rows = []
    for c in found:
        line, col = doc.source.line_col(doc.source.offset(c.run.anchor(c.start)))
        checks = [m for (rid, s), ms in said.items() if rid == id(c.run) and c.start <= s < c.end for m in ms]
        row = {"line": line, "column": col, "provision": c.prov.path, "kind": c.kind,
               "text": " ".join(c.text.split()), "parsed": c.describe(), "checks": checks}
        bound = c.law or c.act
        if bound is not None:
            row["of"] = bound.describe()
        if c.act_section:
            row["of"] = f"section {c.act_section} of {c.act.name}"
        rows.append(row)
    return rows
