"""BL102 enum-class: the rule's docstring is its user documentation."""

from __future__ import annotations


import re

from ...model.patterns import lazy
from ...analysis import designations
from ...model.findings import Report
from ...model.document import Provision
from ...model.textrun import local
from ...model.vocabulary import CLASS_NAMES, EXPECTED, SECTION_LEVELS, WARNING
from ..registry import rule
from .common import amendment_block, groups


@rule("BL102", "enum-class", "error", reads=("provisions", "markup"))
def enum_class(doc, view):
    """
    A designation's style does not fit its level.

    Sections are numbered 1., 2.; subsections (a); paragraphs (1); subparagraphs (A); clauses (i);
    subclauses (I); items (aa); subitems (AA) (HOLC Manual 312(a)(1)). Roman versus letter is decided by
    the level: "(i)" is a letter at subsection level and a numeral at clause level.

    Certain (error): the designation fits no level its place allows, so the printed text is wrong.
    Where the designation is right for a level its place allows and only the markup disagrees, the
    finding is a warning about the markup, naming the cure: a list tagged one level off (a section's
    paragraphs (1), (2) tagged as subsections; a quoted block's subparagraph (E) tagged as a paragraph,
    whose level belongs to the amended law), a list nested under the wrong unit (items (A)-(C) of
    paragraph (7)'s "the report shall include—" tagged beside (1)-(7), or a subsection (b) inside (a)). Silent in appropriations text where the unit before ends in a proviso that introduces the list ("(7) ... for staff
    offices: Provided further, That of the amounts allocated under the previous proviso—" followed by (A)
    to (I)): the list is the proviso's, and appropriations text letters it beside the list before it. The
    indent attribute ("down1", "up2") is read as the intended level. A run-in
    compound enum such as "(14)(A)" is two units (see the model) and is not reported. A designation element
    that holds the heading after a right designation ("§ 200402. National Parks and Public Land Legacy
    Restoration Fund", as a converter may write it) is a markup warning too: the number is not wrong.

    A blank to be filled ("SEC. 1__.", "(__)": an amendment's new unit, numbered when it is placed) is no
    designation, and no designation rule reads it.

    The top units of an amendment's text in an amendment document are read the same way (its level is the
    amended measure's).

    Silent on numbered units tagged <subsection> at the top of a quoted block (a paragraph (4) added straight
    under an amended section): they are that section's top level, which GPO tags either way.

    A whole list styled wrong is reported once, at its first provision, with the cure its first item's
    place shows ((A) to (I) after a lead-in ending "—" are one list to nest, not eight slips). Where a file styles three or more
    whole lists of one level the same wrong way, that is the file's own habit: it is reported once,
    naming the other places.

    Bad: `<paragraph><enum>(B)</enum>` among paragraphs (1), (2) -- a paragraph is designated with a number.
    Bad markup (warning): `<paragraph indent="down1"><enum>(A)</enum>` after paragraph (7) whose text ends
    "shall include—": by designation, subparagraph (A) of (7).
    Good: `<subparagraph><enum>(B)</enum>`.
    """
    wrong = set()
    for p in doc.provisions_in(view):
        head = _with_heading(p)
        if head is not None:
            # a converter's slip: "§ 200402. National Parks ..." all in the designation element
            yield Report(f"markup: the designation element holds the heading too ({' '.join(p.enum.split())[:70]}): "
                         f"keep \"{head}\" there and put the rest in the heading", el=p.el, provision=p, severity=WARNING)
        elif _wrong_class(p):
            wrong.add(id(p))
    lists: dict = {}    # (level, class found, cure) -> [(first provision, what was found, cure)], one per whole list
    single: list = []   # designations wrong on their own: slips, each reported where it stands
    for parent, group in groups(doc, view):
        bad = [p for p in group if id(p) in wrong]
        # One finding for a list tagged at the wrong level, and none below a provision already reported.
        bad = [p for p in bad if p.parent is None or id(p.parent) not in wrong]
        if not bad:
            continue
        cures = [_cure(doc, p, group, view) for p in bad]
        if cures[0] and cures[0][0] == "proviso" and (len(bad) == 1 or _runs(bad)):
            continue   # a proviso's own list, lettered beside the list before it: appropriations style
        if all(c and c[1].endswith("tag as <paragraph>") and q.level == "subsection" and c[0] == "quoted"
               for q, c in zip(bad, cures)):
            continue   # (4) added straight under a section: the amended section's top level, tagged either way
        if cures[0] and _runs(bad):
            # (A), (B), ... (I) continue the list whose first item's place is known: one list, one cure
            cures = [cures[0]] * len(bad)
        p = bad[0]
        if len(bad) > 1 and len({q.designation.cls for q in bad}) == 1 and len(set(cures)) == 1:
            found = f"{p.designation.raw.strip()} to {bad[-1].designation.raw.strip()} ({len(bad)} {p.level}s)"
            kind = cures[0][0] if cures[0] else None
            lists.setdefault((p.level, p.designation.cls, kind), []).append((p, found, cures[0]))
        else:
            single += [(q, q.designation.raw.strip(), c) for q, c in zip(bad, cures)]
    for q, what, cure in single:
        yield _class_report(q, what, cure)
    for (level, _cls, _cure_), found in lists.items():
        if len(found) >= _CONVENTION:
            # The file's own convention (a whole bill tagging its numbered subsections as subsections):
            # one finding that says where else, not one per section.
            (q, what, cure), rest = found[0], found[1:]
            where = ", ".join(r.path for r, _, _ in rest[:3]) + (f" and {len(rest) - 3} more" if len(rest) > 3 else "")
            yield _class_report(q, what, cure, f"; the same in {len(rest)} more {level} lists of this file ({where})")
            continue
        for q, what, cure in found:
            yield _class_report(q, what, cure)


def _class_report(p: Provision, found: str, cure: tuple | None, more: str = "") -> Report:
    if cure:
        many = " to " in found
        return Report(f"markup: {found} {'are' if many else 'is'} tagged <{local(p.el.tag)}>; {cure[1]}{more}",
                      el=p.el, provision=p, severity=WARNING)
    return Report(f"a {p.level} is designated with {CLASS_NAMES[EXPECTED[p.level]]}; found {found}{more}",
                  el=p.el, provision=p)


def _runs(bad: list) -> bool:
    """Whether these units' designations run one after another in one class: one list, not several slips."""
    ds = [p.designation for p in bad]
    return len(ds) > 1 and len({d.cls for d in ds}) == 1 and all(
        a.value is not None and b.value == a.value + 1 for a, b in zip(ds, ds[1:]))


# From this many whole lists with the same wrong style, a file is reported once.
_CONVENTION = 3
_BELOW = dict(zip(SECTION_LEVELS, SECTION_LEVELS[1:]))
_ABOVE = {b: a for a, b in _BELOW.items()}


def _wrong_class(p: Provision) -> bool:
    cls = EXPECTED.get(p.level)
    d = p.designation
    return cls is not None and d is not None and d.cls != cls


_LEAD = lazy(r"^[“\"‘']*((?:§+\s*)?(\(?[\w.–-]+?\)?\.?))\s+\S")


def _with_heading(p: Provision) -> str | None:
    """The designation at the head of an enum that holds words after it ("§ 200402. National Parks ..."), where
    that designation alone has the class of p's level; else None."""
    d = p.designation
    if d is None or d.cls is not None or p.level not in EXPECTED or not p.enum:
        return None
    m = _LEAD.match(p.enum.strip())
    if not m:
        return None
    alone = designations.parse(m.group(2), p.level)
    return m.group(1) if alone is not None and alone.cls == EXPECTED[p.level] else None


# the unit before ends in a proviso that introduces a list: "(7) $301,422,000 for staff offices: Provided
# further, That of the amounts allocated under the previous proviso—"
_PROVISO_LEAD = lazy(r"\bprovided(?:\s+further)?,\s+that\b[^:;]*[—–-]\s*$", re.I)


def _proviso_list(p: Provision, prev: Provision) -> bool:
    """Whether the lead-in just before p, at the end of prev's text or in the continuation text between them,
    is a proviso that introduces p's list."""
    before = p.el.getprevious()
    lead = before if before is not None and before.tag == "continuation-text" else prev.el.find("text")
    return lead is not None and bool(_PROVISO_LEAD.search(" ".join("".join(lead.itertext()).split())))


def _fits(p: Provision, level: str | None) -> designations.Designation | None:
    """p's designation read at a level, if it has that level's class there."""
    if level not in EXPECTED or level == "section":
        return None
    d = designations.parse(p.enum, level)
    return d if d is not None and d.cls == EXPECTED[level] else None


def _hinted(p: Provision) -> str | None:
    """The level p's indent attribute asks for: "down1" one below its tag, "up2" two above, or a level named."""
    hint = (p.el.get("indent") or "").strip()
    if hint in EXPECTED:
        return hint
    for word, step in (("down", 1), ("up", -1)):
        if hint.startswith(word) and hint[len(word):].isdigit():
            i = SECTION_LEVELS.index(p.level) + step * int(hint[len(word):]) if p.level in SECTION_LEVELS else -1
            return SECTION_LEVELS[i] if 0 < i < len(SECTION_LEVELS) else None
    return None


def _cure(doc, p: Provision, group: list, view) -> tuple | None:
    """Where p's designation is right for a level its place allows: the markup's cure, in words. None when
    the designation fits no such level (then the designation itself is wrong). (kind, words)."""
    parent = p.parent
    hint = _hinted(p)
    kin = [q for q in (parent.live_children(view) if parent is not None else group)]
    before = [q for q in kin[:kin.index(p)] if not _wrong_class(q)] if p in kin else []
    prev = before[-1] if before else None
    below_prev = _BELOW.get(prev.level) if prev is not None else None
    d_prev = _fits(p, below_prev)
    # a list put beside the unit it belongs to: (A)-(C) after paragraph (7) ("shall include—")
    if d_prev is not None and doc.in_appropriations(p) and _proviso_list(p, prev):
        return ("proviso", "")
    if d_prev is not None and (hint in (None, below_prev)) and (d_prev.value == 1 or hint == below_prev) \
            and not prev.live_children(view):
        return ("nest", f"by designation, {below_prev}s of {prev.cite}: nest under {prev.cite} as <{below_prev}>")
    # a unit put inside the one it follows: subsection (b) as a paragraph of (a)
    if parent is not None and parent.designation is not None and parent.level in EXPECTED:
        d_up = _fits(p, parent.level)
        pd = parent.designation
        if d_up is not None and pd.value is not None and d_up.value == pd.value + 1:
            return ("out", f"by designation, {parent.level} {p.designation.raw.strip()} after {parent.cite}: "
                           f"move out of {parent.cite} as <{parent.level}>")
    # the level is right by place and only the tag is off: a quoted block's top (the amended law's level),
    # a section's paragraphs, or the level the indent attribute names
    # (an amendment's text, put into the measure where its instruction says, is read as a quoted block's)
    block = parent is None and p.quoted is None and amendment_block(p.el) is not None
    if (p.quoted is not None or block) and parent is None:
        right = hint if _fits(p, hint) else _level_of(p, group)
        if right:
            whose = "the amended measure's" if block else "the amended law's"
            return ("quoted", f"by designation, {whose} {right} level: tag as <{right}>")
    want = _BELOW.get(parent.level) if parent is not None else None
    if parent is not None and parent.level == "section" and _fits(p, "paragraph"):
        want = "paragraph"       # a section may hold paragraphs directly
    if want and _fits(p, want) and hint in (None, want, p.level):
        return ("tag", f"by designation, the {want} level under {parent.cite}: tag as <{want}>")
    if hint and _fits(p, hint):
        return ("hint", f"by designation and indent, the {hint} level: tag and nest as <{hint}>")
    return None


def _level_of(p: Provision, group: list) -> str | None:
    """The level a quoted list's designations run in: (I), (II) are subclauses, not letters of subparagraphs
    (9, 35); among levels where they run alike, the nearest to the tag."""
    rank = SECTION_LEVELS.index(p.level) if p.level in SECTION_LEVELS else 0
    best = None
    for lv in SECTION_LEVELS[1:]:
        ds = [_fits(q, lv) for q in group]
        if not all(ds):
            continue
        steady = all(b.value - a.value <= 1 for a, b in zip(ds, ds[1:]))
        key = (not steady, abs(SECTION_LEVELS.index(lv) - rank), ds[0].value)
        if best is None or key < best[0]:
            best = (key, lv)
    return best[1] if best else None
