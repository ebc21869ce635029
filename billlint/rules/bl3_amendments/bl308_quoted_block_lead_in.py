"""BL308 quoted-block-lead-in: the rule's docstring is its user documentation."""

from __future__ import annotations

from ...model.findings import Report
from ...model.textrun import local
from ...model.vocabulary import LEVEL_SET
from ..registry import rule


@rule("BL308", "quoted-block-lead-in", "warning", reads=("markup", "text"), since="0.1.0")
def quoted_block_lead_in(doc, view):
    """
    The words before a quoted block do not end with a colon.

    An instruction introduces the text it inserts with a colon: "by adding at the end the following:",
    "is amended to read as follows:" (HOLC Manual 332); a dash may introduce it too. Words that run on into
    the block ("and inserting" then the block), or end with a period or semicolon, leave the reader
    unsure where the instruction ends and the inserted text begins.

    Not reported: a block printed in line with the text (display-inline="yes-display-inline"), whose
    quotation runs on from the sentence; inserted text that opens in the sentence itself ("the
    following: “market; or" and the block going on); a sentence ending in a quotation; and an empty
    block (empty-provision reports it). USLM documents are not checked: their quoted content does not say
    whether it is printed in line.

    Bad: "by striking “Subparagraphs” and inserting" followed by a quoted block.
    Good: "by striking “Subparagraphs” and inserting the following:" followed by the block.
    """
    if doc.format != "bill-dtd":
        return   # USLM's quoted content does not say whether it is printed in line
    for qb in doc.root.iter("quoted-block"):
        if qb.get("display-inline") == "yes-display-inline" or not doc.in_view(qb, view) \
                or any(a.tag == "quoted-block" for a in qb.iterancestors()) or not _content(qb):
            continue
        words = _lead_in(qb)
        if words is None:
            continue
        s = " ".join(words.split())
        if not s or s.endswith((":", "—", "–", "--")):
            continue
        tail = s[s.rfind(":") + 1:]
        if tail.count("“") > tail.count("”"):
            continue   # the inserted text opens in the sentence and goes on in the block
        inline = " (or, if it is meant to run on in line, mark it display-inline=\"yes-display-inline\")" \
            if s[-1].isalnum() else ""
        yield Report(f"the words before the quoted block end \"…{s[-40:]}\": a quoted block is introduced with "
                     f"\":\" (\"… the following:\"){inline}", el=qb, provision=doc.provision_of(qb))


def _content(qb) -> bool:
    return any(isinstance(c.tag, str) and (c.tag in LEVEL_SET or c.tag == "text") for c in qb)


def _lead_in(qb) -> str | None:
    """The text just before the block: a text element's words, or text run on before it; None for anything
    else (a table, another block) or a text that ends with a quotation."""
    prev = qb.getprevious()
    while prev is not None and not isinstance(prev.tag, str) and not (prev.tail or "").strip():
        prev = prev.getprevious()
    if prev is None:
        return qb.getparent().text
    if (prev.tail or "").strip():
        return prev.tail
    if local(prev.tag) != "text":
        return None
    kids = [k for k in prev if isinstance(k.tag, str)]
    if kids and local(kids[-1].tag) == "quote" and not (kids[-1].tail or "").strip():
        return None
    return "".join(prev.itertext())
