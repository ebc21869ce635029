"""`billlint dtd install`: copy or download GPO's DTDs and USLM schemas into the user cache, atomically.

The only code in billlint that uses the network, and only when the user asks for it.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from lxml import etree

from .dtd import (FILES, OFFICIAL_DTD_URL, OFFICIAL_USLM_URL, SOURCES, USLM_TOPS, XS, DTDError, cache_dir,
                  catalog_path, declares, load_dtd)


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
        if root.tag != XS + "schema":
            continue
        for el in root.iter(XS + "include", XS + "import", XS + "redefine"):
            loc = el.get("schemaLocation")
            if loc:
                todo.append(loc.rsplit("/", 1)[-1])
        fd, tmp = tempfile.mkstemp(prefix=f".{name}.", dir=target)
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        _keep(tmp, target / name)
        done.append(name)
    return done


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
