"""Output formats for change reports (`billlint changes`, `billlint diff`): one module per format."""

import importlib

NAMES = ("text", "markdown", "html", "json")


def render(name: str, report, stream, color: bool = False) -> None:
    if name not in NAMES:
        raise ValueError(f"unknown format {name!r}")
    importlib.import_module(f".{name}", __name__).render(report, stream, color=color)


def grouped(report):
    """Changes grouped by committee, in the order the committees appear."""
    order = [c[0] for c in report.committees]
    groups = {cid: [] for cid in order}
    for ch in report.changes:
        groups.setdefault(ch.committee, []).append(ch)
    info = {c[0]: c for c in report.committees}
    return [(info.get(cid, (cid, None, None)), chs) for cid, chs in groups.items() if chs]


def trimmed(diff, context: int = 80):
    """The diff with long unchanged runs cut to some words of context around each change."""
    out = []
    n = len(diff)
    if n == 1 and diff[0][0] == "=":
        return diff  # nothing changed in the words (a redesignated unit): show them whole
    for i, (op, t) in enumerate(diff):
        if op != "=" or len(t) <= 2 * context + 5:
            out.append((op, t))
            continue
        head = t[:context].rsplit(" ", 1)[0] if i > 0 else ""     # cut at a space, not inside a word
        tail = t[-context:].split(" ", 1)[-1] if i < n - 1 else ""
        if i == 0:
            out.append(("=", "…" + tail.lstrip()))
        elif i == n - 1:
            out.append(("=", head.rstrip() + "…"))
        else:
            out.append(("=", head.rstrip() + " … " + tail.lstrip()))
    return out
