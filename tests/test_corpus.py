"""Over ../shared/corpus/bills: no traceback, and the DTD verdict agrees with xmllint file by file."""

import json
import subprocess

import pytest
from helpers import CORPUS, DTD_DIR, need_shared, need_tool

from billlint.pipeline import dtd as dtds
from billlint.pipeline.load import load

pytestmark = pytest.mark.corpus


def corpus_files():
    return sorted(CORPUS.glob("*.xml")) if CORPUS.is_dir() else []


def test_verdicts_agree_with_xmllint():
    need_shared()
    xmllint = need_tool("xmllint")
    finder = dtds.Finder(option=str(DTD_DIR))
    disagree, invalid, mismatched = [], 0, 0
    files = corpus_files()
    assert len(files) > 100
    for path in files:
        loaded = load(str(path), finder)
        codes = {p.code for p in loaded.problems}
        assert codes <= {"BL002", "BL005", "BL011"}, (path.name, loaded.problems)
        # BL011 is the DTD's own lag (info), BL002 every other DTD error: together they are xmllint's verdict
        ours = not codes & {"BL002", "BL011"}
        dtd = DTD_DIR / dtds.FILES[loaded.kind]
        theirs = subprocess.run([xmllint, "--noout", "--nonet", "--dtdvalid", str(dtd), str(path)],
                                capture_output=True).returncode == 0
        if ours != theirs:
            disagree.append(path.name)
        invalid += not ours
        mismatched += "BL005" in codes
    assert disagree == []
    assert invalid >= 1 and mismatched >= 1


def test_whole_corpus_through_the_cli(run):
    need_shared()
    r = run("check", "--format", "json", "--exit-zero", "--dtd", DTD_DIR, CORPUS)
    assert r.code == 0
    items = json.loads(r.out)
    assert not [i for i in items if i["code"] in ("BL001", "BL006", "BL008")]


def test_amendment_phrases_are_parsed():
    """At least 99% of operation phrases outside quoted blocks become an instruction with target and operands."""
    need_shared()
    from billlint.analysis import amendments
    total = hit = 0
    for path in corpus_files():
        doc = load(str(path), None, validate=False).doc
        if doc is None:
            continue
        t, h, _ = amendments.coverage(doc)
        total, hit = total + t, hit + h
    assert total > 10000
    assert hit / total >= 0.99, (hit, total)
