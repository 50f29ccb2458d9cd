"""Numbers, qualifiers, units and dates -> comparable values.

A figure is read as a sub-editor reads it: with its qualifier ("over", "around", "at least")
and its rounding, as an interval of the values it allows. The rules, in one place:

* a bare figure is what its writer's rounding allows: "2,500" is 2,500; "578k" is
  577,500-578,500; "1.2 million" is 1.15-1.25 million;
* "around", "about", "roughly", "some", "approximately": within 10% either way;
  "nearly", "almost": up to 10% below;
* a bound on a precise figure ("over 578,000") means a little past it: up to 10% beyond;
  a bound on a round figure ("over half a million") is a plain bound;
* a range ("2,000-3,000", "between 2,000 and 3,000") is itself the interval;
* a magnitude without a figure runs from two of it to the next magnitude: "hundreds" is
  200-999, "thousands" 2,000-999,999, "tens of thousands" 20,000-99,999, "millions of
  dollars" $2 million-$999 million ("dozens" is 24-99);
* a strict bound at the article's very figure excludes it: "less than $127 million" and "more
  than 141,000" contradict a bare "$127 million" and "141,000", rounding notwithstanding.

Two figures agree when their intervals overlap and contradict when they cannot both be true.
Every regular expression here is linear: no nested quantifiers that could backtrack.
"""

from __future__ import annotations

import bisect
import math
import re
from dataclasses import dataclass

from checkclaim.models import DateRef, Interval, Quantity

# How far a reader lets a qualified figure stray; see the module docstring.
APPROX = 0.10
PAST_PRECISE_BOUND = 0.10

_QUALIFIERS = {
    # phrase -> canonical qualifier
    "approximately": "around",
    "about": "around",
    "around": "around",
    "roughly": "around",
    "some": "around",
    "an estimated": "around",
    "estimated": "around",
    "close to": "around",
    "circa": "around",
    "~": "around",
    "nearly": "nearly",
    "almost": "nearly",
    "just under": "nearly",
    "just shy of": "nearly",
    "over": "over",
    "more than": "over",
    "above": "over",
    "upwards of": "over",
    "in excess of": "over",
    "exceeding": "over",
    "exceeded": "over",
    "exceeds": "over",
    "surpassed": "over",
    "topped": "over",
    "greater than": "over",
    "higher than": "over",
    "larger than": "over",
    "bigger than": "over",
    "just over": "over",
    "at least": "at least",
    "no fewer than": "at least",
    "no less than": "at least",
    "a minimum of": "at least",
    "under": "under",
    "fewer than": "under",
    "less than": "under",
    "lower than": "under",
    "smaller than": "under",
    "below": "under",
    "up to": "up to",
    "at most": "up to",
    "no more than": "up to",
    "as many as": "up to",
    "a maximum of": "up to",
}
_QUAL_ALT = "|".join(
    re.escape(q).replace(r"\ ", r"\s+") for q in sorted(_QUALIFIERS, key=len, reverse=True)
)

_MULTIPLIERS = {
    "k": 1e3,
    "thousand": 1e3,
    "m": 1e6,
    "mn": 1e6,
    "mln": 1e6,
    "million": 1e6,
    "millions": 1e6,
    "b": 1e9,
    "bn": 1e9,
    "billion": 1e9,
    "billions": 1e9,
    "tn": 1e12,
    "trillion": 1e12,
    "hundred": 1e2,
}
_CURRENCIES = {
    "$": "usd",
    "us$": "usd",
    "usd": "usd",
    "€": "eur",
    "eur": "eur",
    "£": "gbp",
    "gbp": "gbp",
    "¥": "jpy",
    "ksh": "kes",
    "kes": "kes",
}
_CURRENCY_WORDS = {
    "dollar": "usd",
    "dollars": "usd",
    "euro": "eur",
    "euros": "eur",
    "pound": "gbp",
    "pounds": "gbp",
    "shilling": "kes",
    "shillings": "kes",
    "yen": "jpy",
    "yuan": "cny",
    "rupee": "inr",
    "rupees": "inr",
    # pence, as share prices are quoted in London ("412p", "412 pence")
    "pence": "pence",
    "penny": "pence",
}
_CURRENCY_AFTER = re.compile(
    r"\s+(?:" + "|".join(sorted(_CURRENCY_WORDS, key=len, reverse=True)) + r")\b'?", re.I
)
_DURATIONS = {
    "second": "second",
    "seconds": "second",
    "sec": "second",
    "minute": "minute",
    "minutes": "minute",
    "min": "minute",
    "mins": "minute",
    "hour": "hour",
    "hours": "hour",
    "hrs": "hour",
    "day": "day",
    "days": "day",
    "week": "week",
    "weeks": "week",
    "month": "month",
    "months": "month",
    "year": "year",
    "years": "year",
    "decade": "decade",
    "decades": "decade",
}
MONTHS = {
    "january": "january",
    "jan": "january",
    "february": "february",
    "feb": "february",
    "march": "march",
    "mar": "march",
    "april": "april",
    "apr": "april",
    "may": "may",
    "june": "june",
    "jun": "june",
    "july": "july",
    "jul": "july",
    "august": "august",
    "aug": "august",
    "september": "september",
    "sep": "september",
    "sept": "september",
    "october": "october",
    "oct": "october",
    "november": "november",
    "nov": "november",
    "december": "december",
    "dec": "december",
}
WEEKDAYS = {
    "monday": "monday",
    "tuesday": "tuesday",
    "wednesday": "wednesday",
    "thursday": "thursday",
    "friday": "friday",
    "saturday": "saturday",
    "sunday": "sunday",
}
_RELATIONS = (
    "as of",
    "by",
    "since",
    "on",
    "in",
    "until",
    "till",
    "before",
    "after",
    "from",
    "during",
)

# Words that are not what a figure counts, when they follow it.
_NOT_UNITS = frozenset(
    """the a an its their his her our your my this these those be is are was were been being
    have has had will would could should may might can more less over under about around some
    such other same each every""".split()  # noqa: SIM905 - a word list reads best as text
)
_MORE_OF = frozenset(("other", "more", "additional", "further", "extra"))
_UNIT_STOP = frozenset(
    """of to in on at by for from with as than that which who when where while after before
    during and or but , . ; : ( ) – -""".split()  # noqa: SIM905
)

_NUMBER_WORDS = frozenset(
    """zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen
    fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty
    ninety hundred thousand million billion trillion dozen dozens half third thirds quarter
    quarters fifth fifths first second fourth sixth seventh eighth ninth tenth eleventh
    twelfth""".split()  # noqa: SIM905
)
_NUMBER_WORD = re.compile(
    r"\b(?:" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + r"|\w+tieth|\w+teenth)\b",
    re.IGNORECASE,
)
_FRACTIONS = {
    "half": 1 / 2,
    "one-half": 1 / 2,
    "one half": 1 / 2,
    "a half": 1 / 2,
    "a third": 1 / 3,
    "one-third": 1 / 3,
    "one third": 1 / 3,
    "two-thirds": 2 / 3,
    "two thirds": 2 / 3,
    "a quarter": 1 / 4,
    "one-quarter": 1 / 4,
    "one quarter": 1 / 4,
    "three-quarters": 3 / 4,
    "three quarters": 3 / 4,
    "a fifth": 1 / 5,
    "one-fifth": 1 / 5,
    "one fifth": 1 / 5,
    "two-fifths": 2 / 5,
    "two fifths": 2 / 5,
    "three-fifths": 3 / 5,
    "three fifths": 3 / 5,
    "four-fifths": 4 / 5,
    "four fifths": 4 / 5,
    "a tenth": 1 / 10,
    "one-tenth": 1 / 10,
    "nine-tenths": 9 / 10,
    "nine tenths": 9 / 10,
}
# Quantifiers read as a share of a whole, in percent.
_QUANTIFIERS = {
    "most": Interval(50, 100, low_open=True),
    "the majority": Interval(50, 100, low_open=True),
    "a majority": Interval(50, 100, low_open=True),
    "the vast majority": Interval(75, 100),
    "a minority": Interval(0, 50, high_open=True),
    "all": Interval(100, 100),
    "none": Interval(0, 0),
    "nearly all": Interval(85, 100, high_open=True),
    "almost all": Interval(85, 100, high_open=True),
}
_FRACTION_RE = re.compile(
    r"\b(?:(?P<qual>" + _QUAL_ALT + r")\s+)?"
    r"(?P<frac>"
    + "|".join(
        re.escape(f).replace(r"\ ", r"\s+") for f in sorted(_FRACTIONS, key=len, reverse=True)
    )
    + r")\s+(?:of\b|the\b|their\b|its\b|a\s+(?!million|billion))",
    re.IGNORECASE,
)
# "fell by a quarter", "rose by half": a change as a share
_BY_FRACTION_RE = re.compile(
    r"(?<=\bby\s)(?P<frac>"
    + "|".join(
        re.escape(f).replace(r"\ ", r"\s+") for f in sorted(_FRACTIONS, key=len, reverse=True)
    )
    + r")\b(?!\s+(?:of|a\s+(?:million|billion)))",
    re.IGNORECASE,
)
_QUANTIFIER_RE = re.compile(
    r"\b(?P<quant>the\s+vast\s+majority|the\s+majority|a\s+majority|a\s+minority|nearly\s+all|"
    r"almost\s+all|most|all|none)\s+of\b",
    re.IGNORECASE,
)
_HALF_MAGNITUDE = re.compile(
    r"\b(?:half\s+a|a\s+half)\s+(million|billion|thousand|1000000|1000000000|1000)\b", re.I
)
_A_MAGNITUDE = re.compile(
    r"\b(?:a|one)\s+(million|billion|thousand|hundred|1000000|1000000000|1000|100)\b"
    # not "one hundred and fifty", "a hundred thousand": alpha2digit reads those whole
    r"(?!\s+(?:and\s+)?(?:\d|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"\w+teen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|"
    r"billion)\b)",
    re.I,
)
# "a thousand", "a hundred": the figure itself, which alpha2digit would leave as "1 1000"
_A_MAGNITUDE_DIGITS = {"thousand": "1000", "1000": "1000", "hundred": "100", "100": "100"}
# "nearly a decade", "a year ago": one of a unit of time
_A_SPAN = re.compile(
    r"\b((?:nearly|almost|about|around|over|more than|less than|under|for|within|just)\s+)"
    r"(?:a|an|one)\s+(?=(?:decade|year|month|week|day|hour|minute)\b)"
    r"|(?<=\s)()(?:a|an|one)\s+(?=(?:decade|year|month|week|day|hour|minute)s?\s+(?:ago|later|earlier)\b)",
    re.I,
)
_A_DOZEN = re.compile(r"\b(?:a|one)\s+dozen\b", re.I)
_N_DOZEN = re.compile(r"\b(\d{1,6})\s+dozen\b", re.I)
# what alpha2digit leaves of "2.5 million" or "14.5 thousand": "2.5 1000000", "14.5 1000"
_SPELLED_MAGNITUDE = re.compile(
    r"\b(\d+(?:\.\d+)?)\s+(1000000000000|1000000000|1000000)\b|\b(\d+\.\d+)\s+(1000)\b"
)
_MAGNITUDE_NAMES = {
    "1000": "thousand",
    "1000000": "million",
    "1000000000": "billion",
    "1000000000000": "trillion",
}
# "two officers" (alpha2digit leaves one and two alone: "one of", "the two of them")
_TWO = re.compile(
    r"(?<!\bno )(?<!\bany )(?<!\bevery )(?<!\bsome )(?<!\bthe )"
    r"\b(one|two)\s+(?!of\b|or\b|and\b|to\b|another\b|other\b|was\b|is\b|who\b"
    r"|hundred\b|thousand\b|million\b|billion\b|trillion\b|dozen\b)(?=[a-z])",
    re.I,
)

_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_QUANTITY_RE = re.compile(
    r"(?<![\w.,])(?<![A-Za-z]-)(?<!\d:)"  # not "COVID-19", nor the minutes of "22:30"
    r"(?:(?P<qual>" + _QUAL_ALT + r")\s+)?"
    r"(?:(?P<between>between|from)\s+)?"
    r"(?P<cur>US\$|\$|€|£|¥|USD\s?|EUR\s?|GBP\s?|KSh\s?|KES\s?)?"
    r"(?P<num>" + _NUM + r")(?!\d*s\b)(?![.,]?\d*:\d)"  # not "the 1990s", nor "22:30"
    r"(?P<ord>st|nd|rd|th)?"
    r"(?:\s?(?P<mult>k|K|m|M|mn|mln|bn|b|tn|thousand|million|millions|billion|billions|trillion|hundred)(?![\w]))?"
    r"(?:\s?(?P<range>-|–|to|and)\s?(?P<cur2>US\$|\$|€|£)?(?P<num2>" + _NUM + r")"
    r"(?:\s?(?P<mult2>k|K|m|M|mn|bn|b|thousand|million|billion|trillion)(?![\w]))?)?"
    r"(?:\s?(?P<pct>%|percent(?:age\s+points?)?|per\s+cent|pc|pct|percentage\s+points?|points?)(?![\w]))?",
    re.IGNORECASE,
)
_YEAR_RE = re.compile(r"^(1[5-9]\d\d|2[01]\d\d)$")
_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
_DAY_MONTH = re.compile(
    rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<month>{_MONTH_NAMES})\b|"
    rf"\b(?P<month2>{_MONTH_NAMES})\.?\s+(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\b(?!,\d)",
    re.IGNORECASE,
)
_WORD_RE = re.compile(r"[A-Za-z]+\.?")
# month and weekday names, in any letter case ("may" and "march" are checked for a date nearby)
_DATE_WORD = re.compile(
    r"\b(?:" + "|".join(sorted({*MONTHS, *WEEKDAYS}, key=len, reverse=True)) + r")\b\.?", re.I
)
_YEAR = re.compile(r"(?<![\w,.$€£])(1[5-9]\d\d|2[01]\d\d)(?![\w]|[,.]\d)")
_ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")

# Cheap gates: each pattern above is tried only when the words it needs are in the text.
# A gate may let through text its pattern then finds nothing in, never the other way round
# (tests/test_quantities.py checks that); they halve the time spent reading a statement.
_DIGIT = re.compile(r"\d")
_KEPT = re.compile(r"\x00(\d+)\x00")
_GATE_LETTERS = re.compile(r"[a-z]+")
# Letters that re.IGNORECASE matches to an ASCII letter but that lower() leaves apart ("İ"
# lowers to "i" and a combining dot): read as that letter, so that "a thİrd of" is a third.
_LOOK_ALIKES = str.maketrans({"\u0130": "I", "\u0131": "i", "\u017f": "s", "\u212a": "K"})
# "hundreds of", "tens of thousands of", "millions of": a magnitude without a figure, read as
# the span of values a reader would write it for (two of the unit up to the next magnitude).
_PLURAL_MAGNITUDES = {
    "dozens": Interval(24, 100, high_open=True),
    "hundreds": Interval(200, 1e3, high_open=True),
    "thousands": Interval(2e3, 1e6, high_open=True),
    "tens of thousands": Interval(2e4, 1e5, high_open=True),
    "hundreds of thousands": Interval(2e5, 1e6, high_open=True),
    "millions": Interval(2e6, 1e9, high_open=True),
    "tens of millions": Interval(2e7, 1e8, high_open=True),
    "hundreds of millions": Interval(2e8, 1e9, high_open=True),
    "billions": Interval(2e9, 1e12, high_open=True),
    "tens of billions": Interval(2e10, 1e11, high_open=True),
    "hundreds of billions": Interval(2e11, 1e12, high_open=True),
    "trillions": Interval(2e12, 1e15, high_open=True),
}
_PLURAL_MAGNITUDE_RE = re.compile(
    r"\b(?P<mag>(?:(?:tens|hundreds)\s+of\s+)?(?:dozens|hundreds|thousands|millions|billions"
    r"|trillions))\b(?:\s+of\b)?",
    re.IGNORECASE,
)
_MAGNITUDE_PLURAL_WORDS = frozenset(k.split()[-1] for k in _PLURAL_MAGNITUDES)
_FRACTION_WORDS = frozenset(re.split(r"[ -]", f)[-1] for f in _FRACTIONS)
_QUANTIFIER_WORDS = frozenset(q.split()[-1] for q in _QUANTIFIERS)
_DATE_WORDS = frozenset({*MONTHS, *WEEKDAYS})


def _gate_words(text: str) -> frozenset[str]:
    """The runs of ASCII letters in `text`, in lower case."""
    return frozenset(_GATE_LETTERS.findall(text.lower()))


def _has_number_word(text: str) -> bool:
    low = text.lower()
    if "tieth" in low or "teenth" in low:
        return True
    return not _NUMBER_WORDS.isdisjoint(_GATE_LETTERS.findall(low))


@dataclass(frozen=True, slots=True)
class Details:
    text: str  # the text as read: spelled-out numbers in digits
    quantities: tuple[Quantity, ...]
    dates: tuple[DateRef, ...]
    spans: tuple[tuple[int, int], ...]  # where the figures and dates stand in `text`


def _sig_digits(digits: str) -> int:
    """Significant digits of a written figure ("2,500" -> 2, "578,000" -> 3, "1.25" -> 3)."""
    d = digits.replace(",", "")
    if "." in d:
        return len(d.replace(".", "").lstrip("0")) or 1
    return len(d.strip("0") or "0") if d.strip("0") else 1


def is_round(digits: str) -> bool:
    """A round figure: one significant digit, or two ending in 5 ("2,500", "1.5 million")."""
    d = digits.replace(",", "").replace(".", "").strip("0")
    return len(d) <= 1 or (len(d) == 2 and d[1] == "5")


def _to_float(digits: str) -> float:
    return float(digits.replace(",", ""))


def _rounding(digits: str, mult: float) -> float:
    """Half a unit of the last written digit, for figures given with a magnitude word."""
    if "." in digits:
        decimals = len(digits.split(".")[1])
        return 0.5 * 10.0 ** (-decimals) * mult
    return 0.5 * mult


def interval_for(value: float, qualifier: str, digits: str, mult: float) -> Interval:
    """The values a figure with this qualifier allows; the rules are in the module docstring."""
    if qualifier == "around":
        return Interval(value * (1 - APPROX), value * (1 + APPROX))
    if qualifier == "nearly":
        return Interval(value * (1 - APPROX), value, high_open=True)
    round_figure = is_round(digits)
    if qualifier in ("over", "at least"):
        high = math.inf if round_figure else value * (1 + PAST_PRECISE_BOUND)
        return Interval(value, high, low_open=qualifier == "over")
    if qualifier in ("under", "up to"):
        low = 0.0 if round_figure else value * (1 - PAST_PRECISE_BOUND)
        return Interval(low, value, high_open=qualifier == "under")
    if (mult > 1 and "." in digits) or (mult >= 1e3 and not round_figure):
        r = _rounding(digits, mult)
        return Interval(value - r, value + r, high_open=True)
    return Interval(value, value)


_GAP_PUNCTUATION = frozenset(',.;:()!?"')


def _unit_after(text: str, pos: int) -> str:
    """What a figure counts: the content words right after it ("police officers")."""
    out: list[str] = []
    for m in _WORD_RE.finditer(text, pos, min(len(text), pos + 60)):
        gap = text[pos : m.start()]
        if gap != " " and (len(gap) > 2 or not _GAP_PUNCTUATION.isdisjoint(gap)):
            break
        w = m.group(0).rstrip(".")
        lw = w.lower()
        if not out and lw in _MORE_OF:
            pos = m.end()
            continue  # "six other shells", "2,500 more officers": shells, officers
        if lw in _UNIT_STOP or lw in _NOT_UNITS or lw in MONTHS or lw in WEEKDAYS:
            break
        pos = m.end()
        if w[0].isupper() and not w.isupper():
            continue  # a name ("2,500 Kenyan police", "79th United Nations") is not a unit
        out.append(lw)
        if len(out) == 3:
            break
    return " ".join(out)


_SMALL_NUMBERS = {
    w: n
    for n, w in enumerate(
        """zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen
        fifteen sixteen seventeen eighteen nineteen twenty""".split()  # noqa: SIM905
    )
} | {"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
# "six and a half per cent", "fourteen and a half thousand", "2 and a half million"
_AND_A_HALF = re.compile(
    r"\b(\d+|" + "|".join(_SMALL_NUMBERS) + r")\s+and\s+a\s+half\b", re.IGNORECASE
)


# "a six-day walkout", "a two-year pause", "a five-member panel": a number word joined to what
# it counts
_COMPOUND_UNITS = (
    *sorted(set(_DURATIONS) - {"sec", "min", "mins", "hrs"}),
    "member",
    "man",
    "nation",
    "seat",
    "game",
    "match",
    "point",
    "storey",
    "story",
    "mile",
    "kilometre",
    "kilometer",
    "metre",
    "meter",
)
_NUMBER_COMPOUND = re.compile(
    r"\b(" + "|".join(_SMALL_NUMBERS) + r")-(?=(?:" + "|".join(_COMPOUND_UNITS) + r")\b)",
    re.IGNORECASE,
)


_AGE = re.compile(
    r"\b(?:aged|ages?\s+of)\s+(?:\d+|" + "|".join(_SMALL_NUMBERS) + r")\b"
    r"(?!\s*(?:-|to|and|or)?\s*(?:\d+\s+)?(?:years?|months?|weeks?|days?)\b)",
    re.IGNORECASE,
)


def _and_a_half(m: re.Match[str]) -> str:
    n = m.group(1).lower()
    return f"{_SMALL_NUMBERS[n] if n in _SMALL_NUMBERS else int(n)}.5"


def prepare(text: str) -> str:
    """Spelled-out numbers as digits ("twenty-five hundred" -> "2500"), magnitudes kept as words."""
    text = text.translate(_LOOK_ALIKES)
    low = text.lower()
    if "half" in low and " and " in low:
        text = _AND_A_HALF.sub(_and_a_half, text)
        low = text.lower()
    if "-" in low and _has_number_word(text):
        text = _NUMBER_COMPOUND.sub(lambda m: f"{_SMALL_NUMBERS[m.group(1).lower()]}-", text)
        low = text.lower()
    if "aged " in low or "age of " in low or "ages of " in low:
        # "under the age of five", "aged 14": an age is a number of years
        text = _AGE.sub(lambda m: f"{m.group(0)} years", text)
    if (
        "million" in low
        or "billion" in low
        or "thousand" in low
        or "100" in low
        or "hundred" in low
    ):
        text = _HALF_MAGNITUDE.sub(lambda m: "0.5 " + _magnitude_word(m.group(1)), text)
        text = _A_MAGNITUDE.sub(_a_magnitude, text)
    if "dozen" in low:
        text = _A_DOZEN.sub("12", text)
    if " a " in low or " an " in low or " one " in low:
        text = _A_SPAN.sub(lambda m: (m.group(1) or "") + "1 ", text)
    if _has_number_word(text) and _NUMBER_WORD.search(text):
        from text_to_num import alpha2digit  # imported here: only text with number words needs it

        # fractions are kept from alpha2digit, which reads "a third of" as "a 3rd of"
        kept: list[str] = []

        def keep(m: re.Match[str]) -> str:
            kept.append(m.group(0))
            return f"\x00{len(kept) - 1}\x00"

        protected = _FRACTION_RE.sub(keep, text.replace("\x00", " "))
        protected = _TWO.sub(_one_or_two, protected)
        text = _KEPT.sub(lambda m: kept[int(m.group(1))], alpha2digit(protected, "en"))
        text = _SPELLED_MAGNITUDE.sub(
            lambda m: (m.group(1) or m.group(3)) + " " + _MAGNITUDE_NAMES[m.group(2) or m.group(4)],
            text,
        )
    if "dozen" in low:
        text = _N_DOZEN.sub(lambda m: str(int(m.group(1)) * 12), text)
    return text


def _one_or_two(m: re.Match[str]) -> str:
    if m.group(1).lower() == "two":
        return "2 "  # "two more aircraft" as well as "two officers"
    if m.string.startswith("more", m.end()):
        return m.group(0)  # "one more time"
    return "1 "


def _a_magnitude(m: re.Match[str]) -> str:
    word = m.group(1).lower()
    return _A_MAGNITUDE_DIGITS.get(word) or "1 " + _magnitude_word(word)


def _magnitude_word(word: str) -> str:
    return _MAGNITUDE_NAMES.get(word, word.lower())


def extract(text: str) -> Details:
    """The figures and dates of a (normalised) sentence or statement."""
    text = prepare(text)
    quantities: list[Quantity] = []
    taken: list[tuple[int, int]] = []
    words = _gate_words(text)
    digits = _DIGIT.search(text) is not None
    fractions = not _FRACTION_WORDS.isdisjoint(words)

    for m in _FRACTION_RE.finditer(text) if fractions else ():
        frac = _FRACTIONS[re.sub(r"\s+", " ", m.group("frac").lower())]
        qual = _QUALIFIERS.get(re.sub(r"\s+", " ", (m.group("qual") or "").lower()), "")
        value = round(frac * 100, 2)
        iv = interval_for(value, qual, "1", 1) if qual else Interval(value - 0.5, value + 0.5)
        quantities.append(Quantity(m.group(0).rstrip(), value, "percent", "", qual, iv))
        taken.append(m.span())
    for m in _BY_FRACTION_RE.finditer(text) if fractions else ():
        value = round(_FRACTIONS[re.sub(r"\s+", " ", m.group("frac").lower())] * 100, 2)
        quantities.append(
            Quantity(m.group(0), value, "percent", "", "", Interval(value - 0.5, value + 0.5))
        )
        taken.append(m.span())
    for m in _QUANTIFIER_RE.finditer(text) if not _QUANTIFIER_WORDS.isdisjoint(words) else ():
        quant = re.sub(r"\s+", " ", m.group("quant").lower())
        iv = _QUANTIFIERS[quant]
        quantities.append(Quantity(m.group(0), (iv.low + iv.high) / 2, "percent", "", quant, iv))
        taken.append(m.span())

    for m in (
        _PLURAL_MAGNITUDE_RE.finditer(text) if not _MAGNITUDE_PLURAL_WORDS.isdisjoint(words) else ()
    ):
        iv = _PLURAL_MAGNITUDES[re.sub(r"\s+", " ", m.group("mag").lower())]
        kind, unit = _kind_of(_unit_after(text, m.end()))
        quantities.append(Quantity(m.group("mag"), iv.low, kind, unit, "", iv))
        taken.append(m.span())

    dates = _dates(text, digits, not _DATE_WORDS.isdisjoint(words))
    date_spans = [s for s, _ in dates]

    claimed = sorted(taken + date_spans)  # spans already read as fractions, shares or dates
    for m in _QUANTITY_RE.finditer(text) if digits else ():
        if _inside(m.start("num"), claimed):
            continue
        q = _quantity(text, m)
        if q is not None:
            quantities.append(q)
            to = _second(m, q)
            if to is not None:
                quantities.append(to)
            end = m.end()
            if q.kind == "money" and (word := _CURRENCY_AFTER.match(text, end)):
                end = word.end()  # "1.2bn dollars": the currency is the figure's, not a word
            taken.append((m.start(), end))
    spans = tuple(sorted(taken + date_spans))
    return Details(text, tuple(quantities), tuple(d for _, d in dates), spans)


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    """Whether `pos` falls in one of the sorted, non-overlapping `spans`."""
    k = bisect.bisect_right(spans, (pos, math.inf)) - 1
    return k >= 0 and spans[k][0] <= pos < spans[k][1]


_AFTER_A_NAME = re.compile(r"[A-Z][a-z][\w']*\s+$")
_AFTER_A_CAPITAL = re.compile(r"[.!?:]\s*[A-Z][\w']*\s+$")


def _quantity(text: str, m: re.Match[str]) -> Quantity | None:
    digits = m.group("num")
    value = _to_float(digits)
    mult_word = (m.group("mult") or "").lower()
    mult = _MULTIPLIERS.get(mult_word, 1.0)
    qual_text = m.group("qual")
    qual = _QUALIFIERS.get(" ".join(qual_text.lower().split()), "") if qual_text else ""
    cur = (m.group("cur") or m.group("cur2") or "").strip().lower()
    pct = (m.group("pct") or "").lower()
    unit = _unit_after(text, m.end())
    kind = "count"
    if m.group("ord"):
        kind = "ordinal"
    elif pct:
        kind = "points" if "point" in pct else "percent"
    elif cur:
        kind, unit = "money", _CURRENCIES.get(cur, cur)
    elif _PENCE.match(text, m.end()):
        kind, unit = "money", "pence"  # "412p", not "5 p.m."
    else:
        kind, unit = _kind_of(unit)
        if kind == "count" and not unit and not mult_word and _YEAR_RE.match(digits):
            return None  # a year: read as a date
    if (
        kind == "count"
        and not (unit or qual or mult_word or m.group("num2") or m.group("between"))
        and digits.isdigit()
        and len(digits) <= 3  # a short number: "Agent 47" (and no int() of a huge string)
        and _AFTER_A_NAME.search(text[max(0, m.start() - 30) : m.start()])
        and not _AFTER_A_CAPITAL.search(text[max(0, m.start() - 30) : m.start()])
        and not _sentence_initial(text, m.start())
    ):
        return None  # "Internet Explorer 6", "Agent 47": part of a name
    value *= mult
    num2 = m.group("num2")
    if (
        num2
        and m.group("range") in ("-", "–")
        and not (mult_word or pct or cur or m.group("mult2"))
        and digits.isdigit()
        and num2.isdigit()
        and len(digits) <= 2
        and len(num2) <= 2
        and int(digits) <= 30
        and int(num2) <= 30
        and not unit
    ):
        # "2-1", "1 - 0": a result. Who won is told by the names, so the figures are compared
        # higher first ("lost 1-2" is the same result as "won 2-1").
        hi, lo = max(int(digits), int(num2)), min(int(digits), int(num2))
        code = hi * 1000 + lo
        return Quantity(f"{digits}-{num2}", code, "score", "", "", Interval(code, code))
    changes = (m.group("between") or "").lower() == "from"  # "from 84 to 78": two figures
    if num2 and not changes and (m.group("range") in ("-", "–", "to") or m.group("between")):
        mult2 = _MULTIPLIERS.get(
            (m.group("mult2") or "").lower(), mult if not m.group("mult2") else 1.0
        )
        high = _to_float(num2) * mult2
        if high >= value:
            iv = Interval(value, high)
            return Quantity(m.group(0).strip(), value, kind, unit, qual or "between", iv)
    iv = interval_for(value, qual, digits, mult)
    surface = m.group(0).strip()
    if num2:  # "3 and 4": only the first figure is this quantity
        surface = text[m.start() : m.end("mult") if m.group("mult") else m.end("num")].strip()
    return Quantity(surface, value, kind, unit, qual, iv)


_PENCE = re.compile(r"p(?!\w|\.\w)")


def _second(m: re.Match[str], first: Quantity) -> Quantity | None:
    """The figure a change goes to: "78" of "from 84 to 78 planes", of the first's kind."""
    num2 = m.group("num2")
    if not num2 or (m.group("between") or "").lower() != "from" or first.kind == "score":
        return None
    mult_word = (m.group("mult2") or m.group("mult") or "").lower()
    mult = _MULTIPLIERS.get(mult_word, 1.0)
    value = _to_float(num2) * mult
    iv = interval_for(value, "", num2, mult)
    return Quantity(
        m.group(0)[m.start("num2") - m.start() :].strip(), value, first.kind, first.unit, "", iv
    )


def _kind_of(unit: str) -> tuple[str, str]:
    """What a figure without a currency sign counts, from the words after it."""
    first = unit.split(" ")[0] if unit else ""
    if first in _CURRENCY_WORDS:
        return "money", _CURRENCY_WORDS[first]
    if first in _DURATIONS:
        return "duration", _DURATIONS[first]
    return "count", unit


def _sentence_initial(text: str, start: int) -> bool:
    """Whether the capitalised word before `start` opens the sentence ("Kenya 2,500" is rare)."""
    head = text[:start].rstrip()
    k = len(head)
    while k > 0 and not head[k - 1].isspace():
        k -= 1
    return not head[:k].strip()


def date_use(relation: str) -> str:
    """What a date does: a deadline ("by"), a starting point ("since"), a count's date ("as of")
    or the time of an event ("on", "in")."""
    if relation in ("by", "until", "till", "before"):
        return "deadline"
    if relation in ("since", "from", "after"):
        return "since"
    if relation == "as of":
        return "as of"
    return "at"


def _relation_before(text: str, start: int) -> str:
    head = text[max(0, start - 12) : start].lower().rstrip()
    for rel in _RELATIONS:
        if head.endswith(" " + rel) or head == rel:
            return rel
    return ""


def _dates(
    text: str, digits: bool = True, names: bool = True
) -> list[tuple[tuple[int, int], DateRef]]:
    """The dates in `text`; `digits` and `names` say whether it may hold figures and month or
    weekday names (when it holds none, the patterns that need them are skipped)."""
    out: list[tuple[tuple[int, int], DateRef]] = []
    if not digits and not names:
        return out
    for m in _ISO_DATE.finditer(text) if digits else ():
        out.append(
            (m.span(), DateRef(m.group(0), "date", m.group(0), _relation_before(text, m.start())))
        )
    months_seen: set[int] = set()  # where a month next to a day was read
    for m in _DAY_MONTH.finditer(text) if digits and names else ():
        month = (m.group("month") or m.group("month2") or "").lower()
        day = m.group("day") or m.group("day2")
        if month in MONTHS and day and 1 <= int(day) <= 31:
            out.append((m.span(), DateRef(m.group(0), "day", str(int(day)), "")))
            # "20 March" names the month too, as "on March 20" does
            at = m.start("month") if m.group("month") else m.start("month2")
            word = text[at : at + len(month)]
            relation = _relation_before(text, at)
            out.append(((at, at + len(month)), DateRef(word, "month", MONTHS[month], relation)))
            months_seen.add(at)
    for m in _DATE_WORD.finditer(text) if names else ():
        if m.start() in months_seen:
            continue
        word = m.group(0).rstrip(".")
        lw = word.lower()
        if lw in WEEKDAYS:
            out.append(
                (
                    m.span(),
                    DateRef(word, "weekday", WEEKDAYS[lw], _relation_before(text, m.start())),
                )
            )
        elif lw in MONTHS and (lw == MONTHS[lw] or (word[0].isupper() and m.group(0)[-1] == ".")):
            if lw == "may" and not _looks_like_month_may(text, m.start(), m.end()):
                continue
            if lw == "march" and not _looks_like_month_may(text, m.start(), m.end()):
                continue
            out.append(
                (m.span(), DateRef(word, "month", MONTHS[lw], _relation_before(text, m.start())))
            )
    for m in _YEAR.finditer(text) if digits else ():
        after = _unit_after(text, m.end())
        before = text[max(0, m.start() - 12) : m.start()].lower()
        # ("Caldoria's 2025 budget": an owner's year, as "the 2025 budget" is)
        dated = re.search(
            r"\b(?:in|since|by|until|before|after|of|from|the|its|their|his|her|our|early|late"
            r"|mid)\s+$|'s\s+$",
            before,
        )
        if after and not dated and after.split(" ")[0] not in _DURATIONS:
            continue  # "Kenya sent 2024 people": a count, not a year
        out.append(
            (m.span(), DateRef(m.group(0), "year", m.group(0), _relation_before(text, m.start())))
        )
    out.sort(key=lambda x: x[0])
    return out


def _looks_like_month_may(text: str, start: int, end: int) -> bool:
    """ "May" and "March" are months only next to a day, a year or a date preposition."""
    before = text[max(0, start - 12) : start].lower()
    after = text[end : end + 6]
    return bool(
        re.search(r"\b(?:in|by|since|until|of|on|from|early|late|mid|last|next|this)\s+$", before)
        or re.match(r"\s+\d", after)
    )


_DAYS = {
    "second": 1 / 86400,
    "minute": 1 / 1440,
    "hour": 1 / 24,
    "day": 1.0,
    "week": 7.0,
    "month": 30.4,
    "year": 365.25,
    "decade": 3652.5,
}


def comparable(q: Quantity) -> Interval:
    """The interval to compare: durations in days, so "a decade" meets "ten years"."""
    if q.kind != "duration" or q.unit not in _DAYS:
        return q.interval
    f = _DAYS[q.unit]
    iv = q.interval
    return Interval(iv.low * f, iv.high * f, iv.low_open, iv.high_open)


def figure_keys(q: Quantity) -> list[str]:
    """Index keys for finding the claims whose figures may meet `q`: its kind and the orders of
    magnitude its interval spans ("#money:9" for "$1.2 billion"), three at most."""
    iv = comparable(q)
    if not (iv.high >= 0 and iv.low < math.inf):
        return []
    low = math.floor(math.log10(iv.low)) if iv.low >= 1 else 0
    high = math.floor(math.log10(iv.high)) if 1 <= iv.high < math.inf else low
    if iv.high == math.inf:
        high = low + 1
    return [f"#{q.kind}:{m}" for m in range(low, min(high, low + 2) + 1)]


def compatible(a: Quantity, b: Quantity, same_unit: bool) -> bool:
    """Whether two figures measure the same kind of thing, so that comparing them is fair."""
    if a.kind != b.kind:
        return False
    if a.kind in ("percent", "points", "ordinal", "score", "duration"):
        return True
    if a.kind == "money":
        return a.unit == b.unit
    return same_unit or not a.unit or not b.unit
