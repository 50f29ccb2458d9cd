"""checkclaim under bad input: a correct result or one clear line and the right exit status,
never a traceback, a hang, a lost file, or anything run that a file says.

Each test here backs a row of the table in docs/robustness.md.
"""

from __future__ import annotations

import csv
import io
import json
import os
import queue
import select
import shutil
import signal
import stat
import subprocess
import sys
import textwrap
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from checkclaim import report, textio
from checkclaim.errors import InputError

if TYPE_CHECKING:
    from conftest import RunCLI

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = ROOT / "claims" / "ruto-unga79.txt"

# Clear verdicts only: the engine is tuned while these tests stand.
SUPPORTED = "Kenya sends 2,500 officers"
CONTRADICTED = "Kenya sends 3,000 officers to Haiti"
UNKNOWN = "The moon is made of cheese."

EVIL_TAG = "!!python/object/apply:os.system ['touch {marker}']"


def jsonl(text: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in text.splitlines()]


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    """A folder of hostile files, each named for what is wrong with it."""
    t = tmp_path
    (t / "folder").mkdir()
    (t / "full").mkdir()
    (t / "full" / "notes.md").write_text("mine\n", encoding="utf-8")
    (t / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (t / "empty.txt").write_bytes(b"")
    (t / "latin1.txt").write_bytes("Caf\u00e9 owners protest in Nairobi.\n".encode("latin-1"))
    (t / "article.txt").write_text("Kenya sent 400 officers to Haiti.\n", encoding="utf-8")
    (t / "existing.yaml").write_text("precious\n", encoding="utf-8")
    (t / "broken.yaml").write_text("schema: 1\narticle: {title: x\nclaims: []\n", encoding="utf-8")
    (t / "schema.yaml").write_text(
        "schema: 1\narticle: {}\nclaims:\n- {id: a, text: t, sentence: x, span: [0, 1]}\n",
        encoding="utf-8",
    )
    (t / "v9.yaml").write_text("schema: 9\narticle: {}\nclaims: []\n", encoding="utf-8")
    claim = "- {id: a, text: Kenya sent 400 officers., sentence: 0, span: [0, 23]}\n"
    (t / "dup.yaml").write_text("schema: 1\narticle: {}\nclaims:\n" + claim * 2, encoding="utf-8")
    (t / "evil.yaml").write_text(
        "schema: 1\narticle:\n  title: " + EVIL_TAG.format(marker=t / "ran") + "\nclaims: []\n",
        encoding="utf-8",
    )
    bomb = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    bomb += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 12)]
    (t / "bomb.yaml").write_text("\n".join(bomb) + "\n", encoding="utf-8")
    (t / "empty.yaml").write_bytes(b"")
    (t / "binary.yaml").write_bytes(b"\x00\x01schema: 1")
    (t / "latin1.yaml").write_bytes(
        "schema: 1\narticle: {title: Caf\u00e9}\nclaims: []\n".encode("latin-1")
    )
    (t / "draft.md").write_text(CONTRADICTED + ".\n", encoding="utf-8")
    (t / "report.txt").write_text("precious\n", encoding="utf-8")
    return {p.name: p for p in t.iterdir()} | {"tmp": t}


# --- errors before anything is checked: one line, exit 2, nothing written ------------------------

ERRORS = [
    # arguments ({name} is a file of the fixture), words the line must hold
    (
        ["check", "--file", "{tmp}/missing.txt"],
        "missing.txt: no such file; check the name and the folder",
    ),
    (["check", "--file", "{folder}"], "folder: is a folder, not a file"),
    (["check", "--file", "{binary.txt}"], "binary.txt: is a binary file, not text"),
    (["check", "--file", "{latin1.txt}", "--encoding", "klingon"], "unknown encoding 'klingon'"),
    (["check", ""], "Invalid value: a statement is empty (see 'checkclaim check --help')"),
    (["check", "   ", SUPPORTED], "a statement is empty"),
    ([""], "a statement is empty"),
    (["check"], "give a statement, or --file PATH"),
    (["check", "--format", "xml", SUPPORTED], "'xml' is not one of"),
    (["check", "--claims", "{broken.yaml}", SUPPORTED], "broken.yaml:3:7:"),
    (
        ["claims", "--claims", "{broken.yaml}"],
        "broken.yaml:3:7: broken YAML, did not find expected ',' or '}': `claims: []`",
    ),
    (
        ["claims", "--claims", "{schema.yaml}"],
        "schema.yaml:4:30: claims[0].sentence: Input should be a valid integer",
    ),
    (["claims", "--claims", "{v9.yaml}"], "v9.yaml:1:9: schema version 9 is not known"),
    (
        ["claims", "--claims", "{dup.yaml}"],
        "dup.yaml:5:8: claim id 'a' is used twice (first at line 4)",
    ),
    (
        ["claims", "--claims", "{evil.yaml}"],
        "evil.yaml:3:10: YAML tag 'tag:yaml.org,2002:python/object/apply:os.system'",
    ),
    (["claims", "--claims", "{bomb.yaml}"], "bomb.yaml:2:10: YAML aliases (*name) are not allowed"),
    (["claims", "--claims", "{empty.yaml}"], "empty.yaml:1: the claim file is empty"),
    (["claims", "--claims", "{binary.yaml}"], "binary.yaml: is a binary file, not text"),
    (
        ["claims", "--claims", "{latin1.yaml}"],
        "latin1.yaml:2: not valid UTF-8 at byte 30; convert the file to UTF-8",
    ),
    (["claims", "--claims", "{folder}"], "folder: holds no claim files"),
    (["build", "{tmp}/missing.txt", "-o", "{tmp}/out.yaml"], "missing.txt: no such file"),
    (["build", "{empty.txt}", "-o", "{tmp}/out.yaml"], "empty.txt: the article is empty"),
    (["build", "{binary.txt}", "-o", "{tmp}/out.yaml"], "binary.txt: is a binary file, not text"),
    (["build", "{latin1.txt}", "-o", "{tmp}/out.yaml"], "latin1.txt:1: not valid UTF-8 at byte 3"),
    (
        ["build", "{article.txt}", "-o", "{existing.yaml}"],
        "existing.yaml: already exists; pass --force to replace it",
    ),
    (
        ["build", "{article.txt}", "-o", "{full}"],
        "full: already exists and is not empty; pass --force",
    ),
    (
        ["build", "{article.txt}", "-o", "{tmp}/no/such/out.yaml"],
        "out.yaml: its folder does not exist",
    ),
    (["build", "{article.txt}"], "Missing option '--output'"),
    (["review", "{tmp}/missing.md"], "missing.md: no such file"),
    (
        ["review", "{draft.md}", "-o", "{report.txt}"],
        "report.txt: already exists; pass --force to replace it",
    ),
]


def fill(args: list[str], files: dict[str, Path]) -> list[str]:
    out = []
    for a in args:
        for name, path in files.items():
            a = a.replace("{" + name + "}", str(path))
        out.append(a)
    return out


def snapshot(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


@pytest.mark.parametrize(("args", "words"), ERRORS)
def test_an_unusable_input_is_one_line_and_exit_2(
    run: RunCLI, files: dict[str, Path], args: list[str], words: str
) -> None:
    before = snapshot(files["tmp"])
    r = run(*fill(args, files))
    assert r.exit_code == 2, r.stderr
    assert r.stdout == ""
    assert r.stderr.startswith("checkclaim: ")
    assert r.stderr.count("\n") == 1, r.stderr
    assert words in r.stderr
    assert snapshot(files["tmp"]) == before  # nothing written, nothing lost, nothing run


def test_a_yaml_tag_never_runs(run: RunCLI, files: dict[str, Path]) -> None:
    for args in (
        ["claims", "-c", str(files["evil.yaml"])],
        ["check", "-c", str(files["evil.yaml"]), SUPPORTED],
    ):
        assert run(*args).exit_code == 2
    assert not (files["tmp"] / "ran").exists()


@pytest.mark.skipif(
    os.name != "posix" or os.geteuid() == 0, reason="root reads any file: chmod 000 blocks nothing"
)
def test_an_unreadable_file_is_one_line_and_exit_2(run: RunCLI, files: dict[str, Path]) -> None:
    path = files["article.txt"]
    path.chmod(0)
    try:
        for args in (
            ["check", "--file", str(path)],
            ["build", str(path), "-o", str(files["tmp"] / "o.yaml")],
        ):
            r = run(*args)
            assert r.exit_code == 2
            assert r.stderr == f"checkclaim: {path}: {textio.PERMISSION}\n"
    finally:
        path.chmod(0o644)


def test_a_file_name_with_control_characters_is_shown_escaped(run: RunCLI, tmp_path: Path) -> None:
    r = run("check", "--file", str(tmp_path / "\x1b[2Jevil\nname.txt"))
    assert r.exit_code == 2
    assert "\x1b" not in r.stderr
    assert r.stderr.count("\n") == 1
    assert "\\x1b[2Jevil\\nname.txt: no such file" in r.stderr


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_a_device_is_refused_before_it_is_read() -> None:
    with pytest.raises(InputError, match=r"^/dev/zero: is a device or socket, not a file"):
        textio.read_text("/dev/zero")


def test_a_non_utf8_argument_is_checked_and_printed_escaped(run: RunCLI) -> None:
    # what Python makes of the byte 0xE9 in an argument on a UTF-8 system
    r = run("check", "--format", "jsonl", "--fail-on", "never", f"Caf\udce9 {UNKNOWN}")
    assert r.exit_code == 0, r.stderr
    assert json.loads(r.stdout)["statement"] == f"Caf\udce9 {UNKNOWN}"


# --- empty input: no results, a note, exit 0 -----------------------------------------------------


@pytest.mark.parametrize("fmt", ["table", "jsonl", "csv"])
def test_an_empty_file_gives_no_results_and_a_note(
    run: RunCLI, files: dict[str, Path], fmt: str
) -> None:
    r = run("check", "--file", str(files["empty.txt"]), "--format", fmt)
    assert r.exit_code == 0
    assert r.stdout == ""
    assert r.stderr == "checkclaim: no statements in the input\n"


@pytest.mark.parametrize("data", ["", "\n\n   \n", "\ufeff"])
def test_empty_standard_input_gives_no_results_and_a_note(run: RunCLI, data: str) -> None:
    r = run("check", "--file", "-", "--format", "jsonl", input=data)
    assert r.exit_code == 0
    assert r.stdout == ""
    assert r.stderr == "checkclaim: no statements in the input\n"


def test_an_empty_json_batch_is_a_valid_document(run: RunCLI, files: dict[str, Path]) -> None:
    r = run("check", "--file", str(files["empty.txt"]), "--format", "json")
    assert r.exit_code == 0
    doc = json.loads(r.stdout)
    assert doc["results"] == []
    assert doc["summary"]["total"] == 0


# --- encodings -----------------------------------------------------------------------------------

SAME_AS_UTF8 = [
    # how the batch is written, the --encoding option (if any)
    (lambda s: s.encode("utf-8"), None),
    (lambda s: b"\xef\xbb\xbf" + s.encode("utf-8"), None),
    (lambda s: s.replace("\n", "\r\n").encode("utf-8"), None),
    (lambda s: s.replace("\n", "\r").encode("utf-8"), None),
    (lambda s: s.encode("utf-16"), None),
    (lambda s: s.encode("utf-16-le"), "utf-16-le"),
    (lambda s: s.encode("utf-32"), None),
    (lambda s: s.encode("cp1252"), "cp1252"),
    (lambda s: s.encode("latin-1"), "latin-1"),
]


@pytest.mark.parametrize(("encode", "encoding"), SAME_AS_UTF8)
def test_every_encoding_reads_the_same_statements(
    run: RunCLI, tmp_path: Path, encode: Any, encoding: str | None
) -> None:
    text = f"{SUPPORTED}\n{CONTRADICTED}\n{UNKNOWN}\nCaf\u00e9 owners protest.\n"
    plain = tmp_path / "plain.txt"
    plain.write_bytes(text.encode("utf-8"))
    other = tmp_path / "other.txt"
    other.write_bytes(encode(text))
    want = run("check", "--file", str(plain), "--format", "jsonl")
    got = run(
        "check",
        "--file",
        str(other),
        "--format",
        "jsonl",
        *(["--encoding", encoding] if encoding else []),
    )
    assert got.exit_code == want.exit_code == 1
    assert [(x["statement"], x["verdict"]) for x in jsonl(got.stdout)] == [
        (x["statement"], x["verdict"]) for x in jsonl(want.stdout)
    ]


def test_invalid_utf8_is_an_error_in_place_naming_file_line_and_byte(
    run: RunCLI, tmp_path: Path
) -> None:
    batch = tmp_path / "batch.txt"
    batch.write_bytes(f"{SUPPORTED}\nCaf\xe9 owners protest.\n{UNKNOWN}\n".encode("latin-1"))
    r = run("check", "--file", str(batch), "--format", "jsonl")
    assert r.exit_code == 2
    rows = jsonl(r.stdout)
    assert [x["verdict"] for x in rows] == ["supported", "error", "unknown"]
    assert rows[1]["message"] == (
        f"{batch}:2: not valid UTF-8 at byte 30; convert the file to UTF-8 or pass its encoding, "
        "e.g. --encoding latin-1"
    )
    fixed = run("check", "--file", str(batch), "--format", "jsonl", "--encoding", "latin-1")
    assert fixed.exit_code == 0
    assert jsonl(fixed.stdout)[1]["statement"] == "Caf\u00e9 owners protest."


SPACES = ["\u00a0", "\u2009", "\u202f", "\u2007", "\u2002", "\u2003", "\u205f", "\u3000", "\u1680"]


@pytest.mark.parametrize("space", SPACES, ids=[f"U+{ord(s):04X}" for s in SPACES])
def test_digits_grouped_by_any_unicode_space_read_as_with_a_comma(run: RunCLI, space: str) -> None:
    plain = run("check", "--format", "jsonl", SUPPORTED, CONTRADICTED)
    spaced = run(
        "check",
        "--format",
        "jsonl",
        SUPPORTED.replace(",", space),
        CONTRADICTED.replace(",", space),
    )
    assert spaced.exit_code == plain.exit_code
    want = [(x["verdict"], x["claim_id"], x["score"]) for x in jsonl(plain.stdout)]
    assert [(x["verdict"], x["claim_id"], x["score"]) for x in jsonl(spaced.stdout)] == want


VARIANTS = [
    # the statement in plain ASCII, the same with Unicode variants
    ("Kenya's police will go to Haiti", "Kenya\u2019s police will go to Haiti"),
    ("Kenya's police will go to Haiti", "Kenya\u00b4s police will go to Haiti"),
    ('Ruto called it "mission impossible"', "Ruto called it \u201cmission impossible\u201d"),
    ("Kenya sends 2,500 officers - to Haiti", "Kenya sends 2,500 officers \u2014 to Haiti"),
    (
        "Kenya sends 2,500 officers",
        "Kenya sends \uff12,\uff15\uff10\uff10 officers",
    ),  # full-width digits
    ("Kenya sends 2,500 officers", "Ken\u00adya sends 2,500 offi\u200bcers"),
]


@pytest.mark.parametrize(("plain", "variant"), VARIANTS)
def test_unicode_variants_are_read_alike(run: RunCLI, plain: str, variant: str) -> None:
    a = jsonl(run("check", "--format", "jsonl", "--fail-on", "never", plain).stdout)[0]
    b = jsonl(run("check", "--format", "jsonl", "--fail-on", "never", variant).stdout)[0]
    assert (b["verdict"], b["claim_id"]) == (a["verdict"], a["claim_id"])


# --- a batch goes on past an unreadable item, and exits 2 at the end -----------------------------

BAD_ITEMS = [
    # file name, content with the bad item second, words of its error
    (
        "b.txt",
        f"{SUPPORTED}\n{'1,234,' * 200_000}\n{UNKNOWN}\n".encode(),
        "b.txt:2: the line is too long (1,200,000 bytes",
    ),
    (
        "b.txt",
        f"{SUPPORTED}\n{'x' * 150_000}\n{UNKNOWN}\n".encode(),
        "b.txt:2: the statement is too long (150,000 characters",
    ),
    (
        "b.txt",
        f"{SUPPORTED}\nCaf\xe9\n{UNKNOWN}\n".encode("latin-1"),
        "b.txt:2: not valid UTF-8 at byte 30",
    ),
    (
        "b.jsonl",
        f'{{"statement": "{SUPPORTED}"}}\n{{"statement": \n{{"statement": "{UNKNOWN}"}}\n'.encode(),
        "b.jsonl:2: not valid JSON",
    ),
    (
        "b.jsonl",
        (
            f'{{"statement": "{SUPPORTED}"}}\n{{"statement": "x", "n": NaN}}\n'
            f'{{"statement": "{UNKNOWN}"}}\n'
        ).encode(),
        "NaN is not a JSON value",
    ),
    (
        "b.csv",
        f'statement\n"{SUPPORTED}"\n"bad"quote\n"{UNKNOWN}"\n'.encode(),
        "b.csv:3: not valid CSV",
    ),
]


@pytest.mark.parametrize(("name", "data", "words"), BAD_ITEMS)
@pytest.mark.parametrize("fmt", ["jsonl", "csv", "table"])
def test_an_unreadable_item_is_an_error_in_its_place(
    run: RunCLI, tmp_path: Path, name: str, data: bytes, words: str, fmt: str
) -> None:
    batch = tmp_path / name
    batch.write_bytes(data)
    r = run("check", "--file", str(batch), "--format", fmt, "--fail-on", "never")
    assert r.exit_code == 2
    assert "Traceback" not in r.stderr
    if fmt == "jsonl":
        rows = jsonl(r.stdout)
        assert [x["verdict"] for x in rows] == ["supported", "error", "unknown"]
        assert words in rows[1]["message"]
        assert "\n" not in rows[1]["message"]
    else:
        assert words in " ".join(r.stdout.split()).replace(str(tmp_path) + "/", "")


# --- claim sets and their articles ---------------------------------------------------------------


def test_a_claim_file_whose_article_changed_warns(run: RunCLI, tmp_path: Path) -> None:
    article = tmp_path / "ruto.txt"
    shutil.copy(ARTICLE, article)
    article.chmod(0o644)
    claims = tmp_path / "ruto.yaml"
    assert run("build", str(article), "-o", str(claims)).exit_code == 0
    r = run("check", "--claims", str(claims), SUPPORTED)
    assert (r.exit_code, r.stderr) == (0, "")
    with open(article, "a", encoding="utf-8") as f:
        f.write("\nA sentence added later.\n")
    r = run("check", "--claims", str(claims), SUPPORTED)
    assert r.exit_code == 0
    assert r.stderr == (
        f"checkclaim: warning: {claims}: the article {article} has changed since this claim set "
        "was built; rebuild it with `checkclaim build`\n"
    )
    assert run("check", "--quiet", "--claims", str(claims), SUPPORTED).stderr == ""


# --- writing: never over a file without --force; atomic; nothing left behind ---------------------


def test_build_replaces_only_with_force(run: RunCLI, files: dict[str, Path]) -> None:
    out = files["existing.yaml"]
    out.chmod(0o640)
    r = run("build", str(files["article.txt"]), "-o", str(out), "--force")
    assert r.exit_code == 0, r.stderr
    assert out.read_text(encoding="utf-8").startswith("# checkclaim claim set")
    assert stat.S_IMODE(out.stat().st_mode) == 0o640  # the replaced file keeps its permissions
    assert [p.name for p in files["tmp"].iterdir() if p.name.startswith(".")] == []


def test_build_with_force_into_a_folder_leaves_other_files_alone(
    run: RunCLI, files: dict[str, Path]
) -> None:
    full = files["full"]
    (full / "article.yaml").write_text("old\n", encoding="utf-8")
    r = run("build", str(files["article.txt"]), "-o", str(full), "--force")
    assert r.exit_code == 0, r.stderr
    assert (full / "notes.md").read_text(encoding="utf-8") == "mine\n"
    assert (full / "article.yaml").read_text(encoding="utf-8").startswith("# checkclaim claim set")


def test_a_new_file_gets_the_usual_permissions(tmp_path: Path) -> None:
    mask = os.umask(0o022)
    try:
        textio.write_text(tmp_path / "new.yaml", "x\n")
        textio.write_folder(tmp_path / "new", {"a.yaml": "x\n"})
    finally:
        os.umask(mask)
    assert stat.S_IMODE((tmp_path / "new.yaml").stat().st_mode) == 0o644
    assert stat.S_IMODE((tmp_path / "new").stat().st_mode) == 0o755
    assert stat.S_IMODE((tmp_path / "new" / "a.yaml").stat().st_mode) == 0o644


def _fail(exc: BaseException) -> Any:
    def fail(*args: object, **kwargs: object) -> None:
        raise exc

    return fail


INTERRUPTIONS = [
    # what fails, and how
    ("os.replace", OSError(28, "No space left on device")),
    ("os.replace", KeyboardInterrupt()),
    ("os.fsync", OSError(5, "Input/output error")),
    ("os.fsync", SystemExit(143)),  # a kill, as main() turns SIGTERM
    ("os.chmod", KeyboardInterrupt()),
]


@pytest.mark.parametrize(("target", "exc"), INTERRUPTIONS)
def test_an_interrupted_write_leaves_the_old_file_and_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, target: str, exc: BaseException
) -> None:
    out = tmp_path / "claims.yaml"
    out.write_text("old\n", encoding="utf-8")
    monkeypatch.setattr(target, _fail(exc))
    with pytest.raises((InputError, type(exc))) as e:
        textio.write_text(out, "new\n", force=True)
    if isinstance(exc, OSError):
        assert e.type is InputError
        assert str(e.value).endswith("; nothing was changed")
    monkeypatch.undo()
    assert out.read_text(encoding="utf-8") == "old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["claims.yaml"]


@pytest.mark.parametrize(("target", "exc"), INTERRUPTIONS)
def test_an_interrupted_folder_write_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, target: str, exc: BaseException
) -> None:
    monkeypatch.setattr(target, _fail(exc))
    with pytest.raises((InputError, type(exc))):
        textio.write_folder(tmp_path / "out", {"a.yaml": "a\n", "b.yaml": "b\n"})
    monkeypatch.undo()
    assert list(tmp_path.iterdir()) == []


def test_a_failed_build_says_nothing_was_changed(
    run: RunCLI, files: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    out = files["existing.yaml"]
    monkeypatch.setattr("os.replace", _fail(OSError(28, "No space left on device")))
    r = run("build", str(files["article.txt"]), "-o", str(out), "--force")
    monkeypatch.undo()
    assert r.exit_code == 2
    assert r.stderr == (
        f"checkclaim: {out}: cannot be written (No space left on device); nothing was changed\n"
    )
    assert out.read_text(encoding="utf-8") == "precious\n"
    assert not [p for p in files["tmp"].iterdir() if p.name.startswith(".")]


# --- output safety -------------------------------------------------------------------------------

FORMULAS = ["=1+2", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1", '=HYPERLINK("http://x")']


@pytest.mark.parametrize("value", FORMULAS)
def test_a_csv_cell_never_starts_a_formula(value: str) -> None:
    # quoted, and a carriage return (which would start a row in a spreadsheet) made a newline
    assert report.csv_cell(value) == "'" + value.replace("\r", "\n")


@pytest.mark.parametrize("value", ["plain", "2,500", "", None, 3, "a=b"])
def test_a_csv_cell_that_is_no_formula_is_left_alone(value: object) -> None:
    assert report.csv_cell(value) == ("" if value is None else str(value))


def _csv_cells(run: RunCLI, tmp_path: Path, values: list[str]) -> list[list[str]]:
    """The rows a spreadsheet reads from `check --format csv` of statements and fields
    that carry `values`."""
    batch = tmp_path / "b.jsonl"
    lines = [{"statement": f"{UNKNOWN} {v}", "note": v} for v in values]
    batch.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    r = run("check", "--file", str(batch), "--format", "csv")
    assert r.exit_code == 0, r.stderr
    return list(csv.reader(io.StringIO(r.stdout, newline="")))[1:]


def test_csv_output_neutralises_formulas_from_the_input(run: RunCLI, tmp_path: Path) -> None:
    rows = _csv_cells(run, tmp_path, [f for f in FORMULAS if "\r" not in f])
    notes = [row[-1] for row in rows]
    assert notes == ["'" + f for f in FORMULAS if "\r" not in f]
    assert not [c for row in rows for c in row if c[:1] in ("=", "+", "-", "@", "\t", "\r")]


def test_a_carriage_return_in_a_csv_cell_cannot_start_a_row(run: RunCLI, tmp_path: Path) -> None:
    rows = _csv_cells(run, tmp_path, ["\r=1+2", "a\r=1+2"])
    assert len(rows) == 2
    assert not [c for row in rows for c in row if c[:1] in ("=", "+", "-", "@", "\t", "\r")]


def test_review_html_escapes_what_it_takes_from_the_draft_and_the_claims(
    run: RunCLI, tmp_path: Path
) -> None:
    article = tmp_path / "a.txt"
    article.write_text(
        "Kenya will send 2,500 officers to Haiti, the minister said <img src=x onerror=alert(1)>"
        " </script><script>alert(2)</script>.\n",
        encoding="utf-8",
    )
    draft = tmp_path / "d.md"
    draft.write_text(
        "Kenya will send 3,000 officers to Haiti <img src=y onerror=alert(3)>.\n\n"
        "The moon </script><script>alert(4)</script> is cheese.\n",
        encoding="utf-8",
    )
    r = run("review", str(draft), "--claims", str(article), "--format", "html")
    assert r.exit_code in (0, 1), r.stderr
    for raw in ("<img src=x", "<img src=y", "<script>alert", "onerror=alert(1)>"):
        assert raw not in r.stdout


# --- signals and pipes, in a real process --------------------------------------------------------


def _checkclaim(*args: str, **kwargs: Any) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    return subprocess.Popen(
        [sys.executable, "-m", "checkclaim", *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        **kwargs,
    )


def _first_line(p: subprocess.Popen[bytes], timeout: float = 120) -> bytes:
    assert p.stdout is not None
    ready, _, _ = select.select([p.stdout], [], [], timeout)
    assert ready, "no output in time"
    return p.stdout.readline()


@pytest.fixture
def reading_stdin() -> Iterator[subprocess.Popen[bytes]]:
    """`checkclaim check --file -` that has answered one statement and waits for the next."""
    p = _checkclaim("check", "--file", "-", "--format", "jsonl")
    assert p.stdin is not None
    try:
        p.stdin.write(f"{SUPPORTED}\n".encode())
        p.stdin.flush()
        assert json.loads(_first_line(p))["verdict"] == "supported"
        yield p
    finally:
        if p.poll() is None:
            p.kill()
        p.wait()


@pytest.mark.skipif(os.name != "posix", reason="POSIX signals")
@pytest.mark.parametrize(
    ("signum", "code"), [(signal.SIGINT, 130), (signal.SIGTERM, 143)], ids=["ctrl-c", "kill"]
)
def test_a_signal_exits_quietly(
    reading_stdin: subprocess.Popen[bytes], signum: int, code: int
) -> None:
    reading_stdin.send_signal(signum)
    _, err = reading_stdin.communicate(timeout=60)
    assert reading_stdin.returncode == code
    assert err == b""


@pytest.mark.skipif(os.name != "posix", reason="POSIX pipes")
@pytest.mark.parametrize("fmt", ["jsonl", "csv", "table"])
def test_a_closed_pipe_ends_quietly(tmp_path: Path, fmt: str) -> None:
    batch = tmp_path / "big.txt"
    batch.write_text(f"{SUPPORTED}\n{UNKNOWN}\n{CONTRADICTED}\n" * 3000, encoding="utf-8")
    p = _checkclaim("check", "--file", str(batch), "--format", fmt, "--fail-on", "never")
    assert p.stdout is not None and p.stderr is not None
    _first_line(p)
    p.stdout.close()  # `| head -1`
    p.wait(timeout=300)
    err = p.stderr.read().decode()
    assert p.returncode in (0, 141), err
    assert err == ""


# --- hostile shapes stay linear: no catastrophic backtracking ------------------------------------

# Each shape goes through every stage that reads a statement or an article, whole: normalize,
# sentences.split, quantities.extract, features.read, then pipeline.check (which itself reads
# only the first pipeline.MAX_READ characters). It runs in a child process that is stopped at
# the bound, so a regex gone exponential fails the test instead of hanging it. The bound is
# generous on purpose (figures in docs/robustness.md): it guards against a return to
# exponential (or quadratic) time, not against slowness.
BOUND = 10.0
MEGABYTE = 1_000_000
SHAPES = {
    # name: (unit repeated, length in characters)
    "digits and commas": ("123,456,", MEGABYTE),
    "digits": ("1234567890", MEGABYTE),
    "1,1,1": ("1,", MEGABYTE),
    "((((": ("(", MEGABYTE),
    "----": ("-", MEGABYTE),
    "dots and digits": ("1.", 100_000),
    "capitalised words": ("Alpha Beta ", 100_000),
    "qualifiers": ("over more than about ", 100_000),
    "number words": ("twenty one hundred ", 100_000),
    "apostrophes": ("a'", 100_000),
    "abbreviations": ("A.B.", 100_000),
    "currency figures": ("$1 ", 100_000),
    "day and month": ("May 1 ", 100_000),
    "spaced digit groups": ("1 234 ", 100_000),
}

_TIMER = textwrap.dedent(
    """
    import json, sys, time
    from checkclaim import pipeline, sentences
    from checkclaim.features import read
    from checkclaim.normalize import normalize
    from checkclaim.quantities import extract
    loaded = pipeline.load_index()
    ix = loaded.index
    for name, (unit, size) in json.loads(sys.argv[1]).items():
        text = unit * (size // len(unit))
        start = time.perf_counter()
        norm = normalize(text)
        sentences.split(text)
        extract(norm)
        read(norm, ix.lex, ix.names, ix.lemma, ix.common)
        pipeline.check(text, loaded)
        print(json.dumps({"shape": name, "seconds": time.perf_counter() - start}), flush=True)
    """
)


def _time_shapes(shapes: dict[str, tuple[str, int]], cache: Path) -> dict[str, float]:
    """Seconds each shape took; a shape missing from the answer did not finish in its bound."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("CHECKCLAIM_")}
    env["CHECKCLAIM_CACHE"] = str(cache)
    p = subprocess.Popen(
        [sys.executable, "-c", _TIMER, json.dumps(shapes)],
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert p.stdout is not None
    lines: queue.Queue[str] = queue.Queue()

    def pump() -> None:
        for line in p.stdout or ():
            lines.put(line)

    threading.Thread(target=pump, daemon=True).start()
    done: dict[str, float] = {}
    wait = 60 + BOUND  # time to start and load the claims, then the first shape
    try:
        while len(done) < len(shapes):
            try:
                row = json.loads(lines.get(timeout=wait))
            except queue.Empty:
                break
            done[row["shape"]] = row["seconds"]
            wait = BOUND  # each next shape has BOUND seconds
    finally:
        p.kill()
        p.wait()
    return done


@pytest.fixture(scope="module")
def shape_times(tmp_path_factory: pytest.TempPathFactory) -> dict[str, float]:
    return _time_shapes(SHAPES, tmp_path_factory.mktemp("cache"))


@pytest.mark.skipif(os.name != "posix", reason="signals to stop the child")
@pytest.mark.parametrize("shape", list(SHAPES))
def test_a_hostile_line_is_read_in_bounded_time(shape_times: dict[str, float], shape: str) -> None:
    assert shape in shape_times, f"{shape!r} did not finish within {BOUND} s"
    assert shape_times[shape] < BOUND


def test_a_megabyte_line_in_a_batch_is_refused_at_once(run: RunCLI, tmp_path: Path) -> None:
    batch = tmp_path / "big.txt"
    batch.write_text("123,456," * (MEGABYTE // 8) + f"\n{SUPPORTED}\n", encoding="utf-8")
    r = run("check", "--file", str(batch), "--format", "jsonl")
    assert r.exit_code == 2
    rows = jsonl(r.stdout)
    assert [x["verdict"] for x in rows] == ["error", "supported"]
    assert "the line is too long (1,000,000 bytes" in rows[0]["message"]
