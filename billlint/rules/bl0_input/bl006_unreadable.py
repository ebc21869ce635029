"""BL006 unreadable: reported by the loader (pipeline/load.py); the docstring below is its user documentation."""

from ..registry import declare

declare("BL006", "unreadable", "error", module=__name__, doc="""
The path could not be read: it does not exist, is a directory where a file was expected, or cannot be opened.

billlint reads regular files only, and none over 100 MB (standard input included): a FIFO, a device such as
`/dev/zero` or a socket given by name is reported and never opened for reading in a way that could block; in
a searched folder it is passed over. The limit is checked before any byte is read, with the result cache on
or off.

Certain (error): the operating system refused the read, or the path is not a regular file.

Bad: `billlint check missing.xml`.
Good: a path to a readable file (directories given on the command line are searched for `*.xml`).
""")
