"""Numbers, qualifiers and dates as a reader reads them: golden tables for quantities.py.

Each table row is a phrase and what a sub-editor reads in it. A row the code gets wrong today
is marked `xfail(strict=True)` with the reason, so fixing it turns the row red until the mark
is removed.
"""

from __future__ import annotations

import math
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checkclaim.models import DateRef, Quantity
from checkclaim.normalize import normalize
from checkclaim.quantities import compatible, extract

INF = math.inf


def quantities(text: str) -> tuple[Quantity, ...]:
    return extract(normalize(text)).quantities


def first(text: str) -> Quantity:
    found = quantities(text)
    assert found, f"no figure read in {text!r}"
    return found[0]


def dates(text: str) -> tuple[DateRef, ...]:
    return extract(normalize(text)).dates


def xfail(*values: object, reason: str) -> object:
    return pytest.param(*values, marks=pytest.mark.xfail(strict=True, reason=reason))


# --- every way a newsroom writes a number ---------------------------------------------------

NUMBER_FORMS = [
    # text, value, kind
    ("Kenya sends 2,500 officers", 2500, "count"),
    ("Kenya sends 2500 officers", 2500, "count"),
    ("Kenya sends 2 500 officers", 2500, "count"),
    ("The film earned $ 95 million", 95e6, "money"),
    ("a rise of six and a half per cent", 6.5, "percent"),
    ("fourteen and a half thousand workers walked out", 14_500, "count"),
    ("a budget of six and a half million euros", 6_500_000, "money"),
    ("during a six-day walkout", 6, "duration"),
    ("the victims were under the age of five", 5, "duration"),  # an age is years
    ("a five-member panel met", 5, "count"),
    ("Kenya sends 2\u00a0500 officers", 2500, "count"),  # no-break space
    ("Kenya sends 2\u202f500 officers", 2500, "count"),  # narrow no-break space
    ("Kenya sends 2\u2009500 officers", 2500, "count"),  # thin space
    ("Kenya sends 2.5k officers", 2500, "count"),
    ("1 500 000 people fled", 1_500_000, "count"),
    ("1.2 million people fled", 1_200_000, "count"),
    ("1.2m people fled", 1_200_000, "count"),
    ("the mission costs $1.2bn", 1_200_000_000, "money"),
    ("the mission costs $1.2 billion", 1_200_000_000, "money"),
    ("a budget of €5m", 5_000_000, "money"),
    ("Kenya sends two thousand five hundred officers", 2500, "count"),
    ("Kenya sends twenty-five hundred officers", 2500, "count"),
    ("Kenya sends twenty officers", 20, "count"),
    ("half a million people fled", 500_000, "count"),
    ("a dozen officers arrived", 12, "count"),
    ("gangs control 80% of the city", 80, "percent"),
    ("gangs control 80 percent of the city", 80, "percent"),
    ("gangs control 80 per cent of the city", 80, "percent"),
    ("gangs control eighty percent of the city", 80, "percent"),
    ("gangs control four-fifths of the city", 80, "percent"),
    ("gangs control two-thirds of the city", 66.67, "percent"),
    ("a third of voters stayed home", 33.33, "percent"),  # alpha2digit alone reads "3rd"
    ("one third of the city", 33.33, "percent"),
    ("gangs control half of the city", 50, "percent"),
    ("support rose 3 percentage points", 3, "points"),
    ("the 79th session", 79, "ordinal"),
    ("the seventy-ninth session", 79, "ordinal"),
    ("a speech of 20 minutes", 20, "duration"),
    ("Kenya sent 2024 officers.", 2024, "count"),
    ("Kenya sent 2024 people.", 2024, "count"),
    ("1999 people were displaced", 1999, "count"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "value", "kind"), NUMBER_FORMS)
def test_number_forms(text: str, value: float, kind: str) -> None:
    q = first(text)
    assert q.kind == kind
    assert q.value == pytest.approx(value, rel=1e-3)


UNITS = [
    # text, what the figure counts
    ("deploy 2,500 police officers to Haiti", "police officers"),
    ("2,500 Kenyan police", "police"),  # a name is not what is counted
    ("over 578,000 people internally displaced", "people internally displaced"),
    ("the 79th session", "session"),
    ("a speech of 20 minutes", "minute"),
    ("the mission costs $1.2bn", "usd"),
    ("the mission costs 5 million dollars", "usd"),
    ("a budget of €5m", "eur"),
]


@pytest.mark.parametrize(("text", "unit"), UNITS)
def test_what_a_figure_counts(text: str, unit: str) -> None:
    assert first(text).unit == unit


NOT_FIGURES = [
    "Kenya may send more officers",
    "Troops will march on Friday",
    "in 2024",  # a year is a date, not a count
    "on Thursday",
    "the first session",
    "in the 1990s",
    "the polls closed at 22:30",  # a time of day, not two figures
    "the last ballot was cast at 2:30",
]


@pytest.mark.parametrize("text", NOT_FIGURES)
def test_no_figure(text: str) -> None:
    assert quantities(text) == ()


# --- qualifiers -----------------------------------------------------------------------------

QUALIFIERS = [
    ("over 578,000 people", "over"),
    ("more than 578,000 people", "over"),
    ("at least 578,000 people", "at least"),
    ("nearly 578,000 people", "nearly"),
    ("almost 578,000 people", "nearly"),
    ("around 578,000 people", "around"),
    ("about 578,000 people", "around"),
    ("roughly 578,000 people", "around"),
    ("some 578,000 people", "around"),
    ("up to 578,000 people", "up to"),
    ("fewer than 578,000 people", "under"),
    ("under 578,000 people", "under"),
    ("578,000 people", ""),
]


@pytest.mark.parametrize(("text", "qualifier"), QUALIFIERS)
def test_qualifiers(text: str, qualifier: str) -> None:
    assert first(text).qualifier == qualifier


# The rules of quantities.py's docstring, one row each: (text, low, high, low_open, high_open).
INTERVALS = [
    # a bare figure is what its writer's rounding allows
    ("2,500 officers", 2500, 2500, False, False),
    ("578k people", 577_500, 578_500, False, True),
    ("1.2 million people", 1_150_000, 1_250_000, False, True),
    # around / about / roughly / some: within 10% either way
    ("around 578,000 people", 520_200, 635_800, False, False),
    ("around 80 percent of the city", 72, 88, False, False),
    # nearly / almost: up to 10% below
    ("nearly 578,000 people", 520_200, 578_000, False, True),
    ("almost 580,000 people", 522_000, 580_000, False, True),
    # a bound on a precise figure means a little past it: up to 10% beyond
    ("over 578,000 people", 578_000, 635_800, True, False),
    ("at least 578,000 people", 578_000, 635_800, False, False),
    ("fewer than 578,000 people", 520_200, 578_000, False, True),
    ("up to 578,000 people", 520_200, 578_000, False, False),
    # a bound on a round figure is a plain bound
    ("more than half a million people", 500_000, INF, True, False),
    ("over 500,000 people", 500_000, INF, True, False),
    ("at least 500,000 people", 500_000, INF, False, False),
    ("more than 2,500 officers", 2500, INF, True, False),
    ("fewer than 500,000 people", 0, 500_000, False, True),
    ("up to 500,000 people", 0, 500_000, False, False),
    ("over 1 million people", 1_000_000, INF, True, False),
    # a range is itself the interval
    ("2,000-3,000 officers", 2000, 3000, False, False),
    ("2,000 to 3,000 officers", 2000, 3000, False, False),
    ("between 2,000 and 3,000 officers", 2000, 3000, False, False),
]


@pytest.mark.parametrize(("text", "low", "high", "low_open", "high_open"), INTERVALS)
def test_interval_rules(
    text: str, low: float, high: float, low_open: bool, high_open: bool
) -> None:
    iv = first(text).interval
    assert [iv.low, iv.high] == pytest.approx([low, high])
    assert (iv.low_open, iv.high_open) == (low_open, high_open)


# Two figures agree when their intervals overlap (the article's phrase first).
AGREEMENT = [
    ("over 578,000 people", "over 878,000 people", False),
    ("over 578,000 people", "over 57,800 people", False),
    ("over 578,000 people", "more than half a million people", True),
    ("over 578,000 people", "at least 500,000 people", True),
    ("over 578,000 people", "fewer than 500,000 people", False),
    ("over 578,000 people", "over 1 million people", False),
    ("over 578,000 people", "nearly 580,000 people", True),
    ("over 578,000 people", "578k people", True),
    ("over 578,000 people", "over 5.78 million people", False),
    ("around 80 percent of the city", "80% of the city", True),
    ("around 80 percent of the city", "eighty per cent of the city", True),
    ("around 80 percent of the city", "four-fifths of the city", True),
    ("around 80 percent of the city", "50% of the city", False),
    ("around 80 percent of the city", "90% of the city", False),
    ("around 80 percent of the city", "two-thirds of the city", False),
    ("2,500 police officers", "2.5k officers", True),
    ("2,500 police officers", "twenty-five hundred officers", True),
    ("2,500 police officers", "about 2,600 officers", True),
    ("2,500 police officers", "between 2,000 and 3,000 officers", True),
    ("2,500 police officers", "3,000 officers", False),
    ("2,500 police officers", "2,000-2,400 officers", False),
    ("2,500 police officers", "two thousand five hundred officers", True),
]  # fmt: skip


@pytest.mark.parametrize(("article", "statement", "agree"), AGREEMENT)
def test_figures_agree_when_their_intervals_overlap(
    article: str, statement: str, agree: bool
) -> None:
    assert first(article).interval.overlaps(first(statement).interval) is agree


# Figures of different kinds are not compared at all.
COMPATIBLE = [
    # a, b, same thing counted, comparable
    ("the 79th session", "2,500 officers", False, False),
    ("a speech of 20 minutes", "2,500 officers", False, False),
    ("a speech of 20 minutes", "the 79th session", False, False),
    ("it costs $1.2bn", "it costs €1.2bn", False, False),
    ("80 percent of the city", "80 percentage points", False, False),
    ("80 percent of the city", "two-thirds of the city", False, True),
    ("2,500 officers", "3,000 officers", True, True),
    ("2,500 officers", "3,000", False, True),  # a bare figure may count anything
    ("a speech of 20 minutes", "a speech of 30 minutes", False, True),
]


@pytest.mark.parametrize(("a", "b", "same_unit", "comparable"), COMPATIBLE)
def test_only_figures_of_one_kind_are_compared(
    a: str, b: str, same_unit: bool, comparable: bool
) -> None:
    assert compatible(first(a), first(b), same_unit) is comparable


# --- dates ----------------------------------------------------------------------------------

DATES = [
    # text, (kind, value, relation) read
    ("deploy officers by January", [("month", "january", "by")]),
    ("displaced as of August", [("month", "august", "as of")]),
    ("until December", [("month", "december", "until")]),
    ("the vote is in May", [("month", "may", "in")]),
    ("by March 2025", [("month", "march", "by"), ("year", "2025", "")]),
    ("spoke on Thursday", [("weekday", "thursday", "on")]),
    ("in 2024", [("year", "2024", "in")]),
    ("since 2019", [("year", "2019", "since")]),
    (
        "on 26 September 2024",
        [("day", "26", ""), ("month", "september", ""), ("year", "2024", "")],
    ),
    ("on 2024-09-26", [("date", "2024-09-26", "on")]),
    # a month next to a day is read as a month in either order, whatever the month's name
    (
        "on Monday, 20 March, and",
        [("weekday", "monday", "on"), ("day", "20", ""), ("month", "march", "")],
    ),
    ("from 4 May 1962", [("day", "4", ""), ("month", "may", ""), ("year", "1962", "")]),
]


@pytest.mark.parametrize(("text", "expected"), DATES)
def test_dates(text: str, expected: list[tuple[str, str, str]]) -> None:
    found = {(d.kind, d.value, d.relation) for d in dates(text)}
    assert set(expected) <= found


NOT_DATES = [
    "Kenya may send more officers",  # "may" the verb
    "Troops will march to the border",  # "march" the verb
    "Kenya sent 2024 officers.",  # a count
    "the 79th session",
]


@pytest.mark.parametrize("text", NOT_DATES)
def test_no_date(text: str) -> None:
    assert dates(text) == ()


# --- properties -----------------------------------------------------------------------------


@settings(max_examples=150, deadline=None)
@given(st.integers(min_value=10_000, max_value=999_999_999))
def test_digit_groups_read_alike(n: int) -> None:
    """`2,500`, `2500` and `2 500` are one figure, whatever its size."""
    forms = (f"{n:,}", str(n), f"{n:,}".replace(",", " "), f"{n:,}".replace(",", "\u00a0"))
    values = {first(f"they counted {form} people").value for form in forms}
    assert values == {n}


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("0123456789,.% -$kmbnover tohalfadozenMayon"), max_size=60))
def test_any_text_gives_well_formed_intervals(text: str) -> None:
    for q in quantities(text):
        assert q.interval.low <= q.interval.high


# Words the patterns look for, in several letter cases, and with the look-alike letters that
# re.IGNORECASE matches to ASCII ones ("F\u0130FTH"), so that a gate too strict would show.
_GATE_PIECES = (
    "half",
    "a third",
    "two-thirds",
    "Most of",
    "ALL OF",
    "none of",
    "the majority of",
    "May",
    "march",
    "Sept.",
    "friday",
    "twenty",
    "Seventy",
    "fiftieth",
    "sixteenth",
    "dozen",
    "one",
    "two",
    "2,500",
    "1999",
    "3rd",
    "by",
    "of",
    "-",
    ".",
    "ski",
    "six",
)
_LOOK_ALIKES = {"i": "\u0130\u0131", "I": "\u0130\u0131", "s": "\u017f", "k": "\u212a"}


@st.composite
def _gate_text(draw: st.DrawFn) -> str:
    pieces = draw(st.lists(st.sampled_from(_GATE_PIECES), max_size=10))
    out = []
    for piece in pieces:
        if draw(st.booleans()):
            piece = piece.upper() if draw(st.booleans()) else piece.title()
        if draw(st.booleans()):
            piece = "".join(
                draw(st.sampled_from(_LOOK_ALIKES[c]))
                if c in _LOOK_ALIKES and draw(st.booleans())
                else c
                for c in piece
            )
        out.append(piece)
    return " ".join(out)


@settings(max_examples=400, deadline=None)
@given(_gate_text())
def test_gates_never_hide_a_figure(text: str) -> None:
    """The cheap word checks in front of each pattern only skip text the pattern finds nothing
    in: reading with them gives what running every pattern gives."""
    import checkclaim.quantities as q

    everything = frozenset({*q._FRACTION_WORDS, *q._QUANTIFIER_WORDS, *q._DATE_WORDS})
    gated = q.extract(text)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(q, "_gate_words", lambda t: everything)
        mp.setattr(q, "_has_number_word", lambda t: True)
        mp.setattr(q, "_DIGIT", re.compile(r"(?s)."))
        ungated = q.extract(text)
    assert gated == ungated


def test_from_one_figure_to_another_is_two_figures() -> None:
    """ "From 84 to 78 planes" is a change: both figures count planes, neither is a range."""
    got = [
        (q.value, q.unit, q.qualifier) for q in quantities("cutting its fleet from 84 to 78 planes")
    ]
    assert got == [(84, "planes", ""), (78, "planes", "")]
    (between,) = quantities("between 80 and 90 planes")
    assert (between.interval.low, between.interval.high) == (80, 90)


@pytest.mark.parametrize(
    ("text", "low", "high", "kind"),
    [
        ("Hundreds of people were hurt.", 200, 1e3, "count"),
        ("Tens of thousands of people marched.", 2e4, 1e5, "count"),
        ("The plan spends billions of dollars.", 2e9, 1e12, "money"),
        ("Hundreds of millions of dollars were lost.", 2e8, 1e9, "money"),
        ("Dozens of houses burned.", 24, 100, "count"),
    ],
)
def test_a_magnitude_without_a_figure_is_the_span_a_reader_writes_it_for(
    text: str, low: float, high: float, kind: str
) -> None:
    (q,) = extract(text).quantities
    assert (q.interval.low, q.interval.high, q.interval.high_open) == (low, high, True)
    assert q.kind == kind
