"""Discovery, the first stage: the paths on the command line -> the files to check."""

from __future__ import annotations

import os


def discover(paths: list[str], settings=None) -> list[str]:
    """Files to check: files as given, directories searched for *.xml (config excludes applied), sorted."""
    out: list[str] = []
    seen: set[str] = set()
    for p in paths:
        if os.path.isdir(p):
            found = []
            for dirpath, dirnames, filenames in os.walk(p, followlinks=False):
                dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
                found += [os.path.join(dirpath, f) for f in filenames if f.lower().endswith(".xml")]
            items = sorted(f for f in found if settings is None or not settings.config_for(f).excluded(f))
        else:
            items = [p]
        for item in items:
            key = os.path.normpath(item)
            if key not in seen:
                seen.add(key)
                out.append(item)
    return out
