"""What start-up loads (issue 23): modules only some commands need stay unloaded until those commands run.
Checked by what is in sys.modules, not by timing."""

import json
import subprocess
import sys

from helpers import SAMPLES

PROBE = """
import json, sys
sys.argv = ["billlint"] + sys.argv[1:]
from billlint.cli import main
try:
    main()
except SystemExit:
    pass
print(json.dumps(sorted(sys.modules)), file=sys.stderr)
"""


def _loaded(*args: str) -> set:
    r = subprocess.run([sys.executable, "-c", PROBE, *args], capture_output=True, text=True)
    return set(json.loads(r.stderr.strip().splitlines()[-1]))


def test_version_loads_no_rule_no_analysis_and_no_network_code():
    mods = _loaded("--version")
    assert not {m for m in mods if m.startswith(("billlint.rules.bl", "billlint.analysis.phrases"))}
    assert not {"urllib.request", "billlint.pipeline.install", "importlib.resources"} & mods


def test_check_loads_the_rules_but_not_what_other_commands_need():
    mods = _loaded("check", "--no-cache", "--isolated", "--no-validate", "--format", "concise",
                   str(SAMPLES / "clean-bill.xml"))
    assert "billlint.rules.bl4_text.bl402_doubled_word" in mods and "billlint.analysis.amendments" in mods
    assert not {"urllib.request", "billlint.pipeline.install", "billlint.pipeline.fix", "billlint.pipeline.cache",
                "billlint.formats.json", "billlint.formats.sarif", "billlint.server", "xmlschema", "pygls"} & mods
