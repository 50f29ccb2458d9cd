"""Article -> claims: each sentence with a checkable detail, and its structured details.

A claim keeps the article's sentence as its text, its place in the article (sentence number
and character span), its figures and dates, the names it mentions with their roles, who
"he" or "it" refers to, and whether it is negated.
"""

from __future__ import annotations

import hashlib
import itertools
import re
from functools import cache

from checkclaim.features import Names, Reading, Token, read
from checkclaim.lexicon import _dictionary, lemmatize_exact, lexicon
from checkclaim.models import Claim, ClaimSet, DateRef, Entity, Provenance, Sentence
from checkclaim.normalize import fold, normalize
from checkclaim.quantities import date_use
from checkclaim.quantities import extract as extract_details
from checkclaim.sentences import split

# "International Organization for Migration (IOM)": an abbreviation the article defines
_DEFINED_ABBR = re.compile(
    r"((?:[A-Z][\w'\-]*\s+(?:(?:of|for|and|on|in|the|de)\s+){0,2}){1,8}[A-Z][\w'\-]*)\s+\(([A-Z][A-Za-z]*[A-Z])\)"
)
_PRONOUNS = frozenset({"he", "she", "his", "her", "him"})
# "the district", "the province": a place named before, in a sentence that names none
_PLACE_NOUNS = frozenset(
    ("district", "province", "region", "city", "town", "village", "country", "capital", "county")
)


@cache
def _common_words() -> frozenset[str]:
    return frozenset(w for w in _dictionary() if w.islower() and w.isalpha())


def is_common(word: str) -> bool:
    return word in _common_words()


def slug(name: str) -> str:
    s = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    return s[:40] or "article"


def claim_id(prefix: str, text: str) -> str:
    digest = hashlib.blake2b(" ".join(text.split()).encode(), digest_size=4).hexdigest()
    return f"{prefix}-{digest}"


def defined_abbreviations(text: str) -> dict[str, str]:
    """Abbreviations the article introduces in parentheses, mapped to their full names."""
    out: dict[str, str] = {}
    for m in _DEFINED_ABBR.finditer(text):
        full, abbr = " ".join(m.group(1).split()), m.group(2)
        initials = "".join(w[0] for w in full.split() if w[0].isupper())
        # keep the tail of the phrase that the letters stand for
        words = full.split()
        for k in range(len(words)):
            tail = words[k:]
            if "".join(w[0] for w in tail if w[0].isupper()).upper().startswith(abbr[:2].upper()):
                full = " ".join(tail)
                break
        if abbr not in out and (initials.upper().find(abbr[0]) >= 0):
            out[abbr] = full
    return out


# "; " between clauses, and ", compared with" before the figures a sentence compares its own
# with ("a net loss of €42 million, compared with a net profit of €65 million in 2023")
_SEMICOLON = re.compile(r";\s+|,\s+(?=compared\s+(?:with|to)\b)")
# a clause opening on one of these speaks of the one before it
_ANAPHORS = frozenset(
    ("this", "that", "these", "those", "it", "its", "they", "their", "he", "his", "she", "her")
)


def _clauses(sentences: list[Sentence]) -> list[tuple[Sentence, str]]:
    """Sentences, with those made of clauses joined by semicolons cut into their clauses:
    "Sweden beat South Korea 1-0; Belgium beat Panama 3-0" holds two claims, and so does "a
    net loss of €42 million, compared with a profit of €65 million in 2023". A clause that
    opens on a pronoun stays with the one before it: in "IE had 70 percent of the market in
    2009; this has dropped to 56 percent", what dropped is in the first clause."""
    out: list[tuple[Sentence, str]] = []
    for s in sentences:
        cuts = [m for m in _SEMICOLON.finditer(s.text)]
        parts: list[tuple[int, int]] = []
        start = 0
        for m in cuts:
            first = s.text[m.end() :].split(maxsplit=1)[:1]
            if first and first[0].lower() in _ANAPHORS:
                continue
            parts.append((start, m.start()))
            start = m.end()
        parts.append((start, len(s.text)))
        if len(parts) < 2 or any(len(s.text[a:b].split()) < 4 for a, b in parts):
            out.append((s, s.text))
            continue
        for a, b in parts:
            out.append((Sentence(s.index, s.text[a:b], s.start + a, s.start + b), s.text))
    return out


_WEEKDAY_NUMBERS = {
    day: n
    for n, day in enumerate(
        ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
    )
}


def resolve_weekdays(dates: tuple[DateRef, ...], published: str) -> tuple[DateRef, ...]:
    """The day, month and year that "on Thursday" means in an article published on `published`:
    the last such weekday on or before it, as news reports use it."""
    if not published:
        return ()
    import datetime

    day0 = datetime.date.fromisoformat(published)
    kinds = {d.kind for d in dates if date_use(d.relation) == "at"}
    out: list[DateRef] = []
    for d in dates:
        if d.kind != "weekday" or d.value not in _WEEKDAY_NUMBERS:
            continue
        back = (day0.weekday() - _WEEKDAY_NUMBERS[d.value]) % 7
        when = day0 - datetime.timedelta(days=back)
        label = f"{d.text} ({when.isoformat()})"
        for kind, value in (
            ("day", str(when.day)),
            ("month", when.strftime("%B").lower()),
            ("year", str(when.year)),
        ):
            if kind not in kinds:
                out.append(DateRef(label, kind, value, d.relation))
        break
    return tuple(out)


_QUOTES = re.compile(r"[\"\u201c\u201d]")
_QUOTE_MARKS = ('"', "\u201c")


def _names_a_place(tokens: tuple[Token, ...]) -> bool:
    """Whether a sentence speaks of a place by a common noun: "the district", "the province"."""
    return any(
        a.folded == "the" and b.folded in _PLACE_NOUNS for a, b in itertools.pairwise(tokens)
    )


_SAYING = frozenset(("said", "says", "say", "told", "stated", "added", "asked", "explained"))


def _speaker(reading: Reading) -> str:
    """Who a sentence says is speaking: the name nearest to its verb of saying ("...," said
    Teodora Vasquel; Vasquel told reporters ...). "" when it has none."""
    verbs = [i for i, t in enumerate(reading.tokens) if t.folded in _SAYING]
    people = [m for m in reading.mentions if m.kind not in ("place", "org")]
    if not verbs or not people:
        return ""
    best = min(people, key=lambda m: min(min(abs(m.first - v), abs(m.last - 1 - v)) for v in verbs))
    return best.text


def _open_quote_speaker(text: str, reading: Reading, speaker: str) -> str:
    """Who speaks in a quotation that is still open at the end of `text`: the name before its
    opening mark ("Gomez, Panama coach, said, \"I think ...") or, when the quotation was open
    before, the speaker so far. "" once the quotation is closed."""
    marks = [m.start() for m in _QUOTES.finditer(text)]
    if not marks:
        return speaker  # the quotation, if any, goes on through this sentence
    if speaker:
        marks = marks[1:]  # the first mark closes the quotation open before
        if not marks:
            return ""
    if len(marks) % 2 == 0:
        return ""  # every quotation opened here is closed here
    opening = marks[-1]
    before = [
        m for m in reading.mentions if reading.tokens[m.first].start < opening and m.kind != "place"
    ]
    return before[-1].text if before else ""


def build_claims(
    text: str,
    name: str,
    title: str = "",
    source: str = "",
    date: str = "",
    file: str = "",
) -> ClaimSet:
    """A claim set from an article's text. `name` gives the ids their prefix."""
    lex = lexicon()
    aliases = defined_abbreviations(normalize(text))
    extra = {fold(abbr): (fold(full), "org") for abbr, full in aliases.items()}
    names = Names(lex, extra)
    prefix = slug(name)
    readings = []
    for sentence, whole in _clauses(split(text)):
        details = extract_details(normalize(sentence.text))
        reading = read(details.text, lex, names, lemmatize_exact, is_common, details.spans)
        readings.append((sentence, whole, details, reading))

    # A name that is part of a person's name elsewhere in the article is a person too ("Ruto").
    person_words = {
        w for *_, r in readings for m in r.mentions if m.kind == "person" for w in m.key.split()
    }

    def kind_of(key: str, kind: str) -> str:
        if kind == "name" and set(key.split()) <= person_words:
            return "person"
        return kind

    claims: list[Claim] = []
    seen: dict[str, int] = {}
    last_person = ""
    last_place = ""
    speaker = ""  # who is speaking in a quotation still open from an earlier sentence
    quoted_by = ""  # who spoke the paragraph's last quotation
    previous_end = 0
    for sentence, whole, details, reading in readings:
        if "\n\n" in text[previous_end : sentence.start].replace("\r", ""):
            quoted_by = ""  # a new paragraph
        previous_end = sentence.end
        entities = tuple(Entity(m.text, kind_of(m.key, m.kind), m.role) for m in reading.mentions)
        named = {e.text for e in entities}
        context: tuple[str, ...] = ()
        # "he" or "she" before any person the sentence names stands for the last one named
        first_named = min(
            (m.first for m in reading.mentions if m.kind in ("person", "name")), default=None
        )
        pronoun = any(
            t.folded in _PRONOUNS and (first_named is None or i < first_named)
            for i, t in enumerate(reading.tokens)
        )
        quotes = _QUOTES.search(details.text) is not None
        if speaker and speaker not in named:
            # the quotation goes on: "I" is the speaker ("This is the fifth time I've been
            # at a World Cup", said by the coach a sentence before)
            context = (speaker,)
        elif (
            quoted_by
            and details.text.lstrip()[:1] in _QUOTE_MARKS
            and not any(e.kind == "person" for e in entities)
        ):
            # a quotation of its own after one with its speaker, in the same paragraph: the
            # same speaker goes on ("'...,' said Vasquel. 'Six and a half percent is ...'")
            context = (quoted_by,)
        elif pronoun and last_person and last_person not in named:
            context = (last_person,)
        if quotes:
            quoted_by = _speaker(reading) or (context[0] if context else "")
        places = [e.text for e in entities if e.kind == "place" or e.role == "loc"]
        if last_place and not places and _names_a_place(reading.tokens):
            context = (*context, last_place)
        speaker = _open_quote_speaker(details.text, reading, speaker)
        persons = [e for e in entities if e.kind == "person"]
        if persons:
            last_person = persons[0].text
        if places:
            last_place = places[-1]
        if len(reading.content) < 2 and not details.quantities and not entities:
            continue  # nothing to check: "Thank you."
        cid = claim_id(prefix, normalize(sentence.text))
        seen[cid] = seen.get(cid, 0) + 1
        if seen[cid] > 1:
            cid = f"{cid}-{seen[cid]}"
        claims.append(
            Claim(
                id=cid,
                text=sentence.text,
                sentence=sentence.index + 1,
                span=(sentence.start, sentence.end),
                evidence=whole,
                quantities=details.quantities,
                dates=details.dates + resolve_weekdays(details.dates, date),
                entities=entities,
                context=context,
                negated=bool(reading.negations),
            )
        )
    provenance = Provenance(
        title=title,
        source=source,
        file=file,
        sha256=hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest(),
        date=date,
    )
    return ClaimSet(name=name, provenance=provenance, claims=tuple(claims), aliases=aliases)
