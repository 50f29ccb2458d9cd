"""Claim sets -> a lookup structure: each claim read once, and an inverted index for candidates.

Compiling reads every claim with the full lemmatiser and records what checking needs: content
lemmas, canonical names, a form -> lemma table, and word weights. The compiled form is plain
JSON, cached under the user's cache folder keyed by the claim files' contents (and this
version of checkclaim and its word lists), so an unchanged claim set is never rebuilt or
re-validated. The cache is safe to delete and cannot run code when loaded.
"""

from __future__ import annotations

import bisect
import contextlib
import hashlib
import itertools
import json
import math
import mmap
import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from checkclaim._version import __version__
from checkclaim.errors import CheckclaimError
from checkclaim.features import Names, name_word, read, sequence, tokenize
from checkclaim.lexicon import (
    PARTICLES,
    Lemmatizer,
    Lexicon,
    form_table,
    lemmatize_exact,
    lexicon,
    thesaurus,
)
from checkclaim.models import Claim, ClaimSet, DateRef, Entity, Interval, Quantity
from checkclaim.normalize import fold, normalize, stem
from checkclaim.quantities import extract, figure_keys

CACHE_FORMAT = 12
TOPIC_SHARE = 0.2
NEAR = 2  # sentences either side whose names a claim's statement may name
SCENE_SENTENCES = 8  # how far the place a sentence opens on carries
# a sentence's opening phrase of place, up to its first comma: "In the Kowloon East
# geographical constituency,"
_SCENE = re.compile(r"(?:In|At|Inside|Across|Throughout)\s[^,.;:]{1,80},")


@dataclass(frozen=True, slots=True)
class Name:
    """A name a claim mentions, resolved to its canonical key."""

    text: str
    key: str
    kind: str
    role: str


@dataclass
class Entry:
    """A claim as the matcher sees it."""

    claim: Claim
    source: str  # the claim set it came from
    lemmas: tuple[str, ...]  # content lemmas, in order
    seq: tuple[str, ...]  # every token's lemma, names as "@key": for word order
    words: tuple[str, ...]  # the same tokens, folded as written
    names: tuple[Name, ...]
    context: tuple[Name, ...]
    unit_lemmas: tuple[frozenset[str], ...]  # per quantity, what it counts
    negated: frozenset[str] = frozenset()  # lemmas and @names in the scope of a negation
    near: frozenset[str] = frozenset()  # names of the sentences next to it
    scene: frozenset[str] = frozenset()  # the places the sentences before it set the scene in
    before: frozenset[str] = frozenset()  # names of the sentences just before it (and its own)

    @cached_property
    def lemma_set(self) -> frozenset[str]:
        return frozenset(self.lemmas) | frozenset(self.words)

    @cached_property
    def bag(self) -> str:
        """The claim's content lemmas as one string, for rapidfuzz."""
        return " ".join(self.lemmas)

    @cached_property
    def name_tokens(self) -> frozenset[str]:
        """Every word of the names the claim gives ("assembly" of "National Assembly")."""
        return frozenset(x for n in self.names for x in n.key.split())

    @cached_property
    def name_words(self) -> frozenset[str]:
        """The single-word names the claim gives ("Lumen" of "Lumen-2")."""
        return frozenset(n.key for n in self.names if " " not in n.key)


@dataclass(frozen=True, slots=True)
class Facts:
    """What comparing a statement with one claim needs of the claim, worked out once."""

    synonym_of: dict[int, str]  # synonym group -> the claim's word in it
    opposite_of: dict[tuple[int, int], str]  # (antonym pair, side) -> the claim's word there
    stems: frozenset[str]
    position: dict[str, int]  # a lemma or word -> where it first stands among the content
    phrase_groups: frozenset[int]  # synonym groups of the claim's words and short phrases
    negated_by_prefix: dict[str, str]  # "controlled" -> "uncontrolled", the claim's word
    # a WordNet synonym of one of the claim's two-word phrasal verbs -> the phrase's first word
    # ("implement" -> "carry" for "carried out")
    phrasal: dict[str, str]
    # the claim's words that always stand after "to" or "will" ("deploy" of "on track to
    # deploy") -> that word: what it has still to come
    to_come: dict[str, str]


# the words before a verb that put it still to come
TO_COME = frozenset(("to", "will", "would", "could", "may", "might", "shall", "should", "can"))


def phrase_groups(lemmas: Sequence[str], lex: Lexicon) -> dict[int, set[int]]:
    """Synonym groups of the words and two- and three-word phrases, with their positions."""
    out: dict[int, set[int]] = {}
    for i in range(len(lemmas)):
        for k in (1, 2, 3):
            if i + k > len(lemmas):
                break
            key = lemmas[i] if k == 1 else " ".join(lemmas[i : i + k])
            for g in lex.synonyms.get(key, ()):
                out.setdefault(g, set()).update(range(i, i + k))
    return out


def _facts(entry: Entry, lex: Lexicon) -> Facts:
    synonym_of: dict[int, str] = {}
    for lemma in sorted(entry.lemma_set):
        for g in lex.synonyms.get(lemma, ()):
            synonym_of.setdefault(g, lemma)
    variants = {stem(x): x for x in entry.lemma_set} | {x: x for x in entry.lemma_set}
    opposite_of: dict[tuple[int, int], str] = {}
    for c in sorted(variants):
        for pair, side in lex.antonyms.get(c, ()):
            opposite_of.setdefault((pair, side), variants[c])
    position: dict[str, int] = {}
    for i, lemma in enumerate(entry.lemmas):
        position.setdefault(lemma, i)
    for i, word in enumerate(entry.words):
        position.setdefault(word, i)
    # "heat-attributed": each part of a hyphenated word is a word of the claim's too
    parts = [p for x in (*entry.words, *entry.lemmas) if "-" in x for p in x.split("-") if p]
    stems = frozenset(stem(x) for x in (*entry.words, *entry.lemmas, *parts))
    negated_by_prefix: dict[str, str] = {}
    for word in entry.words:
        for prefix in NEGATIVE_PREFIXES:
            if word.startswith(prefix) and len(word) - len(prefix) >= 4:
                negated_by_prefix.setdefault(word[len(prefix) :], word)
    wordnet = thesaurus()
    phrasal: dict[str, str] = {}
    seq = entry.seq
    for a, b in itertools.pairwise(seq):
        if b in PARTICLES and a.isalpha():
            for word in sorted(wordnet.lookup(f"{a}_{b}")[0]):
                phrasal.setdefault(word, a)
    to_come: dict[str, str] = {}
    spoiled: set[str] = set()
    for j, x in enumerate(seq):
        if j and seq[j - 1] in TO_COME:
            to_come.setdefault(x, seq[j - 1])
        else:
            spoiled.add(x)
    return Facts(
        synonym_of,
        opposite_of,
        stems,
        position,
        frozenset(phrase_groups(entry.lemmas, lex)),
        negated_by_prefix,
        phrasal,
        {x: w for x, w in to_come.items() if x not in spoiled},
    )


# Prefixes that turn a word into its negation ("uncontrolled", "non-binding"). Others ("dis",
# "in") make too many words that are no negation ("discover", "inform") to be read this way.
NEGATIVE_PREFIXES = ("non-", "non", "un")


class Index:
    """Every claim of the claim sets in use, and how to find candidates for a statement."""

    def __init__(
        self,
        entries: Sequence[Entry],
        forms: dict[str, str],
        aliases: dict[str, tuple[str, str]],
        sources: list[dict[str, str]],
        lex: Lexicon,
        lookup: dict[str, Any],
    ) -> None:
        self.entries = entries
        self._facts: dict[int, Facts] = {}
        self._df: dict[str, int] = {}
        self._weights: dict[str, float] = {}
        self.forms = forms
        self.aliases = aliases  # folded alias -> (key, kind): names the articles use
        self.sources = sources
        self.lex = lex
        self.lemma = Lemmatizer(forms)
        self.names = Names(lex, aliases)
        self.postings: dict[str, list[int]] = lookup["postings"]
        self.n = len(entries)
        self.vocabulary: list[str] = lookup["vocabulary"]

    def facts(self, entry: Entry) -> Facts:
        """The claim's comparison facts, worked out on first use and kept."""
        got = self._facts.get(id(entry))
        if got is None:
            got = self._facts[id(entry)] = _facts(entry, self.lex)
        return got

    def df(self, key: str) -> int:
        """In how many claims a key (a lemma, "@name", "~synonym group", ...) stands."""
        got = self._df.get(key)
        if got is None:
            if len(self._df) > 200_000:  # a stream of made-up words must not grow memory
                self._df.clear()
            postings = self.postings
            got = self._df[key] = (
                postings.count(key)
                if isinstance(postings, _Postings)
                else len(postings.get(key, ()))
            )
        return got

    def weight(self, key: str) -> float:
        """How informative a lemma or name is: rarer in the claims is more telling."""
        got = self._weights.get(key)
        if got is None:
            if len(self._weights) > 200_000:  # as for df: made-up words must not grow memory
                self._weights.clear()
            got = self._weights[key] = 1.0 + math.log((self.n + 1) / (self.df(key) + 1))
        return got

    def topic(self, key: str) -> bool:
        """A name the article keeps coming back to: in a fifth of its claims or more."""
        return self.df(f"@{key}") >= max(2, TOPIC_SHARE * self.n)

    def common(self, word: str) -> bool:
        return word in self.forms or word in self.lex.stopwords

    def claim_sets(self) -> list[dict[str, str]]:
        return self.sources


# --- compiling ------------------------------------------------------------------------------


def _canonical(text: str, names: Names) -> tuple[str, str]:
    f = tuple(name_word(t) for t in tokenize(normalize(text), str))
    hit = names.table.get(f)
    if hit:
        return hit
    key = " ".join(w for w in f if w not in ("the",))
    return key, ""


def compile_claims(cs: ClaimSet) -> dict[str, Any]:
    """A claim set read for matching, as JSON-ready data."""
    from checkclaim.extract import is_common

    lex = lexicon()
    aliases: dict[str, tuple[str, str]] = {}
    for abbr, full in cs.aliases.items():
        aliases[fold(abbr)] = (fold(full), "org")
    names = Names(lex, aliases)
    for c in cs.claims:
        for e in c.entities:
            key, _ = _canonical(e.text, names)
            folded = " ".join(t.folded for t in tokenize(normalize(e.text), str))
            if " " not in folded and is_common(folded) and folded not in lex.places:
                continue  # "Match" in a headline: "match" elsewhere is no name
            aliases.setdefault(folded, (key, e.kind))
    names = Names(lex, aliases)

    from checkclaim.extract import is_common as common

    claims = []
    vocab: set[str] = set(lex.vocabulary())
    for c in cs.claims:
        details = extract(normalize(c.text))
        reading = read(details.text, lex, names, lemmatize_exact, common, details.spans)
        content = [reading.tokens[i] for i in reading.content]
        vocab.update(t.folded for t in reading.tokens if t.folded.isalpha())
        ents = []
        for e in c.entities:
            key, kind = _canonical(e.text, names)
            ents.append([e.text, key, e.kind if e.kind != "name" else (kind or "name"), e.role])
        known = {n[1] for n in ents}
        for m in reading.mentions:  # names the compiled reading finds that the file does not list
            if m.key not in known and not any(m.key in k.split() or k in m.key for k in known):
                ents.append([m.text, m.key, m.kind, m.role])
                known.add(m.key)
        ctx = []
        for name in c.context:
            key, kind = _canonical(name, names)
            ctx.append([name, key, kind or "person", ""])
        if c.negated and not reading.negated:
            neg = [t.lemma for t in content]  # negated by the editor's hand: all of it
        elif c.negated:
            neg = [reading.tokens[i].lemma for i in reading.content if i in reading.negated]
            neg += [f"@{m.key}" for m in reading.mentions if m.first in reading.negated]
        else:
            neg = []
        units = []
        for q in c.quantities:
            ws = [fold(w) for w in q.unit.split()]
            vocab.update(ws)
            units.append([lemmatize_exact(w) for w in ws if w.isalpha()])
        claims.append(
            {
                "claim": _claim_data(c),
                "lemmas": [t.lemma for t in content],
                "seq": sequence(reading),
                "words": [t.folded for t in content],
                "names": ents,
                "context": ctx,
                "units": units,
                "neg": sorted(set(neg)),
            }
        )
    # names of the sentences around each claim: "In Kowloon East, ... Tam was elected" names
    # the place for the next sentence too. A sentence that opens on a place ("In the Kowloon
    # East constituency, ...") sets the scene for the sentences after it, until another sets a
    # new one; the names of one scene are not near the sentences of another.
    by_sentence: dict[int, set[str]] = {}
    scenes: dict[int, tuple[int, set[str]]] = {}  # sentence -> (where its scene opens, places)
    scene: tuple[int, set[str]] = (0, set())
    for c, data in zip(cs.claims, claims, strict=True):
        by_sentence.setdefault(c.sentence, set()).update(n[1] for n in data["names"])
        opening = _SCENE.match(c.text)
        if opening and c.sentence != scene[0]:
            places = {n[1] for n in data["names"] if n[3] == "loc" and n[0] in opening.group(0)}
            if places:
                scene = (c.sentence, places)
        scenes[c.sentence] = scene
    for c, data in zip(cs.claims, claims, strict=True):
        near: set[str] = set()
        before: set[str] = set()
        here = scenes[c.sentence]
        for k in range(c.sentence - NEAR, c.sentence + NEAR + 1):
            if k in scenes and scenes[k][0] == here[0]:
                near |= by_sentence.get(k, set())  # the clauses of its own sentence too
                if k <= c.sentence:
                    before |= by_sentence.get(k, set())
        own = {n[1] for n in data["names"]}
        data["before"] = sorted(before - own)
        scene_places = here[1] if c.sentence - here[0] <= SCENE_SENTENCES else set()
        data["near"] = sorted((near | scene_places) - own)
        data["scene"] = sorted(scene_places - own)
    return {
        "format": CACHE_FORMAT,
        "source": {"name": cs.name, "title": cs.provenance.title, "sha256": cs.provenance.sha256},
        "claims": claims,
        "aliases": {k: list(v) for k, v in sorted(aliases.items())},
        "forms": _own_forms(form_table(vocab)),
    }


def shared_forms() -> dict[str, str]:
    """Inflections of every word the lists name: the same for every claim set, so kept once in
    the cache folder (keyed by the lists and this version) rather than in each compiled set."""
    lex = lexicon()
    path = cache_dir() / "shared" / f"forms-{__version__}-{lex.digest}.json"
    try:
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
        if isinstance(data, dict):
            return data
    except (OSError, ValueError):
        pass
    table = form_table(lex.vocabulary())
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(json.dumps(table, sort_keys=True), encoding="utf-8")
        os.replace(tmp, path)
    except OSError:
        pass
    return table


def _own_forms(table: dict[str, str]) -> dict[str, str]:
    shared = shared_forms()
    return {k: v for k, v in sorted(table.items()) if shared.get(k) != v}


def _claim_data(c: Claim) -> dict[str, Any]:
    return {
        "id": c.id,
        "text": c.text,
        "evidence": c.evidence,
        "sentence": c.sentence,
        "span": list(c.span),
        "q": [
            [q.text, q.value, q.kind, q.unit, q.qualifier, _iv(q.interval)] for q in c.quantities
        ],
        "d": [[d.text, d.kind, d.value, d.relation] for d in c.dates],
        "e": [[e.text, e.kind, e.role] for e in c.entities],
        "ctx": list(c.context),
        "neg": c.negated,
    }


def _iv(iv: Interval) -> list[Any]:
    def end(x: float) -> Any:
        return "inf" if x == math.inf else ("-inf" if x == -math.inf else x)

    return [end(iv.low), end(iv.high), iv.low_open, iv.high_open]


def _univ(v: list[Any]) -> Interval:
    def end(x: Any) -> float:
        return math.inf if x == "inf" else (-math.inf if x == "-inf" else float(x))

    return Interval(end(v[0]), end(v[1]), bool(v[2]), bool(v[3]))


def _claim_from(d: dict[str, Any]) -> Claim:
    return Claim(
        id=d["id"],
        text=d["text"],
        sentence=d["sentence"],
        span=(d["span"][0], d["span"][1]),
        evidence=d["evidence"],
        quantities=tuple(Quantity(q[0], q[1], q[2], q[3], q[4], _univ(q[5])) for q in d["q"]),
        dates=tuple(DateRef(*x) for x in d["d"]),
        entities=tuple(Entity(*x) for x in d["e"]),
        context=tuple(d["ctx"]),
        negated=d["neg"],
    )


class _Entries(Sequence[Entry]):
    """Compiled claims, each turned into an `Entry` the first time the matcher looks at it:
    a search over an archive of thousands of articles looks at a few."""

    def __init__(self, packed: dict[str, Any]) -> None:
        self._texts: Sequence[str | bytes] = packed["claims"]  # each claim as JSON text
        self._labels = [s["title"] or Path(s["name"]).name for s in packed["sources"]]
        self._starts: list[int] = []
        total = 0
        for n in packed["counts"]:
            self._starts.append(total)
            total += n
        self._n = total
        self._made: dict[int, Entry] = {}

    def __len__(self) -> int:
        return self._n

    def _raw(self, i: int) -> tuple[dict[str, Any], str]:
        p = bisect.bisect_right(self._starts, i) - 1
        return json.loads(self._texts[i]), self._labels[p]

    def __getitem__(self, i: int) -> Entry:  # type: ignore[override]
        got = self._made.get(i)
        if got is None:
            if not -self._n <= i < self._n:
                raise IndexError(i)  # the end of a loop over the claims, not a damaged file
            i %= self._n
            try:
                got = self._made[i] = self._entry(i)
            except (ValueError, KeyError, TypeError, IndexError) as e:
                # A cache line is parsed only when needed, so damage shows late; the file goes,
                # and the next run compiles the claims again.
                path = getattr(self._texts, "path", None)
                if path is None:
                    raise
                with contextlib.suppress(OSError):
                    path.unlink()
                raise CheckclaimError(
                    f"{path}: a damaged cache file, now removed; run the command again"
                ) from e
        return got

    def _entry(self, i: int) -> Entry:
        c, label = self._raw(i)
        return Entry(
            claim=_claim_from(c["claim"]),
            source=label,
            lemmas=tuple(c["lemmas"]),
            seq=tuple(c["seq"]),
            words=tuple(c["words"]),
            names=tuple(Name(*n) for n in c["names"]),
            context=tuple(Name(*n) for n in c["context"]),
            unit_lemmas=tuple(frozenset(u) for u in c["units"]),
            negated=frozenset(c["neg"]),
            near=frozenset(c["near"]),
            scene=frozenset(c.get("scene", ())),
            before=frozenset(c.get("before", ())),
        )


def lookup_data(parts: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """The inverted index (lemma, synonym group or name -> claims) and the typo vocabulary."""
    lex = lexicon()
    postings: dict[str, list[int]] = {}
    vocabulary: set[str] = set()
    i = 0
    for part in parts:
        for c in part["claims"]:
            lemmas = set(c["lemmas"]) | set(c["words"])
            keys = set(lemmas)
            for lemma in lemmas:
                keys.update(f"~{g}" for g in lex.synonyms.get(lemma, ()))
            for n in c["names"] + c["context"]:
                keys.add(f"@{n[1]}")
                keys.update(f"@{w}" for w in n[1].split())
            for q in c["claim"]["q"]:  # "$1.2 billion" finds "1.2bn dollars' worth"
                keys.update(figure_keys(Quantity(q[0], q[1], q[2], q[3], q[4], _univ(q[5]))))
            for k in sorted(keys):
                postings.setdefault(k, []).append(i)
            vocabulary.update(w for w in c["words"] if len(w) >= 5)
            i += 1
    return {"postings": postings, "vocabulary": sorted(vocabulary)}


class _Postings(dict[str, list[int]]):
    """The inverted index, each key's claims kept as text until a search asks for them."""

    def __init__(self, packed: dict[str, str]) -> None:
        super().__init__()
        self._packed = packed

    def get(self, key: str, default: Any = None) -> Any:
        got = super().get(key)
        if got is None:
            text = self._packed.get(key)
            if text is None:
                return default
            got = self[key] = [int(x) for x in text.split()]
        return got

    def __contains__(self, key: object) -> bool:
        return key in self._packed

    def count(self, key: str) -> int:
        """How many claims a key has, without reading its list."""
        got = super().get(key)
        if got is not None:
            return len(got)
        text = self._packed.get(key)
        return 0 if not text else text.count(" ") + 1


def pack(parts: Sequence[dict[str, Any]], lookup: dict[str, Any] | None = None) -> dict[str, Any]:
    """Compiled claim sets in the form kept for a folder: merged word forms and names, each
    set's claims as JSON text read only when one of them is a candidate, and the inverted index
    as text. Loading a folder of thousands of articles then builds almost nothing."""
    lookup = lookup or lookup_data(parts)
    forms: dict[str, str] = {}
    aliases: dict[str, list[str]] = {}
    for part in parts:
        forms.update(part["forms"])
        for k, v in part["aliases"].items():
            aliases.setdefault(k, v)
    return {
        "sources": [dict(part["source"]) for part in parts],
        "counts": [len(part["claims"]) for part in parts],
        "claims": [
            json.dumps(c, separators=(",", ":"), sort_keys=True)
            for part in parts
            for c in part["claims"]
        ],
        "forms": forms,
        "aliases": aliases,
        "postings": {k: " ".join(map(str, v)) for k, v in lookup["postings"].items()},
        "vocabulary": lookup["vocabulary"],
    }


def from_packed(packed: dict[str, Any]) -> Index:
    """An index over claim sets kept by `pack`."""
    lex = lexicon()
    forms: dict[str, str] = dict(shared_forms())
    forms.update(packed["forms"])  # on top of the shared forms of the word lists
    aliases = {k: (v[0], v[1]) for k, v in packed["aliases"].items()}
    sources = [
        {"name": s["name"], "title": s["title"], "sha256": s["sha256"]} for s in packed["sources"]
    ]
    lookup = {"postings": _Postings(packed["postings"]), "vocabulary": packed["vocabulary"]}
    return Index(_Entries(packed), forms, aliases, sources, lex, lookup)


def from_compiled(parts: Sequence[dict[str, Any]], lookup: dict[str, Any] | None = None) -> Index:
    """An index over one or more compiled claim sets (`lookup` from `lookup_data`, if kept)."""
    return from_packed(pack(parts, lookup))


# --- the cache ------------------------------------------------------------------------------


def cache_dir() -> Path:
    """Where compiled claim sets are kept: $CHECKCLAIM_CACHE, else the user's cache folder."""
    explicit = os.environ.get("CHECKCLAIM_CACHE")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or (
        os.path.join(os.environ["LOCALAPPDATA"], "checkclaim", "Cache")
        if os.name == "nt" and "LOCALAPPDATA" in os.environ
        else os.path.join(os.path.expanduser("~"), ".cache")
    )
    return Path(base) / "checkclaim"


def _code_stamp() -> str:
    """Size and time of the package's modules: a compiled set from other code is not reused."""
    here = Path(__file__).parent
    parts = []
    for p in sorted(here.glob("*.py")):
        st = p.stat()
        parts.append(f"{p.name}:{st.st_size}:{st.st_mtime_ns}")
    return ";".join(parts)


def cache_key(contents: Iterable[bytes]) -> str:
    h = hashlib.sha256(
        f"{__version__}\0{CACHE_FORMAT}\0{lexicon().digest}\0{_code_stamp()}".encode()
    )
    for data in contents:
        h.update(hashlib.sha256(data).digest())
    return h.hexdigest()[:32]


def _prune(folder: Path) -> None:
    import time

    now = time.time()
    kept: list[tuple[float, int, Path]] = []
    for p in (*folder.glob("*.json"), *folder.glob("*.jsonl")):
        with contextlib.suppress(OSError):
            st = p.stat()
            if st.st_mtime < now - CACHE_DAYS * 86400:
                p.unlink()
            else:
                kept.append((st.st_mtime, st.st_size, p))
    # and the least recently used go first once the cache outgrows its size
    total = sum(size for _, size, _ in kept)
    for _, size, p in sorted(kept, key=lambda x: (x[0], str(x[2]))):
        if total <= CACHE_BYTES:
            break
        with contextlib.suppress(OSError):
            p.unlink()
            total -= size


def _read(key: str) -> dict[str, Any] | None:
    """What is kept under `key`, if it is there, readable and of this cache format."""
    path = cache_dir() / f"{key}.json"
    try:
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
        os.utime(path)  # used: kept by the pruning
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("format") != CACHE_FORMAT:
        return None
    return data


def cached(key: str) -> list[dict[str, Any]] | None:
    """The compiled claim sets (of one claim file) kept under `key`, or None."""
    data = _read(key)
    parts = data.get("parts") if data else None
    return parts if isinstance(parts, list) else None


CACHE_DAYS = 30  # compiled sets not used for this long are removed
CACHE_BYTES = 1 << 30  # and the least recently used beyond this size


# A folder's packed claim sets are kept as JSON lines: a first line with everything but the
# claims (and where each claim's line starts), then a line for each claim. The file is mapped,
# not read: a claim's line is read and parsed only when it is a candidate, so loading an
# archive parses a few hundred kilobytes, not the tens of megabytes of its claims.


class _Lines(Sequence[bytes]):
    """The claim lines of a mapped cache file."""

    def __init__(self, data: mmap.mmap | bytes, base: int, offsets: list[int], path: Path) -> None:
        self._data, self._base, self._offsets = data, base, offsets
        self.path = path  # the cache file, removed if a line of it turns out damaged

    def __len__(self) -> int:
        return len(self._offsets) - 1

    def __getitem__(self, i: int) -> bytes:  # type: ignore[override]
        start, end = self._offsets[i], self._offsets[i + 1]
        return self._data[self._base + start : self._base + end - 1]


def cached_packed(key: str) -> dict[str, Any] | None:
    """A folder's packed claim sets kept under `key` (see `pack`), or None."""
    path = cache_dir() / f"{key}.jsonl"
    try:
        with open(path, "rb") as f:
            header = json.loads(f.readline())
            base = f.tell()
            size = os.fstat(f.fileno()).st_size
            data: mmap.mmap | bytes = (
                mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ) if size > base else b""
            )
        os.utime(path)  # used: kept by the pruning
    except (OSError, ValueError):
        return None
    packed = header.get("packed") if isinstance(header, dict) else None
    if (
        header.get("format") != CACHE_FORMAT
        or not isinstance(packed, dict)
        or not all(
            k in packed for k in ("sources", "counts", "forms", "aliases", "postings", "offsets")
        )
    ):
        return None
    offsets = [int(x) for x in packed.pop("offsets").split()]
    if len(offsets) != sum(packed["counts"]) + 1 or base + offsets[-1] != size:
        return None  # cut short, or not what it says
    packed["claims"] = _Lines(data, base, offsets, path)
    return packed


def store_packed(key: str, packed: dict[str, Any]) -> None:
    """Best effort, as `_write`."""
    folder = cache_dir()
    tmp = folder / f".{key}.{os.getpid()}.tmp"
    lines = [c.encode("utf-8") if isinstance(c, str) else bytes(c) for c in packed["claims"]]
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line) + 1)
    header = {k: v for k, v in packed.items() if k != "claims"}
    header["offsets"] = " ".join(map(str, offsets))
    try:
        folder.mkdir(parents=True, exist_ok=True)
        _prune(folder)
        with open(tmp, "wb") as f:
            head = {"format": CACHE_FORMAT, "packed": header}
            f.write(json.dumps(head, separators=(",", ":")).encode("utf-8") + b"\n")
            for line in lines:
                f.write(line + b"\n")
        os.replace(tmp, folder / f"{key}.jsonl")
    except OSError:
        with contextlib.suppress(OSError):
            tmp.unlink()


def store(key: str, parts: list[dict[str, Any]]) -> None:
    _write(key, {"format": CACHE_FORMAT, "parts": parts})


def _write(key: str, data: dict[str, Any]) -> None:
    """Best effort: a cache that cannot be written only costs time."""
    folder = cache_dir()
    tmp = folder / f".{key}.{os.getpid()}.tmp"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        _prune(folder)
        with open(tmp, "w", encoding="utf-8") as f:
            json.dump(data, f, separators=(",", ":"))
        os.replace(tmp, folder / f"{key}.json")
    except OSError:
        with contextlib.suppress(OSError):
            tmp.unlink()
