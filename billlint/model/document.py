"""The provision model: a Document and its Provisions, built in one pass over a bill-DTD tree.

Rules read this model, not element names, so that a second reader (USLM) can feed the same rules.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

from .patterns import lazy
from .. import phases
from ..analysis import designations
from ..analysis.designations import Designation
from .source import Source
from .textindex import TextIndex
from . import renumber
from .textrun import TextRun, local, own_state, view_text, walk
from .vocabulary import (ABOVE_SECTION, DROPPED, EXPECTED, LEVEL_RANK, LEVEL_SET, LEVELS, PATH_WORDS, REPORTED,
                         SECTION_LEVELS)

# Elements whose content is not running text of the provision that holds them.
_SKIP_TEXT = frozenset({"enum", "header", "quoted-block", "toc", "table", "graphic", "formula",
                        "legis-comment", "footnote", "pagebreak"})
_APPROPS = ("appropriations-major", "appropriations-intermediate", "appropriations-small")
_BELOW = dict(zip(SECTION_LEVELS, SECTION_LEVELS[1:]))
_SECTION_RANK = LEVEL_RANK["section"]
_MAKING = lazy(r"\s*(?:an\s+act\s*|joint\s+resolution\s*)?Making\s+(?:(?!auth)\S+\s+){0,3}appropriations\b", re.I)
_APPROPS_HEAD = lazy(r"^(?!.*\bauthoriz|.*\b(?:of|on|to)\s+appropriations\b).*\bappropriations"
                     r"(?:\s+(?:act|for|and\s+(?:other\s+)?extensions)\b.*)?$", re.I)
# Appropriations language in any bill: "There is appropriated", "... is rescinded", "funds appropriated under
# the heading": such text keeps the appropriations conventions (provisos, "this paragraph") where it stands.
_APPROPRIATING = lazy(r"\b(?:is|are)\s+(?:hereby\s+)?(?:appropriated|rescinded)\b|\bunder\s+(?:this|the)\s+heading\b"
                      r"|\bfunds\s+appropriated\s+(?:by|under|in)\b")


def speaks_appropriations(text: str) -> bool:
    return _APPROPRIATING.search(text) is not None


def _enacted(level: str, parent_level: str) -> bool:
    """Whether a unit of this level directly inside a provision of parent_level can only be another law's text.

    A title or a section inside a section or smaller is the text of a law the bill enacts ("Title 54, United
    States Code, is enacted as follows:"); USLM writes it without quotedContent, the bill DTD in a quoted-block
    (so only USLM documents are read this way)."""
    return LEVEL_RANK[level] <= _SECTION_RANK and LEVEL_RANK[parent_level] >= _SECTION_RANK


@dataclass(eq=False, slots=True)
class Provision:
    el: object
    level: str
    enum: str | None
    designation: Designation | None
    header: str | None
    parent: Provision | None
    state: str | None
    quoted: object | None           # the innermost quoted-block holding it, or None
    outer: Provision | None = None  # nearest provision outside that quoted block
    run: int = 0                    # sibling list: an appropriations heading or wrapper starts a new one
    division: str = ""              # "div. B, ": set where section numbers repeat across divisions
    children: list[Provision] = ()  # a list once it has one: most provisions have none
    # A run-in compound enum, "(14)(A)": the element is paragraph (14) and, run in on its line, its subparagraph
    # (A). The outer unit is in the tree only (its text is its inner unit's); runin is that inner unit.
    runin: Provision | None = None

    @property
    def line(self) -> int:
        return self.el.sourceline or 0

    def in_view(self, view: str) -> bool:
        return self.state != DROPPED[view]

    def live_children(self, view: str = REPORTED) -> list[Provision]:
        return [c for c in self.children if c.in_view(view)]

    def ancestors(self) -> Iterator[Provision]:
        p = self.parent
        while p is not None:
            yield p
            p = p.parent

    @property
    def path(self) -> str:
        """Its citation path: "sec. 2(b)(4)"; in a quoted block, after the provision that quotes it."""
        if self.parent is None or self.level == "section" or self.level in ABOVE_SECTION:
            # Sections are numbered through the bill ("sec. 101", not "title I sec. 101"); the text of a
            # quoted block is cited in quotation marks after the provision that quotes it.
            if self.quoted is None:
                return self.division + self.cite if self.level != "division" else self.cite
            prefix = self.outer.path + " " if self.outer is not None else ""
            return f'{prefix}"{self.cite}"'
        head = self.parent.path
        return head[:-1] + self.cite + '"' if head.endswith('"') else head + self.cite

    @property
    def cite(self) -> str:
        """This provision's own part of a path: "(b)", "sec. 5", "title I"."""
        core = self.designation.core if self.designation else (self.enum or "").strip()
        if not core:
            return f"[{self.level}]"
        if self.level == "section":
            return f"sec. {core}"
        if self.level in PATH_WORDS:
            return f"{PATH_WORDS[self.level]} {core}"
        return designations.fmt(core, self.level) if not (self.designation and self.designation.compound) \
            else self.enum.strip()

    def __repr__(self) -> str:
        return f"<Provision {self.path} line {self.line}>"


class Document:
    """One loaded bill: tree, source text, provisions in document order."""

    def __init__(self, path: str, tree, source: Source, kind: str, fmt: str = "bill-dtd"):
        self.path = path
        self.tree = tree
        self.root = tree.getroot()
        self.source = source
        self.kind = kind          # bill | resolution | amendment-doc
        self.format = fmt
        self.provisions: list[Provision] = []
        self.top: list[Provision] = []
        self.by_el: dict = {}       # element -> Provision
        self.states: dict = {}      # element -> added | deleted
        self.blocks: dict = {}      # quoted-block element -> its top provisions
        self.approps: set = set()    # divisions (or the body) that hold appropriations headings
        self.outers: list[Provision] = []  # the outer units of run-in compound enums (see Provision.runin)
        self.renumbered: list = []   # (provision, view -> its enum and designation): see model/renumber.py
        self._open: dict = {}        # holder element -> an outer unit whose inner series its next units may continue
        self._runs: dict = {}        # (view, skip) -> element -> TextRun, ("index", view) -> TextIndex: kept
        self._memo: dict = {}        # values derived for one family of rules; see memo()
        self._contexts: dict = {}
        self._build()

    # building ------------------------------------------------------------
    def _build(self) -> None:
        root = self.root
        for el in root.xpath("//*[@changed] | //added-phrase | //deleted-phrase"):
            state = own_state(el, None)
            if state is not None:
                self.states[el] = state     # where a state is set; below, it is inherited (see state())
        # Only provisions and appropriations headings, in document order: lxml skips the rest in C.
        runs: dict = {}  # keyed by element: a dict holding lxml proxies keeps them, and their identity, alive
        lists: dict = {}  # (holder element, heading count) -> a number for that sibling list
        for el in root.iter(*LEVELS, *_APPROPS):
            holder = el.getparent()
            if el.tag in _APPROPS:
                runs[holder] = runs.get(holder, 0) + 1
                self.approps.add(self._scope_el(el))
                continue
            # Up to the nearest provision: the quoted block in between, if any, and the states set on the way.
            between, quoted, parent, node = [el], None, None, holder
            while node is not None:
                parent = self.by_el.get(node)
                if parent is not None:
                    break
                if quoted is None and node.tag == "quoted-block":
                    quoted = node
                between.append(node)
                node = node.getparent()
            state = parent.state if parent is not None else None
            for node in reversed(between):
                state = own_state(node, state) if isinstance(node.tag, str) else state
            if quoted is None and parent is not None:
                if self.format == "uslm" and _enacted(el.tag, parent.level):
                    quoted = el     # a code title the bill enacts in its own words: the text of that law
                else:
                    quoted = parent.quoted
            prov = self._provision(el, el.tag, state, parent, quoted)
            prov.run = lists.setdefault((holder, runs.get(holder, 0)), len(lists))
            if prov.parent is not None and prov.parent.runin is prov:
                prov.parent.run = prov.run
            if prov.designation is None and LEVEL_RANK[el.tag] > _SECTION_RANK:
                # An undesignated unit between designated ones ("Fiscal year 2023:" before (A), (B) again)
                # heads the units after it: they start a list of their own.
                runs[holder] = runs.get(holder, 0) + 1
        self._name_divisions()

    def _name_divisions(self) -> None:
        """Where divisions number their sections (or titles) anew, a path names the division: "div. B, sec. 113(a)"."""
        seen: dict = {}
        units = []
        for p in self.provisions:
            if p.quoted is None and (p.level == "section" or p.level in ABOVE_SECTION) and p.level != "division":
                div = next((a for a in p.ancestors() if a.level == "division"), None)
                if div is not None:
                    units.append((p, div))
                    if p.designation is not None and p.level in ("section", "title"):
                        seen.setdefault((p.level, p.designation.core), set()).add(id(div))
        if not any(len(divs) > 1 for divs in seen.values()):
            return
        for p, div in units:
            p.division = div.cite + ", "

    def _provision(self, el, level, state, parent, quoted) -> Provision:
        enum_el = header_el = None
        for child in el:
            name = local(child.tag)
            if name == "enum" and enum_el is None:
                enum_el = child
            elif name == "header" and header_el is None:
                header_el = child
            elif name in LEVEL_SET or name == "text":
                break
        enum = view_text(enum_el, REPORTED) if enum_el is not None else None
        header = " ".join(view_text(header_el, REPORTED).split()) if header_el is not None else None
        same = parent is not None and parent.quoted is quoted
        designation = designations.parse(enum, level)
        if designation is not None:
            enum = designation.raw    # the parsed designations are shared, and with them their text
        if same:
            parent, level, designation = self._placed(el, parent, level, designation, enum)
        units = designations.run_in(enum, level) if designation is not None and designation.compound else []
        for lv, d in units[:-1]:
            # the outer units of "(14)(A)": in the tree, not in the list of provisions (no text of their own)
            outer = self._attach(Provision(el, lv, d.raw, d, header, parent if same else None, state, quoted),
                                 parent, same, quoted)
            self.outers.append(outer)
            header, parent, same = None, outer, True
        if units:
            level, designation, enum = units[-1][0], units[-1][1], units[-1][1].raw
        prov = self._attach(Provision(el, level, enum, designation, header, parent if same else None, state, quoted),
                            parent, same, quoted)
        if (enum_el is not None and len(enum_el) or header_el is not None and len(header_el)) and not units:
            renumber.note(self, prov, enum_el, header_el)   # "SEC. [struck 4] [italic 3].": the introduced 4 is kept
        if units:
            parent.runin = prov
            self._open[el] = self._open[el.getparent()] = parent   # the next units may continue (A): (B), (C)
        self.provisions.append(prov)
        self.by_el[el] = prov
        return prov

    def _attach(self, prov: Provision, parent, same: bool, quoted) -> Provision:
        prov.outer = parent.outer if same else parent
        if same:
            if parent.children:
                parent.children.append(prov)
            else:
                parent.children = [prov]
        elif quoted is None:
            self.top.append(prov)
        else:
            self.blocks.setdefault(quoted, []).append(prov)
        return prov

    def _placed(self, el, parent: Provision, level: str, designation, enum) -> tuple:
        """Where a unit stands by its designation, where the markup around a run-in enum cannot say: after
        "(14)(A)", a "(B)" tagged as paragraph (14)'s sibling (or its child) is subparagraph (B) of (14); the
        children of a unit so placed, or of a run-in unit, sit one level below it whatever their tags."""
        holder = el.getparent()
        outer = self._open.get(holder)
        if outer is not None:
            last = outer.children[-1] if outer.children else None
            d = designations.parse(enum, last.level) if last is not None and enum else None
            ld = last.designation if last is not None else None
            if d is not None and d.cls == EXPECTED.get(last.level) and ld is not None and ld.value is not None \
                    and d.value is not None and d.key > ld.key and d.value <= ld.value + 1:
                return outer, last.level, d
            if holder is not outer.el:
                del self._open[holder]   # another unit between: the run-in list has ended
        below = _BELOW.get(parent.level)
        if below and level != below and parent.level != local(parent.el.tag) and enum:
            d = designations.parse(enum, below)
            if d is not None and d.cls == EXPECTED[below]:
                return parent, below, d
        return parent, level, designation

    @staticmethod
    def _scope_el(el):
        """The division holding el, or the body: the unit whose kind of text (appropriations or not) el shares."""
        node = el.getparent()
        while node is not None and node.tag not in ("division", "legis-body", "resolution-body"):
            node = node.getparent()
        return node if node is not None else el

    def body(self, el):
        """The body (legis-body) holding el when the document has several, else None.

        A reported bill may carry each committee's amendment in the nature of a substitute as a body of its own
        (USLM nests them in components): each is a whole text, numbered and tabled for itself."""
        bodies = self.memo("bodies", lambda: set(self.root.iter("legis-body")))
        if len(bodies) < 2:
            return None
        node = el
        while node is not None and node not in bodies:
            node = node.getparent()
        return node

    def in_appropriations(self, p: Provision) -> bool:
        """Whether p stands in appropriations text, whose conventions (provisos, headings) differ.

        Known by the bill's type, by appropriations headings or style in p's division (or the body), by a division
        headed "(Continuing) Appropriations" (not "Authorizations of Appropriations", "Appropriations Process
        Reform"), or, with no division, by a title "Making ... appropriations" (or USLM's).
        """
        if self.root.get("bill-type") == "appropriations":
            return True
        scope = self._scope_el(p.el)
        if scope in self.approps or scope.get("style") == "appropriations":
            return True
        if scope.tag == "division":
            return _APPROPS_HEAD.search(" ".join(scope.xpath("string(header)").split()).rstrip(" .")) is not None
        title = next(iter(self.root.xpath("form/official-title | legis-body/uslm-longTitle")), None)
        return title is not None and bool(_MAKING.match("".join(title.itertext())))

    # queries ---------------------------------------------------------------
    def state(self, el) -> str | None:
        """State of any element: added, deleted or None; inherited, as GPO's stylesheet computes it."""
        while el is not None:
            if el in self.states:
                return self.states[el]
            changed = el.get("changed") if isinstance(el.tag, str) else None
            if changed == "not-changed":
                return None
            el = el.getparent()
        return None

    def in_view(self, el, view: str) -> bool:
        return self.state(el) != DROPPED[view]

    def provisions_in(self, view: str) -> list[Provision]:
        return [p for p in self.provisions if p.in_view(view)]

    def memo(self, key, compute):
        """compute(), done once per key until release(): the rules of one family share what it derives
        (references, instructions, where trigger words stand). The runner releases it between families, so the
        peak memory on a large bill is one family's, not the sum of all."""
        try:
            return self._memo[key]
        except KeyError:
            # each engine a row of its own in the phase table
            value = self._memo[key] = (phases.call("engine " + str(key[0] if isinstance(key, tuple) else key),
                                                   compute) if phases.ON else compute())
            return value

    def release(self, runs: bool = False) -> None:
        """Drop memoized values; with runs, the text runs too (when no more rules will read them)."""
        self._memo.clear()
        if runs:
            self._runs.clear()

    def by_id(self, ident: str):
        """The element with this id attribute, or None."""
        index = self.memo("ids", self._id_index)
        if ident not in index:      # an id no idref attribute names: looked up alone
            found = self.root.xpath("//*[@id=$i]", i=ident)
            index[ident] = found[0] if found else None
        return index[ident]

    def _id_index(self) -> dict:
        # Only the ids that idref attributes name: a map of every id would hold a proxy per element.
        index = dict.fromkeys(self.root.xpath("//@idref"))
        for el in self.root.iter():
            if isinstance(el.tag, str) and el.get("id") in index:
                index[el.get("id")] = el
        return index

    def provision_of(self, el) -> Provision | None:
        """The innermost provision holding el."""
        while el is not None:
            prov = self.by_el.get(el)
            if prov is not None:
                return prov
            el = el.getparent()
        return None

    def groups(self, view: str = REPORTED) -> Iterator[tuple[Provision | None, list[Provision]]]:
        """Live sibling lists: (parent, children of one level), for the body and for each quoted block.

        In appropriations text one list may be split by headings (see Provision.run); rules decide.
        """
        lists = [(None, self.top)] + [(None, tops) for tops in self.blocks.values()]
        lists += [(p, p.children) for p in self.provisions if p.children and p.in_view(view)]
        lists += [(p, p.children) for p in self.outers if p.in_view(view)]
        for parent, children in lists:
            by_level: dict[str, list[Provision]] = {}
            for c in children:
                if c.in_view(view):
                    by_level.setdefault(c.level, []).append(c)
            for group in by_level.values():
                yield parent, group

    @property
    def has_changes(self) -> bool:
        return bool(self.states)

    def text(self, el, view: str = REPORTED, skip=_SKIP_TEXT) -> TextRun:
        """The running text of el in a view: dropped markup removed, nested provisions and skip tags left out.

        Computed once per element, view and skip set: every rule family reads the same runs."""
        cache = self._runs.setdefault((view, skip), {})
        run = cache.get(el)
        if run is None:
            if phases.ON:
                run = cache[el] = phases.call("text runs", walk, self, el, view, skip)
            else:
                run = cache[el] = walk(self, el, view, skip)
        return run

    def index(self, view: str = REPORTED) -> TextIndex:
        """The folded text of the provisions in a view, built once for every family (see textindex.py)."""
        return self._runs.get(("index", view)) or self._runs.setdefault(("index", view), TextIndex(self, view))

    def context(self, view: str, skip) -> tuple:
        """One (document, view, skip) tuple shared by all the runs made with them."""
        return self._contexts.setdefault((view, skip), (self, view, skip))
