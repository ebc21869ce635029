"""The sides of a redesignation: "subsections (d), (e), and (g)", "paragraphs (3) through (5)", "sections 5 and 6"."""

from __future__ import annotations

import re

from . import designations
from .references import REF, expand, singular


def designation_list(side: str) -> tuple[str | None, list[str]]:
    """ "subsections (d), (e), and (g)" -> ("subsection", ["d", "e", "g"]); "paragraphs (3) through (5)" is
    expanded to 3, 4, 5. Section numbers ("sections 5 and 6") are read as well."""
    # "(as added by paragraph (1)(A))" and ", as added by section 233(5) of Public Law 97–444," say which
    # unit is meant; they are not units of the list
    side = re.sub(r"\((?:as|relating)\b(?:[^()]|\([^()]*\))*\)|,\s*as\s+(?:added|amended|redesignated)\s+by\s+[^,]*,", " ",
                  side)
    matches = list(REF.finditer(side))
    if not matches:
        return None, []
    m = matches[0]
    word = singular(m.group("word"))
    chains, ranges = [], []
    for each in matches:  # "the second subsection (c) and subsection (d)"
        if singular(each.group("word")) != word:
            continue
        more, more_ranges = expand(word, each.group("list"))
        ranges += [(a + len(chains), b + len(chains)) for a, b in more_ranges]
        chains += more
    cores = [ch[-1][1] for ch in chains]
    level = chains[0][-1][0] if chains and chains[0] else word
    out: list[str] = []
    skip_next = False
    for i, core in enumerate(cores):
        if skip_next:
            skip_next = False
            continue
        rng = next((r for r in ranges if r[0] == i), None)
        if rng is None:
            out.append(core)
            continue
        a = designations.parse(f"({core})", level)
        b = designations.parse(f"({cores[rng[1]]})", level)
        if a and b and a.cls and a.cls == b.cls and a.value is not None and b.value is not None \
                and not a.suffix and not b.suffix and 0 <= b.value - a.value < 200:
            out.extend(designations.label(v, a.cls) for v in range(a.value, b.value + 1))
        else:
            out.extend([core, cores[rng[1]]])
        skip_next = True
    return level if chains and len(chains[0]) > 1 else word, out
