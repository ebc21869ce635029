"""BL009 unused-suppression: reported by the loader (pipeline/load.py); the docstring below is its user documentation."""

from ..registry import declare

declare("BL009", "unused-suppression", "warning", module=__name__, doc="""
A `<?billlint disable ...?>` processing instruction hides no finding, or cannot be read.

Suppressions are for findings a drafter has looked at and decided to keep; one that no longer hides
anything is stale and should go. The form is `<?billlint disable CODE[,CODE] -- reason?>` before the
element it covers, or `<?billlint disable-file CODE?>` anywhere for the whole file.

Bad: `<?billlint disable BL201?>` before a section with no unresolved reference.
Good: the suppression removed, or kept only where the finding it hides still stands.
""")
