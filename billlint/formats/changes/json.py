"""json: a list of changes, each with provision, change, before, after, line (and the word diff)."""

import json


def render(report, stream, color: bool = False) -> None:
    json.dump([c.to_dict() for c in report.changes], stream, indent=2, ensure_ascii=False)
    stream.write("\n")
