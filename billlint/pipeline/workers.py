"""Running the stages over many files: one file is one unit of work, spread over a process pool,
with unchanged files' findings read back from the result cache (cache.py).

check_file() is what a worker runs; everything it needs travels in a Settings object that can be sent
to another process.
"""

from __future__ import annotations

import os

from . import dtd as dtds
from . import filter as filters
from .. import phases
from ..model.findings import Finding
from .check import check_loaded, problem_finding
from .discover import discover
from .load import Loaded, Problem, load, read_checked
from .options import ConfigError, Settings


def check_file(path: str, settings: Settings, data: bytes | None = None) -> list[Finding]:
    opts = settings.options_for(path)
    try:
        cache = key = None
        if settings.cache_dir is not None and data is None:
            data, problem = read_checked(path)    # the same checks (regular file, size) with the cache on
            if problem is not None:
                return check_loaded(Loaded(path, problems=[problem]), opts)
            from .cache import Cache
            cache = Cache(settings.cache_dir)
            key = cache.key(data, settings.context_for(path, opts))
            hit = cache.get(key, path)
            if hit is not None:
                return hit
        loaded = load(path, settings.finder_for(path), data=data, validate=opts.validate)
        data = None   # the document holds what it needs of the bytes
        found = check_loaded(loaded, opts)
        if phases.ON:
            phases.file_done()
        if cache is not None:
            cache.put(key, found)
        return found
    except (dtds.DTDError, ConfigError):
        raise
    except RecursionError:
        failed = Problem("BL008", "nesting too deep to check")
    except Exception as e:  # one bad file must not stop the batch
        failed = Problem("BL008", f"billlint failed on this file: {type(e).__name__}: {e}")
    return filters.overrides([problem_finding(path, failed)], opts.severity)


# Below this many files a process pool costs more than it saves (bench/run.py measures it).
POOL_THRESHOLD = 8

_worker_settings: Settings | None = None


def _init_worker(args: dict) -> None:
    global _worker_settings
    if phases.ON:
        phases.worker()
    _worker_settings = Settings(**args)   # each worker loads the DTDs once, for all its files


def _work(path: str) -> list[Finding]:
    return check_file(path, _worker_settings)


def run(paths: list[str], settings: Settings, stdin: tuple[str, bytes] | None = None, progress=None,
        jobs: int | None = None):
    """Check every file; findings sorted by file, then line. A missing DTD is reported once per type."""
    findings: list[Finding] = []
    files = discover(paths, settings)
    if stdin is not None and isinstance(stdin[1], Exception):   # standard input over the size limit
        failed = Loaded(stdin[0], problems=[Problem("BL006", str(stdin[1]))])
        findings += check_loaded(failed, settings.options_for(stdin[0]))
    elif stdin is not None:
        findings += check_file(stdin[0], settings, data=stdin[1])
    jobs = jobs if jobs is not None else (os.cpu_count() or 1)
    if jobs > 1 and len(files) >= POOL_THRESHOLD:
        import concurrent.futures as cf
        args = {k: getattr(settings, k) for k in Settings.FIELDS}
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
    findings = filters.once_per_run(findings)
    findings.sort(key=lambda f: f.sort_key)
    return files, findings
