"""BL007 unsupported-document: reported by the loader (pipeline/load.py); the docstring below is its user documentation."""

from ..registry import declare

declare("BL007", "unsupported-document", "warning", module=__name__, doc="""
The root element is not one billlint checks (`bill`, `resolution`, `amendment-doc`).

The file is well-formed XML but of another kind (an XSD, an unrelated file), so no rule runs on it. USLM
documents (GPO's USLM 2.x and the House's USLM 1.0 namespace) are read, not reported here.

Bad: `<xs:schema>` passed to `billlint check`.
Good: a bill-DTD document.
""")
