"""markdown: a heading per committee, a list item per provision, ~~struck~~ and **inserted**."""

from html import escape

from . import grouped, trimmed


def _esc(t) -> str:
    """Bill text as markdown text: raw HTML in it (`<script>`, `<img onerror=...>`) is shown, never rendered."""
    return escape(str(t), quote=False)


def _md(diff) -> str:
    out = []
    for op, t in diff:
        t = _esc(t).replace("*", r"\*").replace("~", r"\~")
        if op == "=":
            out.append(t)
        elif t.strip():
            mark = "~~" if op == "-" else "**"
            lead, core, trail = t[: len(t) - len(t.lstrip())], t.strip(), t[len(t.rstrip()):]
            out.append(f"{lead}{mark}{core}{mark}{trail}")
    return "".join(out)


def render(report, stream, color: bool = False) -> None:
    stream.write(f"# Changes: {_esc(report.title)}\n\n")
    for note in report.notes:
        stream.write(f"> {_esc(note)}\n\n")
    if not report.changes:
        stream.write("No changes.\n")
        return
    for (cid, name, instruction), changes in grouped(report):
        stream.write(f"## {_esc(name or cid or 'No committee named')}\n\n")
        if instruction:
            stream.write(f"*{_esc(instruction)}*\n\n")
        for ch in changes:
            stream.write(f"- **{_esc(ch.provision)}** ({ch.change}, line {ch.line}): {_md(trimmed(ch.diff)) if ch.diff else ''}\n")
        stream.write("\n")
