"""Text -> sentences with character spans into the untouched original (pySBD-style tables)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checkclaim.sentences import line_col, paragraphs, split


def texts(text: str) -> list[str]:
    return [s.text for s in split(text)]


SPLITS = [
    # abbreviations that end no sentence
    (
        "Mr. Ruto met the U.N. envoy in New York. He spoke briefly.",
        ["Mr. Ruto met the U.N. envoy in New York.", "He spoke briefly."],
    ),
    (
        "He spoke at No. 3 Downing Street on Friday. It was brief.",
        ["He spoke at No. 3 Downing Street on Friday.", "It was brief."],
    ),
    (
        "He met Dr. Smith and Mrs. Jones at 5 p.m. on Friday. They talked.",
        ["He met Dr. Smith and Mrs. Jones at 5 p.m. on Friday.", "They talked."],
    ),
    (
        "The U.S. and the U.K. agreed. Talks went on.",
        ["The U.S. and the U.K. agreed.", "Talks went on."],
    ),
    (
        "Prices rose 2.5% in Jan. 2024, the report said. Next.",
        ["Prices rose 2.5% in Jan. 2024, the report said.", "Next."],
    ),
    # quotations and other end marks
    ('He said "It is done." Then he left.', ['He said "It is done."', "Then he left."]),
    ("Is it true? Yes! It is.", ["Is it true?", "Yes!", "It is."]),
    # paragraphs: a blank line always ends a sentence, even without a full stop
    (
        "A headline without a stop\n\nFirst paragraph. Second sentence.\n\n\nThird paragraph.",
        ["A headline without a stop", "First paragraph.", "Second sentence.", "Third paragraph."],
    ),
    # one sentence a line, as the shipped article is written
    (
        "Kenya sends officers.\nHaiti waits.\r\nThe UN agrees.",
        ["Kenya sends officers.", "Haiti waits.", "The UN agrees."],
    ),
    # surrounding whitespace is not part of a sentence
    ("   Leading spaces. And trailing.   \n", ["Leading spaces.", "And trailing."]),
    ("A headline\r\n\r\nFirst paragraph. Second.", ["A headline", "First paragraph.", "Second."]),
    ("", []),
    ("  \n\n \n", []),
    # a hard-wrapped paragraph: a line break inside a sentence does not end it
    (
        "Kenya will deploy 2,500 police\nofficers to Haiti by January. Ruto said so.",
        ["Kenya will deploy 2,500 police\nofficers to Haiti by January.", "Ruto said so."],
    ),
    (
        "Ruto spoke at the\nUN on Thursday.\n\nHe left.",
        ["Ruto spoke at the\nUN on Thursday.", "He left."],
    ),
    # scraped text: a full stop with no space after it, after a word or a figure
    (
        "Stocks fell for longer.MSCI's index slid. Yields rose since Jan. 18.Japan's index fell.",
        [
            "Stocks fell for longer.",
            "MSCI's index slid.",
            "Yields rose since Jan. 18.",
            "Japan's index fell.",
        ],
    ),
    ("Prices rose 2.5% in May.", ["Prices rose 2.5% in May."]),
]


@pytest.mark.parametrize(("text", "expected"), SPLITS)
def test_split(text: str, expected: list[str]) -> None:
    assert texts(text) == expected


SPAN_TEXTS = [
    "Mr. Ruto met the U.N. envoy. He spoke at No. 3 Downing Street.",
    "  “Our assistance,” he stated.\n\nDuring his address,   Ruto spoke.  ",
    "Ünïcödé names: José Müller met 李 at the café. Then he left.",
    "Line one.\r\nLine two.\r\n\r\nLine three.",
]


@pytest.mark.parametrize("text", SPAN_TEXTS)
def test_spans_point_into_the_original(text: str) -> None:
    found = split(text)
    assert found, "no sentences"
    for n, s in enumerate(found):
        assert s.index == n
        assert text[s.start : s.end] == s.text
    starts = [s.start for s in found]
    assert starts == sorted(starts)


def test_spans_of_the_shipped_article() -> None:
    from pathlib import Path

    text = (Path(__file__).parent.parent / "claims" / "ruto-unga79.txt").read_text(encoding="utf-8")
    found = split(text)
    # the article is written one sentence a line
    assert [s.text for s in found] == [line for line in text.splitlines() if line.strip()]
    assert all(text[s.start : s.end] == s.text for s in found)


PARAGRAPHS = [
    # text, the paragraphs (stripped)
    ("One.\n\nTwo.", ["One.", "Two."]),
    ("One.\nStill one.\n\n\nTwo.", ["One.\nStill one.", "Two."]),
    ("\n\nOne.\n  \nTwo.\n", ["One.", "Two."]),  # a line of spaces is blank
    ("One.\r\n\r\nTwo.", ["One.", "Two."]),
]


@pytest.mark.parametrize(("text", "expected"), PARAGRAPHS)
def test_paragraphs(text: str, expected: list[str]) -> None:
    assert [text[s:e].strip() for s, e in paragraphs(text)] == expected


LINE_COL = [
    # text, offset, (line, column), both 1-based, columns in characters
    ("Kenya sends officers.", 0, (1, 1)),
    ("Kenya sends officers.", 6, (1, 7)),
    ("One.\nTwo.", 5, (2, 1)),
    ("One.\nTwo.", 7, (2, 3)),
    ("é.\n\nÜber.", 4, (3, 1)),
]


@pytest.mark.parametrize(("text", "offset", "where"), LINE_COL)
def test_line_col(text: str, offset: int, where: tuple[int, int]) -> None:
    assert line_col(text, offset) == where


def test_long_paragraph_is_cut_without_losing_text() -> None:
    sentence = "Kenya sends 2,500 officers to Haiti. "
    text = sentence * 400  # a 14,800-character paragraph, past the splitter's block size
    found = split(text)
    assert len(found) == 400
    assert all(text[s.start : s.end] == s.text == sentence.strip() for s in found)


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab .!?\n\"'U.N.Mr 3"), max_size=120))
def test_any_text_gives_ordered_spans_into_the_original(text: str) -> None:
    end = 0
    for s in split(text):
        assert text[s.start : s.end] == s.text
        assert s.text == s.text.strip() and s.text
        assert s.start >= end
        end = s.end
