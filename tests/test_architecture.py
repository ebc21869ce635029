"""The package's shape (issue 15): the checks that keep it from drifting back."""

import ast
import json
from pathlib import Path

import pytest
from helpers import bill

from billlint.pipeline import load
from billlint.pipeline.check import check_loaded
from billlint.pipeline.options import Options

PACKAGE = Path(__file__).resolve().parent.parent / "billlint"
MODULES = sorted(PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_private_name_imported_across_modules(path):
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            private = [a.name for a in node.names if a.name.startswith("_") and not a.name.startswith("__")]
            assert not private, f"{path.name}: imports {private} from {node.module}"


def test_no_module_over_400_lines_outside_the_rules():
    long = {str(p.relative_to(PACKAGE)): n for p in MODULES if "rules" not in p.relative_to(PACKAGE).parts[:1]
            for n in [len(p.read_text(encoding="utf-8").splitlines())] if n > 410}
    assert long == {}


def test_levels_and_severities_are_written_once():
    """Outside the rules, only vocabulary.py spells out the level order or the severities."""
    for p in MODULES:
        rel = p.relative_to(PACKAGE)
        if rel.name == "vocabulary.py" or rel.parts[0] == "rules":
            continue
        text = p.read_text(encoding="utf-8")
        assert '"subsection", "paragraph"' not in text and '"division", "subdivision"' not in text, rel
        assert '("error", "warning", "info")' not in text and '"error": 3' not in text, rel


def _findings(body: str):
    return check_loaded(load.load("t.xml", None, data=bill(body).encode(), validate=False), Options())


def test_matched_text_is_the_source_between_start_and_end_after_multibyte_text():
    body = ('<section id="s1"><enum>1.</enum><header>Caf\u00e9\u2014rules</header><text>The \u201cna\u00efve\u201d '
            'caf\u00e9 rule applies to the the Secretary.</text></section>')
    doubled = [f for f in _findings(body) if f.code == "BL402"]
    assert [f.text for f in doubled] == ["the the"]
    f = doubled[0]
    line = bill(body).splitlines()[f.line - 1]
    assert f.line == f.end_line and line[f.column - 1:f.end_column - 1] == f.text
    assert json.loads(json.dumps(f.to_dict()))["text"] == "the the"
