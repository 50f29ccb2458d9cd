"""Properties over arbitrary text, for every stage a user's input goes through: no exception
escapes (but the documented ones), the same input gives the same output, and the invariants
of each stage's answer hold.

Example counts are modest so the suite stays quick; benchmarks/fuzz_parsers.py runs the same
stages for as long as you like.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from checkclaim import inputs, pipeline, sentences, textio
from checkclaim.claimfile import dumps, loads
from checkclaim.errors import ClaimFileError, InputError
from checkclaim.features import read
from checkclaim.models import VERDICTS
from checkclaim.normalize import normalize
from checkclaim.quantities import extract

# Pieces a newsroom file is made of, and the ones that have broken parsers before: figures
# with every separator, qualifiers, dates, names, quotes and dashes of every kind, Unicode
# spaces, markup, YAML and JSON punctuation.
FRAGMENTS = [
    "Kenya", "Haiti", "Ruto", "U.N.", "Mr.", "the", "police", "officers", " ", " ", "\n", "\n\n",
    "2,500", "2 500", "2\u202f500", "2\u00a0500", "2\u2009500", "1.5", "0.5", "578k", "$4",
    "\u20ac3",
    "40%", "million", "billion", "half", "a dozen", "twenty-five", "hundred", "over", "about",
    "nearly", "at least", "up to", "between", "and", "-", "\u2013", "\u2014", "\u2212", "to",
    "May", "March", "Thursday", "2024", "2024-09-26", "26 September", "January", "'", "\u2019",
    '"', "\u201c", "\u201d", "(", ")", "[", "]", "{", "}", ",", ".", "!", "?", ";", ":", "#",
    "*", "&", "!!", "not", "no", "never", "increase", "decrease", "\t", "\r", "\r\n", "\ufeff",
    "\u200b", "\u00ad", "\x00", "\x1b[31m", "\ud800", "\U0001f600", "\ufdfa", "\u0301",
]  # fmt: skip
NEWSY = st.lists(st.sampled_from(FRAGMENTS), max_size=40).map("".join)
TEXT = st.one_of(st.text(max_size=200), NEWSY)
UNICODE_SPACES = [chr(c) for c in range(0x110000) if unicodedata.category(chr(c)) == "Zs"]


@pytest.fixture(scope="module")
def loaded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[pipeline.Loaded]:
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("CHECKCLAIM_CACHE", str(tmp_path_factory.mktemp("cache")))
        mp.delenv("CHECKCLAIM_CLAIMS", raising=False)
        mp.delenv("CHECKCLAIM_LEXICON", raising=False)
        yield pipeline.load_index()


# --- normalize ----------------------------------------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_normalize_is_total_deterministic_and_idempotent(text: str) -> None:
    once = normalize(text)
    assert normalize(text) == once
    assert normalize(once) == once
    assert once == once.strip()
    assert not [c for c in once if c.isspace() and c not in " \n"]


@settings(max_examples=100, deadline=None)
@given(
    st.integers(min_value=1, max_value=999),
    st.lists(st.integers(min_value=0, max_value=999), min_size=1, max_size=4),
    st.sampled_from(UNICODE_SPACES),
)
def test_digits_grouped_by_any_unicode_space_read_as_with_a_comma(
    head: int, groups: list[int], space: str
) -> None:
    spaced = space.join([str(head), *(f"{g:03d}" for g in groups)])
    commas = ",".join([str(head), *(f"{g:03d}" for g in groups)])
    assert normalize(f"Kenya sends {spaced} officers.") == f"Kenya sends {commas} officers."


# --- sentences ----------------------------------------------------------------------------------


@settings(max_examples=150, deadline=None)
@given(TEXT)
def test_sentences_keep_exact_spans_in_order(text: str) -> None:
    got = sentences.split(text)
    assert got == sentences.split(text)
    end = 0
    for i, s in enumerate(got):
        assert s.index == i
        assert end <= s.start < s.end <= len(text)
        assert s.text == text[s.start : s.end]
        assert s.text == s.text.strip()
        end = s.end


# --- figures and dates --------------------------------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_quantities_are_total_deterministic_and_well_formed(text: str) -> None:
    norm = normalize(text)
    details = extract(norm)
    assert extract(norm) == details
    for q in details.quantities:
        iv = q.interval
        assert not (iv.low > iv.high), (q, text)
    for start, end in details.spans:
        assert 0 <= start <= end <= len(details.text)


# --- the reading the matcher compares -----------------------------------------------------------


@settings(max_examples=200, deadline=None)
@given(TEXT)
def test_reading_is_total_deterministic_and_points_into_the_text(
    loaded: pipeline.Loaded, text: str
) -> None:
    ix = loaded.index
    norm = normalize(text)
    reading = read(norm, ix.lex, ix.names, ix.lemma, ix.common)
    assert read(norm, ix.lex, ix.names, ix.lemma, ix.common) == reading
    n = len(reading.tokens)
    for t in reading.tokens:
        assert norm[t.start : t.end] == t.text
    for m in reading.mentions:
        assert 0 <= m.first < m.last <= n
    assert all(0 <= i < n for i in reading.content)


# --- check: the verdict's invariants ------------------------------------------------------------


@settings(
    max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(TEXT)
def test_check_is_total_deterministic_and_its_verdict_consistent(
    loaded: pipeline.Loaded, text: str
) -> None:
    if not text.strip():
        with pytest.raises(InputError):
            pipeline.check(text, loaded)
        return
    r = pipeline.check(text, loaded)
    assert pipeline.check(text, loaded) == r
    assert r.verdict in VERDICTS
    assert 0.0 <= r.score <= 100.0
    disagree = [x for x in r.reasons if x.status == "disagree"]
    if r.verdict == "contradicted":
        assert r.claim is not None
        assert disagree, r
    if r.verdict == "supported":
        assert r.claim is not None
        assert not disagree, r
    for c in r.clauses:
        assert c.verdict in VERDICTS


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(TEXT, max_size=6))
def test_a_batch_is_judged_like_its_statements_one_by_one(
    loaded: pipeline.Loaded, texts: list[str]
) -> None:
    texts = [t for t in texts if t.strip()]
    batch = list(pipeline.check_many(texts, loaded))
    assert [r.verdict for r in batch] == [pipeline.check(t, loaded).verdict for t in texts]


# --- claim sets: built, written, read back ------------------------------------------------------


@settings(max_examples=40, deadline=None)
@given(NEWSY)
def test_a_built_claim_set_reads_back_the_same(text: str) -> None:
    # an article comes from a file decoded strictly, so it never holds half a surrogate pair
    text = text.replace("\ud800", "")
    assume(text.strip())
    try:
        cs = pipeline.build(text, name="fuzz")
    except InputError:
        return  # nothing to build from: said so
    back = loads(dumps(cs), "fuzz.yaml")
    assert back.claims == cs.claims
    assert back.aliases == cs.aliases


YAMLISH = st.lists(
    st.sampled_from(
        [
            "schema: 1\n", "schema: 2\n", "article: {}\n", "article:\n", "  title: x\n",
            "claims:\n", "claims: []\n", "- {id: a, text: t, sentence: 0, span: [0, 1]}\n",
            "- id: a\n", "  text: t\n", "  sentence: 0\n", "  span: [0, 1]\n", "&a ", "*a",
            "!!python/name:os.system ",
            "!!binary ", "[", "]", "{", "}", ":", "- ", "  ", "\n", "'", '"', "#", "? ", "|", ">",
            "~", ".nan", "1:30", "0x1f", "2024-09-26", "\t", "\x07", "\ufeff", "\u2028",
        ]
    ),
    max_size=30,
).map("".join)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=300), YAMLISH))
def test_a_claim_file_loads_or_says_where_it_is_wrong(text: str) -> None:
    try:
        loads(text, "c.yaml")
    except ClaimFileError as e:
        message = str(e)
        assert message.startswith("c.yaml")
        assert "\n" not in message


# --- reading files ------------------------------------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=300), st.sampled_from([None, "latin-1", "utf-16", "cp1252"]))
def test_any_bytes_decode_or_say_why(data: bytes, encoding: str | None) -> None:
    try:
        text = textio.decode(data, "f.txt", encoding)
    except InputError as e:
        assert str(e).startswith("f.txt")
        assert "\n" not in str(e)
    else:
        assert not text.startswith("\ufeff")


@st.composite
def chunked(draw: st.DrawFn) -> tuple[bytes, list[bytes]]:
    data = draw(st.lists(st.sampled_from([b"a", b"bc", b"\r", b"\n", b"\r\n", b" "]), max_size=30))
    joined = b"".join(data)
    cuts = sorted(draw(st.sets(st.integers(min_value=1, max_value=max(1, len(joined) - 1)))))
    cuts = [c for c in cuts if c < len(joined)]
    pieces = [joined[a:b] for a, b in zip([0, *cuts], [*cuts, len(joined)], strict=True)]
    return joined, [p for p in pieces if p]


@settings(max_examples=300, deadline=None)
@given(chunked(), st.integers(min_value=1, max_value=8))
def test_lines_are_the_same_however_the_stream_is_cut(
    case: tuple[bytes, list[bytes]], limit: int
) -> None:
    data, chunks = case
    want = re.split(rb"\r\n|\r|\n", data)
    if want and want[-1] == b"":
        want.pop()
    got = list(inputs._split(chunks, inputs._EOL_BYTES, b"\r", limit))
    assert [line for line, _, _ in got] == [w[:limit] for w in want]
    assert [length for _, length, _ in got] == [len(w) for w in want]


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.binary(max_size=400), st.sampled_from(["b.txt", "b.jsonl", "b.csv"]))
def test_any_batch_file_gives_items_in_order_or_one_error(
    tmp_path: Path, data: bytes, name: str
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    try:
        items = list(inputs.read_items(str(path)))
    except InputError as e:
        assert str(e).startswith(str(path))
        return
    assert list(inputs.read_items(str(path))) == items
    lines = [int(i.where.rsplit(":", 1)[1]) for i in items]
    assert lines == sorted(lines)
    for i in items:
        assert i.error or i.statement
        assert "\n" not in i.error
        if not i.error:
            assert i.statement == i.statement.strip()
