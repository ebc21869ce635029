"""markdown: a summary and legend, a contents list for long reports, a heading per section and per
changed provision, ~~struck~~ and **inserted** words."""


from ...model.patterns import lazy
from . import KIND_NOTES, MARKS, body, committee_names, compared, contents, counted, header_runs, heading, \
    kind_of, lines, sections, show_committee

_SPECIAL = lazy(r"([\\`*_~\[\]<>#|])")


def esc(text: str) -> str:
    return _SPECIAL.sub(r"\\\1", text)


def _md(diff) -> str:
    out = []
    for op, t in diff:
        t = esc(t)
        if op == "=":
            out.append(t)
        elif t.strip():
            mark = "~~" if op == "-" else "**"
            lead, core, trail = t[: len(t) - len(t.lstrip())], t.strip(), t[len(t.rstrip()):]
            if out and out[-1] and not out[-1][-1].isspace() and out[-1].endswith(("~~", "**")) and not lead:
                lead = " "      # struck and inserted runs that touch: a space keeps them apart
            core = f"{mark}  \n  {mark}".join(x.strip() for x in core.split("\n"))   # a line per provision
            out.append(f"{lead}{mark}{core}{mark}{trail}")
    return "".join(out)


def render(report, stream, color: bool = False) -> None:
    w = stream.write
    w(f"# Changes: {esc(report.title)}\n\n")
    w(f"- **Compared:** {esc(compared(report))}\n")
    for cid, name, instruction in report.committees:
        w(f"- **Committee:** {esc(name + ' (' + cid + ')' if name else cid)}"
          + (f" — *{esc(instruction)}*" if instruction else "") + "\n")
    w(f"- **Summary:** {esc(counted(report))}\n")
    w(f"- **Legend:** **inserted** {esc(MARKS['inserted'])}; ~~struck~~ {esc(MARKS['struck'])}; "
      + "; ".join(f"*{k}*: {esc(v)}" for k, v in KIND_NOTES.items()) + "\n\n")
    for note in report.notes:
        w(f"> {esc(note)}\n\n")
    toc = contents(report)
    if toc:
        w("## Contents\n\n" + "".join(f"{'  ' * d}- [{esc(sec)}](#{anchor}) ({n})\n" for d, sec, anchor, n in toc)
          + "\n")
    if not report.changes:
        w("No changes listed.\n")
        return
    names = committee_names(report) if show_committee(report) else {}
    for sec, changes in sections(report):
        w(f"## {esc(sec or '(the bill)')}\n\n")
        for ch in changes:
            w(f'<a id="{ch.anchor}"></a>\n\n### {esc(heading(ch))} ({kind_of(ch)})\n\n')
            w(f"- Where: {esc(lines(report, ch))}\n")
            if ch.committee in names:
                w(f"- Committee: {esc(names[ch.committee])}\n")
            head = header_runs(ch)
            if head:
                w(f"- Header: {_md(head)}\n")
            words = body(ch)
            if words:
                w(f"- {'Text' if ch.diff else 'Holds'}: {_md(words)}\n")
            w("\n")
