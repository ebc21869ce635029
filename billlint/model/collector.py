"""Pausing Python's cycle collector while an engine builds its many small objects.

An engine such as the reference finder makes tens of thousands of objects a bill keeps (references, citations)
and creates no reference cycles (everything it throws away is freed by its count). While it runs, the collector
would still walk every tracked object of the process again and again as allocations pile up: a fifth of the
CPU of a corpus run. Pausing it there changes nothing but that work; what was allocated meanwhile is
collected as usual once it resumes.
"""

from __future__ import annotations

import gc
from contextlib import contextmanager


@contextmanager
def paused():
    """The collector off inside the block, as it was after it (a caller that turned it off keeps it off)."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()
