"""BL305 after-quoted-block-punctuation: the rule's docstring is its user documentation."""

from __future__ import annotations

from ...analysis import amendments as am
from ...model.findings import Report
from ..registry import rule
from .common import parsed


@rule("BL305", "after-quoted-block-punctuation", "warning", reads=("instructions", "provisions"))
def after_quoted_block_punctuation(doc, view):
    """
    The punctuation after a quoted block does not fit its place in the list of instructions.

    In "(1) by adding ... the following: "...". (2) ..." lists, the text after each quoted block ends the
    item as its place requires: ";" after an item in the middle, "; and" after the next-to-last item,
    "." after the last.

    The list ends at the first sibling that is not an item of it: a unit with its own header, an
    undesignated one, a sentence of its own ("Section X is amended ..."), or a provision of its own misplaced
    among the instructions (a sentence in capitals with no amending verb: "(3) Within 90 days ..., the
    Secretary shall publish—"); the item before it is the last, and rightly ends with ".".

    Bad: the next-to-last item's quoted block followed by ".".
    Good: "; and" after the next-to-last, "." after the last.
    """
    for ins in parsed(doc, view):
        block, prov = ins.block, ins.prov
        if block is None or prov.parent is None:
            continue
        after = block.find("after-quoted-block")
        if after is None or after is not block[-1] or block is not _last_content(prov):
            continue
        where = _place(doc, prov, view)
        if where is None:
            continue
        place, item = where
        got = " ".join("".join(after.itertext()).split())
        want = {"last": ".", "next-to-last": "; and", "middle": ";"}[place]
        ok = {".": (".",), "; and": ("; and", "; or", ", and", ", or"), ";": (";", "; and", "; or", ",")}[want]
        if got in ok or got.endswith(".") and want == "." or not got:
            continue
        whose = f"this instruction is the {place} of its list" if item is prov else \
            f"this instruction ends {item.cite}, the {place} of its list"
        yield Report(f'after the quoted block: expected "{want}" ({whose}), found "{got}"', el=after, provision=prov)


def _place(doc, prov, view) -> tuple | None:
    """Where an instruction item stands: "middle", "next-to-last" or "last" (at every level of nested
    lists: the last item of an inner list takes the place of its parent in the list above), with the item
    whose place that is. None for an item that is a sentence of its own ("(2) Section 5 is amended by ...")."""
    if am.AMENDED.search(doc.text(prov.el, view).text):
        return None
    node = prov
    while node.parent is not None and _is_instruction_list(doc, node.parent, view):
        siblings = [s for s in node.parent.live_children(view) if s.level == node.level]
        if len(siblings) < 2 or node not in siblings or not _item(doc, node, view):
            return None
        # the list ends at the first sibling that is not an item of it: a headed unit, an undesignated one, or a
        # sentence of its own ("(4) Determination.—Section 1860D–14 ... is amended ...")
        i = siblings.index(node)
        siblings = siblings[:next((k for k in range(i + 1, len(siblings)) if not _item(doc, siblings[k], view)),
                                  len(siblings))]
        if len(siblings) < 2:
            return None
        i = siblings.index(node)
        if i == len(siblings) - 2:
            return "next-to-last", node
        if i < len(siblings) - 2:
            return "middle", node
        node = node.parent
    return ("last", node) if node is not prov else None


def _item(doc, prov, view) -> bool:
    # "is amended" in its own words, not in a quotation it inserts
    own = am.Placed(doc.text(prov.el, view)).text
    return prov.header is None and prov.designation is not None and not am.AMENDED.search(own) \
        and not (own.lstrip()[:1].isupper() and not am.instructs(doc, prov, view))


def _last_content(prov):
    kids = [c for c in prov.el if isinstance(c.tag, str)]
    return kids[-1] if kids else None


def _is_instruction_list(doc, parent, view) -> bool:
    text = doc.text(parent.el, view).text.rstrip()
    return text.endswith("—") and bool(am.AMENDED.search(text) or am.IN.match(text))
