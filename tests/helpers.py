"""Paths and helpers shared by the tests."""

import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus" / "bills"
DTD_DIR = SHARED / "corpus" / "dtd"
SEEDS = SHARED / "seeds"
SAMPLES = ROOT / "samples"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
IN_CI = bool(os.environ.get("CI"))


def need_shared():
    """Tests over ../shared run wherever it is present; CI always has it."""
    if not SHARED.is_dir():
        if IN_CI:
            pytest.fail("../shared is missing in CI")
        pytest.skip("../shared is not beside the checkout")


def need_tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        if IN_CI:
            pytest.fail(f"{name} must be installed by .ci/run")
        pytest.skip(f"{name} is not installed")
    return path


def bill(body: str, *, stage: str = "Introduced-in-House", doctype: bool = True, root: str = "bill") -> str:
    """A minimal, DTD-valid bill around a legis-body's content."""
    dt = '<!DOCTYPE bill PUBLIC "-//US Congress//DTDs/bill.dtd//EN" "bill.dtd">\n' if doctype else ""
    return f"""<?xml version="1.0" encoding="UTF-8"?>
{dt}<bill bill-stage="{stage}" public-private="public">
<form><congress>119th CONGRESS</congress><session>1st Session</session><legis-num>H. R. 1</legis-num>
<current-chamber>IN THE HOUSE OF REPRESENTATIVES</current-chamber><legis-type>A BILL</legis-type>
<official-title>To do something.</official-title></form>
<legis-body>
{body}
</legis-body>
</bill>
"""


def on_terminal(cmd: list[str], env: dict | None = None) -> bytes:
    """What a command writes when its standard streams are a terminal (a pseudo-terminal), read to the end."""
    import pty
    import subprocess
    master, slave = pty.openpty()
    proc = subprocess.Popen(cmd, stdin=slave, stdout=slave, stderr=slave, close_fds=True, env=env)
    os.close(slave)
    seen = b""
    while True:
        try:
            chunk = os.read(master, 4096)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
    proc.wait()
    os.close(master)
    return seen
