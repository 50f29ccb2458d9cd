"""`check --jobs N`: the same results, byte for byte and in input order, as one process."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from checkclaim import parallel
from checkclaim.errors import CheckclaimError, InputError
from checkclaim.models import Result
from checkclaim.pipeline import Item, check_many, load_index

CASES = Path(__file__).resolve().parent / "data" / "cases"


def statement(text: str) -> str:
    return json.dumps({"statement": text})


def batch_lines() -> list[str]:
    """A few hundred jsonl lines: the labelled case statements (their fields must come through),
    templated statements with varied figures, repeats, and lines that cannot be read."""
    lines = []
    for f in sorted(CASES.glob("*/statements.jsonl")):
        lines += [x for x in f.read_text(encoding="utf-8").splitlines() if x.strip()]
    for n in range(60):
        lines.append(statement(f"Kenya will send {500 + 250 * n:,} police officers to Haiti."))
        lines.append(statement(f"Armed groups control {20 + n} percent of Port-au-Prince."))
    lines.append(statement("Kenya will send 2,500 police officers to Haiti."))  # a repeat
    first = json.loads(lines[0])
    lines.append(json.dumps({**first, "id": "again"}))  # a repeat chunks later, its own id
    for n, broken in enumerate(("not json", '{"statement": ""}', '{"text": "no statement key"}')):
        lines.insert(40 + 97 * n, broken)
    return lines


@pytest.fixture
def small_chunks(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Chunks of 16, so a few hundred statements go through many chunks and both workers;
    returns a list that counts the batches handed to worker processes."""
    monkeypatch.setattr(parallel, "CHUNK", 16)
    monkeypatch.setattr(parallel, "MIN_BATCH", 32)
    monkeypatch.setattr(parallel, "_cpus", lambda: 2)  # the same on any machine
    pooled: list[int] = []
    real = parallel._pooled

    def spy(*args: Any) -> Iterator[Result]:
        pooled.append(1)
        yield from real(*args)

    monkeypatch.setattr(parallel, "_pooled", spy)
    return pooled


@pytest.mark.parametrize("extra", [[], ["--explain"]], ids=["plain", "explain"])
def test_jobs_2_gives_byte_identical_jsonl(
    run: Any, tmp_path: Path, small_chunks: list[int], extra: list[str]
) -> None:
    lines = batch_lines()
    batch = tmp_path / "batch.jsonl"
    batch.write_text("\n".join(lines) + "\n", encoding="utf-8")
    one = run("check", "-f", str(batch), "--format", "jsonl", "--jobs", "1", *extra)
    two = run("check", "-f", str(batch), "--format", "jsonl", "--jobs", "2", *extra)
    assert one.exit_code == 2  # the unreadable lines
    assert two.exit_code == one.exit_code
    assert small_chunks == [1]  # the second run did use worker processes
    assert two.stdout_bytes == one.stdout_bytes
    assert two.stderr == one.stderr
    rows = [json.loads(x) for x in two.stdout.splitlines()]
    assert len(rows) == len(lines)
    assert [r["verdict"] for r in rows].count("error") == 3
    ids = [r["id"] for r in rows if "id" in r]
    assert ids == [json.loads(x)["id"] for x in lines if x.startswith("{") and '"id"' in x]


def test_a_large_file_uses_every_core_by_default(
    run: Any, tmp_path: Path, small_chunks: list[int]
) -> None:
    lines = batch_lines()
    batch = tmp_path / "batch.jsonl"
    batch.write_text("\n".join(lines) + "\n", encoding="utf-8")
    auto = run("check", "-f", str(batch), "--format", "jsonl")
    assert small_chunks == [1]
    one = run("check", "-f", str(batch), "--format", "jsonl", "--jobs", "1")
    assert small_chunks == [1]  # --jobs 1 stays in one process
    assert auto.stdout_bytes == one.stdout_bytes
    assert auto.exit_code == one.exit_code


def test_standard_input_stays_in_one_process_by_default(run: Any, small_chunks: list[int]) -> None:
    """Workers take whole chunks: a stream fed a line at a time would wait for its results."""
    lines = batch_lines()
    got = run("check", "-f", "-", "--format", "jsonl", input="\n".join(lines) + "\n")
    assert len(got.stdout.splitlines()) == len(lines)
    assert small_chunks == []


def breaking_off(n: int) -> Iterator[str]:
    """n statements, then the input fails, as a file that cannot be read further does."""
    for i in range(1, n + 1):
        yield f"Kenya will send {i:,} police officers to Haiti."
    raise InputError("the disk went away", "batch.txt", n + 1)


@pytest.mark.parametrize("jobs", [1, 2])
def test_input_that_breaks_off_reports_what_came_before(small_chunks: list[int], jobs: int) -> None:
    got: list[Result] = []
    with pytest.raises(InputError, match="the disk went away"):
        for r in parallel.check_parallel(breaking_off(100), None, jobs):
            got.append(r)
    assert [r.statement for r in got] == list(breaking_off_statements(100))
    assert small_chunks == ([] if jobs == 1 else [1])


def breaking_off_statements(n: int) -> Iterator[str]:
    return (f"Kenya will send {i:,} police officers to Haiti." for i in range(1, n + 1))


def test_small_batch_stays_in_one_process(
    run: Any, tmp_path: Path, small_chunks: list[int]
) -> None:
    batch = tmp_path / "few.txt"
    batch.write_text(
        "Kenya will send 2,500 police officers to Haiti.\nThe moon is made of cheese.\n",
        encoding="utf-8",
    )
    one = run("check", "-f", str(batch), "--format", "jsonl")
    two = run("check", "-f", str(batch), "--format", "jsonl", "--jobs", "2")
    assert two.exit_code == one.exit_code
    assert two.stdout_bytes == one.stdout_bytes
    assert len(two.stdout.splitlines()) == 2
    assert small_chunks == []


def items() -> list[Item | str]:
    out: list[Item | str] = [
        f"Kenya will send {n:,} police officers to Haiti." for n in range(100, 4100, 100)
    ]
    out.insert(5, Item("", "batch.jsonl:6", {"id": 6}, "batch.jsonl:6: not valid JSON"))
    out.append(Item("Ruto visited Haiti.", "batch.jsonl:99", {"id": "last"}))
    return out


@pytest.mark.parametrize("jobs", [1, 2, 8])
def test_library_results_equal_check_many(small_chunks: list[int], jobs: int) -> None:
    expected = list(check_many(items(), load_index()))
    got = list(parallel.check_parallel(items(), None, jobs))
    assert got == expected
    assert got[5].verdict == "error" and got[5].extra == {"id": 6}
    assert got[-1].extra["id"] == "last"
    assert small_chunks == ([] if jobs == 1 else [1])


def test_repeated_statements_are_checked_once(
    small_chunks: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    """As in one process, a statement seen before is not checked again, across chunks too;
    each repeat keeps its own extra fields."""
    sent: list[str] = []
    plan = parallel._Batch.plan

    def spy(self: parallel._Batch, chunk: list[Item]) -> tuple[list[str], list[bool]]:
        todo, flags = plan(self, chunk)
        sent.extend(todo)
        return todo, flags

    monkeypatch.setattr(parallel._Batch, "plan", spy)
    texts = [f"Kenya will send {n:,} police officers to Haiti." for n in range(500, 1500, 100)]
    batch: list[Item | str] = [Item(texts[i % 10], extra={"row": i}) for i in range(100)]
    assert list(parallel.check_parallel(batch, None, 2)) == list(check_many(batch, load_index()))
    assert sorted(sent) == sorted(texts)


def test_input_is_read_lazily(small_chunks: list[int]) -> None:
    """The parent keeps a few chunks in flight (4 here), not the whole input."""
    read = 0

    def endless() -> Iterator[str]:
        nonlocal read
        n = 0
        while n < 100_000:
            read += 1
            n += 1
            yield f"Kenya will send {n:,} police officers to Haiti."

    results = parallel.check_parallel(endless(), None, 2)
    first = [next(results) for _ in range(40)]
    results.close()  # stops the workers
    assert [r.statement for r in first] == [
        f"Kenya will send {n:,} police officers to Haiti." for n in range(1, 41)
    ]
    assert read <= 7 * 16


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="workers are forked on Linux")
def test_a_worker_that_dies_is_an_error_not_a_hang(
    small_chunks: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    real = check_many

    def dying(chunk: list[Item | str], *args: Any) -> Iterator[Result]:
        if "DIE" in chunk:
            os._exit(1)  # as the kernel's out-of-memory killer would end it
        return real(chunk, *args)

    monkeypatch.setattr(parallel, "check_many", dying)  # forked workers inherit it
    statements = [f"Kenya will send {n:,} police officers to Haiti." for n in range(200)]
    statements[150] = "DIE"
    with pytest.raises(RuntimeError, match="worker process stopped"):
        list(parallel.check_parallel(statements, None, 2))


@pytest.mark.parametrize("n", [3, 100], ids=["one-process", "workers"])
def test_unusable_claims_are_a_user_error(small_chunks: list[int], tmp_path: Path, n: int) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("claims: [unclosed\n", encoding="utf-8")
    with pytest.raises(CheckclaimError, match=r"broken\.yaml"):
        list(parallel.check_parallel([f"Kenya sends {i} officers." for i in range(n)], broken, 2))


def test_review_in_workers_gives_the_same_report(
    run: Any, tmp_path: Path, small_chunks: list[int]
) -> None:
    lines = [json.loads(x)["statement"] for x in batch_lines() if x.startswith('{"id"')]
    draft = tmp_path / "draft.md"
    draft.write_text("# A draft\n\n" + "\n\n".join(lines) + "\n", encoding="utf-8")
    one = run("review", str(draft), "--format", "json", "--jobs", "1")
    assert small_chunks == []
    many = run("review", str(draft), "--format", "json")
    assert small_chunks == [1]  # the default used worker processes
    assert many.exit_code == one.exit_code
    assert many.stdout_bytes == one.stdout_bytes
    assert len(json.loads(one.stdout)["findings"]) >= len(lines)
