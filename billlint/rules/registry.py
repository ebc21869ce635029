"""The rule registry: one table of every rule, with code, name, family, severity and documentation.

A rule is a function from a Document to Reports, decorated with @rule, in its own module
rules/blN_family/blNNN_name.py; its docstring is its user documentation (what it checks, why, a bad and a
good example) and the decorator declares the rest: severity, whether it fixes, whether its findings depend
on the view, what it reads, and since when it exists. Its cases are tests/rules/cases/BLNNN.yml.
"""

from __future__ import annotations

import inspect
import sys
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable

from ..model.vocabulary import SEVERITIES

FAMILIES = {
    "BL0": "input and schema",
    "BL1": "structure and designations",
    "BL2": "cross-references",
    "BL3": "amendment instructions",
    "BL4": "drafting text",
    "BL5": "reported markup",
    "BL6": "citations of other law",
}


@dataclass(frozen=True)
class Rule:
    """A rule and what it declares about itself."""
    code: str
    name: str
    severity: str
    doc: str
    check: Callable | None = None   # None: reported by the loader, not by a check over the model
    fixable: bool = False           # some of its findings carry a fix
    view_dependent: bool = True     # its findings may differ between the reported and the introduced view
    reads: tuple = ()               # what it looks at: "source", "provisions", "text", "references", ...
    since: str = "0.1.0"            # the billlint version that added it
    path: str = ""                  # the module that defines it

    @property
    def family(self) -> str:
        return FAMILIES.get(self.code[:3], "")

    @property
    def summary(self) -> str:
        return self.doc.strip().splitlines()[0] if self.doc.strip() else ""

    @property
    def cases_path(self) -> str:
        """Its case file, in a source checkout (tests/ is not installed with the package)."""
        return str(_CHECKOUT / "tests" / "rules" / "cases" / f"{self.code}.yml")

    @property
    def facts(self) -> str:
        """What it declares, in one line."""
        return (f"fixable: {'yes' if self.fixable else 'no'}; depends on the view: "
                f"{'yes' if self.view_dependent else 'no'}; reads: {', '.join(self.reads)}; since {self.since}")


# What a rule may read: the raw source, the provision tree, the provisions' text, the cross-references and
# amendment instructions found in it, or the markup (attributes and elements besides provisions).
READS = ("source", "provisions", "text", "references", "instructions", "markup")

RULES: dict[str, Rule] = {}   # every rule once all_rules() has run (the rule modules load then)
_loaded = False
_CHECKOUT = Path(__file__).resolve().parents[2]


def rule(code: str, name: str, severity: str = "warning", *, fixable: bool = False, view_dependent: bool = True,
         reads: tuple = (), since: str = "0.1.0"):
    """Register a rule function under a stable code and a kebab-case name, with what it declares."""
    def wrap(fn):
        add(Rule(code, name, severity, fn.__doc__ or "", fn, fixable, view_dependent, tuple(reads), since,
                 inspect.getsourcefile(fn) or ""))
        return fn
    return wrap


def declare(code: str, name: str, severity: str, doc: str, *, module: str = "", since: str = "0.1.0") -> Rule:
    """Register a rule the loader reports (no check over the model): it reads the source, whatever the view."""
    path = getattr(sys.modules.get(module), "__file__", "") or ""
    return add(Rule(code, name, severity, doc, None, False, False, ("source",), since, path))


def add(r: Rule) -> Rule:
    if r.severity not in SEVERITIES:
        raise ValueError(f"rule {r.code}: unknown severity {r.severity!r}")
    if not r.reads or set(r.reads) - set(READS):
        raise ValueError(f"rule {r.code}: reads {r.reads!r}; say which of {', '.join(READS)}")
    r = replace(r, doc=inspect.cleandoc(r.doc))
    if r.code in RULES or any(x.name == r.name for x in RULES.values()):
        raise ValueError(f"rule {r.code} {r.name} registered twice")
    RULES[r.code] = r
    return r


def all_rules() -> list[Rule]:
    global _loaded
    if not _loaded:
        from . import register_all
        register_all()
        _loaded = True
    return sorted(RULES.values(), key=lambda r: r.code)


def get(code: str) -> Rule:
    """The rule with this code."""
    if not _loaded:
        all_rules()
    return RULES[code]


def find(key: str) -> Rule | None:
    for r in all_rules():
        if key.upper() == r.code or key.lower() == r.name:
            return r
    return None


def suggest(key: str) -> str | None:
    """The rule name or code nearest to a mistyped one, for a "did you mean"."""
    import difflib
    rules = all_rules()
    k = key.strip()
    got = difflib.get_close_matches(k.lower(), [r.name for r in rules], n=1, cutoff=0.6) or \
        difflib.get_close_matches(k.upper(), [r.code for r in rules], n=1, cutoff=0.75)
    if not got:
        return None
    r = find(got[0])
    return f"{r.code} {r.name}"


def did_you_mean(key: str) -> str:
    """"; did you mean BL402 doubled-word?" for a near miss, else ""."""
    hint = suggest(key)
    return f"; did you mean {hint}?" if hint else ""


class Selection:
    """--select / --ignore / --extend-select over codes, names or code prefixes ("BL2", "ALL")."""

    def __init__(self, select=None, ignore=(), extend_select=()):
        self.select = list(select) if select else ["ALL"]
        self.select += list(extend_select)
        self.ignore = list(ignore)
        bad = [k for k in self.select + self.ignore if not self._known(k)]
        if bad:
            hints = [f"{k!r}{did_you_mean(k)}" for k in bad if suggest(k)]
            raise ValueError(f"unknown rule code, name or prefix: {', '.join(bad)}" +
                             (f" ({'; '.join(hints)})" if hints else ""))

    @staticmethod
    def _known(key: str) -> bool:
        return any(_matches(key, r) for r in all_rules())

    def enabled(self, r: Rule) -> bool:
        # The most specific matching key wins, as in ruff: "--select BL2 --ignore BL201" keeps BL202.
        best_sel = max((_specificity(k, r) for k in self.select if _matches(k, r)), default=-1)
        best_ign = max((_specificity(k, r) for k in self.ignore if _matches(k, r)), default=-1)
        return best_sel >= 0 and best_sel >= best_ign if best_ign < 0 else best_sel > best_ign


def _matches(key: str, r: Rule) -> bool:
    k = key.strip()
    return k.upper() == "ALL" or r.code.startswith(k.upper()) or k.lower() == r.name


def _specificity(key: str, r: Rule) -> int:
    k = key.strip()
    if k.upper() == "ALL":
        return 0
    if k.lower() == r.name:
        return 10
    return len(k)
