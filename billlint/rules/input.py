"""BL0xx: input and schema. These are reported by the loader (load.py), not by checks over the model."""

from .registry import Rule, add

add(Rule("BL001", "not-well-formed", "error", """
The file is not well-formed XML, is empty, or is not text at all.

billlint reports the parser's message with its line and column and checks nothing else in the file.
The other files of the batch are still checked.

Bad: `<bill><legis-body></bill>` (mismatched tag).
Good: every element closed in order.
"""))

add(Rule("BL002", "dtd-invalid", "error", """
The document does not conform to the bill DTD for its root element.

One finding per error the validator reports. The DTD is chosen by the root element (`bill` -> bill.dtd,
`resolution` -> res.dtd, `amendment-doc` -> amend.dtd), whatever the DOCTYPE says.

USLM documents are checked against their XSD instead (schema-invalid).

Bad: a `<section>` without its `<enum>`, or an attribute the DTD does not declare.
Good: a document that `xmllint --noout --dtdvalid bill.dtd` accepts.
"""))

add(Rule("BL003", "dtd-not-found", "warning", """
billlint could not find the official DTD for this document type, so it did not validate.

billlint does not ship GPO's DTDs. It looks for them in order: `--dtd PATH`, `dtd` in the config file,
the `BILLLINT_DTD` environment variable, an XML catalog (`XML_CATALOG_FILES`), and the user cache that
`billlint dtd install FOLDER-OR-URL` fills. Reported once per document type per run; the other rules run.

Fix: `billlint dtd install path/to/dtd-folder`, or `billlint check --dtd path/to/dtd-folder`.
"""))

add(Rule("BL004", "unsafe-xml", "error", """
The document declares an external entity, or an entity expansion that grows out of bounds.

billlint never loads external entities (`<!ENTITY x SYSTEM "file:///etc/passwd">`) and never fetches
anything over the network; the entity is reported and left unexpanded. Nested entity expansion
("billion laughs") is stopped by the parser's amplification limit and reported.

Bad: `<!DOCTYPE bill [<!ENTITY x SYSTEM "file:///etc/passwd">]>`.
Good: no internal subset, or one that declares only plain internal entities.
"""))

add(Rule("BL005", "doctype-mismatch", "error", """
The DOCTYPE names a different document type than the root element.

billlint validates against the DTD for the root element; a DOCTYPE that says `bill` over a
`<resolution>` misleads every other tool that trusts the DOCTYPE.

Does not apply to USLM documents, which have no DOCTYPE.

Bad: `<!DOCTYPE bill PUBLIC "-//US Congress//DTDs/bill.dtd//EN" "bill.dtd"><resolution ...>`.
Good: `<!DOCTYPE resolution PUBLIC "-//US Congress//DTDs/res.dtd//EN" "res.dtd"><resolution ...>`.
"""))

add(Rule("BL006", "unreadable", "error", """
The path could not be read: it does not exist, is a directory where a file was expected, or cannot be opened.

Bad: `billlint check missing.xml`.
Good: a path to a readable file (directories given on the command line are searched for `*.xml`).
"""))

add(Rule("BL007", "unsupported-document", "warning", """
The root element is not one billlint checks (`bill`, `resolution`, `amendment-doc`).

The file is well-formed XML but of another kind (an XSD, a USLM document, an unrelated file), so no
rule runs on it.

Bad: `<xs:schema>` passed to `billlint check`.
Good: a bill-DTD document.
"""))

add(Rule("BL008", "internal-error", "error", """
billlint itself failed on this file (a bug in billlint, not in the bill).

The message names the exception. The other files of the batch are still checked; please report the
file and the message so the bug can be fixed.
"""))

add(Rule("BL009", "unused-suppression", "warning", """
A `<?billlint disable ...?>` processing instruction hides no finding, or cannot be read.

Suppressions are for findings a drafter has looked at and decided to keep; one that no longer hides
anything is stale and should go. The form is `<?billlint disable CODE[,CODE] -- reason?>` before the
element it covers, or `<?billlint disable-file CODE?>` anywhere for the whole file.

Bad: `<?billlint disable BL201?>` before a section with no unresolved reference.
Good: the suppression removed, or kept only where the finding it hides still stands.
"""))

add(Rule("BL010", "schema-invalid", "error", """
A USLM document does not conform to the USLM schema it names (xsi:schemaLocation, e.g. uslm-2.1.0.xsd).

USLM bills are validated with xmlschema against the XSD found the way the DTDs are (`--dtd FOLDER`, config,
BILLLINT_DTD, the user cache); the schema is compiled once per run and nothing is fetched. One finding per
schema error, with its line. The bill-DTD rules run on USLM too (billlint reads USLM onto the same model).

Bad: a `<section>` holding an element the schema does not allow there.
Good: a document that validates against uslm-2.1.0.xsd.
"""))
