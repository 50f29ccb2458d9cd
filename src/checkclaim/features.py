"""Text -> the features the matcher compares: lemmas, names, negation.

The same reading is applied to an article's sentences (when a claim set is compiled) and to
statements (when they are checked), so that both sides are seen alike.

Names are found case-insensitively from what is known (the gazetteer, common abbreviations,
the names the article itself uses), so that letter case never changes a verdict; capitalised
words the lists do not know are names only when written with capitals mid-sentence.
"""

from __future__ import annotations

import bisect
import re
import string
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import NamedTuple

from checkclaim.lexicon import Lexicon, thesaurus
from checkclaim.normalize import fold
from checkclaim.quantities import MONTHS, WEEKDAYS

_TOKEN = re.compile(
    r"(?:[A-Za-z]\.){2,}"
    r"|[A-Za-z]+\d+[A-Za-z\d]*(?:-\d+)?(?:'s\b|')?"  # IE6, G20, COVID-19, IE6's
    r"|[A-Za-z][\w-]*\.(?:com|org|net|gov|edu|io)\b(?:'s\b|')?"  # Secunia.com
    r"|\d+(?:[.,]\d+)*(?:st|nd|rd|th|s|k|m|bn)?"
    r"|[^\W\d_]+(?:['\-][^\W\d_]+)*(?:')?",
    re.UNICODE,
)
_ROLE_BEFORE = {
    "according to": "source",
    "in": "loc",
    "at": "loc",
    "near": "loc",
    "inside": "loc",
    "outside": "loc",
    "across": "loc",
    "throughout": "loc",
    "to": "dest",
    "into": "dest",
    "toward": "dest",
    "towards": "dest",
    "from": "from",
    "by": "agent",
    "with": "with",
    "against": "against",
    # '"...," said Teodora Vasquel': the speaker after the verb
    "said": "source",
    "says": "source",
    "told": "source",
    "added": "source",
    "wrote": "source",
}
SOURCE_VERBS = frozenset(
    """say says said report reports reported estimate estimates estimated state states stated
    announce announces announced claim claims claimed tell tells told add adds added warn warns
    warned write writes wrote insist insists insisted""".split()  # noqa: SIM905
)
_SMALL_WORDS = frozenset(
    "for than the of and to in on with a an by at from is are was were as".split()  # noqa: SIM905
)
_CONNECTORS = frozenset({"of", "for", "on", "de", "du", "la", "al", "bin", "van", "von", "the"})


class Token(NamedTuple):  # a tuple: a statement makes dozens, and tuples are cheap to make
    text: str  # as written
    folded: str  # lower case, no dots or possessive
    lemma: str
    start: int
    end: int


class Mention(NamedTuple):
    """A name found in a text: where, its canonical key and kind, and its role."""

    text: str
    key: str  # canonical, folded: aliases and demonyms resolved
    kind: str  # person | place | org | name
    role: str
    first: int  # token indexes [first, last)
    last: int


@dataclass(frozen=True, slots=True)
class Reading:
    """What the matcher needs of a text."""

    tokens: tuple[Token, ...]
    content: tuple[int, ...]  # indexes of content tokens (not stopwords, numbers, dates)
    mentions: tuple[Mention, ...]
    negations: tuple[str, ...]  # the negation cues found
    source: str  # who a figure is attributed to ("according to X", "X said"), folded
    negated: frozenset[int] = frozenset()  # tokens in the scope of a negation


class Names:
    """Every known name, folded, as token tuples -> (canonical key, kind)."""

    def __init__(self, lex: Lexicon, extra: Mapping[str, tuple[str, str]] | None = None) -> None:
        self.lex = lex
        table: dict[tuple[str, ...], tuple[str, str]] = {}
        for alias, (name, _kind) in lex.places.items():
            table[tuple(alias.split())] = (fold(name), "place")
        for abbr, full in lex.abbreviations.items():
            key = fold(full)
            kind = "place" if key in lex.places else "org"
            table.setdefault(tuple(abbr.split()), (key, kind))
            table.setdefault(tuple(key.replace("-", " ").split()), (key, kind))
        for alias, (key, kind) in (extra or {}).items():
            table[tuple(alias.split())] = (key, kind)
            # the long form is one name, "and" and all ("Highlands Fire and Rescue Service")
            table.setdefault(tuple(key.replace("-", " ").split()), (key, kind))
        self.table = table
        self.longest = max((len(k) for k in table), default=1)
        self.longest_from: dict[str, int] = {}  # first word -> the longest name it starts
        for k in table:
            self.longest_from[k[0]] = max(self.longest_from.get(k[0], 0), len(k))
        # the first two words of the names of two words or more
        self.openings = frozenset(k[:2] for k in table if len(k) >= 2)


def tokenize(text: str, lemma: Callable[[str], str]) -> list[Token]:
    out = []
    # the same words recur from statement to statement: fold and lemmatise each spelling once
    # a run (for each way of lemmatising)
    known = _FOLDED_CACHE.get(lemma)
    if known is None or len(known) > _FOLDED_CACHE_SIZE:
        if len(_FOLDED_CACHE) > 8:
            _FOLDED_CACHE.clear()
        known = _FOLDED_CACHE[lemma] = {}
    for m in _TOKEN.finditer(text):
        raw = m.group(0)
        got = known.get(raw)
        if got is None:
            f = fold(raw)
            got = known[raw] = (f, lemma(f) if f.isalpha() else f)
        start, end = m.span()
        out.append(Token(raw, got[0], got[1], start, end))
    return out


_FOLDED_CACHE: dict[Callable[[str], str], dict[str, tuple[str, str]]] = {}
_FOLDED_CACHE_SIZE = 100_000


def _is_capitalised(tok: Token) -> bool:
    c = tok.text[0]
    return c.isupper()


def read(
    text: str,
    lex: Lexicon,
    names: Names,
    lemma: Callable[[str], str],
    common: Callable[[str], bool],
    skip: tuple[tuple[int, int], ...] = (),
    by_case: bool = True,
) -> Reading:
    """Read a normalised text. `common(word)` says whether a folded word is an ordinary word;
    tokens inside the `skip` spans (figures and dates, compared on their own) are no content.
    With `by_case` off (statements), capitals make a name only of words that are no ordinary
    words, so that letter case never changes how a statement is read: the names it can use
    otherwise are those the lists and the articles know, found whatever their case."""
    tokens = tokenize(text, lemma)
    # Capitals say nothing about names in a statement written in capitals or in Title Case.
    shouting = _capitals(text) > 0.6 * max(1, _letters(text))
    words_ = [t.text for t in tokens if t.text[:1].isalpha()]
    # Title Case shows in its small words: "Worse For Climate Than Diesel Cars"
    small = sum(1 for w in words_[1:] if w[0].isupper() and w.lower() in _SMALL_WORDS)
    capitals = sum(w[0].isupper() for w in words_)
    if len(words_) >= 4 and (small >= 2 or (small and capitals > 0.7 * len(words_))):
        shouting = True
    mentions = _mentions(text, tokens, lex, names, common, shouting, by_case)
    in_mention = {i for m in mentions for i in range(m.first, m.last)}

    negations: list[str] = []
    cue_ends: list[int] = []
    n = len(tokens)
    for i, tok in enumerate(tokens):
        f = tok.folded
        if f in lex.negations or f.endswith("n't"):
            nxt = tokens[i + 1].folded if i + 1 < n else ""
            if f == "not" and nxt == "only":
                continue
            if f == "no" and nxt in ("more", "fewer", "less", "later", "doubt"):
                continue
            negations.append(f)
            cue_ends.append(tok.end)
    folded = [t.folded for t in tokens]
    starters = lex.negation_starters
    cue_words: set[int] = set()
    for i in range(n):
        if folded[i] not in starters:
            continue
        for phrase in lex.negation_phrases:
            k = len(phrase)
            if phrase[0] == folded[i] and tuple(folded[i : i + k]) == phrase:
                negations.append(" ".join(phrase))
                cue_ends.append(tokens[i + k - 1].end)
                cue_words.update(range(i, i + k))  # "no one": a cue, not content

    content = []
    for i, tok in enumerate(tokens):
        f = tok.folded
        if i in in_mention or i in cue_words or not f or not f[0].isalpha():
            continue
        if f in lex.stopwords or tok.lemma in lex.stopwords or f in lex.negations:
            continue
        if f.endswith("n't") or f in MONTHS or f in WEEKDAYS:
            continue
        if skip and any(s <= tok.start < e for s, e in skip):
            continue
        content.append(i)
    negated: set[int] = set()
    starts = [t.start for t in tokens]
    for end in cue_ends:
        stop = _SCOPE_END.search(text, end)
        limit = stop.start() if stop else len(text)
        first = bisect.bisect_left(starts, end)
        negated.update(range(first, bisect.bisect_left(starts, limit)))
        if _passive_after(tokens, first):
            # "Emergency legislation has not been excluded": the subject of a passive is what
            # the negated act is done to, as the object of "has not ruled out legislation" is
            begin = max((m.end() for m in _SCOPE_END.finditer(text, 0, end)), default=0)
            negated.update(range(bisect.bisect_left(starts, begin), first))
    return Reading(
        tuple(tokens),
        tuple(content),
        tuple(mentions),
        tuple(negations),
        _source(text, tokens, mentions),
        frozenset(negated),
    )


_NO_CAPITALS = str.maketrans("", "", string.ascii_uppercase)
_NO_LETTERS = str.maketrans("", "", string.ascii_letters)


def _capitals(text: str) -> int:
    if text.isascii():
        return len(text) - len(text.translate(_NO_CAPITALS))
    return sum(map(str.isupper, text))


def _letters(text: str) -> int:
    if text.isascii():
        return len(text) - len(text.translate(_NO_LETTERS))
    return sum(map(str.isalpha, text))


_BE_PASSIVE = frozenset(("be", "been", "being"))


def _passive_after(tokens: list[Token], i: int) -> bool:
    """Whether the words after a negation cue make a passive: "(not) been excluded", "(not) be
    sent", or a past participle right after the cue of "was not sent"."""
    nxt = [t.folded for t in tokens[i : i + 2]]
    if not nxt:
        return False
    if nxt[0] in _BE_PASSIVE and len(nxt) > 1:
        return nxt[1].endswith(("ed", "en", "wn", "ght", "lt"))
    before = tokens[i - 2].folded if i >= 2 else ""
    return before in ("is", "are", "was", "were") and nxt[0].endswith(("ed", "en"))


# A negation reaches to the end of its clause.
_SCOPE_END = re.compile(
    r"[,;:.!?()\"]|\s(?:but|while|whereas|although|though|and then|because)\s", re.I
)


def _mentions(
    text: str,
    tokens: list[Token],
    lex: Lexicon,
    names: Names,
    common: Callable[[str], bool],
    shouting: bool,
    by_case: bool = True,
) -> list[Mention]:
    out: list[Mention] = []
    n = len(tokens)
    folded = [t.folded for t in tokens]
    i = 0
    while i < n:
        based = _BASED.match(folded[i]) if "-" in folded[i] else None
        if based and (based.group(1),) in names.table:
            # "Oslo-based Polaris Air": a place where something is, not part of its name
            place, kind = names.table[(based.group(1),)]
            if kind == "place":
                out.append(Mention(tokens[i].text, place, "place", "based", i, i + 1))
                i += 1
                continue
        found = None
        longest = names.longest_from.get(folded[i], 0)
        for k in range(min(longest, n - i), 0, -1):
            key = tuple(folded[i : i + k])
            hit = names.table.get(key)
            if hit is None:
                continue
            if (
                k == 1
                and len(tokens[i].text) <= 3
                and tokens[i].folded in lex.stopwords
                and (not tokens[i].text.isupper() or shouting)
            ):
                continue  # "US", "IT", "WHO": an abbreviation only when written in capitals
            found = (k, hit)
            break
        if found:
            k, (name_key, kind) = found
            if not shouting and tokens[i].text[:1].isupper():
                # "Colorado State University", "United Nations General Assembly": a known
                # name inside a longer one that names an organisation. In a statement a small
                # word in capitals ends it: "UN General Assembly IN New York" is two names.
                small = None if by_case else lex.stopwords.__contains__
                j = _cap_run(tokens, i + k, n, small)
                if j > i + k and any(t.folded in lex.org_words for t in tokens[i + k : j]):
                    k = j - i
                    name_key, kind = _key(tokens[i:j], names), "org"
                elif (
                    kind == "place"
                    and i + k < n
                    and tokens[i + k].folded in lex.place_words
                    and tokens[i + k].text[:1].isupper()
                ):
                    # "Hong Kong Island", "Mexico City": a longer place, not two names
                    k += 1
                    name_key = _key(tokens[i : i + k], names)
            span = text[tokens[i].start : tokens[i + k - 1].end]
            out.append(Mention(span, name_key, kind, "", i, i + k))
            i += k
            continue
        tok = tokens[i]
        if (
            not shouting
            and tok.text[:1].isupper()
            # a hyphenated word may be a name too ("Port-au-Prnce", misspelt), in a statement
            # and in an article, a hyphenated word in capitals throughout ("Anti-Fraud Office")
            and (
                tok.folded.isalpha()
                or (not by_case and tok.folded.replace("-", "").isalpha())
                or all(p[:1].isupper() and p.isalpha() for p in tok.text.split("-"))
            )
            and (
                tok.folded not in lex.stopwords
                # "the State Audit Institution": an ordinary word in capitals opening a name,
                # in an article's own words, not where a sentence starts
                or (
                    by_case
                    and tok.folded not in _SMALL_WORDS
                    and tok.folded not in _CONNECTORS
                    and i + 1 < n
                    and tokens[i + 1].text[:1].isupper()
                    and tokens[i + 1].folded not in lex.stopwords
                    and not _sentence_start(text, tokens, i)
                )
            )
            and tok.folded not in MONTHS
            and tok.folded not in WEEKDAYS
            and (
                (
                    not _sentence_start(text, tokens, i)
                    or not common(tok.folded)
                    or (i + 1 < n and tokens[i + 1].text[:1].isupper())
                )
                if by_case
                else not common(tok.folded) or _other_of(tokens, i, names)
            )
        ):
            # (in a statement, the capitals of a run whose first word opens a known name of
            # two words or more count: "Windows Vista" beside the article's "Windows XP")
            j = _cap_run(
                tokens, i + 1, n, None if by_case or _other_of(tokens, i, names) else common
            )
            words = tokens[i:j]
            # a title ("President", "Mr") marks a person and is not part of the name
            kind = "name"
            is_org = any(w.folded in lex.org_words for w in words)
            # "Regional Governor Alina Marek", "Finance Minister Irena Valcho": all up to the
            # last title word
            last_title = max(
                (k for k, w in enumerate(words[:-1]) if w.folded in lex.titles), default=-1
            )
            if last_title >= 0 and not is_org:
                words = words[last_title + 1 :]
                kind = "person"
            if words and words[0].folded in lex.titles and len(words) == 1:
                i = j
                continue
            if i > 0 and tokens[i - 1].folded in lex.titles:
                kind = "person"
            if any(w.folded in lex.org_words for w in words):
                kind = "org"
            if words and not (len(words) == 1 and words[0].folded.isdigit()):
                span = text[words[0].start : words[-1].end]
                out.append(
                    Mention(
                        span, _key(words, names), kind, "", i + len(tokens[i:j]) - len(words), j
                    )
                )
            i = j
            continue
        i += 1
    return _roles(text, tokens, out)


def sequence(reading: Reading) -> list[str]:
    """Every token's lemma in order, a name standing as one "@key": for word-order checks."""
    starts = {m.first: m for m in reading.mentions}
    out: list[str] = []
    i = 0
    while i < len(reading.tokens):
        m = starts.get(i)
        if m is not None:
            out.append(f"@{m.key}")
            i = m.last
            continue
        out.append(reading.tokens[i].lemma)
        i += 1
    return out


def _key(words: list[Token], names: Names) -> str:
    """A name's canonical key: folded, with abbreviations spelt out ("UN" -> "united nations")."""
    out = []
    for w in words:
        hit = names.table.get((w.folded,)) if w.text.isupper() and len(w.text) > 1 else None
        out.append(hit[0] if hit else name_word(w))
    return " ".join(out)


# "Oslo-based", "Kenyan-born", "Paris-headquartered": a place in a compound word
_BASED = re.compile(r"^([a-z]+)-(?:based|born|headquartered|registered|bred)$")

# "Secunia.com" is Secunia
_DOMAIN = re.compile(r"(.+)\.(?:com|org|net|gov|edu|io)(?:'s|')?$")


def name_word(tok: Token) -> str:
    """A word of a name as its key spells it: folded, and a web address without its domain
    ("Secunia.com" is Secunia)."""
    domain = _DOMAIN.match(tok.text) if "." in tok.text else None
    return fold(domain.group(1)) if domain else tok.folded


def _other_of(tokens: list[Token], i: int, names: Names) -> bool:
    """Whether a capitalised word opens a known name of several words and a capitalised word
    other than that name's follows: another of the same family ("Windows Vista")."""
    if names.longest_from.get(tokens[i].folded, 0) < 2 or i + 1 >= len(tokens):
        return False
    nxt = tokens[i + 1]
    return (
        tokens[i].text[:1].isupper()
        and nxt.text[:1].isupper()
        and nxt.start - tokens[i].end <= 1
        and (tokens[i].folded, nxt.folded) not in names.openings
    )


def _cap_run(
    tokens: list[Token], j: int, n: int, common: Callable[[str], bool] | None = None
) -> int:
    """Where a run of capitalised words (joined by "of", "for"...) that goes on at j ends;
    with `common`, ordinary words end it."""
    start = j
    if start > 0 and tokens[start - 1].text.endswith(("'s", "'")):
        return start  # "Civic Party's Jeremy Tam": the owner and the owned are two names
    while (
        j < n
        and (
            (
                tokens[j].text[:1].isupper()
                and tokens[j].folded not in MONTHS
                and tokens[j].folded not in WEEKDAYS
                and (common is None or not common(tokens[j].folded))
            )
            or (
                tokens[j].folded in _CONNECTORS
                and j + 1 < n
                and tokens[j + 1].text[:1].isupper()
                and tokens[j].text.islower()
            )
        )
        and tokens[j].start - tokens[j - 1].end <= 1
    ):
        j += 1
        if tokens[j - 1].text.endswith(("'s", "'")):
            break
    while j > start and tokens[j - 1].folded in _CONNECTORS:
        j -= 1
    return j


def _sentence_start(text: str, tokens: list[Token], i: int) -> bool:
    before = text[: tokens[i].start].rstrip(" \"'(“‘")
    return not before or before[-1] in ".!?:\n"


def _bare(text: str) -> str:
    return text[:-2] if text.endswith("'s") else text.rstrip("'")


def _roles(text: str, tokens: list[Token], mentions: list[Mention]) -> list[Mention]:
    """The slot each name fills, from the word before it; a list shares its first member's."""
    out: list[Mention] = []
    prev: Mention | None = None
    by_first = {o.first: o for o in mentions}
    for m in mentions:
        if m.role == "based":  # "Oslo-based": the compound says the slot, and only its own
            out.append(m)
            prev = None
            continue
        role = ""
        j = m.first - 1
        if j >= 0 and tokens[j].folded == "the":
            j -= 1
        if j >= 1 and tokens[j].folded == "to" and tokens[j - 1].folded == "according":
            role = "source"
        elif j >= 0 and tokens[j].folded in _ROLE_BEFORE:
            role = _ROLE_BEFORE[tokens[j].folded]
            if role == "source" and _acts_next(text, tokens, m.last):
                role = ""  # "prosecutors said Voric received ...": who the report is about
        elif prev is not None and j >= 0 and tokens[j].folded in ("and", "or") and prev.last >= j:
            role = prev.role  # "from China and Russia"
        elif prev is not None and prev.last == m.first and _continues_list(tokens, m.last):
            role = prev.role  # "from the United States, Canada, and ...": a comma between them
        elif _says(tokens, by_first, m):
            role = "source"
        else:
            role = _role_past_description(text, tokens, j)
        if role in ("agent", "from", "") and _reported_by(tokens, m.first):
            role = "source"  # "according to an audit by the State Audit Institution"
        out.append(Mention(_bare(m.text), m.key, m.kind, role, m.first, m.last))
        prev = out[-1]
    return out


# the prepositions whose slot a description may stand between ("built by the state-owned
# manufacturer Ardent Launch Systems"); not places: "a farmer from the village of Orlova" says
# where he is from, not where it happened
_DESCRIBED_ROLES = frozenset(("by", "against"))
_NOT_DESCRIPTION = frozenset(
    "that which who whom whose and or but said says told than as".split()  # noqa: SIM905
)


def _role_past_description(text: str, tokens: list[Token], j: int) -> str:
    """The slot of a name after a short description that follows a preposition: up to three
    words in small letters, none of them a verb, with no comma between; "" otherwise."""
    if not any(t.folded in _DESCRIBED_ROLES for t in tokens[max(0, j - 3) : j]):
        return ""
    k = j
    while k >= 0 and j - k <= 3:
        t = tokens[k]
        if t.folded in _DESCRIBED_ROLES and t.text[:1].islower():
            break
        if (
            j - k == 3
            or not t.text[:1].islower()
            or t.folded in _NOT_DESCRIPTION
            or any(c in ",;:()" for c in text[t.end : tokens[k + 1].start])
        ):
            return ""
        k -= 1
    else:
        return ""
    if k == j or any(c in ",;:()" for c in text[tokens[k].end : tokens[k + 1].start]):
        return ""
    wordnet = thesaurus()
    if any(wordnet.is_verb(t.lemma, t.folded) for t in tokens[k + 1 : j + 1]):
        return ""
    return _ROLE_BEFORE[tokens[k].folded]


_AUXILIARIES = frozenset(
    "would will could should can may might must had has have was were is are did does".split()  # noqa: SIM905
)


def _acts_next(text: str, tokens: list[Token], after: int) -> bool:
    """Whether the word right after a name (no comma between) is a verb: the name is the
    subject of a clause of its own."""
    if after >= len(tokens):
        return False
    if any(c in ",;:()" for c in text[tokens[after - 1].end : tokens[after].start]):
        return False
    t = tokens[after]
    return t.folded in _AUXILIARIES or thesaurus().is_verb(t.lemma, t.folded)


_REPORTS = frozenset(
    """a an the audit report figures figure data estimates estimate survey study analysis
    statement findings review count""".split()  # noqa: SIM905
)


def _reported_by(tokens: list[Token], first: int) -> bool:
    """Whether a name closes "according to an audit by", "according to figures from"."""
    j = first - 1
    if j >= 0 and tokens[j].folded == "the":
        j -= 1
    if j < 0 or tokens[j].folded not in ("by", "from", "of"):
        return False
    first = j + 1
    j -= 1
    while j >= 1 and tokens[j].folded in _REPORTS:
        j -= 1
    return (
        j >= 1
        and j < first - 2
        and tokens[j].folded == "to"
        and tokens[j - 1].folded == "according"
    )


def _says(tokens: list[Token], by_first: dict[int, Mention], m: Mention) -> bool:
    """A name followed by "said", "reported" (past an abbreviation in brackets: "NDMA")."""
    after = m.last
    nxt = by_first.get(after)
    if nxt is not None and tokens[after].text.isupper():
        after = nxt.last
    while after < len(tokens) and tokens[after].folded in (
        "has",
        "have",
        "had",
        "was",
        "is",
        "also",
    ):
        after += 1  # "Secunia has said", "the agency also reported"
    return after < len(tokens) and tokens[after].folded in SOURCE_VERBS


def _continues_list(tokens: list[Token], after: int) -> bool:
    """Whether the list goes on after a name: a comma, "and", "or", or the end."""
    if after >= len(tokens):
        return True
    return tokens[after].folded in ("and", "or") or tokens[after].start > tokens[after - 1].end + 1


def _source(text: str, tokens: list[Token], mentions: list[Mention]) -> str:
    """Who a figure is attributed to: "according to the IOM", "the Red Cross says"."""
    for m in mentions:
        if m.role == "source":
            return m.key
    low = [t.folded for t in tokens]
    for i in range(len(low) - 1) if "according" in low else ():
        if low[i] == "according" and low[i + 1] == "to":
            words = []
            for k in range(i + 2, min(i + 6, len(tokens))):
                # "according to the police, teachers' pay ...": the name ends at the comma
                if k > i + 2 and any(
                    c in ",;:()" for c in text[tokens[k - 1].end : tokens[k].start]
                ):
                    break
                if tokens[k].folded not in ("the", "a", "an"):
                    words.append(tokens[k].folded)
            return " ".join(words[:3])
    if _SAY_WORDS.isdisjoint(low):
        return ""
    said = _SAYS.match(text) or _SAID_AFTER.search(text)
    if said:
        words = [fold(w) for w in said.group(1).split()]
        if words[-1] in _BE:
            return ""  # "Injuries were reported": what was reported, not who reported it
        return " ".join(words)
    return ""


_BE = frozenset(("is", "are", "was", "were", "be", "been", "being", "has", "have", "had"))


# the verbs of the two patterns below: a statement without one of them names no speaker
_SAY_WORDS = frozenset(
    "says said reports reported estimates estimated announced claims claimed added told".split()  # noqa: SIM905
)
# "..., police said.": who speaks, after the report, in ordinary words
_SAID_AFTER = re.compile(
    r",\s+(?:the\s+|a\s+)?((?:[^\W\d_][\w'-]*\s+){0,2}?[^\W\d_][\w'-]*)\s+"
    r"(?:says|said|reported|estimated|added|told\s+reporters)\s*[.!]?\s*$",
    re.IGNORECASE,
)
# "The Red Cross says ...": who speaks, at the start of a statement, in any letter case
_SAYS = re.compile(
    r"\s*(?:the\s+|a\s+)?((?:[^\W\d_][\w'-]*\s+){0,3}?[^\W\d_][\w'-]*)\s+"
    r"(?:says|said|reports|reported|estimates|estimated|announced|claims|claimed)\b",
    re.IGNORECASE,
)
