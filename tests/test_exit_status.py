"""One test per exit status (like httpie's tests/test_exit_status.py).

| code | meaning |
| 0    | nothing at or above --fail-on |
| 1    | findings: a contradiction (or, with --fail-on unknown, an unknown) |
| 2    | usage or input error |
| 3    | internal error |
| 130  | interrupted |
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from checkclaim.errors import ExitCode

if TYPE_CHECKING:
    from conftest import RunCLI

SUPPORTED = "Kenya sends 2,500 officers"
CONTRADICTED = "Kenya sends 3,000 officers to Haiti"
UNKNOWN = "The moon is made of cheese."


def test_exit_codes_are_the_documented_ones() -> None:
    assert {c.name: int(c) for c in ExitCode} == {
        "OK": 0,
        "FINDINGS": 1,
        "USAGE": 2,
        "INTERNAL": 3,
        "INTERRUPTED": 130,
        "KILLED": 143,
    }


@pytest.mark.parametrize(
    "args",
    [
        [SUPPORTED],
        [UNKNOWN],  # unknown is below the default --fail-on contradicted
        ["check", SUPPORTED, UNKNOWN],
        ["check", "--fail-on", "never", CONTRADICTED],
    ],
)
def test_exit_0_nothing_at_or_above_fail_on(run: RunCLI, args: list[str]) -> None:
    r = run(*args)
    assert r.exit_code == 0, r.stderr
    assert r.stdout


@pytest.mark.parametrize(
    "args",
    [
        [CONTRADICTED],
        ["check", SUPPORTED, CONTRADICTED, UNKNOWN],
        ["check", "--fail-on", "unknown", UNKNOWN],
        ["check", "--fail-on", "unknown", "--format", "jsonl", SUPPORTED, UNKNOWN],
    ],
)
def test_exit_1_findings(run: RunCLI, args: list[str]) -> None:
    r = run(*args)
    assert r.exit_code == 1, r.stderr
    assert r.stdout


FAIL_ON = [
    # statement, --fail-on, exit code
    (SUPPORTED, "contradicted", 0),
    (SUPPORTED, "unknown", 0),
    (SUPPORTED, "never", 0),
    (UNKNOWN, "contradicted", 0),
    (UNKNOWN, "unknown", 1),
    (UNKNOWN, "never", 0),
    (CONTRADICTED, "contradicted", 1),
    (CONTRADICTED, "unknown", 1),
    (CONTRADICTED, "never", 0),
]


@pytest.mark.parametrize(("statement", "fail_on", "code"), FAIL_ON)
def test_fail_on(run: RunCLI, statement: str, fail_on: str, code: int) -> None:
    r = run("check", "--fail-on", fail_on, "--format", "jsonl", statement)
    assert r.exit_code == code, r.stderr
    assert json.loads(r.stdout)["statement"] == statement


BROKEN_CLAIMS = "schema: 1\narticle: title: x\nclaims: []\n"
WRONG_KEY = "schema: 1\narticle: {title: x}\nclaims:\n  - id: a\n    txt: Kenya sent officers.\n"

USAGE_ERRORS = [
    # arguments (with {tmp} for a temporary folder), words the message must hold
    (["check"], "statement"),
    (["check", ""], "empty"),
    (["check", "--format", "xml", SUPPORTED], "xml"),
    (["check", "--fail-on", "sometimes", SUPPORTED], "sometimes"),
    (["check", "--no-such-option", SUPPORTED], "no-such-option"),
    (["check", "--claims", "{tmp}/missing.yaml", SUPPORTED], "missing.yaml"),
    (["check", "--claims", "{tmp}/broken.yaml", SUPPORTED], "broken.yaml:2:"),
    (["check", "--claims", "{tmp}/wrong.yaml", SUPPORTED], "claims[0]"),
    (["check", "--claims", "{tmp}/notes.pdf", SUPPORTED], "notes.pdf"),
    (["check", "--file", "{tmp}/missing.txt"], "missing.txt"),
    (["claims", "--claims", "{tmp}/broken.yaml"], "broken.yaml:2:"),
    (["claims", "--claims", "{tmp}/wrong.yaml"], "claims[0]"),
    (["build", "{tmp}/missing.txt", "-o", "{tmp}/out.yaml"], "missing.txt"),
    (["build", "{tmp}/notes.pdf", "-o", "{tmp}/out.yaml"], "notes.pdf"),
    (["build", "{tmp}/article.txt"], "--output"),
    (["build", "{tmp}/article.txt", "-o", "{tmp}/out.yaml", "--date", "26/09/2024"], "26/09/2024"),
]

# Errors the library raises are one line: `checkclaim: what is wrong`.
ONE_LINE = ("missing", "broken", "wrong", "notes.pdf", "26/09/2024")


@pytest.mark.parametrize(("args", "words"), USAGE_ERRORS)
def test_exit_2_usage_or_input_error(
    run: RunCLI, tmp_path: Path, args: list[str], words: str
) -> None:
    (tmp_path / "broken.yaml").write_text(BROKEN_CLAIMS, encoding="utf-8")
    (tmp_path / "wrong.yaml").write_text(WRONG_KEY, encoding="utf-8")
    (tmp_path / "notes.pdf").write_text("not a claim file", encoding="utf-8")
    (tmp_path / "article.txt").write_text("Kenya sent 400 officers to Haiti.\n", encoding="utf-8")
    r = run(*[a.replace("{tmp}", str(tmp_path)) for a in args])
    assert r.exit_code == 2
    assert r.stdout == ""
    assert words in r.stderr
    assert "Traceback" not in r.stderr
    if any(w in " ".join(args) for w in ONE_LINE):
        assert r.stderr.startswith("checkclaim: ")
        assert r.stderr.count("\n") == 1, r.stderr
    assert not (tmp_path / "out.yaml").exists()


def test_exit_2_after_a_batch_with_an_unreadable_item(run: RunCLI, tmp_path: Path) -> None:
    batch = tmp_path / "batch.jsonl"
    batch.write_text(
        json.dumps({"statement": SUPPORTED})
        + "\nnot json\n"
        + json.dumps({"statement": UNKNOWN})
        + "\n",
        encoding="utf-8",
    )
    r = run("check", "--file", str(batch), "--format", "jsonl", "--fail-on", "never")
    assert r.exit_code == 2
    rows = [json.loads(line) for line in r.stdout.splitlines()]
    assert [x["verdict"] for x in rows] == ["supported", "error", "unknown"]
    assert "batch.jsonl:2" in rows[1]["message"]


def test_exit_3_internal_error(run: RunCLI, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("the index is on fire")

    monkeypatch.setattr("checkclaim.pipeline.check_many", broken)
    r = run(SUPPORTED)
    assert r.exit_code == 3
    assert r.stdout == ""
    assert r.stderr.count("\n") == 1, r.stderr
    assert r.stderr.startswith("checkclaim: internal error: RuntimeError: the index is on fire")
    assert "CHECKCLAIM_DEBUG=1" in r.stderr


def test_debug_shows_the_traceback(run: RunCLI, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("the index is on fire")

    monkeypatch.setattr("checkclaim.pipeline.check_many", broken)
    with pytest.raises(RuntimeError, match="on fire"):
        run(SUPPORTED, env={"CHECKCLAIM_DEBUG": "1"})


def test_exit_130_interrupted_quietly(run: RunCLI, monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("checkclaim.pipeline.check_many", interrupted)
    r = run(SUPPORTED)
    assert r.exit_code == 130
    assert "Traceback" not in r.stderr
