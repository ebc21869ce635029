"""Options: the command line's choices and the config files', merged into the Options each file is checked with.

Config files: [tool.billlint] in pyproject.toml, or billlint.toml, found by walking up from each file.
The nearest file wins; `extend = "path"` inherits another file's settings (the extending file's keys
win). Unknown keys and bad values are errors that name the file and the key. Paths in a config file
(dtd, extend, exclude and per-file-ignores patterns) are relative to that file's folder.
"""

from __future__ import annotations

import fnmatch
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path

from . import dtd as dtds
from ..model.vocabulary import REPORTED, SEVERITIES, VIEW_CHOICES, WARNING
from ..rules.registry import Selection, find as find_rule

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

LIST, STR, TABLE = "a list of strings", "a string", "a table"
KEYS = {"select": LIST, "ignore": LIST, "extend-select": LIST, "per-file-ignores": TABLE, "severity": TABLE,
        "dtd": STR, "exclude": LIST, "view": STR, "fail-on": STR, "extend": STR}
CHOICES = {"view": VIEW_CHOICES, "fail-on": SEVERITIES}


CONFIG_BYTES = 1_000_000   # a config file is a few lines; /dev/zero or a FIFO given as one is not read


class ConfigError(Exception):
    pass


@dataclass
class Config:
    path: Path | None = None
    values: dict = field(default_factory=dict)

    def get(self, key: str, default=None):
        return self.values.get(key, default)

    @property
    def root(self) -> Path:
        return self.path.parent if self.path else Path.cwd()

    def path_value(self, key: str) -> str | None:
        v = self.values.get(key)
        if v is None or self.path is None:
            return v
        return str((self.path.parent / v).resolve())

    def ignored_for(self, file: str) -> list[str]:
        """Rules per-file-ignores turns off for this file (patterns relative to the config's folder)."""
        rel = _relative(file, self.root)
        out = []
        for pattern, rules in self.values.get("per-file-ignores", {}).items():
            if fnmatch.fnmatch(rel, pattern) or fnmatch.fnmatch(os.path.basename(file), pattern):
                out += rules
        return out

    def excluded(self, file: str) -> bool:
        rel = _relative(file, self.root)
        parts = Path(rel).parts
        return any(fnmatch.fnmatch(rel, p) or any(fnmatch.fnmatch(part, p) for part in parts)
                   for p in self.values.get("exclude", []))


def _relative(file: str, root: Path) -> str:
    try:
        return Path(os.path.abspath(file)).relative_to(root.resolve()).as_posix()
    except ValueError:
        return Path(file).as_posix()


def find(start: Path) -> Path | None:
    start = start.resolve()
    for folder in (start, *start.parents):
        for name in ("billlint.toml", "pyproject.toml"):
            candidate = folder / name
            if candidate.is_file() and (name == "billlint.toml" or _has_section(candidate)):
                return candidate
    return None


def _has_section(pyproject: Path) -> bool:
    from .load import read_regular
    try:
        return "billlint" in tomllib.loads(read_regular(str(pyproject), CONFIG_BYTES).decode("utf-8")).get("tool", {})
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError):
        return False


def load(path: Path | None, _seen: tuple = ()) -> Config:
    if path is None:
        return Config()
    path = path.resolve()
    if path in _seen:
        raise ConfigError(f"{path}: extend loops back to itself")
    from .load import read_regular
    try:
        data = tomllib.loads(read_regular(str(path), CONFIG_BYTES).decode("utf-8"))
    except OSError as e:
        raise ConfigError(f"{path}: cannot read: {e.strerror or e}") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
        raise ConfigError(f"{path}: not valid TOML: {e}") from None
    values = data.get("tool", {}).get("billlint", {}) if path.name == "pyproject.toml" else data
    _check(path, values)
    cfg = Config(path, dict(values))
    if "extend" in values:
        base = load(path.parent / values["extend"], _seen + (path,))
        merged = dict(base.values)
        # the base's relative paths stay relative to the base's folder
        if "dtd" in merged:
            merged["dtd"] = base.path_value("dtd")
        merged.update(values)
        cfg = Config(path, merged)
    return cfg


def _check(path: Path, values: dict) -> None:
    where = f"{path}: {'[tool.billlint] ' if path.name == 'pyproject.toml' else ''}"
    for key, value in values.items():
        kind = KEYS.get(key)
        if kind is None:
            raise ConfigError(f"{where}unknown key {key!r} (known: {', '.join(sorted(KEYS))})")
        ok = (kind == LIST and isinstance(value, list) and all(isinstance(x, str) for x in value)) or \
             (kind == STR and isinstance(value, str)) or (kind == TABLE and isinstance(value, dict))
        if not ok:
            raise ConfigError(f"{where}{key} must be {kind}")
        if key in CHOICES and value not in CHOICES[key]:
            raise ConfigError(f"{where}{key} must be one of {', '.join(CHOICES[key])}")
        if key == "per-file-ignores" and not all(isinstance(v, list) for v in value.values()):
            raise ConfigError(f"{where}per-file-ignores maps file patterns to lists of rules")
        if key == "severity" and not all(v in SEVERITIES for v in value.values()):
            raise ConfigError(f"{where}severity values must be one of {', '.join(SEVERITIES)}")


class Resolver:
    """The config for each file: --config for all, none with --isolated, else the nearest file's."""

    def __init__(self, explicit: Path | None = None, isolated: bool = False):
        self.isolated = isolated
        self.explicit = load(explicit) if explicit else None
        self._by_dir: dict[str, Config] = {}

    def for_file(self, file: str) -> Config:
        if self.isolated:
            return Config()
        if self.explicit is not None:
            return self.explicit
        folder = os.path.dirname(os.path.abspath(file)) or "."
        if folder not in self._by_dir:
            found = find(Path(folder)) if os.path.isdir(folder) else None
            self._by_dir[folder] = load(found)
        return self._by_dir[folder]


@dataclass
class Options:
    """What decides one file's findings, besides the file itself."""
    selection: Selection = field(default_factory=Selection)
    view: str = REPORTED               # reported | introduced | both
    validate: bool = True
    severity: dict = field(default_factory=dict)   # code -> severity override
    unused_suppressions: bool = True


@dataclass
class Settings:
    """Command-line choices; the config files found for each file add to them (the command line wins).

    Everything here can be sent to a worker process (workers.py rebuilds it from these fields).
    """
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

    FIELDS = ("select", "ignore", "extend_select", "view", "validate", "dtd", "config", "isolated", "use_cache",
              "cache_dir")

    def __post_init__(self):
        self._resolver = Resolver(Path(self.config) if self.config else None, self.isolated)
        self._options: dict = {}
        self._finders: dict = {}

    def config_for(self, path: str) -> Config:
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
                raise ConfigError(f"{where}{e}") from None
            severity = {}
            for k, v in cfg.get("severity", {}).items():
                r = find_rule(k)
                if r is None:
                    raise ConfigError(f"{cfg.path}: severity: unknown rule {k!r}")
                severity[r.code] = v
            self._options[key] = Options(selection, self.view or cfg.get("view", REPORTED), self.validate,
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
                     opts.unused_suppressions, kinds, fingerprint()))

    def fail_on(self, path: str | None = None) -> str:
        cfg = self.config_for(path) if path else Config()
        return cfg.get("fail-on", WARNING)
