"""The curated word lists (package data) and the lemmatiser every stage reads words through.

The lists live in `checkclaim/data/` as plain text an editor can read. A user extends them
by pointing `CHECKCLAIM_LEXICON` at a folder holding files of the same names: their entries
are added to the shipped ones.

Lemmas come from simplemma when a claim set is compiled. Its dictionary takes a noticeable
time to load, which a single check cannot afford, so compiling records every inflected form
of the claim set's words (and of the lists' words) in a form -> lemma table stored with the
compiled claim set; checking reads words through that table and falls back to a light
suffix rule for words no claim uses.
"""

from __future__ import annotations

import functools
import hashlib
import mmap
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path

from checkclaim.normalize import fold, stem

DATA_FILES = (
    "synonyms.txt",
    "antonyms.txt",
    "negations.txt",
    "places.tsv",
    "abbreviations.tsv",
    "titles.txt",
    "org_words.txt",
    "place_words.txt",
    "stopwords.txt",
    "figure_verbs.txt",
    "converses.txt",
)


def _lines(text: str) -> Iterable[str]:
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].rstrip() if not raw.lstrip().startswith("#") else ""
        if line.strip():
            yield line


def _read(name: str) -> str:
    """The shipped file and the user's additions, one after the other."""
    text = resources.files("checkclaim").joinpath("data", name).read_text(encoding="utf-8")
    extra = os.environ.get("CHECKCLAIM_LEXICON")
    if extra:
        path = Path(extra) / name
        if path.is_file():
            text += "\n" + path.read_text(encoding="utf-8")
    return text


@dataclass(frozen=True)
class Lexicon:
    stopwords: frozenset[str]
    negations: frozenset[str]  # one-word cues
    negation_phrases: tuple[tuple[str, ...], ...]  # multi-word cues, as word tuples
    synonyms: dict[str, frozenset[int]]  # lemma or phrase -> its synonym groups
    antonyms: dict[str, frozenset[tuple[int, int]]]  # lemma -> (pair, side)
    places: dict[str, tuple[str, str]]  # folded name or alias -> (canonical name, kind)
    abbreviations: dict[str, str]  # folded abbreviation -> full name
    titles: frozenset[str]
    org_words: frozenset[str]
    phrases: frozenset[tuple[str, ...]] = field(default_factory=frozenset)  # multi-word synonyms
    figure_verbs: frozenset[str] = frozenset()  # "reached" in "turnout reached 58%"
    place_words: frozenset[str] = frozenset()  # "Island" in "Hong Kong Island"
    converses: dict[str, frozenset[tuple[int, int]]] = field(default_factory=dict)  # "beat"/"lose"
    digest: str = ""

    @functools.cached_property
    def negation_starters(self) -> frozenset[str]:
        """The first words of the multi-word negation cues."""
        return frozenset(p[0] for p in self.negation_phrases)

    def same_meaning(self, a: str, b: str) -> bool:
        if a == b:
            return True
        ga = self.synonyms.get(a)
        return bool(ga and ga & self.synonyms.get(b, frozenset()))

    def opposite(self, a: str, b: str) -> bool:
        sa = self.antonyms.get(a)
        if not sa:
            return False
        return any((pair, 1 - side) in sa for pair, side in self.antonyms.get(b, frozenset()))

    @functools.cached_property
    def converse_words(self) -> dict[str, frozenset[str]]:
        """word -> the words that tell its event from the other side ("beat" -> "lose")."""
        out: dict[str, set[str]] = {}
        for a in self.converses:
            for b in self.converses:
                if self.converse(a, b):
                    out.setdefault(a, set()).add(b)
        return {k: frozenset(v) for k, v in out.items()}

    def converse(self, a: str, b: str) -> bool:
        """Whether `a` tells from one party's side what `b` tells from the other's."""
        sa = self.converses.get(a)
        if not sa:
            return False
        return any((pair, 1 - side) in sa for pair, side in self.converses.get(b, frozenset()))

    def vocabulary(self) -> set[str]:
        """Every single word the lists name, for the form table."""
        words: set[str] = set()
        for key in list(self.synonyms) + list(self.antonyms) + list(self.converses):
            words.update(key.split())
        return words


def _pairs(text: str) -> dict[str, frozenset[tuple[int, int]]]:
    """word -> (pair, side) for a file of "a, b | c, d" lines."""
    out: dict[str, set[tuple[int, int]]] = {}
    for pid, line in enumerate(_lines(text)):
        if "|" not in line:
            continue
        for side, part in enumerate(line.split("|", 1)):
            for entry in part.split(","):
                key = " ".join(entry.strip().lower().split())
                if key:
                    out.setdefault(key, set()).add((pid, side))
    return {k: frozenset(v) for k, v in out.items()}


@cache
def lexicon() -> Lexicon:
    texts = {name: _read(name) for name in DATA_FILES}
    digest = hashlib.sha256("\0".join(texts[n] for n in DATA_FILES).encode()).hexdigest()[:16]

    synonyms: dict[str, set[int]] = {}
    phrases: set[tuple[str, ...]] = set()
    for gid, line in enumerate(_lines(texts["synonyms.txt"])):
        for entry in line.split(","):
            key = " ".join(entry.strip().lower().split())
            if key:
                synonyms.setdefault(key, set()).add(gid)
                if " " in key:
                    phrases.add(tuple(key.split()))

    antonyms = _pairs(texts["antonyms.txt"])
    converses = _pairs(texts["converses.txt"])

    negations: set[str] = set()
    negation_phrases: list[tuple[str, ...]] = []
    for line in _lines(texts["negations.txt"]):
        cue = line.strip().lower()
        if " " in cue:
            negation_phrases.append(tuple(cue.split()))
        else:
            negations.add(cue)

    places: dict[str, tuple[str, str]] = {}
    for line in _lines(texts["places.tsv"]):
        cols = line.split("\t")
        if len(cols) < 2:
            continue
        name, kind = cols[0].strip(), cols[1].strip()
        for alias in [name] + (cols[2].split(",") if len(cols) > 2 else []):
            alias = alias.strip()
            if alias:
                places.setdefault(fold(alias), (name, kind))

    abbreviations: dict[str, str] = {}
    for line in _lines(texts["abbreviations.tsv"]):
        cols = line.split("\t")
        if len(cols) >= 2 and cols[0].strip():
            abbreviations.setdefault(fold(cols[0].strip()), cols[1].strip())

    def words(name: str) -> frozenset[str]:
        return frozenset(line.strip().lower() for line in _lines(texts[name]))

    return Lexicon(
        stopwords=words("stopwords.txt"),
        negations=frozenset(negations),
        negation_phrases=tuple(negation_phrases),
        synonyms={k: frozenset(v) for k, v in synonyms.items()},
        antonyms=antonyms,
        converses=converses,
        places=places,
        abbreviations=abbreviations,
        titles=words("titles.txt"),
        org_words=words("org_words.txt"),
        place_words=words("place_words.txt"),
        phrases=frozenset(phrases),
        figure_verbs=words("figure_verbs.txt"),
        digest=digest,
    )


# --- the thesaurus ------------------------------------------------------------------------

_NOTHING: tuple[frozenset[str], frozenset[str], bool] = (frozenset(), frozenset(), False)


class Thesaurus:
    """WordNet's synonyms and opposites of single words (`data/wordnet.tsv`, made by
    `tools/wordnet_table.py`): one sorted line a word, `word TAB synonyms TAB opposites TAB v`,
    the last column "v" for a word used mostly as a verb.

    The table is looked up by bisection in the mapped file, so a check that needs a few words
    reads a few pages of it and never loads the whole. A word is looked up as written, then as
    its lemma, then with the "e" a crude stem lost ("recogniz" -> "recognize")."""

    def __init__(self, data: bytes | mmap.mmap) -> None:
        self._data = data
        self._size = len(data)
        self._seen: dict[str, tuple[frozenset[str], frozenset[str], bool]] = {}

    def _line(self, word: bytes) -> bytes | None:
        data = self._data
        lo, hi = 0, self._size  # lo is always the start of a line
        while lo < hi:
            mid = (lo + hi) // 2
            start = data.rfind(b"\n", lo, mid) + 1 or lo
            end = data.find(b"\n", start)
            if end < 0:
                end = self._size
            key = data[start : data.find(b"\t", start, end)]
            if key < word:
                lo = end + 1
            else:
                hi = start
        end = data.find(b"\n", lo)
        line = data[lo : end if end >= 0 else self._size]
        return line if line.startswith(word + b"\t") else None

    def _entry(self, form: str) -> tuple[frozenset[str], frozenset[str], bool]:
        got = self._seen.get(form)
        if got is None:
            if len(self._seen) > 100_000:  # made-up words must not grow memory without end
                self._seen.clear()
            line = self._line(form.encode()) if form.isascii() else None
            if line is None:
                got = _NOTHING
            else:
                cols = line.decode().split("\t")
                got = (
                    frozenset(cols[1].split()),
                    frozenset(cols[2].split()) if len(cols) > 2 else frozenset(),
                    len(cols) > 3 and cols[3] == "v",
                )
            self._seen[form] = got
        return got

    def lookup(self, *forms: str) -> tuple[frozenset[str], frozenset[str]]:
        """(synonyms, opposites) of the first of `forms` the table gives any for."""
        for form in forms:
            same, opposite, _ = self._entry(form)
            if same or opposite:
                return same, opposite
        return frozenset(), frozenset()

    def is_verb(self, *forms: str) -> bool:
        """Whether one of `forms` is used mostly as a verb."""
        return any(self._entry(form)[2] for form in forms)


# the second words of the phrasal verbs looked up ("carry out", "turn down", "put forward")
PARTICLES = frozenset(
    [
        "about",
        "across",
        "after",
        "along",
        "apart",
        "around",
        "aside",
        "away",
        "back",
        "behind",
        "by",
        "down",
        "forth",
        "forward",
        "in",
        "into",
        "off",
        "on",
        "onto",
        "out",
        "over",
        "through",
        "together",
        "under",
        "up",
        "upon",
    ]
)


@cache
def thesaurus() -> Thesaurus:
    path = resources.files("checkclaim").joinpath("data", "wordnet.tsv")
    try:
        with open(str(path), "rb") as f:
            return Thesaurus(mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ))
    except (OSError, ValueError):  # not a file on disk (a zipped install), or empty
        return Thesaurus(path.read_bytes())


# --- lemmas -------------------------------------------------------------------------------

_APOSTROPHE = re.compile(r"'s?$")


@cache
def _dictionary() -> dict[str, str]:
    from simplemma.strategies.dictionaries.dictionary_factory import (  # build time only
        _load_dictionary_from_disk,
    )

    return {k.decode(): v.decode() for k, v in _load_dictionary_from_disk("en").items()}


@cache
def _inverse() -> dict[str, list[str]]:
    inv: dict[str, list[str]] = {}
    for form, lemma in _dictionary().items():
        if form.isalpha() and form.islower():
            inv.setdefault(lemma, []).append(form)
    return inv


def lemmatize_exact(word: str) -> str:
    """simplemma's lemma of a folded word (slow to load: for compiling claim sets)."""
    import simplemma

    lemma: str = simplemma.lemmatize(word, lang="en")
    return lemma.lower()


def form_table(words: Iterable[str]) -> dict[str, str]:
    """form -> lemma for every inflection of the lemmas of `words` (and the words themselves)."""
    inv = _inverse()
    table: dict[str, str] = {}
    for w in sorted(set(words)):
        lemma = lemmatize_exact(w)
        table[w] = lemma
        for form in inv.get(lemma, ()):
            table.setdefault(form, lemma)
        for form in _degrees(lemma):
            # "younger", "heaviest": simplemma reads them by rule, not from its dictionary
            if form not in table and lemmatize_exact(form) == lemma:
                table[form] = lemma
    return table


def _degrees(lemma: str) -> tuple[str, ...]:
    """The comparative and superlative a word would have, were it an adjective."""
    if len(lemma) < 3 or not lemma.isalpha():
        return ()
    if lemma.endswith("y"):
        return (lemma[:-1] + "ier", lemma[:-1] + "iest")
    if lemma.endswith("e"):
        return (lemma + "r", lemma + "st")
    out = [lemma + "er", lemma + "est"]
    if lemma[-1] not in "aeiouwxy" and lemma[-2] in "aeiou" and lemma[-3] not in "aeiou":
        out += [lemma + lemma[-1] + "er", lemma + lemma[-1] + "est"]  # "bigger", "biggest"
    return tuple(out)


def english_words() -> frozenset[str]:
    """Every lower-case word simplemma knows; kept in the cache folder after the first use."""
    return _english_words()


@cache
def _english_words() -> frozenset[str]:
    from checkclaim.index import cache_dir

    path = cache_dir() / "shared" / "english-words.txt"
    try:
        return frozenset(path.read_text(encoding="utf-8").split())
    except OSError:
        pass
    words = sorted(w for w in _dictionary() if w.isalpha() and w.islower())
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text("\n".join(words), encoding="utf-8")
        os.replace(tmp, path)
    except OSError:
        pass
    return frozenset(words)


class Lemmatizer:
    """Lemmas through a precomputed form table, with a suffix rule for unseen words."""

    def __init__(self, table: dict[str, str]) -> None:
        self.table = table
        self._stems: dict[str, str] = {}  # words the table lacks, stemmed once

    def __call__(self, folded: str) -> str:
        got = self.table.get(folded)
        if got is not None:
            return got
        got = self._stems.get(folded)
        if got is None:
            if len(self._stems) > 100_000:  # made-up words must not grow memory without end
                self._stems.clear()
            got = self._stems[folded] = stem(folded)
        return got
