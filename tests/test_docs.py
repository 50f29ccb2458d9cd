"""The README documents what the program does (like sqlite-utils' tests/test_docs.py)."""

from __future__ import annotations

import json
import re
import shlex
import shutil
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
import typer
from typer.testing import CliRunner

from checkclaim import cli, report
from checkclaim.errors import ExitCode

if TYPE_CHECKING:
    from conftest import RunCLI, Schemas

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
SOURCES = sorted((ROOT / "src" / "checkclaim").rglob("*.py"))
DOCUMENTED_OPTIONS = ("check", "build", "claims")  # review's section is written with it


def documented(name: str) -> bool:
    """`name` appears in backticks in the README (a table cell, a list, a sentence)."""
    return re.search(r"`[^`\n]*" + re.escape(name) + r"[^`\n]*`", README) is not None


def click_command(name: str) -> Any:
    return typer.main.get_command(cli.app).commands[name]  # type: ignore[attr-defined]


def test_the_commands_are_the_ones_the_app_has() -> None:
    names = {
        c.name or (c.callback.__name__ if c.callback else "") for c in cli.app.registered_commands
    }
    assert names == set(cli.COMMANDS)


@pytest.mark.parametrize("command", cli.COMMANDS)
def test_every_command_is_in_the_readme(command: str) -> None:
    assert f"checkclaim {command}" in README


@pytest.mark.parametrize("command", cli.COMMANDS)
def test_every_command_has_help(command: str) -> None:
    result = CliRunner().invoke(cli.app, [command, "--help"])
    assert result.exit_code == 0
    assert result.stdout.startswith(f"Usage: checkclaim {command}") or "Usage:" in result.stdout
    assert "Example:" in result.stdout


def test_top_level_help_lists_every_command() -> None:
    result = CliRunner().invoke(cli.app, ["--help"])
    assert result.exit_code == 0
    for command in cli.COMMANDS:
        assert re.search(rf"^\s+{command}\s", result.stdout, re.M), command


@pytest.mark.parametrize(
    ("command", "option"),
    [
        (name, opt)
        for name in DOCUMENTED_OPTIONS
        for param in click_command(name).params
        for opt in param.opts
        if opt.startswith("--") and opt != "--help"
    ],
)
def test_every_option_is_in_the_readme(command: str, option: str) -> None:
    assert documented(option), f"`checkclaim {command} {option}` is not in the README"


def test_readme_starts_with_the_two_set_up_commands() -> None:
    head = "\n".join(README.splitlines()[:20])
    assert "pip install -e '.[dev]'" in head
    assert 'checkclaim "Kenya sends 2,500 officers"' in head
    assert re.search(r"^\. \.venv/bin/activate && pytest$", head, re.M)


def test_ci_installs_and_tests_as_the_readme_says() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "pip install -e '.[dev]'" in ci
    assert re.search(r"^\s*pytest\b", ci, re.M)


# --- output fields ----------------------------------------------------------------------------


def schema_fields(schemas: Schemas) -> set[str]:
    """Every property name the machine formats' schemas describe."""
    names: set[str] = set()

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            for key, sub in node.get("properties", {}).items():
                names.add(key)
                walk(sub)
            for key in ("items", "$defs", "if", "then", "else"):
                sub = node.get(key)
                for s in sub.values() if key == "$defs" and isinstance(sub, dict) else [sub]:
                    walk(s)

    for name in schemas.names:
        walk(schemas.load(name))
    return names


def test_every_schema_field_is_in_the_readme(schemas: Schemas) -> None:
    missing = sorted(
        f for f in schema_fields(schemas) if not re.search(rf"^\| `{f}`", README, re.M)
    )
    assert not missing, f"output fields with no row in the README's tables: {missing}"


def test_every_csv_column_is_in_the_readme() -> None:
    for column in report.CSV_COLUMNS:
        assert re.search(rf"^\| `{column}` \|[^|]*\ball\b", README, re.M), column


def test_every_field_the_machine_formats_print_is_documented(
    run: RunCLI, tmp_path: Path, schemas: Schemas
) -> None:
    batch = tmp_path / "batch.jsonl"
    statements = [
        "Kenya sends 2,500 officers",
        "Kenya sends 3,000 officers to Haiti",
        "The moon is made of cheese.",
        "Kenya sends 2,500 officers to Haiti; armed groups control around 80 percent of "
        "Port-au-Prince.",
        "Kenya sends 3,000 officers to Haiti, and armed groups control around 80 percent of "
        "Port-au-Prince.",
    ]
    batch.write_text(
        "".join(json.dumps({"statement": s}) + "\n" for s in statements) + "{broken\n",
        encoding="utf-8",
    )
    r = run("check", "--file", str(batch), "--format", "json", "--explain", "--fail-on", "never")
    assert r.exit_code == 2  # the broken line
    doc = json.loads(r.stdout)
    printed = set(doc) | set(doc["summary"])
    for item in doc["results"]:
        printed |= set(item)
        for key in ("reasons", "clauses", "candidates"):
            for sub in item.get(key, []):
                printed |= set(sub)
    for claim_set in doc["summary"]["claim_sets"]:
        printed |= set(claim_set)
    assert printed <= schema_fields(schemas) | {"results", "summary"}, (
        "fields missing from the schema"
    )


def test_schemas_are_draft_2020_12_and_checked_whole(schemas: Schemas) -> None:
    for name in schemas.names:
        schema = schemas.load(name)
        assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
        assert not schemas.unknown_keywords(name), "the test validator would skip these keywords"
        assert f"src/checkclaim/schema/{name}" in README


# --- the rest of the reference ------------------------------------------------------------------


def test_every_environment_variable_is_in_the_readme() -> None:
    used = set()
    for path in SOURCES:
        used |= set(
            re.findall(r"\b(?:CHECKCLAIM_[A-Z_]+|NO_COLOR|XDG_CACHE_HOME)\b", path.read_text())
        )
    assert used
    missing = sorted(v for v in used if not re.search(rf"^\|[^\n]*`{v}`", README, re.M))
    assert not missing, f"environment variables with no row in the README: {missing}"


def test_every_exit_code_is_in_the_readme() -> None:
    for code in ExitCode:
        assert re.search(rf"^\| {int(code)} \|", README, re.M), code


def test_every_shipped_word_list_is_in_the_readme() -> None:
    from checkclaim.lexicon import DATA_FILES

    for name in DATA_FILES:
        assert f"`{name}`" in README


def test_number_rules_are_the_ones_in_quantities_py() -> None:
    doc = (
        (ROOT / "src" / "checkclaim" / "quantities.py").read_text(encoding="utf-8").split('"""')[1]
    )
    rules = doc.split("The rules, in one place:")[1].split("Every regular expression")[0]
    assert " ".join(rules.split()) in " ".join(README.split())


# --- the README's examples are real output ------------------------------------------------------

VERDICT_LINE = re.compile(r"^(SUPPORTED|CONTRADICTED|UNKNOWN) +.+$", re.M)
JSON_VERDICT = re.compile(r'"verdict": "(\w+)"')


def console_examples() -> list[tuple[list[str], str, int]]:
    """(arguments, printed output, exit status) of README examples that need no files."""
    out = []
    pattern = r"```console\n\$ (checkclaim[^\n]*)\n(.*?)```(?:\n_exit status (\d+)_)?"
    for m in re.finditer(pattern, README, re.S):
        command, printed, status = m.group(1), m.group(2), int(m.group(3) or 0)
        args = shlex.split(command)[1:]
        if any(c in command for c in "|<>") or any(
            re.search(r"\.(txt|csv|jsonl|yaml|md)$|/$", a) for a in args
        ):
            continue
        out.append((args, printed, status))
    return out


def test_readme_has_examples_to_check() -> None:
    assert len(console_examples()) >= 5


@pytest.mark.parametrize(("args", "printed", "status"), console_examples())
def test_readme_examples_are_real(run: RunCLI, args: list[str], printed: str, status: int) -> None:
    r = run(*args)
    assert r.exit_code == status
    assert VERDICT_LINE.findall(r.stdout) == VERDICT_LINE.findall(printed)
    assert JSON_VERDICT.findall(r.stdout) == JSON_VERDICT.findall(printed)
    if args == ["--version"]:
        assert r.stdout == printed


def test_readme_python_example_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (block,) = re.findall(r"```python\n(.*?)```", README, re.S)
    shutil.copytree(ROOT / "claims", tmp_path / "claims", ignore=shutil.ignore_patterns("*.py"))
    shutil.copy(ROOT / "claims" / "ruto-unga79.txt", tmp_path / "article.txt")
    monkeypatch.chdir(tmp_path)
    namespace: dict[str, Any] = {}
    exec(compile(block, "README.md", "exec"), namespace)
    assert namespace["result"].verdict == "contradicted"
    assert [r.verdict for r in namespace["results"]] == ["supported", "unknown"]
    assert namespace["claim_set"].claims
