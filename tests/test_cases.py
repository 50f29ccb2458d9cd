"""Labelled statements on articles other than the shipped one (tests/data/cases/*/).

Each folder holds an article and statements labelled by the rules of the project's evaluation
(supported / contradicted / unknown). The figures asserted here are floors measured on these
sets, so that a change that makes checkclaim worse on articles it was not tuned on fails.
The issue's goal is a macro-F1 of 0.90; what is reached is in the README ("Accuracy").
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from checkclaim.pipeline import check, load_index

CASES = Path(__file__).parent / "data" / "cases"
FOLDERS = sorted(p for p in CASES.iterdir() if (p / "statements.jsonl").is_file())
LABELS = ("supported", "contradicted", "unknown")

# Floors, measured 2026-11-28: pooled macro-F1 0.71 over the twenty-four sets, 0.80 over the
# fourteen written to measure (0.93 over the six written before the eight held-out ones; the
# issue's goal is 0.90); each set 0.87 or more, but the held-out and red-team sets (written by
# writers who had not seen checkclaim at work, the red-team ones to fool it).
POOLED_MACRO_F1 = 0.69
SET_MACRO_F1 = 0.85
HELD_OUT_MACRO_F1 = {
    "composed-strike": 0.60,
    "composed-measles": 0.75,
    "composed-airline": 0.70,
    "composed-court": 0.58,
    "composed-wildfire": 0.68,
    "composed-merger": 0.68,
    "composed-space": 0.75,
    "composed-budget": 0.74,
    # written to fool the checker (see README.md here): floors as measured
    "redteam-seed": 0.55,
    "redteam-wildfire": 0.70,
    "redteam-merger": 0.64,
    "redteam-space": 0.49,
    "redteam-budget": 0.40,
    "redteam-korea": 0.58,
    "redteam-election": 0.57,
    "redteam-soccer": 0.43,
    "redteam-ie9": 0.38,
    "redteam-warming": 0.59,
}
# Contradicted statements called supported, pooled over every set written to measure (of 136):
# none. Over the red-team sets, written to find them, a ceiling that may only come down.
MAX_FALSE_SUPPORTED = 0
MAX_FALSE_SUPPORTED_REDTEAM = 14


def macro_f1(pairs: list[tuple[str, str]]) -> float:
    confusion = Counter(pairs)
    f1s = []
    for label in LABELS:
        tp = confusion[(label, label)]
        fp = sum(n for (g, p), n in confusion.items() if p == label and g != label)
        fn = sum(n for (g, p), n in confusion.items() if g == label and p != label)
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1s.append(2 * precision * recall / (precision + recall) if precision + recall else 0.0)
    return sum(f1s) / len(f1s)


def judged(folder: Path) -> list[tuple[str, str]]:
    loaded = load_index(folder / "article.txt")
    out = []
    for line in (folder / "statements.jsonl").read_text(encoding="utf-8").splitlines():
        case = json.loads(line)
        out.append((case["label"], check(case["statement"], loaded).verdict))
    return out


@pytest.fixture(scope="module")
def results() -> dict[str, list[tuple[str, str]]]:
    return {folder.name: judged(folder) for folder in FOLDERS}


def test_there_are_sets_on_four_articles_or_more_with_every_label() -> None:
    assert len(FOLDERS) >= 4
    for folder in FOLDERS:
        labels = Counter(
            json.loads(line)["label"]
            for line in (folder / "statements.jsonl").read_text(encoding="utf-8").splitlines()
        )
        assert set(labels) == set(LABELS), folder.name
        assert sum(labels.values()) >= 10, folder.name


@pytest.mark.parametrize("folder", [f.name for f in FOLDERS])
def test_each_set_reaches_its_floor(results: dict[str, list[tuple[str, str]]], folder: str) -> None:
    assert macro_f1(results[folder]) >= HELD_OUT_MACRO_F1.get(folder, SET_MACRO_F1)


def test_pooled_macro_f1(results: dict[str, list[tuple[str, str]]]) -> None:
    pooled = [pair for pairs in results.values() for pair in pairs]
    assert macro_f1(pooled) >= POOLED_MACRO_F1


def test_contradicted_statements_are_not_called_supported(
    results: dict[str, list[tuple[str, str]]],
) -> None:
    def wrong(red_team: bool) -> int:
        return sum(
            1
            for name, pairs in results.items()
            if name.startswith("redteam-") == red_team
            for gold, got in pairs
            if (gold, got) == ("contradicted", "supported")
        )

    assert wrong(red_team=False) <= MAX_FALSE_SUPPORTED
    assert wrong(red_team=True) <= MAX_FALSE_SUPPORTED_REDTEAM


def test_the_shipped_development_set_has_no_false_support() -> None:
    """The same measure on the shipped article, with statements of this project's own."""
    loaded = load_index()
    cases = [
        ("Kenya will deploy 3,000 police officers to Haiti by January.", "contradicted"),
        ("Kenya will deploy 2,500 police officers to Haiti by March.", "contradicted"),
        ("Uganda will deploy 2,500 police officers to Haiti by January.", "contradicted"),
        ("Armed groups control around 40 percent of Port-au-Prince.", "contradicted"),
        ("Ruto did not visit Haiti.", "contradicted"),
        ("Kenya is sending 2,500 police officers to Haiti.", "supported"),
        ("More than half a million people are internally displaced, the IOM says.", "supported"),
    ]
    for statement, label in cases:
        got = check(statement, loaded).verdict
        assert got == label, statement
