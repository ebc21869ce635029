"""billlint: a validator and linter for United States Congress bill XML."""

__version__ = "0.1.0"
