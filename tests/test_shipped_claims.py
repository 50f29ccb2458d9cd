"""The shipped claim set: it validates, it is what `checkclaim build` makes, and it comes with
example statements of every verdict (like proselint's `tests/examples.py`).
"""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest

from checkclaim.claimfile import dumps
from checkclaim.models import VERDICTS
from checkclaim.pipeline import build_file, check, load_claims, load_index, shipped_claims

CLAIMS_DIR = Path(__file__).resolve().parent.parent / "claims"
SHIPPED = sorted(p.stem for p in CLAIMS_DIR.glob("*.yaml"))

# How each shipped claim file is built; the README shows the same command.
BUILD_OPTIONS = {
    "ruto-unga79": {"title": "Ruto at the 79th UN General Assembly"},
}

# Hand edits of a shipped claim file, applied to the fresh build before comparing:
# (line of the fresh build, the line as shipped, why). Empty while the files are as built.
CURATIONS: dict[str, list[tuple[str, str, str]]] = {
    "ruto-unga79": [],
}

# Example statements for each shipped claim set: (statement, verdict, a piece of the
# evidence it must be judged against, or "" when no claim should be named).
EXAMPLES: dict[str, list[tuple[str, str, str]]] = {
    "ruto-unga79": [
        # the article's own sentences, and clear restatements
        (
            "Reports indicate that armed groups control around 80 percent of Port-au-Prince, "
            "severely impacting public safety and the rule of law.",
            "supported",
            "around 80 percent of Port-au-Prince",
        ),
        (
            "Kenya is on track to deploy 2,500 police officers to Haiti by January.",
            "supported",
            "2,500 police officers",
        ),
        ("Kenya sends 2,500 officers", "supported", "2,500 police officers"),
        (
            "Over 578,000 people are internally displaced in Haiti, according to the IOM.",
            "supported",
            "over 578,000 people",
        ),
        # the same claims with one detail changed
        (
            "Kenya is on track to deploy 3,000 police officers to Haiti by January.",
            "contradicted",
            "2,500 police officers",
        ),
        (
            "Kenya is on track to deploy 2,500 police officers to Haiti by May.",
            "contradicted",
            "2,500 police officers",
        ),
        (
            "Armed groups control around 40 percent of Port-au-Prince.",
            "contradicted",
            "around 80 percent of Port-au-Prince",
        ),
        (
            "Over 878,000 people are internally displaced in Haiti, according to the IOM.",
            "contradicted",
            "over 578,000 people",
        ),
        # what the article does not speak to
        ("The moon is made of cheese.", "unknown", ""),
        ("A new bridge opened in Lisbon on Monday.", "unknown", ""),
    ],
}


def fresh_build(name: str) -> str:
    article = CLAIMS_DIR / f"{name}.txt"
    return dumps(build_file(article, relative_to=CLAIMS_DIR, **BUILD_OPTIONS.get(name, {})))


def curated(name: str, text: str) -> str:
    for before, after, why in CURATIONS.get(name, []):
        assert before in text, f"curation no longer applies ({why}): {before!r}"
        text = text.replace(before, after)
    return text


def test_there_is_a_shipped_claim_set() -> None:
    assert SHIPPED, f"no claim file in {CLAIMS_DIR}"


@pytest.mark.parametrize("name", SHIPPED)
def test_shipped_claim_file_validates(name: str) -> None:
    (cs,) = load_claims(CLAIMS_DIR / f"{name}.yaml")
    assert cs.claims
    assert len({c.id for c in cs.claims}) == len(cs.claims)
    assert (CLAIMS_DIR / cs.provenance.file).is_file(), "the provenance names the article beside it"


@pytest.mark.parametrize("name", SHIPPED)
def test_shipped_claim_file_is_a_fresh_build(name: str) -> None:
    shipped = (CLAIMS_DIR / f"{name}.yaml").read_text(encoding="utf-8")
    expected = curated(name, fresh_build(name))
    if shipped != expected:
        options = " ".join(f'--{k} "{v}"' for k, v in BUILD_OPTIONS.get(name, {}).items())
        diff = "".join(
            difflib.unified_diff(
                expected.splitlines(keepends=True),
                shipped.splitlines(keepends=True),
                f"fresh build of claims/{name}.txt (with CURATIONS)",
                f"claims/{name}.yaml as shipped",
            )
        )
        pytest.fail(
            f"claims/{name}.yaml is not what `checkclaim build` makes from claims/{name}.txt.\n"
            f"Rebuild it (checkclaim build claims/{name}.txt -o claims/{name}.yaml {options} "
            "--force), or, if a line was edited by hand on purpose, add it to CURATIONS in this "
            f"file with the reason.\n{diff}",
            pytrace=False,
        )


def test_the_shipped_claim_set_is_installed_with_the_package() -> None:
    installed = shipped_claims()
    for name in SHIPPED:
        assert (installed / f"{name}.yaml").is_file()
        assert (installed / f"{name}.txt").is_file()


@pytest.mark.parametrize("name", SHIPPED)
@pytest.mark.parametrize("verdict", VERDICTS)
def test_every_shipped_claim_set_has_examples_of_every_verdict(name: str, verdict: str) -> None:
    assert any(v == verdict for _, v, _ in EXAMPLES.get(name, [])), (
        f"claims/{name}.yaml has no example statement that is {verdict}: add one to EXAMPLES"
    )


CASES = [
    pytest.param(name, statement, verdict, evidence, id=f"{name}-{verdict}-{n}")
    for name, rows in EXAMPLES.items()
    for n, (statement, verdict, evidence) in enumerate(rows)
]


@pytest.mark.parametrize(("name", "statement", "verdict", "evidence"), CASES)
def test_examples(name: str, statement: str, verdict: str, evidence: str) -> None:
    result = check(statement, load_index(CLAIMS_DIR / f"{name}.yaml"))
    assert result.verdict == verdict, [r.as_dict() for r in result.reasons]
    if evidence:
        assert result.claim is not None
        assert evidence.lower() in result.claim.evidence.lower()
