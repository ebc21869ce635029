"""The citation index: what bills say about other law, counted, so one bill's citation can be held against
the others'. Facts (Act name -> Public Law, Public Law -> Statutes at Large volume and page, section of an
Act -> U.S. Code section), each with the number of distinct bills that state it (their votes).

A default index built from a folder of real bills ships in rules/citations.json (scripts/build_cite_index.py);
`billlint cites index FOLDER...` builds or extends a user index in the user cache, and the two are merged.
"""

from __future__ import annotations

import contextlib
import functools
import json
import os
import re
from collections import defaultdict
from pathlib import Path

from ..model.patterns import lazy
from . import citations as cx

VERSION = 1
# A majority is clear with at least this many votes and twice the votes of the value it outweighs.
MIN_VOTES, RATIO = 3, 2


def user_path() -> Path:
    from platformdirs import user_cache_dir
    return Path(user_cache_dir("billlint")) / "citations.json"


def shipped_path() -> Path:
    from .. import data
    return data.path("rules", "citations.json")


class Index:
    """acts: key -> {law: votes}; stat: law -> {"vol:page": votes}; code: "act|section" -> {"t/s": votes}."""

    def __init__(self, acts=None, stat=None, code=None, bills=()):
        self.acts: dict = acts or {}
        self.stat: dict = stat or {}
        self.code: dict = code or {}
        self.bills: set = set(bills)
        self._order = None

    @classmethod
    def load(cls, path) -> Index:
        with open(path, encoding="utf-8") as f:
            d = json.load(f)
        if not isinstance(d, dict) or d.get("version") != VERSION:
            return cls()
        tables = [d.get(k) or {} for k in ("acts", "stat", "code")]
        if not all(_well_formed(t) for t in tables) or not isinstance(d.get("bills", []), list):
            raise ValueError(f"{path}: not a billlint citation index")
        return cls(*tables, d.get("bills", ()))

    def save(self, path) -> None:
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        d = {"version": VERSION, "bills": sorted(self.bills), "acts": _sorted(self.acts),
             "stat": _sorted(self.stat), "code": _sorted(self.code)}
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(d, ensure_ascii=False, separators=(",", ":"), sort_keys=False) + "\n",
                       encoding="utf-8")
        os.replace(tmp, path)

    def add(self, bill: str, facts: dict, skip=()) -> None:
        """One bill's facts (from facts()): each fact one vote, however often the bill states it. A bill
        already counted (another version of it, or one in skip) adds nothing."""
        if bill in self.bills or bill in skip:
            return
        self.bills.add(bill)
        for table, name in ((self.acts, "acts"), (self.stat, "stat"), (self.code, "code")):
            for key, value in facts[name]:
                slot = table.setdefault(key, {})
                slot[value] = slot.get(value, 0) + 1
        self._order = None

    def merge(self, other: Index) -> Index:
        """Both indexes' votes added (build() leaves out of a user index the bills the shipped one counts)."""
        out = Index(_copy(self.acts), _copy(self.stat), _copy(self.code), self.bills)
        for mine, theirs in ((out.acts, other.acts), (out.stat, other.stat), (out.code, other.code)):
            for key, votes in theirs.items():
                slot = mine.setdefault(key, {})
                for value, n in votes.items():
                    slot[value] = slot.get(value, 0) + n
        out.bills |= other.bills
        return out

    # questions -----------------------------------------------------------------
    def majority(self, table: str, key: str, value: str):
        """(the clear majority value, its votes, the votes for `value`) when the index disagrees with value
        by a clear majority; ("", n, m) for a tie between value and another at two votes or more; None
        otherwise."""
        votes = getattr(self, table).get(key)
        if not votes:
            return None
        best, n = max(votes.items(), key=lambda kv: (kv[1], kv[0]))
        mine = votes.get(value, 0)
        if best == value:
            return None
        if n >= MIN_VOTES and n >= RATIO * max(mine, 1):
            return best, n, mine
        if n == mine and n >= 2:
            return "", n, mine
        return None

    def laws_for_page(self, volume: int, page: int) -> list:
        """Public Laws cited in other bills with exactly this Statutes page (their first page, usually)."""
        want = f"{volume}:{page}"
        return sorted(((votes[want], law) for law, votes in self.stat.items() if want in votes), reverse=True)

    def order_conflicts(self, law: str, volume: int, page: int) -> tuple[int, list]:
        """Votes against (law, volume, page) from the order of the Statutes at Large: laws are printed in
        the order of their numbers, so an earlier law on a later page (or a later law on an earlier page)
        contradicts it. Only the index's sound facts count: a page in a volume outside its law's Congress
        (an amending law's page, or a slip) and a page the others outvote are left out.
        (votes, [(votes, law, "vol:page")])."""
        c, _ = _law(law)
        if c < 82:
            return 0, []
        who = [(votes, other, f"{v}:{p}") for other, v, p, votes in
               self._conflicts(c, law, volume, page, self._sound().get(c, ()))]
        who.sort(reverse=True)
        return sum(w[0] for w in who), who

    @staticmethod
    def _conflicts(c, law, volume, page, facts):
        _, n = _law(law)
        for other, v, p, votes in facts:
            if other == law:
                continue
            on = _law(other)[1]
            # two laws never share a page: each begins a page of its own
            if (on < n and (v, p) >= (volume, page)) or (on > n and (v, p) <= (volume, page)):
                yield other, v, p, votes

    def _sound(self) -> dict:
        """Congress -> [(law, volume, page, votes)]: the facts that fit their Congress and that the other
        facts do not outvote."""
        if self._order is None:
            by: dict = defaultdict(list)
            for law, pages in self.stat.items():
                c, _ = _law(law)
                if c < 82:
                    continue
                for vp, votes in pages.items():
                    v, _, p = vp.partition(":")
                    if not (v.isdigit() and p.isdigit()):
                        continue    # a user index written by hand: what cannot be read counts for nothing
                    v, p = int(v), int(p)
                    if v in cx.volumes(c):
                        by[c].append((law, v, p, votes))
            for c, facts in by.items():
                while True:     # the most contradicted fact first (by how many laws, then by how many
                    worst, rank = None, None     # votes): a wrong one must not take right ones with it
                    for f in facts:
                        against = list(self._conflicts(c, f[0], f[1], f[2], facts))
                        votes = sum(x[3] for x in against)
                        if votes >= MIN_VOTES and votes >= RATIO * f[3]:
                            r = (len({x[0] for x in against}), votes - RATIO * f[3])
                            if rank is None or r > rank:
                                worst, rank = f, r
                    if worst is None:
                        break
                    facts.remove(worst)
                by[c] = facts
            self._order = by
        return self._order


def _well_formed(table) -> bool:
    """key -> {value: votes}, every vote count a positive number; values of the shape each table holds."""
    return isinstance(table, dict) and all(
        isinstance(k, str) and isinstance(v, dict) and all(isinstance(x, str) and type(n) is int and n > 0
                                                           for x, n in v.items()) for k, v in table.items())


def _law(law: str) -> tuple[int, int]:
    c, _, n = law.partition("-")
    return (int(c), int(n)) if c.isdigit() and n.isdigit() else (0, 0)


def _sorted(table: dict) -> dict:
    return {k: dict(sorted(v.items())) for k, v in sorted(table.items())}


def _copy(table: dict) -> dict:
    return {k: dict(v) for k, v in table.items()}


# facts from one bill ---------------------------------------------------------------------------------------

def facts(doc) -> dict:
    """What one bill states about other law, as sets of (key, value): text someone else wrote (inline
    quotations: what an instruction strikes) is left out."""
    acts, stat, code = set(), set(), set()
    for c in cx.find(doc):
        if c.quoted:
            continue
        if c.kind == cx.PUBLIC_LAW and c.act is not None and c.act.year:
            acts.add((c.act.key, c.law_id))
        elif c.kind == cx.STAT and c.law is not None:
            stat.add((c.law.law_id, f"{c.volume}:{c.page}"))
        elif c.kind == cx.USC and c.act is not None and c.act_section and c.section:
            code.add((f"{c.act.key}|{cx.section_key(c.act_section)}", f"{c.title}/{cx.section_key(c.section)}"))
    return {"acts": sorted(acts), "stat": sorted(stat), "code": sorted(code)}


_BILL = lazy(r"(\d{2,3})(hr|s|hjres|sjres|hconres|sconres|hres|sres)(\d+)", re.I)


def bill_id(path: str, doc) -> str:
    """One name for every version of a bill: its Congress, type and number ("116-hr-1865"), from the markup
    or the file name; the file name itself when neither says."""
    congress = cx.congress_of(doc)
    num = doc.root.find("form/legis-num")
    if congress and num is not None:
        text = re.sub(r"[\s.]", "", "".join(num.itertext())).lower()
        if text:
            return f"{congress}-{text}"
    number = next(doc.root.iter("uslm-docNumber"), None)     # USLM: <docNumber> and <dc:type>
    kind = next(doc.root.iter("{http://purl.org/dc/elements/1.1/}type"), None)
    if congress and number is not None and kind is not None:
        k = re.sub(r"[\s.]", "", "".join(kind.itertext())).lower()
        k = {"senatebill": "s", "housebill": "hr"}.get(k, k)
        return f"{congress}-{k}{''.join(number.itertext()).strip()}"
    m = _BILL.search(os.path.basename(path))
    if m:
        return f"{int(m.group(1))}-{m.group(2).lower()}{m.group(3)}"
    return os.path.basename(path)


def file_facts(path: str):
    """(bill id, facts) of one file, or None when it cannot be read: what a worker returns."""
    from ..pipeline.load import load
    try:
        loaded = load(path, None, validate=False)
        if loaded.doc is None:
            return None
        return bill_id(path, loaded.doc), facts(loaded.doc)
    except Exception:   # one unreadable file must not stop the index
        return None


def build(paths: list[str], index: Index | None = None, jobs: int | None = None, progress=None,
          skip=()) -> Index:
    """Add the bills under paths (files or folders) to index (a new one by default), with a worker pool;
    bills named in skip (those another index already counts) are left out."""
    from ..pipeline.discover import discover
    index = index or Index()
    files = discover(paths)
    jobs = jobs if jobs is not None else (os.cpu_count() or 1)
    pool = None
    if jobs > 1 and len(files) >= 8:
        import concurrent.futures as cf
        pool = cf.ProcessPoolExecutor(max_workers=min(jobs, len(files)))
    with pool or contextlib.nullcontext():
        results = pool.map(file_facts, files, chunksize=max(1, min(8, len(files) // (jobs * 4)))) if pool \
            else map(file_facts, files)
        for path, got in zip(files, results):
            if got is not None:
                index.add(*got, skip=skip)
            if progress is not None:
                progress(path)
    return index


@functools.lru_cache(maxsize=1)
def _cached(user_mtime: float) -> Index:
    shipped = shipped_path()
    index = Index.load(shipped) if shipped.is_file() else Index()
    user = user_path()
    if user_mtime:
        try:
            index = index.merge(Index.load(user))
        except (OSError, ValueError):
            pass    # a damaged user index: the shipped one alone
    return index


def default() -> Index:
    """The shipped index merged with the user's (read again when the user's changes)."""
    if os.environ.get("BILLLINT_NO_USER_INDEX"):
        return _cached(0.0)
    try:
        mtime = user_path().stat().st_mtime
    except OSError:
        mtime = 0.0
    return _cached(mtime)


def fingerprint() -> str:
    """What the index checks depend on, for a result cache: the shipped and user index files' stamps."""
    parts = []
    for p in (shipped_path(), user_path()):
        try:
            st = p.stat()
            parts.append(f"{st.st_size}:{st.st_mtime_ns}")
        except OSError:
            parts.append("-")
    return "/".join(parts)


def update(paths: list[str], output=None, jobs: int | None = None) -> tuple[Path, int, int]:
    """Add the bills under paths to an index file: the user's (less the bills the shipped index counts), or
    output. (the file, bills added, bills in it)."""
    path = Path(output) if output else user_path()
    index = Index.load(path) if path.is_file() else Index()
    skip = Index.load(shipped_path()).bills if not output and shipped_path().is_file() else ()
    before = len(index.bills)
    build(paths, index, jobs=jobs, skip=skip)
    index.save(path)
    return path, len(index.bills) - before, len(index.bills)
