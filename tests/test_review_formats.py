"""The formats of `checkclaim review`: text, line, json, sarif, github and html."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from checkclaim import draft as dr
from checkclaim import pipeline
from checkclaim import review_report as rr
from review_sentences import CONTRADICTED, NOTHING, SUPPORTED, UNKNOWN

if TYPE_CHECKING:
    from conftest import RunCLI

DRAFT = f"# Notes\n\n{SUPPORTED}\n\n{NOTHING} {CONTRADICTED}\n\n- {UNKNOWN}\n"
VERDICTS = {"supported", "contradicted", "unknown", "skipped", "error"}


@pytest.fixture(scope="module")
def loaded() -> pipeline.Loaded:
    return pipeline.load_index()


@pytest.fixture
def draft_file(tmp_path: Path) -> Path:
    path = tmp_path / "my draft.md"
    path.write_text(DRAFT, encoding="utf-8")
    return path


def review_of(text: str, loaded: pipeline.Loaded, path: str = "d.md", **kw: Any) -> dr.Review:
    return dr.review_text(text, path, loaded, **kw)


def line_of(text: str, needle: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if needle in line)


# --- json ---------------------------------------------------------------------------------


def test_json_is_the_contract_of_the_scorer(run: RunCLI, draft_file: Path) -> None:
    r = run("review", str(draft_file), "--format", "json", "--fail-on", "never")
    assert r.exit_code == 0, r.stderr
    doc = json.loads(r.stdout)
    findings = doc["findings"]
    assert [f["sentence"] for f in findings] == ["Notes", SUPPORTED, NOTHING, CONTRADICTED, UNKNOWN]
    for f in findings:
        assert isinstance(f["line"], int) and f["line"] >= 1
        assert isinstance(f["column"], int) and f["column"] >= 1
        assert f["verdict"] in VERDICTS
        for key in ("claim_id", "evidence", "reasons", "end_line", "end_column", "fingerprint"):
            assert key in f
    by = {f["sentence"]: f for f in findings}
    assert by[CONTRADICTED]["verdict"] == "contradicted"
    assert by[CONTRADICTED]["claim_id"] and by[CONTRADICTED]["evidence"]
    assert by[CONTRADICTED]["disagreeing"][0]["text"].startswith("around 30")
    assert by[NOTHING]["verdict"] == "skipped" and by[NOTHING]["message"]
    assert (by[UNKNOWN]["line"], by[UNKNOWN]["column"]) == (line_of(DRAFT, UNKNOWN), 3)
    s = doc["summary"]
    assert (s["contradicted"], s["unknown"], s["skipped"], s["sentences"]) == (1, 1, 2, 5)
    assert s["checked"] == s["supported"] + s["contradicted"] + s["unknown"] + s["error"]


def test_json_is_byte_identical_run_to_run(run: RunCLI, draft_file: Path) -> None:
    first = run("review", str(draft_file), "-F", "json")
    second = run("review", str(draft_file), "-F", "json")
    assert first.stdout_bytes == second.stdout_bytes


# --- line ---------------------------------------------------------------------------------

LINE = re.compile(
    r"^(?P<path>.+):(?P<line>\d+):(?P<col>\d+): (?P<verdict>contradicted|unknown): .+"
)


def test_line_format(run: RunCLI, draft_file: Path) -> None:
    r = run("review", str(draft_file), "--format", "line")
    assert r.exit_code == 1
    lines = r.stdout.splitlines()
    assert len(lines) == 2  # supported and skipped sentences are not findings
    parsed = [LINE.match(line) for line in lines]
    assert all(parsed), lines
    contradicted = next(m for m in parsed if m and m["verdict"] == "contradicted")
    assert contradicted["path"] == str(draft_file)
    line, col = int(contradicted["line"]), int(contradicted["col"])
    assert DRAFT.splitlines()[line - 1][col - 1 :].startswith(CONTRADICTED)
    assert re.search(r" \[[\w-]+\]$", lines[0])


def test_line_format_leaves_accepted_findings_out(loaded: pipeline.Loaded) -> None:
    review = review_of(DRAFT, loaded)
    accepted = dr.accept(review, [f.fingerprint for f in review.findings if f.verdict == "unknown"])
    assert len(rr.line_text(review).splitlines()) == 2
    assert [ln.split(": ")[1] for ln in rr.line_text(accepted).splitlines()] == ["contradicted"]


# --- github -------------------------------------------------------------------------------


def test_github_annotations(run: RunCLI, draft_file: Path) -> None:
    r = run("review", str(draft_file), "--format", "github")
    assert r.exit_code == 1
    lines = r.stdout.splitlines()
    assert [ln.split(" ")[0] for ln in lines] == ["::error", "::warning"]
    error = lines[0]
    assert f"line={line_of(DRAFT, CONTRADICTED)}," in error
    assert ",col=" in error and "endLine=" in error
    assert "file=" + str(draft_file).replace(":", "%3A").replace(",", "%2C") in error
    assert "%0AThe article: " in error  # the evidence on a second line, escaped


@pytest.mark.parametrize(
    ("raw", "data", "prop"),
    [
        ("50% of a, b: c", "50%25 of a, b: c", "50%25 of a%2C b%3A c"),
        ("two\nlines\r", "two%0Alines%0D", "two%0Alines%0D"),
    ],
)
def test_github_escaping(raw: str, data: str, prop: str) -> None:
    assert rr._gh_data(raw) == data
    assert rr._gh_prop(raw) == prop


# --- sarif --------------------------------------------------------------------------------


def test_sarif_required_fields(run: RunCLI, draft_file: Path) -> None:
    r = run("review", str(draft_file), "--format", "sarif")
    assert r.exit_code == 1
    doc = json.loads(r.stdout)
    assert doc["version"] == "2.1.0"
    assert doc["$schema"].endswith("sarif-2.1.0.json")
    assert len(doc["runs"]) == 1
    run_ = doc["runs"][0]
    assert run_["columnKind"] == "unicodeCodePoints"
    driver = run_["tool"]["driver"]
    assert driver["name"] == "checkclaim"
    rule_ids = [rule["id"] for rule in driver["rules"]]
    assert len(set(rule_ids)) == len(rule_ids)
    for rule in driver["rules"]:
        assert rule["shortDescription"]["text"]
        assert rule["defaultConfiguration"]["level"] in ("error", "warning", "note")
    results = run_["results"]
    assert sorted(x["level"] for x in results) == ["error", "warning"]  # one a finding
    for x in results:
        assert x["ruleId"] in rule_ids
        assert rule_ids[x["ruleIndex"]] == x["ruleId"]
        assert x["message"]["text"]
        loc = x["locations"][0]["physicalLocation"]
        assert loc["artifactLocation"]["uri"] == draft_file.as_uri()  # absolute: a file URI
        region = loc["region"]
        for key in ("startLine", "startColumn", "endLine", "endColumn"):
            assert isinstance(region[key], int) and region[key] >= 1
        lines = DRAFT.splitlines()
        start = lines[region["startLine"] - 1][region["startColumn"] - 1 :]
        assert start.startswith(region["snippet"]["text"][:20])
        last = lines[region["endLine"] - 1][region["endColumn"] - 2]  # endColumn: one past
        assert last == x["properties"]["sentence"][-1]
    wrong = next(x for x in results if x["level"] == "error")
    assert wrong["ruleId"] == "wrong-figure"
    assert wrong["properties"]["sentence"] == CONTRADICTED


def test_sarif_relative_uri(loaded: pipeline.Loaded) -> None:
    review = review_of(DRAFT, loaded, path="drafts/a b#1.md")
    results = rr.sarif_doc(review)["runs"][0]["results"]
    assert results[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == (
        "drafts/a%20b%231.md"
    )


def test_sarif_marks_accepted_findings_as_suppressed(loaded: pipeline.Loaded) -> None:
    review = review_of(DRAFT, loaded)
    review = dr.accept(review, [f.fingerprint for f in review.findings])
    results = rr.sarif_doc(review)["runs"][0]["results"]
    assert len(results) == 2
    assert all(x["suppressions"][0]["kind"] == "external" for x in results)


# --- text ---------------------------------------------------------------------------------


def test_text_report(run: RunCLI, draft_file: Path) -> None:
    r = run("review", str(draft_file))
    assert r.exit_code == 1
    out = r.stdout
    assert "\x1b[" not in out  # not a terminal: no colour codes
    assert out.splitlines()[0] == str(draft_file)
    assert "CONTRADICTED" in out and "UNKNOWN" in out and "SUPPORTED" in out
    assert NOTHING not in out  # skipped sentences are left out of human output
    assert "armed groups control around 80 percent" in out  # the article's evidence
    assert re.fullmatch(
        r"3 checked: 1 supported, 1 contradicted, 1 unknown \(2 skipped\)",
        out.rstrip().splitlines()[-1],
    )


def test_text_report_highlights_the_disagreeing_part(loaded: pipeline.Loaded) -> None:
    from rich.console import Console

    console = Console(record=True, width=120, force_terminal=True, color_system="truecolor")
    rr.render_text(review_of(DRAFT, loaded), console)
    html = console.export_html(inline_styles=True)
    assert re.search(r"<span style=\"[^\"]*\">around 30 percent</span>", html)


# --- html ---------------------------------------------------------------------------------


class _Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts.append(data)


HOSTILE = (
    "---\ntitle: <script>alert('front')</script>\n---\n\n"
    f"Ruto said </script><img src=x onerror=alert(1)> that {CONTRADICTED}\n\n"
    "```\n<script>alert('code')</script>\n```\n\n"
    f'{UNKNOWN} "quoted" & <b>bold</b>\n'
)


def test_html_escapes_everything_from_the_draft(loaded: pipeline.Loaded) -> None:
    page = rr.html_text(review_of(HOSTILE, loaded, path="<evil>.md"))
    assert "<script>alert" not in page
    assert "<img" not in page and "<b>bold" not in page and "<evil>" not in page
    assert "&lt;script&gt;alert(&#x27;code&#x27;)&lt;/script&gt;" in page
    parsed = _Collect()
    parsed.feed(page)
    assert [t for t, _ in parsed.tags].count("script") == 2  # our data and our code, no other
    blob = next(s for s in parsed.scripts if s.lstrip().startswith("{"))
    assert "<" not in blob and ">" not in blob  # nothing in the data can close its element
    assert json.loads(blob)


def test_html_is_self_contained(loaded: pipeline.Loaded) -> None:
    page = rr.html_text(review_of(DRAFT, loaded))
    parsed = _Collect()
    parsed.feed(page)
    for tag, attrs in parsed.tags:
        assert tag not in ("link", "iframe", "img", "object", "embed")
        assert not (attrs.get("src") or "").startswith(("http", "//"))
        href = attrs.get("href") or ""
        assert href == "" or href.startswith("#"), href
    assert "default-src 'none'" in page
    assert "@import" not in page and "url(" not in page


def test_html_highlights_every_checked_sentence(loaded: pipeline.Loaded) -> None:
    review = review_of(DRAFT, loaded)
    parsed = _Collect()
    parsed.feed(rr.html_text(review))
    classes = [a.get("class") or "" for t, a in parsed.tags if t == "span"]
    highlighted = [c.split()[1] for c in classes if c.split()[:1] == ["s"]]
    checked = [f.verdict for f in review.findings if f.checked]
    assert highlighted == checked
    assert "skipped" not in highlighted
    assert [t for t, a in parsed.tags if t == "mark"] == ["mark"]  # the disagreeing part
    summary = next(a for t, a in parsed.tags if a.get("id") == "summary")
    assert summary is not None


@pytest.mark.parametrize("fmt", ["json", "sarif", "html", "line", "github"])
def test_machine_formats_are_deterministic(fmt: str, loaded: pipeline.Loaded) -> None:
    assert rr.render(review_of(DRAFT, loaded), fmt) == rr.render(review_of(DRAFT, loaded), fmt)
