"""Command line: click commands wired to the runner, the registry and the formatters.

Exit codes: 0 nothing at or above the failure threshold; 1 findings; 2 usage, configuration or
internal error.
"""

from __future__ import annotations

import os
import sys
from collections import Counter

import click

from . import __version__
from .pipeline import options as configs
from .pipeline import dtd as dtds
from . import formats
from .formats import output
from .formats import COLOR_CHOICES, use_color
from .formats.progress import progress_bar
from .formats.rules import line as rules_line, markdown as rules_markdown  # noqa: F401  (tests read it here)
from .model.vocabulary import REPORTED, SEVERITIES, SEVERITY_RANK, VIEW_CHOICES, VIEWS
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
@click.version_option(__version__, prog_name="billlint", message="%(prog)s %(version)s")
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
@click.option("--fix", is_flag=True,
              help="Apply safe fixes to the files (atomically); for '-', write the fixed document to stdout.")
@click.option("--diff", "show_diff", is_flag=True,
              help="Print the fixes --fix would make as a diff (around each change) and change nothing.")
@click.option("--unsafe-fixes", is_flag=True, help="Apply (or show) fixes not marked safe too.")
@click.option("--color", type=click.Choice(COLOR_CHOICES), default="auto", show_default=True,
              help="Color the text output: auto (on a terminal, unless NO_COLOR is set; FORCE_COLOR forces it).")
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
          baseline_path, no_progress, quiet, jobs, cache_dir, no_cache, color):
    """Check bill XML files (directories are searched for *.xml; '-' reads standard input)."""
    from .pipeline import filter as filters
    paths = list(paths) or ["."]
    fmt = fmt or ("github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text")
    if not (no_cache or cache_dir):
        from .pipeline.cache import default_dir
        cache_dir = default_dir()
    try:
        settings = Settings(_split(select) or None, _split(ignore), _split(extend_select), view, not no_validate,
                            tuple(dtd_path), config_path, isolated, cache_dir=None if no_cache else str(cache_dir))
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
        with progress_bar(total, fmt, output_file, no_progress or quiet) as tick:
            files, findings = run(paths, settings, stdin=stdin, progress=tick, jobs=jobs)
    except (dtds.DTDError, configs.ConfigError) as e:
        output.close_report(out, output_file)
        raise UsageProblem(str(e)) from None
    reader = formats.SourceLines(stdin)
    fail_on = fail_on or settings.fail_on(paths[0] if paths else None)
    trouble = []     # environment errors: said on one line each, exit 2 once the report is written
    if show_diff or fix:
        from .pipeline import fix as fixes
    if show_diff:   # a preview: the diff on stdout, nothing changed, exit 1 when there is something to fix
        output.close_report(out, output_file)
        todo = fixes.preview(findings, unsafe_fixes, stdin, lambda m: click.echo(m, err=True), sys.stdout)
        sys.exit(EXIT_FINDINGS if todo and not exit_zero else EXIT_OK)
    if fix:
        fixed_to = None
        if stdin is not None:   # the fixed document goes to stdout, the findings left to stderr
            fixed_to = sys.stdout.buffer if hasattr(sys.stdout, "buffer") else sys.stdout
            out = out if output_file else sys.stderr
        findings, failed = fixes.fix_files(findings, unsafe_fixes, stdin, lambda m: click.echo(m, err=True),
                                           fixed_to=fixed_to)
        sys.stdout.flush()
        trouble += ["some fixes could not be written"] * bool(failed)
    if write_baseline:
        try:
            filters.write_baseline(write_baseline, findings, [filters.baseline_text(f, reader) for f in findings])
            click.echo(f"wrote {len(findings)} findings to {write_baseline}", err=True)
            exit_zero = True   # recording the findings is the job done: `--write-baseline … && …` goes on
        except OSError as e:
            trouble.append(f"cannot write the baseline {formats.printable(write_baseline)}: {e.strerror or e}")
    if baseline_path:
        try:
            findings = filters.new_since(findings, [filters.baseline_text(f, reader) for f in findings],
                                         filters.load_baseline(baseline_path), baseline_path)
        except (ValueError, KeyError, TypeError, OSError) as e:
            output.close_report(out, output_file)
            raise UsageProblem(f"{formats.printable(baseline_path)}: not a billlint baseline "
                               f"({formats.printable(str(e))})") from None
    try:
        formatter = formats.get(fmt)(out, lines=reader, color=fmt in formats.HUMAN and use_color(color, out),
                                     quiet=quiet, fail_on=fail_on, unsafe=unsafe_fixes)
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
    threshold = SEVERITY_RANK[fail_on]
    failed = any(SEVERITY_RANK[f.severity] >= threshold for f in findings)
    sys.exit(EXIT_FINDINGS if failed and not exit_zero else EXIT_OK)




@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--format", "fmt", type=click.Choice(formats.LISTINGS), default="text", show_default=True)
@click.option("--view", type=click.Choice(VIEWS), default=REPORTED, show_default=True)
@click.option("--kind", "kinds", multiple=True, help="Only these kinds: internal, external, amended, quoted, anaphora.")
def refs(paths, fmt, view, kinds):
    """List every cross-reference: where it stands, its kind, and what it resolves to (files or folders)."""
    from .analysis.listing import reference_rows
    _listing(fmt, "refs", paths, lambda doc: reference_rows(doc, view, kinds))


@cli.command()
@click.argument("args", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(formats.LISTINGS), default="text", show_default=True)
@click.option("--view", type=click.Choice(VIEWS), default=REPORTED, show_default=True)
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None, help="With index: worker processes.")
@click.option("--output", "-o", type=click.Path(dir_okay=False), default=None,
              help="With index: write the index here [default: the user index in the user cache].")
def cites(args, fmt, view, jobs, output):
    """List each citation of other law in FILE and what the checks say; `cites index FOLDER...` adds the bills
    in FOLDERs to the citation index the BL61x rules consult (bills already counted are not added again)."""
    if args[0] == "index":
        from .analysis.citation_index import update
        if len(args) < 2:
            raise UsageProblem("cites index: give one or more folders (or files) of bills")
        path, added, total = update(list(args[1:]), output, jobs)
        click.echo(f"{path}: {added} bills added, {total} in all")
        return
    if len(args) > 1:
        raise UsageProblem("cites: one FILE at a time (or `cites index FOLDER...`)")
    from .analysis.citations import report
    from .formats import listing
    listing.render(fmt, "cites", [(args[0], report(_load_one(args[0]), view))], sys.stdout)


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--format", "fmt", type=click.Choice(formats.LISTINGS), default="text", show_default=True)
@click.option("--view", type=click.Choice(VIEWS), default=REPORTED, show_default=True)
def amendments(paths, fmt, view):
    """List each amendment instruction: its target, action and operands (files or folders)."""
    from .analysis.listing import instruction_rows
    _listing(fmt, "amendments", paths, lambda doc: instruction_rows(doc, view))


def _listing(fmt: str, name: str, paths, rows) -> None:
    """A listing over files and folders. One file that cannot be read is a usage error; in a batch it is named
    on stderr, skipped, and the exit code is 1."""
    from .analysis.listing import over
    from .formats import listing
    files = discover(list(paths))
    if not files:
        raise UsageProblem(f"no XML files in {', '.join(paths)}")
    if len(files) == 1:
        return listing.render(fmt, name, [(files[0], rows(_load_one(files[0])))], sys.stdout)
    got, skipped = over(files, rows)
    for message in skipped:
        click.echo(f"skipped {message}", err=True)
    listing.render(fmt, name, got, sys.stdout)
    sys.exit(EXIT_FINDINGS if skipped else EXIT_OK)


@cli.command()
@click.argument("file", type=click.Path())
@click.option("--format", "fmt", type=click.Choice(formats.CHANGES), default="text",
              show_default=True)
@click.option("--output-file", "-o", type=click.Path(dir_okay=False), help="Write the report here.")
@click.option("--color", type=click.Choice(COLOR_CHOICES), default="auto", show_default=True)
def changes(file, fmt, output_file, color):
    """What the committees struck and inserted in a reported bill, provision by provision."""
    from .analysis import changes as ch
    _write_changes(fmt, ch.report(_load_one(file)), output_file, color)


@cli.command()
@click.argument("old", type=click.Path())
@click.argument("new", type=click.Path())
@click.option("--format", "fmt", type=click.Choice(formats.CHANGES), default="text",
              show_default=True)
@click.option("--output-file", "-o", type=click.Path(dir_okay=False), help="Write the report here.")
@click.option("--color", type=click.Choice(COLOR_CHOICES), default="auto", show_default=True)
def diff(old, new, fmt, output_file, color):
    """The provision-by-provision changes from one version of a bill to another."""
    from .analysis import changes as ch
    _write_changes(fmt, ch.diff(_load_one(old), _load_one(new)), output_file, color)


def _write_changes(fmt, report, output_file, color: str = "auto") -> None:
    from .formats import changes as out
    if not output_file:
        out.render(fmt, report, sys.stdout, color=fmt == "text" and use_color(color, sys.stdout))
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


from . import cli_tools  # noqa: E402,F401  (registers rules, explain, server and dtd on the group)
