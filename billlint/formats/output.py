"""Where a report goes: a stream opened before the work (a missing folder fails at once, not after it), closed
with a full device's error caught, and standard output set aside once it cannot be written."""

from __future__ import annotations

import os
import sys

from . import printable


def open_report(output_file):
    """The report's stream. Characters the encoding cannot write come out as escapes, never as an error."""
    if not output_file:
        return sys.stdout
    try:
        return open(output_file, "w", encoding="utf-8", errors="backslashreplace")
    except ValueError as e:       # a NUL in the name
        raise OSError(str(e)) from None


def close_report(out, output_file, trouble: list | None = None) -> None:
    """Close a report file; the error of its last buffer meeting a full device goes into `trouble`."""
    if not output_file:
        return
    try:
        out.close()
    except OSError as e:
        if trouble is not None and not trouble:
            trouble.append(f"cannot write the report to {printable(output_file)}: {e.strerror or e}")


def discard_stdout() -> None:
    """What stdout still buffers can never be written: point it at /dev/null so exiting does not fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass
