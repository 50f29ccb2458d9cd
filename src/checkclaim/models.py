"""The values that pass between the stages. Frozen, so a stage cannot change another's output."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

VERDICTS = ("supported", "contradicted", "unknown")


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence and its character span in the untouched original text."""

    index: int
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Interval:
    """The values a figure allows, as a reader grants them."""

    low: float
    high: float
    low_open: bool = False
    high_open: bool = False

    def overlaps(self, other: Interval) -> bool:
        if self.high < other.low or other.high < self.low:
            return False
        if self.high == other.low and (self.high_open or other.low_open):
            return False
        return not (other.high == self.low and (other.high_open or self.low_open))

    def contains(self, other: Interval) -> bool:
        """True when every value `other` allows is allowed here too."""
        low_ok = self.low < other.low or (
            self.low == other.low and (not self.low_open or other.low_open)
        )
        high_ok = other.high < self.high or (
            self.high == other.high and (not self.high_open or other.high_open)
        )
        return low_ok and high_ok

    def __str__(self) -> str:
        return "{}{}, {}{}".format(
            "(" if self.low_open else "[",
            _fmt(self.low),
            _fmt(self.high),
            ")" if self.high_open else "]",
        )


def _fmt(x: float) -> str:
    if math.isinf(x):
        return "inf" if x > 0 else "-inf"
    if x == int(x) or abs(x) >= 1000:
        return f"{round(x):,}"
    return f"{x:.6g}"


def format_number(x: float) -> str:
    return _fmt(x)


@dataclass(frozen=True, slots=True)
class Quantity:
    """A figure: its value, what it counts, its qualifier and the interval they give."""

    text: str
    value: float
    kind: str  # count | percent | money | ordinal | duration | year | number
    unit: str  # what is counted, as a lemma ("officer", "person", "minute", "usd")
    qualifier: str  # "" or over, around, at least, ...
    interval: Interval


@dataclass(frozen=True, slots=True)
class DateRef:
    """A date detail: a month, a weekday, a year or a full date, with how it is used."""

    text: str
    kind: str  # month | weekday | year | day | date
    value: str  # normalised: "january", "thursday", "2024", "2024-09-26"
    relation: str = ""  # by | as of | since | on | in | until | ""


@dataclass(frozen=True, slots=True)
class Entity:
    """A named person, place or organisation, and the slot it fills in its sentence."""

    text: str
    kind: str  # person | place | org | name
    role: str = ""  # agent | loc | dest | from | source | ""


@dataclass(frozen=True, slots=True)
class Claim:
    """One checkable sentence of an article and its structured details."""

    id: str
    text: str
    sentence: int
    span: tuple[int, int]
    evidence: str
    quantities: tuple[Quantity, ...] = ()
    dates: tuple[DateRef, ...] = ()
    entities: tuple[Entity, ...] = ()
    context: tuple[str, ...] = ()  # who "he" or "it" refers to, from earlier sentences
    negated: bool = False


@dataclass(frozen=True, slots=True)
class Provenance:
    title: str = ""
    source: str = ""  # where the article came from: a URL or a name
    file: str = ""  # the article's file, relative to the claim file
    sha256: str = ""
    date: str = ""  # ISO date of publication, if known


@dataclass(frozen=True, slots=True)
class ClaimSet:
    name: str  # where it came from: a file path or the article's name
    provenance: Provenance
    claims: tuple[Claim, ...]
    aliases: dict[str, str] = field(default_factory=dict)  # abbreviation -> full name
    entities: tuple[str, ...] = ()  # every name the article mentions


@dataclass(frozen=True, slots=True)
class Reason:
    """One detail compared: what the statement and the claim said, and whether they agree."""

    kind: str  # number date entity negation antonym order choice wording length no-claim
    status: str  # agree | disagree | missing
    statement: str = ""
    claim: str = ""
    message: str = ""

    def as_dict(self) -> dict[str, str]:
        return {
            "kind": self.kind,
            "status": self.status,
            "statement": self.statement,
            "claim": self.claim,
            "message": self.message,
        }


@dataclass(frozen=True, slots=True)
class Candidate:
    """A claim considered for a statement, with its scores."""

    claim: Claim
    source: str
    score: float  # fuzzy similarity, 0-100
    coverage: float  # share of the statement's content the claim accounts for, 0-1


@dataclass(frozen=True, slots=True)
class Result:
    """The verdict on one statement (or one clause of it)."""

    statement: str
    verdict: str  # supported | contradicted | unknown | error
    score: float = 0.0
    claim: Claim | None = None
    source: str = ""
    reasons: tuple[Reason, ...] = ()
    clauses: tuple[Result, ...] = ()
    candidates: tuple[Candidate, ...] = ()
    disagreeing_sources: tuple[str, ...] = ()
    extra: dict[str, Any] = field(default_factory=dict)  # input fields carried to the output
    message: str = ""  # for verdict "error"
