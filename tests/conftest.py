"""Shared fixtures: an isolated environment, the CLI as a user runs it, and a schema check."""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
SHIPPED_ARTICLE = ROOT / "claims" / "ruto-unga79.txt"
SHIPPED_CLAIMS = ROOT / "claims" / "ruto-unga79.yaml"

# Variables a user may have set that would change what the tests see.
_USER_ENV = (
    "CHECKCLAIM_CLAIMS",
    "CHECKCLAIM_FAIL_ON",
    "CHECKCLAIM_FORMAT",
    "CHECKCLAIM_LEXICON",
    "CHECKCLAIM_DEBUG",
    "NO_COLOR",
    "FORCE_COLOR",
    "COLUMNS",
)


@pytest.fixture(scope="session")
def _session_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("cache")


@pytest.fixture(autouse=True)
def _isolated_env(monkeypatch: pytest.MonkeyPatch, _session_cache: Path) -> None:
    """Compiled claim sets go to a temporary cache, never the user's; their settings are unset.

    The cache folder is shared by the session so the shipped claim set is compiled once.
    """
    monkeypatch.setenv("CHECKCLAIM_CACHE", str(_session_cache))
    for name in _USER_ENV:
        monkeypatch.delenv(name, raising=False)


# --- the command line -----------------------------------------------------------------------


@dataclass(frozen=True)
class Run:
    """What a user sees of one `checkclaim` run."""

    exit_code: int
    stdout: str
    stderr: str
    stdout_bytes: bytes


RunCLI = Callable[..., Run]


@pytest.fixture
def run() -> RunCLI:
    """Run `checkclaim ARGS` through its real entry point, `checkclaim.cli.main`.

    `main` rewrites a bare statement to `check` and turns every outcome into an exit status,
    which `CliRunner.invoke(app, ...)` would skip; the runner's isolation still captures
    standard output and error apart and feeds standard input.
    """
    from checkclaim import cli

    runner = CliRunner()

    def invoke(
        *args: str, input: str | bytes | None = None, env: Mapping[str, str | None] | None = None
    ) -> Run:
        code: Any = 0
        with runner.isolation(input=input, env=env) as (out, err, _mixed):
            try:
                cli.main(list(args))
            except SystemExit as e:
                code = e.code
            finally:
                sys.stdout.flush()
                sys.stderr.flush()
            stdout, stderr = out.getvalue(), err.getvalue()
        return Run(
            int(code or 0),
            stdout.decode("utf-8"),
            stderr.decode("utf-8", "replace"),
            stdout,
        )

    return invoke


# --- JSON Schema ----------------------------------------------------------------------------

# The keywords the validator below understands; a schema using another one fails
# `schema_keywords_are_understood` instead of being checked loosely without anyone knowing.
SCHEMA_KEYWORDS = frozenset(
    {
        "$schema", "$id", "$defs", "$ref", "$comment", "title", "description", "examples",
        "type", "properties", "required", "additionalProperties", "items", "enum", "const",
        "minimum", "maximum", "minItems", "pattern", "if", "then", "else",
    }
)  # fmt: skip

_TYPES: dict[str, Callable[[Any], bool]] = {
    "object": lambda v: isinstance(v, dict),
    "array": lambda v: isinstance(v, list),
    "string": lambda v: isinstance(v, str),
    "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "number": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
    "boolean": lambda v: isinstance(v, bool),
    "null": lambda v: v is None,
}


_URN = "urn:checkclaim:schema:"


def load_schema(name: str) -> dict[str, Any]:
    """A schema as installed with the package (`checkclaim/schema/NAME`)."""
    text = resources.files("checkclaim.schema").joinpath(name).read_text(encoding="utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


def schema_errors(
    value: Any, schema: dict[str, Any], root: dict[str, Any], at: str = "$"
) -> list[str]:
    """Where `value` breaks `schema`: a small draft 2020-12 validator for SCHEMA_KEYWORDS."""
    if "$ref" in schema:
        ref = schema["$ref"]
        if ref.startswith("#/$defs/"):
            return schema_errors(value, root["$defs"][ref.removeprefix("#/$defs/")], root, at)
        # the other schema file, by its $id ("urn:checkclaim:schema:result")
        assert ref.startswith(_URN), f"unsupported $ref {ref}"
        other = load_schema(ref.removeprefix(_URN) + ".schema.json")
        assert other["$id"] == ref, f"$ref {ref} names no schema file"
        return schema_errors(value, other, other, at)
    errors: list[str] = []
    if "type" in schema:
        types = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
        if not any(_TYPES[t](value) for t in types):
            return [f"{at}: {value!r} is not of type {types}"]
    if "enum" in schema and value not in schema["enum"]:
        errors.append(f"{at}: {value!r} is not one of {schema['enum']}")
    if "const" in schema and value != schema["const"]:
        errors.append(f"{at}: {value!r} is not {schema['const']!r}")
    if "minimum" in schema and _TYPES["number"](value) and value < schema["minimum"]:
        errors.append(f"{at}: {value!r} is below {schema['minimum']}")
    if "maximum" in schema and _TYPES["number"](value) and value > schema["maximum"]:
        errors.append(f"{at}: {value!r} is above {schema['maximum']}")
    if "pattern" in schema and isinstance(value, str) and not re.search(schema["pattern"], value):
        errors.append(f"{at}: {value!r} does not match {schema['pattern']!r}")
    if isinstance(value, dict):
        props = schema.get("properties", {})
        for key in schema.get("required", []):
            if key not in value:
                errors.append(f"{at}: {key!r} is required")
        for key, item in value.items():
            if key in props:
                errors += schema_errors(item, props[key], root, f"{at}.{key}")
            elif schema.get("additionalProperties") is False:
                errors.append(f"{at}: {key!r} is not allowed")
            elif isinstance(schema.get("additionalProperties"), dict):
                errors += schema_errors(item, schema["additionalProperties"], root, f"{at}.{key}")
    if isinstance(value, list):
        if len(value) < schema.get("minItems", 0):
            errors.append(f"{at}: fewer than {schema['minItems']} items")
        if "items" in schema:
            for n, item in enumerate(value):
                errors += schema_errors(item, schema["items"], root, f"{at}[{n}]")
    if "if" in schema:
        branch = "then" if not schema_errors(value, schema["if"], root, at) else "else"
        if branch in schema:
            errors += schema_errors(value, schema[branch], root, at)
    return errors


def schema_keywords(schema: Any) -> Iterator[str]:
    """Every keyword a schema uses (property names excluded)."""
    if isinstance(schema, dict):
        for key, sub in schema.items():
            yield key
            if key in ("properties", "$defs"):
                for s in sub.values():
                    yield from schema_keywords(s)
            elif key in ("items", "additionalProperties", "if", "then", "else"):
                yield from schema_keywords(sub)


class Schemas:
    """The JSON Schemas of the machine formats, and a check of values against them."""

    names = ("result.schema.json", "results.schema.json")

    def load(self, name: str) -> dict[str, Any]:
        return load_schema(name)

    def check(self, value: Any, name: str) -> None:
        """Fail with every place `value` breaks the schema `name`."""
        schema = load_schema(name)
        errors = schema_errors(value, schema, schema)
        assert not errors, "\n".join(errors[:20])

    def unknown_keywords(self, name: str) -> set[str]:
        return set(schema_keywords(load_schema(name))) - SCHEMA_KEYWORDS


@pytest.fixture
def schemas() -> Schemas:
    return Schemas()
