"""json: the whole report: summary (versions, committees, notes, counts), legend, and every entry."""

import json

from . import KIND_NOTES, MARKS


def render(report, stream, color: bool = False) -> None:
    data = report.to_dict()
    data["legend"] = {"marks": MARKS, "kinds": KIND_NOTES}
    json.dump(data, stream, indent=2, ensure_ascii=False)
    stream.write("\n")
