"""Who is who, in a statement and a claim: names compared, the party a sentence opens on,
the offices before names, who acts and who is acted on, and who a report is attributed to.

The verdict (`verdict.py`) asks these questions of each candidate claim; they read only a
statement's mentions and tokens and a claim's names and token sequence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache, lru_cache
from typing import NamedTuple, TypeVar

from rapidfuzz import fuzz

from checkclaim.features import _SAID_AFTER, SOURCE_VERBS, Mention
from checkclaim.index import Entry, Index, Name
from checkclaim.lexicon import Lexicon, thesaurus
from checkclaim.match import Statement

NAME_FUZZ = 88.0  # spelling slack for names the gazetteer does not know


@cache
def _initials(key: str) -> str:
    return "".join(w[0] for w in key.split() if w not in ("of", "for", "the", "and", "on"))


@cache
def key_words(key: str) -> frozenset[str]:
    """The words of a name's key, as a set."""
    return frozenset(key.split())


def named_near(key: str, names: frozenset[str]) -> bool:
    """Whether a name is among `names`, in full or in part ("South Korea" / "Korea")."""
    if key in names:
        return True
    words = key_words(key)
    return any(words < (other := key_words(k)) or other < words for k in names)


def name_matches(m: Mention, n: Name, index: Index) -> bool:
    """Whether a statement's name is a claim's: the same, its initials ("MIT"), one's words
    among the other's ("Ruto" / "William Ruto"), or a misspelling of it."""
    return m.key == n.key or _keys_match(m.key, m.kind, n.key, n.kind)


@lru_cache(maxsize=1 << 16)
def _keys_match(m_key: str, m_kind: str, n_key: str, n_kind: str) -> bool:
    m, n = _Named(m_key, m_kind), _Named(n_key, n_kind)
    # "MIT" / "Massachusetts Institute of Technology"
    for short, long in ((m.key, n.key), (n.key, m.key)):
        if " " not in short and 2 <= len(short) <= 6 and " " in long and _initials(long) == short:
            return True
    a, b = key_words(m.key), key_words(n.key)
    if (
        a
        and b
        and (a <= b or b <= a)
        and (abs(len(a) - len(b)) <= 2 or "person" in (m.kind, n.kind))
    ):
        # "Ruto" / "William Ruto"; "General Assembly" / "United Nations General Assembly"
        return not (m.kind == "place" and n.kind == "place" and a != b and len(a) == len(b))
    if m.kind == "place" and n.kind == "place":
        return False
    # a misspelt name: about as long, and the same first letter
    if len(m.key) < 5 or m.key[0] != n.key[0] or abs(len(m.key) - len(n.key)) > 3:
        return False
    return fuzz.ratio(m.key, n.key) >= NAME_FUZZ


class _Named(NamedTuple):
    key: str
    kind: str


# what may stand before the party a sentence opens on: titles and who they work for
# ("Regional Governor Alina Marek", "HFRS chief Tomas Reyl")
LEAD_WITHIN = 3

_LEAD_PRONOUNS = frozenset(("he", "she"))


def _lead_key(seq: tuple[str, ...]) -> str | None:
    """The first name among a sentence's first few tokens, as "@key", if it is its subject:
    nothing before it but title words and names ("HFRS chief Tomas Reyl said")."""
    for x in seq[: LEAD_WITHIN + 1]:
        if x.startswith("@"):
            return x
        if x in ("the", "a", "an"):
            continue
        if not x.isalpha() or x in ("in", "on", "at", "by", "after", "when", "as", "for"):
            return None
    return None


_Party = TypeVar("_Party", Name, Mention)


def lead_party(
    names: Sequence[_Party], seq: tuple[str, ...], context: Sequence[_Party] = ()
) -> _Party | None:
    """The person or organisation a sentence opens on, as its subject: named in its first few
    words ("HFRS chief Tomas Reyl": the person after the organisation), or the one "he" or
    "she" stands for."""
    if seq and seq[0] in _LEAD_PRONOUNS:
        return next((n for n in context if n.kind != "place"), None)
    key = _lead_key(seq)
    first = next((n for n in names if f"@{n.key}" == key), None)
    if first is not None and first.kind in ("org", "place"):
        # the organisation (or the country: "English defender Kyle Walker"), a title word at
        # most, then the person: not "... Office said Voric"
        person = _person_following(first.key, seq, names, 2)
        if person is not None:
            return person
    return first


def _person_following(
    key: str, seq: tuple[str, ...], names: Sequence[_Party], within: int
) -> _Party | None:
    """The person named within `within` tokens after the name `key`, with no verb between
    ("HFRS chief Tomas Reyl", "English defender Kyle Walker"); None otherwise."""
    try:
        after = seq.index(f"@{key}") + 1
    except ValueError:
        return None
    for x in seq[after : after + within]:
        if x.startswith("@"):
            found = next((n for n in names if f"@{n.key}" == x), None)
            return found if found is not None and found.kind in ("person", "name") else None
        if not x.isalpha() or x in SOURCE_VERBS or thesaurus().is_verb(x, x, x + "e"):
            return None
    return None


_ACCORDING_TO = re.compile(
    r"\baccording to (?:the |an? )?([^,.;:()\"\u201c\u201d]+)", re.IGNORECASE
)


def described_as(index: Index, entry: Entry, words: str, key: str) -> bool:
    """Whether the article calls the organisation `key` by `words` ("the union said", after a
    sentence naming the National Federation of Teachers): a sentence of the claim's article
    that says "the union" and names it, or follows one that does."""
    if " " in words:
        return False
    lemma = index.lemma(words)
    phrase = re.compile(rf"\b[Tt]he {re.escape(words)}\b")
    for i in index.postings.get(lemma, ()):
        other = index.entries[i]
        if (
            other.source == entry.source
            and (key in other.before or any(n.key == key for n in other.names))
            and phrase.search(other.claim.text)
        ):
            return True
    return False


def seq_at(seq: tuple[str, ...], key: str) -> int:
    """Where a name first stands in a sentence's tokens (-99 when it does not)."""
    try:
        return seq.index(f"@{key}")
    except ValueError:
        return -99


@cache
def according_to(text: str) -> str:
    """Who a sentence attributes its report to in ordinary words ("according to the finance
    ministry", "..., the union said."), up to six words; "" when it does not."""
    found = _ACCORDING_TO.search(text) or _SAID_AFTER.search(text)
    return " ".join(found.group(1).split()[:6]) if found else ""


def person_after(n: Name, seq: tuple[str, ...], names: list[Name]) -> bool:
    """Whether a person's name follows a name within two words, none of them a verb ("English
    defender Kyle Walker")."""
    return _person_following(n.key, seq, names, 3) is not None


def is_owner(stmt: Statement, m: Mention) -> bool:
    """Whether a statement gives a name as an owner ("Tunisia's equaliser")."""
    return stmt.reading.tokens[m.last - 1].text.endswith(("'s", "'", "\u2019s"))


def kinds_clash(a: str, b: str, role: str) -> bool:
    """Two names of the same kind, so that one in place of the other is a swap. A name of
    unknown kind stands in for a person or an organisation only in a marked role ("in",
    "according to")."""
    if a == b:
        return True
    return bool(role) and "name" in (a, b) and "place" not in (a, b)


def roles_clash(a: str, b: str) -> bool:
    if a == b:
        return True
    locs = {"loc", "dest"}
    return a in locs and b in locs


# words that make two parties act together or on each other alike ("Kestrel and Marrowby
# agreed", "talks with", "a match between")
TOGETHER = frozenset(("and", "with", "between", "against", "or", "nor", "&"))


def agent_swapped(
    stmt: Statement, entry: Entry, same: list[tuple[Mention, Name]], lex: Lexicon
) -> tuple[str, str] | None:
    """Two names the statement and the claim share, in plain slots, with the same act between
    them (a word both put there), where the one who acts in the claim is acted on in the
    statement: by word order, and "by" between them for the passive. None otherwise."""
    plain = [
        (m, n)
        for m, n in same
        if m.role in ("", "agent") and n.role in ("", "agent") and m.kind != "place"
    ]
    if len(plain) < 2:
        return None
    plain.sort(key=lambda p: p[0].first)
    (m1, n1), (m2, n2) = plain[0], plain[1]
    if n1.key == n2.key:
        return None
    try:
        i1, i2 = stmt.seq.index(f"@{m1.key}"), stmt.seq.index(f"@{m2.key}")
        j1, j2 = entry.seq.index(f"@{n1.key}"), entry.seq.index(f"@{n2.key}")
    except ValueError:
        return None
    if i1 >= i2:
        return None
    ours = stmt.seq[i1 + 1 : i2]
    theirs = entry.seq[min(j1, j2) + 1 : max(j1, j2)]
    if not ours or not theirs or TOGETHER & set(ours) or TOGETHER & set(theirs):
        return None
    acts = {x for x in ours if x.isalpha() and x not in lex.stopwords} & set(theirs)
    if not acts:
        return None  # no act the two put between the parties
    # who acts: the first named, unless a passive stands between them ("was bought by"; not
    # "saved an attempt by Murillo")
    agent_ours = n2 if _passive(ours) else n1
    first = n1 if j1 < j2 else n2
    second = n2 if first is n1 else n1
    agent_theirs = second if _passive(theirs) else first
    if agent_ours.key == agent_theirs.key:
        return None
    return m1.text, m2.text


def _passive(seq: tuple[str, ...]) -> bool:
    """Whether the tokens hold a passive: a form of "be", a word or two, and "by"."""
    return any(x == "by" and "be" in seq[max(0, k - 3) : k] for k, x in enumerate(seq))


def office_of(seq: tuple[str, ...], key: str, lex: Lexicon) -> tuple[str, str]:
    """The office before a name: the title right before it and the word before that, if any
    ("finance", "minister" of "Finance Minister Irena Valcho"; "", "president" of "President
    William Ruto"); ("", "") when there is no title."""
    try:
        at = seq.index(f"@{key}")
    except ValueError:
        return "", ""
    if at < 1 or seq[at - 1] not in lex.titles:
        return "", ""
    modifier = seq[at - 2] if at >= 2 else ""
    if not modifier.isalpha() or modifier in lex.stopwords or modifier.startswith("@"):
        modifier = ""
    return modifier, seq[at - 1]


# words that make another office of a title: a vice president is not the president
_RANKS = frozenset(("vice", "deputy", "assistant", "acting", "interim", "former", "ex"))


def offices_differ(ours: tuple[str, str], theirs: tuple[str, str]) -> bool:
    if not ours[1] or ours[1] != theirs[1] or ours[0] == theirs[0]:
        return False
    if ours[0] and theirs[0]:
        return True  # "education minister" / "finance minister"
    return (ours[0] or theirs[0]) in _RANKS  # "vice president" / "president"


# the slots whose exchange with the subject's turns an event round: where to, where, from
SWAPPABLE = frozenset(("dest", "loc", "from"))


def acts_instead(m: Mention, lead: Name, stmt: Statement, index: Index) -> bool:
    """Whether the statement, opening on `m`, gives the act of the claim's `lead` to `m`: it
    does not name the lead, or names it in another slot ("the KNSA supplied the OOA with the
    camera" against "the OOA supplied the camera"), not alongside ("the KNSA and the OOA")
    and not as who is quoted ("Reyl said Marek announced ...")."""
    others = [o for o in stmt.reading.mentions if name_matches(o, lead, index)]
    if not others:
        return True
    if m.role == "source":
        return False
    tokens = stmt.reading.tokens
    return all(
        not {t.folded for t in tokens[m.last : o.first]} & TOGETHER and o.first > m.last
        for o in others
    )


def as_actor(role: str) -> str:
    """A role, with who speaks counted as who acts ("Haiti has announced plans to send")."""
    return "" if role == "source" else role
