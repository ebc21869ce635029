"""BL003 dtd-not-found: reported by the loader (pipeline/load.py); the docstring below is its user documentation."""

from ..registry import declare

declare("BL003", "dtd-not-found", "warning", module=__name__, doc="""
billlint could not find the official DTD for this document type, so it did not validate.

billlint does not ship GPO's DTDs. GPO publishes them at https://github.com/usgpo/bill-dtd (and the USLM
schemas at https://github.com/usgpo/uslm). billlint looks for them in order: `--dtd PATH`, `dtd` in the
config file, the `BILLLINT_DTD` environment variable, an XML catalog (`XML_CATALOG_FILES`), and the user cache
that `billlint dtd install` fills. Reported once per document type per run; the other rules run.

Fix: `billlint dtd install` (downloads GPO's files), `billlint dtd install path/to/dtd-folder`, or
`billlint check --dtd path/to/dtd-folder`; in a repository, commit the DTDs and set `dtd = "folder"` in
billlint.toml.
""")
