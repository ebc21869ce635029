"""BL614 bills-disagree."""

from __future__ import annotations

from ..registry import rule
from .bl611_act_public_law import disagreements
from .common import dash, law, report


@rule("BL614", "bills-disagree", "info", reads=("text",))
def bills_disagree(doc, view):
    """
    An Act's Public Law number on which the bills in the citation index are split evenly.

    As many bills (two or more) give this number as give another; or this bill itself gives the Act two
    numbers, each as often. A question for the drafter, not a finding of error: look the law up.

    Bad: (with two bills each way in the index) "the X Act of 2015 (Public Law 114–25)".
    Good: a number most bills give.
    """
    for c, got, where in disagreements(doc, view):
        if got[0]:
            continue
        if where == "index":
            yield report(c, f"{c.act.name}: other bills disagree on its number ({got[2]} give {law(c)}, {got[1]} "
                            f"another)")
        else:
            yield report(c, f"{c.act.name}: this bill gives it {law(c)} here and Public Law {dash(got[3])} "
                            f"elsewhere, as often")
