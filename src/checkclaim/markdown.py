"""Markdown draft -> the prose in it, every character still at its place in the original.

`mask` turns what is not prose to check (front matter, code, markup, link targets, HTML)
into spaces, so the sentence splitter reads only text while its offsets stay offsets into
the original file, and a finding can say `line:col`. `blocks` gives the spans a sentence
must not run across. This is not a renderer: one line-by-line block pass and one
left-to-right inline pass, following CommonMark and GFM where drafts need it.

No regex here has a quantified group whose iterations could split the same text two ways,
every search moves forward, and runs of one character are taken whole: a hostile megabyte
of `*`, `[` or backticks is read in linear time.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from pathlib import PurePath

MARKDOWN_SUFFIXES = frozenset({".md", ".markdown", ".mdx", ".mkd", ".mkdn", ".mdown"})

_ASCII_PUNCT = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
# an anchored match (a tag, a link target) never reads further than this from its start
_LIMIT = 32_768

# --- block level -----------------------------------------------------------------------
_FRONT_OPEN = re.compile(r"(---|\+\+\+)[ \t]*\r?\n")
_FRONT_CLOSE = {
    "---": re.compile(r"^(?:---|\.\.\.)[ \t]*\r?$", re.MULTILINE),
    "+++": re.compile(r"^\+\+\+[ \t]*\r?$", re.MULTILINE),
}
_QUOTES = re.compile(r"(?: {0,3}>[ \t]?)+")
_LEAD = re.compile(r"[ \t]*")
_FENCE = re.compile(r"`{3,}|~{3,}")
_RUN = {c: re.compile(re.escape(c) + "+") for c in "`~*_[]<\\"}
_ATX = re.compile(r"#{1,6}(?=[ \t]|$)")
_SETEXT = re.compile(r"(?:=+|-+)[ \t]*")
_BREAK = re.compile(r"(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,}")
_ITEM = re.compile(r"(?:[-+*]|(\d{1,9})[.)])(?=[ \t]|$)")
_TASK = re.compile(r"\[[ xX]\](?=[ \t]|$)")
_FOOTNOTE_DEF = re.compile(r"\[\^[^\[\]\s]{1,999}\]:")
_REF_DEF = re.compile(
    r"\[((?:[^\[\]\\]|\\.){1,999})\]:[ \t]*(?:<[^<>\n]*>|\S+)"
    r"""(?:[ \t]+(?:"[^"\n]*"|'[^'\n]*'|\([^()\n]*\)))?[ \t]*"""
)
_TABLE_DELIM = re.compile(r"\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*")
_CELL_PIPE = re.compile(r"\\.|\|")
_HTML_RAW = re.compile(r"<(?:script|pre|style|textarea)(?=[\s>]|$)", re.IGNORECASE)
_HTML_RAW_END = re.compile(r"</(?:script|pre|style|textarea)\s*>", re.IGNORECASE)
_HTML_BLOCK = re.compile(
    r"</?(?:address|article|aside|blockquote|body|caption|center|dd|details|dialog|div|dl|dt"
    r"|figcaption|figure|footer|form|h[1-6]|header|hr|li|main|nav|ol|p|section|summary"
    r"|table|tbody|td|tfoot|th|thead|tr|ul)(?=[\s/>]|$)",
    re.IGNORECASE,
)

# --- inline level ----------------------------------------------------------------------
_SPECIAL = re.compile(r"[\\`<\[\]*_~]|!\[|(?<![\w/.@-])(?i:https?://|www\.)")
_AUTOLINK = re.compile(
    r"<(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*|[\w.!#$%&'*+/=?^`{|}~-]+@[\w-]+(?:\.[\w-]+)*)>"
)
_TAG = re.compile(
    r"<(?:[A-Za-z][A-Za-z0-9-]*"
    r"""(?:\s+[A-Za-z_:][\w.:-]*(?:\s*=\s*(?:[^\s"'=<>`]+|'[^']*'|"[^"]*"))?)*\s*/?"""
    r"|/[A-Za-z][A-Za-z0-9-]*\s*)>"
)
# elements whose content is code, not prose: hidden with their tags
_CODE_TAG = re.compile(r"<(code|kbd|samp|script|style)(?=[\s/>])", re.IGNORECASE)
_CODE_TAG_END = {
    name: re.compile(rf"</{name}\s*>", re.IGNORECASE)
    for name in ("code", "kbd", "samp", "script", "style")
}
_DEST = re.compile(
    r"\(\s*(?:<[^<>\n]*>|(?:[^\s()\\]|\\.|\((?:[^\s()\\]|\\.)*\))*)"
    r"""(?:\s+(?:"[^"]*"|'[^']*'|\([^()]*\)))?\s*\)"""
)
_REF_LABEL = re.compile(r"\[(?:[^\[\]\\]|\\.){0,999}\]")
_FOOTNOTE_REF = re.compile(r"\[\^[^\[\]\s]{1,999}\]")
_BARE_URL = re.compile(r"(?i:https?://|www\.)[^\s<>]*")
_URL_TRAIL = "?!.,:;*_~'\""

# --- ignore comments -------------------------------------------------------------------
_IGNORE = re.compile(r"<!--[ \t]*checkclaim(?:[ \t]*:[ \t]*|-)ignore[ \t]*-->", re.IGNORECASE)
_NOT_NEWLINE = re.compile(r"[^\r\n]")


def is_markdown(path_or_name: str) -> bool:
    """True for a Markdown file name (.md, .markdown, .mdx, .mkd, .mkdn, .mdown)."""
    return PurePath(path_or_name).suffix.lower() in MARKDOWN_SUFFIXES


def mask(text: str) -> str:
    """Same length as `text`: every character that is not checkable prose is replaced by a space
    (newlines are kept as newlines), so offsets into the mask are offsets into the original."""
    return _scan(text).masked


def blocks(masked: str, original: str | None = None) -> list[tuple[int, int]]:
    """Spans of the prose blocks of a masked text: paragraphs, each heading line, each list item,
    each table cell, each block-quote paragraph. Sentences are never joined across two blocks.

    Give `original`, the text `masked` was made from: headings, list items and table rows
    are read from it (in the mask alone they look like any other line). Without it, only
    the blank lines of the mask separate blocks. Spans are trimmed and never empty.
    """
    if original is None:
        return _trimmed_paragraphs(masked, 0, len(masked))
    if len(original) != len(masked):
        raise ValueError("`original` must be the text `masked` was made from")
    out: list[tuple[int, int]] = []
    for start, end in _scan(original).segments:
        chunk = masked[start:end]
        s, e = start + len(chunk) - len(chunk.lstrip()), start + len(chunk.rstrip())
        if e > s:
            out.append((s, e))
    return out


def ignored_lines(text: str, *, markdown: bool = True) -> set[int]:
    """1-based line numbers whose sentences are suppressed by an inline comment:
    `<!-- checkclaim: ignore -->` on its own line suppresses the next non-blank line's sentences
    (the next sentence: treat it as the next line that has prose);
    the same comment at the end of (or anywhere on) a line of prose suppresses that line.
    Also accept `<!-- checkclaim-ignore -->` as a synonym. Plain-text drafts use the same syntax.

    With `markdown` (the default) only real comments count (not one shown in a code block)
    and "prose" is what `mask` keeps; `markdown=False` reads the text as plain text. A
    sentence should be suppressed when any line it touches is in the set.
    """
    if markdown:
        scan = _scan(text)
        visible = scan.masked
        spans = [(s, e) for s, e in scan.comments if _IGNORE.fullmatch(text, s, e)]
    else:
        spans = [m.span() for m in _IGNORE.finditer(text)]
        visible = _IGNORE.sub(lambda m: " " * len(m.group()), text)
    if not spans:
        return set()
    lines = visible.split("\n")
    has_prose = [not line.isspace() and line != "" for line in lines]
    next_prose = [-1] * (len(lines) + 1)
    for k in range(len(lines) - 1, -1, -1):
        next_prose[k] = k if has_prose[k] else next_prose[k + 1]
    line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
    out: set[int] = set()
    for start, _ in spans:  # the pattern has no newline: a comment is on one line
        k = bisect_right(line_starts, start) - 1
        target = k if has_prose[k] else next_prose[k + 1]
        if target >= 0:
            out.add(target + 1)
    return out


# --- the scan --------------------------------------------------------------------------


@dataclass(frozen=True)
class _Scan:
    masked: str
    segments: tuple[tuple[int, int], ...]  # prose blocks, untrimmed, in order
    comments: tuple[tuple[int, int], ...]  # real HTML comments (not ones inside code)


@lru_cache(maxsize=8)  # mask, blocks and ignored_lines are called on the same draft in turn
def _scan(text: str) -> _Scan:
    scanner = _Scanner(text)
    scanner.run()
    return _Scan(
        _apply(text, scanner.hide, 0, len(text)),
        tuple(scanner.segments),
        tuple(sorted(scanner.comments)),
    )


def _blank(chunk: str) -> str:
    if "\n" not in chunk and "\r" not in chunk:
        return " " * len(chunk)
    return _NOT_NEWLINE.sub(" ", chunk)


def _apply(text: str, hide: bytearray, start: int, end: int) -> str:
    """`text[start:end]` with the hidden characters turned into spaces."""
    parts: list[str] = []
    i = start
    while i < end:
        j = hide.find(1, i, end)
        if j == -1:
            parts.append(text[i:end])
            break
        parts.append(text[i:j])
        k = hide.find(0, j, end)
        if k == -1:
            k = end
        parts.append(_blank(text[j:k]))
        i = k
    return "".join(parts)


def _trimmed_paragraphs(masked: str, start: int, end: int) -> list[tuple[int, int]]:
    """Runs of non-blank lines of `masked[start:end]`, trimmed of surrounding whitespace."""
    out: list[tuple[int, int]] = []
    block_start = -1
    block_end = -1
    i = start
    while i <= end:
        j = masked.find("\n", i, end)
        if j == -1:
            j = end
        line = masked[i:j]
        stripped = line.strip()
        if stripped:
            if block_start < 0:
                block_start = i + len(line) - len(line.lstrip())
            block_end = i + len(line.rstrip())
        elif block_start >= 0:
            out.append((block_start, block_end))
            block_start = -1
        i = j + 1
    if block_start >= 0:
        out.append((block_start, block_end))
    return out


def _indent(text: str, start: int, end: int) -> tuple[int, int]:
    """Width of the leading blanks (a tab goes to the next multiple of 4) and where they end."""
    stop = _LEAD.match(text, start, end)
    first = stop.end() if stop else start
    lead = text[start:first]
    if "\t" not in lead:
        return len(lead), first
    width = 0
    for c in lead:
        width = width + 4 - width % 4 if c == "\t" else width + 1
    return width, first


def _label(raw: str) -> str:
    """A reference label as CommonMark compares them: case and runs of blanks do not count."""
    return " ".join(raw.split()).casefold()


class _Scanner:
    """The block pass (one call of `line` a line) and then the inline pass over each block."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.n = len(text)
        self.hide = bytearray(self.n)
        self.segments: list[tuple[int, int]] = []
        self.comments: list[tuple[int, int]] = []
        self.refs: set[str] = set()
        self.cur_start = -1  # the prose block being read, or -1
        self.cur_end = -1
        self.cur_depth = 0
        # what the previous line was: blank, para (text a next line may continue), table, other
        self.prev = "blank"
        self.lists: list[tuple[int, int]] = []  # open list items: (quote depth, content column)
        self.fence: tuple[str, int, int] | None = None  # char, length, quote depth
        self.code_indent = -1  # the indent an indented code block's lines need, or -1
        self.code_depth = 0
        self.table_depth = -1  # the quote depth of the table being read, or -1

    def run(self) -> None:
        text, n = self.text, self.n
        pos = self.front_matter()
        while pos < n:
            nl = text.find("\n", pos)
            end = n if nl == -1 else nl
            nxt = n if nl == -1 else nl + 1
            if end > pos and text[end - 1] == "\r":
                end -= 1
            pos = max(nxt, self.line(pos, end))
        self.close()
        for start, end in self.segments:
            _Inline(self, start, end).run()

    # -- helpers --
    def mask(self, start: int, end: int) -> None:
        if end > start:
            self.hide[start:end] = b"\x01" * (end - start)

    def close(self) -> None:
        if self.cur_start >= 0:
            self.segments.append((self.cur_start, self.cur_end))
            self.cur_start = -1

    def begin(self, start: int, end: int, depth: int) -> None:
        self.close()
        self.cur_start, self.cur_end, self.cur_depth = start, end, depth

    def line_end(self, pos: int) -> tuple[int, int]:
        """End of the line holding `pos` (before any \\r\\n) and the start of the next one."""
        nl = self.text.find("\n", pos)
        if nl == -1:
            return self.n, self.n
        end = nl - 1 if nl > pos and self.text[nl - 1] == "\r" else nl
        return end, nl + 1

    def front_matter(self) -> int:
        text = self.text
        pos = 1 if text.startswith("\ufeff") else 0
        self.mask(0, pos)
        opener = _FRONT_OPEN.match(text, pos)
        if opener is None:
            return pos
        closer = _FRONT_CLOSE[opener.group(1)].search(text, opener.end())
        if closer is None:
            return pos
        self.mask(pos, closer.end())
        return closer.end() + 1

    # -- the block pass --
    def line(self, start: int, end: int) -> int:
        """Read one line; return where the next line to read starts (or 0: the next line)."""
        text = self.text
        depth, c = 0, start
        quotes = _QUOTES.match(text, start, end)
        if quotes is not None:
            depth, c = quotes.group().count(">"), quotes.end()
            if self.fence is not None and depth > self.fence[2]:
                # the fence's own markers are container; the rest is its code
                c = start
                for _ in range(self.fence[2]):
                    c = text.index(">", c) + 1
                depth = self.fence[2]
            self.mask(start, c)
        ind, first = _indent(text, c, end)
        blank = first == end

        if self.fence is not None:
            char, length, fence_depth = self.fence
            if depth >= fence_depth:
                self.mask(start, end)
                run = _RUN[char].match(text, first, end)
                if run and run.end() - first >= length and not text[run.end() : end].strip():
                    self.fence = None
                    self.prev = "other"
                return 0
            self.fence = None  # its block quote ended, and the fence with it

        if self.code_indent >= 0:
            if blank or (ind >= self.code_indent and depth == self.code_depth):
                self.mask(start, end)
                self.prev = "blank" if blank else "other"
                return 0
            self.code_indent = -1

        in_table = self.table_depth == depth
        self.table_depth = -1
        if blank:
            self.close()
            self.prev = "blank"
            return 0

        if self.prev == "blank":
            while self.lists and (
                self.lists[-1][0] > depth
                or (self.lists[-1][0] == depth and ind < self.lists[-1][1])
            ):
                self.lists.pop()
        base = self.lists[-1][1] if self.lists and self.lists[-1][0] == depth else 0
        rel = ind - base

        if rel >= 4:
            if self.prev == "para" and depth <= self.cur_depth:
                self.cur_end = end  # an indented line continues a paragraph
                return 0
            if not in_table:
                self.close()
                self.code_indent, self.code_depth = base + 4, depth
                self.mask(start, end)
                self.prev = "other"
                return 0

        ch = text[first]
        new_block = False
        if ch in "`~":
            fence = _FENCE.match(text, first, end)
            if fence and not (ch == "`" and "`" in text[fence.end() : end]):
                self.close()
                self.fence = (ch, fence.end() - first, depth)
                self.mask(start, end)
                self.prev = "other"
                return 0
        elif ch == "<":
            if text.startswith("<!--", first):
                close_at = text.find("-->", first + 4)
                if close_at == -1 or close_at + 3 > end:
                    return self.comment_block(first, close_at)
                new_block = True
            elif _HTML_RAW.match(text, first, end):
                return self.raw_html(start)
            elif _HTML_BLOCK.match(text, first, end):
                new_block = True
        elif ch == "#":
            atx = _ATX.match(text, first, end)
            if atx:
                self.heading(first, atx.end(), end)
                return 0

        if ch in "-_*=" and rel <= 3:
            if (
                ch in "=-"
                and self.prev == "para"
                and depth == self.cur_depth
                and _SETEXT.fullmatch(text, first, end)
            ):
                self.close()  # the paragraph above is the heading; it ends here
                self.mask(start, end)
                self.prev = "other"
                return 0
            if ch != "=" and _BREAK.fullmatch(text, first, end):
                self.close()
                self.mask(start, end)
                self.prev = "other"
                return 0

        if in_table:
            self.table_row(first, end)
            self.table_depth = depth
            self.prev = "table"
            return 0
        if text.find("|", first, end) != -1:
            after = self.table_start(first, end, depth)
            if after:
                return after

        if ch in "-+*" or "0" <= ch <= "9":
            item = _ITEM.match(text, first, end)
            if item and self.list_item(item, ind, depth, end):
                return 0
        elif ch == "[" and rel <= 3:
            note = _FOOTNOTE_DEF.match(text, first, end)
            if note:
                self.mask(first, note.end())
                self.lists.append((depth, ind + 4))
                self.begin(note.end(), end, depth)
                self.prev = "para"
                return 0
            ref = _REF_DEF.fullmatch(text, first, end) if self.prev != "para" else None
            if ref:
                self.close()
                self.refs.add(_label(ref.group(1)))
                self.mask(start, end)
                self.prev = "other"
                return 0

        continues = self.prev == "para" and self.cur_start >= 0 and depth <= self.cur_depth
        if continues and not new_block:
            self.cur_end = end  # a continuation line (lazy, if it lost its `>`)
        else:
            self.begin(first, end, depth)
        self.prev = "para"
        return 0

    def heading(self, first: int, text_start: int, end: int) -> None:
        self.close()
        self.mask(first, text_start)
        body = self.text[text_start:end].rstrip(" \t")
        hashes = len(body) - len(body.rstrip("#"))
        stop = text_start + len(body)
        if hashes and (hashes == len(body) or body[-hashes - 1] in " \t"):
            self.mask(stop - hashes, end)  # the optional closing `###`
            stop -= hashes
        self.segments.append((text_start, stop))
        self.prev = "other"

    def list_item(self, item: re.Match[str], ind: int, depth: int, end: int) -> bool:
        text = self.text
        first, marker_end = item.start(), item.end()
        number = item.group(1)
        _, content = _indent(text, marker_end, end)
        in_item = not self.lists or self.lists[-1][0] != depth or ind >= self.lists[-1][1]
        if self.prev == "para" and in_item:
            # a list interrupting a paragraph must start with a bullet or `1.` and have text:
            # a wrapped "2024. The year..." line stays text
            if number is not None and int(number) != 1:
                return False
            if content == end:
                return False
        spaces = content - marker_end
        width = marker_end - first + (1 if content == end or spaces > 4 else spaces)
        while self.lists and (
            self.lists[-1][0] > depth or (self.lists[-1][0] == depth and self.lists[-1][1] > ind)
        ):
            self.lists.pop()
        self.lists.append((depth, ind + width))
        self.mask(first, marker_end)
        task = _TASK.match(text, content, end)
        if task:
            self.mask(task.start(), task.end())
            _, content = _indent(text, task.end(), end)
        self.begin(content, end, depth)
        self.prev = "para"
        return True

    def table_start(self, first: int, end: int, depth: int) -> int:
        """Read a header row and its delimiter row, if the next line is one; else return 0."""
        text = self.text
        if end >= self.n:
            return 0
        d_start = end + (2 if text.startswith("\r\n", end) else 1)
        d_end, after = self.line_end(d_start)
        quotes = _QUOTES.match(text, d_start, d_end)
        d_depth = quotes.group().count(">") if quotes else 0
        _, d_first = _indent(text, quotes.end() if quotes else d_start, d_end)
        if d_depth != depth or text.find("|", d_first, d_end) == -1:
            return 0
        if not _TABLE_DELIM.fullmatch(text, d_first, d_end):
            return 0
        self.table_row(first, end)
        self.mask(d_start, d_end)
        self.table_depth = depth
        self.prev = "table"
        return after if after > d_start else self.n

    def table_row(self, first: int, end: int) -> None:
        self.close()
        cell = first
        for pipe in _CELL_PIPE.finditer(self.text, first, end):
            if pipe.group() == "|":
                self.mask(pipe.start(), pipe.end())
                self.segments.append((cell, pipe.start()))
                cell = pipe.end()
        self.segments.append((cell, end))

    def comment_block(self, first: int, close_at: int) -> int:
        """An HTML comment opening a line and closing on a later one (or never)."""
        self.close()
        stop = self.n if close_at == -1 else close_at + 3
        self.mask(first, stop)
        self.comments.append((first, stop))
        self.prev = "other"
        end, after = self.line_end(stop)
        if self.text[stop:end].strip():
            self.segments.append((stop, end))  # text after `-->` is shown
        return after if after > stop else self.n

    def raw_html(self, start: int) -> int:
        """<pre>, <script>, <style>, <textarea>: hidden up to the line that closes them."""
        self.close()
        closer = _HTML_RAW_END.search(self.text, start)
        stop, after = self.line_end(closer.end()) if closer else (self.n, self.n)
        self.mask(start, stop)
        self.prev = "other"
        return after if after > start else self.n


def _is_punct(c: str) -> bool:
    return c in _ASCII_PUNCT or (c > "\x7f" and unicodedata.category(c)[0] in "PS")


class _Inline:
    """The inline pass over one block: code spans, HTML, links, emphasis, escapes, URLs."""

    def __init__(self, scanner: _Scanner, start: int, end: int) -> None:
        self.scanner = scanner
        self.base = start
        self.s = _apply(scanner.text, scanner.hide, start, end)
        self.ticks: dict[int, list[int]] | None = None  # backtick runs by length
        self.tick_next: dict[int, int] = {}
        self.brackets: list[tuple[int, int, bool]] = []  # (opener, text start, is image)
        self.inactive_below = 0  # openers below this index are inside a link: no more links
        self.delims: dict[str, list[tuple[int, int]]] = {}
        self.comment_end_missing = False
        self.element_end_missing: set[str] = set()
        self.images: list[tuple[int, int]] = []  # hidden whole at the end: they nest

    def mask(self, start: int, end: int) -> None:
        self.scanner.mask(self.base + start, self.base + end)

    def run(self) -> None:
        s, n = self.s, len(self.s)
        pos = 0
        while pos < n:
            found = _SPECIAL.search(s, pos)
            if found is None:
                break
            i = found.start()
            c = s[i]
            if c == "\\":
                pos = self.escape(i)
            elif c == "`":
                pos = self.code_span(i)
            elif c == "<":
                pos = self.angle(i)
            elif c == "!":
                self.brackets.append((i, i + 2, True))
                pos = i + 2
            elif c == "[":
                pos = self.open_bracket(i)
            elif c == "]":
                pos = self.close_brackets(i)
            elif c in "*_~":
                pos = self.emphasis(i, c)
            else:
                pos = self.bare_url(i, found.end())
        covered = -1
        for start, end in sorted(self.images):
            if end > covered:
                self.mask(max(start, covered), end)
                covered = end

    def escape(self, i: int) -> int:
        s = self.s
        run = _RUN["\\"].match(s, i)
        j = run.end() if run else i + 1
        pairs = (j - i) // 2
        if pairs:  # `\\` shows one backslash: hide the first of each pair
            self.scanner.hide[self.base + i : self.base + i + 2 * pairs : 2] = b"\x01" * pairs
        k = i + 2 * pairs
        if k == j:
            return j
        nxt = s[k + 1 : k + 2]
        if nxt and (nxt in _ASCII_PUNCT or nxt in "\r\n"):  # an escape, or a hard line break
            self.mask(k, k + 1)
            return k + 2 if nxt in _ASCII_PUNCT else k + 1
        return k + 1

    def code_span(self, i: int) -> int:
        s = self.s
        run = _RUN["`"].match(s, i)
        j = run.end() if run else i + 1
        length = j - i
        if self.ticks is None:
            self.ticks = {}
            for r in _RUN["`"].finditer(s):
                self.ticks.setdefault(r.end() - r.start(), []).append(r.start())
        starts = self.ticks.get(length, [])
        k = self.tick_next.get(length, 0)
        while k < len(starts) and starts[k] < j:
            k += 1
        if k == len(starts):
            self.tick_next[length] = k
            return j  # no closing run: the backticks are text
        self.tick_next[length] = k + 1
        close = starts[k] + length
        self.mask(i, close)
        return close

    def angle(self, i: int) -> int:
        s = self.s
        if s.startswith("<!--", i):
            close = -1 if self.comment_end_missing else s.find("-->", i + 4)
            if close == -1:
                self.comment_end_missing = True
                return i + 1
            self.mask(i, close + 3)
            self.scanner.comments.append((self.base + i, self.base + close + 3))
            return close + 3
        run = _RUN["<"].match(s, i)
        i = run.end() - 1 if run else i  # in `<<<a>` only the last `<` can open a tag
        limit = min(len(s), i + _LIMIT)
        found = _AUTOLINK.match(s, i, limit) or _TAG.match(s, i, limit)
        if found is None:
            return i + 1
        end = found.end()
        code = _CODE_TAG.match(s, i, end)
        if code and not s.startswith("/>", end - 2):
            name = code.group(1).lower()
            closer = None
            if name not in self.element_end_missing:
                closer = _CODE_TAG_END[name].search(s, end)
            if closer is None:
                self.element_end_missing.add(name)
            else:
                end = closer.end()
        self.mask(i, end)
        return end

    def open_bracket(self, i: int) -> int:
        s = self.s
        run = _RUN["["].match(s, i)
        j = run.end() if run else i + 1
        self.brackets.extend((k, k + 1, False) for k in range(i, j - 1))
        last = j - 1
        note = _FOOTNOTE_REF.match(s, last)
        if note:
            self.mask(last, note.end())
            return note.end()
        self.brackets.append((last, j, False))
        return j

    def close_brackets(self, i: int) -> int:
        run = _RUN["]"].match(self.s, i)
        j = run.end() if run else i + 1
        if not self.brackets:
            return j
        if j - i > 1:
            # inside a run only the first `]` can end a link (a shortcut reference: the
            # others' labels hold a `]`), and nothing follows the middle ones but `]`
            self.close_bracket(i)
            drop = min(len(self.brackets), j - i - 2)
            if drop:
                del self.brackets[len(self.brackets) - drop :]
                self.inactive_below = min(self.inactive_below, len(self.brackets))
            if not self.brackets:
                return j
        return self.close_bracket(j - 1)

    def close_bracket(self, i: int) -> int:
        s = self.s
        opener, text_start, image = self.brackets.pop()
        index = len(self.brackets)
        inactive = index < self.inactive_below and not image
        self.inactive_below = min(self.inactive_below, index)
        if inactive:
            return i + 1
        j = i + 1
        nxt = s[j : j + 1]
        end = -1
        if nxt == "(":
            dest = _DEST.match(s, j, min(len(s), j + _LIMIT))
            if dest:
                end = dest.end()
        if end < 0 and nxt == "[":
            ref = _REF_LABEL.match(s, j, min(len(s), j + _LIMIT))
            if ref:
                end = ref.end()
        if (
            end < 0
            and self.scanner.refs
            and i - text_start <= 999
            and _label(s[text_start:i]) in self.scanner.refs
        ):
            end = j
        if end < 0:
            return j
        if image:
            self.images.append((opener, end))  # alt text is not a statement
        else:
            self.mask(opener, text_start)
            self.mask(i, end)
            self.inactive_below = len(self.brackets)  # a link holds no other link
        return end

    def emphasis(self, i: int, c: str) -> int:
        s = self.s
        run = _RUN[c].match(s, i)
        j = run.end() if run else i + 1
        if c == "~" and j - i > 2:
            return j
        before = s[i - 1] if i > 0 else " "
        after = s[j] if j < len(s) else " "
        stack = self.delims.setdefault(c if c != "~" else s[i:j], [])
        if c == "*" and before.isalnum() and after.isalnum():
            # inside a word (5*3, a*b) a star only closes an emphasis already open
            if stack:
                self.pair(stack.pop(), i, j)
            return j
        before_space, after_space = before.isspace(), after.isspace()
        before_punct, after_punct = _is_punct(before), _is_punct(after)
        left = not after_space and (not after_punct or before_space or before_punct)
        right = not before_space and (not before_punct or after_space or after_punct)
        if c == "_":  # snake_case: an underscore inside a word neither opens nor closes
            can_open = left and (not right or before_punct)
            can_close = right and (not left or after_punct)
        else:
            can_open, can_close = left, right
        if can_close and stack:
            self.pair(stack.pop(), i, j)
        elif can_open:
            stack.append((i, j))
        return j

    def pair(self, opener: tuple[int, int], start: int, end: int) -> None:
        hide, base = self.scanner.hide, self.base
        hide[base + opener[0] : base + opener[1]] = b"\x01" * (opener[1] - opener[0])
        hide[base + start : base + end] = b"\x01" * (end - start)

    def bare_url(self, i: int, prefix_end: int) -> int:
        s = self.s
        found = _BARE_URL.match(s, i)
        end = found.end() if found else prefix_end
        opens, closes = s.count("(", i, end), s.count(")", i, end)
        while end > prefix_end:
            last = s[end - 1]
            if last in _URL_TRAIL:
                end -= 1
            elif last == ")" and closes > opens:
                closes -= 1
                end -= 1
            else:
                break
        if end == prefix_end:
            return i + 1  # "www." or "http://" alone
        self.mask(i, end)
        return end
