"""text: a summary and legend, then each changed provision by section, the words as [-struck-]{+inserted+}."""

from . import KIND_NOTES, MARKS, body, committee_names, compared, contents, counted, header_runs, heading, \
    kind_of, lines, sections, show_committee

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
    w = stream.write
    w(f"{b}Changes: {report.title}{r}\n")
    w(f"Compared: {compared(report)}\n")
    for cid, name, instruction in report.committees:
        w(f"Committee: {name + ' (' + cid + ')' if name else cid}\n")
        if instruction:
            w(f"  [{instruction}]\n")
    for note in report.notes:
        w(f"Note: {note}\n")
    w(f"Summary: {counted(report)}\n")
    w(f"Legend: {diff_text([('+', 'inserted')], color)} {MARKS['inserted']}; "
      f"{diff_text([('-', 'struck')], color)} {MARKS['struck']}\n")
    for kind, note in KIND_NOTES.items():
        w(f"  {kind}: {note}\n")
    toc = contents(report)
    if toc:
        w("Contents:\n")
        for depth, sec, _anchor, n in toc:
            w(f"  {'  ' * depth}{sec} ({n})\n")
    if not report.changes:
        w("\nNo changes listed.\n")
        return
    names = committee_names(report) if show_committee(report) else {}
    for sec, changes in sections(report):
        w(f"\n{b}== {sec or '(the bill)'} =={r}\n")
        for ch in changes:
            w(f"\n  {b}{heading(ch)}{r}  {kind_of(ch)}\n")
            w(f"    where: {lines(report, ch)}\n")
            if ch.committee in names:
                w(f"    committee: {names[ch.committee]}\n")
            head = header_runs(ch)
            if head:
                w(f"    header: {diff_text(head, color)}\n")
            words = body(ch)
            if words:
                shown = diff_text(words, color).replace("\n", "\n          ")
                w(f"    {'text' if ch.diff else 'holds'}: {shown}\n")
    w(f"\n{counted(report)}\n")
