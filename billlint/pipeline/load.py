"""Loading: bytes -> lxml tree -> Document, safely. Problems with the input become findings.

The parser never touches the network and never loads an external entity or the document's own DTD:
the document is parsed as it stands and then validated against the DTD billlint chose (dtd.py). This
also sidesteps lxml 6's default resolve_entities='internal', which fails on a document that loads
bill.dtd through its DOCTYPE; entities declared inside the document are expanded only if all of them
are internal, and libxml2's amplification limit stops billion-laughs expansion.
"""

from __future__ import annotations

import codecs
import functools
import hashlib
import os
import re
import stat
from dataclasses import dataclass, field

from lxml import etree

from ..model.patterns import lazy
from . import dtd as dtds
from .. import phases
from ..model.document import Document
from ..model.textrun import local
from ..model.source import Source

# USLM 2.x (GPO) and USLM 1.0 (the House's earlier namespace): both read by uslm.py
USLM_NAMESPACES = ("http://schemas.gpo.gov/xml/uslm", "http://xml.house.gov/schemas/uslm/1.0")
# How a missing USLM schema is reported: for each file (see filter.once_per_run).
SCHEMA_MISSING = "not validated: no USLM schema"
# The largest bill GPO has published is a few MB; a file far past that is not a bill, and checking it would
# take minutes and gigabytes. Files above the limit are reported, not read.
MAX_BYTES = 100_000_000


@dataclass
class Problem:
    code: str
    message: str
    line: int = 1
    column: int = 1


@dataclass
class Loaded:
    path: str
    doc: Document | None = None
    problems: list[Problem] = field(default_factory=list)
    kind: str | None = None
    digest: str = ""      # sha256 of the bytes checked, which fixes are offsets into


class NotRead(OSError):
    """A path billlint will not read: not a regular file, or over the size limit. The message says which."""


_KINDS = ((stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISCHR, "a character device"),
          (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"))


def _regular(st, limit: int) -> None:
    if stat.S_ISDIR(st.st_mode):
        raise NotRead("is a directory, not a file")
    if not stat.S_ISREG(st.st_mode):
        kind = next((name for test, name in _KINDS if test(st.st_mode)), "not a regular file")
        raise NotRead(f"is {kind}, not a regular file; not read")
    if st.st_size > limit:
        raise NotRead(too_big(st.st_size, limit))


def too_big(size: int, limit: int = MAX_BYTES) -> str:
    return f"{size / 1e6:.0f} MB is over billlint's limit of {limit / 1e6:.0f} MB for one file; not read"


def read_regular(path: str, limit: int = MAX_BYTES) -> bytes:
    """The bytes of a regular file of at most `limit` bytes. A FIFO, device or socket is never opened for
    reading in a way that can block (O_NONBLOCK), and nothing past the limit is read even if the file grows.
    Raises NotRead, or OSError when the file cannot be opened."""
    _regular(os.stat(path), limit)
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    with os.fdopen(fd, "rb") as f:
        _regular(os.fstat(fd), limit)     # the same file that was stat'ed, or one just as harmless
        data = f.read(limit + 1)
    if len(data) > limit:
        raise NotRead(too_big(len(data), limit))
    return data


def read_stream(stream, limit: int = MAX_BYTES) -> bytes:
    """At most `limit` bytes of a stream (standard input); NotRead past that."""
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise NotRead(f"more than {limit / 1e6:.0f} MB on standard input, over billlint's limit for one file; "
                      "not read")
    return data


def read(path: str) -> bytes:
    return read_regular(path)


def _parser(entities) -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=entities, load_dtd=False, no_network=True,
                           huge_tree=False)


def parse_bytes(data: bytes):
    """Parse without loading any external entity. Returns (tree, problems)."""
    problems: list[Problem] = []
    try:
        root = etree.fromstring(data, _parser(False))
    except etree.XMLSyntaxError as e:
        return None, [_syntax_problem(e, data)]
    tree = root.getroottree()
    subset = tree.docinfo.internalDTD
    entities = list(subset.iterentities()) if subset is not None else []
    external = [e for e in entities if e.system_url]
    for ent in external:
        problems.append(Problem("BL004", f"external entity '{ent.name}' ({ent.system_url}) is declared in the "
                                         "internal subset; it is not loaded", *_decl_position(data, ent.name)))
    if entities and not external:
        try:  # internal entities only: expand them (libxml2 caps the amplification)
            root = etree.fromstring(data, _parser("internal"))
            tree = root.getroottree()
        except etree.XMLSyntaxError as e:
            return None, problems + [_syntax_problem(e, data)]
    return tree, problems


def _syntax_problem(e: etree.XMLSyntaxError, data: bytes) -> Problem:
    msg = " ".join((e.msg or str(e)).split())
    line, col = e.position if e.position else (e.lineno or 1, 1)
    line, col = max(line or 1, 1), max(col or 1, 1)
    lower = msg.lower()
    if "amplification" in lower or "entity reference loop" in lower or "entity loop" in lower:
        return Problem("BL004", f"entity expansion stopped: {msg}", line, col)
    if b"\x00" in data[:4096] and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) \
            and not re.match(rb"^(\x00<|<\x00)", data):
        return Problem("BL001", "binary file, not XML (it holds NUL bytes)", 1, 1)
    msg = re.sub(r", line \d+, column \d+$", "", msg)
    if "encoding" in lower or "utf-8" in lower:
        declared = re.match(rb"<\?xml[^>]*encoding=[\"']([\w.-]+)", data.lstrip(codecs.BOM_UTF8))
        said = declared.group(1).decode() if declared else "none, so UTF-8"
        msg += f" (the bytes do not match the declared encoding: {said})"
    return Problem("BL001", msg, line, col)


def _decl_position(data: bytes, name: str) -> tuple[int, int]:
    m = re.search(rb"<!ENTITY\s+" + re.escape(name.encode()) + rb"\s", data)
    if not m:
        return 1, 1
    line = data.count(b"\n", 0, m.start()) + 1
    return line, m.start() - (data.rfind(b"\n", 0, m.start()) + 1) + 1


def root_kind(root) -> str | None:
    name = local(root.tag)
    if name in dtds.FILES and not root.tag.startswith("{"):
        return name
    if root.tag.startswith(tuple("{" + ns + "}" for ns in USLM_NAMESPACES)):
        return "uslm"
    return None


def read_checked(path: str) -> tuple[bytes | None, Problem | None]:
    """The file's bytes, or the BL006 problem that says why they were not read."""
    try:
        return read(path), None
    except NotRead as e:
        return None, Problem("BL006", str(e))
    except FileNotFoundError:
        return None, Problem("BL006", "no such file")
    except OSError as e:
        return None, Problem("BL006", f"cannot read: {e.strerror or e}")
    except ValueError as e:   # a NUL in the name
        return None, Problem("BL006", f"cannot read: {e}")


def load(path: str, finder: dtds.Finder | None, data: bytes | None = None, validate: bool = True) -> Loaded:
    out = Loaded(path)
    if data is None:
        with phases.timed("read"):
            data, problem = read_checked(path)
        if problem is not None:
            out.problems.append(problem)
            return out
    out.digest = hashlib.sha256(data).hexdigest()
    if not data.strip():
        out.problems.append(Problem("BL001", "file is empty"))
        return out
    with phases.timed("parse"):
        tree, problems = parse_bytes(data)
    out.problems.extend(problems)
    if tree is None:
        return out
    root = tree.getroot()
    kind = out.kind = root_kind(root)
    if kind == "uslm":
        return _load_uslm(out, tree, data, finder, validate)
    if kind is None:
        out.problems.append(Problem("BL007", f"root element <{root.tag}> is not a bill, resolution or "
                                             "amendment-doc; not checked", root.sourceline or 1))
        return out
    with phases.timed("model"):
        source = Source(data, root, tree.docinfo.encoding, pack=True)
    out.problems.extend(_doctype_problems(tree, kind, source))
    if validate and finder is not None:
        with phases.timed("dtd load"):
            found = finder.find(kind)
        if found is None:
            out.problems.append(Problem("BL003", f"no DTD found for <{kind}> (looked in: "
                                                 f"{'; '.join(finder.tried())}); run `billlint dtd install` "
                                                 f"(GPO's DTDs, from {dtds.BILL_DTD_REPO}) or pass --dtd FOLDER"))
        else:
            with phases.timed("validate"):
                out.problems.extend(validate_tree(tree, found, source))
    with phases.timed("model"):
        out.doc = Document(path, tree, source, kind)
    return out


def _load_uslm(out: Loaded, tree, data: bytes, finder, validate: bool) -> Loaded:
    """A USLM document: validated against its XSD, then read onto the provision model."""
    from . import uslm
    with phases.timed("model"):
        source = Source(data, tree.getroot(), tree.docinfo.encoding, pack=True)
    if validate and finder is not None:
        ns = uslm.namespace(tree.getroot())
        name = uslm.schema_name(data, ns)
        with phases.timed("dtd load"):
            path = finder.schema(name, ns)
        if path is None:
            # Reported for every file it affects: a file that was not validated must not look valid.
            out.problems.append(Problem("BL003", f"{SCHEMA_MISSING} {name} ({ns}) found (looked in: "
                                                 f"{'; '.join(finder.tried())}); run `billlint dtd install FOLDER` "
                                                 "with a folder holding it, or pass --dtd FOLDER"))
        else:
            with phases.timed("validate"):
                errors = uslm.validate(tree, path)
            source.locate(el for el, _l, _m in errors)
            for el, line, msg in errors:
                at = source.element_offset(el) if el is not None else None
                where = source.line_col(at) if at is not None else (line, 1)
                if _PAGENUM.match(msg):
                    out.problems.append(Problem("BL011", f"{msg}: the published schema ({name}) predates this part "
                                                         "of the publisher's practice; not a defect of the bill", *where))
                else:
                    out.problems.append(Problem("BL010", msg, *where))
    with phases.timed("model"):
        kind = out.kind = uslm.to_bill_dtd(tree)
        out.doc = Document(out.path, tree, source, kind, fmt="uslm")
    return out


def _doctype_problems(tree, kind: str, source: Source) -> list[Problem]:
    info = tree.docinfo
    # docinfo.root_name is the root element's name; the DOCTYPE's own name is the internal subset's.
    name = info.internalDTD.name if info.internalDTD is not None else None
    if not name and not info.public_id:
        return []
    if name and name != kind:
        return [Problem("BL005", f"the DOCTYPE names <{name}> but the root element is <{kind}>; "
                                 f"validated against {dtds.FILES[kind]}", *_doctype_position(source))]
    named = dtds.kind_of_identifier(info.public_id, None)
    if named and named != kind:
        return [Problem("BL005", f"the DOCTYPE's public identifier \"{info.public_id}\" is for <{named}> "
                                 f"but the root element is <{kind}>", *_doctype_position(source))]
    return []


def _doctype_position(source: Source) -> tuple[int, int]:
    i = source.data.find(b"<!DOCTYPE")
    return source.line_col(i) if i >= 0 else (1, 1)  # only called for a DOCTYPE that is wrong


_ELEMENT_IN_MSG = lazy(r"(?:[Ee]lement|of element) ([\w:.-]+)")


def validate_tree(tree, found: dtds.Found, source: Source) -> list[Problem]:
    if found.dtd.validate(tree):
        return []
    out = []
    columns: dict = {}   # (line, element) -> column: 50,000 errors on one line decode it once, not 50,000 times
    for err in found.dtd.error_log:
        line = err.line or 1
        col = err.column or 0
        if col <= 0:
            # libxml2 gives no column for validity errors; point at the element the message names.
            m = _ELEMENT_IN_MSG.search(err.message)
            key = (line, m.group(1) if m else None)
            if key not in columns:
                text = source.line_text(line)
                i = text.find("<" + m.group(1)) if m else -1
                columns[key] = i + 1 if i >= 0 else len(text) - len(text.lstrip()) + 1
            col = columns[key]
        message = " ".join(err.message.split())   # some messages hold a newline
        if _LAGGING.match(message):
            name = dtds.FILES.get(local(tree.getroot().tag), "DTD")
            date = _dtd_date(found.location)
            out.append(Problem("BL011", f"{message}: the published {name}{f' ({date})' if date else ''} predates "
                                        "this part of GPO's practice; not a defect of the bill", line, col))
        else:
            out.append(Problem("BL002", message, line, col))
    return out


# DTD errors that come only from the published DTD lagging GPO's practice (see BL011): the Senate's slc-id.
_LAGGING = lazy(r"No declaration for attribute slc-id of element (?:bill|resolution|amendment-doc)$")
# The House's USLM 1.0 converter puts a page number on every provision; no USLM schema declares it.
_PAGENUM = lazy(r"(?:<[\w.:-]+>: )?(?:attribute 'pagenum'|'pagenum' attribute) not allowed\b")
_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december")


@functools.lru_cache(maxsize=8)
def _dtd_date(location: str) -> str:
    """The date a DTD's first comment gives ("Bill DTD  17 August 2016" -> "2016-08-17"), or ""."""
    try:
        with open(location, "rb") as f:
            head = f.read(300).decode("latin-1")
    except OSError:
        return ""
    m = re.search(r"(\d{1,2})\s+([A-Za-z]+)\s+(\d{4})", head)
    if not m or m.group(2).lower() not in _MONTHS:
        return ""
    return f"{m.group(3)}-{_MONTHS.index(m.group(2).lower()) + 1:02d}-{int(m.group(1)):02d}"
