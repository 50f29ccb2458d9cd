"""`checkclaim review`: every sentence seen, positions in the original file, what is skipped,
suppressions, the baseline, and the exit status of the command."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from checkclaim import draft as dr
from checkclaim import pipeline
from checkclaim.errors import InputError
from checkclaim.models import Result
from checkclaim.sentences import line_col
from review_sentences import CONTRADICTED, NOTHING, SUPPORTED, UNKNOWN

if TYPE_CHECKING:
    from conftest import RunCLI

DRAFTS = Path(__file__).parent / "data" / "drafts"
BRIEFING = DRAFTS / "haiti-briefing.md"


@pytest.fixture(scope="module")
def loaded() -> pipeline.Loaded:
    return pipeline.load_index()


def offset_of(text: str, line: int, column: int) -> int:
    """The offset of a 1-based line and column (in characters) of `text`."""
    starts = [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]
    return starts[line - 1] + column - 1


def write(path: Path, text: str, newline: str = "\n") -> Path:
    path.write_bytes(text.replace("\n", newline).encode("utf-8"))
    return path


# --- every sentence, at its place in the original ---------------------------------------

CRLF_DRAFT = (
    "# Café society — Ruto\u2019s pledge\n"
    "\n"
    "Über-busy “editors” wrote this. Reports indicate that armed groups control around 80\n"
    "percent of Port-au-Prince.\n"
    "\n"
    "- Naïve résumé of 2,500 police officers, deployed to Haiti by January.\n"
    "- ✓ Ruto did not visit Haiti.\n"
)
PLAIN_DRAFT = (
    "Kenya is on track to deploy 2,500 police officers to Haiti by January.\n"
    "The announcement followed a visit by Ruto to Haiti.\n\n"
    "Ruto spoke in New York on Thursday. Armed groups control around 80 percent of "
    "Port-au-Prince.\n"
)


def _cases(tmp: Path) -> list[tuple[Path, str]]:
    return [
        (BRIEFING, BRIEFING.read_text(encoding="utf-8")),
        (write(tmp / "crlf.md", CRLF_DRAFT, "\r\n"), CRLF_DRAFT.replace("\n", "\r\n")),
        (write(tmp / "crlf.txt", CRLF_DRAFT, "\r\n"), CRLF_DRAFT.replace("\n", "\r\n")),
        (write(tmp / "plain.txt", PLAIN_DRAFT), PLAIN_DRAFT),
    ]


@pytest.mark.parametrize("case", range(4), ids=["markdown", "crlf-md", "crlf-txt", "plain"])
def test_positions_point_at_the_sentence_in_the_original(
    case: int, tmp_path: Path, loaded: pipeline.Loaded
) -> None:
    path, text = _cases(tmp_path)[case]
    review = dr.review_drafts([dr.read_draft(str(path))], loaded)
    assert review.findings
    assert review.drafts[0].text == text  # read as is: CRLF kept, nothing normalised
    for f in review.findings:
        start = offset_of(text, f.line, f.column)
        end = offset_of(text, f.end_line, f.end_column)
        assert (start, end) == (f.start, f.end)
        assert (f.line, f.column) == line_col(text, f.start)
        first_word = f.sentence.split()[0]
        assert text[start : start + len(first_word)] == first_word, f
        assert text[end - 1] == f.sentence[-1], f
        # the sentence is the original's prose, whitespace aside
        assert " ".join(text[start:end].split()).startswith(first_word)


def test_non_ascii_before_a_sentence_counts_characters_not_bytes(
    tmp_path: Path, loaded: pipeline.Loaded
) -> None:
    path = write(tmp_path / "d.md", CRLF_DRAFT, "\r\n")
    review = dr.review_drafts([dr.read_draft(str(path))], loaded)
    reports = next(f for f in review.findings if f.sentence.startswith("Reports"))
    line = CRLF_DRAFT.splitlines()[reports.line - 1]
    assert (reports.line, reports.end_line) == (3, 4)  # one sentence over a CRLF line break
    assert reports.sentence.endswith("around 80 percent of Port-au-Prince.")
    assert reports.column == line.index("Reports") + 1  # characters: “ and Ü are one each
    assert reports.column != len(line[: line.index("Reports")].encode("utf-8")) + 1


def test_every_sentence_of_the_draft_is_a_finding_in_order(loaded: pipeline.Loaded) -> None:
    review = dr.review_drafts([dr.read_draft(str(BRIEFING))], loaded)
    starts = [f.start for f in review.findings]
    assert starts == sorted(starts)
    assert [f.index for f in review.findings] == list(range(len(review.findings)))
    sentences = [f.sentence for f in review.findings]
    for expected in (
        "Kenya renews its pledge to Haiti at the UN",  # heading
        "Armed groups control around 80 percent of Port-au-Prince.",  # list item
        "Police officers Kenya will deploy to Haiti by January.",  # table cell
        "Ruto called for more support to equip the Haitian National Police.",  # block quote
        "Good morning, and thanks for reading.",  # skipped, but seen
        "Ruto visited Haiti three times in one week.",  # ignored, but seen
    ):
        assert expected in sentences


@pytest.mark.parametrize(
    "hidden",
    ["Desk editor", "900", "12 percent", "example.org", "ATMIS", "checkclaim: ignore"],
)
def test_what_markdown_hides_is_in_no_sentence(hidden: str, loaded: pipeline.Loaded) -> None:
    review = dr.review_drafts([dr.read_draft(str(BRIEFING))], loaded)
    assert not any(hidden in f.sentence for f in review.findings)


@pytest.mark.parametrize(
    ("markdown", "sentence"),
    [
        ("Kenya backs the mission in Somalia (`ATMIS`), which helps.",
         "Kenya backs the mission in Somalia, which helps."),
        ("See [the IOM](https://example.org/iom) report on *New York*.",
         "See the IOM report on New York."),
        ("Ruto   spoke,\nat length,\r\nin **New** York.", "Ruto spoke, at length, in New York."),
        ("A <!-- a note --> comment, inline.", "A comment, inline."),
        ("Deploy `2,500` officers to Haiti.", "Deploy officers to Haiti."),
    ],
)  # fmt: skip
def test_the_sentence_is_the_prose_a_reader_sees(
    markdown: str, sentence: str, loaded: pipeline.Loaded
) -> None:
    review = dr.review_text(markdown + "\n", "d.md", loaded)
    assert [f.sentence for f in review.findings] == [sentence]


# --- what is checked ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "verdict"),
    [
        (SUPPORTED, "supported"),
        (CONTRADICTED, "contradicted"),
        (UNKNOWN, "unknown"),
        (NOTHING, "skipped"),
        ("Good morning, and thanks for reading.", "skipped"),
        ("Thanks!", "skipped"),
        ("2,500", "skipped"),
    ],
)
def test_clear_verdicts_and_what_is_skipped(
    sentence: str, verdict: str, loaded: pipeline.Loaded
) -> None:
    review = dr.review_text(sentence + "\n", "d.md", loaded)
    assert [f.verdict for f in review.findings] == [verdict]
    f = review.findings[0]
    assert bool(f.skip_reason) == (verdict == "skipped")
    assert (f.result is None) == (verdict == "skipped")


@pytest.mark.parametrize(
    ("sentence", "anchored"),
    [
        ("Kenya sends officers.", False),  # a capital at the start alone is no name
        ("He thanked Kenya.", True),
        ("The UN met.", True),
        ("It rose by 12 percent.", True),
        ("It rose by twelve percent.", True),
        ("They met on Thursday.", True),
        ("This is a remarkable achievement for everyone.", False),
    ],
)
def test_has_anchor(sentence: str, anchored: bool) -> None:
    assert dr.has_anchor(sentence) is anchored


def test_the_disagreeing_part_is_marked_in_the_sentence_and_the_original(
    tmp_path: Path, loaded: pipeline.Loaded
) -> None:
    text = f"# Notes\n\nIntro line. **{CONTRADICTED}**\n"
    review = dr.review_text(text, "d.md", loaded)
    f = next(f for f in review.findings if f.verdict == "contradicted")
    assert f.marks and f.spans
    (s, e), (os_, oe) = f.marks[0], f.spans[0]
    assert "30" in f.sentence[s:e]
    assert text[os_:oe] == f.sentence[s:e]


def test_sentences_are_checked_once_through_check_many(
    monkeypatch: pytest.MonkeyPatch, loaded: pipeline.Loaded
) -> None:
    calls: list[list[str]] = []
    real = pipeline.check_many

    def spy(
        items: Iterable[str], loaded: pipeline.Loaded | None = None, explain: bool = False
    ) -> Iterator[Result]:
        listed = list(items)
        calls.append(listed)
        return real(listed, loaded, explain)

    monkeypatch.setattr(pipeline, "check_many", spy)
    text = "\n\n".join([SUPPORTED, CONTRADICTED] * 50)
    review = dr.review_text(text, "d.md", loaded)
    assert len(review.findings) == 100
    assert len(calls) == 1 and len(calls[0]) == 100


# --- suppressions -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "suppressed"),
    [
        (f"<!-- checkclaim: ignore -->\n{CONTRADICTED}\n\n{UNKNOWN}\n", [True, False]),
        (f"{CONTRADICTED} <!-- checkclaim: ignore -->\n\n{UNKNOWN}\n", [True, False]),
        (f"{CONTRADICTED}\n\n<!-- checkclaim-ignore -->\n\n{UNKNOWN}\n", [False, True]),
        (f"```\n<!-- checkclaim: ignore -->\n```\n\n{CONTRADICTED}\n", [False]),
    ],
    ids=["line-before", "same-line", "synonym-blank-line", "in-code-block"],
)
def test_inline_ignore_comments(text: str, suppressed: list[bool], loaded: pipeline.Loaded) -> None:
    review = dr.review_text(text, "d.md", loaded)
    assert [f.suppressed == "inline" for f in review.findings] == suppressed
    for f in review.findings:
        if f.suppressed:
            assert f.verdict == "skipped" and f.result is None


def test_inline_ignore_in_plain_text(loaded: pipeline.Loaded) -> None:
    text = f"{CONTRADICTED} <!-- checkclaim: ignore -->\n\n{UNKNOWN}\n"
    review = dr.review_text(text, "d.txt", loaded)
    assert [f.verdict for f in review.findings] == ["skipped", "unknown"]
    assert review.summary.exit_code == 0


@pytest.mark.parametrize(
    ("pattern", "skipped"),
    [
        ("*30 percent*", [False, True]),
        ("REPORTS INDICATE*", [True, True]),
        ("*tower", [False, False]),
    ],
)
def test_ignore_patterns_skip_sentences(
    pattern: str, skipped: list[bool], loaded: pipeline.Loaded
) -> None:
    review = dr.review_text(f"{SUPPORTED}\n\n{CONTRADICTED}\n", "d.md", loaded, ignore=[pattern])
    assert [f.suppressed == "config" for f in review.findings] == skipped


@pytest.mark.parametrize(
    ("path", "pattern", "root", "ignored"),
    [
        ("drafts/archive/old.md", "*/archive/*", None, True),
        ("drafts/archive/old.md", "old.md", None, True),
        ("drafts/new.md", "*/archive/*", None, False),
        ("drafts/archive/old.md", "drafts/archive/*", ".", True),
    ],
)
def test_ignore_patterns_leave_files_out(
    path: str, pattern: str, root: str | None, ignored: bool
) -> None:
    got = dr.is_ignored_file(path, [pattern], Path(root) if root else None)
    assert bool(got) is ignored


# --- the baseline -------------------------------------------------------------------------


def test_fingerprint_ignores_line_and_spacing_but_not_claim_or_verdict() -> None:
    fp = dr.fingerprint("Armed groups  control\n80 percent.", "c-1", "contradicted")
    assert fp == dr.fingerprint("armed groups control 80 percent.", "c-1", "contradicted")
    assert fp != dr.fingerprint("Armed groups control 80 percent.", "c-2", "contradicted")
    assert fp != dr.fingerprint("Armed groups control 80 percent.", "c-1", "unknown")
    assert fp != dr.fingerprint("Armed groups control 90 percent.", "c-1", "contradicted")


def test_baseline_survives_edits_elsewhere(tmp_path: Path, loaded: pipeline.Loaded) -> None:
    first = dr.review_text(f"{SUPPORTED}\n\n{CONTRADICTED}\n\n{UNKNOWN}\n", "d.md", loaded)
    assert first.summary.exit_code == 1
    path = tmp_path / "baseline.json"
    path.write_text(dr.baseline_text(first), encoding="utf-8")
    accepted = dr.read_baseline(path)
    assert len(accepted) == 2  # the contradicted and the unknown sentence

    edited = f"# A new heading\n\nA new paragraph about Kenya.\n\n{SUPPORTED}\n\n\n{CONTRADICTED}\n"
    again = dr.review_text(edited, "d.md", loaded, baseline=accepted, fail_on="unknown")
    old = next(f for f in again.findings if f.sentence == CONTRADICTED)
    assert old.accepted and old.line != first.findings[1].line
    assert again.summary.counts["contradicted"] == 0

    changed_text = CONTRADICTED.replace("30", "40") + "\n"
    changed = dr.review_text(changed_text, "d.md", loaded, baseline=accepted)
    assert not changed.findings[0].accepted
    assert changed.summary.exit_code == 1


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "invalid JSON"),
        ('{"findings": []}', "not a checkclaim baseline"),
        ('{"checkclaim_baseline": 99, "findings": []}', "version 99"),
        ('{"checkclaim_baseline": 1, "findings": [{"x": 1}]}', "fingerprints"),
    ],
)
def test_a_bad_baseline_is_an_input_error(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "b.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        dr.read_baseline(path)


# --- the command --------------------------------------------------------------------------


@pytest.fixture
def drafts(tmp_path: Path) -> dict[str, Path]:
    return {
        "clean": write(tmp_path / "clean.md", f"# Notes\n\n{SUPPORTED}\n\n{NOTHING}\n"),
        "unknown": write(tmp_path / "unknown.md", f"{SUPPORTED}\n\n{UNKNOWN}\n"),
        "wrong": write(tmp_path / "wrong.md", f"{SUPPORTED}\n\n{CONTRADICTED}\n\n{UNKNOWN}\n"),
    }


@pytest.mark.parametrize(
    ("name", "args", "code"),
    [
        ("clean", [], 0),
        ("unknown", [], 0),
        ("unknown", ["--fail-on", "unknown"], 1),
        ("wrong", [], 1),
        ("wrong", ["--fail-on", "never"], 0),
        ("clean", ["--fail-on", "unknown"], 0),
    ],
)
def test_exit_status(
    run: RunCLI, drafts: dict[str, Path], name: str, args: list[str], code: int
) -> None:
    r = run("review", str(drafts[name]), *args)
    assert r.exit_code == code, r.stderr
    assert r.stdout.rstrip().splitlines()[-1].split(":")[0].endswith("checked")


@pytest.mark.parametrize(
    ("content", "message"),
    [(None, "no such file"), (b"\x00\x01binary", "binary"), (b"caf\xe9 Kenya.", "UTF-8")],
    ids=["missing", "binary", "not-utf8"],
)
def test_a_draft_that_cannot_be_read_is_one_line_and_exit_2(
    run: RunCLI, tmp_path: Path, content: bytes | None, message: str
) -> None:
    path = tmp_path / "draft.md"
    if content is not None:
        path.write_bytes(content)
    r = run("review", str(path), "--format", "json")
    assert r.exit_code == 2
    assert r.stdout == ""
    assert len(r.stderr.strip().splitlines()) == 1
    assert message in r.stderr and str(path) in r.stderr


def test_an_unreadable_draft_stops_the_run_before_any_check(
    run: RunCLI, drafts: dict[str, Path], tmp_path: Path
) -> None:
    r = run("review", str(drafts["wrong"]), str(tmp_path / "missing.md"))
    assert r.exit_code == 2
    assert r.stdout == ""


def test_standard_input(run: RunCLI) -> None:
    r = run("review", "-", "--format", "json", input=f"{SUPPORTED}\n\n{CONTRADICTED}\n")
    assert r.exit_code == 1, r.stderr
    doc = json.loads(r.stdout)
    assert [f["verdict"] for f in doc["findings"]] == ["supported", "contradicted"]
    assert {f["path"] for f in doc["findings"]} == {"<stdin>"}


def test_standard_input_only_once(run: RunCLI) -> None:
    r = run("review", "-", "-", input=SUPPORTED)
    assert r.exit_code == 2
    assert "only once" in r.stderr


def test_a_folder_of_drafts(run: RunCLI, drafts: dict[str, Path], tmp_path: Path) -> None:
    (tmp_path / "notes.yaml").write_text("not a draft", encoding="utf-8")
    r = run("review", str(tmp_path), "--format", "json")
    assert r.exit_code == 1
    paths = {f["path"] for f in json.loads(r.stdout)["findings"]}
    assert paths == {str(p) for p in drafts.values()}


def test_empty_draft_says_so(run: RunCLI, tmp_path: Path) -> None:
    path = write(tmp_path / "empty.md", "---\ntitle: x\n---\n\n```\ncode\n```\n")
    r = run("review", str(path), "--format", "json")
    assert r.exit_code == 0
    assert json.loads(r.stdout)["findings"] == []
    assert "no sentences" in r.stderr


def test_output_never_replaces_a_file_without_force(
    run: RunCLI, drafts: dict[str, Path], tmp_path: Path
) -> None:
    out = tmp_path / "report.json"
    out.write_text("mine", encoding="utf-8")
    r = run("review", str(drafts["wrong"]), "--format", "json", "--output", str(out))
    assert r.exit_code == 2
    assert "--force" in r.stderr
    assert out.read_text(encoding="utf-8") == "mine"

    r = run("review", str(drafts["wrong"]), "-F", "json", "-o", str(out), "--force")
    assert r.exit_code == 1
    assert r.stdout == ""
    assert json.loads(out.read_text(encoding="utf-8"))["summary"]["contradicted"] == 1


def test_text_output_to_a_file_has_no_colour(
    run: RunCLI, drafts: dict[str, Path], tmp_path: Path
) -> None:
    out = tmp_path / "report.txt"
    r = run("review", str(drafts["wrong"]), "-o", str(out))
    assert r.exit_code == 1
    text = out.read_text(encoding="utf-8")
    assert "\x1b[" not in text
    assert "CONTRADICTED" in text and text.rstrip().endswith("1 unknown")


def test_write_baseline_then_review_with_it(
    run: RunCLI, drafts: dict[str, Path], tmp_path: Path
) -> None:
    base = tmp_path / "baseline.json"
    base.write_text("old", encoding="utf-8")  # replaced on purpose, no --force needed
    r = run("review", str(drafts["wrong"]), "--write-baseline", str(base), "--fail-on", "unknown")
    assert r.exit_code == 0, r.stderr  # what was just written is accepted
    assert "wrote 2 findings" in r.stderr
    rows = json.loads(base.read_text(encoding="utf-8"))["findings"]
    assert sorted(row["verdict"] for row in rows) == ["contradicted", "unknown"]
    assert not list(tmp_path.glob(".baseline.json.*"))  # no temporary file left

    r = run("review", str(drafts["wrong"]), "--baseline", str(base), "--fail-on", "unknown")
    assert r.exit_code == 0, r.stderr
    assert "2 accepted in the baseline" in r.stdout

    write(drafts["wrong"], f"{SUPPORTED}\n\n{CONTRADICTED.replace('30', '40')}\n\n{UNKNOWN}\n")
    r = run("review", str(drafts["wrong"]), "--baseline", str(base), "--format", "json")
    assert r.exit_code == 1
    doc = json.loads(r.stdout)
    assert [f["accepted"] for f in doc["findings"]] == [False, False, True]


def test_a_missing_baseline_is_exit_2(run: RunCLI, drafts: dict[str, Path], tmp_path: Path) -> None:
    r = run("review", str(drafts["clean"]), "--baseline", str(tmp_path / "nope.json"))
    assert r.exit_code == 2
    assert "no such file" in r.stderr


def test_bad_format_is_exit_2(run: RunCLI, drafts: dict[str, Path]) -> None:
    r = run("review", str(drafts["clean"]), "--format", "xml")
    assert r.exit_code == 2
    assert "--format 'xml' is not one of" in r.stderr


def test_the_index_is_loaded_once(
    run: RunCLI, drafts: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[tuple[Any, ...]] = []
    real = pipeline.load_index

    def spy(*args: Any, **kwargs: Any) -> pipeline.Loaded:
        calls.append(args)
        return real(*args, **kwargs)

    monkeypatch.setattr(pipeline, "load_index", spy)
    r = run("review", *(str(p) for p in drafts.values()), "--format", "json")
    assert r.exit_code == 1
    assert len(calls) == 1
