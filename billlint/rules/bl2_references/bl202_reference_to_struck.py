"""BL202 reference-to-struck: the rule's docstring is its user documentation."""

from __future__ import annotations

from ...analysis import references as refs
from ...model.findings import Report
from ..registry import rule
from .common import internal, quoted


@rule("BL202", "reference-to-struck", "error", reads=("references",))
def reference_to_struck(doc, view):
    """
    A cross-reference resolves only to text the committee struck.

    In a reported bill the reference should point at a provision of the version being reported; a
    provision that survives only in struck text is gone.

    Certain (error): the reference stands in the bill's own text (not quoted, not another law's), resolves
    in the version with struck text and in no live provision of the reported version. Only references read
    as this bill's (not quoted text, amendment instructions or other laws' units) are checked.
    A section or unit the committee renumbered in place ("SEC. [3] 2.") is live under its new number: a
    reference to section 2 names it, not the struck section 2 it replaced.

    Bad: "subsection (c)" when subsection (c) is shown struck through and nothing replaced it.
    Good: a reference to a live provision.
    """
    if not doc.has_changes:
        return
    for r in internal(doc, view):
        for chain, struck in zip(r.chains, r.struck):
            if struck:
                yield Report(f"{quoted(r.text)} points at {refs.cite_chain(chain)}, which exists only in struck text",
                             run=r.run, start=r.start, end=r.end, provision=r.prov)
