"""Bad and hostile input: each gives one finding naming the file, and the rest of the batch is checked."""

import json
import time

import pytest
from helpers import bill

GOOD = bill('<section id="s1"><enum>1.</enum><text>Fine.</text></section>')
BAD_DTD = bill('<section id="s1" status="x"><enum>1.</enum><text>Fine.</text></section>')

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE bill [
<!ENTITY a "aaaaaaaaaaaaaaaaaaaa">
<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
<!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
<!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">
<!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">
<!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;">
]>
<bill bill-stage="Introduced-in-House" public-private="public">&g;</bill>
"""

CASES = {
    # name: (bytes, code, words in the message, line)
    "malformed.xml": (b"<bill>\n<legis-body>\n</bill>\n", "BL001", "mismatch", 3),
    "empty.xml": (b"", "BL001", "file is empty", 1),
    "binary.xml": (bytes(range(256)) * 4, "BL001", "binary file", 1),
    "latin1-declared-utf8.xml": (GOOD.replace("Fine.", "Caf\u00e9.").encode("latin-1"), "BL001", "declared encoding: UTF-8", None),
    "xxe-file.xml": (GOOD.replace("<bill ", '<!DOCTYPE bill [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<bill ')
                     .replace("Fine.", "&x;").replace('<!DOCTYPE bill PUBLIC "-//US Congress//DTDs/bill.dtd//EN" '
                                                      '"bill.dtd">\n', "").encode(), "BL004", "external entity", 2),
    "xxe-http.xml": (b'<?xml version="1.0"?>\n<!DOCTYPE bill [<!ENTITY x SYSTEM "http://127.0.0.1:9/x">]>\n'
                     b'<bill>&x;</bill>', "BL004", "http://127.0.0.1:9/x", 2),
    "laughs.xml": (BILLION_LAUGHS, "BL004", "entity", None),
}


@pytest.fixture
def batch(tmp_path):
    for name, (data, *_rest) in CASES.items():
        (tmp_path / name).write_bytes(data)
    (tmp_path / "good.xml").write_text(GOOD)
    (tmp_path / "invalid.xml").write_text(BAD_DTD)
    (tmp_path / "folder.xml").mkdir()  # a directory named like a file is searched, not read
    (tmp_path / "folder.xml" / "inner.xml").write_text(GOOD)
    return tmp_path


def test_each_bad_file_gives_its_finding_and_the_batch_goes_on(run, batch, dtd_dir):
    started = time.monotonic()
    r = run("check", "--format", "json", "--dtd", dtd_dir, batch, batch / "missing.xml")
    assert time.monotonic() - started < 20
    assert r.code == 1
    found = json.loads(r.out)
    by_file = {}
    for f in found:
        by_file.setdefault(f["path"].rsplit("/", 1)[-1], []).append(f)
    for name, (_data, code, words, line) in CASES.items():
        got = by_file.get(name)
        assert got, f"no finding for {name}"
        assert got[0]["code"] == code, (name, got)
        assert words.lower() in got[0]["message"].lower(), (name, got[0]["message"])
        if line is not None:
            assert got[0]["line"] == line, (name, got[0])
    assert [f["code"] for f in by_file["missing.xml"]] == ["BL006"]
    assert [f["code"] for f in by_file["invalid.xml"]] == ["BL002"]
    assert "good.xml" not in by_file and "inner.xml" not in by_file  # still checked, and clean


def test_external_entities_are_never_read(run, tmp_path, dtd_dir):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRET")
    doc = (f'<?xml version="1.0"?>\n<!DOCTYPE bill [<!ENTITY x SYSTEM "file://{secret}">]>\n'
           '<bill bill-stage="Introduced-in-House" public-private="public"><legis-body><section id="s"><enum>1.</enum>'
           '<text>&x;</text></section></legis-body></bill>')
    (tmp_path / "x.xml").write_text(doc)
    r = run("check", "--format", "json", "--dtd", dtd_dir, tmp_path / "x.xml")
    assert "TOPSECRET" not in r.out
    assert "BL004" in {f["code"] for f in json.loads(r.out)}


def test_a_directory_given_where_a_file_is_read(tmp_path):
    from billlint.pipeline import load
    loaded = load.load(str(tmp_path), None)
    assert loaded.doc is None and [(p.code, p.message) for p in loaded.problems] == [
        ("BL006", "is a directory, not a file")]


def test_internal_entities_are_expanded(tmp_path):
    from billlint.pipeline import load
    data = GOOD.replace('<!DOCTYPE bill PUBLIC "-//US Congress//DTDs/bill.dtd//EN" "bill.dtd">',
                        '<!DOCTYPE bill [<!ENTITY agency "the Agency">]>').replace("Fine.", "By &agency;.")
    loaded = load.load("t.xml", None, data=data.encode())
    assert loaded.problems == []
    assert "By the Agency." in "".join(loaded.doc.root.itertext())


def test_empty_internal_subset_and_utf16(tmp_path, run, dtd_dir):
    text = GOOD.replace('"bill.dtd">', '"bill.dtd" []>')
    (tmp_path / "subset.xml").write_text(text)
    (tmp_path / "utf16.xml").write_bytes(text.replace('encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16"))
    (tmp_path / "name with spaces.xml").write_text(GOOD)
    r = run("check", "--format", "json", "--dtd", dtd_dir, tmp_path)
    assert r.code == 0, r.out
    assert json.loads(r.out) == []


def test_missing_dtd_warns_once_per_run_and_rules_still_run(run, tmp_path):
    for i in range(3):
        (tmp_path / f"b{i}.xml").write_text(GOOD)
    r = run("check", "--format", "json", tmp_path)
    found = json.loads(r.out)
    assert [f["code"] for f in found] == ["BL003"]
    assert "billlint dtd install" in found[0]["message"]
    assert r.code == 1  # a warning fails by default
    assert run("check", "--fail-on", "error", tmp_path).code == 0
