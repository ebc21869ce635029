"""BL006 unreadable: reported by the loader (pipeline/load.py); the docstring below is its user documentation."""

from ..registry import declare

declare("BL006", "unreadable", "error", module=__name__, doc="""
The path could not be read: it does not exist, is a directory where a file was expected, or cannot be opened.

Bad: `billlint check missing.xml`.
Good: a path to a readable file (directories given on the command line are searched for `*.xml`).
""")
