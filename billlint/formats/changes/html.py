"""html: one self-contained page (no scripts, no network): per committee, each provision with its text
inline, struck words in red strikethrough and inserted words in green."""

from html import escape

from . import grouped, trimmed

_STYLE = """
body { font: 16px/1.5 Georgia, serif; margin: 2em auto; max-width: 60em; color: #1a1a1a; }
h1 { font-size: 1.4em; } h2 { font-size: 1.15em; border-bottom: 1px solid #ccc; margin-top: 2em; }
.instruction { font-style: italic; color: #555; }
.change { margin: 1em 0; padding: .5em 1em; border-left: 4px solid #999; background: #fafafa; }
.change.added { border-color: #2e7d32; } .change.deleted { border-color: #c62828; }
.path { font-weight: bold; } .kind { color: #555; font-size: .9em; margin-left: .5em; }
del { color: #b71c1c; background: #ffd7d7; text-decoration: line-through; }
ins { color: #1b5e20; background: #c8f7c5; text-decoration: none; }
.note { background: #fff8e1; padding: .5em 1em; }
"""


def _body(diff) -> str:
    out = []
    for op, t in diff:
        t = escape(t)
        out.append(t if op == "=" else f"<del>{t}</del>" if op == "-" else f"<ins>{t}</ins>")
    return "".join(out)


def render(report, stream, color: bool = False) -> None:
    w = stream.write
    w("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
      f"<title>Changes: {escape(report.title)}</title><style>{_STYLE}</style></head><body>\n")
    w(f"<h1>Changes: {escape(report.title)}</h1>\n")
    for note in report.notes:
        w(f'<p class="note">{escape(note)}</p>\n')
    if not report.changes:
        w("<p>No changes.</p>\n")
    for (cid, name, instruction), changes in grouped(report):
        w(f"<h2>{escape(name or cid or 'No committee named')}</h2>\n")
        if instruction:
            w(f'<p class="instruction">[{escape(instruction)}]</p>\n')
        for ch in changes:
            w(f'<div class="change {ch.change}"><span class="path">{escape(ch.provision)}</span>'
              f'<span class="kind">{ch.change}, line {ch.line}</span>')
            if ch.change == "modified" and ch.header_before != ch.header_after:
                w(f"<p>Header: <del>{escape(ch.header_before or '')}</del> <ins>{escape(ch.header_after or '')}</ins></p>")
            w(f"<p>{_body(trimmed(ch.diff)) if ch.diff else escape(ch.after or ch.before)}</p></div>\n")
    w("</body></html>\n")
