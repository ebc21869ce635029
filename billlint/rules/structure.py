"""BL1xx: structure and designations."""

from __future__ import annotations

from ..analysis.designations import first, fmt, following, label, unify
from ..model.findings import Report
from ..model.document import Provision
from ..model.vocabulary import ARABIC, CLASS_NAMES, EXPECTED, SECTION_LEVELS, LEVEL_RANK as RANK
from .registry import rule

SUB_LEVELS = SECTION_LEVELS[1:]   # subsection ... subitem


def _designations(group: list[Provision]) -> tuple[list, str | None]:
    """The group's designations and the class they should share."""
    ds = [p.designation for p in group]
    level = group[0].level
    if level in EXPECTED:
        return ds, EXPECTED[level]
    # Above the section, the class is whatever the first unit uses (titles I, II; subtitles A, B).
    if all(d is not None for d in ds):
        ds = unify(ds)
    return ds, ds[0].cls if ds[0] else None


def _cite(core: str, level: str) -> str:
    return f"{level} {fmt(core, level)}"


@rule("BL101", "enum-sequence", "error")
def enum_sequence(doc, view):
    """
    Designations of sibling provisions skip one, repeat one, or go backwards.

    Among the live children of one level under the same parent, each designation follows the one
    before it: (a), (b), (c); (1), (2); (i), (ii), (iii), (iv), (v); after (z) comes (aa) (HOLC Manual
    335(a)). Struck siblings do not count, so a struck (3) beside an inserted (3) is fine. Inserted
    designations such as (4A) may follow (4). Sections are checked by section-sequence.

    Bad: paragraphs (1), (2), (4) -- "expected paragraph (3) after (2), found (4)".
    Good: paragraphs (1), (2), (3); or (1), (2), (2A), (3) inside a quoted block.
    """
    for _parent, group in doc.groups(view):
        level = group[0].level
        if level == "section":
            continue
        ds, cls = _designations(group)
        prev = pd = None
        for p, d in zip(group, ds):
            if d is None or d.value is None or d.cls != cls:
                continue
            if d.parts and d.parts[0] != d.core and d.raw.strip()[:1].isdigit():
                prev = None  # "10. (a)": a run-in section number starts another section's list
            if prev is not None and d.value == 1 and not d.suffix and (prev.run != p.run or doc.in_appropriations(p)):
                pass  # in appropriations text a heading or a run of text may start a new list
            elif prev is not None:
                if d.key == pd.key:
                    yield Report(f"duplicate {_cite(d.core, level)}; also at line {prev.line}", el=p.el, provision=p)
                elif not d.suffix and d.value != pd.value + 1:
                    want = label(pd.value + 1, cls)
                    yield Report(f"expected {_cite(want, level)} after {fmt(pd.core, level)}, found "
                                 f"{fmt(d.core, level)}", el=p.el, provision=p)
                elif d.suffix and d.value not in (pd.value, pd.value + 1) and not pd.suffix:
                    yield Report(f"inserted {_cite(d.core, level)} does not follow {fmt(pd.core, level)}",
                                 el=p.el, provision=p)
            prev, pd = p, d


@rule("BL102", "enum-class", "error")
def enum_class(doc, view):
    """
    A designation's style does not fit its level.

    Sections are numbered 1., 2.; subsections (a); paragraphs (1); subparagraphs (A); clauses (i);
    subclauses (I); items (aa); subitems (AA) (HOLC Manual 312(a)(1)). Roman versus letter is decided by
    the level: "(i)" is a letter at subsection level and a numeral at clause level.

    A whole list styled wrong is reported once, at its first provision. Where a file styles three or more
    whole lists of one level the same wrong way, that is the file's own habit: it is reported once,
    naming the other places.

    Bad: `<paragraph><enum>(B)</enum>` -- a paragraph is designated with a number.
    Good: `<subparagraph><enum>(B)</enum>`.
    """
    wrong = {id(p) for p in doc.provisions_in(view) if _wrong_class(p)}
    lists: dict = {}    # (level, class found) -> [(first provision, what was found)], one per whole list
    single: list = []   # designations wrong on their own: slips, each reported where it stands
    for _parent, group in doc.groups(view):
        bad = [p for p in group if id(p) in wrong]
        # One finding for a list tagged at the wrong level, and none below a provision already reported.
        bad = [p for p in bad if p.parent is None or id(p.parent) not in wrong]
        if not bad:
            continue
        p = bad[0]
        if len(bad) > 1 and len({q.designation.cls for q in bad}) == 1:
            found = f"{p.designation.raw.strip()} to {bad[-1].designation.raw.strip()} ({len(bad)} {p.level}s)"
            lists.setdefault((p.level, p.designation.cls), []).append((p, found))
        else:
            single += [(q, q.designation.raw.strip()) for q in bad]
    for q, what in single:
        yield _class_report(q, what)
    for (level, _cls), found in lists.items():
        if len(found) >= _CONVENTION:
            # The file's own convention (a whole bill tagging its numbered subsections as subsections):
            # one finding that says where else, not one per section.
            (q, what), rest = found[0], found[1:]
            where = ", ".join(r.path for r, _ in rest[:3]) + (f" and {len(rest) - 3} more" if len(rest) > 3 else "")
            found = [(q, f"{what}; the same in {len(rest)} more {level} lists of this file ({where})")]
        for q, what in found:
            yield _class_report(q, what)


def _class_report(p: Provision, found: str) -> Report:
    return Report(f"a {p.level} is designated with {CLASS_NAMES[EXPECTED[p.level]]}; found {found}",
                  el=p.el, provision=p)


# From this many whole lists with the same wrong style, a file is reported once.
_CONVENTION = 3


def _wrong_class(p: Provision) -> bool:
    cls = EXPECTED.get(p.level)
    d = p.designation
    return cls is not None and d is not None and d.cls != cls


@rule("BL103", "enum-start", "warning")
def enum_start(doc, view):
    """
    The first provision of a level does not start at the first designation.

    The first live subsection is (a), the first paragraph (1), the first subparagraph (A), the first
    clause (i), subclause (I), item (aa), subitem (AA). Inside a quoted block a list may start anywhere,
    since it continues the amended law's list.

    Bad: a section whose first subsection is (b) (often after (a) was struck without redesignating).
    Good: (a), (b), (c).
    """
    for _parent, group in doc.groups(view):
        p = group[0]
        if p.quoted is not None or p.level not in SUB_LEVELS:
            continue
        d, cls = p.designation, EXPECTED[p.level]
        if d is None or d.cls != cls or d.value == 1 and not d.suffix:
            continue
        yield Report(f"the first {p.level} should be {fmt(first(cls), p.level)}; found {fmt(d.core, p.level)}",
                     el=p.el, provision=p)


@rule("BL104", "nesting-level", "warning")
def nesting_level(doc, view):
    """
    A provision sits more than one level below its parent.

    Each child is one level below its parent: a subsection holds paragraphs, a paragraph holds
    subparagraphs. A section may hold paragraphs directly. The bill DTD already rejects most skips;
    this rule also covers documents checked without the DTD and other formats.

    Bad: a clause directly inside a subsection (the paragraph and subparagraph levels are missing).
    Good: subsection (a) > paragraph (1) > subparagraph (A) > clause (i).
    """
    for p in doc.provisions_in(view):
        parent = p.parent
        if parent is None or p.level not in SUB_LEVELS or parent.level not in SECTION_LEVELS:
            continue
        gap = RANK[p.level] - RANK[parent.level]
        if gap <= 1 or (parent.level == "section" and p.level == "paragraph"):
            continue
        missing = [lv for lv in SECTION_LEVELS if RANK[parent.level] < RANK[lv] < RANK[p.level]]
        if parent.level == "section":
            missing = [lv for lv in missing if lv != "subsection"]
        yield Report(f"a {p.level} directly inside a {parent.level}: missing {' and '.join(missing)} level",
                     el=p.el, provision=p)


@rule("BL105", "header-missing", "warning")
def header_missing(doc, view):
    """
    Some sibling sections or subsections have headers and others do not.

    If one section has a header, all should; the same holds for the subsections of a section. Quoted
    text of other laws keeps its own style and is not checked, nor is appropriations text, where
    general provisions customarily go without headers. The rule reports the fewer side.

    Bad: sections 1 and 2 with headers, section 3 without.
    Good: every section with a header.
    """
    for _parent, group in doc.groups(view):
        if group[0].level not in ("section", "subsection") or group[0].quoted is not None \
                or doc.in_appropriations(group[0]):
            continue
        group = [p for p in group if p.designation is not None]
        with_header = [p for p in group if p.header]
        without = [p for p in group if not p.header]
        if not with_header or not without:
            continue
        level = group[0].level
        if len(without) <= len(with_header):
            others = ", ".join(q.cite for q in with_header[:3])
            for p in without:
                yield Report(f"this {level} has no header, but its siblings do ({others}"
                             f"{', ...' if len(with_header) > 3 else ''})", el=p.el, provision=p)
        else:
            for p in with_header:
                yield Report(f"this {level} has a header, but its {len(without)} siblings do not",
                             el=p.el, provision=p)


_CONTENT = frozenset({"quoted-block", "table", "graphic", "formula", "toc", "list", "continuation-text",
                      "non-statutory-material", "proviso"})


@rule("BL106", "empty-provision", "warning")
def empty_provision(doc, view):
    """
    A designated provision has no text and no subdivisions; or a quoted block is empty.

    A provision with an enum but nothing under it prints as a bare designation. A unit headed
    "[Reserved]" is a placeholder and is left alone.

    Bad: `<paragraph><enum>(3)</enum><text></text></paragraph>`.
    Good: `<paragraph><enum>(3)</enum><text>the cost of the reserve.</text></paragraph>`.
    """
    for p in doc.provisions_in(view):
        if p.designation is None or p.live_children(view) or (p.quoted is not None and p.header):
            continue  # a quoted enum and header alone is a heading amendment ("to read as follows:")
        if p.header and "reserved" in p.header.lower():
            continue  # "SEC. 1903. [RESERVED]." holds its number on purpose
        if doc.text(p.el, view).text.strip() or \
                any(_has_content(doc, c, view) for c in p.el if isinstance(c.tag, str) and c.tag != "enum"):
            continue  # its own text first: the runs of its parts would be kept for nothing else
        yield Report(f"{p.cite if p.level == 'section' else p.level + ' ' + p.cite} has no text",
                     el=p.el, provision=p)
    for qb in doc.root.iter("quoted-block"):
        if doc.in_view(qb, view) and not any(_has_content(doc, c, view) for c in qb if isinstance(c.tag, str)) \
                and not (qb.text or "").strip():
            yield Report("empty quoted block", el=qb)


def _has_content(doc, el, view) -> bool:
    if not doc.in_view(el, view):
        return False
    if el.tag in _CONTENT or el.tag in RANK:
        return True
    if el.tag == "header":
        return False
    return bool(doc.text(el, view).text.strip())


def _sections(doc, view) -> list[Provision]:
    return [p for p in doc.provisions_in(view) if p.level == "section" and p.quoted is None]


@rule("BL107", "section-one", "warning")
def section_one(doc, view):
    """
    The bill's first numbered section is not section 1.

    A bill's sections start at section 1 (usually the short title). Checked only where the first
    section is numbered: appropriations text and resolutions with undesignated sections are exempt.

    Bad: a bill whose first section is "SEC. 2.".
    Good: "SECTION 1. SHORT TITLE."
    """
    if doc.kind != "bill":
        return
    sections = _sections(doc, view)
    if not sections:
        return
    p = sections[0]
    d = p.designation
    if d is None or d.cls != ARABIC or (d.value == 1 and not d.suffix):
        return
    if any(a.level == "division" for a in p.ancestors()):
        return  # a bill that opens with a division numbers each division on its own
    yield Report(f"the first section is {p.cite}, not sec. 1", el=p.el, provision=p)


def _round_jump(doc, p, pd, d) -> bool:
    # Appropriations general provisions number by agency in tens: 501, 510, 511, 520.
    return d.value > pd.value and d.value % 10 == 0 and doc.in_appropriations(p)


@rule("BL108", "section-sequence", "error")
def section_sequence(doc, view):
    """
    Section numbers skip, repeat or go backwards.

    Within a title (or subtitle, part, ...) sections run 101, 102, 103; a new title, or a new
    appropriations heading, may start a new hundred (201) and a new division may start over. In
    appropriations text a jump to a round ten (511, 520) is the custom and is allowed. A repeated number is reported with the line of
    both sections. Inserted sections such as 5A may follow 5.

    Bad: sections 1, 2, 4 -- "expected sec. 3 after sec. 2, found sec. 4".
    Good: sections 1, 2, 3; or title I: 101, 102, title II: 201.
    """
    seen: dict[tuple, Provision] = {}
    prev: Provision | None = None
    for p in _sections(doc, view):
        d = p.designation
        if d is None or d.cls != ARABIC:
            continue
        scope = next((a for a in p.ancestors() if a.level == "division"), None)
        key = (id(scope), d.key)
        duplicate = key in seen
        if duplicate:
            yield Report(f"duplicate section {d.core}; also at line {seen[key].line}", el=p.el, provision=p)
        seen.setdefault(key, p)
        if prev is not None and not d.suffix and not duplicate:
            pd = prev.designation
            same_scope = next((a for a in prev.ancestors() if a.level == "division"), None) is scope
            same_list = prev.parent is p.parent and prev.run == p.run
            if same_list and d.value != pd.value + 1 and d.key != pd.key and not _round_jump(doc, p, pd, d):
                yield Report(f"expected sec. {following(pd)} after sec. {pd.core}, found sec. {d.core}",
                             el=p.el, provision=p)
            elif not same_list and same_scope and d.value <= pd.value and d.key != pd.key:
                yield Report(f"sec. {d.core} comes after sec. {pd.core}: section numbers go backwards",
                             el=p.el, provision=p)
        prev = p
