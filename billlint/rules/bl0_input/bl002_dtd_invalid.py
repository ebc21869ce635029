"""BL002 dtd-invalid: reported by the loader (pipeline/load.py); the docstring below is its user documentation."""

from ..registry import declare

declare("BL002", "dtd-invalid", "error", module=__name__, doc="""
The document does not conform to the bill DTD for its root element.

One finding per error the validator reports. The DTD is chosen by the root element (`bill` -> bill.dtd,
`resolution` -> res.dtd, `amendment-doc` -> amend.dtd), whatever the DOCTYPE says.

USLM documents are checked against their XSD instead (schema-invalid).

Certain (error): the validator rejects the document, with the same verdict as `xmllint --dtdvalid` file by file.
Errors that come only from the published DTD lagging GPO's own practice are dtd-behind-practice (info), not this.

Bad: a `<section>` without its `<enum>`, or an attribute the DTD does not declare.
Good: a document that `xmllint --noout --dtdvalid bill.dtd` accepts.
""")
