"""Finding the official bill DTDs and installing them into the user cache.

billlint does not ship GPO's DTDs. GPO publishes them (public domain) at https://github.com/usgpo/bill-dtd and the
USLM schemas at https://github.com/usgpo/uslm; `billlint dtd install` with no source downloads both, the only
time billlint uses the network. It looks, in order: --dtd PATH (a file or a folder), `dtd` in the
config file, BILLLINT_DTD, an XML catalog (XML_CATALOG_FILES, as libxml2 reads it), and the user cache
that `billlint dtd install` fills. The root element picks the DTD, whatever the DOCTYPE says.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from lxml import etree
from platformdirs import user_cache_dir

from .. import data

FILES = {"bill": "bill.dtd", "resolution": "res.dtd", "amendment-doc": "amend.dtd"}
KINDS = tuple(FILES)
_CATALOG_NS = "{urn:oasis:names:tc:entity:xmlns:xml:catalog}"

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
_XS = "{http://www.w3.org/2001/XMLSchema}"


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

    def find(self, kind: str) -> Found | None:
        if kind not in self._found:
            self._found[kind] = self._lookup(kind)
        return self._found[kind]

    def schema(self, name: str) -> str | None:
        """The path of a USLM schema file (e.g. uslm-2.1.0.xsd) in the same places the DTDs are looked for."""
        places = [Path(p) for _l, p in self.places] + ([cache_dir()] if self.use_cache else [])
        for place in places:
            if place.is_dir() and (place / name).is_file():
                return str(place / name)
            if place.is_file() and place.name == name:
                return str(place)
        return None

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

class Unreachable(OSError):
    """The network or server could not be reached at all (not: a file is missing there)."""


def _offline(url: str, reason) -> DTDError:
    return DTDError(f"cannot download {url} ({reason}). {SOURCES}; download them into a folder and pass "
                    "--dtd FOLDER (or run `billlint dtd install FOLDER`)")


def install_official(target: Path | None = None, env=None) -> list[str]:
    """Download the bill DTDs and the USLM schemas from GPO's published location (or BILLLINT_DTD_URL and
    BILLLINT_USLM_URL) into the cache."""
    env = os.environ if env is None else env
    dtd_url = env.get("BILLLINT_DTD_URL") or OFFICIAL_DTD_URL
    uslm_url = env.get("BILLLINT_USLM_URL") or OFFICIAL_USLM_URL
    done = install(dtd_url, target, schemas=False)
    try:
        done += _fetch_schemas(uslm_url, target or cache_dir(), USLM_TOPS)
    except Unreachable as e:
        raise _offline(uslm_url, e) from None
    return done


def _keep(tmp: str, dest: Path) -> None:
    os.chmod(tmp, 0o644)   # mkstemp makes files private; the cache is for every user and tool on the machine
    os.replace(tmp, dest)


def install(source: str, target: Path | None = None, schemas: bool = True) -> list[str]:
    """Copy or fetch bill.dtd, res.dtd and amend.dtd from a folder or URL into the cache, atomically.

    Returns the names installed. Each file must parse as a DTD that declares its root element.
    """
    target = target or cache_dir()
    target.mkdir(parents=True, exist_ok=True)
    installed, problems = [], []
    for kind, name in FILES.items():
        try:
            data = _read_source(source, name)
        except Unreachable as e:
            raise _offline(source.rstrip("/") + "/" + name, e) from None
        except (OSError, ValueError) as e:
            problems.append(f"{name}: {e}")
            continue
        if data is None:
            problems.append(f"{name}: not found")
            continue
        fd, tmp = tempfile.mkstemp(prefix=f".{name}.", dir=target)
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(data)
            if not declares(load_dtd(tmp), kind):
                raise DTDError(f"{name}: does not declare <{kind}>")
            _keep(tmp, target / name)
            installed.append(name)
        except DTDError as e:
            problems.append(str(e).replace(tmp, name))
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)
    if installed:
        shutil.copyfile(catalog_path(), target / "catalog.xml")
        os.chmod(target / "catalog.xml", 0o644)
    if schemas:
        installed += _install_schemas(source, target)
    if not installed:
        raise DTDError("nothing installed: " + "; ".join(problems))
    return installed + [f"skipped {p}" for p in problems]


def _install_schemas(source: str, target: Path) -> list[str]:
    """USLM schemas (*.xsd) beside the DTDs in a source folder are installed too, each checked to be an XSD."""
    if urllib.parse.urlparse(source).scheme in ("http", "https", "file"):
        try:
            return _fetch_schemas(source, target, USLM_TOPS)
        except Unreachable:
            return []
    folder = Path(source)
    if not folder.is_dir():
        return []
    done = []
    for xsd in sorted(folder.glob("*.xsd")):
        try:
            root = etree.parse(str(xsd), etree.XMLParser(no_network=True, resolve_entities=False)).getroot()
        except etree.XMLSyntaxError:
            continue
        if root.tag != "{http://www.w3.org/2001/XMLSchema}schema":
            continue
        fd, tmp = tempfile.mkstemp(prefix=f".{xsd.name}.", dir=target)
        with os.fdopen(fd, "wb") as f:
            f.write(xsd.read_bytes())
        _keep(tmp, target / xsd.name)
        done.append(xsd.name)
    return done


def _fetch_schemas(base: str, target: Path, names) -> list[str]:
    """Fetch schemas by name from a URL folder, and the files they include or import by relative location
    (an absolute location is looked for by its name in the same folder). Names not there are skipped."""
    target.mkdir(parents=True, exist_ok=True)
    todo, seen, done = list(names), set(), []
    while todo:
        name = todo.pop(0)
        if name in seen:
            continue
        seen.add(name)
        try:
            data = _read_source(base, name)
        except ValueError:
            continue
        except OSError as e:
            if isinstance(e, Unreachable):
                raise
            continue
        if data is None:
            continue
        try:
            root = etree.fromstring(data, etree.XMLParser(no_network=True, resolve_entities=False))
        except etree.XMLSyntaxError:
            continue
        if root.tag != _XS + "schema":
            continue
        for el in root.iter(_XS + "include", _XS + "import", _XS + "redefine"):
            loc = el.get("schemaLocation")
            if loc:
                todo.append(loc.rsplit("/", 1)[-1])
        fd, tmp = tempfile.mkstemp(prefix=f".{name}.", dir=target)
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        _keep(tmp, target / name)
        done.append(name)
    return done


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


def _read_source(source: str, name: str) -> bytes | None:
    scheme = urllib.parse.urlparse(source).scheme
    if scheme in ("http", "https", "file"):
        url = source.rstrip("/") + "/" + name
        try:
            with urllib.request.urlopen(url, timeout=30) as r:  # only when the user runs `dtd install`
                return r.read(20_000_000)
        except urllib.error.HTTPError as e:
            if e.code == 404:
                return None
            raise OSError(f"{url}: HTTP {e.code}") from None
        except urllib.error.URLError as e:
            if scheme == "file":
                if isinstance(e.reason, FileNotFoundError):
                    return None
                raise OSError(f"{url}: {e.reason}") from None
            raise Unreachable(e.reason) from None
        except (TimeoutError, ConnectionError) as e:
            raise Unreachable(e) from None
    if scheme and len(scheme) > 1:
        raise ValueError(f"unsupported source {source!r}: give a folder or an http(s):// or file:// URL")
    path = Path(source)
    if path.is_file() and path.name == name:
        return path.read_bytes()
    if path.is_dir() and (path / name).is_file():
        return (path / name).read_bytes()
    if not path.exists():
        raise ValueError(f"{source}: no such folder")
    return None
