"""Candidate claim -> supported / contradicted / unknown, with the reasons.

A statement is compared detail by detail with each candidate claim:

* wording: how much of the statement's content (weighted by rarity) the claim accounts for,
  through lemmas, synonyms and typo-tolerant spelling;
* figures: same kind and same thing counted, then whether their intervals can both hold;
* dates: the same kind of date (month, weekday, year) must be the same;
* names: a name of the statement not in the claim, where the claim has another of the same
  kind in the same role ("in New York" / "in Washington"), is a swap;
* polarity: negation and opposite words (increasing / decreasing) flip a claim.

Then: a statement that restates the claim (most of its wording accounted for) but changes a
detail is contradicted; one whose every detail is in the claim is supported; anything else,
including a new figure, date or name the article never gives, is unknown.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import NamedTuple

from checkclaim.features import SOURCE_VERBS, Mention
from checkclaim.index import NEGATIVE_PREFIXES, TO_COME, Entry, Index, Name
from checkclaim.lexicon import Lexicon, Thesaurus, english_words, thesaurus
from checkclaim.match import Statement, Word
from checkclaim.models import DateRef, Quantity, Reason, format_number
from checkclaim.normalize import fold, stem
from checkclaim.parties import (
    SWAPPABLE,
    according_to,
    acts_instead,
    agent_swapped,
    as_actor,
    described_as,
    is_owner,
    key_words,
    kinds_clash,
    lead_party,
    name_matches,
    named_near,
    office_of,
    offices_differ,
    person_after,
    roles_clash,
    seq_at,
)
from checkclaim.quantities import comparable, compatible, date_use

# Share of the statement's weighted details a claim must account for...
SUPPORT_COVERAGE = 0.66  # ...to support it
RESTATE_COVERAGE = 0.55  # ...to be a restatement that a changed detail contradicts
RESTATE_ANCHORED = 0.3  # ...the same, when a figure of the very same unit and a name are restated
RESTATE_BALANCE = 1.0  # the agreeing weight must be at least this many times the disagreeing one
# A long statement that could be supported is read for swapped words: one word standing where
# the claim has another, between two words they share ("fell from a Sydney beach" against
# "fell from a Sydney clifftop"). A short one is a paraphrase more often than not.
SUBSTITUTION_MIN_WORDS = 8
SUBSTITUTION_COVERAGE = SUPPORT_COVERAGE
# a statement this share of whose words the article never uses says something new
UNHEARD_SHARE = 0.33
# a statement of this many content words or fewer is not supported with a verb the claim lacks
ACT_MAX_WORDS = 3
# how much a word of the sentence before a claim counts for, as the claim's setting
SCENE_SHARE = 0.5
# a claim that gives a date the best claim lacks must account for this much of the statement
COMPLETE_COVERAGE = 0.3


@dataclass(frozen=True, slots=True)
class Assessment:
    verdict: str
    coverage: float  # share of the statement's weighted details the claim accounts for
    aligned: float  # the same, leaving out the details that disagree
    reasons: tuple[Reason, ...]
    conflicts: int
    new_details: int
    # the coverage were the dates the claim lacks given by another sentence (see complete())
    dated: float = 0.0
    # how well the claim fits the rest of the statement, whether its dates agree or not: the
    # same event, told with the same date or another (see complete())
    event: float = 0.0


class _Tally:
    """Weighted count of a statement's details: matched, disagreeing, or not in the claim."""

    def __init__(self) -> None:
        self.matched = 0.0
        self.conflict = 0.0
        self.missing = 0.0

    def coverage(self) -> float:
        total = self.matched + self.conflict + self.missing
        return self.matched / total if total else 0.0

    def aligned(self) -> float:
        total = self.matched + self.missing
        return self.matched / total if total else 0.0


# How much a figure or a date weighs against a word, when the claim accounts for it.
FIGURE_WEIGHT = 2.5
DATE_WEIGHT = 2.0


def _compare_date(d: DateRef, dates: tuple[DateRef, ...]) -> tuple[str, str, str]:
    """agree, disagree or missing, with what the statement and the claim say."""
    same_kind = [c for c in dates if c.kind == d.kind]
    if not same_kind:
        return "missing", d.text, ""
    equal = next((c for c in same_kind if c.value == d.value), None)
    if equal is not None:  # the same date, whatever each side does with it
        return "agree", d.text, equal.text
    # "by January" is a deadline, "on Thursday" a point in time: compare like with like
    same_use = [c for c in same_kind if date_use(c.relation) == date_use(d.relation)]
    ordered = None if same_use else _year_order(d, same_kind)
    if ordered is not None:  # "before 1998" against "in 1997"
        agree, year = ordered
        return ("agree" if agree else "disagree"), f"{d.relation} {d.text}", year.text
    return "disagree", d.text, (same_use or same_kind)[0].text


def _year_order(d: DateRef, claim_years: list[DateRef]) -> tuple[bool, DateRef] | None:
    """A year with "before", "by", "after" or "since", against the year the claim gives."""
    if (
        d.kind != "year"
        or not d.value.isdigit()
        or d.relation not in ("before", "by", "until", "after", "since")
    ):
        return None
    for c in claim_years:
        if c.value.isdigit() and date_use(c.relation) == "at":
            y, x = int(d.value), int(c.value)
            ok = {"before": x < y, "by": x <= y, "until": x <= y, "after": x > y, "since": x >= y}
            return ok[d.relation], c
    return None


def _enough(reasons: list[Reason], pairs: list[tuple[bool, str]]) -> bool:
    """A support rests on two details at least: "Thank you." matching "thanked" is no claim."""
    agreeing = sum(1 for r in reasons if r.status == "agree" and r.kind != "entity")
    return len(pairs) + agreeing >= 2


_POSSESSIVES = frozenset(("his", "her", "their", "its", "our", "my", "your"))


def _told_by(text: str, fair: list[Quantity], same: list[tuple[Mention, Name]]) -> Quantity | None:
    """Of a claim's figures, the one its clause gives to the statement's named source, when the
    claim gives figures to more than one party; None otherwise."""
    if len(fair) < 2:
        return None
    source = next((n for m, n in same if m.role == "source"), None)
    if source is None:
        return None
    at = text.find(source.text)
    if at < 0:
        return None
    # the clause of the source: from the punctuation before its name to the one after it
    start = max(text.rfind(x, 0, at) for x in ",;") + 1
    ends = [e for x in ",;." if (e := text.find(x, at)) >= 0]
    end = min(ends) if ends else len(text)
    inside = [c for c in fair if start <= text.find(c.text) < end]
    return inside[0] if len(inside) == 1 and len(inside) < len(fair) else None


def _crossed(
    counted: list[tuple[Quantity, Quantity, frozenset[str]]],
    ours: tuple[Quantity, ...],
    theirs: tuple[Quantity, ...],
) -> tuple[str, str] | None:
    """Two statement figures that count the same thing, each agreeing with another figure of
    the claim, in the opposite order to the claim's, or None."""
    for i, (q1, c1, u1) in enumerate(counted):
        for q2, c2, u2 in counted[i + 1 :]:
            if c1 is c2 or q1.value == q2.value or not (u1 & u2):
                continue
            if (ours.index(q1) < ours.index(q2)) != (theirs.index(c1) < theirs.index(c2)):
                return q1.text, q2.text
    return None


# what a count of people may say without naming them: "thousands" of those the claim is about
_ANYONE = frozenset(("people", "person", "persons", "individual"))


def _units_agree(
    q: Quantity, units: frozenset[str], stmt_units: frozenset[str], index: Index
) -> bool:
    if not units or not stmt_units:
        return True
    if units & stmt_units:
        return True
    return any(index.lex.same_meaning(a, b) for a in stmt_units for b in units)


def assess(stmt: Statement, entry: Entry, index: Index, at: int | None = None) -> Assessment:
    """The verdict of one candidate claim on a statement; `at` is the claim's place in the
    index, which gives the sentence before it (read only when it is needed)."""
    lex = index.lex
    claim = entry.claim
    reasons: list[Reason] = []
    tally = _Tally()
    conflicts = 0
    new_details = 0
    flips = 0
    opposed = 0.0  # weight of words that say the opposite of the claim's
    # a figure of the very same unit disagrees ("72 hours" / "48 hours"), or the very figure
    # of the very same unit agrees
    anchored = False

    # wording
    facts = index.facts(entry)
    syn_of_claim = facts.synonym_of
    pairs: list[tuple[bool, str]] = []  # (negated in the statement, the claim's word)
    matched_at: dict[int, str] = {}  # statement word -> the claim's word it matched
    unmatched_words = []

    def opposite_of(w: Word) -> str | None:
        found = [
            hit
            for key in (w.lemma, stem(w.folded))
            for pair, side in lex.antonyms.get(key, ())
            if (hit := facts.opposite_of.get((pair, 1 - side))) is not None
        ]
        return min(found) if found else None

    ambiguous: list[tuple[Word, str, str]] = []  # a synonym and an opposite both in the claim
    for w in stmt.words:
        if w.lemma in entry.lemma_set or w.folded in entry.lemma_set:
            tally.matched += w.weight
            pairs.append((w.negated, w.lemma if w.lemma in entry.lemma_set else w.folded))
            matched_at[id(w)] = pairs[-1][1]
            continue
        if w.folded in entry.name_words:
            # "Lumen-2 lifted off": a name the statement's first word did not read as one
            tally.matched += w.weight
            pairs.append((w.negated, f"@{w.folded}"))
            continue
        group = next((g for g in lex.synonyms.get(w.lemma, ()) if g in syn_of_claim), None)
        if group is not None:
            opp = opposite_of(w)
            if opp is not None:
                ambiguous.append((w, syn_of_claim[group], opp))
                continue
            tally.matched += w.weight
            pairs.append((w.negated, syn_of_claim[group]))
            matched_at[id(w)] = syn_of_claim[group]
        else:
            unmatched_words.append(w)
    for w, syn, opp in ambiguous:
        # "Despite an increase in traffic, ozone has declined": the word nearer to what the
        # statement shares with the claim is the one it speaks of
        anchors = [entry.lemmas.index(c) for _, c in pairs if c in entry.lemmas]
        if anchors and _distance(entry.lemmas, opp, anchors) < _distance(
            entry.lemmas, syn, anchors
        ):
            unmatched_words.append(w)
        else:
            tally.matched += w.weight
            pairs.append((w.negated, syn))
            matched_at[id(w)] = syn
    # WordNet, for the words the curated lists leave: "demise" for "death", "spot" for "place"
    wordnet = thesaurus()
    for w in list(unmatched_words):
        same, _ = wordnet.lookup(w.folded, w.lemma, w.lemma + "e")
        # one word for one word: "raise elevated yields" does not make "raise" "elevate" too
        synonym = min(same & entry.lemma_set - {c for _, c in pairs}, default=None)
        if synonym is not None:
            tally.matched += w.weight
            pairs.append((w.negated, synonym))
            matched_at[id(w)] = synonym
            unmatched_words.remove(w)
    # "England beat Tunisia" against "Tunisia lost to England": one event from either side
    converse_conflict: tuple[str, str, str, str] | None = None
    if lex.converses:
        for w in list(unmatched_words):
            told = _converse_told(w, stmt.seq, entry.seq, lex)
            if told is None:
                continue
            agrees, theirs, a, b = told
            unmatched_words.remove(w)
            if agrees:
                tally.matched += w.weight
                pairs.append((w.negated, theirs))
                matched_at[id(w)] = theirs
            else:
                tally.conflict += w.weight
                converse_conflict = (w.folded, theirs, a, b)
    if unmatched_words:
        for w, theirs in _phrasal(stmt, entry, index, unmatched_words, {c for _, c in pairs}):
            tally.matched += w.weight
            pairs.append((w.negated, theirs))
            matched_at[id(w)] = theirs
            unmatched_words.remove(w)
    used = {c for _, c in pairs}
    for w in list(unmatched_words):
        opposite = (
            opposite_of(w)
            or _negative_prefix(w, entry, index)
            or min(
                wordnet.lookup(w.folded, w.lemma, w.lemma + "e")[1] & entry.lemma_set, default=None
            )
        )
        if opposite in used:
            continue  # "began ..., ending a lull": the claim's word is already spoken for
        if opposite is not None:
            flips += 1
            opposed += w.weight
            tally.conflict += w.weight  # the same slot, the other way round
            unmatched_words.remove(w)
            reasons.append(
                Reason(
                    "antonym", "disagree", w.folded, opposite, f"opposite: {w.folded} vs {opposite}"
                )
            )
    if unmatched_words and lex.phrases:
        covered = _phrase_cover(stmt, entry, index, unmatched_words)
        for w in covered:
            tally.matched += w.weight
            unmatched_words.remove(w)
    # "Nine members of the assembly abstained in the vote on the budget" against "Nine members
    # abstained.", after a sentence on the assembly's vote on the budget: the sentence before,
    # in the same article, gives the claim its setting, half as surely as the claim itself
    # (for a support only: a restatement that a changed detail contradicts is of the claim)
    setting = 0.0
    before = index.entries[at - 1] if unmatched_words and at else None
    if before is not None and _sets_the_scene(before, entry):
        for w in list(unmatched_words):
            if _in_setting(w, before) and not _in_a_slot(stmt, entry, index, matched_at, w):
                setting += w.weight * SCENE_SHARE
                tally.missing += w.weight
                unmatched_words.remove(w)
    tally.missing += sum(w.weight for w in unmatched_words)
    swaps = _substitutions(stmt, entry, index, matched_at, unmatched_words)

    # names
    matched_claim_names: set[int] = set()
    roles_of: list[tuple[str, str, str]] = []  # (name, its role here, its role in the claim)
    same_names: list[tuple[Mention, Name]] = []  # a statement's name, and the claim's it is
    lead_here = _traits(stmt).lead
    claim_names = list(entry.names)
    for m in stmt.reading.mentions:
        weight = index.weight(f"@{m.key}")
        # "Stockholm-based" is where something is based, whatever else the claim says of it
        hit = next(
            (
                j
                for j, n in enumerate(claim_names)
                if name_matches(m, n, index) and (m.role == "based") == (n.role == "based")
            ),
            None,
        )
        if hit is not None and m.role == "source" and claim_names[hit].role != "source":
            # "..., according to the Ostrelian Orbital Authority" against "..., according to the
            # finance ministry, of which the Ostrelian Orbital Authority paid 35 percent": a name
            # the claim gives, but not as the source it gives
            # (not a name beside it: in "said Karsk mayor Elena Dravic" both say who spoke)
            at = seq_at(entry.seq, claim_names[hit].key)
            theirs = next(
                (
                    n.text
                    for n in claim_names
                    if n.role == "source" and abs(seq_at(entry.seq, n.key) - at) > 2
                ),
                None,
            ) or according_to(claim.text)
            if theirs and not (key_words(m.key) & set(fold(theirs).split())):
                matched_claim_names.add(hit)
                conflicts += 1
                tally.conflict += weight
                reasons.append(
                    Reason("entity", "disagree", m.text, theirs, f"{m.text} vs {theirs}")
                )
                continue
        if hit is not None:
            matched_claim_names.add(hit)
            same_names.append((m, claim_names[hit]))
            roles_of.append((m.text, m.role, claim_names[hit].role))
            tally.matched += weight
            pairs.append((m.first in stmt.reading.negated, f"@{claim_names[hit].key}"))
            reasons.append(Reason("entity", "agree", m.text, claim_names[hit].text))
            continue
        own_source = m.role == "source" and any(n.role == "source" for n in claim_names)
        if not own_source and (
            any(name_matches(m, n, index) for n in entry.context)
            or all(w in entry.lemma_set for w in m.key.split())
            # "ATMIS in Somalia" against "the African Union Transition Mission in Somalia"
            or (m.kind == "place" and any(key_words(m.key) < key_words(n.key) for n in claim_names))
        ):
            # the claim refers to it ("he"), or names it in words the reader did not take for a name
            tally.matched += weight
            continue
        rival = next(
            (
                n
                for j, n in enumerate(claim_names)
                if j not in matched_claim_names
                and kinds_clash(m.kind, n.kind, m.role)
                and roles_clash(m.role, n.role)
                and not any(name_matches(o, n, index) for o in stmt.reading.mentions)
                # not the country of a person ("English defender Kyle Walker"), nor a country
                # told as an adjective against one told as an owner ("the African side" and
                # "Tunisia's equaliser")
                and not (
                    n.kind == "place"
                    and not n.role
                    and (
                        person_after(n, entry.seq, claim_names)
                        or (is_owner(stmt, m) and fold(n.text) != n.key)
                    )
                )
            ),
            None,
        )
        if rival is None and m.role in ("", "source"):
            # "Reyl announced 18 million euros in aid" against "Governor Marek ... announced 18
            # million euros in aid": who the statement opens on, against who the claim does
            lead = lead_party(claim_names, entry.seq, entry.context) if m is lead_here else None
            if (
                lead is not None
                # a country against a country ("Korea had more of the ball"), a party
                # against a party
                and (lead.kind == "place") == (m.kind == "place")
                and (lead.kind == m.kind or "name" in (lead.kind, m.kind))
                and acts_instead(m, lead, stmt, index)
            ):
                rival = lead
        if (
            rival is None
            and m.role == "source"
            and claim.text.lstrip()[:1] in ('"', "\u201c")
            and not any(n.role == "source" for n in claim_names)
        ):
            # "Briesgaard said ..." against a quotation whose speaker the sentence before named
            rival = next(
                (
                    n
                    for n in entry.context
                    if kinds_clash(m.kind, n.kind, m.role)
                    and not any(name_matches(o, n, index) for o in stmt.reading.mentions)
                ),
                None,
            )
        if (
            rival is None
            and m.role == "source"
            and not any(n.role == "source" for n in claim_names)
            and (theirs := according_to(claim.text))
        ):
            # "..., according to the HFRS" against "..., according to the regional health
            # department": another source than the one the claim gives in ordinary words
            words = fold(theirs).split()
            if not (key_words(m.key) & set(words)) and not (
                len(words) == 1 and described_as(index, entry, words[0], m.key)
            ):
                conflicts += 1
                tally.conflict += weight
                reasons.append(
                    Reason("entity", "disagree", m.text, theirs, f"{m.text} vs {theirs}")
                )
                continue
        if rival is not None:
            conflicts += 1
            tally.conflict += weight
            reasons.append(
                Reason("entity", "disagree", m.text, rival.text, f"{m.text} vs {rival.text}")
            )
        elif index.topic(m.key) or (
            named_near(m.key, entry.near)
            and (m.role != "source" or named_near(m.key, entry.before))
            and (m.role != "loc" or named_near(m.key, entry.scene))
        ):
            # what the article is about ("Haiti"), or a name the sentences around the claim
            # give, may be named without the claim naming it; a place only when it sets the
            # scene ("In Kowloon East, ..."): where one thing happened is not where the next did;
            # and a source only from the sentences before: a report goes on after the name of
            # who made it, and who said the next thing did not say this one
            tally.matched += weight * 0.5
            tally.missing += weight * 0.5
        elif m.role == "loc" and entry.scene and m.kind in ("place", "name"):
            # "Quat topped the poll in Kowloon West" against a sentence of the paragraph that
            # opens "In the New Territories East constituency, ...": where it happened is set
            scene = min(entry.scene)
            conflicts += 1
            tally.conflict += weight
            reasons.append(
                Reason(
                    "entity",
                    "disagree",
                    m.text,
                    scene,
                    f"{m.text} vs {scene} (where the paragraph is set)",
                )
            )
        else:
            new_details += 1
            tally.missing += weight
            reasons.append(
                Reason("entity", "missing", m.text, "", f"{m.text} is not in this claim")
            )

    # "Jay Sekulow" against "Jay Alan Sekulow", with "Jay" read as a word at the start of the
    # statement: a word of a name the statement agrees on is that name, not wording to match
    name_words = {x for j in matched_claim_names for x in claim_names[j].key.split()}
    # "the health ministry" for "the Ministry of Health", "the ports authority" for "the
    # Marovian Ports Authority": two words or more in a row, all of them words of one name
    name_words.update(_described(stmt, unmatched_words, claim_names))
    for w in [w for w in unmatched_words if w.folded in name_words]:
        tally.missing -= w.weight
        tally.matched += w.weight
        unmatched_words.remove(w)
        swaps = [(x, theirs) for x, theirs in swaps if x is not w]

    # who a figure is attributed to, when the statement names its source in ordinary words
    # ("the Red Cross says"): another source than the claim's is a swap
    said_by = stmt.reading.source
    if said_by and not any(m.role == "source" for m in stmt.reading.mentions):
        named = [n for n in claim_names if n.role == "source"]
        sources = [n.text for n in named]
        mine = set(said_by.split())
        own = {index.lemma(x) for x in mine} - lex.stopwords
        if said_by.split()[0] in _POSSESSIVES:
            differs = False  # "his lawyer told reporters": someone the article does not quote
        elif own and own <= entry.lemma_set:
            # "the transport minister said" against "Transport Minister Elena Sorvik said":
            # the speaker told by the claim's own words for them
            differs = False
        elif named:
            differs = not any(
                mine & key_words(n.key) or described_as(index, entry, said_by, n.key) for n in named
            )
        else:
            # the claim's source in ordinary words too: "according to the farmers' union"
            theirs = according_to(claim.text)
            sources = [theirs] if theirs else []
            differs = bool(theirs) and not (own & {index.lemma(fold(x)) for x in theirs.split()})
            if differs and " " not in theirs:
                # "the federation said" against "the union said", when the article calls the
                # National Federation of Teachers "the union"
                word = fold(theirs)
                differs = not any(
                    mine & key_words(key)
                    for key in entry.before
                    if word in key_words(key) or described_as(index, entry, word, key)
                )
        if differs:
            moved = sum(w.weight for w in unmatched_words if w.folded in mine)
            tally.missing -= moved
            tally.conflict += moved
            conflicts += 1
            reasons.append(
                Reason("entity", "disagree", said_by, sources[0], f"{said_by} vs {sources[0]}")
            )

    # figures
    counted: list[tuple[Quantity, Quantity, frozenset[str]]] = []  # agreeing, with what they count
    for q in stmt.quantities:
        stmt_units = frozenset(index.lemma(u) for u in q.unit.split())
        fair = [
            c
            for c, units in zip(claim.quantities, entry.unit_lemmas, strict=False)
            if compatible(q, c, _units_agree(q, units, stmt_units, index))
            # "300 members" against a bare "three" ("a mother of three"): a count of what the
            # claim never speaks of is no count of the claim's
            and not (
                q.kind == "count"
                and stmt_units
                and not units
                and not stmt_units <= _ANYONE
                and not (stmt_units & entry.lemma_set)
                and not any(index.lex.same_meaning(u, x) for u in stmt_units for x in entry.lemmas)
            )
        ]
        if not fair:
            new_details += 1
            tally.missing += FIGURE_WEIGHT
            reasons.append(
                Reason("number", "missing", q.text, "", f"the claim gives no figure for {q.text}")
            )
            continue
        # the figure that counts the same thing first ("deaths" before "cases"); when some
        # figures count what the statement's does, it is compared with those alone ("a 0.5% cap"
        # is not the "0.505%" the yields touched)
        shared = [len(stmt_units & entry.unit_lemmas[claim.quantities.index(c)]) for c in fair]
        best = max(shared)
        fair = [c for _, c in sorted(zip(shared, fair, strict=True), key=lambda x: -x[0])]
        pool = fair[: shared.count(best)] if best else fair
        # "the NFT said more than 40,000 took part" against "Police put the crowd at about
        # 12,000 people, while the NFT said over 41,000 had taken part": the figure the
        # statement's source gives, in the claim's clause of that source
        theirs_told = _told_by(claim.text, fair, same_names)
        if theirs_told is not None:
            pool = [theirs_told]
            fair = [theirs_told, *(c for c in fair if c is not theirs_told)]
        agreeing = next(
            (c for c in pool if comparable(q).overlaps(comparable(c)) and not _past(q, c)), None
        )
        if agreeing is not None:
            tally.matched += FIGURE_WEIGHT
            # the very figure, counting the very thing ("58,825 votes"): a restatement
            units = entry.unit_lemmas[claim.quantities.index(agreeing)]
            if stmt_units and units:
                counted.append((q, agreeing, stmt_units & units))
            anchored = anchored or bool(
                stmt_units and stmt_units == units and q.interval == agreeing.interval
            )
            reasons.append(
                Reason("number", "agree", q.text, agreeing.text, f"{q.text} fits {agreeing.text}")
            )
        else:
            c = fair[0]
            conflicts += 1
            tally.conflict += FIGURE_WEIGHT
            units = (
                entry.unit_lemmas[claim.quantities.index(c)]
                if c in claim.quantities
                else frozenset()
            )
            anchored = anchored or bool(stmt_units and stmt_units == units)
            reasons.append(
                Reason(
                    "number",
                    "disagree",
                    q.text,
                    c.text,
                    f"{q.text} outside {c.interval} ({c.text} in the article, "
                    f"{_value(q)} in the statement)",
                )
            )

    # "15 shells hit near posts 542 and 543 and six other shells fell near posts 250 and 251"
    # against "Six shells hit ... 542 and 543 and other 15 shells fell ... 250 and 251": two
    # figures of the same thing, each the claim's, but in each other's places
    crossed = _crossed(counted, stmt.quantities, claim.quantities)
    if crossed is not None:
        conflicts += 1
        a, b = crossed
        reasons.append(Reason("number", "disagree", a, b, f"{a} and {b} change places"))

    # "turnout reached 58 percent" against "a turnout rate of 58%": with a figure the claim
    # gives too (agreeing or not), a verb that only ties the subject to it says nothing more
    if any(r.kind == "number" and r.status in ("agree", "disagree") for r in reasons):
        for w in [w for w in unmatched_words if w.lemma in lex.figure_verbs]:
            tally.missing -= w.weight
            unmatched_words.remove(w)
            swaps = [(x, theirs) for x, theirs in swaps if x is not w]

    # dates
    for d in stmt.dates:
        status, ours, theirs = _compare_date(d, claim.dates)
        if status == "missing":
            new_details += 1
            tally.missing += DATE_WEIGHT
            reasons.append(Reason("date", "missing", ours, "", f"the claim gives no {d.kind}"))
        elif status == "agree":
            tally.matched += DATE_WEIGHT
            reasons.append(Reason("date", "agree", ours, theirs))
        else:
            conflicts += 1
            tally.conflict += DATE_WEIGHT
            reasons.append(Reason("date", "disagree", ours, theirs, f"{ours} vs {theirs}"))

    # "sensitive to ozone rather than heat" against a claim that names both ozone and heat:
    # which of the two it pairs with the subject, word overlap cannot tell
    # "deliberately rather than through negligence" against "negligence rather than a
    # deliberate act": the alternative kept and the one set aside, the other way round
    turned_round = _alternatives_swapped(stmt, entry, lex)
    if turned_round is not None:
        conflicts += 1
        a, b = turned_round
        reasons.append(
            Reason(
                "choice",
                "disagree",
                a,
                b,
                f"{a} rather than {b}, where the claim has it the other way round",
            )
        )
    rejected = "" if turned_round is not None else _rejected_alternative(stmt, entry)
    if rejected:
        new_details += 1
        reasons.append(
            Reason(
                "choice",
                "missing",
                rejected,
                "",
                f"the claim names {rejected} too, without setting it aside",
            )
        )

    # "Haiti sent officers to Kenya" against "Kenya will send officers to Haiti": two names the
    # claim gives, each in the slot the claim gives the other (a destination and no slot)
    # (where it happened, or where from, only between two places neither of which the
    # statement gives as an owner: "Kestrava's health authorities" are the ones in Kestrava)
    tokens = stmt.reading.tokens
    exchanged = next(
        (
            (ma.text, mb.text)
            for ma, na in same_names
            for mb, nb in same_names
            if as_actor(ma.role) != as_actor(mb.role)
            and as_actor(ma.role) == as_actor(nb.role)
            and as_actor(mb.role) == as_actor(na.role)
            and (
                "dest" in (ma.role, mb.role)
                or (
                    {ma.role, mb.role} & SWAPPABLE
                    and ma.kind == mb.kind == "place"
                    and not any(
                        tokens[x.last - 1].text.endswith(("'s", "'", "’s")) for x in (ma, mb)
                    )
                )
            )
        ),
        None,
    )
    if exchanged is not None:
        conflicts += 1
        a, b = exchanged
        reasons.append(Reason("order", "disagree", a, b, f"{a} and {b} swap roles"))

    # "Education Minister Irena Valcho" against "Finance Minister Irena Valcho": the same person
    # with another office
    for m, n in same_names:
        office = office_of(stmt.seq, m.key, lex), office_of(entry.seq, n.key, lex)
        if offices_differ(*office):
            ours, theirs = (" ".join(x).strip() for x in office)
            conflicts += 1
            reasons.append(Reason("entity", "disagree", ours, theirs, f"{ours} vs {theirs}"))

    # "The KNSA supplied the OOA with the camera" against "The OOA supplied the camera, the
    # KNSA said": who reports the act, made the one who acts
    if lead_here is not None and not lead_here.role:
        speaker = next((n for m, n in same_names if m is lead_here and n.role == "source"), None)
        actor = lead_party(claim_names, entry.seq, entry.context) if speaker is not None else None
        if (
            speaker is not None
            and actor is not None
            and actor.key != speaker.key
            and any(m is not lead_here and n.key == actor.key for m, n in same_names)
        ):
            conflicts += 1
            reasons.append(
                Reason(
                    "order",
                    "disagree",
                    lead_here.text,
                    actor.text,
                    f"{lead_here.text} acts where the claim has {actor.text} act",
                )
            )

    # "Al-Shabaab supports the mission" against "support for the mission, which aims to
    # stabilise the region against Al-Shabaab threats": who the claim sets against, made the
    # subject, is not what the claim reports
    for m, n in same_names:
        if n.role == "against" and m.role != "against" and m is lead_here:
            new_details += 1
            reasons.append(
                Reason("entity", "missing", m.text, n.text, f"the claim sets {n.text} against")
            )
    # "send fewer police officers" against "send additional police officers"
    fewer = _fewer_for_more(stmt, entry)
    if fewer is not None and not any(r.kind == "antonym" for r in reasons):
        flips += 1
        reasons.append(
            Reason("antonym", "disagree", fewer[0], fewer[1], f"opposite: {fewer[0]} vs {fewer[1]}")
        )

    # "Marrowby has agreed to take over Kestrel" against "Kestrel has agreed to buy Marrowby":
    # the one who acts, and the one acted on, the other way round
    if converse_conflict is None and exchanged is None:
        turned = agent_swapped(stmt, entry, same_names, lex)
        if turned is not None:
            conflicts += 1
            a, b = turned
            reasons.append(Reason("order", "disagree", a, b, f"{a} and {b} swap roles"))

    # who did what to whom: "A beat B" against "B beat A", "A more than B" against "B more than A"
    swap = _swapped(stmt.seq, entry.seq, lex)
    if swap is not None:
        conflicts += 1
        reasons.append(
            Reason("order", "disagree", swap[0], swap[1], f"{swap[0]} and {swap[1]} swap roles")
        )

    if converse_conflict is not None:
        ours, theirs, a, b = converse_conflict
        flips += 1
        reasons.append(
            Reason(
                "order",
                "disagree",
                ours,
                theirs,
                f"{a} {ours} {b}, where the claim has {a} {theirs} {b}'s side of it",
            )
        )

    # polarity: a word the two share, negated on one side only, flips the claim
    differ = sum(1 for negated, c in pairs if negated != (c in entry.negated))
    both = sum(1 for negated, c in pairs if negated and c in entry.negated)
    if (
        differ
        and not both
        and not _no_more_than(stmt, entry, index)
        and not _first_since(stmt, entry)
    ):
        flips += 1
        stmt_negated = any(negated for negated, _ in pairs)
        reasons.append(
            Reason(
                "negation",
                "disagree",
                stmt.reading.negations[0] if stmt_negated and stmt.reading.negations else "",
                "" if stmt_negated else "negated",
                "the statement negates the claim" if stmt_negated else "the claim is negated",
            )
        )
    if flips % 2 == 1:
        conflicts += 1
    else:  # a negated opposite ("did not decrease") says the same thing
        reasons = [r for r in reasons if r.kind not in ("negation", "antonym")]
        tally.conflict -= opposed
        tally.matched += opposed

    aligned = tally.aligned()
    tally.matched += setting
    tally.missing -= setting
    coverage = tally.coverage()
    if coverage >= SUBSTITUTION_COVERAGE:
        for w, theirs in swaps:
            # "the provincial government" against "the federal government" in a statement that
            # otherwise follows the claim word for word: the claim does not say it
            new_details += 1
            reasons.append(
                Reason("wording", "missing", w.folded, theirs, f"{w.folded} in place of {theirs}")
            )
    # "Kenya arrested 2,500 officers" against "Kenya will deploy 2,500 officers": in a short
    # statement, a verb the claim does not say, in no form or synonym, is most of what it says,
    # an act the claim does not report. Verbs of saying are the attribution's, which a
    # statement may give or leave out.
    acts = _acts(stmt, unmatched_words, wordnet) if len(stmt.words) <= ACT_MAX_WORDS else []
    if acts:
        new_details += 1
        said = ", ".join(acts)
        reasons.append(Reason("wording", "missing", said, "", f"the claim does not say {said}"))

    # "Ruto thanked only the United States", "paid the entire cost", "visited Haiti for the
    # first time": a statement that claims all, or none but this, says more than the claim
    sweeping = _sweeping(stmt, entry)
    if sweeping:
        new_details += 1
        reasons.append(
            Reason("wording", "missing", sweeping, "", f"the claim does not say {sweeping!r}")
        )

    # "Kenya has deployed 2,500 officers" against "Kenya is on track to deploy 2,500 officers":
    # what the claim has still to come, the statement reports as done
    done = _done_before_time(stmt, entry, index, matched_at, wordnet)
    if done is not None:
        new_details += 1
        ours, theirs = done
        reasons.append(
            Reason("tense", "missing", ours, theirs, f"{ours}, where the claim has {theirs}")
        )

    # "Iris Murdoch was murdered in 1919": when a third of the statement's words are words the
    # article never uses, in any form or synonym, it says something the article does not
    unheard = (
        [
            w.folded
            for w in unmatched_words
            if _unheard(w, index, lex.synonyms) and not _comparing(w)
        ]
        if len(unmatched_words) >= UNHEARD_SHARE * len(stmt.words)
        else []
    )
    if unheard and len(unheard) >= UNHEARD_SHARE * len(stmt.words):
        new_details += 1
        reasons.append(
            Reason(
                "wording",
                "missing",
                ", ".join(unheard),
                "",
                f"the article never uses {', '.join(unheard)}",
            )
        )
    # A restatement agrees with the claim on more than it changes; a statement that differs in
    # most of its details is about something else.
    names_agree = any(r.kind == "entity" and r.status == "agree" for r in reasons)
    names_missing = any(r.kind == "entity" and r.status == "missing" for r in reasons)
    # the lower bar holds for the claim's own participants: "Brandt cut her target to 38
    # crowns" is no restatement of "shares closed at 41.20 crowns", whose claim lacks Brandt
    restate = (
        RESTATE_ANCHORED if anchored and names_agree and not names_missing else RESTATE_COVERAGE
    )
    if conflicts and aligned >= restate and tally.matched >= RESTATE_BALANCE * tally.conflict:
        verdict = "contradicted"
    elif (
        not conflicts
        and not new_details
        and coverage >= SUPPORT_COVERAGE
        and _enough(reasons, pairs)
    ):
        verdict = "supported"
    else:
        verdict = "unknown"
    undated = sum(DATE_WEIGHT for r in reasons if r.kind == "date" and r.status == "missing")
    total = tally.matched + tally.conflict + tally.missing
    dated = (tally.matched + undated) / total if total else 0.0
    redated = sum(DATE_WEIGHT for r in reasons if r.kind == "date" and r.status == "disagree")
    fit = tally.matched + redated
    event = fit / (fit + tally.missing) if fit + tally.missing else 0.0
    return Assessment(
        verdict, coverage, aligned, tuple(reasons), conflicts, new_details, dated, event
    )


def complete(primary: Assessment, others: list[tuple[Entry, Assessment]]) -> Assessment | None:
    """A verdict on a statement whose facts the article gives in two sentences: "Belgium beat
    Panama 3-0 in Sochi" against "Belgium defeated Panama 3 - 0" and "Belgium faced Panama at
    the Fisht Stadium in Sochi"; "the broadcasts began on August 10, ending an 11-year lull"
    against "... broadcast propaganda after an 11-year lull" and "The broadcasts began on
    August 10". When all the best claim lacks is a name or a date or two, a claim about the
    same thing settles them: it gives them too (supported), or gives another in their place
    (contradicted). For a name, the same thing is the same participants (every name the two
    agree on, two or more); for a date, a name they agree on and a good part of the
    statement's wording besides. None otherwise."""
    missing = [r for r in primary.reasons if r.kind in ("entity", "date") and r.status == "missing"]
    if (
        primary.verdict != "unknown"
        or primary.conflicts
        or not missing
        or primary.new_details != len(missing)
    ):
        return None
    shared = {r.statement for r in primary.reasons if r.kind == "entity" and r.status == "agree"}
    names_missing = any(r.kind == "entity" for r in missing)
    # "Lumen-2 lifted off from the Tavrin Cosmodrome on Thursday": the rest must fit the claim
    if (primary.coverage if names_missing else primary.dated) < SUPPORT_COVERAGE:
        return None
    if len(shared) < (2 if names_missing else 1):
        return None  # one name in common does not make the same event
    settled: dict[tuple[str, str], Reason] = {}
    for entry, a in others:
        agree = {
            (r.kind, r.statement): r
            for r in a.reasons
            if r.kind in ("entity", "date") and r.status == "agree"
        }
        if not {("entity", name) for name in shared} <= agree.keys():
            continue
        if not names_missing and a.event < COMPLETE_COVERAGE:
            continue
        where = f" (the article: {_short(entry.claim.text)})"
        for m in missing:
            rival = next(
                (
                    r
                    for r in a.reasons
                    if r.kind == m.kind and r.status == "disagree" and r.statement == m.statement
                ),
                None,
            )
            if rival is not None:
                reason = Reason(m.kind, "disagree", m.statement, rival.claim, rival.message + where)
                reasons = (*(r for r in primary.reasons if r is not m), reason)
                return Assessment("contradicted", primary.coverage, primary.aligned, reasons, 1, 0)
            key = (m.kind, m.statement)
            if key in agree and not a.conflicts and key not in settled:
                settled[key] = Reason(
                    m.kind, "agree", m.statement, agree[key].claim, f"{m.statement}{where}"
                )
    if len(settled) < len(missing):
        return None
    reasons = tuple(
        settled.get((r.kind, r.statement), r) if r in missing else r for r in primary.reasons
    )
    return Assessment("supported", primary.coverage, primary.aligned, reasons, 0, 0)


def _past(q: Quantity, c: Quantity) -> bool:
    """A strict bound at the article's very figure: "less than $127 million" or "more than
    141,000" against a bare "$127 million" or "141,000". The writer's rounding lets the two
    intervals touch, but a reader takes the figure as given, and the bound as excluding it."""
    return (
        q.qualifier in ("over", "under")
        and not c.qualifier
        and q.kind == c.kind
        and math.isclose(q.value, c.value)
    )


def _short(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _negative_prefix(w: Word, entry: Entry, index: Index) -> str | None:
    """The claim's word that `w` negates by a prefix, or that negates `w` ("uncontrolled"
    against "controlled", either way round); None when there is none. Both words must be
    English words, the bare one of four letters or more: "unless" is no negation of "less"."""
    f = w.folded
    if f in index.lex.stopwords:
        return None
    for p in NEGATIVE_PREFIXES:
        base = f[len(p) :]
        if f.startswith(p) and len(base) >= 4:
            lemma = index.lemma(base)
            found = lemma if lemma in entry.lemma_set else base if base in entry.words else None
            if found and f in english_words() and base in english_words():
                return found
    theirs = index.facts(entry).negated_by_prefix.get(f)
    if theirs and f in english_words() and theirs in english_words():
        return theirs
    return None


# Phrases that set one alternative aside in favour of another: "A rather than B".
_SET_ASIDE = (("rather", "than"), ("instead", "of"), ("as", "opposed", "to"))


def _rejected_alternative(stmt: Statement, entry: Entry) -> str:
    """The alternative a statement sets aside ("heat" in "ozone rather than heat") when the
    claim names it too and does not set it aside in the same words, else ""."""
    low = stmt.norm.lower()
    if "rather" not in low and "instead" not in low and "opposed" not in low:
        return ""
    tokens = stmt.reading.tokens
    folded = [t.folded for t in tokens]
    for phrase in _SET_ASIDE:
        k = len(phrase)
        for i in range(len(folded) - k + 1):
            if tuple(folded[i : i + k]) != phrase:
                continue
            after = next((j for j in stmt.reading.content if j >= i + k), None)
            if after is None:
                continue
            if tokens[after].lemma in entry.lemma_set and " ".join(phrase) not in (
                entry.claim.text.lower()
            ):
                return tokens[after].text
    return ""


def _sides(tokens: list[str], lex: Lexicon) -> tuple[set[str], set[str]] | None:
    """The stems of the content words just before and just after "rather than" (or "instead
    of"), or None when there is no such phrase."""
    for phrase in _SET_ASIDE:
        k = len(phrase)
        for i in range(len(tokens) - k + 1):
            if tuple(tokens[i : i + k]) == phrase:
                before = {stem(x) for x in tokens[max(0, i - 3) : i] if x not in lex.stopwords}
                after = {stem(x) for x in tokens[i + k : i + k + 3] if x not in lex.stopwords}
                return before, after
    return None


def _alternatives_swapped(stmt: Statement, entry: Entry, lex: Lexicon) -> tuple[str, str] | None:
    """(kept, set aside) of a statement that keeps what the claim sets aside and sets aside
    what the claim keeps, or None."""
    low = stmt.norm.lower()
    if "rather" not in low and "instead" not in low:
        return None
    ours = _sides([t.lemma for t in stmt.reading.tokens], lex)
    theirs = _sides(list(entry.seq), lex) if ours is not None else None
    if ours is None or theirs is None:
        return None
    kept, aside = ours

    def shared(a: set[str], b: set[str]) -> list[str]:
        # one word in two forms: "deliberately" and "deliberate", "negligent" and "negligence"
        return sorted(x for x in a for y in b if x[:6] == y[:6] and min(len(x), len(y)) >= 5)

    if shared(kept, theirs[1]) and shared(aside, theirs[0]) and not shared(kept, theirs[0]):
        return shared(kept, theirs[1])[0], shared(aside, theirs[0])[0]
    return None


# Words whose two sides are not interchangeable ("beat", "than"), and the verb forms that
# make the first side the one acted on ("was beaten by").
_DIRECTED = frozenset(
    {"than", "beat", "beaten", "defeat", "overtake", "overtook", "outnumber", "outscore", "edge"}
)
_PASSIVE = frozenset({"be", "was", "were", "been", "is", "are", "by"})


def _direction(seq: tuple[str, ...], cue: int, a: str, b: str) -> int | None:
    """+1 when `a` stands before the cue and `b` after it, -1 the other way, None otherwise."""
    before, after = set(seq[max(0, cue - 12) : cue]), set(seq[cue + 1 : cue + 13])
    sign = 0
    if a in before and b in after and a not in after and b not in before:
        sign = 1
    elif b in before and a in after and b not in after and a not in before:
        sign = -1
    if not sign:
        return None
    passive = (cue > 0 and seq[cue - 1] in _PASSIVE) or (
        cue + 1 < len(seq) and seq[cue + 1] == "by"
    )
    return -sign if passive and seq[cue] != "than" else sign


def _swapped(stmt: tuple[str, ...], claim: tuple[str, ...], lex: Lexicon) -> tuple[str, str] | None:
    """The two things a statement puts on the other sides of a directed word than the claim."""
    if _DIRECTED.isdisjoint(stmt):
        return None
    shared = {x for x in set(stmt) & set(claim) if _telling(x, lex)}
    for i, cue in enumerate(stmt):
        if cue not in _DIRECTED:
            continue
        if lex.synonyms.get(cue):
            same = [j for j, x in enumerate(claim) if x == cue or lex.same_meaning(x, cue)]
        else:
            same = [j for j, x in enumerate(claim) if x == cue]
        if not same:
            continue
        for a, b in _parties(stmt, i, shared):
            for j in same:
                d_claim = _direction(claim, j, a, b)
                d_stmt = _direction(stmt, i, a, b)
                if d_claim is not None and d_stmt is not None and d_claim != d_stmt:
                    return a.lstrip("@"), b.lstrip("@")
    return None


def _in_a_slot(
    stmt: Statement, entry: Entry, index: Index, matched_at: dict[int, str], w: Word
) -> bool:
    """Whether a statement word stands next to a word it shares with the claim, on the side
    where the claim has a word the statement leaves unsaid ("numerous people" against
    "numerous vehicles"): a word in the claim's slot, not its setting."""
    position = index.facts(entry).position
    said = {position[c] for c in matched_at.values() if c in position}
    words = stmt.words
    k = next(i for i, x in enumerate(words) if x is w)
    for step in (-1, 1):
        j = k + step
        if 0 <= j < len(words) and id(words[j]) in matched_at:
            p = position.get(matched_at[id(words[j])])
            q = p - step if p is not None else None
            if q is not None and 0 <= q < len(entry.lemmas) and q not in said:
                return True
    return False


def _in_setting(w: Word, before: Entry) -> bool:
    """Whether the sentence before a claim uses a word: in its wording, its names ("assembly"
    of "National Assembly") or what its figures count ("votes" of "212 votes")."""
    return (
        w.lemma in before.lemma_set
        or w.folded in before.lemma_set
        or w.folded in before.name_tokens
        or any(w.lemma in units for units in before.unit_lemmas)
    )


def _sets_the_scene(before: Entry, entry: Entry) -> bool:
    """Whether `before` is the claim just before `entry`'s, in the same article."""
    return before.source == entry.source and 0 <= entry.claim.sentence - before.claim.sentence <= 1


def _parties(stmt: tuple[str, ...], i: int, shared: set[str]) -> Iterator[tuple[str, str]]:
    """Pairs of shared words on either side of the word at `i`, the nearest first on the left."""
    left = [x for x in stmt[max(0, i - 12) : i] if x in shared]
    right = [x for x in stmt[i + 1 : i + 13] if x in shared]
    for a in reversed(left):
        for b in right:
            if a != b:
                yield a, b


def _converse_told(
    w: Word, stmt: tuple[str, ...], claim: tuple[str, ...], lex: Lexicon
) -> tuple[bool, str, str, str] | None:
    """A statement word that tells the claim's event from the other party's side ("beat"
    against "lost to"): (whether the parties stand the other way round, as they must for the
    two to agree; the claim's word; the two parties). None when the claim has no such word or
    the parties cannot be placed on both sides."""
    other = lex.converse_words.get(w.lemma) or lex.converse_words.get(w.folded)
    if not other:
        return None
    spots = [i for i, x in enumerate(stmt) if x == w.lemma or x == w.folded]
    theirs = [j for j, x in enumerate(claim) if x in other]
    if not spots or not theirs:
        return None
    shared = {x for x in set(stmt) & set(claim) if _telling(x, lex)}
    for i in spots:
        for a, b in _parties(stmt, i, shared):
            for j in theirs:
                d_claim = _direction(claim, j, a, b)
                d_stmt = _direction(stmt, i, a, b)
                if d_claim is not None and d_stmt is not None:
                    return d_claim != d_stmt, claim[j], a.lstrip("@"), b.lstrip("@")
    return None


def _phrasal(
    stmt: Statement, entry: Entry, index: Index, unmatched: list[Word], taken: set[str]
) -> list[tuple[Word, str]]:
    """Unmatched statement words a WordNet phrasal verb accounts for, with the claim word each
    stands for: "turned down" for "rejected", "rejected" for "turned down", "has not been
    excluded" for "has not ruled out"."""
    out: list[tuple[Word, str]] = []
    done: set[int] = set()
    wanted = {id(w) for w in unmatched}
    # the statement's two-word phrases, against the claim's words
    for spots, same in stmt.phrasal:
        hit = min(same & entry.lemma_set - taken, default=None)
        if hit is None:
            continue
        for k in spots:
            w = stmt.words[k]
            if id(w) in wanted and id(w) not in done:
                out.append((w, hit))
                done.add(id(w))
    # the claim's two-word phrases, against the statement's words
    phrasal = index.facts(entry).phrasal
    if phrasal:
        for w in unmatched:
            theirs = phrasal.get(w.lemma) or phrasal.get(w.folded)
            if theirs is not None and id(w) not in done and theirs not in taken:
                out.append((w, theirs))
                done.add(id(w))
    return out


def _described(stmt: Statement, unmatched: list[Word], names: list[Name]) -> set[str]:
    """The unmatched statement words that, two or more in a row, are all words of one of the
    claim's names (in any order): the name told in ordinary words."""
    if len(unmatched) < 2:
        return set()
    keys = [key_words(n.key) for n in names if " " in n.key]
    if not keys:
        return set()
    wanted = {id(w) for w in unmatched}
    runs: list[list[tuple[int, Word]]] = []
    for i, w in zip(stmt.reading.content, stmt.words, strict=True):
        if id(w) not in wanted:
            continue
        if runs and i - runs[-1][-1][0] <= 2:  # "health ministry", "ministry of health"
            runs[-1].append((i, w))
        else:
            runs.append([(i, w)])
    out: set[str] = set()
    for run in runs:
        folded = {w.folded for _, w in run}
        if len(run) >= 2 and any(folded <= k for k in keys):
            out |= folded
    return out


_NOT_SUPERLATIVES = frozenset(
    """interest request protest forest west honest modest suggest invest arrest harvest
    contest test rest guest nest chest quest pest digest manifest conquest unrest
    earnest priest""".split()  # noqa: SIM905
)
_QUANTIFIER_NEGATIONS = frozenset(("no", "never", "nobody", "none", "nothing", "no one"))


def _no_more_than(stmt: Statement, entry: Entry, index: Index) -> bool:
    """ "No mayor has been given a harsher sentence" against "the heaviest sentence handed to a
    mayor"; "no package this generous" against "the most generous package": a negated
    comparison says what a superlative says, so the negation flips nothing."""
    if not _QUANTIFIER_NEGATIONS.intersection(stmt.reading.negations):
        return False
    words = entry.words
    superlative = "most" in words or any(
        w.endswith("est") and len(w) >= 6 and w not in _NOT_SUPERLATIVES for w in words
    )
    if not superlative:
        return False
    tokens = [t.folded for t in stmt.reading.tokens]
    english = english_words()
    for i, w in enumerate(tokens):
        if w in ("more", "less", "fewer", "better", "worse", "bigger", "greater", "higher"):
            return True
        if w.endswith("er") and len(w) >= 6 and (w[:-2] in english or w[:-3] in english):
            return True  # "harsher", "larger"
        if w in ("this", "that", "so", "as") and i + 1 < len(tokens) and tokens[i + 1] in words:
            return True  # "this generous" against "most generous"
    return False


def _first_since(stmt: Statement, entry: Entry) -> bool:
    """ "Sweden had not won its opening match since 1958" against "Sweden's first victory in
    an opening match since 1958": "the first since" says "not since", so the negation flips
    nothing."""
    if not stmt.reading.negations or "since" not in stmt.norm.lower():
        return False
    seq = entry.seq
    return (
        any(x == "first" and "since" in seq[k + 1 : k + 10] for k, x in enumerate(seq))
        and not entry.negated
    )


# a word after one of these is a noun ("Sweden's win", "the plan"), whatever it mostly is
_DETERMINERS = frozenset(
    "a an the its his her their our your my this that these those every each no any".split()  # noqa: SIM905
)
_ATTRIBUTION = frozenset(("cite", "citing", "cited", "quote", "quoting", "quoted"))


def _acts(stmt: Statement, unmatched: list[Word], wordnet: Thesaurus) -> list[str]:
    """The statement's verbs the claim does not say: words used mostly as verbs, unless they
    stand as nouns after a determiner or possessive, say who reports it ("said", "citing"),
    or only lead to another verb ("plans to deploy", "wants to cut")."""
    if not unmatched:
        return []
    tokens = stmt.reading.tokens
    at = {id(w): i for i, w in zip(stmt.reading.content, stmt.words, strict=True)}
    out = []
    for w in unmatched:
        if w.folded in SOURCE_VERBS or w.lemma in SOURCE_VERBS or w.folded in _ATTRIBUTION:
            continue
        if not wordnet.is_verb(w.lemma, w.folded, w.lemma + "e"):
            continue
        i = at.get(id(w))
        if i is not None:
            before = tokens[i - 1] if i else None
            if before is not None and (
                before.folded in _DETERMINERS or before.text.endswith(("'s", "'"))
            ):
                continue
            if i + 1 < len(tokens) and tokens[i + 1].folded == "to":
                continue
        out.append(w.folded)
    return out


# words that claim all of something, or nothing but it
_SWEEPING = frozenset(
    "only solely sole alone entire entirely whole all every always exclusively".split()  # noqa: SIM905
)
_FIRST_WORDS = frozenset(("first", "first-ever", "never", "each"))
_FIRST_TIME = re.compile(
    r"\bfor the first time\b|\bfirst[- ]ever\b|\bnever before\b|\beach time\b", re.I
)


def _sweeping(stmt: Statement, entry: Entry) -> str:
    """The word of a statement that claims all, or nothing but one thing ("only", "entire",
    "for the first time"), when the claim says nothing of the kind; "" otherwise."""
    own = _traits(stmt)
    if own.sweeping and _SWEEPING.isdisjoint(entry.seq):
        return own.sweeping
    if own.first_time and not _FIRST_TIME.search(entry.claim.text):
        return own.first_time
    return ""


class _Traits(NamedTuple):
    """What assess() asks of a statement whatever the claim, worked out once a statement."""

    sweeping: str  # its word that claims all, or none but one ("only")
    first_time: str  # "for the first time", ...
    more: str  # its "more" or "additional" (not "more than")
    fewer: str  # its "fewer" or "less" (not "fewer than")
    lead: Mention | None  # the party it opens on


_traits_of: list[tuple[Statement, _Traits]] = []


def _traits(stmt: Statement) -> _Traits:
    # assess() meets each statement once for each candidate claim, one after another
    if _traits_of and _traits_of[0][0] is stmt:
        return _traits_of[0][1]
    folded = [t.folded for t in stmt.reading.tokens]
    present = set(folded)
    first = _FIRST_TIME.search(stmt.norm) if not _FIRST_WORDS.isdisjoint(present) else None
    more, fewer = _compared(folded) if not _COMPARED.isdisjoint(present) else ("", "")
    got = _Traits(
        next((w for w in folded if w in _SWEEPING), "")
        if not _SWEEPING.isdisjoint(present)
        else "",
        first.group(0).lower() if first else "",
        more,
        fewer,
        # (not an owner: "Tunisia's equaliser came from ...")
        lead_party([m for m in stmt.reading.mentions if not is_owner(stmt, m)], stmt.seq)
        if stmt.reading.mentions
        else None,
    )
    _traits_of[:] = [(stmt, got)]
    return got


_PERFECT = frozenset(("has", "have", "had"))


def _done_before_time(
    stmt: Statement, entry: Entry, index: Index, matched_at: dict[int, str], wordnet: Thesaurus
) -> tuple[str, str] | None:
    """A verb the statement puts in the past or the perfect ("deployed", "has sent") where the
    claim has the same verb still to come ("to deploy", "will send"): (the statement's words,
    the claim's). None when there is none."""
    to_come = index.facts(entry).to_come
    if not to_come:
        return None
    tokens = stmt.reading.tokens
    for i, w in zip(stmt.reading.content, stmt.words, strict=True):
        theirs = matched_at.get(id(w))
        if theirs not in to_come or w.folded == w.lemma or w.folded.endswith(("ing", "s")):
            continue
        before = tokens[i - 1].folded if i else ""
        if before in TO_COME or before in ("be", "being"):
            continue
        if not w.folded.endswith("ed") and not wordnet.is_verb(w.lemma, w.folded, w.lemma + "e"):
            continue  # ("decreased" is a verb, whatever "decrease" mostly is)
        ours = f"{before} {w.folded}" if before in _PERFECT else w.folded
        return ours, f"{to_come[theirs]} {theirs}"
    return None


_MORE = frozenset(("more", "additional", "extra", "further"))
_FEWER = frozenset(("fewer", "less"))
_COMPARED = _MORE | _FEWER


def _compared(words: list[str] | tuple[str, ...]) -> tuple[str, str]:
    """The first "more"-like and "fewer"-like words that are no bound ("more than")."""
    more = next(
        (w for k, w in enumerate(words) if w in _MORE and words[k + 1 : k + 2] not in _THAN), ""
    )
    fewer = next(
        (w for k, w in enumerate(words) if w in _FEWER and words[k + 1 : k + 2] not in _THAN), ""
    )
    return more, fewer


_THAN = (["than"], ("than",))


def _fewer_for_more(stmt: Statement, entry: Entry) -> tuple[str, str] | None:
    """ "fewer officers" against "additional officers", either way round: a comparison, not a
    bound on a figure ("fewer than 500", "more than half")."""
    own = _traits(stmt)
    if not own.more and not own.fewer:
        return None
    if _COMPARED.isdisjoint(entry.seq):
        return None
    theirs_more, theirs_fewer = _compared(entry.seq)
    if own.fewer and theirs_more and not theirs_fewer and not own.more:
        return own.fewer, theirs_more
    if own.more and theirs_fewer and not theirs_more and not own.fewer:
        return own.more, theirs_fewer
    return None


def _telling(x: str, lex: Lexicon) -> bool:
    return x.startswith("@") or (x.isalpha() and x not in lex.stopwords)


def _distance(lemmas: tuple[str, ...], word: str, anchors: list[int]) -> float:
    spots = [i for i, x in enumerate(lemmas) if x == word or stem(x) == word]
    if not spots:
        return float("inf")
    return min(sum(abs(p - a) for a in anchors) / len(anchors) for p in spots)


def _phrase_cover(stmt: Statement, entry: Entry, index: Index, unmatched: list[Word]) -> list[Word]:
    """The unmatched statement words a multi-word synonym of the claim's accounts for."""
    claim_groups = index.facts(entry).phrase_groups
    wanted = {id(w) for w in unmatched}
    covered: dict[int, Word] = {}
    for g, positions in stmt.phrase_groups.items():
        if g in claim_groups:
            for p in positions:
                w = stmt.words[p]
                if id(w) in wanted:
                    covered[p] = w
    return [covered[p] for p in sorted(covered)]


def _substitutions(
    stmt: Statement, entry: Entry, index: Index, matched_at: dict[int, str], unmatched: list[Word]
) -> list[tuple[Word, str]]:
    """Statement words standing where the claim has another word, left unsaid.

    Any unmatched word between two shared words that sit one word apart in the claim stands
    for the word between them ("the provincial government" against "the federal government").
    A word the article uses nowhere, in no synonym either, needs only one shared neighbour:
    right after a shared word that the claim follows with a word left unsaid, or right before
    one that the claim precedes with one ("a Sydney beach that was known" against "a Sydney
    clifftop that was known", whatever the order of the rest)."""
    if not unmatched or not matched_at or len(stmt.words) < SUBSTITUTION_MIN_WORDS:
        return []
    facts = index.facts(entry)
    stems, position = facts.stems, facts.position
    said = {position[c] for c in matched_at.values() if c in position}
    words = list(stmt.words)
    wanted = {id(w) for w in unmatched}
    synonyms = index.lex.synonyms

    def at(x: Word) -> int | None:
        return position.get(matched_at[id(x)]) if id(x) in matched_at else None

    out = []
    for k, w in enumerate(words):
        if id(w) not in wanted or stem(w.folded) in stems or stem(w.lemma) in stems:
            continue
        left = next((p for x in reversed(words[:k]) if (p := at(x)) is not None), None)
        right = next((p for x in words[k + 1 :] if (p := at(x)) is not None), None)
        last = len(entry.lemmas) - 1
        if left is not None and right is not None and right - left == 2:
            gap = [entry.lemmas[p] for p in range(left + 1, right) if p not in said]
        elif left is not None and right is None and k == len(words) - 1 and left == last - 1:
            # the last word of both ("wheat, rice, maize and cotton" against "..., maize and
            # soybean"): the ends stand for the neighbour on the right
            gap = [entry.lemmas[last]] if last not in said else []
        elif right is not None and left is None and k == 0 and right == 1:
            gap = [entry.lemmas[0]] if 0 not in said else []
        elif _unheard(w, index, synonyms):
            before = at(words[k - 1]) if k else None
            after = at(words[k + 1]) if k + 1 < len(words) else None
            gap = [
                entry.lemmas[p]
                for p in (
                    before + 1 if before is not None else -1,
                    after - 1 if after is not None else -1,
                )
                if 0 <= p < len(entry.lemmas) and p not in said
            ]
        else:
            continue
        if gap:
            out.append((w, gap[0]))
    return out


def _comparing(w: Word) -> bool:
    """A word of comparison ("more", "harsher", "biggest"), which the direction checks judge:
    "more", "less" and their kin, or a comparative or superlative the lemmatiser reads as its
    adjective."""
    f = w.folded
    if f in _MORE or f in _FEWER or f in ("most", "least", "fewest"):
        return True
    # "harsher", "bigger", "largest": an adjective's ending on a word the thesaurus does not
    # list itself (as it lists "farmer", "player")
    if not f.endswith(("er", "est")) or thesaurus().lookup(f) != (frozenset(), frozenset()):
        return False
    english = english_words()
    cut = 2 if f.endswith("er") else 3
    stem_ = f[:-cut]
    return stem_ in english or stem_[:-1] in english or stem_ + "e" in english


def _unheard(w: Word, index: Index, synonyms: dict[str, frozenset[int]]) -> bool:
    """A word no claim of the article uses, in any form or synonym group."""
    return (
        index.df(w.lemma) == 0
        and index.df(w.folded) == 0
        and index.df(f"@{w.folded}") == 0
        and not any(index.df(f"~{g}") for g in synonyms.get(w.lemma, ()))
    )


def _value(q: Quantity) -> str:
    return format_number(q.value)
