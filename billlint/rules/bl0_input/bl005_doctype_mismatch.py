"""BL005 doctype-mismatch: reported by the loader (pipeline/load.py); the docstring below is its user documentation."""

from ..registry import declare

declare("BL005", "doctype-mismatch", "error", module=__name__, doc="""
The DOCTYPE names a different document type than the root element.

billlint validates against the DTD for the root element; a DOCTYPE that says `bill` over a
`<resolution>` misleads every other tool that trusts the DOCTYPE.

Does not apply to USLM documents, which have no DOCTYPE.

Certain (error): the DOCTYPE's name and the root element's name differ; a validator that trusts the
DOCTYPE rejects the file.

Bad: `<!DOCTYPE bill PUBLIC "-//US Congress//DTDs/bill.dtd//EN" "bill.dtd"><resolution ...>`.
Good: `<!DOCTYPE resolution PUBLIC "-//US Congress//DTDs/res.dtd//EN" "res.dtd"><resolution ...>`.
""")
