"""Finding the DTD: option, config, environment, XML catalog, user cache; and `billlint dtd`."""

import json
import os
import shutil
import subprocess
import sys

import pytest
from helpers import SAMPLES, bill

from billlint.pipeline import dtd as dtds

INVALID = bill('<section id="s1" status="x"><enum>1.</enum><text>Fine.</text></section>')


@pytest.fixture
def bad(tmp_path):
    p = tmp_path / "work" / "bad.xml"
    p.parent.mkdir()
    p.write_text(INVALID)
    return p


def codes(r):
    return [f["code"] for f in json.loads(r.out)]


def test_option_folder_and_file(run, bad, dtd_dir):
    assert codes(run("check", "--format", "json", "--dtd", dtd_dir, bad)) == ["BL002"]
    assert codes(run("check", "--format", "json", "--dtd", dtd_dir / "bill.dtd", bad)) == ["BL002"]


def test_a_dtd_file_for_another_root_is_not_used(run, bad, dtd_dir):
    assert codes(run("check", "--format", "json", "--dtd", dtd_dir / "res.dtd", bad)) == ["BL003"]


def test_missing_option_path_is_a_usage_error(run, bad, tmp_path):
    r = run("check", "--dtd", tmp_path / "nope", bad)
    assert r.code == 2 and "no such file or folder" in r.err


def test_config_then_environment(run, bad, dtd_dir, tmp_path, monkeypatch):
    (bad.parent / "billlint.toml").write_text(f'dtd = "{dtd_dir}"\n')
    assert codes(run("check", "--format", "json", bad)) == ["BL002"]
    (bad.parent / "billlint.toml").unlink()
    monkeypatch.setenv("BILLLINT_DTD", str(dtd_dir))
    assert codes(run("check", "--format", "json", bad)) == ["BL002"]


def test_option_wins_over_environment(run, bad, dtd_dir, tmp_path, monkeypatch):
    monkeypatch.setenv("BILLLINT_DTD", str(tmp_path / "does-not-exist"))
    r = run("dtd", "status", "--dtd", dtd_dir)
    assert r.code == 0 and "from --dtd" in r.out


def test_install_into_cache_then_status_and_check(run, bad, dtd_dir, tmp_path):
    r = run("dtd", "status")
    assert r.code == 1 and "not found" in r.out
    r = run("dtd", "install", dtd_dir)
    assert r.code == 0, r.err
    cache = dtds.cache_dir()
    assert sorted(os.listdir(cache)) == ["amend.dtd", "bill.dtd", "catalog.xml", "res.dtd"]
    r = run("dtd", "status")
    assert r.code == 0 and r.out.count("from user cache") == 3
    assert codes(run("check", "--format", "json", bad)) == ["BL002"]


def test_install_from_file_url(run, dtd_dir):
    r = run("dtd", "install", dtd_dir.as_uri())
    assert r.code == 0, r.err
    assert (dtds.cache_dir() / "bill.dtd").read_bytes() == (dtd_dir / "bill.dtd").read_bytes()


def test_install_refuses_what_is_not_a_dtd(run, tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "bill.dtd").write_text("<html><body>Not found</body></html>")
    r = run("dtd", "install", src)
    assert r.code == 2 and "nothing installed" in r.err
    assert not (dtds.cache_dir() / "bill.dtd").exists()


def test_xml_catalog(tmp_path, bad, dtd_dir):
    # libxml2 reads XML_CATALOG_FILES when it starts, so this runs in a fresh process.
    folder = tmp_path / "dtds"
    folder.mkdir()
    for name in ("bill.dtd", "res.dtd", "amend.dtd"):
        shutil.copy(dtd_dir / name, folder)
    shutil.copy(dtds.catalog_path(), folder / "catalog.xml")
    env = {**os.environ, "XML_CATALOG_FILES": str(folder / "catalog.xml")}
    r = subprocess.run([sys.executable, "-m", "billlint", "dtd", "status"], env=env, capture_output=True, text=True)
    assert r.returncode == 0, r.stdout + r.stderr
    assert r.stdout.count("from XML catalog") == 3
    r = subprocess.run([sys.executable, "-m", "billlint", "check", "--format", "json", str(bad)], env=env,
                       capture_output=True, text=True)
    assert [f["code"] for f in json.loads(r.stdout)] == ["BL002"]


def test_root_element_picks_the_dtd(run, dtd_dir):
    r = run("check", "--format", "json", "--dtd", dtd_dir, SAMPLES / "doctype-mismatch.xml")
    assert codes(r) == ["BL005"]  # valid against res.dtd, though the DOCTYPE says bill
    assert "validated against res.dtd" in json.loads(r.out)[0]["message"]
