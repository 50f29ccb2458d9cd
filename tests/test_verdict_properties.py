"""Properties of the verdict (hypothesis): what must hold for any statement of these shapes.

- A claim of the shipped article restated word for word, with one of its figures changed
  beyond any tolerance, is never supported.
- Letter case (outside acronyms) and spacing never change a verdict.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from checkclaim.pipeline import check, load_index
from checkclaim.quantities import extract

LOADED = load_index()
# claims with a figure written in digits, and where that figure stands in the claim's text
RESTATABLE = [
    (e.claim.text, m)
    for e in (LOADED.index.entries[i] for i in range(len(LOADED.index.entries)))
    for q in e.claim.quantities
    if q.kind in ("count", "percent", "ordinal")
    for m in [re.search(r"\d[\d,]*", e.claim.text)]
    if m is not None
]

STATEMENTS = [
    "Kenya will deploy 2,500 police officers to Haiti by January.",
    "Kenya will deploy 3,000 police officers to Haiti by January.",
    "Armed groups control around 80 percent of Port-au-Prince.",
    "Armed groups control around 30 percent of Port-au-Prince.",
    "Over 578,000 people were internally displaced as of August, according to the IOM.",
    "Ruto spoke at the 79th session of the UN General Assembly in New York on Thursday.",
    "Ruto never visited Haiti.",
    "Ruto expressed appreciation for backing from the United States and Canada.",
    "The deployment will cost Kenya $100 million.",
    "Brazil will join the multinational security support mission.",
]
ACRONYMS = {"UN", "IOM", "US", "ATMIS", "UNGA"}
SETTINGS = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def test_there_are_claims_to_restate() -> None:
    assert len(RESTATABLE) >= 3


@SETTINGS
@given(
    st.sampled_from(RESTATABLE),
    st.one_of(st.floats(1.3, 50.0), st.floats(0.01, 0.7)),
)
def test_a_restated_claim_with_a_figure_changed_beyond_tolerance_is_never_supported(
    restatable: tuple[str, re.Match[str]], factor: float
) -> None:
    text, m = restatable
    value = float(m.group(0).replace(",", ""))
    new = max(1, round(value * factor))
    if abs(new - value) <= 0.3 * value:  # rounding brought it back within reach
        return
    written = f"{new:,}" if "," in m.group(0) else str(new)
    statement = text[: m.start()] + written + text[m.end() :]
    assert extract(statement).quantities, statement
    assert check(statement, LOADED).verdict != "supported", statement


def _recase(text: str, choices: list[int]) -> str:
    words = text.split(" ")
    out = []
    for w, c in zip(words, choices + [0] * len(words), strict=False):
        core = w.strip(".,\"'")
        if core in ACRONYMS or any(ch.isdigit() for ch in w):
            out.append(w)
        elif c == 1:
            out.append(w.lower())
        elif c == 2:
            out.append(w.upper())
        elif c == 3:
            out.append(w[:1].upper() + w[1:].lower())
        else:
            out.append(w)
    return " ".join(out)


@SETTINGS
@given(st.sampled_from(STATEMENTS), st.sampled_from(["lower", "upper", "title"]))
def test_letter_case_of_the_whole_statement_does_not_change_the_verdict(
    statement: str, how: str
) -> None:
    def recase(w: str) -> str:
        if w.strip(".,\"'") in ACRONYMS:
            return w
        return {"lower": w.lower(), "upper": w.upper(), "title": w[:1].upper() + w[1:].lower()}[how]

    changed = " ".join(recase(w) for w in statement.split(" "))
    assert check(changed, LOADED).verdict == check(statement, LOADED).verdict, changed


@SETTINGS
@given(
    st.sampled_from(STATEMENTS),
    st.lists(
        st.sampled_from([" ", "  ", "\u00a0", "\u2009", "\t", " \u202f "]), min_size=20, max_size=20
    ),
)
def test_spacing_does_not_change_the_verdict(statement: str, spaces: list[str]) -> None:
    words = statement.split(" ")
    changed = "".join(w + spaces[i % len(spaces)] for i, w in enumerate(words)).strip()
    assert check(changed, LOADED).verdict == check(statement, LOADED).verdict, repr(changed)


@SETTINGS
@given(st.sampled_from(STATEMENTS), st.lists(st.integers(0, 3), min_size=25, max_size=25))
@example(  # "IN" after a known name once made "UN General Assembly IN New York" one name
    "Ruto spoke at the 79th session of the UN General Assembly in New York on Thursday.",
    [0] * 11 + [2] + [0] * 13,
)
def test_letter_case_word_by_word_does_not_change_the_verdict(
    statement: str, choices: list[int]
) -> None:
    changed = _recase(statement, choices)
    assert check(changed, LOADED).verdict == check(statement, LOADED).verdict, changed


@pytest.mark.parametrize("statement", STATEMENTS)
def test_the_verdict_is_the_same_twice(statement: str) -> None:
    assert check(statement, LOADED) == check(statement, LOADED)
