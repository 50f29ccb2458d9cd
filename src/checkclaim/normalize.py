"""Unicode and spelling normalisation, and tokens: what every stage reads text through.

Normalisation keeps the text's meaning and makes variants alike: NFKC, curly quotes,
Unicode spaces and dashes, the Unicode minus, digit groups split by any space ("2 500" and
"2,500" read alike), and a currency sign set apart from its figure ("$ 95" and "$95").
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

_TRANSLATE = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": " - ",
        "\u2015": " - ",
        "\u2212": "-",  # the minus sign
        "\u02d7": "-",
        "\u2043": "-",
        "\u2e17": "-",
        "\u2e3a": " - ",  # two- and three-em dashes
        "\u2e3b": " - ",
        "\u00b4": "'",  # an acute accent typed as an apostrophe (NFKC would split it in two)
        "\u02bc": "'",  # the modifier-letter apostrophe, which regexes take for a letter
        "\u2039": "'",
        "\u203a": "'",
        "\u00ad": "",  # soft hyphen, and the invisible joiners and marks below
        "\u180e": "",
        "\u200b": "",
        "\u200c": "",
        "\u200d": "",
        "\u200e": "",
        "\u200f": "",
        "\u2060": "",
        "\ufeff": "",
    }
)
_SPACES = re.compile(r"[^\S\n]+")
# A lone surrogate (a non-UTF-8 byte of a command-line argument, a JSON "\\ud800").
_SURROGATES = re.compile("[\ud800-\udfff]")
# "2 500", "1 200 000": a group of 1-3 digits followed by groups of exactly three.
_DIGIT_GROUPS = re.compile(r"(?<![\d.,])\d{1,3}(?: \d{3})+(?![\d.,]?\d)")
# "$ 95 million", "€ 3bn": a currency sign set apart from its figure (tokenised or OCR text)
_SPACED_CURRENCY = re.compile(r"([$€£¥₹]) (?=\d)")


def normalize(text: str) -> str:
    """The text with Unicode variants made alike; one space between words.

    A lone surrogate becomes U+FFFD. The table is applied before NFKC (which would split an
    acute accent used as an apostrophe into a space and a combining mark) and after it (NFKC
    turns compatibility forms such as U+FE58, a small em dash, into characters the table
    maps). Every Unicode space (no-break, thin, narrow no-break, figure, ideographic ...)
    becomes a plain one.
    """
    text = _SURROGATES.sub("\ufffd", text)  # half a pair is no text; later stages encode it
    text = unicodedata.normalize("NFKC", text.translate(_TRANSLATE)).translate(_TRANSLATE)
    text = _SPACES.sub(" ", text)
    text = _DIGIT_GROUPS.sub(lambda m: m.group(0).replace(" ", ","), text)
    if "$ " in text or "€ " in text or "£ " in text or "¥ " in text or "₹ " in text:
        text = _SPACED_CURRENCY.sub(r"\1", text)
    return text.strip()


# A token: a word (with inner apostrophes, hyphens and dots of abbreviations) or a number.
TOKEN = re.compile(
    r"(?:[A-Za-z]\.){2,}"  # U.N., U.S.A.
    r"|\d+(?:[.,]\d+)*(?:st|nd|rd|th|s)?"
    r"|[^\W\d_]+(?:['\-][^\W\d_]+)*",
    re.UNICODE,
)


def words(text: str) -> list[str]:
    """The tokens of a text, in order, as written."""
    return TOKEN.findall(text)


@cache
def fold(word: str) -> str:
    """A word's lookup form: lower case, no dots, no possessive, no accents."""
    w = word.lower().replace(".", "")
    if w.endswith("'s"):
        w = w[:-2]
    elif w.endswith("'"):
        w = w[:-1]
    if not w.isascii():
        w = "".join(c for c in unicodedata.normalize("NFKD", w) if not unicodedata.combining(c))
    return w


_SUFFIX_RULES = (
    ("ies", "y"),
    ("ied", "y"),
    ("sses", "ss"),
    ("ches", "ch"),
    ("shes", "sh"),
    ("xes", "x"),
    ("ing", ""),
    ("ed", ""),
    ("es", "e"),
    ("s", ""),
)


@cache
def stem(word: str) -> str:
    """A crude lemma for a word that no dictionary knows: enough to line up inflections."""
    if len(word) <= 4 or not word.isalpha():
        return word
    for suffix, repl in _SUFFIX_RULES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            if suffix == "s" and word.endswith(("ss", "us", "is")):
                return word
            base = word[: -len(suffix)] + repl
            if suffix in ("ing", "ed") and base[-1] == base[-2] and base[-1] not in "lsz":
                base = base[:-1]  # cutting -> cut, stopped -> stop
            return base
    return word
