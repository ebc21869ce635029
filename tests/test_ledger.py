"""Every finding on ../shared/corpus is judged in tests/corpus/verdicts.tsv, and the judgments hold."""

import sys
from pathlib import Path

import pytest
from helpers import SHARED, need_shared

sys.path.insert(0, str(Path(__file__).resolve().parent / "corpus"))
import ledger  # noqa: E402

pytestmark = pytest.mark.corpus


@pytest.fixture(scope="module")
def comparison():
    need_shared()
    return ledger.compare(ledger.run(SHARED / "corpus"), ledger.read())


def show(items):
    return "\n".join(f"{f['file']}:{f['line']} {f['code']} {f['name']} {f['provision']} {ledger.clean(f['text'])[:80]!r}"
                     for f in items[:20])


def test_no_finding_is_unjudged(comparison):
    assert not comparison.unjudged, "judge these into tests/corpus/verdicts.tsv:\n" + show(comparison.unjudged)


def test_no_false_finding_comes_back(comparison):
    assert not comparison.false, show([f for f, _ in comparison.false])


def test_no_true_finding_disappears(comparison):
    assert not comparison.lost, "\n".join(f"{r['file']}:{r['line']} {r['name']} {r['matched'][:80]!r}"
                                          for r in comparison.lost[:20])


def test_precision_per_rule_and_for_errors(comparison):
    low = {k: v for k, v in comparison.precision("name").items() if v[0] < 0.95 * v[1]}
    assert not low, low
    right, n = comparison.precision("severity").get("error", (0, 0))
    assert right >= 0.98 * n


def test_ledger_rows_are_well_formed():
    rows = ledger.read()
    assert rows and all(r["reason"].strip() for r in rows), "every verdict gives its reason"
