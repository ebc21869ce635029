"""The progress bar `check` shows on stderr for batches on a terminal."""

from __future__ import annotations

import sys

import click

from . import HUMAN


def progress_bar(total: int, fmt: str, output_file, off: bool):
    """A progress bar on stderr for batches on a terminal, in human formats only."""
    import contextlib
    if off or total <= 5 or fmt not in HUMAN or not sys.stderr.isatty() or \
            (not output_file and not sys.stdout.isatty()):
        return contextlib.nullcontext(None)

    @contextlib.contextmanager
    def bar():
        found = [0]
        with click.progressbar(length=total, file=sys.stderr, label="checking",
                               item_show_func=lambda _: f"{found[0]} findings") as b:
            def tick(_path, n):
                found[0] += n
                b.update(1)
            yield tick
    return bar()
