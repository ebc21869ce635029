"""Command line: click commands wired to the runner, the registry and the formatters.

Exit codes: 0 nothing at or above the failure threshold; 1 findings; 2 usage, configuration or
internal error.
"""

from __future__ import annotations

import json
import os
import sys
from collections import Counter
from pathlib import Path

import click

from . import __version__
from .pipeline import options as configs
from .pipeline import dtd as dtds
from . import formats
from .formats import output
from .model.vocabulary import REPORTED, SEVERITIES, SEVERITY_RANK, VIEW_CHOICES, VIEWS
from .rules.registry import all_rules, find
from .pipeline.discover import discover
from .pipeline.options import Settings
from .pipeline.workers import run

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class UsageProblem(click.ClickException):
    exit_code = EXIT_ERROR

    def format_message(self) -> str:
        return formats.printable(self.message)     # one line, whatever the paths in it hold


def _split(values) -> list[str]:
    return [x.strip() for v in values or () for x in v.split(",") if x.strip()]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="billlint")
def cli() -> None:
    """billlint: validate and lint United States Congress bill XML."""


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--format", "fmt", type=click.Choice(formats.NAMES), default=None,
              help="Output format [default: text; github when GITHUB_ACTIONS=true].")
@click.option("--output-file", "-o", type=click.Path(dir_okay=False), help="Write the report here.")
@click.option("--select", multiple=True, help="Rule codes, names or prefixes to enable (comma-separated).")
@click.option("--ignore", multiple=True, help="Rule codes, names or prefixes to disable.")
@click.option("--extend-select", multiple=True, help="Enable these in addition to the selection.")
@click.option("--dtd", "dtd_path", type=click.Path(), multiple=True,
              help="The bill DTDs (and USLM schemas): a folder holding them, or one file. May be repeated.")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), help="Use this config file for every file.")
@click.option("--isolated", is_flag=True, help="Ignore all config files.")
@click.option("--view", type=click.Choice(VIEW_CHOICES), default=None,
              help="Which version of a reported bill the rules check [default: reported].")
@click.option("--no-validate", is_flag=True, help="Skip DTD validation.")
@click.option("--statistics", is_flag=True, help="Show the count of findings per rule.")
@click.option("--fail-on", type=click.Choice(SEVERITIES), default=None,
              help="Lowest severity that makes the exit code 1 [default: warning].")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are findings.")
@click.option("--stdin-filename", help="The name to report for input read from '-'.")
@click.option("--fix", is_flag=True, help="Apply safe fixes to the files (atomically).")
@click.option("--diff", "show_diff", is_flag=True, help="With --fix: print the fixes as a diff and change nothing.")
@click.option("--unsafe-fixes", is_flag=True, help="With --fix: apply fixes not marked safe too.")
@click.option("--write-baseline", type=click.Path(dir_okay=False), help="Record today's findings in this file.")
@click.option("--baseline", "baseline_path", type=click.Path(dir_okay=False, exists=True),
              help="Hide the findings recorded in this baseline.")
@click.option("--no-progress", is_flag=True, help="No progress bar, even on a terminal.")
@click.option("--quiet", "-q", is_flag=True, help="Print the findings and nothing else: no summary, no progress bar.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="Worker processes [default: the number of cores; one for a single file or stdin].")
@click.option("--cache-dir", type=click.Path(file_okay=False), default=None,
              help="Where to keep results of unchanged files [default: the user cache folder].")
@click.option("--no-cache", is_flag=True, help="Check every file again; read and write no result cache.")
def check(paths, fmt, output_file, select, ignore, extend_select, dtd_path, config_path, isolated, view, no_validate,
          statistics, fail_on, exit_zero, stdin_filename, fix, show_diff, unsafe_fixes, write_baseline,
          baseline_path, no_progress, quiet, jobs, cache_dir, no_cache):
    """Check bill XML files (directories are searched for *.xml; '-' reads standard input)."""
    from .pipeline import filter as filters
    from .pipeline import fix as fixes
    paths = list(paths) or ["."]
    fmt = fmt or ("github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text")
    from .pipeline.cache import default_dir
    try:
        settings = Settings(_split(select) or None, _split(ignore), _split(extend_select), view, not no_validate,
                            tuple(dtd_path), config_path, isolated,
                            cache_dir=None if no_cache else str(cache_dir or default_dir()))
    except configs.ConfigError as e:
        raise UsageProblem(str(e)) from None
    stdin = None
    if "-" in paths:
        from .pipeline.load import NotRead, read_stream
        paths.remove("-")
        try:
            stdin = (stdin_filename or "-", read_stream(sys.stdin.buffer))
        except NotRead as e:
            stdin = (stdin_filename or "-", e)    # reported as the file's finding
    try:
        out = output.open_report(output_file)
    except OSError as e:
        raise UsageProblem(f"cannot write the report to {formats.printable(output_file)}: {e.strerror or e}") from None
    try:
        settings.options_for(paths[0] if paths else (stdin_filename or "stdin.xml"))  # config errors first
        total = len(discover(paths, settings))
        with _progress(total, fmt, output_file, no_progress or quiet) as tick:
            files, findings = run(paths, settings, stdin=stdin, progress=tick, jobs=jobs)
    except (dtds.DTDError, configs.ConfigError) as e:
        output.close_report(out, output_file)
        raise UsageProblem(str(e)) from None
    reader = formats.SourceLines(stdin)
    trouble = []     # environment errors: said on one line each, exit 2 once the report is written
    if fix:
        findings, failed = fixes.fix_files(findings, unsafe_fixes, stdin, lambda m: click.echo(m, err=True),
                                           sys.stdout if show_diff else None)
        trouble += ["some fixes could not be written"] * bool(failed)
    texts = [filters.baseline_text(f, reader) for f in findings] if write_baseline or baseline_path else []
    if write_baseline:
        try:
            filters.write_baseline(write_baseline, findings, texts)
            click.echo(f"wrote {len(findings)} findings to {write_baseline}", err=True)
        except OSError as e:
            trouble.append(f"cannot write the baseline {formats.printable(write_baseline)}: {e.strerror or e}")
    if baseline_path:
        try:
            findings = filters.new_since(findings, texts, filters.load_baseline(baseline_path))
        except (ValueError, KeyError, TypeError, OSError) as e:
            output.close_report(out, output_file)
            raise UsageProblem(f"{formats.printable(baseline_path)}: not a billlint baseline "
                               f"({formats.printable(str(e))})") from None
    try:
        formatter = formats.get(fmt)(out, lines=reader, color=fmt == "text" and out.isatty(), quiet=quiet)
        formatter.paths = files + ([stdin[0]] if stdin else [])
        formatter.start()
        for f in findings:
            formatter.handle(f)
        stats = Counter((f.code, f.name) for f in findings) if statistics else None
        formatter.finish(len(files) + (stdin is not None), stats)
        out.flush()
    except OSError as e:
        trouble.append(f"cannot write the report to {formats.printable(output_file or 'standard output')}: "
                       f"{e.strerror or e}")
        if not output_file:
            output.discard_stdout()
    finally:
        output.close_report(out, output_file, trouble)
    if trouble:
        raise UsageProblem(trouble[-1])
    threshold = SEVERITY_RANK[fail_on or settings.fail_on(paths[0] if paths else None)]
    failed = any(SEVERITY_RANK[f.severity] >= threshold for f in findings)
    sys.exit(EXIT_FINDINGS if failed and not exit_zero else EXIT_OK)


def _progress(total: int, fmt: str, output_file, off: bool):
    """A progress bar on stderr for batches on a terminal, in human formats only."""
    import contextlib
    if off or total <= 5 or fmt not in formats.HUMAN or not sys.stderr.isatty() or \
            (not output_file and not sys.stdout.isatty()):
        return contextlib.nullcontext(None)

    @contextlib.contextmanager
    def bar():
        found = [0]
        with click.progressbar(length=total, file=sys.stderr, label="checking",
                               item_show_func=lambda _: f"{found[0]} findings") as b:
            def tick(_path, n):
                found[0] += n
                b.update(1)
            yield tick
    return bar()


@cli.command()
@click.argument("file", type=click.Path())
@click.option("--format", "fmt", type=click.Choice(formats.LISTINGS), default="text", show_default=True)
@click.option("--view", type=click.Choice(VIEWS), default=REPORTED, show_default=True)
@click.option("--kind", "kinds", multiple=True, help="Only these kinds: internal, external, amended, quoted, anaphora.")
def refs(file, fmt, view, kinds):
    """List every cross-reference: where it stands, its kind, and what it resolves to."""
    from .analysis.listing import reference_rows
    from .formats import listing
    listing.render(fmt, "refs", file, reference_rows(_load_one(file), view, kinds), sys.stdout)


@cli.command()
@click.argument("file", type=click.Path())
@click.option("--format", "fmt", type=click.Choice(formats.LISTINGS), default="text", show_default=True)
@click.option("--view", type=click.Choice(VIEWS), default=REPORTED, show_default=True)
def amendments(file, fmt, view):
    """List each amendment instruction: its target, action and operands."""
    from .analysis.listing import instruction_rows
    from .formats import listing
    listing.render(fmt, "amendments", file, instruction_rows(_load_one(file), view), sys.stdout)


@cli.command()
@click.argument("file", type=click.Path())
@click.option("--format", "fmt", type=click.Choice(formats.CHANGES), default="text",
              show_default=True)
@click.option("--output-file", "-o", type=click.Path(dir_okay=False), help="Write the report here.")
def changes(file, fmt, output_file):
    """What the committees struck and inserted in a reported bill, provision by provision."""
    from .analysis import changes as ch
    _write_changes(fmt, ch.report(_load_one(file)), output_file)


@cli.command()
@click.argument("old", type=click.Path())
@click.argument("new", type=click.Path())
@click.option("--format", "fmt", type=click.Choice(formats.CHANGES), default="text",
              show_default=True)
@click.option("--output-file", "-o", type=click.Path(dir_okay=False), help="Write the report here.")
def diff(old, new, fmt, output_file):
    """The provision-by-provision changes from one version of a bill to another."""
    from .analysis import changes as ch
    _write_changes(fmt, ch.diff(_load_one(old), _load_one(new)), output_file)


def _write_changes(fmt, report, output_file) -> None:
    from .formats import changes as out
    if not output_file:
        out.render(fmt, report, sys.stdout, color=fmt == "text" and sys.stdout.isatty())
        return
    try:
        with open(output_file, "w", encoding="utf-8") as stream:
            out.render(fmt, report, stream)
    except OSError as e:
        raise UsageProblem(f"{output_file}: {e.strerror}") from None


def _load_one(file: str):
    """Load one file for a report command; a file billlint cannot read is a usage error (exit 2)."""
    from .pipeline.load import load
    loaded = load(file, None, validate=False)
    if loaded.doc is None:
        p = loaded.problems[0]
        raise UsageProblem(f"{file}:{p.line}:{p.column}: {p.message}")
    return loaded.doc


@cli.command("rules")
@click.option("--markdown", is_flag=True, help="Print the rule documentation as one markdown page (docs/rules.md).")
def rules_cmd(markdown):
    """List every rule: code, name, default severity, summary."""
    if markdown:
        click.echo(rules_markdown(), nl=False)
        return
    for r in all_rules():
        click.echo(f"{r.code}  {r.name:<28} {r.severity:<8} {r.summary}")


def rules_markdown() -> str:
    """docs/rules.md: a section per rule, from the rule docstrings (tests/test_docs.py keeps it current)."""
    from .rules.registry import FAMILIES
    out = ["# billlint rules\n\n", "Generated from the rule docstrings by `billlint rules --markdown`; do not edit.\n\n"]
    out.append("| code | name | severity | summary |\n|---|---|---|---|\n" + "".join(
        f"| {r.code} | [{r.name}](#{r.code.lower()}-{r.name}) | {r.severity} | {r.summary} |\n" for r in all_rules()))
    family = None
    for r in all_rules():
        if r.family != family:
            family = r.family
            prefix = next(k for k, v in FAMILIES.items() if v == family)
            out.append(f"\n## {prefix}xx: {family}\n")
        out.append(f"\n### {r.code} {r.name}\n\nDefault severity: {r.severity}.\n\n{r.doc}\n")
    return "".join(out)


@cli.command()
@click.argument("rule")
def explain(rule):
    """Print a rule's documentation (by code or name)."""
    r = find(rule)
    if r is None:
        raise UsageProblem(f"no rule {rule!r}; `billlint rules` lists them")
    cases = r.cases_path if os.path.exists(r.cases_path) else "(not in this installation)"
    click.echo(f"{r.code} {r.name} ({r.severity}; {r.family})\n\n{r.doc}\n\n{r.facts}\nrule:  {r.path}\ncases: {cases}")


@cli.group("dtd")
def dtd_group():
    """Find and install the official bill DTDs."""


@dtd_group.command("status")
@click.option("--dtd", "dtd_path", type=click.Path())
@click.option("--config", "config_path", type=click.Path(dir_okay=False))
def dtd_status(dtd_path, config_path):
    """Say which DTD billlint uses for each document type, and where it found it."""
    try:
        cfg = configs.load(Path(config_path)) if config_path else configs.load(configs.find(Path.cwd()))
    except configs.ConfigError as e:
        raise UsageProblem(str(e)) from None
    finder = dtds.Finder(option=dtd_path, config=cfg.path_value("dtd"))
    missing = 0
    for kind in dtds.KINDS:
        try:
            found = finder.find(kind)
        except dtds.DTDError as e:
            raise UsageProblem(str(e)) from None
        if found:
            click.echo(f"{kind:<14} {found.location}  (from {found.source})")
        else:
            missing += 1
            click.echo(f"{kind:<14} not found")
    if missing:
        click.echo("looked in: " + "; ".join(finder.tried()))
        click.echo("install the DTDs with: billlint dtd install FOLDER-OR-URL")
    sys.exit(EXIT_FINDINGS if missing else EXIT_OK)


@dtd_group.command("install")
@click.argument("source")
def dtd_install(source):
    """Copy bill.dtd, res.dtd and amend.dtd from a folder or URL into the user cache."""
    try:
        done = dtds.install(source)
    except dtds.DTDError as e:
        raise UsageProblem(str(e)) from None
    for line in done:
        click.echo(line)
    click.echo(f"installed into {dtds.cache_dir()}")


def main(argv: list[str] | None = None) -> int:
    """Run billlint; return the exit code instead of exiting. Whatever happens, the user sees one line, not a
    traceback: an environment error (full device, missing folder) exits 2."""
    try:
        code = _main(argv)
        sys.stdout.flush()
        return code
    except BrokenPipeError:
        output.discard_stdout()
        return EXIT_OK
    except OSError as e:
        output.discard_stdout()
        _say(f"billlint: cannot write to standard output: {e.strerror or e}"
             if e.errno is not None else f"billlint: {e}")
        return EXIT_ERROR


def _main(argv) -> int:
    try:
        cli.main(args=argv, prog_name="billlint", standalone_mode=False)
    except SystemExit as e:
        return e.code if isinstance(e.code, int) else EXIT_ERROR
    except click.exceptions.Abort:
        _say("Aborted.")
        return EXIT_ERROR
    except click.ClickException as e:
        _say(None, e)
        return EXIT_ERROR
    except (BrokenPipeError, OSError):
        raise
    except RecursionError:
        _say("billlint: internal error: nesting too deep")
        return EXIT_ERROR
    except MemoryError:
        _say("billlint: out of memory")
        return EXIT_ERROR
    except Exception as e:  # a bug in billlint: one line, not a traceback
        _say(f"billlint: internal error: {type(e).__name__}: {formats.printable(str(e))}")
        return EXIT_ERROR
    return EXIT_OK


def _say(line: str | None, e: click.ClickException | None = None) -> None:
    try:
        if line is None:
            e.show()
        else:
            click.echo(line, err=True)
    except (OSError, UnicodeError):
        pass
