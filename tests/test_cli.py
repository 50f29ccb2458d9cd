"""The command line as a user runs it: exit code first, then standard output and error apart."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from typer.testing import CliRunner

import checkclaim
from checkclaim import cli

if TYPE_CHECKING:
    from conftest import RunCLI, Schemas

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = ROOT / "claims" / "ruto-unga79.txt"
CLAIM_FILE = ROOT / "claims" / "ruto-unga79.yaml"

SUPPORTED = "Kenya sends 2,500 officers"
CONTRADICTED = "Kenya sends 3,000 officers to Haiti"
UNKNOWN = "The moon is made of cheese."
COUNCIL = "The city council approved a budget of $4 million on Monday.\n"

ANSI = re.compile(r"\x1b\[[0-9;]*m")
# SGR parameters that set a colour (30-39, 40-49, 90-97, 100-107); bold and dim are not colour
COLOUR = re.compile(r"\x1b\[(?:[0-9;]*;)?(?:3[0-9]|4[0-9]|9[0-7]|10[0-7])(?:;[0-9;]*)?m")


def jsonl(text: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in text.splitlines()]


def rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


# --- check: the statement forms ---------------------------------------------------------------


def test_bare_statement_is_checked_against_the_shipped_claims(run: RunCLI) -> None:
    r = run(SUPPORTED)
    assert r.exit_code == 0
    assert r.stdout.startswith("SUPPORTED")
    assert SUPPORTED in r.stdout
    assert "2,500 police officers" in r.stdout  # the article's sentence
    assert r.stderr == ""


def test_table_says_what_disagreed(run: RunCLI) -> None:
    r = run(CONTRADICTED)
    assert r.exit_code == 1
    assert r.stdout.startswith("CONTRADICTED")
    flat = " ".join(r.stdout.split())
    assert "2,500 in the article, 3,000 in the statement" in flat


def test_app_runs_check_through_typer(monkeypatch: pytest.MonkeyPatch) -> None:
    result = CliRunner().invoke(cli.app, ["check", "--format", "jsonl", SUPPORTED])
    assert result.exit_code == 0
    assert json.loads(result.stdout)["verdict"] == "supported"


ARGV = [
    # what the user typed, what the app is given
    ([SUPPORTED], ["check", SUPPORTED]),
    (["check", SUPPORTED], ["check", SUPPORTED]),
    (["build", "a.txt", "-o", "a.yaml"], ["build", "a.txt", "-o", "a.yaml"]),
    (["claims"], ["claims"]),
    (["--version"], ["--version"]),
    (["--help"], ["--help"]),
    (["--", "--version"], ["check", "--", "--version"]),
    (["--", "build"], ["check", "--", "build"]),
    ([], []),
]


@pytest.mark.parametrize(("typed", "given"), ARGV)
def test_bare_statements_become_check(typed: list[str], given: list[str]) -> None:
    assert cli._argv(typed) == given


@pytest.mark.parametrize(
    "args",
    [
        ["--", "--claims is what I said"],
        ["--", "build"],
        ["check", "--format", "jsonl", "--", "-v is not a flag in Lisbon"],
    ],
)
def test_a_statement_that_looks_like_an_option_goes_after_dashes(
    run: RunCLI, args: list[str]
) -> None:
    r = run(*args)
    assert r.exit_code == 0, r.stderr
    assert args[-1] in r.stdout


def test_several_statements_in_order(run: RunCLI) -> None:
    r = run("check", "--format", "jsonl", SUPPORTED, CONTRADICTED, UNKNOWN)
    assert r.exit_code == 1
    out = jsonl(r.stdout)
    assert [x["statement"] for x in out] == [SUPPORTED, CONTRADICTED, UNKNOWN]
    assert [x["verdict"] for x in out] == ["supported", "contradicted", "unknown"]


def test_several_statements_in_a_table_end_with_a_summary(run: RunCLI) -> None:
    r = run(SUPPORTED, CONTRADICTED, UNKNOWN)
    assert r.exit_code == 1
    assert r.stderr == "checkclaim: 3 checked: 1 supported, 1 contradicted, 1 unknown\n"


# --- check: input files -----------------------------------------------------------------------


def test_file_txt_one_statement_a_line(run: RunCLI, tmp_path: Path) -> None:
    f = tmp_path / "s.txt"
    f.write_text(f"{SUPPORTED}\n\n   \n{UNKNOWN}\n  {CONTRADICTED}  \n", encoding="utf-8")
    r = run("check", "--file", str(f), "--format", "jsonl")
    assert r.exit_code == 1
    assert [x["statement"] for x in jsonl(r.stdout)] == [SUPPORTED, UNKNOWN, CONTRADICTED]


def test_file_csv_statement_column_and_other_columns_carried(run: RunCLI, tmp_path: Path) -> None:
    f = tmp_path / "s.csv"
    with f.open("w", encoding="utf-8", newline="") as stream:
        w = csv.writer(stream)
        w.writerow(["id", "statement", "desk"])
        w.writerow(["a1", SUPPORTED, "world"])
        w.writerow(["a2", "The moon, he said, is cheese.", "science"])
    r = run("check", "--file", str(f), "--format", "jsonl")
    assert r.exit_code == 0, r.stderr
    out = jsonl(r.stdout)
    assert [(x["statement"], x["id"], x["desk"]) for x in out] == [
        (SUPPORTED, "a1", "world"),
        ("The moon, he said, is cheese.", "a2", "science"),
    ]


def test_file_csv_without_statement_column_reads_the_first(run: RunCLI, tmp_path: Path) -> None:
    f = tmp_path / "s.csv"
    f.write_text(f'"{SUPPORTED}",x\n"{UNKNOWN}",y\n', encoding="utf-8")
    r = run("check", "--file", str(f), "--format", "jsonl")
    assert r.exit_code == 0, r.stderr
    assert [x["statement"] for x in jsonl(r.stdout)] == [SUPPORTED, UNKNOWN]


def test_file_jsonl_other_fields_carried(run: RunCLI, tmp_path: Path) -> None:
    f = tmp_path / "s.jsonl"
    lines = [
        {"id": "s1", "statement": SUPPORTED, "label": "supported", "tags": ["numeric"]},
        {"statement": CONTRADICTED, "id": "s2"},
    ]
    f.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    r = run("check", "--file", str(f), "--format", "jsonl", "--fail-on", "never")
    assert r.exit_code == 0, r.stderr
    out = jsonl(r.stdout)
    assert [(x["id"], x["statement"]) for x in out] == [("s1", SUPPORTED), ("s2", CONTRADICTED)]
    assert (out[0]["label"], out[0]["tags"]) == ("supported", ["numeric"])


STDIN = [
    # --input-format, what standard input holds
    ([], f"{SUPPORTED}\n\n{UNKNOWN}\n"),
    (["--input-format", "txt"], f"{SUPPORTED}\n{UNKNOWN}\n"),
    (
        ["--input-format", "jsonl"],
        json.dumps({"statement": SUPPORTED}) + "\n" + json.dumps({"statement": UNKNOWN}),
    ),
    (["--input-format", "csv"], f'statement\n"{SUPPORTED}"\n"{UNKNOWN}"\n'),
]


@pytest.mark.parametrize(("options", "stdin"), STDIN)
def test_standard_input(run: RunCLI, options: list[str], stdin: str) -> None:
    r = run("check", "--file", "-", "--format", "jsonl", *options, input=stdin)
    assert r.exit_code == 0, r.stderr
    assert [x["statement"] for x in jsonl(r.stdout)] == [SUPPORTED, UNKNOWN]


def test_empty_input_is_a_note_not_an_error(run: RunCLI) -> None:
    r = run("check", "--file", "-", "--format", "jsonl", input="")
    assert r.exit_code == 0
    assert r.stdout == ""
    assert "no statements" in r.stderr


# --- check: output formats ----------------------------------------------------------------------


def test_format_table(run: RunCLI) -> None:
    r = run("check", "--format", "table", SUPPORTED, UNKNOWN)
    assert r.exit_code == 0
    assert re.search(r"^SUPPORTED +Kenya sends 2,500 officers$", r.stdout, re.M)
    assert re.search(r"^UNKNOWN +The moon is made of cheese\.$", r.stdout, re.M)


def test_format_jsonl(run: RunCLI, schemas: Schemas) -> None:
    r = run("check", "--format", "jsonl", SUPPORTED, CONTRADICTED, UNKNOWN)
    assert r.exit_code == 1
    out = jsonl(r.stdout)
    assert len(out) == 3
    for x in out:
        schemas.check(x, "result.schema.json")
    supported, contradicted, _ = out
    assert supported["claim_id"] == contradicted["claim_id"]
    assert "2,500 police officers" in supported["evidence"]
    number = [x for x in contradicted["reasons"] if x["kind"] == "number"]
    assert [(x["status"], x["statement"], x["claim"]) for x in number] == [
        ("disagree", "3,000", "2,500")
    ]


def test_format_json(run: RunCLI, schemas: Schemas) -> None:
    r = run("check", "--format", "json", SUPPORTED, CONTRADICTED, UNKNOWN)
    assert r.exit_code == 1
    doc = json.loads(r.stdout)
    schemas.check(doc, "results.schema.json")
    assert [x["statement"] for x in doc["results"]] == [SUPPORTED, CONTRADICTED, UNKNOWN]
    s = doc["summary"]
    assert (s["supported"], s["contradicted"], s["unknown"], s["error"], s["total"]) == (
        1,
        1,
        1,
        0,
        3,
    )
    assert s["checkclaim"] == checkclaim.__version__
    assert [Path(c["name"]).name for c in s["claim_sets"]] == ["ruto-unga79.yaml"]


def test_format_csv(run: RunCLI) -> None:
    r = run("check", "--format", "csv", SUPPORTED, CONTRADICTED)
    assert r.exit_code == 1
    out = rows(r.stdout)
    assert list(out[0]) == [
        "statement", "verdict", "score", "claim_id", "claim", "evidence", "source", "reasons",
    ]  # fmt: skip
    assert [(x["statement"], x["verdict"]) for x in out] == [
        (SUPPORTED, "supported"),
        (CONTRADICTED, "contradicted"),
    ]
    assert "number" in out[1]["reasons"]


def test_machine_formats_validate_with_every_optional_field(
    run: RunCLI, tmp_path: Path, schemas: Schemas
) -> None:
    f = tmp_path / "s.jsonl"
    f.write_text(
        json.dumps({"statement": SUPPORTED, "id": 1})
        + "\n{oops\n"
        + json.dumps({"statement": UNKNOWN})
        + "\n",
        encoding="utf-8",
    )
    r = run("check", "--file", str(f), "--format", "json", "--explain")
    assert r.exit_code == 2
    doc = json.loads(r.stdout)
    schemas.check(doc, "results.schema.json")
    verdicts = [x["verdict"] for x in doc["results"]]
    assert verdicts == ["supported", "error", "unknown"]
    assert doc["results"][0]["candidates"]
    assert doc["summary"]["error"] == 1


def test_machine_formats_print_nothing_but_data(run: RunCLI) -> None:
    r = run("check", "--format", "jsonl", SUPPORTED, UNKNOWN)
    assert r.stderr == ""
    assert not ANSI.search(r.stdout)


@pytest.mark.parametrize("fmt", ["json", "jsonl", "csv"])
def test_same_input_gives_byte_identical_output(
    run: RunCLI, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    monkeypatch.setenv("CHECKCLAIM_CACHE", str(tmp_path / "cache"))  # cold, then warm
    args = ("check", "--format", fmt, "--fail-on", "never", SUPPORTED, CONTRADICTED, UNKNOWN)
    first, second = run(*args), run(*args)
    assert (first.exit_code, second.exit_code) == (0, 0)
    assert any((tmp_path / "cache").iterdir()), "the first run filled the cache"
    assert first.stdout_bytes == second.stdout_bytes


def test_json_names_the_claim_file_as_given(run: RunCLI, tmp_path: Path) -> None:
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        shutil.copy(CLAIM_FILE, tmp_path / folder)
    names = []
    for folder in ("a", "b"):
        path = str(tmp_path / folder / CLAIM_FILE.name)
        r = run("check", "--format", "json", "--claims", path, SUPPORTED)
        names.append(json.loads(r.stdout)["summary"]["claim_sets"][0]["name"])
    assert names == [str(tmp_path / f / CLAIM_FILE.name) for f in ("a", "b")]


# --- options every command shares ---------------------------------------------------------------


def test_version(run: RunCLI) -> None:
    r = run("--version")
    assert r.exit_code == 0
    assert r.stdout == f"checkclaim {checkclaim.__version__}\n"


def test_quiet_drops_the_notes(run: RunCLI, tmp_path: Path) -> None:
    # a claim file whose article changed since it was built gets a warning
    shutil.copy(CLAIM_FILE, tmp_path)
    (tmp_path / ARTICLE.name).write_text(ARTICLE.read_text(encoding="utf-8") + "\nA new line.\n")
    claims = str(tmp_path / CLAIM_FILE.name)
    loud = run("check", "--claims", claims, SUPPORTED, UNKNOWN)
    quiet = run("check", "--claims", claims, "--quiet", SUPPORTED, UNKNOWN)
    assert (loud.exit_code, quiet.exit_code) == (0, 0)
    assert "has changed" in loud.stderr and "2 checked" in loud.stderr
    assert quiet.stderr == ""
    assert quiet.stdout == loud.stdout


def test_no_color_without_a_terminal(run: RunCLI) -> None:
    r = run(CONTRADICTED, env={"NO_COLOR": "1"})
    assert r.exit_code == 1
    assert not ANSI.search(r.stdout + r.stderr)


def test_colour_on_a_terminal_and_none_with_no_color(run: RunCLI) -> None:
    coloured = run(CONTRADICTED, env={"FORCE_COLOR": "1"})
    plain = run(CONTRADICTED, env={"FORCE_COLOR": "1", "NO_COLOR": "1"})
    assert COLOUR.search(coloured.stdout), "a terminal gets coloured verdicts"
    assert not COLOUR.search(plain.stdout), "NO_COLOR: no colour at all"
    assert ANSI.sub("", plain.stdout) == ANSI.sub("", coloured.stdout)


# --- --claims and CHECKCLAIM_CLAIMS ---------------------------------------------------------


def claims_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "claims"
    folder.mkdir()
    shutil.copy(CLAIM_FILE, folder)
    (tmp_path / "council.txt").write_text(COUNCIL, encoding="utf-8")
    r = folder / "council.yaml"
    checkclaim.pipeline.build_output([tmp_path / "council.txt"], r)
    return folder


CLAIMS_FORMS = ["claim file", "folder", "article"]


@pytest.mark.parametrize("form", CLAIMS_FORMS)
def test_claims_option(run: RunCLI, tmp_path: Path, form: str) -> None:
    path = {
        "claim file": lambda: CLAIM_FILE,
        "folder": lambda: claims_folder(tmp_path),
        "article": lambda: ARTICLE,
    }[form]()
    r = run("check", "--format", "jsonl", "--claims", str(path), SUPPORTED, CONTRADICTED)
    assert r.exit_code == 1, r.stderr
    out = jsonl(r.stdout)
    assert [x["verdict"] for x in out] == ["supported", "contradicted"]
    assert out[0]["claim_id"].startswith("ruto-unga79-")


def test_a_folder_of_claim_files_is_searched_whole(run: RunCLI, tmp_path: Path) -> None:
    folder = claims_folder(tmp_path)
    r = run("check", "--format", "json", "--claims", str(folder), SUPPORTED, COUNCIL.strip())
    assert r.exit_code == 0, r.stderr
    doc = json.loads(r.stdout)
    assert [x["claim_id"].split("-")[0] for x in doc["results"]] == ["ruto", "council"]
    assert len(doc["summary"]["claim_sets"]) == 2


def test_checkclaim_claims_variable(run: RunCLI, tmp_path: Path) -> None:
    article = tmp_path / "council.txt"
    article.write_text(COUNCIL, encoding="utf-8")
    env = {"CHECKCLAIM_CLAIMS": str(article)}
    r = run("check", "--format", "jsonl", COUNCIL.strip(), SUPPORTED, env=env)
    assert r.exit_code == 0, r.stderr
    out = jsonl(r.stdout)
    assert out[0]["verdict"] == "supported"
    assert out[0]["claim_id"].startswith("council-")
    assert out[1]["verdict"] == "unknown"
    # --claims wins over the variable
    r = run("check", "--format", "jsonl", "--claims", str(CLAIM_FILE), SUPPORTED, env=env)
    assert jsonl(r.stdout)[0]["verdict"] == "supported"


# --- build --------------------------------------------------------------------------------------


def test_build_one_article(run: RunCLI, tmp_path: Path) -> None:
    out = tmp_path / "ruto.yaml"
    r = run(
        "build", str(ARTICLE), "-o", str(out),
        "--title", "Ruto at the UN", "--date", "2024-09-26", "--source", "https://example.org/ruto",
    )  # fmt: skip
    assert r.exit_code == 0, r.stderr
    assert r.stdout == ""
    assert re.fullmatch(r"checkclaim: wrote \d+ claims from 1 article to .*ruto\.yaml\n", r.stderr)
    (cs,) = checkclaim.load_claims(out)
    p = cs.provenance
    assert (p.title, p.date, p.source) == (
        "Ruto at the UN",
        "2024-09-26",
        "https://example.org/ruto",
    )
    assert all(c.id.startswith("ruto-unga79-") for c in cs.claims)


def test_build_refuses_to_overwrite_without_force(run: RunCLI, tmp_path: Path) -> None:
    out = tmp_path / "ruto.yaml"
    out.write_text("precious\n", encoding="utf-8")
    r = run("build", str(ARTICLE), "-o", str(out))
    assert r.exit_code == 2
    assert "--force" in r.stderr
    assert out.read_text(encoding="utf-8") == "precious\n"
    r = run("build", str(ARTICLE), "-o", str(out), "--force")
    assert r.exit_code == 0, r.stderr
    assert checkclaim.load_claims(out)[0].claims


def test_build_refuses_to_overwrite_a_folder_without_force(run: RunCLI, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(COUNCIL, encoding="utf-8")
    (tmp_path / "b.txt").write_text("Kenya sent 400 officers to Haiti.\n", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (out / "keep.yaml").write_text("precious\n", encoding="utf-8")
    r = run("build", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "-o", str(out))
    assert r.exit_code == 2
    assert "--force" in r.stderr
    assert (out / "keep.yaml").read_text(encoding="utf-8") == "precious\n"


def test_build_several_articles_makes_a_folder(run: RunCLI, tmp_path: Path) -> None:
    arts = tmp_path / "articles"
    arts.mkdir()
    shutil.copy(ARTICLE, arts / "ruto.txt")
    (arts / "council.md").write_text("# Council\n\n" + COUNCIL, encoding="utf-8")
    out = tmp_path / "out"
    r = run("build", str(arts), "-o", str(out))
    assert r.exit_code == 0, r.stderr
    assert "from 2 articles" in r.stderr
    assert sorted(p.name for p in out.iterdir()) == ["council.yaml", "ruto.yaml"]
    # the same articles named one by one give the same files
    out2 = tmp_path / "out2"
    r = run("build", str(arts / "ruto.txt"), str(arts / "council.md"), "-o", str(out2))
    assert r.exit_code == 0, r.stderr
    for name in ("council.yaml", "ruto.yaml"):
        assert (out / name).read_text(encoding="utf-8").replace("../articles", "") == (
            (out2 / name).read_text(encoding="utf-8").replace("../articles", "")
        )
    r = run("check", "--format", "jsonl", "--claims", str(out), COUNCIL.strip())
    assert jsonl(r.stdout)[0]["verdict"] == "supported"


def test_build_keeps_ids_stable(run: RunCLI, tmp_path: Path) -> None:
    first, second = tmp_path / "1.yaml", tmp_path / "2.yaml"
    assert run("build", str(ARTICLE), "-o", str(first)).exit_code == 0
    assert run("build", str(ARTICLE), "-o", str(second)).exit_code == 0
    assert first.read_bytes() == second.read_bytes()
    ids = [c.id for c in checkclaim.load_claims(first)[0].claims]
    assert ids == [c.id for c in checkclaim.load_claims(CLAIM_FILE)[0].claims]


# --- claims -------------------------------------------------------------------------------------


def test_claims_lists_the_shipped_claim_set(run: RunCLI) -> None:
    r = run("claims")
    assert r.exit_code == 0, r.stderr
    shipped = checkclaim.load_claims(CLAIM_FILE)[0]
    for c in shipped.claims:
        assert c.id in r.stdout
    assert "over 578,000" in r.stdout


def test_claims_json(run: RunCLI) -> None:
    r = run("claims", "--claims", str(CLAIM_FILE), "--format", "json")
    assert r.exit_code == 0, r.stderr
    (doc,) = json.loads(r.stdout)
    assert doc["schema"] == 1
    assert doc["aliases"]["IOM"] == "International Organization for Migration"
    shipped = checkclaim.load_claims(CLAIM_FILE)[0]
    assert [c["id"] for c in doc["claims"]] == [c.id for c in shipped.claims]


def test_claims_of_an_article_are_built_on_the_fly(run: RunCLI, tmp_path: Path) -> None:
    article = tmp_path / "council.txt"
    article.write_text(COUNCIL, encoding="utf-8")
    r = run("claims", "--claims", str(article))
    assert r.exit_code == 0, r.stderr
    assert "council-" in r.stdout and "$4 million" in r.stdout
