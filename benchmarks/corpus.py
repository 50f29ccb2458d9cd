"""A deterministic benchmark corpus: variants of real articles, and statements about them.

Articles are the project's own copies of real reports (`claims/ruto-unga79.txt` and
`tests/data/cases/*/article.txt`), rewritten with a seeded random generator: people and
places swapped for others from fixed lists, figures scaled (keeping their precision and
their commas), years, months and weekdays shifted. The first article of each source is the
original, unchanged, so the shipped article is always article 0. The same seed gives the
same bytes on every machine.

Statements come from templates with varied wording, names and figures, so that a 20,000-line
file holds few repeats (checkclaim judges a repeated statement once): supported shapes
(restated facts, verbatim sentences), contradicted shapes (a wrong figure, date, place or a
negation) and unknown shapes (off-topic news).

    python benchmarks/corpus.py articles 2000 OUT_FOLDER
    python benchmarks/corpus.py statements 20000 OUT_FILE
    python benchmarks/corpus.py archive-statements 1000 ARTICLES_FOLDER OUT_FILE
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = ROOT / "claims" / "ruto-unga79.txt"
CASES = ROOT / "tests" / "data" / "cases"


def _names(text: str) -> tuple[str, ...]:
    return tuple(text.split(", "))


MONTHS = _names(
    "January, February, March, April, May, June, July, August, September, October, "
    "November, December"
)
WEEKDAYS = _names("Monday, Tuesday, Wednesday, Thursday, Friday, Saturday, Sunday")

FIRST_NAMES = _names(
    "Amara, Bruno, Chiara, Dmitri, Esther, Farid, Grace, Hiroshi, Ingrid, Jonas, Kalinda, "
    "Leon, Mariam, Nikolai, Olga, Pedro, Quentin, Rosa, Samir, Tamsin, Ugo, Vera, Wendell, "
    "Ximena, Yusuf, Zora, Anton, Beatriz, Cyrus, Delia, Emil, Fatima, Gustav, Hana, Ivo, "
    "Jelena, Kofi, Lucia, Mateo, Nadia, Oskar, Priya, Rafael, Sanna, Tobias, Ulla, Viktor, "
    "Wanjiru, Yara, Zeno"
)
SURNAMES = _names(
    "Abara, Bergström, Castellano, Dimitrov, Eze, Fonseca, Gallo, Haddad, Ibsen, Jovanovic, "
    "Kamau, Lindqvist, Moreau, Nakamura, Okafor, Petrov, Quiroga, Rasmussen, Santos, "
    "Takahashi, Umarov, Valdés, Whitfield, Xu, Yilmaz, Zielinski, Achterberg, Bianchi, "
    "Coelho, Dahl, Elmi, Ferraro, Gunawardena, Halvorsen, Iqbal, Janssen, Kowalczyk, "
    "Lemaire, Mwangi, Novak, Ortega, Pereira, Rahimi, Sorensen, Tanaka, Urquhart, Vasquez, "
    "Wojcik, Yamada, Zapata"
)
# (country, adjective); none of them is named in the source articles
COUNTRIES = (
    ("Ghana", "Ghanaian"),
    ("Peru", "Peruvian"),
    ("Norway", "Norwegian"),
    ("Chile", "Chilean"),
    ("Nepal", "Nepalese"),
    ("Portugal", "Portuguese"),
    ("Malawi", "Malawian"),
    ("Uruguay", "Uruguayan"),
    ("Finland", "Finnish"),
    ("Jordan", "Jordanian"),
    ("Bolivia", "Bolivian"),
    ("Estonia", "Estonian"),
    ("Zambia", "Zambian"),
    ("Ecuador", "Ecuadorian"),
    ("Mongolia", "Mongolian"),
    ("Senegal", "Senegalese"),
    ("Croatia", "Croatian"),
    ("Paraguay", "Paraguayan"),
    ("Namibia", "Namibian"),
    ("Iceland", "Icelandic"),
    ("Latvia", "Latvian"),
    ("Botswana", "Botswanan"),
    ("Slovenia", "Slovenian"),
    ("Laos", "Laotian"),
    ("Benin", "Beninese"),
    ("Austria", "Austrian"),
    ("Fiji", "Fijian"),
    ("Rwanda", "Rwandan"),
    ("Denmark", "Danish"),
    ("Bhutan", "Bhutanese"),
)
CITIES = _names(
    "Lisbon, Valparaíso, Tromsø, Arequipa, Kumasi, Pokhara, Blantyre, Salto, Tampere, "
    "Aqaba, Sucre, Tartu, Ndola, Cuenca, Darkhan, Thiès, Split, Encarnación, Windhoek, "
    "Akureyri, Daugavpils, Maun, Maribor, Luang Prabang, Cotonou, Graz, Suva, Huye, Aarhus, "
    "Paro, Coimbra, Trondheim, Oruro, Kitwe, Tallinn, Zadar, Lusaka, Quito, Bergen, Porto"
)
COMPANIES = _names(
    "Norvane, Helixa, Quorbit, Tessaly, Lumentra, Brightwell, Calyxo, Ostrava Systems, "
    "Veltrix, Marlowe"
)

# Per source: people (full name -> names used alone), countries (name, adjective), cities,
# companies. Only what appears in the text is replaced; the rest of the text is untouched.
PEOPLE: dict[str, dict[str, tuple[str, ...]]] = {
    "ruto-unga79": {"William Ruto": ("Ruto",)},
    "composed-floods": {"Elena Dravic": ("Dravic",), "Tomas Veren": ("Veren",)},
    "wikinews-election": {
        n: ()
        for n in (
            "Eddie Chu",
            "Cheng Chung-tai",
            "Kwok Ka-ki",
            "Andrew Wan",
            "Michael Tien",
            "Ben Chan",
            "Leung Che-cheung",
            "Alice Mak",
            "Junius Ho",
            "Lee Cheuk-yan",
            "Frederick Fung",
            "Alvin Yeung",
            "Fernando Cheung",
            "Raymond Chan",
            "Leung Kwok-hung",
            "Lam Cheuk-ting",
            "Baggio Leung",
            "Elizabeth Quat",
            "Gary Chan",
            "Eunice Yung",
            "Gary Fan",
            "Regina Ip",
            "Kwok Wai-keung",
            "Horace Cheung",
            "Nathan Law",
            "Hui Chi-fung",
            "Tanya Chan",
            "Cyd Ho",
            "Ann Chiang",
            "Priscilla Leung",
            "Claudia Mo",
            "Wong Pik-wan",
            "Lau Siu-lai",
            "Yau Wai-ching",
            "Raymond Wong",
            "Wilson Or",
            "Paul Tse",
            "Wong Kwok-kin",
            "Wu Chi-wai",
            "Jeremy Tam",
            "Wong Yeung-tat",
            "Kwong Chun-yu",
            "Leung Yiu-chung",
            "James To",
            "Starry Lee",
            "Holden Chow",
            "Wong Kwok-hing",
            "Shiu Ka-chun",
            "Edward Yiu",
        )
    },
    "wikinews-korea": {"Kim Jong-un": ()},
    "wikinews-soccer": {
        "Harry Kane": ("Kane",),
        "Kim Shin-Wook": (),
        "Marcus Berg": (),
        "Park Joo-Ho": (),
        "Kim Min-Woo": (),
        "Hwang Hee-Chan": (),
        "Joel Aguilar": (),
        "Andreas Granqvist": (),
        "Romelu Lukaku": ("Lukaku",),
        "Yannick Carrasco": (),
        "Dries Mertens": (),
        "Michael Murillo": (),
        "Thibaut Courtois": (),
        "Kevin De Bruyne": (),
        "Eden Hazard": (),
        "Nacer Chadli": (),
        "Axel Witsel": (),
        "Hernan Dario Gomez": (),
        "Jesse Lingard": (),
        "Harry Maguire": (),
        "John Stones": (),
        "Mouez Hassen": (),
        "Farouk Ben Mustapha": (),
        "Kyle Walker": (),
        "Ferjani Sassi": (),
        "Nabil Maaloul": (),
    },
    "wikinews-warming": {"Colette Heald": ("Heald",), "AS Heagle": ("Heagle",)},
}
COUNTRY_NAMES: dict[str, tuple[tuple[str, str], ...]] = {
    "ruto-unga79": (
        ("Kenya", "Kenyan"),
        ("Haiti", "Haitian"),
        ("Somalia", "Somali"),
        ("Canada", "Canadian"),
    ),
    "composed-floods": (("Valdoria", "Valdorian"),),
    "wikinews-soccer": (
        ("Sweden", "Swedish"),
        ("Belgium", "Belgian"),
        ("Panama", "Panamanian"),
        ("Tunisia", "Tunisian"),
        ("England", "English"),
    ),
}
CITY_NAMES: dict[str, tuple[str, ...]] = {
    "ruto-unga79": ("New York", "Port-au-Prince"),
    "composed-floods": ("Karsk", "Port Selan", "Orlin"),
    "wikinews-election": ("Hong Kong",),
    "wikinews-korea": ("Yeoncheon",),
    "wikinews-soccer": ("Nizhny Novgorod", "Sochi", "Volgograd"),
}
COMPANY_NAMES: dict[str, tuple[str, ...]] = {"wikinews-ie9": ("Microsoft", "Mozilla")}


def sources() -> list[tuple[str, str]]:
    """(name, text) of every source article, the shipped one first."""
    out = [("ruto-unga79", SHIPPED.read_text(encoding="utf-8"))]
    for folder in sorted(p for p in CASES.iterdir() if (p / "article.txt").is_file()):
        out.append((folder.name, (folder / "article.txt").read_text(encoding="utf-8")))
    return out


# --- rewriting an article -------------------------------------------------------------------

_NUMBER = (
    r"(?<![\w.,:#/])(?P<digits>\d{1,3}(?:,\d{3})+|\d+)(?P<dec>\.\d+)?(?P<suf>st|nd|rd|th)?"
    r"(?![\w:/]|[.,]\d)"
)
_PERCENT_AFTER = re.compile(r"\s*(?:%|percent\b|per cent\b)")


def _ordinal(n: int) -> str:
    if 10 <= n % 100 <= 20:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


def _significant(digits: str) -> int:
    return max(1, len(digits.rstrip("0")))


def scaled(value: int, rng: random.Random, far: bool = False) -> int:
    """A different figure of the same precision: 2,500 -> 3,700, 578,000 -> 912,000."""
    if value == 0:
        return 0
    if value < 10:
        return rng.choice([n for n in range(1, 13) if n != value])
    if far:
        factor = rng.choice((rng.uniform(0.15, 0.6), rng.uniform(1.7, 6.0)))
    else:
        factor = rng.choice((rng.uniform(0.5, 0.85), rng.uniform(1.15, 2.0)))
    keep = _significant(str(value))
    raw = max(1, round(value * factor))
    drop = max(0, len(str(raw)) - keep)
    new = max(10**drop, round(raw, -drop) if drop else raw)
    return int(new) if new != value else value + 10**drop


def _fmt_like(new: int, digits: str) -> str:
    return f"{new:,}" if "," in digits else str(new)


@dataclass
class _Rewrite:
    rng: random.Random
    replacements: dict[str, str]
    month_shift: int
    weekday_shift: int
    year_shift: int
    pattern: re.Pattern[str] = field(init=False)

    def __post_init__(self) -> None:
        names = "|".join(re.escape(k) for k in sorted(self.replacements, key=len, reverse=True))
        months = "|".join(m for m in MONTHS if m != "May")  # "May" may be the verb
        parts = [
            rf"(?P<month>\b(?:{months})\b)(?P<day> \d{{1,2}}\b(?!,\d))?",
            rf"(?P<weekday>\b(?:{'|'.join(WEEKDAYS)})\b)",
            _NUMBER,
        ]
        if names:
            parts.insert(0, rf"(?P<name>\b(?:{names})\b)")
        self.pattern = re.compile("|".join(parts))

    def __call__(self, m: re.Match[str]) -> str:
        if "name" in self.pattern.groupindex and m.group("name"):
            return self.replacements[m.group("name")]
        if m.group("month"):
            month = MONTHS[(MONTHS.index(m.group("month")) + self.month_shift) % 12]
            day = f" {self.rng.randint(1, 28)}" if m.group("day") else ""
            return month + day
        if m.group("weekday"):
            return WEEKDAYS[(WEEKDAYS.index(m.group("weekday")) + self.weekday_shift) % 7]
        return self._number(m)

    def _number(self, m: re.Match[str]) -> str:
        digits, decimals, suffix = m.group("digits"), m.group("dec") or "", m.group("suf") or ""
        value = int(digits.replace(",", ""))
        if not decimals and not suffix and "," not in digits and 1900 <= value <= 2099:
            return str(value + self.year_shift)
        if _PERCENT_AFTER.match(m.string, m.end()):
            new = scaled(value, self.rng)
            if new > 99:  # a share stays a share
                new = self.rng.randint((value + 99) // 2, 99) if value < 99 else value
        else:
            new = scaled(value, self.rng)
        if suffix:
            return f"{new}{_ordinal(new)}"
        if decimals:
            places = len(decimals) - 1
            return f"{_fmt_like(new, digits)}.{self.rng.randrange(10**places):0{places}d}"
        return _fmt_like(new, digits)


def _replacements(source: str, rng: random.Random) -> dict[str, str]:
    out: dict[str, str] = {}
    firsts, lasts = rng.sample(FIRST_NAMES, len(FIRST_NAMES)), rng.sample(SURNAMES, len(SURNAMES))
    for n, (full, alone) in enumerate(PEOPLE.get(source, {}).items()):
        first, last = firsts[n % len(firsts)], lasts[(n * 7 + rng.randrange(3)) % len(lasts)]
        out[full] = f"{first} {last}"
        for a in alone:
            out[a] = last
    countries = rng.sample(COUNTRIES, len(COUNTRY_NAMES.get(source, ())))
    for (name, adj), (new, new_adj) in zip(COUNTRY_NAMES.get(source, ()), countries, strict=True):
        out[name] = new
        out[adj] = new_adj
        out[adj + "s"] = new_adj + "s"
    cities = rng.sample(CITIES, len(CITY_NAMES.get(source, ())))
    out.update(zip(CITY_NAMES.get(source, ()), cities, strict=True))
    companies = rng.sample(COMPANIES, len(COMPANY_NAMES.get(source, ())))
    out.update(zip(COMPANY_NAMES.get(source, ()), companies, strict=True))
    return out


def variant(source: str, text: str, seed: int) -> str:
    """The article with its people, places, figures and dates changed, the same for a seed."""
    rng = random.Random(f"{source}:{seed}")
    rewrite = _Rewrite(
        rng,
        _replacements(source, rng),
        month_shift=rng.randint(1, 11),
        weekday_shift=rng.randint(1, 6),
        year_shift=rng.choice([y for y in range(-8, 9) if y]),
    )
    return rewrite.pattern.sub(rewrite, text)


def articles(n: int, seed: int = 0) -> list[tuple[str, str]]:
    """n (file name, text) pairs; the first of each source is the original article."""
    srcs = sources()
    out = []
    for i in range(n):
        name, text = srcs[i % len(srcs)]
        round_ = i // len(srcs)
        body = text if round_ == 0 else variant(name, text, seed * 1_000_003 + round_)
        out.append((f"a{i:05d}-{name}.txt", body))
    return out


def write_articles(folder: Path, n: int, seed: int = 0) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for fname, text in articles(n, seed):
        p = folder / fname
        p.write_text(text, encoding="utf-8")
        paths.append(p)
    return paths


# --- statements about the shipped article ---------------------------------------------------

PREFIXES = (
    "Reports say ",
    "Officials said ",
    "According to reports, ",
    "It is reported that ",
    "Sources confirmed that ",
    "A statement said ",
)
SUFFIXES = (
    ", officials said",
    ", according to reports",
    ", a statement said",
    ", the report says",
    ", sources said",
    ", it emerged",
    ", analysts noted",
)
DEPLOY = ("deploy", "send", "dispatch")
WILL = ("will", "plans to", "is set to", "is on track to", "intends to")
ABOUT = ("around ", "about ", "roughly ", "some ", "")
MORE = ("more than", "over", "at least")
LESS = ("fewer than", "less than", "at most", "no more than")
OFFICERS = ("police officers", "officers", "police", "police personnel", "security officers")
RUTO = ("Ruto", "President Ruto", "President William Ruto", "William Ruto", "Kenya's president")
OTHER_WEEKDAYS = [d for d in WEEKDAYS if d != "Thursday"]
OTHER_MONTHS = [m for m in MONTHS if m not in ("January", "August")]
FACILITIES = (
    "hospital",
    "bridge",
    "library",
    "stadium",
    "school",
    "museum",
    "factory",
    "airport terminal",
)
TEAMS = ("Rovers", "United", "Athletic", "Wanderers", "Lions", "Comets")
COMMODITIES = ("coffee", "wheat", "copper", "cocoa", "rice", "cotton", "sugar")
_LOWER_FIRST = (
    "The ",
    "Armed ",
    "More ",
    "Over ",
    "Fewer ",
    "Only ",
    "Just ",
    "Heavy ",
    "At ",
    "Less ",
    "No ",
)


def attributed(core: str, rng: random.Random) -> str:
    """The statement as said, or attributed at its start or its end."""
    roll = rng.random()
    if roll < 0.5 or not core.endswith("."):
        return core
    if roll < 0.75:
        if core.startswith(_LOWER_FIRST):
            core = core[0].lower() + core[1:]
        return rng.choice(PREFIXES) + core
    return core[:-1] + rng.choice(SUFFIXES) + "."


def _person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}"


def _count(rng: random.Random, low: int, high: int, avoid: tuple[int, int] = (0, 0)) -> int:
    while True:
        n = rng.randint(low, high)
        if not avoid[0] <= n <= avoid[1]:
            return n


def _round(n: int, keep: int = 2) -> int:
    """A figure as a reporter writes it: 3,712 -> 3,700."""
    drop = max(0, len(str(n)) - keep)
    return max(1, round(n, -drop)) if drop else n


def _cap(text: str) -> str:
    return text[0].upper() + text[1:]


Template = Callable[[random.Random], str]
Weighted = tuple[tuple[Template, ...], tuple[int, ...]]


def _supported() -> Weighted:
    """Restatements of the shipped article's facts, figures within what it says."""
    c = random.Random.choice
    t: list[tuple[int, Template]] = [
        (
            3,
            lambda r: (
                f"Kenya {c(r, WILL)} {c(r, DEPLOY)} 2,500 {c(r, OFFICERS)} to Haiti"
                f"{c(r, ('', ' by January'))}."
            ),
        ),
        (
            4,
            lambda r: (
                f"Kenya {c(r, WILL)} {c(r, DEPLOY)} {c(r, MORE)} "
                f"{_round(r.randint(800, 2_400), 3):,} {c(r, OFFICERS)} to Haiti"
                f"{c(r, ('', ' by January'))}."
            ),
        ),
        (
            2,
            lambda r: (
                f"Armed groups control {c(r, ABOUT)}80 percent of "
                f"{c(r, ('Port-au-Prince', 'the Haitian capital'))}."
            ),
        ),
        (
            3,
            lambda r: (
                f"Armed groups control {c(r, MORE)} {r.randint(40, 70)} percent of "
                f"{c(r, ('Port-au-Prince', 'the Haitian capital'))}."
            ),
        ),
        (
            4,
            lambda r: (
                f"{_cap(c(r, MORE))} {_round(r.randint(100_000, 570_000), 3):,} people "
                f"{c(r, ('have been', 'are', 'were'))} "
                f"{c(r, ('internally displaced', 'displaced'))}"
                f" in Haiti{c(r, ('', ' as of August', ', according to the IOM'))}."
            ),
        ),
        (
            2,
            lambda r: (
                f"{c(r, RUTO)} {c(r, ('addressed', 'spoke at'))} the 79th session of the "
                f"{c(r, ('UN', 'United Nations'))} General Assembly{c(r, ('', ' in New York'))}"
                f"{c(r, ('', ' on Thursday'))}."
            ),
        ),
        (
            1,
            lambda r: (
                f"{c(r, RUTO)} {c(r, ('recently visited', 'visited', 'travelled to'))} Haiti."
            ),
        ),
        (
            1,
            lambda r: (
                f"The United States and Canada {c(r, ('provided', 'gave', 'offered'))} "
                f"financial and logistical {c(r, ('support', 'backing'))} for the deployment."
            ),
        ),
        (
            1,
            lambda r: (
                f"Kenya {c(r, ('supports', 'backs'))} the African Union Transition "
                f"Mission in Somalia{c(r, ('', ' (ATMIS)'))}."
            ),
        ),
        (
            1,
            lambda r: (
                f"{c(r, RUTO)} {c(r, ('called for', 'urged', 'asked for'))} more support "
                f"for the Haitian National Police."
            ),
        ),
    ]
    return tuple(x[1] for x in t), tuple(x[0] for x in t)


def _contradicted() -> Weighted:
    """The shipped article's facts with a wrong figure, date, place or a negation."""
    c = random.Random.choice
    t: list[tuple[int, Template]] = [
        (
            4,
            lambda r: (
                f"Kenya {c(r, WILL)} {c(r, DEPLOY)} "
                f"{_round(_count(r, 100, 40_000, (1_500, 4_000)), 3):,} {c(r, OFFICERS)} to Haiti"
                f"{c(r, ('', ' by January'))}."
            ),
        ),
        (
            3,
            lambda r: (
                f"Kenya {c(r, WILL)} {c(r, DEPLOY)} {c(r, LESS)} "
                f"{_round(r.randint(100, 2_000), 3):,} {c(r, OFFICERS)} to Haiti."
            ),
        ),
        (
            2,
            lambda r: (
                f"Kenya {c(r, WILL)} {c(r, DEPLOY)} 2,500 {c(r, OFFICERS)} to Haiti by "
                f"{c(r, OTHER_MONTHS)}."
            ),
        ),
        (
            3,
            lambda r: (
                f"Armed groups control {c(r, ABOUT)}{r.randint(5, 55)} percent of Port-au-Prince."
            ),
        ),
        (
            4,
            lambda r: (
                f"{c(r, ('Fewer than', 'Only', 'Just', 'Less than'))} "
                f"{_round(r.randint(5_000, 400_000), 3):,} people have been internally displaced "
                "in Haiti."
            ),
        ),
        (
            2,
            lambda r: (
                f"{c(r, RUTO)} addressed the "
                f"{(n := _count(r, 40, 99, (79, 79)))}{_ordinal(n)} session of the UN General "
                "Assembly."
            ),
        ),
        (
            1,
            lambda r: (
                f"{c(r, RUTO)} spoke at the UN General Assembly in New York on "
                f"{c(r, OTHER_WEEKDAYS)}."
            ),
        ),
        (1, lambda r: f"Armed groups control {c(r, ABOUT)}80 percent of {c(r, CITIES)}."),
        (
            1,
            lambda r: (
                f"{c(r, RUTO)} "
                f"{c(r, ('did not visit', 'has never visited', 'never visited'))} Haiti."
            ),
        ),
        (
            1,
            lambda r: (
                f"Over 578,000 people were internally displaced as of "
                f"{c(r, OTHER_MONTHS)}, according to the International Organization for Migration."
            ),
        ),
    ]
    return tuple(x[1] for x in t), tuple(x[0] for x in t)


def _unknown() -> Weighted:
    """Off-topic news: nothing the shipped article speaks to."""
    c = random.Random.choice
    t: list[Template] = [
        lambda r: (
            f"{_person(r)} opened a new {c(r, FACILITIES)} in {c(r, CITIES)} on {c(r, WEEKDAYS)}."
        ),
        lambda r: (
            f"The {c(r, CITIES)} {c(r, TEAMS)} won {r.randint(2, 30)} of their "
            f"{r.randint(31, 40)} matches this season."
        ),
        lambda r: (
            f"{c(r, COMPANIES)} reported a profit of ${r.randint(2, 900)} million in "
            f"{c(r, MONTHS)}."
        ),
        lambda r: f"Heavy rain closed {r.randint(3, 400)} schools in {c(r, CITIES)} last week.",
        lambda r: (
            f"{_person(r)} was elected mayor of {c(r, CITIES)} with "
            f"{r.randint(1_000, 250_000):,} votes."
        ),
        lambda r: (
            f"The price of {c(r, COMMODITIES)} rose by {r.randint(2, 60)} percent in "
            f"{r.randint(1990, 2023)}."
        ),
        lambda r: (
            f"{(k := r.sample(COUNTRIES, 2))[0][0]} signed a trade agreement with "
            f"{k[1][0]} {c(r, ('on', 'last'))} {c(r, WEEKDAYS)}."
        ),
        lambda r: (
            f"{_person(r)} {c(r, ('won', 'took'))} the {c(r, CITIES)} marathon in "
            f"{r.randint(2, 3)} hours and {r.randint(1, 59)} minutes."
        ),
    ]
    return tuple(t), tuple(1 for _ in t)


def _pick(kind: Weighted, rng: random.Random) -> str:
    templates, weights = kind
    return attributed(rng.choices(templates, weights)[0](rng), rng)


_SENTENCE_END = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"”]))\s+(?=[A-Z\"“])")


def split_sentences(text: str) -> list[str]:
    """Body sentences of an article (headline and dateline left out), good enough for variety."""
    out: list[str] = []
    for para in text.split("\n"):
        para = para.strip()
        if len(para) < 60 or not para.endswith((".", '"', "”", "!")):
            continue
        out.extend(s for s in _SENTENCE_END.split(para) if 40 <= len(s) <= 300)
    return out


_NUM_IN_TEXT = re.compile(
    r"(?<![\w.,:])\d{1,3}(?:,\d{3})+(?![\w]|[.,]\d)|(?<![\w.,:])\d{2,}(?![\w:]|[.,]\d)"
)


def with_wrong_figure(sentence: str, rng: random.Random) -> str | None:
    """The sentence with one of its figures (not a year) replaced by a far-off one."""
    spots = [
        m
        for m in _NUM_IN_TEXT.finditer(sentence)
        if not (len(m.group()) == 4 and 1900 <= int(m.group()) <= 2099)
    ]
    if not spots:
        return None
    m = rng.choice(spots)
    digits = m.group()
    new = scaled(int(digits.replace(",", "")), rng, far=True)
    return sentence[: m.start()] + _fmt_like(new, digits) + sentence[m.end() :]


def shipped_statements(n: int, seed: int = 0) -> list[str]:
    """n statements about the shipped article: ~35% supported, ~35% contradicted, ~30% unknown."""
    rng = random.Random(f"statements:{seed}")
    sentences = split_sentences(SHIPPED.read_text(encoding="utf-8"))
    sup, con, unk = _supported(), _contradicted(), _unknown()
    out = []
    for _ in range(n):
        roll = rng.random()
        if roll < 0.02:
            out.append(attributed(rng.choice(sentences), rng))
        elif roll < 0.35:
            out.append(_pick(sup, rng))
        elif roll < 0.40:
            out.append(with_wrong_figure(rng.choice(sentences), rng) or _pick(con, rng))
        elif roll < 0.70:
            out.append(_pick(con, rng))
        else:
            out.append(_pick(unk, rng))
    return out


def archive_statements(texts: Sequence[str], n: int, seed: int = 0) -> list[str]:
    """n statements about an archive: 40% about the shipped article, 30% verbatim sentences of
    any article, 20% such sentences with a wrong figure, 10% off-topic."""
    rng = random.Random(f"archive:{seed}")
    shipped = shipped_statements(n, seed + 1)
    unk = _unknown()
    per_article = [split_sentences(t) for t in texts]
    per_article = [s for s in per_article if s]
    out: list[str] = []
    for i in range(n):
        roll = rng.random()
        if roll < 0.4 or not per_article:
            out.append(shipped[i])
        elif roll < 0.7:
            out.append(rng.choice(rng.choice(per_article)))
        elif roll < 0.9:
            article = rng.choice(per_article)
            wrong = None
            for _ in range(5):
                wrong = with_wrong_figure(rng.choice(article), rng)
                if wrong:
                    break
            out.append(wrong or rng.choice(article))
        else:
            out.append(_pick(unk, rng))
    return out


def write_lines(path: Path, lines: Sequence[str]) -> None:
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    ap.add_argument("--seed", type=int, default=0)
    sub = ap.add_subparsers(dest="what", required=True)
    a = sub.add_parser("articles", help="write N articles to a folder")
    a.add_argument("n", type=int)
    a.add_argument("out", type=Path)
    s = sub.add_parser("statements", help="write N statements about the shipped article")
    s.add_argument("n", type=int)
    s.add_argument("out", type=Path)
    r = sub.add_parser("archive-statements", help="write N statements about a folder of articles")
    r.add_argument("n", type=int)
    r.add_argument("articles", type=Path)
    r.add_argument("out", type=Path)
    args = ap.parse_args(argv)
    if args.what == "articles":
        write_articles(args.out, args.n, args.seed)
    elif args.what == "statements":
        write_lines(args.out, shipped_statements(args.n, args.seed))
    else:
        texts = [p.read_text(encoding="utf-8") for p in sorted(args.articles.glob("*.txt"))]
        write_lines(args.out, archive_statements(texts, args.n, args.seed))
    return 0


if __name__ == "__main__":
    sys.exit(main())
