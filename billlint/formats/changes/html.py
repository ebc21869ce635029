"""html: one self-contained page (no scripts, no network): a summary and legend at the top, a table of
contents for long reports, then a card per changed provision, grouped by section, each with an anchor.

Inserted words are italic and underlined (GPO prints them in italic), struck words struck through; their
backgrounds differ in lightness as well as hue, so the two stay apart in grayscale and on paper."""

from html import escape

from . import KIND_NOTES, MARKS, body, committee_names, compared, contents, counted, header_runs, heading, \
    kind_of, lines, sections, show_committee

_STYLE = """
body { font: 16px/1.55 Georgia, "Times New Roman", serif; margin: 2em auto; max-width: 60em; padding: 0 1em;
       color: #111; background: #fff; }
h1 { font-size: 1.45em; margin-bottom: .3em; }
h2 { font-size: 1.15em; border-bottom: 1px solid #888; margin-top: 2em; }
h3 { font-size: 1em; margin: 0 0 .3em; }
.summary { border: 1px solid #888; padding: .6em 1.2em; }
.summary dt { font-weight: bold; margin-top: .4em; } .summary dd { margin-left: 1.5em; }
.instruction { font-style: italic; }
.counts { border-collapse: collapse; margin: .3em 0; }
.counts td, .counts th { border: 1px solid #888; padding: .1em .6em; text-align: left; }
.legend dd span { margin-right: .5em; }
.note { border: 2px solid #444; padding: .5em 1em; }
code { font: .9em/1.4 monospace; background: #eee; padding: 0 .3em; }
nav ul { list-style: none; padding-left: 0; } nav .depth1 { padding-left: 1.5em; }
.change { margin: 1em 0; padding: .5em 1em; border: 1px solid #aaa; border-left: 6px solid #555;
          break-inside: avoid; }
.change.added { border-left-style: double; } .change.deleted { border-left-style: dashed; }
.change.redesignated, .change.moved { border-left-style: dotted; }
.kind { font: bold .8em/1 sans-serif; text-transform: uppercase; letter-spacing: .05em; border: 1px solid #333;
        padding: .15em .4em; margin-left: .6em; }
.where, .committee { font-size: .85em; color: #333; margin: .2em 0; }
.label { font-weight: bold; } .words { white-space: pre-line; }
del { text-decoration: line-through; text-decoration-thickness: 2px; color: #6b1010; background: #fde8e8; }
ins { font-style: italic; text-decoration: underline; text-decoration-thickness: 2px; text-underline-offset: 2px;
      color: #0b300b; background: #9fd99b; }
@media print {
  body { font-size: 11pt; max-width: none; margin: 0; }
  nav { display: none; }
  a { color: inherit; text-decoration: none; }
  .change { border-color: #000; }
  del { color: #444; background: none; }
  ins { color: #000; background: #ccc; print-color-adjust: exact; -webkit-print-color-adjust: exact; }
}
"""


def _runs(diff) -> str:
    out = []
    for op, t in diff:
        if op == "=":
            out.append(escape(t))
            continue
        core = t.strip()
        lead, trail = t[:len(t) - len(t.lstrip())], t[len(t.rstrip()):]
        if not lead and out and out[-1].endswith(("</del>", "</ins>")):
            lead = " "      # a struck run and an inserted one never touch
        tag = "del" if op == "-" else "ins"
        # spaces stay outside the marks: no underlined or struck blank at a word's edge
        out.append(f"{escape(lead)}<{tag}>{escape(core)}</{tag}>{escape(trail)}" if core else escape(t))
    return "".join(out)


def render(report, stream, color: bool = False) -> None:
    w = stream.write
    title = escape(report.title)
    w(f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
      f'<meta name="viewport" content="width=device-width, initial-scale=1">'
      f"<title>Changes: {title}</title><style>{_STYLE}</style></head><body>\n")
    w(f"<h1>Changes: {title}</h1>\n<section class=\"summary\"><dl>\n")
    w(f"<dt>Compared</dt><dd>{escape(compared(report))}</dd>\n")
    for cid, name, instruction in report.committees:
        w(f"<dt>Committee</dt><dd>{escape(name + ' (' + cid + ')' if name else cid)}")
        if instruction:
            w(f'<br><span class="instruction">[{escape(instruction)}]</span>')
        w("</dd>\n")
    counts = report.counts()
    table = "" if report.pointer else (
        '<table class="counts"><tr>' + "".join(f"<th>{k}</th>" for k in counts) + "</tr><tr>"
        + "".join(f"<td>{v}</td>" for v in counts.values()) + "</tr></table>")
    w(f"<dt>Summary</dt><dd>{escape(counted(report))}{table}</dd>\n")
    w(f'<dt>Legend</dt><dd class="legend"><span><ins>inserted</ins> {escape(MARKS["inserted"])};</span> '
      f'<span><del>struck</del> {escape(MARKS["struck"])}</span><br>'
      + "; ".join(f'<span class="label">{k}</span>: {escape(v)}' for k, v in KIND_NOTES.items()) + "</dd>\n")
    w("</dl>\n")
    for note in report.notes:
        w(f'<p class="note">{_pointer(escape(note), report.pointer)}</p>\n')
    w("</section>\n")
    toc = contents(report)
    if toc:
        w('<nav><h2>Contents</h2><ul>\n' + "".join(
            f'<li class="depth{d}"><a href="#{a}">{escape(sec)}</a> ({n})</li>\n' for d, sec, a, n in toc)
          + "</ul></nav>\n")
    if not report.changes:
        w("<p>No changes listed.</p>\n")
    names = committee_names(report) if show_committee(report) else {}
    for sec, changes in sections(report):
        w(f"<h2>{escape(sec or '(the bill)')}</h2>\n")
        for ch in changes:
            w(f'<article class="change {ch.change}" id="{ch.anchor}"><h3><a href="#{ch.anchor}">'
              f'{escape(heading(ch))}</a><span class="kind">{kind_of(ch)}</span></h3>\n')
            w(f'<p class="where">{escape(lines(report, ch))}</p>\n')
            if ch.committee in names:
                w(f'<p class="committee">Committee: {escape(names[ch.committee])}</p>\n')
            head = header_runs(ch)
            if head:
                w(f'<p><span class="label">Header:</span> {_runs(head)}</p>\n')
            words = body(ch)
            if words:
                w(f'<p class="words"><span class="label">{"Text" if ch.diff else "Holds"}:</span> {_runs(words)}</p>\n')
            w("</article>\n")
    w("</body></html>\n")


def _pointer(note: str, pointer) -> str:
    """The command a note points to, set as code."""
    if pointer and escape(pointer) in note:
        return note.replace(escape(pointer), f"<code>{escape(pointer)}</code>")
    return note
