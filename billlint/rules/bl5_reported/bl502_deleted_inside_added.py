"""BL502 deleted-inside-added: the rule's docstring is its user documentation."""

from __future__ import annotations

from ...model.findings import Report
from ..registry import rule
from .common import changed


@rule("BL502", "deleted-inside-added", "error", reads=("markup",), view_dependent=False)
def deleted_inside_added(doc, view):
    """
    Struck text inside inserted text (or inserted text inside struck text).

    Within a change, the markup says what the committee did once: a deleted element inside an added
    one is struck text that was never there to strike. `not-changed` between them resets the state and
    is fine.

    Certain (error): the `changed` attributes and change elements nest that way in the file; no reading of
    the text changes what the markup says.

    Bad: `<subsection changed="added"> ... <deleted-phrase>old</deleted-phrase> ...`.
    Good: the added text holds only the new words.
    """
    for el, kind in changed(doc):
        parent = el.getparent()
        outer = doc.state(parent) if parent is not None else None
        if outer and outer != kind:
            yield Report(f"{el.tag} marked {kind} inside text marked {outer}", el=el)
