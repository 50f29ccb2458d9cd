"""Claim files under bad input: every problem is `file:line:col: what; what to do`, on one line,
and nothing a claim file says is ever run.

No CLI here: `claimfile.loads` on YAML text, one table a kind of problem.
"""

from __future__ import annotations

import re
import tracemalloc
from pathlib import Path

import pytest

from checkclaim import claimfile
from checkclaim.claimfile import dumps, loads
from checkclaim.errors import ClaimFileError
from checkclaim.pipeline import build

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = ROOT / "claims" / "ruto-unga79.yaml"

GOOD_CLAIM = "- {id: a, text: Kenya sent 400 officers., sentence: 0, span: [0, 29]}\n"
HEAD = "schema: 1\narticle: {title: t}\nclaims:\n"


def error(text: str, path: str = "c.yaml") -> str:
    with pytest.raises(ClaimFileError) as e:
        loads(text, path)
    message = str(e.value)
    assert "\n" not in message
    return message


# --- broken YAML: file:line:col and the line quoted ----------------------------------------------

BROKEN = [
    # text, the error's start, words it must hold
    ("schema: 1\narticle: {title: x\nclaims: []\n", "c.yaml:3:7: broken YAML", "`claims: []`"),
    (
        "schema: 1\narticle: title: x\nclaims: []\n",
        "c.yaml:2:15: broken YAML",
        "`article: title: x`",
    ),
    ("schema: 1\n  claims: [\n", "c.yaml:2:9: broken YAML", "`claims: [`"),
    (
        'schema: 1\narticle: {title: "a\x07b"}\n',
        "c.yaml:2:20: broken YAML",
        '`article: {title: "a\\x07b"}`',
    ),
    ("schema: 1\r\narticle: {\r\nclaims: [}\r\n", "c.yaml:3:10: broken YAML", "`claims: [}`"),
    ("- a\nb: c\n", "c.yaml:2:1: broken YAML", "`b: c`"),
]


@pytest.mark.parametrize(("text", "start", "words"), BROKEN)
def test_broken_yaml_gives_the_place_and_quotes_the_line(text: str, start: str, words: str) -> None:
    message = error(text)
    assert message.startswith(start)
    assert words in message
    assert message.endswith("; fix the YAML there")


def test_a_control_character_is_quoted_as_an_escape_never_sent_to_the_terminal() -> None:
    message = error('schema: 1\narticle: {title: "\x1b[2J"}\n')
    assert "\x1b" not in message
    assert "U+001B" in message


# --- the schema: the key path and what was expected ----------------------------------------------

SCHEMA = [
    # the claims part (after HEAD), the error's start, words it must hold
    (
        "- {id: a, text: t, sentence: x, span: [0, 1]}\n",
        "c.yaml:4:30: claims[0].sentence:",
        "valid integer",
    ),
    (
        "- {id: a, text: t, sentence: -1, span: [0, 1]}\n",
        "c.yaml:4:30: claims[0].sentence:",
        "greater than or equal to 0",
    ),
    (
        "- {id: a, text: t, sentence: 0, span: [0, 1, 2]}\n",
        "c.yaml:4:39: claims[0].span:",
        "at most 2 items",
    ),
    (
        "- {id: a, text: '', sentence: 0, span: [0, 1]}\n",
        "c.yaml:4:17: claims[0].text:",
        "at least 1 character",
    ),
    (
        "- {id: a, text: t, sentence: 0, span: [0, 1], negated: maybe}\n",
        "c.yaml:4:56: claims[0].negated:",
        "valid boolean",
    ),
    (
        "- {id: a, text: t, sentence: 0, span: [0, 1], dates: [{text: x, kind: era, value: v}]}\n",
        "c.yaml:4:71: claims[0].dates[0].kind:",
        "'month'",
    ),
    (
        "- {id: a, text: t, sentence: 0, span: [0, 1], quantities: "
        "[{text: x, value: 1, kind: count, interval: '[2, 1]'}]}\n",
        "c.yaml:4:103: claims[0].quantities[0].interval:",
        "low end above its high end",
    ),
    (
        "- {id: a, text: t, sentence: 0, span: [0, 1], quantities: "
        "[{text: x, value: 1, kind: count, interval: 'soon'}]}\n",
        "c.yaml:4:103: claims[0].quantities[0].interval:",
        "write it like [2500, 2500]",
    ),
    (
        "- {id: a, text: t, sentence: 0}\n",
        "c.yaml:4:3: missing key 'span' at claims[0]; add it",
        "",
    ),
    (
        "- {id: a, txt: t, sentence: 0, span: [0, 1]}\n",
        "c.yaml:4:11: unknown key 'txt' at claims[0] (did you mean 'text'?); "
        "remove it or check its spelling",
        "",
    ),
    ("  5\n", "c.yaml:4:3: claims:", "valid list"),
]


@pytest.mark.parametrize(("claims", "start", "words"), SCHEMA)
def test_a_schema_violation_names_the_key_path_and_the_expected_type(
    claims: str, start: str, words: str
) -> None:
    message = error(HEAD + claims)
    assert message.startswith(start)
    assert words in message


@pytest.mark.parametrize(
    ("text", "start"),
    [
        (
            "schema: 2\narticle: {}\nclaims: []\n",
            "c.yaml:1:9: schema version 2 is not known to this checkclaim (it reads 1)",
        ),
        ("schema: '7'\narticle: {}\nclaims: []\n", "c.yaml:1:9: schema version 7 is not known"),
        ("schema: 0x10\narticle: {}\nfuture: [x]\n", "c.yaml:1:9: schema version 16 is not known"),
        (
            "schema: one\narticle: {}\nclaims: []\n",
            "c.yaml:1:9: schema: Input should be a valid integer",
        ),
        ("article: {}\nclaims: []\n", "c.yaml:1:1: missing key 'schema' at the top level; add it"),
    ],
)
def test_an_unknown_schema_version_says_to_upgrade_or_rebuild(text: str, start: str) -> None:
    message = error(text)
    assert message.startswith(start)
    if "not known" in message:
        assert message.endswith("upgrade checkclaim or rebuild the file")


def test_a_duplicate_claim_id_points_at_both() -> None:
    message = error(
        HEAD + GOOD_CLAIM + "- {id: b, text: t, sentence: 1, span: [0, 1]}\n" + GOOD_CLAIM
    )
    assert message == (
        "c.yaml:6:8: claim id 'a' is used twice (first at line 4); give each claim its own id"
    )


def test_a_duplicate_key_is_refused() -> None:
    assert error("schema: 1\nschema: 1\narticle: {}\nclaims: []\n") == (
        "c.yaml:2:1: key 'schema' appears twice; keep one"
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "",
            "c.yaml:1: the claim file is empty; build one with `checkclaim build ARTICLE -o FILE`",
        ),
        (
            "# only a comment\n",
            "c.yaml:1: the claim file is empty; build one with `checkclaim build ARTICLE -o FILE`",
        ),
        ("- 1\n- 2\n", "c.yaml:1: a claim file is a mapping with schema, article and claims"),
        ("just words\n", "c.yaml:1: a claim file is a mapping with schema, article and claims"),
        ("? [a]\n: b\n", "c.yaml:1:3: keys must be plain words"),
        ("1: x\n", "c.yaml:1:1: keys must be plain words"),
    ],
)
def test_a_file_that_is_not_a_claim_set(text: str, expected: str) -> None:
    assert error(text) == expected


# --- safe loading: no tag runs, no alias multiplies ----------------------------------------------


@pytest.mark.parametrize(
    "value",
    [
        "!!python/object/apply:os.system ['touch {marker}']",
        "!!python/object/new:subprocess.Popen [['touch', '{marker}']]",
        "!!python/name:os.system",
        "!!python/module:os",
        "!!binary aGVsbG8=",
        "!!set {a, b}",
        "!!omap [a: 1]",
        "!custom {marker}",
    ],
)
def test_a_yaml_tag_is_refused_and_never_run(tmp_path: Path, value: str) -> None:
    marker = tmp_path / "ran"
    text = f"schema: 1\narticle:\n  title: {value.replace('{marker}', str(marker))}\nclaims: []\n"
    message = error(text)
    assert message.startswith("c.yaml:3:10: YAML tag ")
    assert message.endswith("is not allowed in a claim file (plain values only); remove the tag")
    assert not marker.exists()


def billion_laughs(levels: int) -> str:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for i in range(1, levels):
        lines.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]")
    return "\n".join(lines) + "\n"


def test_an_alias_bomb_is_refused_at_the_alias_in_bounded_memory() -> None:
    text = billion_laughs(12)  # 9**12 = 282 billion strings if expanded
    tracemalloc.start()
    try:
        message = error(text)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert (
        message
        == "c.yaml:2:10: YAML aliases (*name) are not allowed in a claim file; write the value out"
    )
    assert peak < 8 * (1 << 20)


def test_a_single_alias_is_refused_too() -> None:
    text = "schema: 1\narticle: &x {title: t}\naliases: {}\nclaims: []\nother: *x\n"
    assert error(text).startswith("c.yaml:5:8: YAML aliases (*name) are not allowed")


@pytest.mark.parametrize("depth", [17, 500, 999, 5000])
def test_deep_nesting_is_an_error_not_a_crash(depth: int) -> None:
    text = HEAD.replace("claims:\n", "claims: ") + "[" * depth + "]" * depth + "\n"
    message = error(text)
    assert re.match(r"c\.yaml:3:\d+: (values are nested too deeply|broken YAML)", message)


def test_too_many_values_is_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(claimfile, "MAX_NODES", 50)
    text = HEAD + GOOD_CLAIM * 10
    assert "too many values for a claim file (over 50)" in error(text)


# --- values as an editor writes them -------------------------------------------------------------

VALUES = [
    # the article part, what the provenance reads
    ("{title: 1984}", ("1984", "")),
    ("{title: 3.5}", ("3.5", "")),
    ("{date: 2024-09-26}", ("", "2024-09-26")),
    ("{date: 2024-09-26 10:00:00}", ("", "2024-09-26 10:00:00")),
    ("{title: null, date: ~}", ("", "")),
    ("{title: 'yes'}", ("yes", "")),
]


@pytest.mark.parametrize(("article", "expected"), VALUES)
def test_plain_values_read_as_written(article: str, expected: tuple[str, str]) -> None:
    cs = loads(f"schema: 1\narticle: {article}\nclaims: []\n", "c.yaml")
    assert (cs.provenance.title, cs.provenance.date) == expected


@pytest.mark.parametrize(
    "value",
    [".nan", ".inf", "-.INF", "1:30", "017", "0b101", "1_000", "0x_1f", "1e999", "9" * 5000],
)
def test_any_yaml_number_reads_or_fails_cleanly(value: str) -> None:
    text = HEAD + f"- {{id: a, text: t, sentence: {value}, span: [0, 1]}}\n"
    try:
        loads(text, "c.yaml")
    except ClaimFileError as e:
        assert str(e).startswith("c.yaml:4:")


def test_a_bom_and_crlf_line_endings_are_read() -> None:
    text = SHIPPED.read_text(encoding="utf-8")
    crlf = "\ufeff" + text.replace("\n", "\r\n")
    assert loads(crlf, "c.yaml").claims == loads(text, "c.yaml").claims


def test_a_written_claim_set_reads_back_the_same() -> None:
    cs = build(
        'He said "2\u00a0500 officers" \u2014 not 3,000 \u2212 will go.\n\n'
        "A: b: c. #not a comment\n",
        name="odd",
    )
    back = loads(dumps(cs), "odd.yaml")
    assert back.claims == cs.claims
    assert back.provenance == cs.provenance


def test_half_a_surrogate_pair_is_an_error_not_a_crash() -> None:
    """Found by benchmarks/fuzz_parsers.py: libyaml raised UnicodeEncodeError on it."""
    assert error("schema: 1\narticle: {title: a\ud800}\n") == (
        "c.yaml:2:19: holds half a surrogate pair, which is not text"
    )
