"""BL008 internal-error: reported by the loader (pipeline/load.py); the docstring below is its user documentation."""

from ..registry import declare

declare("BL008", "internal-error", "error", module=__name__, doc="""
billlint itself failed on this file (a bug in billlint, not in the bill).

The message names the exception. The other files of the batch are still checked; please report the
file and the message so the bug can be fixed.

An error because nothing was checked in the file: its other findings are missing, not absent.
""")
