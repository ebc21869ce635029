import pytest
from click.testing import CliRunner
from helpers import need_shared, DTD_DIR

from billlint.cli import cli


@pytest.fixture(autouse=True)
def _isolated(tmp_path_factory, monkeypatch):
    """No test sees the user's DTD cache, catalog or config."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("cache")))
    monkeypatch.setenv("XML_CATALOG_FILES", "")
    monkeypatch.delenv("BILLLINT_DTD", raising=False)


@pytest.fixture
def dtd_dir():
    need_shared()
    return DTD_DIR


class Result:
    def __init__(self, r):
        self.code = r.exit_code
        self.out = r.stdout
        self.err = r.stderr
        self.exception = r.exception


@pytest.fixture
def run():
    """Run the billlint CLI in-process: run("check", path, ...) -> Result with code, out, err."""
    def _run(*args, input=None):
        r = CliRunner().invoke(cli, [str(a) for a in args], input=input, catch_exceptions=False)
        return Result(r)
    return _run
