"""Every finding on ../shared/corpus is judged in tests/corpus/verdicts.tsv, and the judgments hold.

A row whose reason starts "[fixed]" is a false finding billlint no longer gives: it must not come back. A TRUE
row must keep its finding, unless its reason starts "[given up]": a true finding silenced on purpose because
nothing in the bill told it from false ones of the same shape (the reason says which). Precision per rule (TRUE / judged) must stay at or above its floor: 95% (98% for
error-level findings), or, for a rule not there yet, the figure it reached when the ledger was last judged
(FLOORS below), so that it can only rise.
"""

import sys
from pathlib import Path

import pytest
from helpers import SHARED, need_shared

sys.path.insert(0, str(Path(__file__).resolve().parent / "corpus"))
import ledger  # noqa: E402

pytestmark = pytest.mark.corpus

TARGET, TARGET_ERROR = 0.95, 0.98
# rule name or severity -> the precision it reached when the ledger was last judged, where below its target
FLOORS: dict[str, float] = {}


@pytest.fixture(scope="module")
def comparison():
    need_shared()
    return ledger.compare(ledger.run(SHARED / "corpus"), ledger.read())


def show(items):
    return "\n".join(f"{f['file']}:{f['line']} {f['code']} {f['name']} {f['provision']} {ledger.clean(f['text'])[:80]!r}"
                     for f in items[:20])


def test_no_finding_is_unjudged(comparison):
    assert not comparison.unjudged, "judge these into tests/corpus/verdicts.tsv:\n" + show(comparison.unjudged)


def test_no_fixed_false_finding_comes_back(comparison):
    back = [f for f, r in comparison.judged if r["reason"].startswith("[fixed]")]
    assert not back, show(back)


def test_no_true_finding_disappears(comparison):
    assert not comparison.lost, "\n".join(f"{r['file']}:{r['line']} {r['name']} {r['matched'][:80]!r}"
                                          for r in comparison.lost[:20])


def floor(key: str, target: float) -> float:
    return min(target, FLOORS.get(key, target))


def test_precision_per_rule(comparison):
    low = {k: f"{right}/{n}" for k, (right, n) in comparison.precision("name").items()
           if right < floor(k, TARGET) * n - 1e-9}
    assert not low, low


def test_precision_of_errors(comparison):
    right, n = comparison.precision("severity").get("error", (0, 0))
    assert right >= floor("error", TARGET_ERROR) * n - 1e-9, (right, n)


def test_ledger_rows_are_well_formed():
    rows = ledger.read()
    assert rows and all(r["reason"].strip() for r in rows), "every verdict gives its reason"
