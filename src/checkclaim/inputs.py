"""Batches of statements in: text (one a line), CSV (a `statement` column) or JSONL, streamed.

Input is read line by line, so memory does not grow with the size of the file. A line that
cannot be read becomes an `Item` with an error, in its place; a file that cannot be opened
at all is an `InputError` before anything is checked.
"""

from __future__ import annotations

import codecs
import csv
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from checkclaim.errors import InputError
from checkclaim.pipeline import Item

FORMATS = ("txt", "csv", "jsonl")
MAX_STATEMENT = 100_000  # characters; a longer line is an error item, not a hang


def guess_format(path: str) -> str:
    suffix = Path(path).suffix.lower()
    if suffix == ".csv":
        return "csv"
    if suffix in (".jsonl", ".ndjson", ".json"):
        return "jsonl"
    return "txt"


def _open(path: str, encoding: str | None) -> IO[str]:
    if path == "-":
        stream = sys.stdin.buffer
        where = "<stdin>"
    else:
        p = Path(path)
        if p.is_dir():
            raise InputError("is a folder, not a file", path)
        try:
            stream = open(p, "rb")  # noqa: SIM115 - closed by the reader
        except FileNotFoundError:
            raise InputError("no such file", path) from None
        except PermissionError:
            raise InputError("permission denied", path) from None
        where = path
    head = stream.peek(8192)[:8192] if hasattr(stream, "peek") else b""
    if b"\x00" in head:
        raise InputError("this is a binary file, not text", where)
    decoder = codecs.getincrementaldecoder(encoding or "utf-8-sig")(errors="strict")
    return _Decoded(stream, decoder, where)  # type: ignore[return-value]


class _Decoded:
    """Lines of a byte stream, decoded; invalid bytes are reported with their offset."""

    def __init__(self, stream: IO[bytes], decoder: codecs.IncrementalDecoder, where: str) -> None:
        self.stream = stream
        self.decoder = decoder
        self.where = where
        self.offset = 0
        self.lineno = 0

    def __iter__(self) -> Iterator[str]:
        for raw in self.stream:
            self.lineno += 1
            try:
                text = self.decoder.decode(raw)
            except UnicodeDecodeError as e:
                raise InputError(
                    f"not valid UTF-8 at byte {self.offset + e.start}; convert the file or pass --encoding",
                    self.where,
                    self.lineno,
                ) from None
            self.offset += len(raw)
            yield text
        tail = self.decoder.decode(b"", final=True)
        if tail:
            yield tail

    def close(self) -> None:
        if self.stream is not sys.stdin.buffer:
            self.stream.close()


def read_items(path: str, fmt: str | None = None, encoding: str | None = None) -> Iterator[Item]:
    """The statements of a file (`-` for standard input), in order."""
    fmt = fmt or ("txt" if path == "-" else guess_format(path))
    where = "<stdin>" if path == "-" else path
    lines = _open(path, encoding)
    try:
        if fmt == "txt":
            yield from _txt(lines, where)
        elif fmt == "jsonl":
            yield from _jsonl(lines, where)
        elif fmt == "csv":
            yield from _csv(lines, where)
        else:
            raise InputError(f"unknown input format {fmt!r} (use txt, csv or jsonl)")
    finally:
        lines.close()  # type: ignore[attr-defined]


def _too_long(text: str, where: str, n: int) -> Item | None:
    if len(text) > MAX_STATEMENT:
        return Item(text[:200] + "…", f"{where}:{n}", None, f"{where}:{n}: statement longer than {MAX_STATEMENT:,} characters")
    return None


def _txt(lines: IO[str], where: str) -> Iterator[Item]:
    for n, line in enumerate(lines, 1):
        text = line.strip()
        if not text:
            continue
        yield _too_long(text, where, n) or Item(text, f"{where}:{n}")


def _jsonl(lines: IO[str], where: str) -> Iterator[Item]:
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            yield Item("", f"{where}:{n}", None, f"{where}:{n}: not valid JSON ({e.msg})")
            continue
        if not isinstance(obj, dict) or not isinstance(obj.get("statement"), str):
            yield Item("", f"{where}:{n}", None, f"{where}:{n}: expected an object with a \"statement\" string")
            continue
        text = obj["statement"].strip()
        extra = {k: v for k, v in obj.items() if k != "statement"}
        if not text:
            yield Item("", f"{where}:{n}", extra, f"{where}:{n}: the statement is empty")
            continue
        long = _too_long(text, where, n)
        yield long or Item(text, f"{where}:{n}", extra)


def _csv(lines: IO[str], where: str) -> Iterator[Item]:
    reader = csv.reader(lines)
    try:
        header = next(reader)
    except StopIteration:
        return
    except csv.Error as e:
        raise InputError(f"not valid CSV ({e})", where, 1) from None
    lowered = [h.strip().lower() for h in header]
    col = lowered.index("statement") if "statement" in lowered else 0
    has_header = "statement" in lowered
    if not has_header:
        first = header[col].strip() if header else ""
        if first:
            yield Item(first, f"{where}:1")
    n = 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as e:
            n += 1
            yield Item("", f"{where}:{n}", None, f"{where}:{n}: not valid CSV ({e})")
            continue
        n = reader.line_num
        if not row or col >= len(row) or not row[col].strip():
            continue
        extra = None
        if has_header:
            extra = {h: v for h, v, low in zip(header, row, lowered, strict=False) if low != "statement"}
        text = row[col].strip()
        yield _too_long(text, where, n) or Item(text, f"{where}:{n}", extra)
