"""Text -> sentences, each with its character span in the untouched original.

pySBD handles abbreviations ("Mr.", "U.N.", "No. 3") best of the splitters measured, but it
is superlinear in the length of its input, so it is fed one block (a paragraph) at a time.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from typing import Any

from checkclaim.models import Sentence

_ENDS = re.compile(r"[.!?\n]")
_BLOCK = re.compile(r"[^\n]+(?:\n(?![ \t\r]*\n)[^\n]+)*")
# pySBD is superlinear; a block longer than this is cut at a line or space first.
_MAX_BLOCK = 5000


@cache
def _segmenter() -> Any:
    import pysbd  # imported here: only building and reviewing need it

    # pySBD builds a regular expression per abbreviation it meets, more than the 512 that
    # Python's `re` keeps compiled: on a folder of articles most of its time went to compiling
    # them again. A larger cache (a few MB) makes building about twice as fast.
    if getattr(re, "_MAXCACHE", 0) < 4096:
        re._MAXCACHE = 4096  # type: ignore[attr-defined]

    return pysbd.Segmenter(language="en", clean=False, char_span=True)


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Spans of the blocks of text separated by blank lines."""
    return [(m.start(), m.end()) for m in _BLOCK.finditer(text)]


def _pieces(text: str, start: int, end: int) -> Iterable[tuple[int, int]]:
    """Cut an over-long block at line breaks, then spaces, so the splitter stays fast."""
    while end - start > _MAX_BLOCK:
        cut = text.rfind("\n", start, start + _MAX_BLOCK)
        if cut <= start:
            cut = text.rfind(". ", start, start + _MAX_BLOCK)
            cut = cut + 1 if cut > start else text.rfind(" ", start, start + _MAX_BLOCK)
        if cut <= start:
            cut = start + _MAX_BLOCK
        yield start, cut
        start = cut
    yield start, end


# A line break inside a sentence (a hard-wrapped paragraph): the line does not end a sentence
# and the next one goes on in lower case, or the line ends on a word or a comma.
# a line that ends on one of these goes on in the next line, whatever its first letter
_FUNCTION_WORDS = frozenset(
    ("the", "a", "an", "of", "to", "in", "at", "on", "for", "and", "or", "by", "with", "from")
)
_BREAK = re.compile(r"[ \t\r]*\n")
_LAST_WORD = re.compile(r"(\w+)\W*$")
_NEXT = re.compile(r"[ \t]*(\S)")


def _join_wrapped(chunk: str) -> str:
    """The chunk with the line breaks inside sentences (hard-wrapped paragraphs) made spaces,
    and carriage returns made spaces: the same length, so offsets hold. A break is inside a
    sentence when the line does not end one and the next goes on in lower case, or the line
    ends on a comma or on a word like "the"."""
    if "\n" not in chunk:
        return chunk.replace("\r", " ")
    out = list(chunk)
    for m in _BREAK.finditer(chunk):
        before = chunk[m.start() - 1] if m.start() else "\n"
        after = chunk[m.end() : m.end() + 1]
        nxt = _NEXT.match(chunk, m.end())
        rest = nxt.group(1) if nxt else ""
        if not after or before in "\n":
            continue
        ends = before in ".!?:\"'\u201d\u2019)]" or before.isspace()
        last = _LAST_WORD.search(chunk, max(0, m.start() - 12), m.start())
        join = (
            (not ends and (rest.islower() or rest.isdigit() or rest == "("))
            or before in ",;"
            or bool(last and last.group(1) in _FUNCTION_WORDS and last.end() == m.start())
        )
        if join:
            out[m.start() : m.end()] = " " * (m.end() - m.start())
    return "".join(out).replace("\r", " ")


# What pySBD is for: abbreviations ("Mr.", "No. 3", "Jan."), initials ("U.N.", "J. Smith"),
# ellipses, a full stop followed by a lower-case word, quotes and brackets after a full stop.
# A paragraph with none of these is cut at its full stops directly, which is much faster.
_TRICKY = re.compile(
    r"\b(?:[A-Za-z]\.){1,}|\b(?:Mr|Mrs|Ms|Dr|Prof|Sr|Jr|St|No|Nos|Gen|Col|Lt|Sgt|Capt|Rep|Sen|Gov"
    r"|Inc|Ltd|Co|Corp|vs|etc|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Mt|Ft|Ave|approx"
    r"|est|fig|vol|pp|cf|al)\.|\.\.|[.!?]\s+[a-z(\"'\u201c\u2018]|[.!?][\"'\u201d\u2019)\]]"
)
_PLAIN_END = re.compile(r"[.!?]+(?=\s+\S)")


def _plain_segments(chunk: str) -> list[tuple[int, int]]:
    out = []
    start = 0
    for m in _PLAIN_END.finditer(chunk):
        out.append((start, m.end()))
        start = m.end()
    out.append((start, len(chunk)))
    return [(s, e) for s, e in out if chunk[s:e].strip()]


def split(text: str, blocks: Iterable[tuple[int, int]] | None = None) -> list[Sentence]:
    """Split `text` into sentences; `blocks` are spans never joined across (paragraphs)."""
    spans: list[tuple[int, int]] = []
    for b_start, b_end in paragraphs(text) if blocks is None else blocks:
        for p_start, p_end in _pieces(text, b_start, b_end):
            chunk = _join_wrapped(text[p_start:p_end])
            if not chunk.strip():
                continue
            if not _ENDS.search(chunk):
                segments: list[tuple[int, int]] = [(0, len(chunk))]  # nothing to split on
            elif not _TRICKY.search(chunk):
                segments = _plain_segments(chunk)  # no abbreviation, initial or ellipsis
            else:
                # pySBD reads a straight apostrophe as a quote ("managers' index"): hide it
                segments = [
                    (seg.start, seg.end)
                    for seg in _segmenter().segment(chunk.replace("'", "\u2019"))
                ]
            for seg_start, seg_end in segments:
                s, e = p_start + seg_start, p_start + seg_end
                # trim the whitespace pySBD leaves on either side
                while s < e and text[s].isspace():
                    s += 1
                while e > s and text[e - 1].isspace():
                    e -= 1
                if e > s:
                    spans.append((s, e))
    spans = _merge_fragments(text, [piece for span in spans for piece in _unglue(text, span)])
    return [Sentence(i, text[s:e], s, e) for i, (s, e) in enumerate(spans)]


# "longer.MSCI's", "Jan. 18.Japan's", "yet."The": a full stop with no space after it, between a
# word, a figure or a closing quote and a capital
_GLUED = re.compile(
    r"(?:(?<=[a-z]{2}[.!?])|(?<=[a-z][.!?][\"\u201d])(?=[A-Z][A-Za-z'])|(?<=\d[.!?])(?=[A-Z][a-z]{2}))"
    r"(?=[A-Z][A-Za-z'])"
)


def _unglue(text: str, span: tuple[int, int]) -> list[tuple[int, int]]:
    s, e = span
    cuts = [m.start() for m in _GLUED.finditer(text, s, e)]
    out = []
    for c in cuts:
        if c - s >= 10:  # not "e.g.Foo"-like crumbs
            out.append((s, c))
            s = c
    out.append((s, e))
    return out


def _merge_fragments(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join a piece with no letters (a lone quote mark, a bullet) to the sentence before it."""
    out: list[tuple[int, int]] = []
    for s, e in spans:
        if out and not any(c.isalnum() for c in text[s:e]) and "\n" not in text[out[-1][1] : s]:
            out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out


def line_col(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column (in characters) of an offset."""
    line = text.count("\n", 0, offset) + 1
    col = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, col
