"""BL404 short-title-mismatch: the rule's docstring is its user documentation."""

from __future__ import annotations

import re

from ...model.patterns import lazy
from ...model.findings import Report
from ...model.vocabulary import WARNING
from ..registry import rule
from ...analysis import citation_index
from ...analysis.citations import act_key, congress_of, congress_years
from ...model.textrun import in_quotation_marks, in_struck_quotation


_YEAR = lazy(r"^(?P<base>.*?)(?:,?\s+of\s+(?P<year>\d{4})|,\s+(?P<year2>\d{4}))?\s*$")


def _short_titles(doc, view) -> list[tuple]:
    """(element, provision, name, name without year, year, scope) of each short title of this bill (scope
    None) or of a whole section this bill inserts (scope: that quoted block)."""
    out = []
    for el in doc.root.iter("short-title"):
        prov = doc.provision_of(el)
        if prov is None or not doc.in_view(el, view):
            continue
        if prov.quoted is not None and not _inserts_sections(doc, prov.quoted):
            continue   # a name in quoted text of another law: that law's business
        name = " ".join("".join(el.itertext()).split())
        m = _YEAR.match(name)
        year = m.group("year") or m.group("year2")
        base = m.group("base").strip()
        if base.endswith(("Act", "Resolution")) and len(base.split()) >= 2:
            out.append((el, prov, name, base, year, prov.quoted))
    return out


def _inserts_sections(doc, block) -> bool:
    tops = doc.blocks.get(block, [])
    return bool(tops) and all(p.level == "section" for p in tops)


def _cited_as_other_law(texts, names) -> set:
    """(name, year) of each Act of one of these names that the bill cites as another law somewhere ("section 8001
    of the Water Resources Development Act of 2022"): an earlier Act of that name exists and may be meant."""
    any_year = re.compile("(" + "|".join(re.escape(b) for b in sorted(names, key=len, reverse=True)) +
                          r")(?:,?\s+of\s+(\d{4})|,\s+(\d{4}))", re.I)
    out = set()
    for _prov, run in texts:
        for m in any_year.finditer(run.text):
            if _CITED_BEFORE.search(run.text[max(0, m.start() - 60):m.start()]) or \
                    _CITED_AFTER.match(run.text[m.end():m.end() + 40]):
                out.add((m.group(1).lower(), m.group(2) or m.group(3)))
    return out


# Citations that only another law gets: by its sections, or with its Public Law number or Code cite.
_CITED_BEFORE = lazy(r"\b(?:section|title|subtitle|division|part)s?\s+[\w().–-]+"
                     r"(?:\s+(?:and|or|through)\s+[\w().–-]+)*\s+of\s+(?:the\s+)?$", re.I)
_CITED_AFTER = lazy(r"^\s*\((?:Public\s+Law|Pub\.\s*L\.|\d+\s+U\.S\.C\.|\d+\s+Stat\.)")


# A mention of an earlier Act of the same name is cited as other laws are: by its sections, with its
# Public Law number, or as the Act that made an amendment. This bill cites itself as "this Act".
_OTHER_ACT_BEFORE = lazy(r"(?:\b(?:section|title|subtitle|division|part|paragraph|subsection)s?\s+[\w().–-]+"
                         r"(?:\s+(?:and|or|through)\s+[\w().–-]+)*\s+of\s+(?:the\s+)?|\b(?:by|under|in|to)\s+the\s+"
                         r"|\bmade\s+by\s+(?:the\s+)?)$", re.I)


_OTHER_ACT_AFTER = lazy(r"^\s*\((?:Public\s+Law|Pub\.\s*L\.|\d+\s+U\.S\.C\.|\d+\s+Stat\.|division|title)")


def _enacted(name: str) -> bool:
    """Whether the citation index knows an Act of this name and year: bills cite it with its Public Law number."""
    return bool(citation_index.default().acts.get(act_key(" ".join(name.split()))))


@rule("BL404", "short-title-mismatch", "error", fixable=True, reads=("markup", "text"))
def short_title_mismatch(doc, view):
    """
    The bill names itself differently in different places.

    Section 1 says `This Act may be cited as the "... Act of 2024".`; every other mention of the Act by
    name in the bill must agree (a bill that speaks of "the date of enactment of the ... Act of 2023"
    while its short title says 2024 is wrong). The short-title element must also hold the whole name
    that the sentence quotes.

    A whole section this bill inserts (a quoted block of sections: a new title of another law, or an Act
    enacted as a quoted text) names itself by the same rule: its short title is checked against its own
    quoted sentence and against the mentions inside that quoted text.

    Certain (error): "the date of enactment of the NAME" with another year than the short title's, where
    nothing marks it as an earlier Act (its sections, its Public Law number, "made by"), or a short-title
    element that holds part of the quoted name. An Act named by year with a comma ("Consolidated
    Appropriations Act, 2023" in the 2024 Act) has an Act of each year, so an earlier year may be meant: a
    warning, whose fix is unsafe. So is an earlier year of a name the bill cites elsewhere as another law
    ("section 8001 of the Water Resources Development Act of 2022" in the 2024 Act): that earlier Act exists.
    Silent where the earlier year's Act is enacted law that the citation index knows (bills cite it by its
    Public Law number): "on or after the date of enactment of the Agriculture Improvement Act of 2018" in the
    Agriculture Improvement Act of 2025 means that Act.

    In its own words a bill calls itself "this Act", so an earlier year of its name there ("before the date of
    enactment of the Harbor Works Development Act of 2024" in the 2026 Act) may name an earlier Act of that name
    that the citation index does not know (a biennial reauthorization's): a warning naming that reading, whose
    fix is unsafe. It stays an error where it is certain: a later year (or one after the bill's Congress ends), a
    name the bill gives itself, or text the bill puts into another law (in quotation marks, or whole sections it
    inserts), where it must name itself.

    Quoted words are an instruction's operand, marked up as <quote> or written in quotation marks (by striking
    “the date of enactment of the X Act of 2023”), and are not read as mentions.

    A bill that gives its name twice, with the year and without ("the X Act of 2025" or the "X Act"), may
    be named either way.

    Bad: short title "Cyber Partner Act of 2024"; elsewhere "the Cyber Partner Act of 2023".
    Good: the same name and year everywhere.
    """
    found = _short_titles(doc, view)
    for el, prov, name, base, year, _scope in found:
        quote = el.getparent()
        sentence = "".join(quote.getparent().itertext()) if quote is not None and quote.getparent() is not None else ""
        if quote is not None and quote.tag == "quote" and "may be cited as" in sentence:
            whole = " ".join("".join(quote.itertext()).split())
            if whole != name:
                yield Report(f'the quoted name "{whole}" and the short-title element "{name}" differ', el=el,
                             provision=prov)
    for scope in dict.fromkeys(t[5] for t in found):
        yield from _mentions(doc, view, [t for t in found if t[5] is scope], scope)


def _mentions(doc, view, titles, scope):
    """Mentions of the Act by name, in the bill's own text (scope None) or in the inserted sections."""
    # A name given twice, with its year and without ("the X Act of 2025" or "the X Act"): either is the bill's,
    # and a mention with a year takes that year. Two years for one name is a slip, not a choice.
    names = {}
    for _el, _p, name, base, year, _s in sorted(titles, key=lambda t: t[4] is None):
        names.setdefault(base, (year, name))    # the name with a year, where the bill gives one
    # Only a mention that can be nothing but this bill: "the date of enactment of the NAME", not the many
    # citations of an earlier Act of the same name ("section 326 of the FAA Reauthorization Act of 2018").
    pattern = re.compile(r"(?<!as in effect on the day before )\bdate\s+of\s+(?:the\s+)?enactment\s+of\s+(?:the\s+)?("
                         + "|".join(re.escape(b) for b in sorted(names, key=len, reverse=True)) +
                         r")(?:,?\s+of\s+(\d{4})|,\s+(\d{4}))?", re.I)
    own = {id(t[0]) for t in titles}
    given = {" ".join(t[2].split()).lower() for t in titles}   # every name the bill gives itself, year and all
    index = doc.index(view)
    some = index.spots(("enactment",))   # every match holds the word (no letter of it has an odd case form)
    cited = None    # (name, year) of earlier Acts of this name the bill cites as other law, found on demand
    # no earlier Act bears a year after the bill's own Congress ends: such a year is the bill's name mistyped
    last = str(congress_years(congress_of(doc))[1]) if congress_of(doc) else "9999"
    for i, (prov, run) in enumerate(index.items):
        if i not in some or prov.quoted is not scope:
            continue
        for m in pattern.finditer(run.text):
            year = m.group(2) or m.group(3)
            want, full = next(v for k, v in names.items() if k.lower() == m.group(1).lower())
            a0 = m.start()
            if year is None or year == want:
                continue
            if any(id(el) in own for el in run.holders(m.start())) \
                    or run.marked(m.start(), m.end(), {"quote"}) or scope is None and in_struck_quotation(run.text, a0):
                continue    # quoted words (as markup or as characters): what an instruction strikes or inserts
            if _OTHER_ACT_BEFORE.search(run.text[max(0, m.start() - 60):m.start()]) or \
                    _OTHER_ACT_AFTER.match(run.text[m.end():m.end() + 40]) or \
                    run.marked_between(m.end(), m.end() + 3, "external-xref"):
                continue  # "section 326 of the FAA Reauthorization Act of 2018 (Public Law 115-254)": another Act
            a = m.start(1)
            if want is not None and year < want and _enacted(run.text[a:m.end()]):
                continue  # an earlier Act of this name is law (bills cite it by its Public Law number): it is meant
            # an Act named by year ("Consolidated Appropriations Act, 2023") has an Act of each year: an earlier
            # one may be meant, so the mismatch is probable, not certain, and the fix may change the meaning
            if cited is None:
                cited = _cited_as_other_law([(p, r) for p, r in index.items if p.quoted is scope], names)
            annual = want is not None and year < want and (m.group(3) is not None
                                                           or (m.group(1).lower(), year) in cited)
            # In its own words a bill calls itself "this Act": a name with an earlier year there may be an earlier
            # Act of the name (a biennial reauthorization's) that billlint does not know. Certain only in text put
            # into another law, where the bill must name itself, or where the bill gives itself that name too.
            probable = not annual and scope is None and not in_quotation_marks(run.text, a0) \
                and (want is None or year < want) and year <= last \
                and " ".join(run.text[a:m.end()].split()).lower() not in given
            yield Report(f'"{run.text[a:m.end()]}" does not match the short title "{full}"'
                         + ("; unless the earlier year's Act of that name is meant" if annual else "")
                         + ("; unless an earlier Act of that name is meant (the bill's own text calls it \"this "
                            "Act\")" if probable else ""),
                         run=run, start=a, end=m.end(), provision=prov,
                         fix=(a, m.end(), full, not (annual or probable)) if want else None,
                         severity=WARNING if annual or probable else None)
