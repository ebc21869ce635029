"""USLM bills: validation with xmlschema, and a reader onto the same provision model as the bill DTD, so
every rule family runs on both. Two namespaces: GPO's USLM 2.x (http://schemas.gpo.gov/xml/uslm) and the
House's older USLM 1.0 (http://xml.house.gov/schemas/uslm/1.0), whose bills use the same element names.

The reader renames USLM elements in place to their bill-DTD counterparts (num -> enum, heading -> header,
content and chapeau -> text, quotedContent -> quoted-block, ...). Nothing is moved or added, so every
element keeps its place in the source and findings keep exact lines and columns.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import re
import sys
import tempfile
import warnings
from pathlib import Path

from platformdirs import user_cache_dir

from ..model.patterns import Lazy, lazy
from ..model.vocabulary import LEVELS
from .load import USLM_NAMESPACES

NAMESPACES = USLM_NAMESPACES
NS, NS_1 = NAMESPACES

# USLM local name -> bill-DTD element name. Levels keep their names (section, subsection, ...).
RENAME = {
    "num": "enum", "heading": "header", "content": "text", "chapeau": "text", "continuation": "continuation-text",
    "quotedContent": "quoted-block", "quotedText": "quote", "shortTitle": "short-title", "main": "legis-body",
    "addedText": "added-phrase", "deletedText": "deleted-phrase", "preface": "form", "officialTitle": "official-title",
    "term": "term", "proviso": "proviso", "i": "italic", "b": "bold", "p": "text",
    "toc": "toc", "committee": "committee-name", "recital": "whereas",
    # Table of contents lines: a referenceItem (2.x), a groupItem that holds the lines of its title or subtitle,
    # a tocItem (1.0; its title lines are <header role="tocTitleHeader">, its link an inner <ref idref>). The
    # rules read a line's own text, not the lines nested in it.
    "referenceItem": "toc-entry", "groupItem": "toc-entry", "tocItem": "toc-entry",
}
# <appropriations level="major|intermediate|small">: the bill DTD's three heading elements.
APPROPRIATIONS = {"major": "appropriations-major", "intermediate": "appropriations-intermediate",
                  "small": "appropriations-small"}
# USLM's value of @changed for a unit a committee left alone; the bill DTD writes not-changed.
CHANGED = {"notChanged": "not-changed"}
XHTML_TABLE = "{http://www.w3.org/1999/xhtml}table"
SCHEMA_LOCATION = lazy(rb'schemaLocation="\S+\s+([^"\s]+)"')


def namespace(root) -> str | None:
    """The USLM namespace of the root element, or None for another document."""
    tag = root.tag if isinstance(root.tag, str) else ""
    return next((n for n in NAMESPACES if tag.startswith("{" + n + "}")), None)


def schema_name(data: bytes, ns: str = NS) -> str:
    """The schema file the document names in xsi:schemaLocation (its default is the namespace's last version)."""
    m = SCHEMA_LOCATION.search(data[:4000])
    if m:
        return os.path.basename(m.group(1).decode())
    return "uslm-2.1.0.xsd" if ns == NS else "USLM-1.0.18.xsd"


def to_bill_dtd(tree) -> str:
    """Rename USLM elements in place; return the document type (bill, resolution, amendment-doc)."""
    root = tree.getroot()
    q = "{" + (namespace(root) or NS) + "}"
    # A <level> without a number that wraps units under a heading is, in an appropriations Act, the heading
    # ("General Provisions—Department of Commerce") that the bill DTD writes as an appropriations element.
    # USLM 1.0 has no appropriations element: its converter writes the headings as <level>s without a number,
    # and the bill DTD has no other unit without a designation.
    approps = next(root.iter(q + "appropriations"), None) is not None or q == "{" + NS_1 + "}"
    for el in root.iter():
        tag = el.tag
        if not isinstance(tag, str) or not tag.startswith(q):
            if tag == XHTML_TABLE:
                el.tag = "table"    # a table is block content, as in the bill DTD; its rows keep their names
            continue
        name = tag[len(q):]
        changed = el.get("changed")
        if changed in CHANGED:
            el.set("changed", CHANGED[changed])
        if name in LEVELS:
            el.tag = name
        elif name == "ref":
            href = el.get("href", "")
            if href.startswith("#") or (el.get("idref") and not href):
                el.tag = "internal-xref"
                if href:
                    el.set("idref", href[1:])
            else:
                el.tag = "external-xref"
        elif name == "appropriations":
            el.tag = APPROPRIATIONS.get(el.get("level", ""), "appropriations-intermediate")
        elif name == "level" and (el.get("role") == "appropriations" or approps) and el.find(q + "num") is None:
            el.tag = "appropriations-intermediate"
        elif name == "header" and el.get("role", "").startswith("toc"):
            el.tag = "toc-entry"    # USLM 1.0 writes a table's title lines as <header role="tocTitleHeader">
        else:
            el.tag = RENAME.get(name, "uslm-" + name)
        origin = el.get("origin")
        if origin and el.get("changed") and not el.get("committee-id"):
            el.set("committee-id", origin.lstrip("#"))
    name = root.tag
    kind = {"bill": "bill", "resolution": "resolution", "engrossedAmendment": "amendment-doc",
            "uslm-bill": "bill", "uslm-resolution": "resolution", "uslm-engrossedAmendment": "amendment-doc"}
    return kind.get(name, "bill")


class Schemas:
    """USLM schemas compiled once per machine: compiling one takes a second or two, so the compiled schema is
    kept in the user cache, keyed by the hash of every schema file in its folder (and xmlschema's version), and
    read back in a fraction of that. Never fetched: imports resolve to files beside the schema."""

    def __init__(self, folder: Path | None = None):
        self._cache: dict = {}
        self._folder = folder

    @property
    def folder(self) -> Path:
        return self._folder or Path(user_cache_dir("billlint")) / "schemas"

    def get(self, path: str):
        if path not in self._cache:
            self._cache[path] = self._load(path)
        return self._cache[path]

    def _load(self, path: str):
        import xmlschema  # only USLM needs it
        locations = _locations(path)
        stored = self.folder / f"{_fingerprint(path, locations, xmlschema.__version__)}.pickle"
        try:
            with open(stored, "rb") as f:
                return pickle.load(f)
        except Exception:  # noqa: BLE001 (absent, half-written by an older version, unreadable: compile again)
            pass
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            schema = xmlschema.XMLSchema(path, allow="local", validation="lax", locations=locations)
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".schema.", dir=self.folder)
            try:
                with os.fdopen(fd, "wb") as f:
                    _Pickler(f, protocol=pickle.HIGHEST_PROTOCOL).dump(schema)
                os.replace(tmp, stored)   # atomic: a concurrent run reads the whole file or none
            finally:
                if os.path.exists(tmp):
                    os.unlink(tmp)
        except (OSError, pickle.PicklingError, RecursionError, TypeError):
            pass   # a read-only cache costs time, not results
        return schema


# a schema holds hundreds of patterns (Unicode classes of its facets) and a document exercises few:
# recompiling all of them was most of the time to read one back
LazyPattern = Lazy


class _Pickler(pickle.Pickler):
    def reducer_override(self, obj):
        if isinstance(obj, re.Pattern):
            return (LazyPattern, (obj.pattern, obj.flags))
        return NotImplemented


def _locations(path: str) -> list[tuple[str, str]]:
    """Imports by namespace -> files beside the schema (the schemas name them by URL; nothing is fetched)."""
    folder = os.path.dirname(path)
    wanted = [("http://purl.org/dc/terms/", "dcterms.xsd"), ("http://purl.org/dc/elements/1.1/", "dc.xsd"),
              ("https://www.senate.gov/schemas", "uslm-meta-senate.xsd")]
    head = Path(path).read_bytes()[:20000]
    if b"http://www.w3.org/2002/08/xhtml/" in head:     # USLM 1.0 imports XHTML and xml.xsd by URL
        wanted += [("http://www.w3.org/1999/xhtml", "xhtml-1.0.xsd"),
                   ("http://www.w3.org/XML/1998/namespace", "xml.xsd")]
    return [(ns, os.path.join(folder, name)) for ns, name in wanted if os.path.exists(os.path.join(folder, name))]


def _fingerprint(path: str, locations, version: str) -> str:
    h = hashlib.sha256(f"{version}|{sys.version_info[:2]}|{os.path.basename(path)}|{locations}".encode())
    for p in sorted(Path(path).parent.glob("*.xsd")):
        h.update(p.name.encode() + b"\0" + p.read_bytes() + b"\0")
    return h.hexdigest()[:32]


SCHEMAS = Schemas()

# Schema errors that repeat (one attribute a converter puts on every provision) are reported once per file,
# saying how many more there are, so a file's real errors are not buried.
MAX_ERRORS = 200
_POSITION = re.compile(r" at position \d+(?=\.|$)")
_VALUE = re.compile(r"(attribute [\w:.-]+)='[^']*'")


def validate(tree, schema_path: str) -> list[tuple[object, int, str]]:
    """(element, line, message) for each kind of schema error, before the tree is renamed. An error that
    repeats is one finding, at its first place, saying how often and on which elements."""
    schema = SCHEMAS.get(schema_path)
    first: dict[str, tuple] = {}
    seen: dict[str, list] = {}
    for err in schema.iter_errors(tree):
        # "Unexpected child ... at position 3": one kind of error wherever in its parent it stands
        # and one bad attribute whatever its values ("attribute width='608.82…'" on 38 columns)
        reason = _VALUE.sub(r"\1", _POSITION.sub("", " ".join(str(err.reason or err.message).split())))[:300]
        elem = getattr(err, "elem", None)
        name = elem.tag.rpartition("}")[2] if elem is not None and isinstance(elem.tag, str) else ""
        if reason not in first:
            if len(first) >= MAX_ERRORS:
                break
            first[reason] = (elem if name else None, getattr(err, "sourceline", None) or 1)
            seen[reason] = []
        seen[reason].append(name)
    out = []
    for reason, (elem, line) in first.items():
        names = seen[reason]
        if len(names) > 1:
            kinds = list(dict.fromkeys(f"<{n}>" for n in names if n))
            reason += (f" ({len(names)} times in this file" + (f", on {', '.join(kinds[:5])}" if kinds else "")
                       + (" ..." if len(kinds) > 5 else "") + ")")
        elif names[0]:
            reason = f"<{names[0]}>: {reason}"
        out.append((elem, line, reason))
    return out
