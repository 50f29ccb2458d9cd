"""Statement -> its reading and the ranked candidate claims.

Candidates come from the inverted index (shared lemmas, synonyms and names, weighted by how
rare they are), so a large archive is never scored claim by claim; rapidfuzz then scores the
few candidates on lemmatised text without stopwords (`token_set_ratio`, which separated
paraphrases from unrelated sentences best), and corrects typos against the claims' words.
"""

from __future__ import annotations

import heapq
import re
from dataclasses import dataclass, field
from operator import itemgetter
from typing import NamedTuple

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from checkclaim.features import Reading, read, sequence
from checkclaim.index import Index, phrase_groups
from checkclaim.lexicon import PARTICLES, english_words, thesaurus
from checkclaim.models import DateRef, Quantity
from checkclaim.normalize import normalize
from checkclaim.quantities import extract, figure_keys

TOP_K = 8
CANDIDATE_FLOOR = 0.35  # share of the best candidate's overlap a candidate must reach
# a key in more claims than this is skipped once rarer keys have found candidates
COMMON_SHARE, COMMON_FLOOR = 0.02, 200


class Word(NamedTuple):
    lemma: str
    folded: str
    weight: float
    negated: bool = False  # in the scope of a negation


@dataclass(frozen=True, slots=True)
class Statement:
    text: str  # as given
    norm: str
    reading: Reading
    words: tuple[Word, ...]  # content words
    quantities: tuple[Quantity, ...]
    dates: tuple[DateRef, ...]
    seq: tuple[str, ...] = ()  # every token's lemma, names as "@key"
    phrase_groups: dict[int, set[int]] = field(default_factory=dict)  # synonym group -> words
    # the statement's two-word phrasal verbs: (the content words they span, WordNet synonyms)
    phrasal: tuple[tuple[tuple[int, ...], frozenset[str]], ...] = ()

    @property
    def bag(self) -> str:
        return " ".join(w.lemma for w in self.words)


def read_statement(text: str, index: Index) -> Statement:
    norm = normalize(text)
    details = extract(norm)
    # A capitalised first word is a name only when the claims know it ("Lukaku") or a
    # capitalised word follows it: statements are short, and letter case is unreliable in them.
    reading = read(
        details.text, index.lex, index.names, index.lemma, _ordinary, details.spans, by_case=False
    )
    words = []
    for i in reading.content:
        tok = reading.tokens[i]
        lemma, folded = tok.lemma, tok.folded
        if (
            lemma not in index.postings
            and folded not in index.postings
            and len(folded) >= 5
            and folded.isalpha()
            and folded not in english_words()  # "southern" is no typo of "northern"
        ):
            # a typo: one slip (a swap counts as one) in a word of 5-8 letters, two in a longer one
            slips = 1 if len(folded) < 9 else 2
            hit = process.extractOne(
                folded, index.vocabulary, scorer=OSA.distance, score_cutoff=slips
            )
            if hit is not None:
                folded = hit[0]
                lemma = index.lemma(folded)
        words.append(Word(lemma, folded, index.weight(lemma), i in reading.negated))
    return Statement(
        text,
        norm,
        reading,
        tuple(words),
        details.quantities,
        details.dates,
        tuple(sequence(reading)),
        phrase_groups([w.lemma for w in words], index.lex) if index.lex.phrases else {},
        _phrasal_verbs(reading),
    )


def _phrasal_verbs(reading: Reading) -> tuple[tuple[tuple[int, ...], frozenset[str]], ...]:
    """Two-word phrases of a statement WordNet knows ("carried out"), with their synonyms and
    the positions among the content words of the words they span."""
    wordnet = thesaurus()
    at = {t: k for k, t in enumerate(reading.content)}
    tokens = reading.tokens
    out = []
    for i in range(len(tokens) - 1):
        a, b = tokens[i], tokens[i + 1]
        if b.folded not in PARTICLES or not a.folded.isalpha() or (i not in at and i + 1 not in at):
            continue
        same, _ = wordnet.lookup(f"{a.lemma}_{b.lemma}", f"{a.folded}_{b.folded}")
        if same:
            out.append((tuple(at[k] for k in (i, i + 1) if k in at), same))
    return tuple(out)


def _ordinary(word: str) -> bool:
    """An English word (or one of the claims'): capitals alone do not make it a name."""
    return word in english_words() or not word.replace("-", "").isalpha()


def candidates(stmt: Statement, index: Index, k: int = TOP_K) -> list[tuple[int, float]]:
    """Indexes of the claims most likely to speak to the statement, best first, with a score."""
    scores: dict[int, float] = {}
    keys: set[str] = set()
    for w in stmt.words:
        keys.add(w.lemma)
        keys.add(w.folded)
        keys.update(f"~{g}" for g in index.lex.synonyms.get(w.lemma, ()))
        keys.update(index.lex.converse_words.get(w.lemma, ()))  # "beat": "lost to"
    for m in stmt.reading.mentions:
        keys.add(f"@{m.key}")
        keys.update(f"@{p}" for p in m.key.split())
    # rare keys first; a key shared by a large part of a big archive tells little and costs much
    common = max(COMMON_FLOOR, COMMON_SHARE * index.n)
    for key in sorted(keys, key=lambda k: (index.df(k), k)):
        posting = index.postings.get(key)
        if not posting or (len(posting) > common and scores):
            continue
        weight = index.weight(key)
        for i in posting:
            scores[i] = scores.get(i, 0.0) + weight
    # the claims whose figures may meet the statement's ("$1.2 billion" for "1.2bn dollars'
    # worth"): looked at too, however little wording they share, without raising the bar
    figures: dict[int, float] = {}
    for key in sorted({key for q in stmt.quantities for key in figure_keys(q)}):
        posting = index.postings.get(key)
        if posting and len(posting) <= common:
            weight = index.weight(key)
            for i in posting:
                figures[i] = max(figures.get(i, 0.0), weight)
    if not scores and not figures:
        return []
    # claims that share far less with the statement than the best one are not worth a look
    floor = max(scores.values(), default=0.0) * CANDIDATE_FLOOR
    pool = {i: s + figures.get(i, 0.0) for i, s in scores.items() if s >= floor}
    for i, weight in figures.items():
        pool.setdefault(i, scores.get(i, 0.0) + weight)
    # the best, ties in the order the claims come (heapq.nlargest is stable, like sorted)
    best = heapq.nlargest(k * 2, sorted(pool.items()), key=itemgetter(1))
    bag = stmt.bag
    ranked = []
    for i, s in best:
        e = index.entries[i]
        sim = fuzz.token_set_ratio(bag, e.bag)
        ranked.append((i, s, sim))
    ranked.sort(key=lambda x: (-(x[1] + x[2] / 25.0), x[0]))
    return [(i, sim) for i, _, sim in ranked[:k]]


_CLAUSE_SPLIT = re.compile(
    r";\s+|,\s+(?:and|but|while|whereas|although|though)\s+|\s+but\s+"
    # "a net loss of €24 million, compared with a profit of €65 million": a clause of its own
    r"|,\s+(?=compared\s+(?:with|to)\b)"
    # "..., with Harry Kane scoring in injury time": a clause of its own
    r"|,\s+with\s+(?=(?:[\w'-]+\s+){1,4}[a-z]+ing\b)"
    # "... in the cuts, which will mostly hit the head office": what is said of the cuts
    r"|,\s+(?=which\s+(?:will|would|has|have|had|is|are|was|were)\s)",
    re.I,
)


# The end of a sentence inside a statement: not after an initial ("U.S.", "J. Smith").
_SENTENCE_END = re.compile(r"(?<=[a-z0-9%)\]\"'”’]{2}[.!?])\s+(?=[\"“'‘(]?[A-Z0-9])")


def clauses(text: str) -> list[str]:
    """A statement's sentences and clauses ("X. Y", "X, and Y"): each is judged on its own."""
    parts: list[str] = []
    for sentence in _SENTENCE_END.split(text):
        parts.extend(p.strip(" ,.;") for p in _CLAUSE_SPLIT.split(sentence))
    parts = [p for p in parts if len(p.split()) >= 3]
    return parts if len(parts) >= 2 else [text]
