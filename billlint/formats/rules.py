"""The rule list and docs/rules.md, from the registry (`billlint rules`, `billlint rules --markdown`)."""

from __future__ import annotations

import os

from ..rules.registry import FAMILIES, all_rules


def line(r) -> str:
    """One rule for `billlint rules`: [*] when --fix can fix its findings."""
    return f"{r.code}  {r.name:<28} {r.severity:<8} {'[*]' if r.fixable else '   '} {r.summary}"


def markdown() -> str:
    """docs/rules.md: a section per rule, from the rule docstrings (tests/test_docs.py keeps it current)."""
    out = ["# billlint rules\n\n", "Generated from the rule docstrings by `billlint rules --markdown`; do not edit.\n\n"]
    out.append("| code | name | severity | fix | summary |\n|---|---|---|---|---|\n" + "".join(
        f"| {r.code} | [{r.name}](#{r.code.lower()}-{r.name}) | {r.severity} | {'yes' if r.fixable else ''} | "
        f"{r.summary} |\n" for r in all_rules()))
    family = None
    for r in all_rules():
        if r.family != family:
            family = r.family
            prefix = next(k for k, v in FAMILIES.items() if v == family)
            out.append(f"\n## {prefix}xx: {family}\n")
        fix = " `--fix` fixes some of its findings." if r.fixable else ""
        out.append(f"\n### {r.code} {r.name}\n\nDefault severity: {r.severity}.{fix}\n\n{r.doc}\n")
    return "".join(out)


def explanation(r) -> str:
    """`billlint explain`: the rule's documentation and what it declares (fixable or not, among others)."""
    cases = r.cases_path if os.path.exists(r.cases_path) else "(not in this installation)"
    return f"{r.code} {r.name} ({r.severity}; {r.family})\n\n{r.doc}\n\n{r.facts}\nrule:  {r.path}\ncases: {cases}"
