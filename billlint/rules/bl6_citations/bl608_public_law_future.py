"""BL608 public-law-future."""

from __future__ import annotations

from ...analysis import citations as cx
from ..registry import rule
from .common import cites, law, ordinal, report


@rule("BL608", "public-law-future", "warning", reads=("text", "markup"))
def public_law_future(doc, view):
    """
    A Public Law of a Congress later than the bill's own.

    For example: a bill of the 118th Congress citing "Public Law 181–5" (or any number of the 119th).

    No bill can cite a law that a later Congress will make. The bill's Congress is read from its
    <congress> line; without one the rule is silent. Public Law numbers begin with the 57th Congress
    (1901), so an earlier Congress is reported too.

    Bad: (in a bill of the 118th Congress) "the Act (Public Law 181–5)".
    Good: "the Act (Public Law 118–5)".
    """
    own = cx.congress_of(doc)
    if not own:
        return
    for c in cites(doc, view, cx.PUBLIC_LAW):
        if c.congress > own:
            yield report(c, f"{law(c)}: a law of the {ordinal(c.congress)} Congress, cited in a bill of the {ordinal(own)}")
        elif c.congress < 57:
            yield report(c, f"{law(c)}: Public Laws are numbered from the 57th Congress (1901)")
