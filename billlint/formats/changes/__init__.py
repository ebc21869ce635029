"""Output formats for change reports (`billlint changes`, `billlint diff`): one module per format.

Every format says the same things (tests/test_changes.py compares them): the summary (versions compared,
committees and their instructions, notes, counts per kind), the legend, and per entry its path (old and
new), kind, section, header, words and lines. What they share is worked out here.
"""

import importlib

NAMES = ("text", "markdown", "html", "json")

# What each kind means, as the legend of every format gives it.
KIND_NOTES = {
    "modified": "same place, words or header changed",
    "redesignated": "its designation changed (old → new) under the same parent; words shown changed if they were",
    "moved": "now stands under another provision (old → new path)",
    "added": "new in the later version",
    "deleted": "struck; listed where it stood",
}
MARKS = {"inserted": "inserted text (the bill prints it in italic)", "struck": "struck text"}
LONG = 12       # entries from which a report gets a table of contents


def render(name: str, report, stream, color: bool = False) -> None:
    if name not in NAMES:
        raise ValueError(f"unknown format {name!r}")
    importlib.import_module(f".{name}", __name__).render(report, stream, color=color)


def compared(report) -> str:
    """Which versions are compared, and where the line numbers come from."""
    if report.pointer:
        return f"nothing: {report.after_file} holds the {report.after} only"
    if report.before_file == report.after_file:
        return (f"{report.before} → {report.after}, both held in {report.after_file}: "
                f"line numbers are lines of that file")
    return (f"{report.before} ({report.before_file}) → {report.after} ({report.after_file}): each line number "
            f"names its file")


def counted(report) -> str:
    if report.pointer:
        return "not compared: the struck text is not in this file (see the note)"
    counts = report.counts()
    n = len(report.changes)
    return f"{n} change{'s' * (n != 1)}: " + ", ".join(f"{v} {k}" for k, v in counts.items())


def kind_of(ch) -> str:
    """ "modified", or "added, 13 provisions" for an added section shown with its subdivisions."""
    return f"{ch.change}, {ch.provisions} provisions" if ch.provisions > 1 else ch.change


def heading(ch) -> str:
    """ "sec. 2(b)(5)", or "sec. 4(b)(9) → sec. 4(b)(10)" for a provision that was redesignated or moved."""
    return f"{ch.moved_from} → {ch.provision}" if ch.moved_from else ch.provision


def lines(report, ch) -> str:
    """Where the entry stands, naming the version (and file) each line number is in."""
    same = report.before_file == report.after_file
    if same and ch.line_before == ch.line_after:
        return f"line {ch.line_after} (both versions)"
    parts = []
    if ch.line_before is not None:
        parts.append(f"line {ch.line_before} of the {report.before}" if same else
                     f"line {ch.line_before} of {report.before_file}")
    if ch.line_after is not None:
        parts.append(f"line {ch.line_after} of the {report.after}" if same else
                     f"line {ch.line_after} of {report.after_file}")
    return " → ".join(parts)


def committee_names(report) -> dict:
    return {cid: name or cid for cid, name, _ in report.committees}


def show_committee(report) -> bool:
    """Entries name their committee only when more than one committee changed the bill."""
    return len(report.committees) > 1


def sections(report):
    """The entries in runs by the section (or title) they stand in, in order."""
    out = []
    for ch in report.changes:
        if out and out[-1][0] == ch.section:
            out[-1][1].append(ch)
        else:
            out.append((ch.section, [ch]))
    return out


def contents(report) -> list:
    """(depth, label, anchor of its first entry, number of entries) for a long report over several
    sections: a row per title (or division) holding changes, depth 0, and one per section under it; [] for
    a short report."""
    runs = sections(report)
    if len(report.changes) < LONG or len(runs) < 2:
        return []
    rows, outer = [], None
    for sec, chs in runs:
        label = sec or "(the bill)"
        above, _, own = label.rpartition(" / ")
        if above and above != outer:
            n = sum(len(c) for s2, c in runs if (s2 or "").startswith(above + " / ") or s2 == above)
            rows.append((0, above, chs[0].anchor, n))
        outer = above or None
        rows.append((1 if above else 0, own, chs[0].anchor, len(chs)))
    return rows


def body(ch) -> list:
    """The words to show for an entry: its word diff (long unchanged runs cut), or, for a provision with no
    words of its own, the start of what it holds (as unchanged text)."""
    if ch.diff:
        return trimmed(ch.diff)
    if ch.context:
        return [("=", ch.context)]
    return []


def header_runs(ch) -> list:
    return ch.header_diff if ch.header_before is not None or ch.header_after is not None else []


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
