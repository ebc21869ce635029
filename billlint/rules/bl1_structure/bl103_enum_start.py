"""BL103 enum-start: the rule's docstring is its user documentation."""

from __future__ import annotations

from ...analysis.designations import first, fmt
from ...model.vocabulary import EXPECTED
from ...model.findings import Report
from ..registry import rule
from .common import SUB_LEVELS, amendment_block, groups, replaced


@rule("BL103", "enum-start", "warning", reads=("provisions",))
def enum_start(doc, view):
    """
    The first provision of a level does not start at the first designation.

    The first live subsection is (a), the first paragraph (1), the first subparagraph (A), the first
    clause (i), subclause (I), item (aa), subitem (AA). Inside a quoted block a list may start anywhere,
    since it continues the amended law's list; so may the text of an amendment of an amendment document ("In
    section 12, add at the end the following: (d) ..."), except that an amendment that strikes a unit and inserts
    the following ("strike subsection (b) and insert the following: (c) ...") inserts a unit of that designation.

    A list that continues the unit before it (subsections (c)-(e) left outside section 219, whose last
    subsection is (b), as appropriations markup does with a wrapper after the section) is a markup defect and
    is reported so, naming the unit it belongs to. So is a list nested inside an undesignated unit (an
    appropriations project line "Martinsburg, IRS Enterprise Computing Center, $23,098,000:" holding (B) and
    (C) after "(2) ... of which— (A) ... as follows:"), or a section without a number holding (b) and (c)
    after the section whose last subsection is (a) (markup that split one section in two): the markup is wrong, not the designation, and the
    message says where the list belongs instead of asking to renumber it.

    Bad: a section whose first subsection is (b) (often after (a) was struck without redesignating).
    Good: (a), (b), (c).
    """
    for _parent, group in groups(doc, view):
        p = group[0]
        if p.quoted is not None or p.level not in SUB_LEVELS:
            continue
        if p.parent is None and amendment_block(p.el) is not None:
            # an amendment's text continues the measure's list where its instruction puts it; one that strikes
            # a unit and inserts its new text ("strike subsection (b) and insert") gives the number it takes
            gone = replaced(p)
            d = p.designation
            if gone is not None and gone[0] == p.level and d is not None and d.core.lower() != gone[1].lower():
                yield Report(f"the amendment strikes {fmt(gone[1], p.level)} and inserts {fmt(d.core, p.level)} "
                             f"in its place: the new text should be {fmt(gone[1], p.level)}", el=p.el, provision=p)
            continue
        d, cls = p.designation, EXPECTED[p.level]
        if d is None or d.cls != cls or d.value == 1 and not d.suffix:
            continue
        host = _continues(doc, p, d, view)
        if host is not None:
            last = host.live_children(view)[-1]
            yield Report(f"markup: {fmt(d.core, p.level)} stands outside {host.cite}, whose last {p.level} is "
                         f"{last.cite}; by designation it continues {host.cite}: move it into {host.cite}",
                         el=p.el, provision=p)
            continue
        holder = p.parent
        if holder is not None and holder.designation is None:
            host = _continues_before(doc, holder, p, d, view)
            if holder.level != "section" or host is not None:
                where = f"markup: {fmt(d.core, p.level)} is nested inside an undesignated {holder.level}"
                if host is not None:
                    last = [c for c in host.live_children(view) if c.level == p.level][-1]
                    yield Report(f"{where} after {host.cite}, whose last {p.level} is {last.cite}; by designation "
                                 f"it continues {host.cite}: move it into {host.cite}", el=p.el, provision=p)
                else:
                    yield Report(f"{where}; if it continues a list before that {holder.level}, nest it there; if "
                                 f"not, it should be {fmt(first(cls), p.level)}", el=p.el, provision=p)
                continue
        yield Report(f"the first {p.level} should be {fmt(first(cls), p.level)}; found {fmt(d.core, p.level)}",
                     el=p.el, provision=p)


def _continues_before(doc, holder, p, d, view):
    """The unit before an undesignated holder whose list p continues: "(2) ... of which— (A) ... as follows:",
    then undesignated project lines, the last of which holds (B) and (C)."""
    kin = holder.parent.live_children(view) if holder.parent is not None else [q for q in doc.top if q.in_view(view)]
    i = next((k for k, q in enumerate(kin) if q is holder), 0)
    for q in reversed(kin[:i]):
        if q.designation is None:
            continue
        mine = [c for c in q.live_children(view) if c.level == p.level]
        last = mine[-1].designation if mine else None
        ok = last is not None and last.cls == d.cls and last.value is not None and last.value + 1 == d.value
        return q if ok else None
    return None


def _continues(doc, p, d, view):
    """The unit before p's list whose own list p continues: sec. 219 ends with (b), and (c)-(e) follow it in an
    appropriations wrapper outside the section."""
    kin = p.parent.live_children(view) if p.parent is not None else [q for q in doc.top if q.in_view(view)]
    i = next((k for k, q in enumerate(kin) if q is p), None)
    host = next((q for q in reversed(kin[:i]) if q.level != p.level), None) if i else None
    mine = [c for c in host.live_children(view) if c.level == p.level] if host is not None else []
    if not mine or mine[-1].designation is None or mine[-1].designation.cls != d.cls:
        return None
    return host if mine[-1].designation.value + 1 == d.value else None
