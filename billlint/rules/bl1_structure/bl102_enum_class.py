"""BL102 enum-class: the rule's docstring is its user documentation."""

from __future__ import annotations

from ...model.vocabulary import CLASS_NAMES, EXPECTED
from ...model.findings import Report
from ...model.document import Provision
from ..registry import rule


@rule("BL102", "enum-class", "error", reads=("provisions",))
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
