"""Checking: a loaded Document and the enabled rules -> findings.

The one place a Finding is built and positioned: a rule yields Reports (an element, or a text run and
span), the loader yields Problems (a line and column), the suppression filter yields notes (an offset);
here each becomes a Finding with its line, column, end, provision, matched text and fix.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..model.patterns import lazy
from .. import phases
from ..model import renumber
from ..model.document import Document
from ..model.findings import Finding, Fix, Report
from ..model.vocabulary import BOTH, DELETED, INTRODUCED, REPORTED, VIEWS
from ..rules.registry import all_rules, get as get_rule
from . import filter as filters
from .load import Loaded, Problem
from .options import Options


def make(path: str, code: str, message: str, line: int = 1, column: int = 1, severity: str | None = None,
         **rest) -> Finding:
    """A Finding of rule `code` at its default severity, or the report's own (filter.overrides() applies the config's)."""
    r = get_rule(code)
    return Finding(path, line, column, r.code, r.name, severity or r.severity, message, **rest)


def position(src, offset: int | None, line: int = 1) -> tuple[int, int]:
    """Line and column of a source offset; the start of `line` when the offset is unknown."""
    return src.line_col(offset) if offset is not None else (line, 1)


def problem_finding(path: str, pr: Problem) -> Finding:
    return make(path, pr.code, pr.message, pr.line, pr.column)


def _live(doc: Document, rep: Report, a: int, b: int, view: str) -> bool:
    """Whether a fix edits text that stands in the file as the bill's text: found in the reported view (the
    introduced view reads struck text as live), and touching no deleted text or deleted-phrase."""
    if view != REPORTED and doc.has_changes:
        return False
    for pos in (rep.fix[0], max(rep.fix[1] - 1, rep.fix[0])):
        el, where, _n = rep.run.anchor(pos)
        holder = el.getparent() if where == "tail" and el is not None else el
        if holder is not None and doc.state(holder) == DELETED:
            return False
    piece = doc.source.data[a:b]
    return b"deleted-phrase" not in piece and b'changed="deleted"' not in piece


def report_finding(doc: Document, rule, rep: Report, view: str = REPORTED, digest: str = "") -> Finding:
    src = doc.source
    start = end = None
    if rep.run is not None:
        start, end = src.span(rep.run, rep.start, rep.end)
    elif rep.el is not None:
        start = src.element_offset(rep.el)
        span = src.element_span(rep.el)
        end = span[1] if span else start
    line, col = position(src, start)
    end_line, end_col = position(src, end, line) if end is not None else (line, col)
    prov = rep.provision
    if prov is None and rep.el is not None:
        prov = doc.provision_of(rep.el)
    if prov is None and rep.run is not None:
        prov = doc.provision_of(rep.run.anchor(rep.start)[0])  # the element holding the text
    fix = None
    if rep.fix is not None and rep.run is not None:
        fs, fe, text, safe = rep.fix
        a, b = src.span(rep.run, fs, fe)
        # a fix may only touch plain text: a span with markup or entities in it is not a safe edit
        safe = safe and not any(c in src.data[a:b] for c in (b"<", b"&"))
        whole = _whole_elements(src.data, a, b)
        # no fix where it would leave a tag unclosed, or where it would touch text the view does not show live
        if whole is not None and _live(doc, rep, whole[0], whole[1], view):
            fix = Fix(src.chars(whole[0]), src.chars(whole[1]), text, safe, digest)
    text = src.slice(start, end) if start is not None and end is not None else ""
    return make(doc.path, rule.code, rep.message, line, col, rep.severity, provision=prov.path if prov is not None else "",
                end_line=end_line, end_column=end_col, fix=fix, text=text)


_TAG = lazy(rb"<(/?)([\w:.-]+)[^>]*?(/?)>")


def _whole_elements(data: bytes, a: int, b: int) -> tuple[int, int] | None:
    """The span widened over the tags it cuts, so that replacing it leaves the markup well-formed:
    "Provided</italic>, That" takes in the "<italic>" before it. None when widening cannot do it."""
    if b"<" not in data[a:b]:
        return a, b
    for _ in range(8):
        opened, cut = [], None
        for m in _TAG.finditer(data, a, b):
            if m.group(3) or data[m.start() + 1:m.start() + 2] in (b"?", b"!"):
                continue
            if not m.group(1):
                opened.append(m.group(2))
            elif opened and opened[-1] == m.group(2):
                opened.pop()
            else:
                cut = ("close", m.group(2))
                break
        if cut is None and not opened:
            return a, b
        if cut is not None:     # its start tag must end just before the span
            before = re.search(rb"<" + re.escape(cut[1]) + rb"(?:\s[^<>]*)?>\Z", data[max(0, a - 400):a])
            if before is None:
                return None
            a -= len(before.group(0))
        else:                   # the first unclosed one's end tag must follow the span at once
            name = opened[0] if len(opened) == 1 else None
            after = re.match(rb"</" + re.escape(name) + rb"\s*>", data[b:b + 200]) if name else None
            if after is None:
                return None
            b += len(after.group(0))
    return None


def _elements(rep: Report):
    """The elements whose source positions a report needs."""
    yield rep.el
    if rep.run is not None:
        # what Source.span() reads: the first and the last character of the span and of the fix
        ends = [rep.start, rep.end - 1] + ([rep.fix[0], rep.fix[1] - 1] if rep.fix else [])
        for pos in ends:
            yield rep.run.anchor(max(pos, 0))[0]


def check_loaded(loaded: Loaded, opts: Options, rules=None) -> list[Finding]:
    sel = opts.selection
    enabled = {r.code for r in filters.selected(sel, all_rules())}
    out = [problem_finding(loaded.path, p) for p in loaded.problems if p.code in enabled]
    doc = loaded.doc
    if doc is None:
        return filters.overrides(out, opts.severity)
    rules = [r for r in filters.selected(sel, rules or all_rules()) if r.check is not None]
    views = VIEWS if opts.view == BOTH else (opts.view,)
    reports = []
    for view in views:
        if view == INTRODUCED and opts.view == BOTH and not doc.has_changes:
            continue
        renumber.show(doc, view)
        family = None
        for r in rules:
            if view == INTRODUCED and opts.view == BOTH and not r.view_dependent:
                continue   # the same in both views: reported once, with the reported view
            if r.family != family:
                doc.release()    # what one family derived is not kept while the next runs
                family = r.family
            reports += phases.call("rule " + r.code, _reports, r, doc, view) if phases.ON else _reports(r, doc, view)
    renumber.show(doc, REPORTED)   # the paths of the findings, as the file's reader sees them
    doc.release(runs=True)   # before the source text is decoded for positions: the runs reports need stay
    with phases.timed("positions"):
        doc.source.locate(el for _r, rep, _v in reports for el in _elements(rep))
        out += _findings(doc, reports, opts, loaded.digest)
    with phases.timed("filter"):
        kept, notes = filters.suppress(doc, out, opts.unused_suppressions and "BL009" in enabled)
        kept += [make(doc.path, "BL009", message, *position(doc.source, at, line)) for at, line, message in notes]
        return filters.overrides(kept, opts.severity)


def _reports(r, doc: Document, view: str) -> list:
    return [(r, rep, view) for rep in r.check(doc, view)]


def _findings(doc: Document, reports: list, opts: Options, digest: str) -> list[Finding]:
    out = []
    seen = set()
    for r, rep, view in reports:
        f = report_finding(doc, r, rep, view, digest)
        # A finding in text both views show is one finding: the introduced view's copy of a reported one
        # (same rule, place and message) is dropped; only what differs is marked "(introduced view)".
        key = (f.code, f.line, f.column, f.end_line, f.end_column, f.message)
        if key in seen:
            continue
        seen.add(key)
        if opts.view == BOTH and view == INTRODUCED:
            f = replace(f, message=f.message + " (introduced view)")
        out.append(f)
    return out
