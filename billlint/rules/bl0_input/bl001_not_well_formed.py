"""BL001 not-well-formed: reported by the loader (pipeline/load.py); the docstring below is its user documentation."""

from ..registry import declare

declare("BL001", "not-well-formed", "error", module=__name__, doc="""
The file is not well-formed XML, is empty, or is not text at all.

billlint reports the parser's message with its line and column and checks nothing else in the file.
The other files of the batch are still checked.

Certain (error): the XML parser itself rejects the file; no reading of the bill makes it XML.

Bad: `<bill><legis-body></bill>` (mismatched tag).
Good: every element closed in order.
""")
