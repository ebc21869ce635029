"""BL010 schema-invalid: reported by the loader (pipeline/load.py); the docstring below is its user documentation."""

from ..registry import declare

declare("BL010", "schema-invalid", "error", module=__name__, doc="""
A USLM document does not conform to the USLM schema it names (xsi:schemaLocation, e.g. uslm-2.1.0.xsd).

USLM bills are validated with xmlschema against the XSD found the way the DTDs are (`--dtd FOLDER`, config,
BILLLINT_DTD, the user cache); the schema is compiled once per run and nothing is fetched. One finding per
schema error, with its line. The bill-DTD rules run on USLM too (billlint reads USLM onto the same model).

Bad: a `<section>` holding an element the schema does not allow there.
Good: a document that validates against uslm-2.1.0.xsd.
""")
