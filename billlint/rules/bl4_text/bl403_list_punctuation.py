"""BL403 list-punctuation: the rule's docstring is its user documentation."""

from __future__ import annotations


from ...model.patterns import lazy
from ...analysis import amendments as am
from ...model.findings import Report
from ...model.document import Provision
from ..registry import rule
from .common import appropriations_text


_CONJ_END = lazy(r"[;,]\s*(?:and|or|and/or)\s*$")


_CAPITAL_STARTS = frozenset({"The", "A", "An", "Any", "Each", "Such", "In", "If", "For", "With", "To", "Not"})


_QUOTED = "\u201d"    # stands for an ending that is quoted text, with no punctuation of the item's own


def _ending(doc, prov: Provision, view) -> str:
    """The text that ends an item: its own, or that of its last sub-item when a sub-list closes it.
    Quoted material is the amended law's: an item that ends with a quoted block ends with what follows the
    block (after-quoted-block), and one whose text ends inside a quote ends with _QUOTED."""
    node = prov
    while True:
        kids = node.live_children(view)
        run = doc.text(node.el, view)
        cont = node.el.find("continuation-text")
        if not kids or (cont is not None and doc.in_view(cont, view)):
            block = _closing_block(node.el)
            if block is not None:
                after = block.find("after-quoted-block")
                return " ".join("".join(after.itertext()).split()) if after is not None else ""
            text = run.text.rstrip()
            if text and run.marked(len(text) - 1, len(text), {"quote"}):
                return text + _QUOTED
            return text
        node = kids[-1]


def _last_leaf(prov, view):
    node = prov
    while node.live_children(view) and node.el.find("continuation-text") is None:
        node = node.live_children(view)[-1]
    return node


def _closing_block(el):
    """The quoted block an item's text ends with, if nothing of the item's own follows it."""
    last = None
    for child in el.iterchildren("*"):
        last = child
    if last is not None and last.tag == "text":
        inner = list(last.iterchildren("*"))
        if inner and inner[-1].tag == "quoted-block" and not (inner[-1].tail or "").strip():
            return inner[-1]
        return None
    return last if last is not None and last.tag == "quoted-block" else None


def _list_items(doc, items, view) -> list:
    """The items of the list a lead-in opens: a following sibling that is no item of it ends it (one with
    its own header where the first item has none, or one with no designation where the first has one;
    such a unit is a new sentence, misnested as a sibling)."""
    first = items[0]
    lower = doc.text(first.el, view).text.lstrip()[:1].islower()
    for k, item in enumerate(items[1:], 1):
        if item.header and not first.header or first.designation and not item.designation \
                or _shape(item) != _shape(first) or lower and _AMENDMENT.match(doc.text(item.el, view).text) \
                or lower and _freestanding(doc, first, item, view):
            return items[:k]
    return items


def _freestanding(doc, first, item, view) -> bool:
    """An item that is a provision of its own amid amendment instructions ("(1) by redesignating ...; and (2) by
    striking ... (3) Within 90 days ..., the Secretary shall publish—"): a sentence in capitals with no
    amending verb, after an instruction. The instructions before it end the list."""
    lead = _lead_in(doc, first.parent, view) if first.parent is not None else ""
    return doc.text(item.el, view).text.lstrip()[:1].isupper() and bool(am.AMENDED.search(lead) or am.IN.match(lead)) \
        and am.instructs(doc, first, view) and not am.instructs(doc, item, view)


_UNENDED = lazy(r"(?<![\w/])(?!(?:and|or)$)\w+$")    # a word and no mark after it: not "; and"


def _joined(doc, items, ends, view):
    """Items and their endings, an item split by the markup in the middle of a word or sentence ("(B) ... has
    be" "(C) en published ...": no punctuation at the end of one, lower case at the start of the next) read
    as the one item it is, with the later part's ending."""
    out = []
    for item, end in zip(items, ends):
        if out and _UNENDED.search(out[-1][1]) and doc.text(item.el, view).text.lstrip()[:1].islower():
            out[-1] = (item, end)
        else:
            out.append((item, end))
    return [i for i, _ in out], [e for _, e in out]


# A sentence of its own: "Section 19005(a) of ... is amended", where the list's items go on in lower case.
_AMENDMENT = lazy(r"\s*(?:Section|Subsection|Paragraph|Title)\s+\S+.{0,200}?\b(?:is|are|shall\s+be)\s+"
                  r"(?:further\s+)?amended\b")


def _shape(prov) -> str:
    """The kind of a designation, whatever the element says: a list of (1), (2) holds no (A) (markup that
    nests a proviso's (A)-(C) beside the items that lead into them)."""
    core = prov.designation.core if prov.designation else ""
    c = core[:1]
    return "digit" if c.isdigit() else "upper" if c.isupper() else "lower" if c.islower() else ""


def _lead_in(doc, prov: Provision, view) -> str:
    own = [c for c in prov.el if isinstance(c.tag, str) and c.tag == "text"]
    return doc.text(own[0], view).text.rstrip() if own else ""


@rule("BL403", "list-punctuation", "warning", reads=("provisions", "text"))
def list_punctuation(doc, view):
    """
    The items of a list are not punctuated as their lead-in requires.

    After a lead-in ending with a dash, items are sentence fragments: each ends with ";", the
    conjunction ("and", "or") comes only after the next-to-last item, and the last ends with "." or
    carries on the sentence (HOLC Manual 351(d)(1)(A)). After a lead-in ending with a colon, items are
    capitalized sentences ending with "." (351(d)(1)(B)). Lists in Internal Revenue Code style use ","
    where others use ";"; the rule follows whichever separator the list uses. In quoted text a list may
    continue the amended law's, so only its inner items are checked. A list inside a whereas clause ends
    with the clause, and whereas clauses end with ";".

    An item's ending is its own text outside quoted material: an item that ends with a quoted block ends
    with the block's after-quoted-block text (where the finding points), and a conjunction or period
    inside quoted text is the amended law's, not the item's. The list ends at the first following sibling
    that is no item of it: one with its own header where the first item has none, one without a
    designation (a flush sentence), one whose designation is of another kind ((A) after (1)-(7): a
    proviso's items nested beside the list), or a sentence of its own ("Section 5 of X is amended ...")
    after items in lower case, each misnested as a sibling; so does a provision of its own misplaced among
    amendment instructions (after "is amended— (1) by ...; and (2) by ....", an item "(3) Within 90 days ...,
    the Secretary shall publish—" with no amending verb): the instruction before it rightly ends with ".",
    and the misplaced item is reported instead (it belongs outside the list, as a unit of its own).
    Appropriations language (see wordy-phrase) goes on after its lists with provisos, so its last items are
    not asked for ".".

    The last item of a list nested in the last item of the list above ends that list's sentence too
    ("(2) ... consistent with— (A) State law; and (B) any interstate compact." then no more items).
    Silent on the last item of a list nested in another item of a list above it: it ends with that list's
    ";" ("; and", "; or") where that list goes on, also through a unit with no lead-in of its own ("(3)(A)
    ...; and (B) ... in any manner— (i) ...; or (ii) ...;" then "(4) ..."). Silent where the markup splits
    one item in the middle of a word or sentence ("(B) ... has be" "(C) en published ..."): the two parts
    are read as the one item they are.

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
    whole, items = items, _list_items(doc, items, view)
    if len(items) < len(whole) and doc.text(items[0].el, view).text.lstrip()[:1].islower() \
            and _freestanding(doc, items[0], whole[len(items)], view):
        stray = whole[len(items)]
        yield Report(f"item {stray.cite} gives no amendment instruction, yet it stands in the list of instructions "
                     f"that {prov.cite} opens: a provision of its own, it belongs outside that list",
                     el=stray.el, provision=stray)
    if len(items) < 2:
        return
    ends = [_ending(doc, i, view) for i in items]
    if any(not e for e in ends):
        return
    items, ends = _joined(doc, items, ends, view)
    if len(items) < 2:
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
        block = _closing_block(_last_leaf(item, view).el)
        if block is not None and block.find("after-quoted-block") is not None:
            span = dict(el=block.find("after-quoted-block"), provision=item)   # the item's own ending
        last, next_to_last = k == n - 1, k == n - 2
        leaf = not item.live_children(view)
        if not last and leaf and end.endswith(".") and not item.header \
                and not end.endswith(("U.S.C.", "et seq.", "Inc.", "Co.", "Stat.", "etc.")):
            yield Report(f'item {item.cite} ends with "."; items before the last end with "{sep}"', **span)
        elif not last and not next_to_last and leaf and _CONJ_END.search(end):
            conj = _CONJ_END.search(end).group(0).strip(" ;,")
            yield Report(f'"{conj}" after item {item.cite}: the conjunction goes only after the next-to-last '
                         f"item ({items[-2].cite})", **span)
        elif last and leaf and not continues and prov.quoted is None and end.endswith((";", ",", _QUOTED)) \
                and not _CONJ_END.search(end) and _closes_sentence(doc, prov, view) \
                and not appropriations_text(doc, prov, view):  # appropriations sentences go on (provisos)
            if end.endswith(_QUOTED):
                yield Report(f"the last item {item.cite} ends with quoted text and no punctuation of its own; it "
                             'should end the sentence with "." after the closing quotation mark', **span)
            else:
                yield Report(f'the last item {item.cite} ends with "{end[-1]}"; it should end the sentence with "."',
                             **span)
        first = run.text.lstrip().split(" ", 1)[0]
        if not lower[k] and sum(lower) * 2 > n and first in _CAPITAL_STARTS and not item.header:
            at = len(run.text) - len(run.text.lstrip())
            yield Report(f'item {item.cite} starts with "{first}"; after a dash the items continue the '
                         "sentence in lower case", run=run, start=at, end=at + len(first), provision=item)


def _closes_sentence(doc, prov, view) -> bool:
    """Whether the end of this list is the end of the sentence: nothing of the lead-in's own follows,
    and the provision is not itself an item of a list above it. A unit with no lead-in of its own ("(3)(A)
    the Tribe ...; and (B) the United States ... in any manner— (i) ...; or (ii) ...;") passes its place on:
    when it is an item of a list above, so are its items, and the last of them carries that list's ";"."""
    parent = prov.parent
    while parent is not None and not _lead_in(doc, parent, view).strip():
        prov, parent = parent, parent.parent
    if parent is None:
        # a list inside a whereas clause ends with the clause, and whereas clauses end with ";" ("; and")
        return not any(a.tag == "whereas" for a in prov.el.iterancestors())
    if not _lead_in(doc, parent, view).endswith("—"):
        return True
    # an item of the list above: its sentence ends where that list's does, when it is that list's last item
    # ("(2) ... consistent with— (A) State law; and (B) any interstate compact." ends the sentence)
    kids = parent.live_children(view)
    return bool(kids) and kids[-1] is prov and parent.el.find("continuation-text") is None \
        and len({k.level for k in kids}) == 1 and _closes_sentence(doc, parent, view)


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
