"""Applying safe fixes as edits of the original file: every byte outside the edited spans stays as it was.

Fix offsets are characters of the decoded file (BOM removed). The file is decoded, edited, encoded
back, and written atomically (a temporary file in the same folder, then a rename), keeping its mode.
"""

from __future__ import annotations

import codecs
import difflib
import os
import re
import shutil
import tempfile
from pathlib import Path


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
    for f, (a, b, rep) in sorted(((f, edit(text, f)) for f in fixes), key=lambda x: (x[1][0], x[1][1])):
        # overlapping edits are left for a later run, and so is an insertion where another edit ends
        # (which side of it the words go is not known)
        if a > end or a == end and a < b:
            applied.append((a, b, rep))
            end = b
    for a, b, rep in reversed(applied):
        text = text[:a] + rep + text[b:]
    return bom + text.encode(enc), len(applied)


def edit(text: str, f) -> tuple[int, int, str]:
    """The part of a fix that changes something: the words it keeps at either end are left out, so that
    two fixes of one phrase merge ("adding the following at the end thereof": one fix reorders "the
    following at the end", the other drops " thereof")."""
    old, new = text[f.start:f.end], f.replacement
    p = 0
    while p < min(len(old), len(new)) and old[p] == new[p]:
        p += 1
    q = 0
    while q < min(len(old), len(new)) - p and old[-1 - q] == new[-1 - q]:
        q += 1
    return f.start + p, f.end - q, new[p:len(new) - q]


def unified(path: str, old: bytes, new: bytes) -> str:
    enc, bom = _encoding(old)
    a = old[len(bom):].decode(enc, errors="replace").splitlines(keepends=True)
    b = new[len(bom):].decode(enc, errors="replace").splitlines(keepends=True)
    return "".join(difflib.unified_diff(a, b, fromfile=path, tofile=path))


def write_atomic(path: str, data: bytes) -> None:
    folder = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(prefix=".billlint-", dir=folder)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        shutil.copymode(path, tmp)
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
    for path, fs in by_path.items():
        if stdin is not None and path == stdin[0]:
            continue
        try:
            old = Path(path).read_bytes()
            new, n = apply_fixes(old, [f.fix for f in fs])
        except (OSError, FixError) as e:
            say(f"{path}: not fixed: {e}")
            continue
        if diff_to is not None:
            diff_to.write(unified(path, old, new))
            continue
        if new != old:
            write_atomic(path, new)
            say(f"{path}: fixed {n} finding{'s' * (n != 1)}")
            fixed_ids.update(id(f) for f in fs)
    if diff_to is not None:
        return findings
    return [f for f in findings if id(f) not in fixed_ids]
