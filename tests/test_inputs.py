"""Batches in: every line becomes a statement or, when it cannot be read, an error in its place.

No CLI here: `inputs.read_items` on files written byte for byte, one table a format.
"""

from __future__ import annotations

import io
import json
import os
import sys
import tracemalloc
from pathlib import Path

import pytest

from checkclaim import inputs
from checkclaim.errors import InputError
from checkclaim.pipeline import Item

UTF16 = "Kenya sends 2,500 officers\r\nThe moon is made of cheese.\n".encode("utf-16")


def read(tmp_path: Path, name: str, data: bytes, encoding: str | None = None) -> list[Item]:
    path = tmp_path / name
    path.write_bytes(data)
    return list(inputs.read_items(str(path), None, encoding))


def shape(items: list[Item]) -> list[tuple[str, str, bool]]:
    """(statement, where without the folder, whether it is an error) for each item."""
    return [(i.statement, i.where.rsplit("/", 1)[-1], bool(i.error)) for i in items]


# --- text: one statement a line ------------------------------------------------------------------

TXT = [
    # bytes, the items as (statement, where, error?)
    (b"one\ntwo\n", [("one", "f.txt:1", False), ("two", "f.txt:2", False)]),
    (b"one\r\ntwo\r\n", [("one", "f.txt:1", False), ("two", "f.txt:2", False)]),
    (
        b"one\rtwo\rthree",
        [("one", "f.txt:1", False), ("two", "f.txt:2", False), ("three", "f.txt:3", False)],
    ),
    (b"\xef\xbb\xbfone\ntwo", [("one", "f.txt:1", False), ("two", "f.txt:2", False)]),  # BOM
    (b"  one  \n\n   \n\ttwo\t\n", [("one", "f.txt:1", False), ("two", "f.txt:4", False)]),
    (b"", []),
    (b"\n\n\r\n", []),
    (b"\xef\xbb\xbf", []),
    (
        UTF16,
        [
            ("Kenya sends 2,500 officers", "f.txt:1", False),
            ("The moon is made of cheese.", "f.txt:2", False),
        ],
    ),
    ("caf\u00e9 \u2014 na\u00efve\n".encode(), [("caf\u00e9 \u2014 na\u00efve", "f.txt:1", False)]),
]


@pytest.mark.parametrize(("data", "expected"), TXT)
def test_text_lines(tmp_path: Path, data: bytes, expected: list[tuple[str, str, bool]]) -> None:
    assert shape(read(tmp_path, "f.txt", data)) == expected


def test_invalid_utf8_spoils_only_its_line_and_names_file_line_and_byte(tmp_path: Path) -> None:
    items = read(tmp_path, "f.txt", b"good one\ncaf\xe9 au lait\ngood two\n")
    assert shape(items) == [
        ("good one", "f.txt:1", False),
        ("caf\ufffd au lait", "f.txt:2", True),
        ("good two", "f.txt:3", False),
    ]
    message = items[1].error
    assert message.startswith(str(tmp_path / "f.txt") + ":2: not valid UTF-8 at byte 12;")
    assert "--encoding" in message
    assert "\n" not in message


def test_the_byte_offset_counts_the_bom_and_every_line_ending(tmp_path: Path) -> None:
    data = b"\xef\xbb\xbfab\r\ncd\r\xff"
    (item,) = [i for i in read(tmp_path, "f.txt", data) if i.error]
    offset = data.index(b"\xff")
    assert f"at byte {offset};" in item.error


def test_an_explicit_encoding_reads_what_utf8_cannot(tmp_path: Path) -> None:
    items = read(tmp_path, "f.txt", b"caf\xe9 au lait\n", encoding="latin-1")
    assert shape(items) == [("caf\u00e9 au lait", "f.txt:1", False)]


def test_an_explicit_utf8_drops_the_bom(tmp_path: Path) -> None:
    items = read(tmp_path, "f.txt", b"\xef\xbb\xbfone\n", encoding="utf-8")
    assert shape(items) == [("one", "f.txt:1", False)]


def test_bad_utf16_stops_the_file_with_the_byte_offset(tmp_path: Path) -> None:
    data = "fine\n".encode("utf-16") + b"\x00\xd8\x41\x00"  # a lone high surrogate
    with pytest.raises(
        InputError, match=r"f\.txt: not valid utf-16 at byte \d+; pass the file's real --encoding"
    ):
        read(tmp_path, "f.txt", data)


def test_a_statement_over_the_limit_is_an_error_in_its_place(tmp_path: Path) -> None:
    long = "x" * (inputs.MAX_STATEMENT + 1)
    items = read(tmp_path, "f.txt", f"before\n{long}\nafter\n".encode())
    assert [(i.statement[:6], i.where.rsplit("/", 1)[-1], bool(i.error)) for i in items] == [
        ("before", "f.txt:1", False),
        ("xxxxxx", "f.txt:2", True),
        ("after", "f.txt:3", False),
    ]
    assert "too long" in items[1].error
    assert len(items[1].statement) <= inputs.SHOWN + 1


def test_an_enormous_line_is_skipped_in_bounded_memory(tmp_path: Path) -> None:
    path = tmp_path / "f.txt"
    with open(path, "wb") as f:
        f.write(b"before\n")
        megabyte = (b"1,234," * 200_000)[: 1 << 20]
        for _ in range(40):  # 40 MiB on one line
            f.write(megabyte)
        f.write(b"\nafter\n")
    tracemalloc.start()
    try:
        items = list(inputs.read_items(str(path)))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert shape(items)[0] == ("before", "f.txt:1", False)
    assert shape(items)[2] == ("after", "f.txt:3", False)
    assert items[1].error.endswith("shorten or split it")
    assert "the line is too long (41,943,040 bytes;" in items[1].error
    assert peak < 16 * (1 << 20)  # a few chunks and one capped line, never the 40 MB line


@pytest.mark.parametrize(
    "chunks",
    [
        [b"a\r\nb\r\n"],
        [b"a\r", b"\nb\r\n"],
        [b"a", b"\r", b"\n", b"b", b"\r\n"],
        [b"a\r", b"\n", b"b\r", b"\n"],
    ],
)
def test_a_crlf_cut_between_chunks_is_one_line_ending(chunks: list[bytes]) -> None:
    lines = list(inputs._split(chunks, inputs._EOL_BYTES, b"\r", 100))
    assert lines == [(b"a", 1, 2), (b"b", 1, 2)]


def test_a_line_over_the_cap_is_cut_and_its_true_length_kept() -> None:
    chunks = [b"abcdef", b"ghij\r", b"\nk"]
    assert list(inputs._split(chunks, inputs._EOL_BYTES, b"\r", 4)) == [
        (b"abcd", 10, 2),
        (b"k", 1, 0),
    ]


# --- JSONL ---------------------------------------------------------------------------------------

JSONL_ERRORS = [
    # a line, words its error must hold
    ("not json", "not valid JSON (Expecting value at column 1)"),
    ('{"statement": "x"', "not valid JSON"),
    ('{"statement": "x", "n": NaN}', "NaN is not a JSON value"),
    ('{"statement": "x", "n": -Infinity}', "-Infinity is not a JSON value"),
    ('{"statement": "x", "n": 1e999}', "too large for a number"),
    ('{"statement": "x", "n": ' + "9" * 5000 + "}", "not valid JSON (Exceeds the limit"),
    ('{"statement": "\\ud800 x"}', "half a surrogate pair"),
    ('{"statement": "x", "deep": ' + "[" * 100_000 + "]" * 100_000 + "}", "nested too deeply"),
    ("[1, 2]", 'expected an object with a "statement" string'),
    ('"just a string"', 'expected an object with a "statement" string'),
    ("null", 'expected an object with a "statement" string'),
    ('{"statement": 5}', 'expected an object with a "statement" string'),
    ('{"text": "x"}', 'expected an object with a "statement" string'),
    ('{"statement": "   "}', "the statement is empty"),
]


@pytest.mark.parametrize(("line", "words"), JSONL_ERRORS)
def test_a_bad_jsonl_line_is_an_error_in_its_place(tmp_path: Path, line: str, words: str) -> None:
    data = '{"statement": "before"}\n' + line + '\n{"statement": "after", "id": 7}\n'
    items = read(tmp_path, "b.jsonl", data.encode())
    assert shape(items)[0] == ("before", "b.jsonl:1", False)
    assert shape(items)[2] == ("after", "b.jsonl:3", False)
    assert items[2].extra == {"id": 7}
    bad = items[1]
    assert bad.where.endswith("b.jsonl:2")
    assert bad.error.startswith(str(tmp_path / "b.jsonl") + ":2: ")
    assert words in bad.error
    assert "\n" not in bad.error


def test_jsonl_carries_the_other_fields_and_skips_blank_lines(tmp_path: Path) -> None:
    data = b'\n{"statement": " x ", "id": "a", "tags": ["t"]}\r\n\r\n'
    (item,) = read(tmp_path, "b.jsonl", data)
    assert (item.statement, item.extra, item.where.rsplit("/", 1)[-1]) == (
        "x",
        {"id": "a", "tags": ["t"]},
        "b.jsonl:2",
    )


# --- CSV -----------------------------------------------------------------------------------------

CSV = [
    # bytes, the items as (statement, where, error?)
    (b"id,statement\n1,one\n2,two\n", [("one", "c.csv:2", False), ("two", "c.csv:3", False)]),
    (b"one\ntwo\n", [("one", "c.csv:1", False), ("two", "c.csv:2", False)]),  # no header: column 1
    (
        b'Statement\r"a, b"\r"multi\nline"\rz\r',
        [("a, b", "c.csv:2", False), ("multi\nline", "c.csv:3", False), ("z", "c.csv:5", False)],
    ),
    (b'statement\n"bad"quote\ngood\n', [("", "c.csv:2", True), ("good", "c.csv:3", False)]),
    (b"statement\ncaf\xe9\ngood\n", [("caf\ufffd", "c.csv:2", True), ("good", "c.csv:3", False)]),
    (b'statement\n"never closed\nmore\n', [("", "c.csv:2", True)]),
    (b"id,statement\n1\n2,\n3,three\n", [("three", "c.csv:4", False)]),  # short and empty rows
    (b"", []),
]


@pytest.mark.parametrize(("data", "expected"), CSV)
def test_csv_rows(tmp_path: Path, data: bytes, expected: list[tuple[str, str, bool]]) -> None:
    assert shape(read(tmp_path, "c.csv", data)) == expected


def test_a_csv_field_over_the_limit_is_an_error_and_the_next_row_is_read(tmp_path: Path) -> None:
    big = "x" * 200_000
    items = read(tmp_path, "c.csv", f'statement\n"{big}"\ngood\n'.encode())
    assert [i.statement for i in items if not i.error] == ["good"]
    assert len([i for i in items if i.error]) == 1


# --- files that cannot be read at all: an error before anything is checked -----------------------


def test_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(
        InputError, match=r"missing\.txt: no such file; check the name and the folder$"
    ):
        inputs.read_items(str(tmp_path / "missing.txt"))


def test_a_folder(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r": is a folder, not a file; name a file in it$"):
        inputs.read_items(str(tmp_path))


@pytest.mark.parametrize(
    "data", [b"\x00\x01\x02binary", b"PK\x03\x04" + b"\x00" * 100, b"text\n" * 10 + b"\x00"]
)
def test_binary_content(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "f.txt"
    path.write_bytes(data)
    with pytest.raises(InputError, match=r"f\.txt: is a binary file, not text"):
        inputs.read_items(str(path))


def test_an_unknown_encoding(tmp_path: Path) -> None:
    path = tmp_path / "f.txt"
    path.write_text("x\n", encoding="utf-8")
    with pytest.raises(InputError, match="unknown encoding 'klingon'; give one Python knows"):
        inputs.read_items(str(path), None, "klingon")


def test_an_unknown_input_format(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="unknown input format 'xml'"):
        inputs.read_items(str(tmp_path / "f.txt"), "xml")


@pytest.mark.skipif(
    os.name != "posix" or os.geteuid() == 0, reason="root reads any file: chmod 000 blocks nothing"
)
def test_an_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "f.txt"
    path.write_text("x\n", encoding="utf-8")
    path.chmod(0)
    try:
        with pytest.raises(InputError, match=r"f\.txt: permission denied"):
            inputs.read_items(str(path))
    finally:
        path.chmod(0o644)


def test_standard_input(monkeypatch: pytest.MonkeyPatch) -> None:
    stdin = io.TextIOWrapper(
        io.BufferedReader(io.BytesIO(b"\xef\xbb\xbfone\r\n\ntwo")), encoding="utf-8"
    )
    monkeypatch.setattr(sys, "stdin", stdin)
    items = list(inputs.read_items("-"))
    assert [(i.statement, i.where) for i in items] == [("one", "<stdin>:1"), ("two", "<stdin>:3")]
    assert not stdin.closed  # standard input is not ours to close


def test_the_file_is_closed_when_the_items_are_done(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[io.BufferedReader] = []

    def tracking_open(path: Path, mode: str) -> io.BufferedReader:
        f = open(path, mode)  # noqa: SIM115
        opened.append(f)  # type: ignore[arg-type]
        return f  # type: ignore[return-value]

    monkeypatch.setattr(inputs, "open", tracking_open, raising=False)
    path = tmp_path / "f.txt"
    path.write_text("one\ntwo\n", encoding="utf-8")
    items = inputs.read_items(str(path))
    assert next(items).statement == "one"
    assert not opened[0].closed
    items.close()  # type: ignore[attr-defined]  # a consumer that stops early
    assert opened[0].closed
    assert [i.statement for i in inputs.read_items(str(path))] == ["one", "two"]
    assert opened[1].closed


def test_items_serialise_as_json(tmp_path: Path) -> None:
    """What an error item carries goes into the JSON output: it must be valid (no NaN)."""
    items = read(
        tmp_path, "b.jsonl", b'{"statement": "x", "n": NaN}\n{"statement": "y", "n": 1.5}\n'
    )
    for i in items:
        json.dumps(i.extra, allow_nan=False)
