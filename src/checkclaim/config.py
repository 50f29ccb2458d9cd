"""Settings for `checkclaim review`: command line, then environment, then a configuration file.

The file is `.checkclaim.toml` (its keys at the top level) or `pyproject.toml` (under
`[tool.checkclaim]`), the first found searching upward from the draft's folder; the search
stops at the top of a repository (a folder holding `.git` or `.hg`). In one folder
`.checkclaim.toml` comes before `pyproject.toml`, and a `pyproject.toml` without the table
is passed over.

    claims = "claims/"            # claim file, folder or article; relative to this file
    fail-on = "contradicted"      # contradicted | unknown | never
    format = "text"               # text | line | json | sarif | github | html
    ignore = ["archive/**", "*according to sources close to*"]

`ignore` holds glob patterns (`*`, `?`, `[...]`): one that matches a draft's path (as given,
or its name) leaves the file out; one that matches a whole sentence (case aside) skips the
sentence. So a sentence pattern usually starts and ends with `*`.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from checkclaim.errors import InputError

FORMATS = ("text", "line", "json", "sarif", "github", "html")
FAIL_ON = ("contradicted", "unknown", "never")
CONFIG_NAMES = (".checkclaim.toml", "pyproject.toml")
ENV = {
    "claims": "CHECKCLAIM_CLAIMS",
    "fail_on": "CHECKCLAIM_FAIL_ON",
    "format": "CHECKCLAIM_FORMAT",
}
_KEYS = {
    "claims": "claims",
    "fail-on": "fail_on",
    "fail_on": "fail_on",
    "format": "format",
    "ignore": "ignore",
}


@dataclass(frozen=True)
class FileConfig:
    """What a configuration file says; `path` is "" when there is none."""

    path: str = ""
    claims: str | None = None  # resolved against the file's folder
    fail_on: str | None = None
    format: str | None = None
    ignore: tuple[str, ...] = ()


@dataclass(frozen=True)
class Settings:
    """The settings a review runs with, and where each came from (for --debug and tests)."""

    claims: str | None
    fail_on: str
    format: str
    ignore: tuple[str, ...]
    config_path: str = ""
    origin: dict[str, str] = field(default_factory=dict)  # setting -> "option" | "env" | path


def _toml() -> Any:
    import tomllib as toml

    return toml


def find_config(start: Path) -> Path | None:
    """The configuration file that applies to drafts in `start` (a folder), if any."""
    folder = start.resolve()
    for d in (folder, *folder.parents):
        for name in CONFIG_NAMES:
            candidate = d / name
            if candidate.is_file() and (name != "pyproject.toml" or _has_table(candidate)):
                return candidate
        if (d / ".git").exists() or (d / ".hg").exists():
            return None
    return None


def _has_table(pyproject: Path) -> bool:
    try:
        data = pyproject.read_bytes()
    except OSError:
        return False
    if b"checkclaim" not in data:  # cheap: most pyproject.toml files are not ours
        return False
    doc = _parse(pyproject, data)
    tool = doc.get("tool")
    return isinstance(tool, dict) and "checkclaim" in tool


def _parse(path: Path, data: bytes) -> dict[str, Any]:
    toml = _toml()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError("is not valid UTF-8", str(path)) from None
    try:
        doc: dict[str, Any] = toml.loads(text)
    except toml.TOMLDecodeError as e:
        raise InputError(f"is not valid TOML: {e}", str(path)) from None
    return doc


def load_config(path: Path) -> FileConfig:
    """Read a configuration file: `pyproject.toml` ([tool.checkclaim]) or a `.checkclaim.toml`
    (keys at the top level, or under [tool.checkclaim])."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError("no such configuration file", str(path)) from None
    except IsADirectoryError:
        raise InputError("is a folder, not a configuration file", str(path)) from None
    except OSError as e:
        raise InputError(f"cannot be read ({e.strerror})", str(path)) from None
    doc = _parse(path, data)
    tool = doc.get("tool")
    if isinstance(tool, dict) and "checkclaim" in tool:
        table = tool["checkclaim"]
        where = "[tool.checkclaim]"
    elif path.name == "pyproject.toml":
        raise InputError("has no [tool.checkclaim] table", str(path))
    else:
        table = {k: v for k, v in doc.items() if k != "tool"}
        where = "the file"
    if not isinstance(table, dict):
        raise InputError(f"{where} is not a table", str(path))
    return _validate(path, table, where)


def _validate(path: Path, table: Mapping[str, Any], where: str) -> FileConfig:
    values: dict[str, Any] = {}
    for key, value in table.items():
        name = _KEYS.get(key)
        if name is None:
            known = ", ".join(k for k in _KEYS if k != "fail_on")
            raise InputError(f"unknown key {key!r} in {where}; the keys are: {known}", str(path))
        values[name] = value
    for name in ("claims", "fail_on", "format"):
        if name in values and not isinstance(values[name], str):
            raise InputError(f"{name.replace('_', '-')} must be a string", str(path))
    if "fail_on" in values:
        values["fail_on"] = _choice(values["fail_on"], FAIL_ON, "fail-on", str(path))
    if "format" in values:
        values["format"] = _choice(values["format"], FORMATS, "format", str(path))
    ignore = values.get("ignore", [])
    if isinstance(ignore, str):
        ignore = [ignore]
    if not isinstance(ignore, list) or not all(isinstance(p, str) and p for p in ignore):
        raise InputError("ignore must be a list of glob patterns (strings)", str(path))
    claims = values.get("claims")
    if claims is not None:
        claims = str(path.parent / Path(claims).expanduser())
    return FileConfig(str(path), claims, values.get("fail_on"), values.get("format"), tuple(ignore))


def _choice(value: str, allowed: tuple[str, ...], name: str, where: str) -> str:
    v = value.strip().lower()
    if v not in allowed:
        raise InputError(f"{name} {value!r} is not one of: {', '.join(allowed)}", where)
    return v


def resolve(
    *,
    claims: str | None = None,
    fail_on: str | None = None,
    format: str | None = None,
    config: Path | None = None,
    start: Path | None = None,
    environ: Mapping[str, str] | None = None,
) -> Settings:
    """The settings from the command-line values given (None: not given), the environment and
    the configuration file (`config`, else the one found from `start`, a folder)."""
    env = os.environ if environ is None else environ
    path = config if config is not None else find_config(start or Path.cwd())
    file = load_config(path) if path is not None else FileConfig()
    origin: dict[str, str] = {}

    def pick(name: str, option: str | None, from_file: str | None) -> str | None:
        if option is not None:
            origin[name] = "option"
            return option
        value = env.get(ENV[name], "").strip()
        if value:
            origin[name] = ENV[name]
            return value
        if from_file is not None:
            origin[name] = file.path
        return from_file

    chosen_claims = pick("claims", claims, file.claims)
    chosen_fail = pick("fail_on", fail_on, file.fail_on) or "contradicted"
    chosen_format = pick("format", format, file.format) or "text"
    fail = _choice(chosen_fail, FAIL_ON, *_label("fail_on", origin))
    fmt = _choice(chosen_format, FORMATS, *_label("format", origin))
    return Settings(chosen_claims, fail, fmt, file.ignore, file.path, origin)


def _label(name: str, origin: dict[str, str]) -> tuple[str, str]:
    """How to name a bad value to the user, and where it came from."""
    came = origin.get(name, "option")
    if came == "option":
        return "--" + name.replace("_", "-"), ""
    if came == ENV[name]:
        return came, ""
    return name.replace("_", "-"), came
