"""Batches of statements in: text (one a line), CSV (a `statement` column) or JSONL, streamed.

Input is read in chunks and cut into lines (`\\n`, `\\r\\n` or a lone `\\r`), so memory stays
bounded however long the file or any one line is. A line that cannot be read (bytes that are
not valid in the encoding, a line too long to be a statement, broken JSON or CSV) becomes an
`Item` with an error, in its place, and the batch goes on; a file that cannot be opened at
all, or is binary, is an `InputError` raised by `read_items` before anything is checked.
"""

from __future__ import annotations

import codecs
import csv
import json
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, AnyStr

from checkclaim import textio
from checkclaim.errors import InputError
from checkclaim.pipeline import Item

FORMATS = ("txt", "csv", "jsonl")
MAX_STATEMENT = 100_000  # characters; a longer statement is an error item, not a hang
MAX_LINE = 1 << 20  # bytes (characters for UTF-16/32) of a line kept in memory; the rest is skipped
CHUNK = 1 << 16
SHOWN = 200  # characters of an unreadable line shown in its error item

_EOL_BYTES = re.compile(rb"(\r\n)|(\r)|\n")
_EOL_TEXT = re.compile(r"(\r\n)|(\r)|\n")


def guess_format(path: str) -> str:
    suffix = Path(path).suffix.lower()
    if suffix == ".csv":
        return "csv"
    if suffix in (".jsonl", ".ndjson", ".json"):
        return "jsonl"
    return "txt"


@dataclass(frozen=True, slots=True)
class Line:
    """One line of an input file, without its ending; `error` says why it cannot be used."""

    n: int  # 1-based
    text: str
    error: str = ""


def read_items(path: str, fmt: str | None = None, encoding: str | None = None) -> Iterator[Item]:
    """The statements of a file (`-` for standard input), in order.

    The file is opened and its encoding settled now, so that a missing, unreadable or binary
    file is an `InputError` before anything is checked; its lines are read as items are taken.
    """
    fmt = fmt or ("txt" if path == "-" else guess_format(path))
    if fmt not in FORMATS:
        raise InputError(f"unknown input format {fmt!r}; use txt, csv or jsonl")
    stream, where = _open(path)
    try:
        lines = read_lines(stream, where, encoding)
    except BaseException:
        _close(stream)
        raise
    return _items(stream, lines, fmt, where)


def _items(stream: IO[bytes], lines: Iterator[Line], fmt: str, where: str) -> Iterator[Item]:
    try:
        if fmt == "txt":
            yield from _txt(lines, where)
        elif fmt == "jsonl":
            yield from _jsonl(lines, where)
        else:
            yield from _csv(lines, where)
    finally:
        _close(stream)


def _open(path: str) -> tuple[IO[bytes], str]:
    if path == "-":
        stdin: IO[bytes] | None = getattr(sys.stdin, "buffer", None)
        if stdin is None:
            raise InputError("there is no standard input to read; give --file PATH")
        return stdin, "<stdin>"
    p = Path(path)
    try:
        if p.is_dir():
            raise InputError("is a folder, not a file; name a file in it", path)
        return open(p, "rb"), path  # closed when the items are done
    except (FileNotFoundError, NotADirectoryError):
        raise InputError("no such file; check the name and the folder", path) from None
    except PermissionError:
        raise InputError(textio.PERMISSION, path) from None
    except IsADirectoryError:
        raise InputError("is a folder, not a file; name a file in it", path) from None
    except ValueError:
        raise InputError("is not a valid file name", path.replace("\x00", "\\0")) from None
    except OSError as e:
        raise InputError(f"cannot be read ({e.strerror or e})", path) from None


def _close(stream: IO[bytes]) -> None:
    if stream is not getattr(sys.stdin, "buffer", None) and stream is not sys.stdin:
        stream.close()


def _chunks(stream: IO[bytes], first: bytes, where: str) -> Iterator[bytes]:
    """The stream's bytes as they come: `read1` answers as soon as a pipe has something."""
    if first:
        yield first
    read = getattr(stream, "read1", stream.read)
    while True:
        try:
            chunk = read(CHUNK)
        except OSError as e:
            raise InputError(f"cannot be read ({e.strerror or e})", where) from None
        if not chunk:
            return
        yield chunk


def read_lines(stream: IO[bytes], where: str, encoding: str | None = None) -> Iterator[Line]:
    """The lines of a byte stream, decoded; the encoding is settled (and checked) at once.

    UTF-8 and every ASCII-compatible encoding are decoded line by line, so a bad byte spoils
    only its own line, which is reported with the byte's offset in the file. UTF-16 and
    UTF-32 cannot be cut into lines before decoding; a bad byte there stops the file.
    """
    read = getattr(stream, "read1", stream.read)
    try:
        first = read(CHUNK)
    except OSError as e:
        raise InputError(f"cannot be read ({e.strerror or e})", where) from None
    name = textio.sniff(first, where, encoding)
    if textio.is_wide(name):
        return _wide_lines(_chunks(stream, first, where), name, where)
    skip = 0
    if name == "utf-8-sig":
        name = "utf-8"
        if first.startswith(codecs.BOM_UTF8):
            skip = len(codecs.BOM_UTF8)
    return _narrow_lines(_chunks(stream, first[skip:], where), name, where, skip)


def _narrow_lines(chunks: Iterable[bytes], name: str, where: str, offset: int) -> Iterator[Line]:
    for n, (raw, length, eol) in enumerate(_split(chunks, _EOL_BYTES, b"\r", MAX_LINE), 1):
        if length > MAX_STATEMENT * 4 or length > len(raw):
            shown = _shown(raw.decode(name, "replace"))
            yield Line(n, shown, _too_long_line(where, n, f"{length:,} bytes"))
        else:
            try:
                yield Line(n, raw.decode(name))
            except UnicodeDecodeError as e:
                err = textio.undecodable(name, where, offset + e.start, n)
                yield Line(n, _shown(raw.decode(name, "replace")), str(err))
        offset += length + eol


def _wide_lines(chunks: Iterable[bytes], name: str, where: str) -> Iterator[Line]:
    def texts() -> Iterator[str]:
        decoder = codecs.getincrementaldecoder(name)()
        offset = 0
        try:
            for chunk in chunks:
                yield decoder.decode(chunk)
                offset += len(chunk)
            yield decoder.decode(b"", final=True)
        except UnicodeDecodeError as e:
            raise textio.undecodable(name, where, offset + e.start, None) from None

    for n, (text, length, _eol) in enumerate(_split(texts(), _EOL_TEXT, "\r", MAX_LINE), 1):
        if n == 1:
            text = text.removeprefix("\ufeff")
        if length > len(text) or length > MAX_STATEMENT * 4:
            yield Line(n, _shown(text), _too_long_line(where, n, f"{length:,} characters"))
        else:
            yield Line(n, text)


def _split(
    chunks: Iterable[AnyStr], eol: re.Pattern[AnyStr], cr: AnyStr, limit: int
) -> Iterator[tuple[AnyStr, int, int]]:
    """Lines of a stream of chunks: (the line without its ending, its true length, the
    ending's length). A line longer than `limit` is cut to its first `limit` units, the
    same however the stream is cut into chunks; the rest is counted as it streams past and
    never kept, so memory stays bounded by `limit` and a chunk."""
    buf: AnyStr | None = None  # the unfinished line (at most `limit` units and a held CR)
    head: AnyStr | None = None  # the kept start of an over-long line
    skipped = 0  # units of that line counted and let go
    for chunk in chunks:
        buf = chunk if buf is None else buf + chunk
        pos = 0
        for m in eol.finditer(buf):
            if m.lastindex == 2 and m.end() == len(buf):
                break  # a lone CR at the end may be the first half of a CRLF
            end = m.start()
            if head is not None:
                yield head, len(head) + skipped + end - pos, m.end() - end
                head, skipped = None, 0
            else:
                yield buf[pos : min(end, pos + limit)], end - pos, m.end() - end
            pos = m.end()
        buf = buf[pos:]
        held = buf.endswith(cr)
        body = buf[:-1] if held else buf
        if head is not None:
            skipped += len(body)
        elif len(body) > limit:
            head, skipped = body[:limit], len(body) - limit
        else:
            continue
        buf = cr if held else body[:0]
    if head is not None:
        assert buf is not None
        held = buf.endswith(cr)
        yield head, len(head) + skipped + len(buf) - held, int(held)
    elif buf:
        if buf.endswith(cr):
            yield buf[:-1][:limit], len(buf) - 1, 1
        else:
            yield buf[:limit], len(buf), 0


def _shown(text: str) -> str:
    return text[:SHOWN] + "…" if len(text) > SHOWN else text


def _too_long_line(where: str, n: int, size: str) -> str:
    return (
        f"{where}:{n}: the line is too long ({size}; a statement may have "
        f"{MAX_STATEMENT:,} characters); shorten or split it"
    )


def _too_long(text: str, where: str, n: int) -> Item | None:
    if len(text) > MAX_STATEMENT:
        return Item(
            _shown(text),
            f"{where}:{n}",
            None,
            f"{where}:{n}: the statement is too long ({len(text):,} characters; the limit is "
            f"{MAX_STATEMENT:,}); shorten or split it",
        )
    return None


def _bad(line: Line, where: str) -> Item:
    return Item(line.text, f"{where}:{line.n}", None, line.error)


def _txt(lines: Iterable[Line], where: str) -> Iterator[Item]:
    for line in lines:
        if line.error:
            yield _bad(line, where)
            continue
        text = line.text.strip()
        if not text:
            continue
        yield _too_long(text, where, line.n) or Item(text, f"{where}:{line.n}")


def _no_constant(name: str) -> None:
    raise ValueError(f"{name} is not a JSON value")


def _finite(text: str) -> float:
    value = float(text)
    if value in (float("inf"), float("-inf")):
        raise ValueError(f"{text} is too large for a number")
    return value


def _json(text: str) -> object:
    """A JSON value as strict JSON reads it: no NaN or Infinity, no lone surrogates."""
    obj = json.loads(text, parse_constant=_no_constant, parse_float=_finite)
    try:
        json.dumps(obj, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        raise ValueError("a \\u escape names half a surrogate pair, which is not text") from None
    return obj


def _jsonl(lines: Iterable[Line], where: str) -> Iterator[Item]:
    for line in lines:
        n = line.n
        if line.error:
            yield _bad(line, where)
            continue
        if not line.text.strip():
            continue
        try:
            obj = _json(line.text)
        except json.JSONDecodeError as e:
            yield Item(
                "",
                f"{where}:{n}",
                None,
                f"{where}:{n}: not valid JSON ({e.msg} at column {e.colno}); fix the line",
            )
            continue
        except (ValueError, RecursionError) as e:
            why = "nested too deeply" if isinstance(e, RecursionError) else str(e).split(";")[0]
            message = f"{where}:{n}: not valid JSON ({why}); fix the line"
            yield Item("", f"{where}:{n}", None, message)
            continue
        if not isinstance(obj, dict) or not isinstance(obj.get("statement"), str):
            yield Item(
                "",
                f"{where}:{n}",
                None,
                f'{where}:{n}: expected an object with a "statement" string: {{"statement": "…"}}',
            )
            continue
        text = obj["statement"].strip()
        extra = {k: v for k, v in obj.items() if k != "statement"}
        if not text:
            yield Item("", f"{where}:{n}", extra, f"{where}:{n}: the statement is empty")
            continue
        yield _too_long(text, where, n) or Item(text, f"{where}:{n}", extra)


def _csv(lines: Iterable[Line], where: str) -> Iterator[Item]:
    unreadable: list[Item] = []  # lines the decoder refused, reported in their place

    def texts() -> Iterator[str]:
        for line in lines:
            if line.error:
                unreadable.append(_bad(line, where))
                yield "\n"
            else:
                yield line.text + "\n"

    def flush() -> Iterator[Item]:
        yield from unreadable
        unreadable.clear()

    reader = csv.reader(texts(), strict=True)
    header: list[str] | None = None
    lowered: list[str] = []
    col = 0
    start = 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            yield from flush()
            return
        except csv.Error as e:
            yield from flush()
            yield Item(
                "",
                f"{where}:{start}",
                None,
                f"{where}:{start}: not valid CSV ({e}); check the quotes on this row",
            )
            start = reader.line_num + 1
            continue
        yield from flush()
        n, start = start, reader.line_num + 1
        if header is None:
            header = row
            lowered = [h.strip().lower() for h in header]
            if "statement" in lowered:
                col = lowered.index("statement")
                continue
        if not row or col >= len(row) or not row[col].strip():
            continue
        extra = None
        if "statement" in lowered:
            pairs = zip(header, row, lowered, strict=False)
            extra = {h: v for h, v, low in pairs if low != "statement"}
        text = row[col].strip()
        yield _too_long(text, where, n) or Item(text, f"{where}:{n}", extra)
