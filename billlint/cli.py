"""Command line: click commands wired to the runner, the registry and the formatters.

Exit codes: 0 nothing at or above the failure threshold; 1 findings; 2 usage, configuration or
internal error.
"""

from __future__ import annotations

import functools
import json
import sys
from collections import Counter
from pathlib import Path

import click

from . import __version__
from . import config as configs
from . import dtd as dtds
from . import formats
from .findings import RANK
from .registry import Selection, all_rules, find
from .runner import Options, run

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class UsageProblem(click.ClickException):
    exit_code = EXIT_ERROR


def _split(values) -> list[str]:
    return [x.strip() for v in values or () for x in v.split(",") if x.strip()]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="billlint")
def cli() -> None:
    """billlint: validate and lint United States Congress bill XML."""


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--format", "fmt", type=click.Choice(formats.NAMES), default="text", show_default=True)
@click.option("--select", multiple=True, help="Rule codes, names or prefixes to enable (comma-separated).")
@click.option("--ignore", multiple=True, help="Rule codes, names or prefixes to disable.")
@click.option("--extend-select", multiple=True, help="Enable these in addition to the selection.")
@click.option("--dtd", "dtd_path", type=click.Path(), help="The bill DTDs: a folder holding them, or one DTD file.")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), help="Config file to use.")
@click.option("--isolated", is_flag=True, help="Ignore all config files.")
@click.option("--view", type=click.Choice(["reported", "introduced", "both"]), default=None,
              help="Which version of a reported bill the rules check [default: reported].")
@click.option("--no-validate", is_flag=True, help="Skip DTD validation.")
@click.option("--statistics", is_flag=True, help="Show the count of findings per rule.")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info"]), default=None,
              help="Lowest severity that makes the exit code 1 [default: warning].")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are findings.")
@click.option("--stdin-filename", help="The name to report for input read from '-'.")
def check(paths, fmt, select, ignore, extend_select, dtd_path, config_path, isolated, view, no_validate,
          statistics, fail_on, exit_zero, stdin_filename):
    """Check bill XML files (directories are searched for *.xml; '-' reads standard input)."""
    paths = list(paths) or ["."]
    cfg = _config(config_path, isolated, paths)
    try:
        selection = Selection(_split(select) or cfg.get("select"), _split(ignore) or cfg.get("ignore", []),
                              _split(extend_select) or cfg.get("extend-select", []))
    except ValueError as e:
        raise UsageProblem(str(e)) from None
    opts = Options(selection=selection, view=view or cfg.get("view", "reported"), validate=not no_validate)
    finder = dtds.Finder(option=dtd_path, config=cfg.path_value("dtd"))
    stdin = None
    if "-" in paths:
        paths.remove("-")
        stdin = (stdin_filename or "-", sys.stdin.buffer.read())
    try:
        files, findings = run(paths, finder, opts, stdin=stdin)
    except dtds.DTDError as e:
        raise UsageProblem(str(e)) from None
    out = sys.stdout
    reader = _SourceLines(stdin)
    formatter = formats.get(fmt)(out, lines=reader, color=fmt == "text" and out.isatty())
    formatter.start()
    for f in findings:
        formatter.handle(f)
    stats = Counter((f.code, f.name) for f in findings) if statistics else None
    formatter.finish(len(files) + (stdin is not None), stats)
    threshold = RANK[fail_on or cfg.get("fail-on", "warning")]
    failed = any(RANK[f.severity] >= threshold for f in findings)
    sys.exit(EXIT_FINDINGS if failed and not exit_zero else EXIT_OK)


def _config(config_path, isolated, paths) -> configs.Config:
    try:
        if isolated:
            return configs.Config()
        if config_path:
            return configs.load(Path(config_path))
        start = Path(paths[0]) if paths and paths[0] != "-" else Path.cwd()
        start = start if start.is_dir() else start.parent
        return configs.load(configs.find(start if start.exists() else Path.cwd()))
    except configs.ConfigError as e:
        raise UsageProblem(str(e)) from None


class _SourceLines:
    """Source lines for the text format, read once per file and only when a finding is shown."""

    def __init__(self, stdin):
        self.stdin = stdin

    @functools.lru_cache(maxsize=8)
    def _lines(self, path: str) -> list[str]:
        try:
            data = self.stdin[1] if self.stdin and path == self.stdin[0] else Path(path).read_bytes()
        except OSError:
            return []
        from .load import decode
        return decode(data, "utf-8").splitlines()

    def __call__(self, path: str, line: int) -> str | None:
        lines = self._lines(path)
        return lines[line - 1] if 0 < line <= len(lines) else None


@cli.command()
@click.argument("file", type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--view", type=click.Choice(["reported", "introduced"]), default="reported", show_default=True)
@click.option("--kind", "kinds", multiple=True, help="Only these kinds: internal, external, amended, quoted, anaphora.")
def refs(file, fmt, view, kinds):
    """List every cross-reference: where it stands, its kind, and what it resolves to."""
    from . import references
    doc = _load_one(file)
    rows = []
    for r in references.find(doc, view):
        if kinds and r.kind not in kinds:
            continue
        line, col = doc.source.line_col(doc.source.offset(r.run.anchor(r.start)))
        targets = [{"provision": t.path, "line": t.line} if t is not None else None for t in r.targets]
        rows.append({"line": line, "column": col, "provision": r.prov.path, "text": " ".join(r.text.split()),
                     "kind": r.kind, "targets": targets,
                     "struck": any(r.struck)})
    if fmt == "json":
        click.echo(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    for row in rows:
        got = ", ".join(f"{t['provision']} (line {t['line']})" if t else "UNRESOLVED" for t in row["targets"])
        arrow = f" -> {got}" if row["kind"] == "internal" else ""
        click.echo(f"{file}:{row['line']}:{row['column']}: {row['kind']:<8} {row['provision']}: "
                   f"\"{row['text']}\"{arrow}")


@cli.command()
@click.argument("file", type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--view", type=click.Choice(["reported", "introduced"]), default="reported", show_default=True)
def amendments(file, fmt, view):
    """List each amendment instruction: its target, action and operands."""
    from . import amendments as am
    doc = _load_one(file)
    rows = []
    for ins in am.parse(doc, view):
        line, col = doc.source.line_col(doc.source.offset(ins.run.anchor(ins.start)))
        block = ins.block
        ops = {k: v for k, v in ins.operands.items() if k != "following"}
        if block is not None:
            tops = [c for c in block if isinstance(c.tag, str) and c.find("enum") is not None]
            ops["block"] = {"line": block.sourceline,
                            "starts": f"{tops[0].tag} {''.join(tops[0].find('enum').itertext()).strip()}" if tops else None}
        if ins.action == am.REDESIGNATE:
            ops["respectively"] = ins.respectively
        rows.append({"line": line, "column": col, "provision": ins.prov.path, "action": ins.action,
                     "target": " / ".join(ins.target), "operands": ops})
    if fmt == "json":
        click.echo(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    for row in rows:
        ops = "; ".join(f"{k}: {v}" for k, v in row["operands"].items())
        click.echo(f"{file}:{row['line']}:{row['column']}: {row['provision']}: {row['action']} "
                   f"[{row['target'] or '?'}] {ops}")


@cli.command()
@click.argument("file", type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["text", "markdown", "html", "json"]), default="text",
              show_default=True)
def changes(file, fmt):
    """What the committees struck and inserted in a reported bill, provision by provision."""
    from . import changes as ch
    from .formats import changes as out
    out.render(fmt, ch.report(_load_one(file)), sys.stdout, color=fmt == "text" and sys.stdout.isatty())


@cli.command()
@click.argument("old", type=click.Path())
@click.argument("new", type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["text", "markdown", "html", "json"]), default="text",
              show_default=True)
def diff(old, new, fmt):
    """The provision-by-provision changes from one version of a bill to another."""
    from . import changes as ch
    from .formats import changes as out
    out.render(fmt, ch.diff(_load_one(old), _load_one(new)), sys.stdout, color=fmt == "text" and sys.stdout.isatty())


def _load_one(file: str):
    """Load one file for a report command; a file billlint cannot read is a usage error (exit 2)."""
    from .load import load
    loaded = load(file, None, validate=False)
    if loaded.doc is None:
        p = loaded.problems[0]
        raise UsageProblem(f"{file}:{p.line}:{p.column}: {p.message}")
    return loaded.doc


@cli.command("rules")
def rules_cmd():
    """List every rule: code, name, default severity, summary."""
    for r in all_rules():
        click.echo(f"{r.code}  {r.name:<28} {r.severity:<8} {r.summary}")


@cli.command()
@click.argument("rule")
def explain(rule):
    """Print a rule's documentation (by code or name)."""
    r = find(rule)
    if r is None:
        raise UsageProblem(f"no rule {rule!r}; `billlint rules` lists them")
    click.echo(f"{r.code} {r.name} ({r.severity}; {r.family})\n\n{r.doc}")


@cli.group("dtd")
def dtd_group():
    """Find and install the official bill DTDs."""


@dtd_group.command("status")
@click.option("--dtd", "dtd_path", type=click.Path())
@click.option("--config", "config_path", type=click.Path(dir_okay=False))
def dtd_status(dtd_path, config_path):
    """Say which DTD billlint uses for each document type, and where it found it."""
    cfg = _config(config_path, False, [])
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
    """Run billlint; return the exit code instead of exiting."""
    try:
        cli.main(args=argv, prog_name="billlint", standalone_mode=False)
    except SystemExit as e:
        return e.code if isinstance(e.code, int) else EXIT_ERROR
    except click.exceptions.Abort:
        click.echo("Aborted.", err=True)
        return EXIT_ERROR
    except click.ClickException as e:
        e.show()
        return EXIT_ERROR
    except BrokenPipeError:
        return EXIT_OK
    return EXIT_OK
