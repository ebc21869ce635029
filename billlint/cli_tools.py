"""The commands about billlint itself: `rules`, `explain`, `server` and `dtd status|install`."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from .cli import EXIT_FINDINGS, EXIT_OK, UsageProblem, cli
from .formats.rules import line as rules_line, markdown as rules_markdown
from .pipeline import dtd as dtds
from .pipeline import options as configs
from .rules.registry import all_rules, did_you_mean, find


@cli.command("rules")
@click.option("--markdown", is_flag=True, help="Print the rule documentation as one markdown page (docs/rules.md).")
def rules_cmd(markdown):
    """List every rule: code, name, default severity, [*] when --fix can fix its findings, summary."""
    if markdown:
        click.echo(rules_markdown(), nl=False)
        return
    for r in all_rules():
        click.echo(rules_line(r))


@cli.command()
@click.argument("rule")
def explain(rule):
    """Print a rule's documentation (by code or name)."""
    from .formats.rules import explanation
    r = find(rule)
    if r is None:
        raise UsageProblem(f"no rule {rule!r}{did_you_mean(rule)} (`billlint rules` lists them)")
    click.echo(explanation(r))


@cli.command()
def server():
    """Run the Language Server (LSP over stdio) for editors: diagnostics as you type, fixes as code actions."""
    try:
        from .server import main as serve
    except ImportError:
        raise UsageProblem("billlint server needs pygls: pip install 'billlint[server]'") from None
    serve()


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
    try:
        lines, missing = dtds.status(finder)
    except dtds.DTDError as e:
        raise UsageProblem(str(e)) from None
    click.echo("\n".join(lines))
    sys.exit(EXIT_FINDINGS if missing else EXIT_OK)


@dtd_group.command("install", epilog=dtds.INSTALL_HELP)
@click.argument("source", required=False)
def dtd_install(source):
    """Install the bill DTDs (bill.dtd, res.dtd, amend.dtd) and USLM schemas into the user cache.

    SOURCE is a folder or an http(s):// or file:// URL holding them; without it, GPO's published files are
    downloaded.
    """
    try:
        done = dtds.install(source) if source else dtds.install_official()
    except dtds.DTDError as e:
        raise UsageProblem(str(e)) from None
    for line in done:
        click.echo(line)
    click.echo(f"installed into {dtds.cache_dir()}")
