"""Configuration: [tool.billlint] in pyproject.toml, or billlint.toml, found by walking up from a folder."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

KEYS = {"select": list, "ignore": list, "extend-select": list, "dtd": str, "view": str, "fail-on": str}
CHOICES = {"view": ("reported", "introduced", "both"), "fail-on": ("error", "warning", "info")}


class ConfigError(Exception):
    pass


@dataclass
class Config:
    path: Path | None = None
    values: dict = field(default_factory=dict)

    def get(self, key: str, default=None):
        return self.values.get(key, default)

    def path_value(self, key: str) -> str | None:
        """A path from the config, relative to the config file's folder."""
        v = self.values.get(key)
        if v is None or self.path is None:
            return v
        return str((self.path.parent / v).resolve())


def find(start: Path) -> Path | None:
    start = start.resolve()
    for folder in (start, *start.parents):
        for name in ("billlint.toml", "pyproject.toml"):
            candidate = folder / name
            if candidate.is_file() and (name == "billlint.toml" or _has_section(candidate)):
                return candidate
    return None


def _has_section(pyproject: Path) -> bool:
    try:
        return "billlint" in tomllib.loads(pyproject.read_text(encoding="utf-8")).get("tool", {})
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError):
        return False


def load(path: Path | None) -> Config:
    if path is None:
        return Config()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as e:
        raise ConfigError(f"{path}: cannot read: {e.strerror or e}") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
        raise ConfigError(f"{path}: not valid TOML: {e}") from None
    values = data.get("tool", {}).get("billlint", {}) if path.name == "pyproject.toml" else data
    section = "[tool.billlint]" if path.name == "pyproject.toml" else ""
    for key, value in values.items():
        if key not in KEYS:
            raise ConfigError(f"{path}: {section} unknown key {key!r} (known: {', '.join(sorted(KEYS))})")
        if not isinstance(value, KEYS[key]) or (KEYS[key] is list and not all(isinstance(x, str) for x in value)):
            want = "a list of strings" if KEYS[key] is list else "a string"
            raise ConfigError(f"{path}: {section} {key} must be {want}")
        if key in CHOICES and value not in CHOICES[key]:
            raise ConfigError(f"{path}: {section} {key} must be one of {', '.join(CHOICES[key])}")
    return Config(path, values)
