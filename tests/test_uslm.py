"""USLM: validated with xmlschema, read onto the same model, the same findings as the bill-DTD version."""

import json

from helpers import SAMPLES, SHARED, need_shared

from billlint.analysis import changes
from billlint.pipeline import load
from billlint.rules.registry import Selection
from billlint.pipeline.check import check_loaded
from billlint.pipeline.options import Options, Settings
from billlint.pipeline.workers import run

USLM = SHARED / "corpus" / "uslm"
SAMPLES_USLM = USLM / "bill-version-samples-september-2024"


def test_every_uslm_sample_validates_and_is_checked(dtd_dir):
    need_shared()
    files = sorted(str(p) for p in SAMPLES_USLM.iterdir() if p.suffix.lower() == ".xml")
    assert len(files) == 75
    settings = Settings(dtd=(str(dtd_dir), str(USLM)), cache_dir=None)
    _, found = run(files, settings, jobs=2)
    assert not [f for f in found if f.code in ("BL001", "BL003", "BL007", "BL008")], found[:3]
    assert not [f for f in found if f.code == "BL010"]   # all 75 conform to uslm-2.1.0.xsd


def test_schema_errors_are_findings_with_lines(run, tmp_path):
    need_shared()
    bad = (SAMPLES / "uslm-bill.xml").read_text().replace("<heading>TERMINATION.</heading>",
                                                          "<heading>TERMINATION.</heading><bogus/>")
    p = tmp_path / "bad.xml"
    p.write_text(bad)
    got = json.loads(run("check", "--format", "json", "--select", "BL010", "--dtd", USLM, p).out)
    assert got and got[0]["code"] == "BL010" and got[0]["line"] == bad[:bad.index("<bogus/>")].count("\n") + 1


def test_same_bill_in_both_formats_gives_the_same_paths_and_findings():
    dtd = load.load(str(SAMPLES / "structure-and-references.xml"), None).doc
    uslm = load.load(str(SAMPLES / "uslm-bill.xml"), None).doc
    assert uslm.format == "uslm" and uslm.kind == "bill"
    assert [p.path for p in uslm.provisions] == [p.path for p in dtd.provisions]
    opts = Options(Selection(["BL1", "BL2", "BL3", "BL4", "BL5"]))

    def found(doc):
        return [(f.code, f.provision, f.message) for f in check_loaded(load.Loaded(doc.path, doc=doc), opts)]
    assert found(uslm) == found(dtd) and len(found(dtd)) == 5


def test_changes_on_a_uslm_bill():
    need_shared()
    doc = load.load(str(SAMPLES_USLM / "BILLS-110s2062ris.xml"), None).doc
    rep = changes.report(doc)
    assert rep.changes and "SLIA00" in {c.committee for c in rep.changes}
    modified = [c for c in rep.changes if c.change == "modified" and any(op != "=" for op, _ in c.diff)]
    assert modified and {op for op, _ in modified[0].diff} >= {"-", "+"}


def test_dtd_install_takes_the_uslm_schemas_too(run, tmp_path, dtd_dir):
    need_shared()
    import shutil
    src = tmp_path / "src"
    shutil.copytree(dtd_dir, src, ignore=shutil.ignore_patterns("variants"))
    for p in USLM.glob("*.xsd"):
        shutil.copy(p, src / p.name)
    assert run("dtd", "install", src).code == 0
    bad = (SAMPLES / "uslm-bill.xml").read_text().replace("<heading>TERMINATION.</heading>",
                                                          "<heading>TERMINATION.</heading><bogus/>")
    (tmp_path / "bad.xml").write_text(bad)
    got = json.loads(run("check", "--format", "json", "--select", "BL0", tmp_path / "bad.xml").out)
    assert [f["code"] for f in got] == ["BL010"]   # found in the user cache, no --dtd
