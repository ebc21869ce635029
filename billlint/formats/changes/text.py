"""text: per committee, each changed provision by path, the diff as [-struck-]{+inserted+}."""

from ...analysis.changes import ADDED, MODIFIED, REMOVED
from . import grouped, trimmed

_RED, _GREEN, _BOLD, _RESET = "\x1b[31m", "\x1b[32m", "\x1b[1m", "\x1b[0m"


def diff_text(diff, color: bool) -> str:
    out = []
    for op, t in diff:
        if op == "=":
            out.append(t)
        elif op == "-":
            out.append(f"{_RED}[-{t}-]{_RESET}" if color else f"[-{t}-]")
        else:
            out.append(f"{_GREEN}{{+{t}+}}{_RESET}" if color else f"{{+{t}+}}")
    return "".join(out)


def render(report, stream, color: bool = False) -> None:
    b, r = (_BOLD, _RESET) if color else ("", "")
    stream.write(f"{b}{report.title}{r}\n")
    for note in report.notes:
        stream.write(f"note: {note}\n")
    if not report.changes:
        stream.write("No changes.\n")
        return
    for (cid, name, instruction), changes in grouped(report):
        who = name or cid or "no committee named"
        stream.write(f"\n{b}{who}{' (' + cid + ')' if cid and name else ''}{r}\n")
        if instruction:
            stream.write(f"  [{instruction}]\n")
        for ch in changes:
            kind = "redesignated" if ch.moved_from and ch.before == ch.after and ch.header_before == ch.header_after \
                else ch.change
            stream.write(f"\n  {b}{ch.provision}{r}  {kind} (line {ch.line})\n")
            if ch.header_before != ch.header_after and ch.change == "modified":
                stream.write(f"    header: {diff_text([('-', ch.header_before or '')] + [('+', ch.header_after or '')], color)}\n")
            body = diff_text(trimmed(ch.diff), color) if ch.diff else (ch.after or ch.before)
            if body:
                stream.write(f"    {body}\n")
    counts = {k: sum(c.change == k for c in report.changes) for k in (MODIFIED, ADDED, REMOVED)}
    stream.write(f"\n{len(report.changes)} changed provisions: " + ", ".join(f"{n} {k}" for k, n in counts.items()) + "\n")
