"""The WordNet thesaurus: looked up by bisection in a sorted table, never loaded whole."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from checkclaim.lexicon import Thesaurus, thesaurus

_WORDS = st.text(alphabet="abcdefghij-", min_size=1, max_size=8)


def _table(entries: dict[str, tuple[str, str]]) -> bytes:
    return "".join(f"{w}\t{s}\t{o}\n" for w, (s, o) in sorted(entries.items())).encode()


@given(st.dictionaries(_WORDS, st.tuples(_WORDS, _WORDS), max_size=40), st.lists(_WORDS))
def test_every_word_of_the_table_is_found_and_no_other(
    entries: dict[str, tuple[str, str]], others: list[str]
) -> None:
    t = Thesaurus(_table(entries))
    for word, (syn, opp) in entries.items():
        assert t.lookup(word) == (frozenset(syn.split()), frozenset(opp.split()))
    for word in others:
        if word not in entries:
            assert t.lookup(word) == (frozenset(), frozenset())


def test_the_first_form_the_table_knows_answers() -> None:
    t = Thesaurus(_table({"recognize": ("realize", ""), "rise": ("", "fall")}))
    assert t.lookup("recognized", "recogniz", "recognize") == (frozenset({"realize"}), frozenset())
    assert t.lookup("rises", "rise") == (frozenset(), frozenset({"fall"}))


def test_the_shipped_table() -> None:
    wordnet = thesaurus()
    assert "result" in wordnet.lookup("upshot")[0]
    assert "sink" in wordnet.lookup("float")[1]
    assert "float" in wordnet.lookup("sank")[1]  # an irregular form reads as its base word
    # a synset shared only in a rarer sense ("kill a bill") makes no synonyms
    assert "defeat" not in wordnet.lookup("kill")[0]
    # figures are compared as figures, never as synonyms
    assert "billion" not in wordnet.lookup("million")[0]
    # words used mostly as verbs, and the past of a verb whatever else it is
    assert wordnet.is_verb("withdraw") and wordnet.is_verb("paid")
    assert not wordnet.is_verb("officer")
    # an irregular form with nothing of its own defers to its base ("kept" / "keep")
    assert "lose" in wordnet.lookup("kept", "keep")[1]


def test_the_form_table_reads_degrees_of_comparison_as_their_word() -> None:
    """simplemma reads "younger" by rule, so its dictionary's forms lack it; the table adds
    the comparatives and superlatives simplemma itself takes back to the word."""
    from checkclaim.lexicon import form_table

    table = form_table(["young", "heavy", "large", "form"])
    assert (table["younger"], table["heaviest"], table["larger"]) == ("young", "heavy", "large")
    assert "former" not in table  # not the comparative of "form"
