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
    p, q = _same_ends(old, new)
    return f.start + p, f.end - q, new[p:len(new) - q]


def _same_ends(x: str, y: str) -> tuple[int, int]:
    """How many characters two texts share at the start, and then at the end."""
    p = 0
    while p < min(len(x), len(y)) and x[p] == y[p]:
        p += 1
    q = 0
    while q < min(len(x), len(y)) - p and x[-1 - q] == y[-1 - q]:
        q += 1
    return p, q


# Bills often hold a whole section on one line: a diff shows a window around each change, not the line.
LONG = 120       # lines up to this long are shown whole
CONTEXT = 40     # characters kept either side of a change on a longer line


def unified(path: str, old: bytes, new: bytes) -> str:
    """A unified diff of the fixes, one line of context, long lines cut to the change (marked with …).
    A preview to read, not a patch to apply."""
    enc, bom = _encoding(old)
    a = old[len(bom):].decode(enc, errors="replace").splitlines()
    b = new[len(bom):].decode(enc, errors="replace").splitlines()
    out = [f"--- {path}\n", f"+++ {path}\n"]
    for group in difflib.SequenceMatcher(None, a, b, autojunk=False).get_grouped_opcodes(1):
        i1, i2, j1, j2 = group[0][1], group[-1][2], group[0][3], group[-1][4]
        out.append(f"@@ -{_range(i1, i2)} +{_range(j1, j2)} @@\n")
        for tag, a1, a2, b1, b2 in group:
            if tag == "equal":
                out += [f" {_clip(x, 0, len(x))}\n" for x in a[a1:a2]]
                continue
            olds, news = a[a1:a2], b[b1:b2]
            shown_old, shown_new = [], []
            for k in range(max(len(olds), len(news))):
                x = olds[k] if k < len(olds) else None
                y = news[k] if k < len(news) else None
                if x is not None and y is not None:
                    wx, wy = _windows(x, y)
                    shown_old.append(wx)
                    shown_new.append(wy)
                elif x is not None:
                    shown_old.append(_clip(x, 0, len(x)))
                else:
                    shown_new.append(_clip(y, 0, len(y)))
            out += [f"-{x}\n" for x in shown_old] + [f"+{y}\n" for y in shown_new]
    return "".join(out) if len(out) > 2 else ""


def _range(start: int, end: int) -> str:
    n = end - start
    return f"{start + 1}" if n == 1 else f"{start + (n > 0)},{n}"


def _windows(x: str, y: str) -> tuple[str, str]:
    """The changed stretch of a line pair with CONTEXT characters around it, when the lines are long."""
    p, s = _same_ends(x, y)
    return _clip(x, p, len(x) - s), _clip(y, p, len(y) - s)


def _clip(line: str, start: int, end: int) -> str:
    if len(line) <= LONG:
        return line
    if start == 0 and end == len(line):     # an unchanged or wholly new line: its start
        return line[:LONG] + "…"
    a, b = max(0, start - CONTEXT), min(len(line), end + CONTEXT)
    return ("…" if a > 0 else "") + line[a:b] + ("…" if b < len(line) else "")


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


def fix_files(findings, unsafe: bool, stdin, say, diff_to=None, fixed_to=None) -> tuple[list, int]:
    """Apply the fixes file by file; return the findings left over (fixed ones are gone) and how many files could
    not be written. `say` reports each file's outcome to the user. With a diff_to stream, write the fixes there
    as a diff and change nothing. Standard input is never a file to write: its fixed text goes to fixed_to (a
    binary stream), as editors expect from `ruff check --fix -`."""
    by_path: dict = {}
    for f in findings:
        if f.fix is not None and (f.fix.safe or unsafe):
            by_path.setdefault(f.path, []).append(f)
    fixed_ids = set()
    failed = 0
    piped = stdin is not None and isinstance(stdin[1], bytes)
    stdin_out = stdin[1] if piped else None      # what goes back to the editor
    for path, fs in by_path.items():
        from_stdin = stdin is not None and path == stdin[0]
        if from_stdin and not piped:
            continue
        try:
            old = stdin[1] if from_stdin else _current(path)
            checked = {f.fix.digest for f in fs}
            if checked != {digest(old)}:
                raise FixError("the file changed since it was checked; not fixed (run billlint again)")
            new, n = apply_fixes(old, [f.fix for f in fs])
            if diff_to is not None:
                diff_to.write(unified(path, old, new))
                fixed_ids.update(id(f) for f in fs)
                continue
            if from_stdin:
                stdin_out = new
                fixed_ids.update(id(f) for f in fs)
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
        n = len(fixed_ids)
        say(f"would fix {n} finding{'s' * (n != 1)}" if n else "nothing to fix")
        return findings, failed
    if fixed_to is not None and stdin_out is not None:
        fixed_to.write(stdin_out)             # fixed, or as it came when there was nothing to fix
    return [f for f in findings if id(f) not in fixed_ids], failed


def _current(path: str) -> bytes:
    return read_regular(path)


def _read_only(path: str) -> bool:
    """No write permission for anyone, or none for us: root may write a 0444 file, but its owner meant it kept."""
    mode = os.stat(path).st_mode
    return not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH) or not os.access(path, os.W_OK)


def preview(findings, unsafe: bool, stdin, say, stream) -> bool:
    """--diff: the fixes as a diff on stream, nothing changed; whether there is anything to fix."""
    fix_files(findings, unsafe, stdin, say, stream)
    return any(f.fix is not None and (f.fix.safe or unsafe) for f in findings)
