"""Configuration of `checkclaim review`: where the file is found, what it may say, and the
precedence: command-line options > environment variables > configuration file."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from checkclaim import config
from checkclaim.errors import InputError

if TYPE_CHECKING:
    from conftest import RunCLI

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = ROOT / "claims" / "ruto-unga79.yaml"
CONTRADICTED = "Reports indicate that armed groups control around 30 percent of Port-au-Prince."
UNKNOWN = "The Eiffel Tower in Paris drew 7 million visitors in 2023."


@pytest.fixture(autouse=True)
def _no_review_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in config.ENV.values():
        monkeypatch.delenv(name, raising=False)


def toml(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# --- finding the file ---------------------------------------------------------------------


def test_found_in_the_drafts_folder_or_above(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    found = toml(tmp_path / ".checkclaim.toml", 'format = "json"\n')
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    assert config.find_config(deep) == found.resolve()


def test_checkclaim_toml_comes_before_pyproject(tmp_path: Path) -> None:
    toml(tmp_path / "pyproject.toml", '[tool.checkclaim]\nformat = "line"\n')
    first = toml(tmp_path / ".checkclaim.toml", 'format = "json"\n')
    assert config.find_config(tmp_path) == first.resolve()


def test_a_pyproject_without_the_table_is_passed_over(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    outer = toml(tmp_path / "pyproject.toml", '[tool.checkclaim]\nfail-on = "never"\n')
    toml(tmp_path / "sub" / "pyproject.toml", '[project]\nname = "checkclaim-news"\n')
    assert config.find_config(tmp_path / "sub") == outer.resolve()


def test_the_search_stops_at_the_top_of_a_repository(tmp_path: Path) -> None:
    toml(tmp_path / ".checkclaim.toml", 'format = "json"\n')
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    assert config.find_config(repo) is None


# --- what it may say ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "text"),
    [
        (".checkclaim.toml", 'claims = "c/x.yaml"\nfail-on = "unknown"\nformat = "SARIF"\n'
         'ignore = ["archive/*", "*opinion*"]\n'),
        ("pyproject.toml", '[tool.checkclaim]\nclaims = "c/x.yaml"\nfail_on = "unknown"\n'
         'format = "sarif"\nignore = ["archive/*", "*opinion*"]\n'),
    ],
)  # fmt: skip
def test_the_keys(tmp_path: Path, name: str, text: str) -> None:
    cfg = config.load_config(toml(tmp_path / name, text))
    assert cfg.claims == str(tmp_path / "c" / "x.yaml")  # relative to the file
    assert (cfg.fail_on, cfg.format) == ("unknown", "sarif")
    assert cfg.ignore == ("archive/*", "*opinion*")


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        (".checkclaim.toml", 'fail-on = "sometimes"\n', "fail-on 'sometimes' is not one of"),
        (".checkclaim.toml", 'format = "xml"\n', "format 'xml' is not one of"),
        (".checkclaim.toml", 'colour = "red"\n', "unknown key 'colour'"),
        (".checkclaim.toml", "ignore = [1, 2]\n", "ignore must be a list"),
        (".checkclaim.toml", "claims = 3\n", "claims must be a string"),
        (".checkclaim.toml", "format = \n", "not valid TOML"),
        ("pyproject.toml", '[project]\nname = "x"\n', "no [tool.checkclaim] table"),
    ],
)
def test_mistakes_are_input_errors_naming_the_file(
    tmp_path: Path, name: str, text: str, message: str
) -> None:
    path = toml(tmp_path / name, text)
    with pytest.raises(InputError) as e:
        config.load_config(path)
    assert message in str(e.value)
    assert str(e.value).startswith(f"{path}: ")


def test_a_missing_config_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such configuration file"):
        config.resolve(config=tmp_path / "nope.toml", start=tmp_path)


# --- precedence ---------------------------------------------------------------------------

FILE = 'claims = "from-file.yaml"\nfail-on = "never"\nformat = "line"\n'


@pytest.mark.parametrize(
    ("options", "env", "expected"),
    [
        ({}, {}, ("from-file.yaml", "never", "line")),
        ({}, {"CHECKCLAIM_FAIL_ON": "unknown", "CHECKCLAIM_FORMAT": "json"},
         ("from-file.yaml", "unknown", "json")),
        ({}, {"CHECKCLAIM_CLAIMS": "env.yaml"}, ("env.yaml", "never", "line")),
        ({"fail_on": "contradicted", "format": "sarif", "claims": "opt.yaml"},
         {"CHECKCLAIM_FAIL_ON": "unknown", "CHECKCLAIM_FORMAT": "json",
          "CHECKCLAIM_CLAIMS": "env.yaml"},
         ("opt.yaml", "contradicted", "sarif")),
        ({"format": "html"}, {"CHECKCLAIM_FORMAT": "json"}, ("from-file.yaml", "never", "html")),
        ({}, {"CHECKCLAIM_FORMAT": ""}, ("from-file.yaml", "never", "line")),  # empty: unset
    ],
)  # fmt: skip
def test_options_over_environment_over_file(
    tmp_path: Path, options: dict[str, str], env: dict[str, str], expected: tuple[str, ...]
) -> None:
    toml(tmp_path / ".checkclaim.toml", FILE)
    s = config.resolve(
        claims=options.get("claims"),
        fail_on=options.get("fail_on"),
        format=options.get("format"),
        start=tmp_path,
        environ=env,
    )
    claims = Path(s.claims or "").name if s.claims and "from-file" in s.claims else s.claims
    assert (claims, s.fail_on, s.format) == expected


def test_defaults_without_any_setting(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    s = config.resolve(start=tmp_path, environ={})
    assert (s.claims, s.fail_on, s.format, s.ignore, s.config_path) == (
        None, "contradicted", "text", (), ""
    )  # fmt: skip


def test_a_bad_environment_value_names_the_variable(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    with pytest.raises(InputError, match="CHECKCLAIM_FAIL_ON 'sometimes' is not one of"):
        config.resolve(start=tmp_path, environ={"CHECKCLAIM_FAIL_ON": "sometimes"})


# --- through the command ------------------------------------------------------------------


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A newsroom folder: a draft, a configuration beside it, an archive to leave out."""
    (tmp_path / ".git").mkdir()
    toml(tmp_path / "drafts" / "today.md", f"{CONTRADICTED}\n\n{UNKNOWN}\n")
    toml(tmp_path / "drafts" / "archive" / "old.md", f"{CONTRADICTED}\n")
    toml(
        tmp_path / "pyproject.toml",
        f'[tool.checkclaim]\nformat = "json"\nfail-on = "unknown"\nclaims = "{SHIPPED}"\n'
        'ignore = ["drafts/archive/*", "*eiffel tower*"]\n',
    )
    return tmp_path


def test_the_config_file_applies(run: RunCLI, project: Path) -> None:
    r = run("review", str(project / "drafts"))
    assert r.exit_code == 1, r.stderr
    doc = json.loads(r.stdout)  # format = "json" from the file
    assert {f["path"] for f in doc["findings"]} == {str(project / "drafts" / "today.md")}
    assert doc["ignored_files"] == [str(project / "drafts" / "archive" / "old.md")]
    assert [f["suppressed"] for f in doc["findings"]] == [None, "config"]
    assert doc["summary"]["fail_on"] == "unknown"


def test_environment_over_file_and_option_over_environment(run: RunCLI, project: Path) -> None:
    draft = str(project / "drafts" / "today.md")
    r = run("review", draft, env={"CHECKCLAIM_FORMAT": "line"})
    assert r.stdout.startswith(draft + ":1:1: contradicted: ")
    r = run("review", draft, "--format", "github", env={"CHECKCLAIM_FORMAT": "line"})
    assert r.stdout.startswith("::error ")
    r = run("review", draft, "--fail-on", "never", env={"CHECKCLAIM_FAIL_ON": "unknown"})
    assert r.exit_code == 0


def test_an_explicit_config_file(run: RunCLI, project: Path, tmp_path: Path) -> None:
    other = toml(tmp_path / "elsewhere" / "review.toml", 'format = "sarif"\n')
    r = run("review", str(project / "drafts" / "today.md"), "--config", str(other))
    assert json.loads(r.stdout)["version"] == "2.1.0"


def test_a_broken_config_file_is_exit_2(run: RunCLI, project: Path) -> None:
    toml(project / "drafts" / ".checkclaim.toml", "fail-on = [\n")
    r = run("review", str(project / "drafts" / "today.md"))
    assert r.exit_code == 2
    assert ".checkclaim.toml" in r.stderr and "TOML" in r.stderr
