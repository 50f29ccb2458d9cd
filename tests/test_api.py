"""The library API, usable without the command line: it returns values and never prints."""

from __future__ import annotations

import doctest
import json
import os
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

import checkclaim
from checkclaim import index, report
from checkclaim.errors import CheckclaimError
from checkclaim.lexicon import lexicon
from checkclaim.pipeline import Item, check, check_many, load_claims, load_index

if TYPE_CHECKING:
    from conftest import Schemas

CLAIM_FILE = Path(__file__).resolve().parent.parent / "claims" / "ruto-unga79.yaml"
SUPPORTED = "Kenya sends 2,500 officers"
CONTRADICTED = "Kenya sends 3,000 officers to Haiti"
UNKNOWN = "The moon is made of cheese."


def test_public_names() -> None:
    for name in checkclaim.__all__:
        assert hasattr(checkclaim, name), name
    assert checkclaim.__version__


def test_package_docstring_example_runs() -> None:
    failures, tried = doctest.testmod(checkclaim, report=False)
    assert tried > 0
    assert failures == 0


def test_check_returns_a_result_and_prints_nothing(capsys: pytest.CaptureFixture[str]) -> None:
    loaded = load_index()
    result = check(SUPPORTED, loaded)
    assert result.verdict == "supported"
    assert result.claim is not None and "2,500" in result.claim.evidence
    assert capsys.readouterr() == ("", "")


def test_check_defaults_to_the_shipped_claims() -> None:
    assert check(CONTRADICTED).verdict == "contradicted"


def test_check_refuses_an_empty_statement() -> None:
    with pytest.raises(checkclaim.InputError, match="empty"):
        check("   ", load_index())


def test_check_many_keeps_input_order_and_carries_fields() -> None:
    items: list[Item | str] = [
        Item(SUPPORTED, "a:1", {"id": 1}),
        UNKNOWN,
        Item(SUPPORTED, "a:3", {"id": 3}),
        Item("", "a:4", {"id": 4}, error="a:4: not valid JSON"),
    ]
    out = list(check_many(items, load_index()))
    assert [(r.statement, r.verdict) for r in out] == [
        (SUPPORTED, "supported"),
        (UNKNOWN, "unknown"),
        (SUPPORTED, "supported"),
        ("", "error"),
    ]
    assert [r.extra.get("id") for r in out] == [1, None, 3, 4]
    assert out[3].message == "a:4: not valid JSON"


def test_check_many_is_lazy() -> None:
    def statements() -> Iterator[str]:
        yield SUPPORTED
        raise AssertionError("read past what was asked for")

    results = check_many(statements(), load_index())
    assert next(results).verdict == "supported"


def test_load_claims_default_is_the_shipped_set() -> None:
    (cs,) = load_claims()
    assert Path(cs.name).name == "ruto-unga79.yaml"
    assert cs.aliases["IOM"] == "International Organization for Migration"


def test_results_have_the_documented_shape(schemas: Schemas) -> None:
    loaded = load_index(CLAIM_FILE)
    for statement in (SUPPORTED, CONTRADICTED, UNKNOWN):
        d = report.result_dict(check(statement, loaded, explain=True))
        schemas.check(json.loads(json.dumps(d)), "result.schema.json")


SUMMARY = [
    # verdicts seen, --fail-on, exit status
    ([], "contradicted", 0),
    (["supported", "unknown"], "contradicted", 0),
    (["supported", "contradicted"], "contradicted", 1),
    (["unknown"], "unknown", 1),
    (["contradicted", "unknown"], "never", 0),
    (["supported", "error"], "contradicted", 2),
    (["contradicted", "error"], "never", 2),
]


@pytest.mark.parametrize(("verdicts", "fail_on", "code"), SUMMARY)
def test_summary_decides_the_exit_status(verdicts: list[str], fail_on: str, code: int) -> None:
    summary = report.Summary(fail_on=fail_on)
    for v in verdicts:
        summary.add(v)
    assert summary.exit_code == code
    assert summary.total == len(verdicts)


def test_summary_line() -> None:
    summary = report.Summary()
    for v in ("supported", "supported", "contradicted", "unknown"):
        summary.add(v)
    assert summary.line() == "4 checked: 2 supported, 1 contradicted, 1 unknown"


# --- the cache ------------------------------------------------------------------------------


def test_cache_goes_where_checkclaim_cache_says(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CHECKCLAIM_CACHE", str(tmp_path / "c"))
    assert index.cache_dir() == tmp_path / "c"
    load_index(CLAIM_FILE)
    stored = list((tmp_path / "c").glob("*.jsonl"))
    assert len(stored) == 1
    head, *claims = stored[0].read_text(encoding="utf-8").splitlines()
    kept = json.loads(head)["packed"]
    assert kept["counts"] == [len(claims)] and kept["postings"]  # the claims and their index
    assert all(json.loads(c)["claim"]["id"] for c in claims)  # a line of JSON a claim


def test_cache_defaults_to_the_user_cache_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("CHECKCLAIM_CACHE")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert index.cache_dir() == tmp_path / "checkclaim"


@pytest.mark.parametrize(
    "damage", ["delete", "garbage", "truncate", "cut claims", "extra claim", "empty"]
)
def test_cache_is_safe_to_delete_or_damage(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, damage: str
) -> None:
    monkeypatch.setenv("CHECKCLAIM_CACHE", str(tmp_path))
    expected = check(CONTRADICTED, load_index(CLAIM_FILE))
    (stored,) = tmp_path.glob("*.jsonl")
    data = stored.read_bytes()
    if damage == "delete":
        stored.unlink()
    elif damage == "garbage":
        stored.write_text('{"format": 1, "parts": "not a list"}', encoding="utf-8")
    elif damage == "truncate":
        stored.write_bytes(data[:100])
    elif damage == "cut claims":
        stored.write_bytes(data[: len(data) - 200])
    elif damage == "extra claim":
        stored.write_bytes(data + b'{"claim": {}}\n')
    else:
        stored.write_bytes(b"")
    assert check(CONTRADICTED, load_index(CLAIM_FILE)) == expected


def test_a_claim_line_damaged_in_place_is_reported_and_removed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Claim lines are parsed only when needed: damage that keeps the file's size shows then,
    as a one-line error; the file is removed so that the next run compiles afresh."""
    monkeypatch.setenv("CHECKCLAIM_CACHE", str(tmp_path))
    expected = check(CONTRADICTED, load_index(CLAIM_FILE))
    (stored,) = tmp_path.glob("*.jsonl")
    head, _, rest = stored.read_bytes().partition(b"\n")
    stored.write_bytes(head + b"\n" + bytes(b if b == 10 else ord("#") for b in rest))
    with pytest.raises(CheckclaimError, match="damaged cache file, now removed"):
        check(CONTRADICTED, load_index(CLAIM_FILE))
    assert not stored.exists()
    assert check(CONTRADICTED, load_index(CLAIM_FILE)) == expected


def test_looping_over_the_claims_of_a_cached_index_ends_and_keeps_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The claims are a sequence: a loop over them ends at the last, and reaching the end is
    no damage to report."""
    monkeypatch.setenv("CHECKCLAIM_CACHE", str(tmp_path))
    load_index(CLAIM_FILE)
    (stored,) = tmp_path.glob("*.jsonl")
    entries = load_index(CLAIM_FILE).index.entries
    assert [e.claim.id for e in entries] == [entries[i].claim.id for i in range(len(entries))]
    assert entries[-1] == entries[len(entries) - 1]
    with pytest.raises(IndexError):
        entries[len(entries)]
    assert stored.exists()


def test_cache_is_keyed_by_content(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CHECKCLAIM_CACHE", str(tmp_path / "c"))
    claims = tmp_path / CLAIM_FILE.name
    claims.write_bytes(CLAIM_FILE.read_bytes())
    load_index(claims)
    load_index(claims)
    assert len(list((tmp_path / "c").glob("*.jsonl"))) == 1
    claims.write_bytes(CLAIM_FILE.read_bytes() + b"\n# edited\n")
    load_index(claims)
    assert len(list((tmp_path / "c").glob("*.jsonl"))) == 2


def test_cache_keeps_to_its_size_dropping_the_least_recently_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CHECKCLAIM_CACHE", str(tmp_path))
    old, recent = tmp_path / "old.json", tmp_path / "recent.json"
    for i, f in enumerate((old, recent)):
        f.write_bytes(b"x" * 1000)
        os.utime(f, (1_000_000_000 + i, time.time() - 3600 + i))
    monkeypatch.setattr(index, "CACHE_BYTES", 1500)
    load_index(CLAIM_FILE)  # writes its compiled claims, pruning first
    assert not old.exists()
    assert recent.exists()


# --- word lists a user extends ---------------------------------------------------------------


@pytest.fixture
def fresh_lexicon() -> Iterator[None]:
    lexicon.cache_clear()
    yield
    lexicon.cache_clear()


@pytest.mark.usefixtures("fresh_lexicon")
def test_checkclaim_lexicon_adds_to_the_word_lists(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shipped = lexicon()
    assert not shipped.same_meaning("zorble", "quaffle")
    (tmp_path / "synonyms.txt").write_text("zorble, quaffle\n", encoding="utf-8")
    (tmp_path / "negations.txt").write_text("nary\n", encoding="utf-8")
    monkeypatch.setenv("CHECKCLAIM_LEXICON", str(tmp_path))
    lexicon.cache_clear()
    extended = lexicon()
    assert extended.same_meaning("zorble", "quaffle")
    assert "nary" in extended.negations
    assert extended.synonyms.keys() >= shipped.synonyms.keys()
    # compiled claim sets are keyed by the word lists too, so a change recompiles them
    assert extended.digest != shipped.digest
