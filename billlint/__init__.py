"""billlint: a validator and linter for United States Congress bill XML.

The Python API (billlint/api.py): billlint.check(), billlint.changes(), billlint.diff(), and the Finding, Fix and
Error types. Importing billlint loads none of it (lxml and the rules load on first use).
"""

__version__ = "0.1.0"

__all__ = ["check", "changes", "diff", "Finding", "Fix", "Error", "__version__"]


def __getattr__(name: str):
    if name in ("check", "changes", "diff", "Finding", "Fix", "Error"):
        from . import api
        return getattr(api, name)
    raise AttributeError(f"module 'billlint' has no attribute {name!r}")
