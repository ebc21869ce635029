"""BL614 bills-disagree."""

from __future__ import annotations

from ..registry import rule
from .bl611_act_public_law import disagreements
from .common import law, report


@rule("BL614", "bills-disagree", "info")
def bills_disagree(doc, view):
    """
    An Act's Public Law number on which the bills in the citation index are split evenly.

    As many bills (two or more) give this number as give another. A question for the drafter, not a finding of error: look the
    law up.

    Bad: (with two bills each way in the index) "the X Act of 2015 (Public Law 114–25)".
    Good: a number most bills give.
    """
    for c, (best, n, mine) in disagreements(doc, view):
        if not best:
            yield report(c, f"{c.act.name}: other bills disagree on its number ({mine} give {law(c)}, {n} "
                            f"another)")
