"""Running the checks: discover files, load each, run the enabled rules, turn reports into findings.

One file is one unit of work: check_file() is what a worker runs, and everything it needs travels in
a Settings object that can be sent to another process.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace

from . import config as configs
from . import dtd as dtds
from ..model.findings import Finding, Fix, Report
from .load import Loaded, Problem, load
from ..model.document import VIEWS, Document
from ..rules.registry import RULES, Selection, all_rules


@dataclass
class Options:
    selection: Selection = field(default_factory=Selection)
    view: str = "reported"            # reported | introduced | both
    validate: bool = True
    severity: dict = field(default_factory=dict)   # code -> severity override
    unused_suppressions: bool = True


@dataclass
class Settings:
    """Command-line choices; the config files found for each file add to them (the command line wins)."""
    select: list | None = None
    ignore: list = field(default_factory=list)
    extend_select: list = field(default_factory=list)
    view: str | None = None
    validate: bool = True
    dtd: str | None = None
    config: str | None = None
    isolated: bool = False
    use_cache: bool = True          # the DTD cache that `billlint dtd install` fills
    cache_dir: str | None = None    # the result cache; None: no result cache

    def __post_init__(self):
        from pathlib import Path
        self._resolver = configs.Resolver(Path(self.config) if self.config else None, self.isolated)
        self._options: dict = {}
        self._finders: dict = {}

    def config_for(self, path: str) -> configs.Config:
        return self._resolver.for_file(path)

    def options_for(self, path: str) -> Options:
        cfg = self.config_for(path)
        ignored = tuple(cfg.ignored_for(path))
        key = (id(cfg), ignored)
        if key not in self._options:
            select = self.select or cfg.get("select")
            ignore = list(self.ignore) + (cfg.get("ignore", []) if not self.ignore else []) + list(ignored)
            extend = list(self.extend_select) + cfg.get("extend-select", [])
            try:
                selection = Selection(select, ignore, extend)
            except ValueError as e:
                where = f"{cfg.path}: " if cfg.path and not self.select else ""
                raise configs.ConfigError(f"{where}{e}") from None
            severity = {}
            for k, v in cfg.get("severity", {}).items():
                from ..rules.registry import find
                r = find(k)
                if r is None:
                    raise configs.ConfigError(f"{cfg.path}: severity: unknown rule {k!r}")
                severity[r.code] = v
            self._options[key] = Options(selection, self.view or cfg.get("view", "reported"), self.validate,
                                         severity)
        return self._options[key]

    def finder_for(self, path: str) -> dtds.Finder:
        cfg = self.config_for(path)
        key = cfg.path_value("dtd")
        if key not in self._finders:
            self._finders[key] = dtds.Finder(option=self.dtd, config=key, use_cache=self.use_cache)
        return self._finders[key]

    def context_for(self, path: str, opts: Options) -> str:
        """Everything besides the file's bytes that decides its findings, for the result cache."""
        from .cache import dtd_fingerprint
        finder = self.finder_for(path)
        kinds = ",".join(f"{k}={dtd_fingerprint(finder.find(k))}" for k in dtds.KINDS) if opts.validate else "none"
        sel = opts.selection
        from ..analysis.citation_index import fingerprint   # BL61x findings follow the citation index
        return repr((sorted(sel.select), sorted(sel.ignore), opts.view, opts.validate, sorted(opts.severity.items()),
                     opts.unused_suppressions, kinds, self.config_for(path).get("confusables"), fingerprint()))

    def fail_on(self, path: str | None = None) -> str:
        cfg = self.config_for(path) if path else configs.Config()
        return cfg.get("fail-on", "warning")


def discover(paths: list[str], settings: Settings | None = None) -> list[str]:
    """Files to check: files as given, directories searched for *.xml (config excludes applied), sorted."""
    out: list[str] = []
    seen: set[str] = set()
    for p in paths:
        if os.path.isdir(p):
            found = []
            for dirpath, dirnames, filenames in os.walk(p, followlinks=False):
                dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
                found += [os.path.join(dirpath, f) for f in filenames if f.lower().endswith(".xml")]
            items = sorted(f for f in found if settings is None or not settings.config_for(f).excluded(f))
        else:
            items = [p]
        for item in items:
            key = os.path.normpath(item)
            if key not in seen:
                seen.add(key)
                out.append(item)
    return out


def problem_finding(path: str, pr: Problem, opts: Options) -> Finding:
    r = RULES[pr.code]
    return Finding(path, pr.line, pr.column, r.code, r.name, opts.severity.get(r.code, r.severity), pr.message)


def report_finding(doc: Document, rule, rep: Report, opts: Options) -> Finding:
    src = doc.source
    start = end = None
    if rep.run is not None:
        start, end = src.span(rep.run, rep.start, rep.end)
    elif rep.el is not None:
        start = src.element_offset(rep.el)
        span = src.element_span(rep.el)
        end = span[1] if span else start
    line, col = src.line_col(start) if start is not None else (1, 1)
    end_line, end_col = src.line_col(end) if end is not None else (line, col)
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
    return Finding(doc.path, line, col, rule.code, rule.name, opts.severity.get(rule.code, rule.severity),
                   rep.message, prov.path if prov is not None else "", end_line, end_col, fix)


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
    out = [problem_finding(loaded.path, p, opts) for p in loaded.problems if sel.enabled(RULES[p.code])]
    doc = loaded.doc
    if doc is None:
        return out
    rules = [r for r in (rules or all_rules()) if r.check is not None and sel.enabled(r)]
    views = VIEWS if opts.view == "both" else (opts.view,)
    reports = []
    for view in views:
        if view == "introduced" and opts.view == "both" and not doc.has_changes:
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
        f = report_finding(doc, r, rep, opts)
        if opts.view == "both" and view == "introduced":
            f = replace(f, message=f.message + " (introduced view)")
        key = (f.code, f.line, f.column, f.message)
        if key not in seen:
            seen.add(key)
            out.append(f)
    from . import suppress
    return suppress.apply(doc, out, opts.unused_suppressions and sel.enabled(RULES["BL009"]))


def check_file(path: str, settings: Settings, data: bytes | None = None) -> list[Finding]:
    opts = settings.options_for(path)
    try:
        cache = key = None
        if settings.cache_dir is not None and data is None:
            try:
                data = open(path, "rb").read()
            except OSError:
                data = None  # the loader reports it
            if data is not None:
                from .cache import Cache
                cache = Cache(settings.cache_dir)
                key = cache.key(data, settings.context_for(path, opts))
                hit = cache.get(key, path)
                if hit is not None:
                    return hit
        loaded = load(path, settings.finder_for(path), data=data, validate=opts.validate)
        data = None   # the document holds what it needs of the bytes
        found = check_loaded(loaded, opts)
        if cache is not None:
            cache.put(key, found)
        return found
    except (dtds.DTDError, configs.ConfigError):
        raise
    except RecursionError:
        return [problem_finding(path, Problem("BL008", "nesting too deep to check"), opts)]
    except Exception as e:  # one bad file must not stop the batch
        return [problem_finding(path, Problem("BL008", f"billlint failed on this file: "
                                                      f"{type(e).__name__}: {e}"), opts)]


# Below this many files a process pool costs more than it saves (bench/run.py measures it).
POOL_THRESHOLD = 8

_worker_settings: Settings | None = None


def _init_worker(args: dict) -> None:
    global _worker_settings
    _worker_settings = Settings(**args)   # each worker loads the DTDs once, for all its files


def _work(path: str) -> list[Finding]:
    return check_file(path, _worker_settings)


def run(paths: list[str], settings: Settings, stdin: tuple[str, bytes] | None = None, progress=None,
        jobs: int | None = None):
    """Check every file; findings sorted by file, then line. A missing DTD is reported once per type."""
    findings: list[Finding] = []
    files = discover(paths, settings)
    if stdin is not None:
        findings += check_file(stdin[0], settings, data=stdin[1])
    jobs = jobs if jobs is not None else (os.cpu_count() or 1)
    if jobs > 1 and len(files) >= POOL_THRESHOLD:
        import concurrent.futures as cf
        args = {k: getattr(settings, k) for k in ("select", "ignore", "extend_select", "view", "validate", "dtd",
                                                   "config", "isolated", "use_cache", "cache_dir")}
        settings.options_for(files[0])  # a config error surfaces here, not in a worker
        with cf.ProcessPoolExecutor(max_workers=min(jobs, len(files)), initializer=_init_worker,
                                    initargs=(args,)) as pool:
            chunk = max(1, min(8, len(files) // (jobs * 4)))
            for path, got in zip(files, pool.map(_work, files, chunksize=chunk)):
                findings += got
                if progress is not None:
                    progress(path, len(got))
    else:
        for path in files:
            got = check_file(path, settings)
            findings += got
            if progress is not None:
                progress(path, len(got))
    findings = _once_per_run(findings)
    findings.sort(key=lambda f: f.sort_key)
    return files, findings


def _once_per_run(findings: list[Finding]) -> list[Finding]:
    out, seen = [], set()
    for f in findings:
        if f.code == "BL003":
            if f.message in seen:
                continue
            seen.add(f.message)
        out.append(f)
    return out
