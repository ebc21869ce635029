"""USLM bills (namespace http://schemas.gpo.gov/xml/uslm): validation with xmlschema, and a reader onto
the same provision model as the bill DTD, so every rule family runs on both.

The reader renames USLM elements in place to their bill-DTD counterparts (num -> enum, heading -> header,
content and chapeau -> text, quotedContent -> quoted-block, ...). Nothing is moved or added, so every
element keeps its place in the source and findings keep exact lines and columns.
"""

from __future__ import annotations

import os
import re
import warnings

from ..model.vocabulary import LEVELS

NS = "http://schemas.gpo.gov/xml/uslm"
_Q = "{" + NS + "}"

# USLM local name -> bill-DTD element name. Levels keep their names (section, subsection, ...).
RENAME = {
    "num": "enum", "heading": "header", "content": "text", "chapeau": "text", "continuation": "continuation-text",
    "quotedContent": "quoted-block", "quotedText": "quote", "shortTitle": "short-title", "main": "legis-body",
    "addedText": "added-phrase", "deletedText": "deleted-phrase", "preface": "form", "officialTitle": "official-title",
    "term": "term", "proviso": "proviso", "i": "italic", "b": "bold", "p": "text",
    "toc": "toc", "referenceItem": "uslm-toc-entry", "committee": "committee-name",
    "appropriations": "appropriations-intermediate",
}
SCHEMA_LOCATION = re.compile(rb'schemaLocation="\S+\s+([^"\s]+)"')


def is_uslm(root) -> bool:
    return isinstance(root.tag, str) and root.tag.startswith(_Q)


def schema_name(data: bytes) -> str:
    m = SCHEMA_LOCATION.search(data[:4000])
    return os.path.basename(m.group(1).decode()) if m else "uslm-2.1.0.xsd"


def to_bill_dtd(tree) -> str:
    """Rename USLM elements in place; return the document type (bill, resolution, amendment-doc)."""
    root = tree.getroot()
    for el in root.iter():
        tag = el.tag
        if not isinstance(tag, str) or not tag.startswith(_Q):
            continue
        name = tag[len(_Q):]
        if name in LEVELS:
            el.tag = name
        elif name == "ref":
            href = el.get("href", "")
            if href.startswith("#"):
                el.tag = "internal-xref"
                el.set("idref", href[1:])
            else:
                el.tag = "external-xref"
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
    """USLM schemas compiled once per process (compiling takes about a second) and never fetched."""

    def __init__(self):
        self._cache: dict = {}

    def get(self, path: str):
        if path not in self._cache:
            import xmlschema  # only USLM needs it
            folder = os.path.dirname(path)
            locations = [("http://purl.org/dc/terms/", os.path.join(folder, "dcterms.xsd")),
                         ("http://purl.org/dc/elements/1.1/", os.path.join(folder, "dc.xsd")),
                         ("https://www.senate.gov/schemas", os.path.join(folder, "uslm-meta-senate.xsd"))]
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                self._cache[path] = xmlschema.XMLSchema(path, allow="local", validation="lax",
                                                        locations=[x for x in locations if os.path.exists(x[1])])
        return self._cache[path]


SCHEMAS = Schemas()


def validate(tree, schema_path: str) -> list[tuple[int, str]]:
    """(line, message) for each schema error, before the tree is renamed."""
    schema = SCHEMAS.get(schema_path)
    out = []
    for err in schema.iter_errors(tree):
        line = getattr(err, "sourceline", None) or 1
        reason = " ".join(str(err.reason or err.message).split())
        out.append((line, reason[:300]))
        if len(out) >= 200:
            break
    return out
