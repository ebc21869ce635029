"""BL004 unsafe-xml: reported by the loader (pipeline/load.py); the docstring below is its user documentation."""

from ..registry import declare

declare("BL004", "unsafe-xml", "error", module=__name__, doc="""
The document declares an external entity, or an entity expansion that grows out of bounds.

billlint never loads external entities (`<!ENTITY x SYSTEM "file:///etc/passwd">`) and never fetches
anything over the network; the entity is reported and left unexpanded. Nested entity expansion
("billion laughs") is stopped by the parser's amplification limit and reported.

Certain (error): the declaration is in the file, whatever it was meant for.

Bad: `<!DOCTYPE bill [<!ENTITY x SYSTEM "file:///etc/passwd">]>`.
Good: no internal subset, or one that declares only plain internal entities.
""")
