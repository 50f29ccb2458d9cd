"""Article -> claims: the shipped article's claims, stable ids, and claim sets of folders."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from checkclaim.claimfile import dumps, loads
from checkclaim.errors import InputError
from checkclaim.models import Claim, ClaimSet
from checkclaim.pipeline import build, build_output, load_claims

ARTICLE = Path(__file__).resolve().parent.parent / "claims" / "ruto-unga79.txt"


@pytest.fixture(scope="module")
def shipped() -> ClaimSet:
    return build(ARTICLE.read_text(encoding="utf-8"), name="ruto-unga79")


def claim_with(cs: ClaimSet, figure: str) -> Claim:
    hits = [c for c in cs.claims if any(q.text == figure for q in c.quantities)]
    assert len(hits) == 1, f"{len(hits)} claims carry the figure {figure!r}"
    return hits[0]


FIGURES = [
    # figure as written, kind, what it counts, qualifier, interval
    ("2,500", "count", "police officers", "", (2500, 2500)),
    ("around 80 percent", "percent", "", "around", (72, 88)),
    ("over 578,000", "count", "people internally displaced", "over", (578_000, 635_800)),
    ("79th", "ordinal", "session", "", (79, 79)),
]


@pytest.mark.parametrize(("figure", "kind", "unit", "qualifier", "interval"), FIGURES)
def test_shipped_article_figures(
    shipped: ClaimSet,
    figure: str,
    kind: str,
    unit: str,
    qualifier: str,
    interval: tuple[float, float],
) -> None:
    q = next(q for q in claim_with(shipped, figure).quantities if q.text == figure)
    assert (q.kind, q.unit, q.qualifier) == (kind, unit, qualifier)
    assert [q.interval.low, q.interval.high] == pytest.approx(list(interval))


CLAIM_DETAILS = [
    # a figure of the claim, a date it carries (kind, value, relation), a name it mentions
    ("2,500", ("month", "january", "by"), "Haiti"),
    ("2,500", ("weekday", "thursday", "on"), "Kenya"),
    ("over 578,000", ("month", "august", "as of"), "International Organization for Migration"),
    ("around 80 percent", None, "Port-au-Prince"),
]


@pytest.mark.parametrize(("figure", "date", "name"), CLAIM_DETAILS)
def test_shipped_article_claim_details(
    shipped: ClaimSet, figure: str, date: tuple[str, str, str] | None, name: str
) -> None:
    claim = claim_with(shipped, figure)
    if date is not None:
        assert date in {(d.kind, d.value, d.relation) for d in claim.dates}
    assert name in {e.text for e in claim.entities}


def test_shipped_article_defines_the_iom_alias(shipped: ClaimSet) -> None:
    assert shipped.aliases["IOM"] == "International Organization for Migration"


def test_claims_point_into_the_article(shipped: ClaimSet) -> None:
    text = ARTICLE.read_text(encoding="utf-8")
    assert shipped.claims
    for c in shipped.claims:
        assert text[c.span[0] : c.span[1]] == c.text == c.evidence
    assert [c.sentence for c in shipped.claims] == sorted({c.sentence for c in shipped.claims})
    assert shipped.provenance.sha256 == hashlib.sha256(text.encode("utf-8")).hexdigest()


def test_ids_are_stable_across_builds() -> None:
    text = ARTICLE.read_text(encoding="utf-8")
    first = [c.id for c in build(text, name="ruto-unga79").claims]
    second = [c.id for c in build(text, name="ruto-unga79").claims]
    assert first == second
    assert len(set(first)) == len(first)
    assert all(i.startswith("ruto-unga79-") for i in first)


def test_ids_follow_the_sentence_not_its_place() -> None:
    text = ARTICLE.read_text(encoding="utf-8")
    before = {c.text: c.id for c in build(text, name="a").claims}
    after = {
        c.text: c.id
        for c in build("Nairobi hosted a summit of 40 leaders.\n" + text, name="a").claims
    }
    assert before.items() <= after.items()


def test_a_repeated_sentence_gets_its_own_id() -> None:
    cs = build("Kenya sent 400 officers to Haiti.\nKenya sent 400 officers to Haiti.", name="dup")
    ids = [c.id for c in cs.claims]
    assert len(ids) == 2 and len(set(ids)) == 2


def test_a_sentence_with_nothing_to_check_is_no_claim() -> None:
    cs = build("Kenya sent 400 officers to Haiti in June.\nThank you.", name="t")
    assert [c.text for c in cs.claims] == ["Kenya sent 400 officers to Haiti in June."]


def test_clauses_joined_by_a_semicolon_are_claims_of_their_own() -> None:
    cs = build("Sweden beat South Korea 1-0 in Nizhny; Belgium beat Panama 3-0 in Sochi.", name="s")
    assert [c.text for c in cs.claims] == [
        "Sweden beat South Korea 1-0 in Nizhny",
        "Belgium beat Panama 3-0 in Sochi.",
    ]


def test_a_clause_opening_on_a_pronoun_stays_with_the_one_before() -> None:
    text = "IE held 70 percent of the market in 2009; this has dropped to about 56 percent today."
    assert [c.text for c in build(text, name="s").claims] == [text]


def test_the_district_is_the_place_named_before() -> None:
    text = (
        "Most cases have been in Stara Brda, officials said. "
        "Weekly cases in the district fell from 58 to 34. "
        "Weekly cases fell in the capital too."
    )
    claims = build(text, name="s").claims
    assert [c.context for c in claims] == [(), ("Stara Brda",), ("Stara Brda",)]


def test_a_quotation_after_a_quoted_speaker_is_the_same_speakers() -> None:
    text = (
        '"Prices have climbed for three years," said Teodora Vasquel, the union leader. '
        '"Six and a half percent is not an offer."\n\n'
        '"We remain hopeful," the statement read.'
    )
    claims = build(text, name="q").claims
    assert [c.context for c in claims] == [(), ("Teodora Vasquel",), ()]


def test_claim_file_round_trip(shipped: ClaimSet) -> None:
    again = loads(dumps(shipped), "ruto-unga79.yaml")
    assert again.claims == shipped.claims
    assert again.aliases == shipped.aliases
    assert again.provenance == shipped.provenance


BAD_BUILDS = [
    ("", {}, "empty"),
    ("   \n\n  ", {}, "empty"),
    ("Kenya sent 400 officers.", {"date": "26/09/2024"}, "date"),
]


@pytest.mark.parametrize(("text", "options", "message"), BAD_BUILDS)
def test_build_refuses_bad_input(text: str, options: dict[str, str], message: str) -> None:
    with pytest.raises(InputError, match=message):
        build(text, name="x", **options)


def test_build_a_folder_of_articles(tmp_path: Path) -> None:
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "ruto.txt").write_text(ARTICLE.read_text(encoding="utf-8"), encoding="utf-8")
    (articles / "council.md").write_text(
        "# Council news\n\nThe city council approved a budget of $4 million on Monday.\n",
        encoding="utf-8",
    )
    (articles / "notes.csv").write_text("not,an,article\n", encoding="utf-8")
    out = tmp_path / "claims"
    sets = build_output([articles], out)
    assert sorted(p.name for p in out.iterdir()) == ["council.yaml", "ruto.yaml"]
    assert sorted(cs.name for cs in sets) == ["council", "ruto"]
    loaded = {Path(cs.name).stem: cs for cs in load_claims(out)}
    assert loaded.keys() == {"council", "ruto"}
    council = loaded["council"].claims
    assert [q.value for c in council for q in c.quantities] == [4_000_000]
    assert all(c.id.startswith("council-") for c in council)
    assert [c.id for c in loaded["ruto"].claims] == [c.id for c in sets[1].claims]
