"""Checking: a loaded Document and the enabled rules -> findings.

The one place a Finding is built and positioned: a rule yields Reports (an element, or a text run and
span), the loader yields Problems (a line and column), the suppression filter yields notes (an offset);
here each becomes a Finding with its line, column, end, provision, matched text and fix.
"""

from __future__ import annotations

from dataclasses import replace

from ..model.document import Document
from ..model.findings import Finding, Fix, Report
from ..model.vocabulary import BOTH, INTRODUCED, VIEWS
from ..rules.registry import RULES, all_rules
from . import filter as filters
from .load import Loaded, Problem
from .options import Options


def make(path: str, code: str, message: str, line: int = 1, column: int = 1, severity: str | None = None,
         **rest) -> Finding:
    """A Finding of rule `code` at its default severity, or the report's own (filter.overrides() applies the config's)."""
    r = RULES[code]
    return Finding(path, line, column, r.code, r.name, severity or r.severity, message, **rest)


def position(src, offset: int | None, line: int = 1) -> tuple[int, int]:
    """Line and column of a source offset; the start of `line` when the offset is unknown."""
    return src.line_col(offset) if offset is not None else (line, 1)


def problem_finding(path: str, pr: Problem) -> Finding:
    return make(path, pr.code, pr.message, pr.line, pr.column)


def report_finding(doc: Document, rule, rep: Report) -> Finding:
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
        fix = Fix(src.chars(a), src.chars(b), text, safe)
    text = src.slice(start, end) if start is not None and end is not None else ""
    return make(doc.path, rule.code, rep.message, line, col, rep.severity, provision=prov.path if prov is not None else "",
                end_line=end_line, end_column=end_col, fix=fix, text=text)


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
    enabled = {r.code for r in filters.selected(sel, RULES.values())}
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
        family = None
        for r in rules:
            if r.family != family:
                doc.release()    # what one family derived is not kept while the next runs
                family = r.family
            reports += [(r, rep, view) for rep in r.check(doc, view)]
    doc.release(runs=True)   # before the source text is decoded for positions: the runs reports need stay
    doc.source.locate(el for _r, rep, _v in reports for el in _elements(rep))
    seen = set()
    for r, rep, view in reports:
        f = report_finding(doc, r, rep)
        if opts.view == BOTH and view == INTRODUCED:
            f = replace(f, message=f.message + " (introduced view)")
        key = (f.code, f.line, f.column, f.message)
        if key not in seen:
            seen.add(key)
            out.append(f)
    kept, notes = filters.suppress(doc, out, opts.unused_suppressions and "BL009" in enabled)
    kept += [make(doc.path, "BL009", message, *position(doc.source, at, line)) for at, line, message in notes]
    return filters.overrides(kept, opts.severity)
