"""The result cache: findings of a file, keyed by its content, billlint's version, the effective options
and the DTD used. A re-run over unchanged files reads the findings back instead of checking again.

Entries are written atomically (temporary file, then rename), so concurrent runs never see half a file.
Each entry names its format version and carries a checksum of its findings; on reading, the version, the
checksum and every field's type are checked, and anything odd (a hand-edited `{}`, a bad severity, a
truncated file) is a miss: the file is checked again, never trusted.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import tempfile
from pathlib import Path

from platformdirs import user_cache_dir

from .. import __version__
from ..model.findings import Finding, Fix
from ..model.vocabulary import SEVERITIES

FORMAT = 2     # the entry layout; bump when Finding or Fix changes


@functools.lru_cache(maxsize=1)
def _code_fingerprint() -> str:
    """billlint's own files (code and word lists) by size and time: an edited checkout never reads stale results."""
    from .. import data
    parts = []
    for folder in (Path(__file__).parents[1], data.path("rules", "confusables.toml").parent):   # every module, rules too
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
        from .load import read_regular
        try:
            entry = json.loads(read_regular(str(self._file(key)), ENTRY_BYTES))
            if not isinstance(entry, dict) or entry.get("format") != FORMAT or entry.get("key") != key:
                return None
            items = entry.get("findings")
            if not isinstance(items, list) or entry.get("sha256") != _checksum(items):
                return None
            return [_finding(item, path) for item in items]
        except (OSError, ValueError, TypeError, KeyError, AttributeError):
            return None  # missing, foreign or corrupt: check the file again

    def put(self, key: str, findings: list[Finding]) -> None:
        target = self._file(key)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=target.parent)
            items = [_item(x) for x in findings]
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                json.dump({"format": FORMAT, "key": key, "sha256": _checksum(items), "findings": items}, f)
            os.chmod(tmp, 0o644)   # readable like any cache file (mkstemp makes it private)
            os.replace(tmp, target)
        except OSError:
            pass  # a cache that cannot be written is no reason to fail the check


def _item(f: Finding) -> dict:
    d = dict(vars(f))   # shallow: the fields are plain values, and the fix is copied below
    d["fix"] = dict(vars(f.fix)) if f.fix is not None else None
    d.pop("path")
    return d


ENTRY_BYTES = 50_000_000

_FIELDS = {"line": int, "column": int, "code": str, "name": str, "severity": str, "message": str, "provision": str,
           "end_line": int, "end_column": int, "text": str}
_FIX_FIELDS = {"start": int, "end": int, "replacement": str, "safe": bool, "digest": str}


def _checksum(items: list) -> str:
    return hashlib.sha256(json.dumps(items, sort_keys=True, ensure_ascii=True).encode()).hexdigest()


def _typed(item, fields: dict) -> bool:
    return isinstance(item, dict) and item.keys() == fields.keys() and all(
        type(item[k]) is t for k, t in fields.items())   # exact types: True is not a line number


def _finding(item: dict, path: str) -> Finding:
    from ..rules.registry import RULES, all_rules
    all_rules()
    fix = item.get("fix") if isinstance(item, dict) else None
    rest = {k: v for k, v in item.items() if k != "fix"} if isinstance(item, dict) else None
    if not _typed(rest, _FIELDS) or (fix is not None and not _typed(fix, _FIX_FIELDS)):
        raise ValueError("not a finding")
    r = RULES.get(rest["code"])
    if r is None or r.name != rest["name"] or rest["severity"] not in SEVERITIES or rest["line"] < 0 \
            or rest["column"] < 0 or (fix is not None and not 0 <= fix["start"] <= fix["end"]):
        raise ValueError("not a finding")
    return Finding(path=path, fix=Fix(**fix) if fix else None, **rest)


def dtd_fingerprint(found) -> str:
    """What identifies the DTD a file was validated against."""
    if found is None:
        return "no-dtd"
    path = found.location
    if os.path.isfile(path):
        st = os.stat(path)
        return f"{path}:{st.st_size}:{st.st_mtime_ns}"
    return f"{found.source}:{path}"
