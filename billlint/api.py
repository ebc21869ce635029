"""The Python API: what the `check`, `changes` and `diff` commands do, as functions.

    import billlint
    for f in billlint.check("bills/", select=["BL4"]):
        print(f.path, f.line, f.code, f.message)
    findings = billlint.check(b"<bill>...</bill>", filename="draft.xml")
    report = billlint.changes("reported.xml")          # report.changes: [Change], each with .to_dict()
    report = billlint.diff("introduced.xml", "reported.xml")

check() reads config files as the command line does (unless isolated=True) and never uses the network.
Errors in what is asked (an unknown rule, a bad config file, a --dtd path that does not exist, a document
changes()/diff() cannot read) raise billlint.Error; problems in the documents themselves are findings.
"""

from __future__ import annotations

import os
from typing import Iterable, Union

from .model.findings import Finding, Fix  # noqa: F401  (part of the API)

Source = Union[str, os.PathLike, bytes, Iterable[Union[str, os.PathLike]]]


class Error(Exception):
    """A request billlint cannot carry out (not a finding)."""


def _is_document(source) -> bool:
    return isinstance(source, (bytes, bytearray)) or (isinstance(source, str) and source.lstrip().startswith("<"))


def check(source: Source, *, select: Iterable[str] | None = None, ignore: Iterable[str] = (),
          extend_select: Iterable[str] = (), dtd: str | os.PathLike | Iterable | None = None,
          view: str | None = None, validate: bool = True, config: str | os.PathLike | None = None,
          isolated: bool = False, filename: str = "<document>", jobs: int = 1) -> list[Finding]:
    """Check bill XML and return the findings, sorted by file and position.

    source: a path (file or folder), a list of paths, or one document's text as bytes or str (named
    `filename` in the findings). Other arguments are the `check` command's options; `dtd` a folder or file
    (or several). Suppressions and [severity] overrides apply; no result cache is read or written.
    """
    from .pipeline import dtd as dtds
    from .pipeline.options import ConfigError, Settings
    from .pipeline.workers import run

    dtd_paths = () if dtd is None else (str(dtd),) if isinstance(dtd, (str, os.PathLike)) else tuple(map(str, dtd))
    stdin = None
    paths: list[str] = []
    if _is_document(source):
        data = source.encode("utf-8") if isinstance(source, str) else bytes(source)
        stdin = (filename, data)
    elif isinstance(source, (str, os.PathLike)):
        paths = [os.fspath(source)]
    else:
        paths = [os.fspath(p) for p in source]
    try:
        settings = Settings(list(select) if select else None, list(ignore), list(extend_select), view, validate,
                            dtd_paths, str(config) if config else None, isolated, cache_dir=None)
        settings.options_for(paths[0] if paths else filename)
        _files, findings = run(paths, settings, stdin=stdin, jobs=jobs)
    except (dtds.DTDError, ConfigError, ValueError) as e:
        raise Error(str(e)) from None
    return findings


def _document(source, filename: str = "<document>"):
    from .pipeline.load import load
    if _is_document(source):
        data = source.encode("utf-8") if isinstance(source, str) else bytes(source)
        loaded = load(filename, None, data=data, validate=False)
    else:
        loaded = load(os.fspath(source), None, validate=False)
    if loaded.doc is None:
        p = loaded.problems[0]
        raise Error(f"{loaded.path}:{p.line}:{p.column}: {p.message}")
    return loaded.doc


def changes(source, *, filename: str = "<document>"):
    """What the committees struck and inserted in a reported bill (a path, or the document as bytes or str).

    Returns a report with .title, .committees and .changes (each change has .provision, .change ("added",
    "deleted" or "modified"), .before, .after, .line, .diff and .to_dict())."""
    from .analysis import changes as ch
    return ch.report(_document(source, filename))


def diff(old, new):
    """The provision-by-provision changes from one version of a bill to another (paths, or bytes or str)."""
    from .analysis import changes as ch
    return ch.diff(_document(old, "<old>"), _document(new, "<new>"))
