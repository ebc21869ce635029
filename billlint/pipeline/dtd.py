"""Finding the official bill DTDs and installing them into the user cache.

billlint does not ship GPO's DTDs. GPO publishes them (public domain) at https://github.com/usgpo/bill-dtd and the
USLM schemas at https://github.com/usgpo/uslm; `billlint dtd install` with no source downloads both, the only
time billlint uses the network. It looks, in order: --dtd PATH (a file or a folder), `dtd` in the
config file, BILLLINT_DTD, an XML catalog (XML_CATALOG_FILES, as libxml2 reads it), and the user cache
that `billlint dtd install` fills. The root element picks the DTD, whatever the DOCTYPE says.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from ..model.patterns import lazy
from .. import data

FILES = {"bill": "bill.dtd", "resolution": "res.dtd", "amendment-doc": "amend.dtd"}
KINDS = tuple(FILES)
_CATALOG_NS = "{urn:oasis:names:tc:entity:xmlns:xml:catalog}"
_VERSION = lazy(r"(\d+\.\d+\.\d+)\.xsd$")
_SCHEMA_ROOT = lazy(rb"<(?:\w+:)?schema\b[^>]*>")
_ATTR_NS = lazy(rb'\btargetNamespace="([^"]+)"')
_ATTR_VERSION = lazy(rb'\bversion="([^"]+)"')
_INCLUDED = lazy(rb'<(?:\w+:)?include\b[^>]*\bschemaLocation="([^"]+)"')

BILL_DTD_REPO = "https://github.com/usgpo/bill-dtd"
USLM_REPO = "https://github.com/usgpo/uslm"
# Raw files of the repositories' default branches; BILLLINT_DTD_URL and BILLLINT_USLM_URL point elsewhere
# (a mirror, or a test server).
OFFICIAL_DTD_URL = "https://raw.githubusercontent.com/usgpo/bill-dtd/master/"
OFFICIAL_USLM_URL = "https://raw.githubusercontent.com/usgpo/uslm/main/"
# The USLM versions bills name in xsi:schemaLocation; what each includes or imports is fetched with it.
USLM_TOPS = tuple(f"uslm-{v}.xsd" for v in (
    "2.1.0", "2.0.17", "2.0.16", "2.0.15", "2.0.14", "2.0.13", "2.0.12", "2.0.11", "2.0.10", "2.0.9", "2.0.7",
    "2.0.5", "2.0.4", "2.0.3", "2.0.0")) + ("USLM.xsd", "uslm-meta-senate.xsd", "dcterms.xsd")
SOURCES = (f"GPO publishes bill.dtd, res.dtd and amend.dtd at {BILL_DTD_REPO} and the USLM schemas at {USLM_REPO}")
INSTALL_HELP = (f"{SOURCES}. With no SOURCE, billlint downloads them from there ({OFFICIAL_DTD_URL} and "
                f"{OFFICIAL_USLM_URL}; BILLLINT_DTD_URL and BILLLINT_USLM_URL point elsewhere); this is the only "
                "time billlint uses the network. Offline, download them yourself and give the folder, or pass "
                "--dtd FOLDER to `check`.")
XS = "{http://www.w3.org/2001/XMLSchema}"


def catalog_path() -> Path:
    return data.path("dtd", "catalog.xml")


def _identifiers() -> dict[str, str]:
    """Public and system identifiers of the bill DTDs -> file name, from the shipped catalog."""
    tree = etree.parse(str(catalog_path()), etree.XMLParser(no_network=True, resolve_entities=False))
    out = {}
    for el in tree.getroot():
        ident = el.get("publicId") or el.get("systemId")
        if ident:
            out[ident] = el.get("uri")
    return out


IDENTIFIERS = _identifiers()
PUBLIC_IDS = {kind: [i for i, f in IDENTIFIERS.items() if f == name and i.startswith("-//")]
              for kind, name in FILES.items()}


def kind_of_identifier(public_id: str | None, system_id: str | None) -> str | None:
    """The document type an identifier names, if billlint knows it."""
    name = IDENTIFIERS.get(public_id or "") or IDENTIFIERS.get(system_id or "")
    return next((k for k, f in FILES.items() if f == name), None)


def cache_dir() -> Path:
    from platformdirs import user_cache_dir   # tempfile, shutil and more: not needed when --dtd is given
    return Path(user_cache_dir("billlint")) / "dtd"


@dataclass
class Found:
    kind: str
    source: str     # where it came from: "--dtd", "config", "BILLLINT_DTD", "XML catalog", "user cache"
    location: str
    dtd: etree.DTD


class DTDError(Exception):
    pass


def load_dtd(path: str | Path) -> etree.DTD:
    try:
        return etree.DTD(str(path))
    except (etree.DTDParseError, OSError) as e:
        raise DTDError(f"{path}: not a readable DTD ({e})") from None


def declares(dtd: etree.DTD, kind: str) -> bool:
    return any(e.name == kind for e in dtd.iterelements())


class Finder:
    """Looks up the DTD for each document type once, in the documented order."""

    def __init__(self, option: str | None = None, config: str | None = None, env=None, use_cache: bool = True):
        env = os.environ if env is None else env
        options = [option] if isinstance(option, (str, os.PathLike)) else list(option or ())
        self.places = [("--dtd", str(o)) for o in options] + [(label, p) for label, p in (
            ("config", config), ("BILLLINT_DTD", env.get("BILLLINT_DTD"))) if p]
        self.use_cache = use_cache
        self._found: dict[str, Found | None] = {}
        self._xsd: dict = {}
        self._xsd_print: str | None = None

    def find(self, kind: str) -> Found | None:
        if kind not in self._found:
            self._found[kind] = self._lookup(kind)
        return self._found[kind]

    def schema(self, name: str, namespace: str | None = None) -> str | None:
        """The path of a USLM schema file (e.g. uslm-2.1.0.xsd) in the same places the DTDs are looked for.

        A document names its schema by file name (xsi:schemaLocation); a folder may hold the same schema under
        another name (USLM-1.0.18.xsd installed as USLM.xsd), so failing the name, the schema of that namespace
        that declares the version the name carries is taken."""
        places = [Path(p) for _l, p in self.places] + ([cache_dir()] if self.use_cache else [])
        for place in places:
            if place.is_dir() and (place / name).is_file():
                return str(place / name)
            if place.is_file() and place.name == name:
                return str(place)
        version = _VERSION.search(name)
        if namespace and version:
            for place in places:
                found = self._schemas_in(place).get((namespace, version.group(1)))
                if found:
                    return found
        return None

    def schemas_fingerprint(self) -> str:
        """The USLM schema files where schemas are looked for (names, sizes, times): a result found without a
        schema, or with another one, must not be reused once the schemas change."""
        if self._xsd_print is None:
            places = [Path(p) for _l, p in self.places] + ([cache_dir()] if self.use_cache else [])
            parts = []
            for place in places:
                for f in ([place] if place.is_file() else sorted(place.glob("*.xsd")) if place.is_dir() else []):
                    if f.suffix == ".xsd":
                        st = f.stat()
                        parts.append(f"{f}:{st.st_size}:{st.st_mtime_ns}")
            self._xsd_print = "|".join(parts)
        return self._xsd_print

    def _schemas_in(self, place: Path) -> dict:
        """(target namespace, version) -> the top schema file of that version in a folder (not one it includes)."""
        if place not in self._xsd:
            heads = {}
            files = [place] if place.is_file() else sorted(place.glob("*.xsd")) if place.is_dir() else []
            for f in files:
                try:
                    with open(f, "rb") as fh:
                        heads[f] = fh.read(20000)
                except OSError:
                    continue
            named = {os.path.basename(m.decode()) for h in heads.values() for m in _INCLUDED.findall(h)}
            found: dict = {}
            for f, head in heads.items():
                root = _SCHEMA_ROOT.search(head)
                if not root or f.name in named:
                    continue
                ns, version = _ATTR_NS.search(root.group(0)), _ATTR_VERSION.search(root.group(0))
                if ns and version:
                    found.setdefault((ns.group(1).decode(), version.group(1).decode()), str(f))
            self._xsd[place] = found
        return self._xsd[place]

    def _lookup(self, kind: str) -> Found | None:
        for label, place in self.places:
            if Path(place).suffix == ".xsd":
                continue
            found = _in_place(kind, label, Path(place))
            if found:
                return found
        found = _from_catalog(kind)
        if found:
            return found
        if self.use_cache:
            return _in_place(kind, "user cache", cache_dir())
        return None

    def tried(self) -> list[str]:
        """Where find() looks, for a message that says what to do."""
        out = [f"{label} {p}" for label, p in self.places]
        out.append("XML catalog (XML_CATALOG_FILES)")
        if self.use_cache:
            out.append(f"user cache {cache_dir()}")
        return out


def _in_place(kind: str, label: str, place: Path) -> Found | None:
    if place.is_dir():
        candidate = place / FILES[kind]
        if candidate.is_file():
            dtd = load_dtd(candidate)
            return Found(kind, label, str(candidate), dtd) if declares(dtd, kind) else None
        return None
    if place.is_file():
        dtd = load_dtd(place)
        return Found(kind, label, str(place), dtd) if declares(dtd, kind) else None
    if label != "user cache":
        raise DTDError(f"{label}: {place}: no such file or folder")
    return None


def _from_catalog(kind: str) -> Found | None:
    # libxml2 resolves the public identifier through its catalogs; a stub document lets it do so.
    # The system identifier is a URN so that nothing is ever opened if no catalog maps the identifier.
    parser = etree.XMLParser(load_dtd=True, no_network=True, resolve_entities=False)
    for public_id in PUBLIC_IDS[kind]:
        stub = f'<!DOCTYPE {kind} PUBLIC "{public_id}" "urn:billlint:unresolved"><{kind}/>'
        try:
            tree = etree.fromstring(stub.encode(), parser).getroottree()
        except etree.XMLSyntaxError:
            continue
        dtd = tree.docinfo.externalDTD
        if dtd is not None and declares(dtd, kind):
            return Found(kind, "XML catalog", public_id, dtd)
    return None


# installing -------------------------------------------------------------------

def status(finder: Finder) -> tuple[list[str], int]:
    """`billlint dtd status`: a line per document type and per folder of USLM schemas; how many DTDs are missing."""
    lines, missing = [], 0
    for kind in KINDS:
        found = finder.find(kind)
        if found:
            lines.append(f"{kind:<14} {found.location}  (from {found.source})")
        else:
            missing += 1
            lines.append(f"{kind:<14} not found")
    by_folder: dict = {}
    for name, path, label in schemas_found(finder):
        by_folder.setdefault((os.path.dirname(path), label), []).append(name)
    lines += [f"{'uslm':<14} {folder}: {', '.join(names)}  (from {label})" for (folder, label), names in by_folder.items()]
    if not by_folder:
        lines.append(f"{'uslm':<14} no USLM schema found")
    if missing:
        lines.append("looked in: " + "; ".join(finder.tried()))
        lines.append(f"install them with: billlint dtd install  ({SOURCES})")
    return lines, missing


def schemas_found(finder: Finder) -> list[tuple[str, str, str]]:
    """The USLM schemas a finder sees: (file name, path, where from), top-level schemas only."""
    places = [(label, Path(p)) for label, p in finder.places] + (
        [("user cache", cache_dir())] if finder.use_cache else [])
    out, names = [], set()
    for label, place in places:
        files = [place] if place.is_file() else sorted(place.glob("*.xsd")) if place.is_dir() else []
        for f in files:
            if f.suffix == ".xsd" and f.name.lower().startswith("uslm") and f.name not in names and \
                    not any(part in f.name for part in ("components", "table-module", "meta")):
                names.add(f.name)
                out.append((f.name, str(f), label))
    return out


def __getattr__(name: str):
    """install, install_official and Unreachable, read here by the commands: loaded (with urllib.request, which
    only `dtd install` needs) on first use."""
    if name in ("Unreachable", "install", "install_official"):
        from . import install
        return getattr(install, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
