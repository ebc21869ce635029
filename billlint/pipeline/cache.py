"""The result cache: findings of a file, keyed by its content, billlint's version, the effective options
and the DTD used. A re-run over unchanged files reads the findings back instead of checking again.

Entries are written atomically (temporary file, then rename), so concurrent runs never see half a file;
an entry that cannot be read is ignored and rebuilt.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import tempfile
from dataclasses import asdict
from pathlib import Path

from platformdirs import user_cache_dir

from .. import __version__
from ..model.findings import Finding, Fix


@functools.lru_cache(maxsize=1)
def _code_fingerprint() -> str:
    """billlint's own files (code and word lists) by size and time: an edited checkout never reads stale results."""
    from .. import data
    parts = []
    for folder in (Path(__file__).parent, data.path("rules", "confusables.toml").parent):
        for p in sorted(folder.rglob("*")):
            if p.suffix in (".py", ".toml") and p.is_file():
                st = p.stat()
                parts.append(f"{p.name}:{st.st_size}:{st.st_mtime_ns}")
    return hashlib.sha256("|".join(parts).encode()).hexdigest()


def default_dir() -> Path:
    return Path(user_cache_dir("billlint")) / "results"


class Cache:
    def __init__(self, folder: Path | str):
        self.folder = Path(folder)

    def key(self, data: bytes, context: str) -> str:
        h = hashlib.sha256()
        h.update(__version__.encode())
        h.update(_code_fingerprint().encode())
        h.update(b"\0")
        h.update(context.encode())
        h.update(b"\0")
        h.update(data)
        return h.hexdigest()

    def _file(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"

    def get(self, key: str, path: str) -> list[Finding] | None:
        try:
            with open(self._file(key), encoding="utf-8") as f:
                items = json.load(f)
            return [_finding(item, path) for item in items]
        except (OSError, ValueError, TypeError, KeyError):
            return None  # missing or corrupt: check the file again

    def put(self, key: str, findings: list[Finding]) -> None:
        target = self._file(key)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=target.parent)
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                json.dump([_item(x) for x in findings], f)
            os.chmod(tmp, 0o644)   # readable like any cache file (mkstemp makes it private)
            os.replace(tmp, target)
        except OSError:
            pass  # a cache that cannot be written is no reason to fail the check


def _item(f: Finding) -> dict:
    d = asdict(f)
    d.pop("path")
    return d


def _finding(item: dict, path: str) -> Finding:
    fix = item.pop("fix", None)
    return Finding(path=path, fix=Fix(**fix) if fix else None, **item)


def dtd_fingerprint(found) -> str:
    """What identifies the DTD a file was validated against."""
    if found is None:
        return "no-dtd"
    path = found.location
    if os.path.isfile(path):
        st = os.stat(path)
        return f"{path}:{st.st_size}:{st.st_mtime_ns}"
    return f"{found.source}:{path}"
