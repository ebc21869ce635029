"""Applying safe fixes as edits of the original file: every byte outside the edited spans stays as it was.

Fix offsets are characters of the decoded file (BOM removed). The file is decoded, edited, encoded
back, and written atomically (a temporary file in the same folder, then a rename), keeping its mode.

Fixes are applied only to the exact bytes they were found in: each carries the sha256 of the bytes checked,
the file read for fixing must have it, and just before the rename it must still have it. A file changed in
between (an editor, a second billlint --fix) is left alone and said so: offsets from one version applied to
another would garble it. A read-only file is never replaced.
"""

from __future__ import annotations

import codecs
import difflib
import hashlib
import os
import stat
import re
import shutil
import tempfile

from .load import NotRead, read_regular


class FixError(Exception):
    pass


def _encoding(data: bytes) -> tuple[str, bytes]:
    for bom, name in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            return name, bom
    m = re.match(rb"<\?xml[^>]*encoding=[\"']([\w.-]+)", data)
    return (m.group(1).decode() if m else "utf-8"), b""


def apply_fixes(data: bytes, fixes: list) -> tuple[bytes, int]:
    """The new bytes and how many fixes were applied (overlapping ones are left for a later run)."""
    enc, bom = _encoding(data)
    try:
        text = data[len(bom):].decode(enc)
    except (UnicodeDecodeError, LookupError) as e:
        raise FixError(f"cannot decode as {enc}: {e}") from None
    if (bom + text.encode(enc)) != data:
        raise FixError(f"the file does not round-trip through {enc}; not editing it")
    applied, end = [], -1
    for f in sorted(fixes, key=lambda f: (f.start, f.end)):
        if f.start >= end:
            applied.append(f)
            end = f.end
    for f in reversed(applied):
        text = text[:f.start] + f.replacement + text[f.end:]
    return bom + text.encode(enc), len(applied)


def unified(path: str, old: bytes, new: bytes) -> str:
    enc, bom = _encoding(old)
    a = old[len(bom):].decode(enc, errors="replace").splitlines(keepends=True)
    b = new[len(bom):].decode(enc, errors="replace").splitlines(keepends=True)
    return "".join(difflib.unified_diff(a, b, fromfile=path, tofile=path))


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def write_atomic(path: str, data: bytes, expect: str | None = None) -> None:
    """Replace path with data; with `expect`, only if the file still has that digest (FixError if not)."""
    folder = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(prefix=".billlint-", dir=folder)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        shutil.copymode(path, tmp)
        if expect is not None and digest(_current(path)) != expect:
            raise FixError("the file changed while it was being fixed; not fixed")
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def fix_files(findings, unsafe: bool, stdin, say, diff_to=None) -> list:
    """Apply the fixes file by file; return the findings left over (fixed ones are gone). `say` reports
    each file's outcome to the user. With a diff_to stream, write the fixes there as a diff and change nothing."""
    by_path: dict = {}
    for f in findings:
        if f.fix is not None and (f.fix.safe or unsafe):
            by_path.setdefault(f.path, []).append(f)
    fixed_ids = set()
    failed = 0
    for path, fs in by_path.items():
        if stdin is not None and path == stdin[0]:
            continue
        try:
            old = _current(path)
            checked = {f.fix.digest for f in fs}
            if checked != {digest(old)}:
                raise FixError("the file changed since it was checked; not fixed (run billlint again)")
            new, n = apply_fixes(old, [f.fix for f in fs])
            if diff_to is not None:
                diff_to.write(unified(path, old, new))
                continue
            if new == old:
                continue
            if _read_only(path):
                raise FixError("the file is read-only; not fixed")
            write_atomic(path, new, expect=digest(old))
        except FixError as e:
            say(f"{path}: {e}")
            continue
        except NotRead as e:
            say(f"{path}: not fixed: {e}")
            continue
        except OSError as e:
            say(f"{path}: not fixed: cannot write: {e.strerror or e}")
            failed += 1
            continue
        say(f"{path}: fixed {n} finding{'s' * (n != 1)}")
        fixed_ids.update(id(f) for f in fs)
    if diff_to is not None:
        return findings, failed
    return [f for f in findings if id(f) not in fixed_ids], failed


def _current(path: str) -> bytes:
    return read_regular(path)


def _read_only(path: str) -> bool:
    """No write permission for anyone, or none for us: root may write a 0444 file, but its owner meant it kept."""
    mode = os.stat(path).st_mode
    return not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH) or not os.access(path, os.W_OK)
