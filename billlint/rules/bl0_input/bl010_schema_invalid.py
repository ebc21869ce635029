"""BL010 schema-invalid: reported by the loader (pipeline/load.py); the docstring below is its user documentation."""

from ..registry import declare

declare("BL010", "schema-invalid", "error", module=__name__, doc="""
A USLM document does not conform to the USLM schema it names (xsi:schemaLocation, e.g. uslm-2.1.0.xsd, or
USLM-1.0.18.xsd for the House's USLM 1.0 namespace).

USLM bills are validated with xmlschema against the XSD found the way the DTDs are (`--dtd FOLDER`, config,
BILLLINT_DTD, the user cache; see dtd-not-found); nothing is fetched, and a compiled schema is kept in the
user cache (keyed by the schema files' contents), so it is compiled once per machine. One finding per kind
of schema error, at its first place, saying how often it occurs and on which elements (a converter's
attribute on every provision is one finding, not hundreds; so is one misplaced element wherever in its
parent it stands, and one attribute whatever its bad values: 38 table columns with fractional widths). The bill-DTD rules run on USLM too (billlint
reads USLM 2.x and 1.0 onto the same model).

Certain (error): the schema validator rejects the document.

Bad: a `<section>` holding an element the schema does not allow there.
Good: a document that validates against uslm-2.1.0.xsd.
""")
