"""Verdict mechanisms on short composed articles: each test names the reading it guards."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from checkclaim.pipeline import check, load_index


@pytest.fixture
def article(tmp_path: Path) -> Callable[[str], object]:
    def make(text: str) -> object:
        path = tmp_path / "article.txt"
        path.write_text(text, encoding="utf-8")
        return load_index(path)

    return make


FARMS = (
    "Drought and frost threaten harvests\n\n"
    "Depending on the valley, grape harvests may be mostly limited by drought - in the case of "
    "Merlot - or frost - in the case of Riesling - alone, the growers' survey found.\n"
)


@pytest.mark.parametrize(
    "statement",
    [
        "Riesling harvests are mostly limited by drought rather than frost.",
        "Merlot harvests are mostly limited by frost instead of drought.",
        "Riesling harvests are mostly limited by drought as opposed to frost.",
    ],
)
def test_an_alternative_set_aside_is_not_supported_by_a_claim_naming_both(
    article: Callable[[str], object], statement: str
) -> None:
    """Which of two alternatives the claim pairs with what, word overlap cannot tell."""
    result = check(statement, article(FARMS))
    assert result.verdict != "supported"
    assert any(r.kind == "choice" for r in result.reasons)


def test_the_same_alternative_set_aside_in_the_claim_is_supported(
    article: "Callable[[str], object]",  # noqa: UP037
) -> None:
    index = article("Growers said Riesling harvests were limited by frost rather than drought.\n")
    result = check("Riesling harvests were limited by frost rather than drought.", index)
    assert result.verdict == "supported"


VOTE = (
    "Polls close in the capital\n\n"
    "In the Harbour Ward constituency, councillor Ada Lindqvist won 12,400 votes, the most in "
    "the ward. Ben Okafor of the Green Party kept his seat. Turnout fell slightly. "
    "Carla Mendes of the Civic Union was elected for the first time.\n\n"
    "In the Hill Ward constituency, Dev Raman was re-elected.\n"
)


def test_a_place_a_paragraph_opens_on_sets_the_scene_for_the_sentences_after_it(
    article: "Callable[[str], object]",  # noqa: UP037
) -> None:
    index = article(VOTE)
    got = check("Carla Mendes was elected for the first time in Harbour Ward.", index)
    assert got.verdict == "supported"


@pytest.mark.parametrize(
    "statement",
    [
        "Carla Mendes was elected for the first time in Hill Ward.",
        "Carla Mendes was elected for the first time in Riverside Ward.",
    ],
)
def test_another_place_is_still_not_supported(
    article: Callable[[str], object], statement: str
) -> None:
    assert check(statement, article(VOTE)).verdict != "supported"


BURN = (
    "Town weighs the cost of the burn\n\n"
    "Officials carried out a controlled burn of the leaking tanks after the freight train "
    "derailed near Millbrook on Monday.\n"
)


@pytest.mark.parametrize(
    ("statement", "article_text"),
    [
        (
            "Officials carried out an uncontrolled burn of the leaking tanks after the freight "
            "train derailed near Millbrook.",
            BURN,
        ),
        (
            "Officials carried out a controlled burn of the leaking tanks after the freight train "
            "derailed near Millbrook.",
            BURN.replace("controlled", "uncontrolled"),
        ),
    ],
    ids=["prefix in the statement", "prefix in the claim"],
)
def test_a_negative_prefix_turns_a_word_into_its_opposite(
    article: Callable[[str], object], statement: str, article_text: str
) -> None:
    result = check(statement, article(article_text))
    assert result.verdict == "contradicted"
    assert any(r.kind == "antonym" for r in result.reasons)


def test_a_word_that_merely_starts_like_a_prefix_is_no_negation(
    article: Callable[[str], object],
) -> None:
    """'unless' is no negation of 'less', nor 'union' of 'ion'."""
    index = article("The union said members would strike unless pay rose by less than 5%.\n")
    got = check("The union said members would strike unless pay rose by less than 5%.", index)
    assert got.verdict == "supported"


CUP = (
    "Brackwell and Ternholm through to the final\n\n"
    "Yesterday Brackwell defeated Oskarby 2 - 1 and Ternholm beat Valdane 4 - 0.\n\n"
    "In the first semi-final, Brackwell faced Oskarby at Quarrington Park in Dunmore. "
    "The second semi-final, Ternholm against Valdane, was played at Ellesmere Stadium.\n"
)


@pytest.mark.parametrize(
    ("statement", "verdict"),
    [
        ("Brackwell beat Oskarby 2-1 in Dunmore.", "supported"),
        ("Brackwell beat Oskarby 2-1 at Quarrington Park.", "supported"),
        ("Brackwell beat Oskarby 2-1 at Ellesmere Stadium.", "contradicted"),
        ("Brackwell beat Oskarby 2-1 in Lisbon.", "unknown"),
    ],
)
def test_a_name_the_best_claim_lacks_is_settled_by_a_sentence_on_the_same_participants(
    article: Callable[[str], object], statement: str, verdict: str
) -> None:
    """The score is in one sentence, the ground in another: both name the two sides."""
    assert check(statement, article(CUP)).verdict == verdict


def test_one_name_in_common_is_not_the_same_event(article: Callable[[str], object]) -> None:
    index = article(
        "Brackwell defeated Oskarby 2 - 1 on Saturday. Brackwell later played a friendly at "
        "Ellesmere Stadium against a local side.\n"
    )
    got = check("Brackwell beat Oskarby 2-1 at Ellesmere Stadium.", index)
    assert got.verdict != "supported"


def test_a_verb_that_only_ties_a_subject_to_its_figure_adds_nothing(
    article: Callable[[str], object],
) -> None:
    """ "reached" says nothing beyond the figure, whether the figure agrees or not."""
    index = article(
        "Varnholt backs the new charter\n\n"
        "The referendum drew a turnout rate of 64% across the Varnholt region. Voters approved "
        "the charter by a wide margin. Officials will publish the final count on Friday.\n"
    )
    assert check("Turnout reached 64% in Varnholt.", index).verdict == "supported"
    assert check("Turnout reached 46% in Varnholt.", index).verdict == "contradicted"


@pytest.mark.parametrize(
    ("statement", "verdict"),
    [
        ("The film grossed less than $127 million worldwide.", "contradicted"),
        ("The film grossed more than $127 million worldwide.", "contradicted"),
        ("The film grossed about $127 million worldwide.", "supported"),
        ("The film grossed more than $100 million worldwide.", "supported"),
        ("The film grossed less than $150 million worldwide.", "supported"),
    ],
)
def test_a_strict_bound_at_the_articles_very_figure_excludes_it(
    article: Callable[[str], object], statement: str, verdict: str
) -> None:
    index = article(
        "Box office\n\nThe film grossed $127 million worldwide against a budget of $10 million. "
        "Critics were divided. A sequel is planned for next year.\n"
    )
    assert check(statement, index).verdict == verdict


COACH = (
    "Dalvik through after extra time\n\n"
    'After the match, Oskar Brennvik, the Dalvik coach, said, "We suffered a lot today.\n\n'
    "It was a long night. This is the third final I have reached as a coach, and the "
    'hardest."\n\n'
    "Dalvik will play Ternholm in the final on Sunday.\n"
)


@pytest.mark.parametrize(
    ("statement", "verdict"),
    [
        ("Oskar Brennvik said it was the third final he had reached as a coach.", "supported"),
        ("Oskar Brennvik said it was the fifth final he had reached as a coach.", "contradicted"),
    ],
)
def test_a_quotation_running_on_keeps_its_speaker(
    article: Callable[[str], object], statement: str, verdict: str
) -> None:
    """The sentence with the figure is inside a quotation opened a paragraph before."""
    assert check(statement, article(COACH)).verdict == verdict


def test_a_closed_quotation_hands_no_speaker_on(article: Callable[[str], object]) -> None:
    index = article(
        'Oskar Brennvik said, "We suffered." Ternholm reached its third final in a row.\n'
    )
    got = check("Oskar Brennvik reached his third final in a row.", index)
    assert got.verdict != "supported"


def test_the_words_of_a_negation_cue_are_no_content(article: Callable[[str], object]) -> None:
    """'No one' and 'nobody' say the same: 'one' is part of the cue, not a detail to match."""
    index = article(
        "Blaze at the Varnholt mill\n\n"
        "Nobody was hurt in the Varnholt mill blaze on Sunday, the fire service said. The mill "
        "had been empty for years.\n"
    )
    assert check("No one was hurt in the mill blaze.", index).verdict == "supported"
    assert check("People were hurt in the mill blaze.", index).verdict != "supported"


def test_a_wordnet_synonym_the_curated_lists_lack_is_the_same_word(
    article: Callable[[str], object],
) -> None:
    index = article(
        "Officials said the result of the inquiry into the collapse was due in March.\n"
    )
    said = "Officials said the upshot of the inquiry into the collapse was due in March."
    assert check(said, index).verdict == "supported"


def test_a_wordnet_opposite_the_curated_lists_lack_contradicts(
    article: Callable[[str], object],
) -> None:
    index = article("The damaged ferry floated for an hour after the collision in the harbour.\n")
    got = check("The damaged ferry sank for an hour after the collision in the harbour.", index)
    assert got.verdict == "contradicted"
    assert any(r.kind == "antonym" and r.claim == "float" for r in got.reasons)


def test_wordnet_takes_no_shared_word_twice(article: Callable[[str], object]) -> None:
    """ "raise" and "elevated" are WordNet synonyms; the claim's "elevated" is the statement's
    own "elevated", so "raise" still says something the claim does not."""
    index = article(
        "The central bank bought bonds in a move to contain elevated yields on Monday.\n"
    )
    got = check(
        "The central bank bought bonds in a move to raise elevated yields on Monday.", index
    )
    assert got.verdict != "supported"


def test_figures_are_no_wordnet_synonyms(article: Callable[[str], object]) -> None:
    index = article(
        "The programme spends billions of dollars on semiconductor research each year.\n"
    )
    got = check(
        "The programme spends millions of dollars on semiconductor research each year.", index
    )
    assert got.verdict != "supported"


CLIFF = "A climber fell to his death last spring from a clifftop known as a lookout.\n"


@pytest.mark.parametrize(
    "statement",
    [
        # the same order: the word between two shared neighbours
        "A climber fell to his death last spring from a beach known as a lookout.",
        # another order: an unheard word right before a shared word the claim precedes with
        # a word left unsaid
        "A climber's death came last spring when he fell from a beach known as a lookout.",
    ],
)
def test_a_word_the_article_never_uses_in_place_of_one_of_its_own_is_not_supported(
    article: Callable[[str], object], statement: str
) -> None:
    got = check(statement, article(CLIFF))
    assert got.verdict != "supported"
    assert any(r.kind == "wording" and r.claim == "clifftop" for r in got.reasons)


def test_the_claims_own_word_in_another_order_is_supported(
    article: Callable[[str], object],
) -> None:
    got = check(
        "A climber's death came last spring when he fell from a clifftop known as a lookout.",
        article(CLIFF),
    )
    assert got.verdict == "supported"


@pytest.mark.parametrize(
    ("statement", "verdict"),
    [
        ("The state spent millions of dollars on the flood defences last year.", "contradicted"),
        ("The state spent billions of dollars on the flood defences last year.", "supported"),
        ("Thousands of soldiers were sent to guard the flood defences.", "supported"),
        ("Hundreds of soldiers were sent to guard the flood defences.", "contradicted"),
    ],
)
def test_a_magnitude_without_a_figure_is_compared_as_a_figure(
    article: Callable[[str], object], statement: str, verdict: str
) -> None:
    index = article(
        "The state spent $2.4 billion on the flood defences last year. "
        "About 3,000 soldiers were sent to guard the flood defences.\n"
    )
    assert check(statement, index).verdict == verdict


ARCHITECT = "Rose Ellen Tanaka (born 4 May 1962) is a Canadian architect based in Toronto.\n"


@pytest.mark.parametrize(
    ("statement", "verdict"),
    [
        # "Rose" opening the statement is read as a word; it is a word of the name agreed on
        ("Rose Tanaka was born in 1962.", "supported"),
        ("Rose Tanaka was born in 1970.", "contradicted"),
    ],
)
def test_a_word_of_a_name_the_statement_agrees_on_is_that_name(
    article: Callable[[str], object], statement: str, verdict: str
) -> None:
    assert check(statement, article(ARCHITECT)).verdict == verdict


def test_a_statement_of_words_the_article_never_uses_is_not_supported(
    article: Callable[[str], object],
) -> None:
    got = check("Rose Tanaka was kidnapped in 1962.", article(ARCHITECT))
    assert got.verdict != "supported"
    assert any(r.kind == "wording" and "kidnapped" in r.statement for r in got.reasons)


def test_a_figure_is_compared_with_the_claims_figures_that_count_the_same_thing(
    article: Callable[[str], object],
) -> None:
    index = article(
        "Ten-year yields touched 0.505% for a second session, breaching the bank's 0.5% cap.\n"
    )
    swapped = "Ten-year yields touched 0.5% for a second session, breaching the bank's 0.505% cap."
    assert check(swapped, index).verdict == "contradicted"


def test_a_misspelt_hyphenated_name_is_still_that_name(article: Callable[[str], object]) -> None:
    index = article("Armed gangs control most of Port-au-Prince, officials said on Monday.\n")
    said = "Armed gangs control most of Port-au-Prnce, officials said on Monday."
    assert check(said, index).verdict == "supported"


@pytest.mark.parametrize(
    ("text", "statement"),
    [
        # a phrase in the statement for the claim's word
        (
            "The coastguard retaliated by firing flares over the fishing boats on Friday.",
            "The coastguard hit back by firing flares over the fishing boats on Friday.",
        ),
        # and the claim's phrase for the statement's word
        (
            "The coastguard hit back by firing flares over the fishing boats on Friday.",
            "The coastguard retaliated by firing flares over the fishing boats on Friday.",
        ),
    ],
)
def test_a_multi_word_synonym_stands_for_its_word(
    article: Callable[[str], object], text: str, statement: str
) -> None:
    assert check(statement, article(text + "\n")).verdict == "supported"


def test_a_web_address_names_its_owner(article: Callable[[str], object]) -> None:
    """ "Secunia.com" is Secunia; and "IE6's" is one word, with no stray "s"."""
    index = article("The security firm Secunia.com said IE6 has 277 known vulnerabilities.\n")
    said = "Secunia says IE6's known vulnerabilities number 277."
    assert check(said, index).verdict == "supported"
    other = "Symantec says IE6's known vulnerabilities number 277."
    assert check(other, index).verdict != "supported"


@pytest.mark.parametrize(
    ("statement", "verdict"),
    [
        ("The delegates approved a budget of $40 million for Ruto's new agency.", "supported"),
        ("The delegates approved a budget of $40 million for Obama's new agency.", "unknown"),
    ],
)
def test_a_name_from_the_next_sentence_may_be_named_in_part(
    article: Callable[[str], object], statement: str, verdict: str
) -> None:
    index = article(
        "President William Ruto opened the summit in Nairobi on Monday. "
        "The delegates approved a budget of $40 million for the new agency.\n"
    )
    assert check(statement, index).verdict == verdict


@pytest.mark.parametrize(
    ("text", "statement", "verdict"),
    [
        (
            "Harbour Rovers lost 1-3 to Lakeside United at the Mill Ground on Saturday.",
            "Lakeside United beat Harbour Rovers 3-1 at the Mill Ground on Saturday.",
            "supported",
        ),
        (
            "Harbour Rovers lost 1-3 to Lakeside United at the Mill Ground on Saturday.",
            "Harbour Rovers beat Lakeside United 3-1 at the Mill Ground on Saturday.",
            "contradicted",
        ),
        (
            "Brill Industries sold the Leeds plant to Acme Holdings for $40 million in March.",
            "Acme Holdings bought the Leeds plant from Brill Industries for $40 million in March.",
            "supported",
        ),
        (
            "Brill Industries sold the Leeds plant to Acme Holdings for $40 million in March.",
            "Brill Industries bought the Leeds plant from Acme Holdings for $40 million in March.",
            "contradicted",
        ),
    ],
)
def test_one_event_told_from_the_other_partys_side(
    article: Callable[[str], object], text: str, statement: str, verdict: str
) -> None:
    """Converse words (`data/converses.txt`): the parties must stand the other way round."""
    assert check(statement, article(text + "\n")).verdict == verdict


@pytest.mark.parametrize(
    ("statement", "verdict"),
    [
        # who says it: another source than the claim's is a swap
        ("The Red Cross says 40 people were injured in the clashes on Sunday.", "contradicted"),
        # "were reported" names no source: what was reported is the claim's own news
        ("Injuries were reported after the clashes on Sunday, with 40 people hurt.", "supported"),
    ],
)
def test_who_reports_a_figure_and_what_was_reported(
    article: Callable[[str], object], statement: str, verdict: str
) -> None:
    index = article("According to UNICEF, 40 people were injured in the clashes on Sunday.\n")
    assert check(statement, index).verdict == verdict


def test_a_place_word_after_a_known_place_makes_one_longer_place(
    article: Callable[[str], object],
) -> None:
    """ "Hong Kong Island" is one place (`data/place_words.txt`), not Hong Kong and an "Island"
    that a statement naming the place would give as a word the article never uses."""
    index = article(
        "In the Hong Kong Island constituency, Regina Ip was re-elected with 60,760 votes.\n"
    )
    assert check("Regina Ip was re-elected in Hong Kong Island.", index).verdict == "supported"


FERRY = (
    "The council restarted the ferry service to Port Elin after a two-year pause. "
    "The ferries to Port Elin restarted on March 3, the council said.\n"
)


@pytest.mark.parametrize(
    ("statement", "verdict"),
    [
        (
            "The ferry service to Port Elin restarted on March 3 after a two-year pause.",
            "supported",
        ),
        (
            "The ferry service to Port Elin restarted on May 3 after a two-year pause.",
            "contradicted",
        ),
    ],
)
def test_a_date_the_best_claim_lacks_is_settled_by_a_sentence_on_the_same_thing(
    article: Callable[[str], object], statement: str, verdict: str
) -> None:
    assert check(statement, article(FERRY)).verdict == verdict


@pytest.mark.parametrize(
    ("text", "statement"),
    [
        (
            "Engineers implemented the repairs to the Dolsk bridge on Friday.",
            "Engineers carried out the repairs to the Dolsk bridge on Friday.",
        ),
        (
            "Engineers carried out the repairs to the Dolsk bridge on Friday.",
            "Engineers implemented the repairs to the Dolsk bridge on Friday.",
        ),
    ],
)
def test_a_wordnet_phrasal_verb_stands_for_its_word(
    article: Callable[[str], object], text: str, statement: str
) -> None:
    """The claim accounts for every word of the statement, the verb included."""
    got = check(statement, article(text + "\n"))
    assert got.verdict == "supported"
    assert got.extra["coverage"] == 1.0


SOURCES = (
    "The security firm Secunia said on Monday that IE6 has 277 known vulnerabilities. "
    "39 percent of these are rated highly critical. "
    "Symantec urged users to upgrade their browsers.\n"
)


@pytest.mark.parametrize(
    ("statement", "supported"),
    [
        ("39 percent of IE6's vulnerabilities are rated highly critical, Secunia said.", True),
        ("39 percent of IE6's vulnerabilities are rated highly critical, Symantec said.", False),
    ],
)
def test_a_source_carries_on_to_the_sentences_after_it_not_before(
    article: Callable[[str], object], statement: str, supported: bool
) -> None:
    assert (check(statement, article(SOURCES)).verdict == "supported") is supported


def test_a_figure_alone_finds_the_claim_that_gives_it(article: Callable[[str], object]) -> None:
    index = article(
        "Dockworkers stayed off the job on Thursday, leaving an estimated $1.2 billion in "
        "delayed cargo stranded.\n\nThe ports authority said 47 ships were waiting.\n"
    )
    got = check("Some 1.2bn dollars is at stake.", index)
    assert got.claim is not None and "$1.2 billion" in got.claim.text


def test_a_place_a_claim_calls_the_district_is_the_one_named_before(
    article: Callable[[str], object],
) -> None:
    index = article(
        "Most cases have been in Stara Brda, officials said. "
        "Weekly cases in the district fell from 58 to 34.\n"
    )
    assert check("In Stara Brda, weekly cases fell from 58 to 34.", index).verdict == "supported"
    assert check("In Lenica, weekly cases fell from 58 to 34.", index).verdict != "supported"


def test_another_month_beside_the_same_day_contradicts(article: Callable[[str], object]) -> None:
    index = article("The campaign will begin on Monday, 20 March, and run for eight weeks.\n")
    assert check("The campaign will begin on Monday, 20 April.", index).verdict == "contradicted"
    assert check("The campaign will begin on 20 March.", index).verdict == "supported"


QUOTED = (
    '"Prices have climbed for three years," said Teodora Vasquel, the union leader. '
    '"Six and a half percent is not an offer. It is a pay cut with a ribbon on it."\n\n'
    "Port chief Anton Briesgaard defended the proposal on Tuesday.\n"
)


@pytest.mark.parametrize(
    ("statement", "verdict"),
    [
        ('Teodora Vasquel said 6.5 percent was "a pay cut with a ribbon on it".', "supported"),
        ('Anton Briesgaard said 6.5 percent was "a pay cut with a ribbon on it".', "contradicted"),
    ],
)
def test_a_quotation_is_its_speakers_and_nobody_elses(
    article: Callable[[str], object], statement: str, verdict: str
) -> None:
    assert check(statement, article(QUOTED)).verdict == verdict


def test_not_a_single_is_a_negation_cue(article: Callable[[str], object]) -> None:
    index = article(
        "According to the ministry, no deaths have been recorded among vaccinated children.\n"
    )
    said = "Not a single death has been reported among vaccinated children, the ministry said."
    assert check(said, index).verdict == "supported"


@pytest.mark.parametrize(
    ("statement", "verdict"),
    [
        (
            "Skandra faces competition from Oslo-based Polaris Air on its Stockholm routes.",
            "supported",
        ),
        ("Skandra faces competition from Stockholm-based Polaris Air.", "contradicted"),
    ],
)
def test_where_a_company_is_based_is_its_own_slot(
    article: Callable[[str], object], statement: str, verdict: str
) -> None:
    """ "Stockholm-based" is not borne out by a Stockholm the claim names in another slot."""
    index = article(
        "Skandra faces tougher competition from Oslo-based Polaris Air, which has added "
        "routes out of Copenhagen and Stockholm.\n"
    )
    assert check(statement, index).verdict == verdict


WARDS = (
    "In the Harbour Ward constituency, turnout rose to 61 percent. Ada Lindqvist was elected "
    "with 12,400 votes, the highest in the ward.\n\n"
    "In the Hill Ward constituency, Dev Raman was re-elected with 9,800 votes.\n"
)


def test_another_place_than_the_paragraph_is_set_in_contradicts_a_restatement(
    article: Callable[[str], object],
) -> None:
    """The very figure and person restate the claim; the paragraph says where it happened."""
    got = check("Ada Lindqvist topped the poll in Hill Ward with 12,400 votes.", article(WARDS))
    assert got.verdict == "contradicted"
    assert any("where the paragraph is set" in r.message for r in got.reasons)


def test_a_figure_of_the_same_unit_is_no_restatement_without_the_claims_participants(
    article: Callable[[str], object],
) -> None:
    index = article(
        "Shares in Skandra closed down 9.3% at 41.20 Danish crowns in Copenhagen.\n\n"
        "The airline will cut 1,100 jobs. It will close its Edinburgh route in March. "
        "Pilots said they would fight the cuts.\n\n"
        "Sofie Brandt, an analyst at Nordhavn Bank, said the cuts were overdue.\n"
    )
    said = "Nordhavn Bank analyst Sofie Brandt cut her price target on Skandra shares to 38 crowns."
    assert check(said, index).verdict == "unknown"


RESULTS = (
    "Skandra Airlines swung to a loss in the third quarter of 2024. "
    "The airline posted a net loss of 42 million euros, compared with a net profit of "
    "65 million euros in the same quarter of 2023.\n"
)


@pytest.mark.parametrize(
    ("statement", "verdict"),
    [
        # the year of the figure compared with is not the year of the loss
        ("Skandra posted a net loss of 42 million euros in the third quarter of 2024.", "unknown"),
        (
            "Skandra posted a net loss of 24 million euros, compared with a net profit of "
            "65 million euros a year earlier.",
            "contradicted",
        ),
    ],
)
def test_what_a_sentence_compares_with_is_a_claim_of_its_own(
    article: Callable[[str], object], statement: str, verdict: str
) -> None:
    assert check(statement, article(RESULTS)).verdict == verdict


@pytest.mark.parametrize(
    ("statement", "supported"),
    [
        ("The health ministry said 412 cases had been confirmed by laboratories.", True),
        ("The health agency said 412 cases had been confirmed by laboratories.", False),
    ],
)
def test_a_name_told_in_its_own_ordinary_words(
    article: Callable[[str], object], statement: str, supported: bool
) -> None:
    """Two words or more in a row, all words of one name: "health ministry" is the Ministry of
    Health; one of them alone ("health agency") is not."""
    index = article("The Ministry of Health said 412 cases had been confirmed by laboratories.\n")
    assert (check(statement, index).verdict == "supported") is supported


@pytest.mark.parametrize(
    ("statement", "verdict"),
    [
        (
            "Emergency legislation has not been excluded by the government, Sorvik said.",
            "supported",
        ),
        ("Emergency legislation has been excluded by the government, Sorvik said.", "contradicted"),
    ],
)
def test_a_negated_passive_negates_its_subject_too(
    article: Callable[[str], object], statement: str, verdict: str
) -> None:
    index = article("Elena Sorvik said the government has not ruled out emergency legislation.\n")
    assert check(statement, index).verdict == verdict


def test_a_count_of_what_the_claim_never_speaks_of_is_not_the_claims_figure(
    article: Callable[[str], object],
) -> None:
    index = article(
        '"Many families were told the vaccine is dangerous," said Ana Petrovic, a mother of three '
        "from Mirovo who leads a local parents' group.\n"
    )
    said = "Ana Petrovic's parents' group in Mirovo has about 300 members."
    assert check(said, index).verdict == "unknown"


AUDIT = (
    "According to an audit by the State Audit Institution (SAI), the Lenta bridge cost about "
    "14 million euros more than planned. Prosecutors from the State Anti-Corruption Office "
    "(SACO) charged the mayor in March.\n"
)


@pytest.mark.parametrize(
    ("statement", "supported"),
    [
        (
            "According to the SAI, the Lenta bridge cost about 14 million euros more than planned.",
            True,
        ),
        (
            "According to SACO, the Lenta bridge cost about 14 million euros more than planned.",
            False,
        ),
    ],
)
def test_the_body_behind_an_audit_is_the_source_of_its_figure(
    article: Callable[[str], object], statement: str, supported: bool
) -> None:
    assert (check(statement, article(AUDIT)).verdict == "supported") is supported


COURT = (
    "Judge Marta Kessler sentenced the mayor to six years in prison on Friday. "
    "Defence lawyer Tomas Hallen said his client would appeal. "
    '"This verdict is built on the word of a man who bought his own freedom," Hallen told '
    "reporters.\n"
)


@pytest.mark.parametrize(
    ("statement", "verdict"),
    [
        (
            "Hallen said the verdict was built on the word of a man who bought his own freedom.",
            "supported",
        ),
        (
            "Judge Marta Kessler said the verdict was built on the word of a man who bought his "
            "own freedom.",
            "contradicted",
        ),
    ],
)
def test_a_quotation_with_its_own_speaker_is_nobody_elses(
    article: Callable[[str], object], statement: str, verdict: str
) -> None:
    assert check(statement, article(COURT)).verdict == verdict


@pytest.mark.parametrize(
    ("statement", "verdict"),
    [
        ("No other mayor in Tarvenia has been given a harsher sentence since 2010.", "supported"),
        ("Since 2010, no mayor in Tarvenia has been given a sentence.", "contradicted"),
    ],
)
def test_a_negated_comparison_says_what_a_superlative_says(
    article: Callable[[str], object], statement: str, verdict: str
) -> None:
    index = article("The sentence is the heaviest handed down to a mayor in Tarvenia since 2010.\n")
    assert check(statement, index).verdict == verdict


def test_withdrawing_is_the_opposite_of_deploying(article: Callable[[str], object]) -> None:
    index = article("Kenya is on track to deploy 2,500 police officers to Haiti by January.\n")
    assert (
        check("Kenya withdrew 2,500 police officers from Haiti.", index).verdict == "contradicted"
    )
    assert check("Kenya will send 2,500 police officers to Haiti.", index).verdict == "supported"


@pytest.mark.parametrize(
    ("statement", "supported"),
    [
        ("Kenya will send 2,500 police officers to Haiti.", True),
        ("Kenya plans to deploy 2,500 police officers to Haiti.", True),
        ("Ruto said Kenya would deploy 2,500 police officers to Haiti.", True),
        ("Kenya trained 2,500 police officers for Haiti.", False),
        ("Kenya arrested 2,500 police officers in Haiti.", False),
        ("Kenya paid 2,500 police officers in Haiti.", False),
    ],
)
def test_a_short_statement_with_a_verb_the_claim_lacks_is_not_supported(
    article: Callable[[str], object], statement: str, supported: bool
) -> None:
    """In three words or so the verb is most of what is said; saying verbs are attribution."""
    index = article(
        "Ruto said Kenya is on track to deploy 2,500 police officers to Haiti by January.\n"
    )
    assert (check(statement, index).verdict == "supported") is supported


@pytest.mark.parametrize(
    ("statement", "verdict"),
    [
        ("Kenya is sending 2,500 police officers to Haiti.", "supported"),
        ("Haiti is sending 2,500 police officers to Kenya.", "contradicted"),
    ],
)
def test_two_names_in_each_others_slots_swap_roles(
    article: Callable[[str], object], statement: str, verdict: str
) -> None:
    index = article("Kenya is on track to send 2,500 police officers to Haiti by January.\n")
    assert check(statement, index).verdict == verdict


BLAZE = (
    "Fire crews gain ground\n\n"
    '"This is the hardest fire in two decades," fire service chief Tomas Reyl told reporters.\n\n'
    "Governor Alina Marek declared an emergency on Sunday and announced 18 million euros in "
    "aid for families who lost their homes. She also asked the government for two more aircraft."
    "\n\nThe cost of the response is about 40 million euros, according to the finance ministry, "
    "of which the Highlands Fire and Rescue Service (HFRS) will pay half.\n\n"
    "According to the farmers' union, feed prices have risen by nearly 9 percent since June.\n"
)


@pytest.mark.parametrize(
    ("statement", "verdict"),
    [
        (
            "Governor Marek announced 18 million euros in aid for families who lost their homes.",
            "supported",
        ),
        (
            "Fire service chief Tomas Reyl announced 18 million euros in aid for families who lost "
            "their homes.",
            "contradicted",
        ),
        ("Reyl asked the government for two more aircraft.", "contradicted"),
        ("Marek asked the government for two more aircraft.", "supported"),
    ],
)
def test_who_a_claim_opens_on_is_its_actor(
    article: Callable[[str], object], statement: str, verdict: str
) -> None:
    """The person a claim opens on (or "she" stands for) did it; a statement that opens on a
    person named nearby gives the act to someone else. "their" is no person's pronoun."""
    assert check(statement, article(BLAZE)).verdict == verdict


@pytest.mark.parametrize(
    ("statement", "verdict"),
    [
        (
            "The response costs about 40 million euros, according to the finance ministry.",
            "supported",
        ),
        ("The response costs about 40 million euros, according to the HFRS.", "contradicted"),
        (
            "According to the police, feed prices have risen by nearly 9 percent since June.",
            "contradicted",
        ),
        (
            "According to the farmers' union, feed prices have risen by nearly 9 percent "
            "since June.",
            "supported",
        ),
    ],
)
def test_a_source_is_the_one_the_claim_gives(
    article: Callable[[str], object], statement: str, verdict: str
) -> None:
    """A name the claim gives in another role is not its source; "according to the police,"
    names the police and nothing after the comma."""
    assert check(statement, article(BLAZE)).verdict == verdict


def test_a_defined_long_name_is_one_name_and_and_all(article: Callable[[str], object]) -> None:
    index = article(BLAZE)
    entry = next(e for e in index.index.entries if "HFRS" in e.claim.text)
    assert "highlands fire and rescue service" in {n.key for n in entry.names}


def test_the_name_after_said_that_acts_is_not_the_source(article: Callable[[str], object]) -> None:
    """ "Prosecutors said Voric received ...": Voric is who the report is about."""
    index = article(
        "Prosecutors from the Anti-Fraud Office said Ivan Voric received 940,000 euros.\n"
    )
    entry = index.index.entries[0]
    roles = {n.key: n.role for n in entry.names}
    assert roles["ivan voric"] != "source"
    result = check("Voric received 940,000 euros, according to the Anti-Fraud Office.", index)
    assert result.verdict == "supported"


@pytest.mark.parametrize(
    ("statement", "verdict"),
    [
        ("The finance minister said the deficit would fall next year.", "supported"),
        ("The finance minister said the deficit would widen next year.", "contradicted"),
    ],
)
def test_widening_is_the_opposite_of_falling(
    article: Callable[[str], object], statement: str, verdict: str
) -> None:
    index = article("The finance minister said the deficit would fall to 2.8 percent next year.\n")
    assert check(statement, index).verdict == verdict


MERGER = (
    "Haulier agrees takeover\n\n"
    "Kestrel Haulage Group has agreed to buy Marrowby Freight for 412 pence a share in cash. "
    "Marrowby's shares jumped 31 percent to 390p in morning trading.\n\n"
    "The march was organised by the National Federation of Teachers. Teachers came on more "
    "than 150 buses, the union said. Police put the crowd at about 12,000.\n\n"
    "More than 1,200 engineers worked on the new depots, according to Kestrel.\n"
)


@pytest.mark.parametrize(
    ("statement", "verdict"),
    [
        (
            "Kestrel Haulage Group will pay 412p in cash for each Marrowby Freight share.",
            "supported",
        ),
        (
            "Kestrel Haulage Group will pay 450p in cash for each Marrowby Freight share.",
            "contradicted",
        ),
        ("More than a thousand engineers worked on the new depots, Kestrel said.", "supported"),
        (
            "More than two thousand engineers worked on the new depots, Kestrel said.",
            "contradicted",
        ),
        ("Teachers came on more than 150 buses, the federation said.", "supported"),
        ("Teachers came on more than 150 buses, police said.", "contradicted"),
    ],
)
def test_figures_and_sources_as_a_reader_takes_them(
    article: Callable[[str], object], statement: str, verdict: str
) -> None:
    """ "412p" is 412 pence, and another claim's 390p does not outweigh the claim that gives
    412; "a thousand" is 1,000; "the union", "the federation" is what the article calls
    the federation it names, but the police are not."""
    assert check(statement, article(MERGER)).verdict == verdict


def test_a_title_of_several_words_is_not_part_of_the_name(
    article: Callable[[str], object],
) -> None:
    index = article("Regional Governor Alina Marek declared a state of emergency on Sunday.\n")
    entry = index.index.entries[0]
    assert [(n.key, n.kind) for n in entry.names] == [("alina marek", "person")]
    assert check("Marek declared a state of emergency on Sunday.", index).verdict == "supported"


HOSPITAL = (
    "Eleven treated in hospital\n\n"
    "No deaths have been reported, but 11 people were treated in hospital for burns, "
    "according to the regional health department.\n\n"
    "The Highlands Fire and Rescue Service (HFRS) said the fire was 35 percent contained. "
    "Freightworkers United condemned the job cuts.\n"
)


@pytest.mark.parametrize(
    ("statement", "verdict"),
    [
        (
            "Eleven people were treated in hospital, according to the health department.",
            "supported",
        ),
        ("Eleven people were treated in hospital, according to the HFRS.", "contradicted"),
        ("Freightworkers United welcomed the job cuts.", "contradicted"),
        ("Freightworkers United denounced the job losses.", "supported"),
    ],
)
def test_another_source_than_the_ordinary_words_of_the_claim(
    article: Callable[[str], object], statement: str, verdict: str
) -> None:
    """A named source against one the claim gives in ordinary words; welcoming is the
    opposite of condemning; job losses are job cuts."""
    assert check(statement, article(HOSPITAL)).verdict == verdict


LAUNCH = (
    "The satellite was launched on Tuesday from the Tavrin Cosmodrome.\n\n"
    "The Lumen-2 satellite lifted off at 06:42 local time from the Tavrin Cosmodrome, near the "
    "coastal town of Pellaq, aboard a Sabre-4 rocket built by Ardent Launch Systems.\n"
)


@pytest.mark.parametrize(
    ("statement", "verdict"),
    [
        ("Lumen-2 lifted off from the Tavrin Cosmodrome on Tuesday.", "supported"),
        ("Lumen-2 lifted off from the Tavrin Cosmodrome on Thursday.", "contradicted"),
    ],
)
def test_a_date_another_sentence_gives_settles_it_either_way(
    article: Callable[[str], object], statement: str, verdict: str
) -> None:
    """ "Lumen" opening a statement is the claim's name "Lumen" (not a word the article never
    uses); the sentence that dates the launch settles the weekday, agreeing or not."""
    assert check(statement, article(LAUNCH)).verdict == verdict


TAKEOVER = (
    "Kestrel Haulage Group has agreed to buy its smaller rival Marrowby Freight for 412 pence "
    "a share.\n\n"
    "Panama's attempt in the 54th minute, by Michael Murillo, was saved by Thibaut Courtois.\n"
)


@pytest.mark.parametrize(
    ("statement", "verdict"),
    [
        ("Kestrel Haulage Group has agreed to take over Marrowby Freight.", "supported"),
        ("Marrowby Freight is being bought by Kestrel Haulage Group.", "supported"),
        ("Marrowby Freight has agreed to take over Kestrel Haulage Group.", "contradicted"),
        ("Kestrel Haulage Group is being bought by Marrowby Freight.", "contradicted"),
        ("Thibaut Courtois saved a 54th-minute attempt by Panama's Michael Murillo.", "supported"),
    ],
)
def test_who_acts_and_who_is_acted_on(
    article: Callable[[str], object], statement: str, verdict: str
) -> None:
    """The two parties of one act, by word order and the passive ("was bought by"), not by
    any "by" ("an attempt by Murillo")."""
    assert check(statement, article(TAKEOVER)).verdict == verdict


@pytest.mark.parametrize(
    ("statement", "verdict"),
    [
        ("Kenya is sending 2,500 police officers to Haiti.", "supported"),
        ("Kenya will deploy 2,500 police officers to Haiti.", "supported"),
        ("Kenya plans to deploy 2,500 police officers to Haiti.", "supported"),
        ("Kenya has deployed 2,500 police officers to Haiti.", "unknown"),
        ("Kenya sent 2,500 police officers to Haiti.", "unknown"),
        ("Kenya has already deployed all 2,500 police officers to Haiti.", "unknown"),
    ],
)
def test_what_the_claim_has_still_to_come_is_not_done(
    article: Callable[[str], object], statement: str, verdict: str
) -> None:
    """ "on track to deploy": a plan, which a statement may tell as a plan or as under way,
    but not as done."""
    index = article(
        "Ruto said Kenya is on track to deploy 2,500 police officers to Haiti by January.\n"
    )
    assert check(statement, index).verdict == verdict


PEACE = (
    "Ruto announced plans to send additional police officers to Haiti. He noted Kenya's "
    "support for the African Union Transition Mission in Somalia (ATMIS), which aims to "
    "stabilise the region against Al-Shabaab threats.\n"
)


@pytest.mark.parametrize(
    ("statement", "verdict"),
    [
        ("Ruto announced plans to send more police officers to Haiti.", "supported"),
        ("Ruto announced plans to send fewer police officers to Haiti.", "contradicted"),
        ("Kenya supports ATMIS in Somalia.", "supported"),
        ("Al-Shabaab supports ATMIS in Somalia.", "unknown"),
    ],
)
def test_fewer_for_more_and_the_party_set_against(
    article: Callable[[str], object], statement: str, verdict: str
) -> None:
    """ "fewer" against "additional" is the other direction; who the claim sets against is not
    its subject; a place a name contains ("... in Somalia") is named by it."""
    assert check(statement, article(PEACE)).verdict == verdict


BACKING = (
    "Ruto expressed appreciation for the financial backing from the United States, Canada, "
    "and other nations. Ruto's recent visit to Haiti followed the deployment.\n\n"
    "Finance Minister Irena Valcho said the deficit would fall to 2.8 percent next year, from "
    "3.5 percent in 2024. The partner agency paid 35 percent of the $340 million cost.\n"
)


@pytest.mark.parametrize(
    ("statement", "verdict"),
    [
        ("Ruto thanked the United States for its financial backing.", "supported"),
        ("Ruto thanked only the United States for its financial backing.", "unknown"),
        ("Ruto visited Haiti for the first time.", "unknown"),
        ("The partner agency paid the entire $340 million cost.", "unknown"),
        ("Finance Minister Irena Valcho said the deficit would fall next year.", "supported"),
        ("Education Minister Irena Valcho said the deficit would fall next year.", "contradicted"),
        (
            "Valcho said the deficit would be higher next year than the 3.5 percent of 2024.",
            "contradicted",
        ),
    ],
)
def test_sweeping_words_offices_and_higher_for_fall(
    article: Callable[[str], object], statement: str, verdict: str
) -> None:
    """ "only", "entire", "for the first time" say more than the claim; the same person with
    another office is a swap; "higher" is the opposite of "fall"."""
    assert check(statement, article(BACKING)).verdict == verdict


ROCKET = (
    "The satellite lifted off aboard a Sabre-4 rocket built by the state-owned manufacturer "
    "Ardent Launch Systems.\n\n"
    "The Ostrelian Orbital Authority supplied the satellite's main imaging camera, the "
    "Karsovan National Space Agency (KNSA) said.\n\n"
    "North Korea fired a shell at a loudspeaker in South Korea.\n"
)


@pytest.mark.parametrize(
    ("statement", "verdict"),
    [
        ("The satellite rode a Sabre-4 rocket built by Ardent Launch Systems.", "supported"),
        ("The satellite rode a Sabre-4 rocket built by the KNSA.", "contradicted"),
        (
            "The KNSA supplied the Ostrelian Orbital Authority with the satellite's main imaging "
            "camera.",
            "contradicted",
        ),
        ("South Korea fired a shell at a loudspeaker in North Korea.", "contradicted"),
    ],
)
def test_who_built_supplied_or_fired(
    article: Callable[[str], object], statement: str, verdict: str
) -> None:
    """ "by the state-owned manufacturer X" is X's slot as much as "by X"; a statement that
    opens on another party than the claim's gives it the act even when it names the claim's
    party elsewhere; two places exchanged turn the event round."""
    assert check(statement, article(ROCKET)).verdict == verdict


ASSEMBLY = (
    "Budget passes\n\n"
    "Caldoria's National Assembly approved the 2025 budget by 212 votes to 168. Nine members "
    "abstained.\n\n"
    "Thousands of teachers marched through Vessbury against a freeze in school funding. "
    "Police put the crowd at about 12,000 people. The union wants the education budget raised "
    "to at least 13 billion crowns.\n\n"
    "Other reports said numerous vehicles were also buried in the collapse.\n"
)


@pytest.mark.parametrize(
    ("statement", "verdict"),
    [
        ("Caldoria's National Assembly passed its 2025 budget by 212 votes to 168.", "supported"),
        ("Nine members of the assembly abstained in the vote on the budget.", "supported"),
        ("Nine members of the assembly voted against the budget.", "unknown"),
    ],
)
def test_the_sentence_before_sets_the_scene(
    article: Callable[[str], object], statement: str, verdict: str
) -> None:
    """A short claim ("Nine members abstained.") takes its setting from the sentence before it;
    "Caldoria's 2025 budget" is a year; "passed" a budget is "approved" it."""
    assert check(statement, article(ASSEMBLY)).verdict == verdict


SHELLS = (
    "Six shells hit the area near posts 542 and 543 and 15 other shells fell near posts 250 "
    "and 251, the agency said.\n"
)


@pytest.mark.parametrize(
    ("statement", "verdict"),
    [
        (
            "Six shells hit near posts 542 and 543 and fifteen other shells fell near posts 250 "
            "and 251.",
            "supported",
        ),
        (
            "Fifteen shells hit near posts 542 and 543 and six other shells fell near posts 250 "
            "and 251.",
            "contradicted",
        ),
    ],
)
def test_two_figures_of_one_thing_in_each_others_places(
    article: Callable[[str], object], statement: str, verdict: str
) -> None:
    """Each figure is the claim's, but the two counts of shells have changed places."""
    assert check(statement, article(SHELLS)).verdict == verdict


MATCH = (
    "Sweden beat Korea\n\n"
    "Sweden had higher ball possession in the game. The big study looked at the yields of "
    "crops: wheat, rice, maize and soybean. The camp maintained a majority in the council. "
    "Its goal is to decrease IE6 users to less than one percent. Cotton prices were not "
    "studied.\n"
)


@pytest.mark.parametrize(
    ("statement", "verdict"),
    [
        ("Sweden had more of the ball in the game.", "supported"),
        ("Korea had higher ball possession than Sweden in the game.", "contradicted"),
        ("The camp lost its majority in the council.", "contradicted"),
        ("The campaign has decreased IE6 users to less than one percent.", "unknown"),
        (
            "The big study looked at the yields of crops: wheat, rice, maize and soybean.",
            "supported",
        ),
        ("The big study looked at the yields of crops: wheat, rice, maize and cotton.", "unknown"),
    ],
)
def test_a_team_a_list_and_a_goal(
    article: Callable[[str], object], statement: str, verdict: str
) -> None:
    """A country opening a statement is the claim's party or a swap for it; the last word of a
    list, in the claim's last place; keeping is not losing; a goal is not done."""
    assert check(statement, article(MATCH)).verdict == verdict


def test_alternatives_the_other_way_round_are_not_supported(
    article: Callable[[str], object],
) -> None:
    index = article(
        '"The evidence so far points to negligence rather than a deliberate act," Lenz said.\n'
    )
    same = check("Lenz said the evidence points to negligence rather than a deliberate act.", index)
    assert same.verdict == "supported"
    turned = check(
        "Lenz said the evidence points to a deliberate act rather than negligence.", index
    )
    assert turned.verdict == "contradicted"
    assert any(r.kind == "choice" and r.status == "disagree" for r in turned.reasons)


@pytest.mark.parametrize(
    ("statement", "verdict"),
    [
        ("The NFT said more than 40,000 people took part in the march.", "supported"),
        ("The NFT said more than 60,000 people took part in the march.", "contradicted"),
        ("Police said about 12,000 people took part in the march.", "supported"),
    ],
)
def test_a_figure_is_the_one_its_source_gives(
    article: Callable[[str], object], statement: str, verdict: str
) -> None:
    """Two parties, two figures in one sentence: the statement's source gives its own."""
    index = article(
        "The march was organised by the National Federation of Teachers (NFT).\n\n"
        "Police put the crowd at about 12,000 people, while the NFT said over 41,000 had taken "
        "part.\n"
    )
    assert check(statement, index).verdict == verdict


OPENERS = (
    "Sweden defeated South Korea 1 – 0; Belgium defeated debutants Panama 3 – 0; and Tunisia "
    "lost 1 – 2 to England.\n\n"
    "This was Sweden's first victory in the opening match of the World Cup since 1958.\n"
)


@pytest.mark.parametrize(
    ("statement", "verdict"),
    [
        ("Belgium beat World Cup newcomers Panama 3 - 0.", "supported"),
        ("Belgium beat Panama 1 - 0.", "contradicted"),
        ("Sweden had not won its opening World Cup match since 1958.", "supported"),
    ],
)
def test_one_result_of_several_and_the_first_since(
    article: Callable[[str], object], statement: str, verdict: str
) -> None:
    """A claim that agrees on every name and the score outweighs another clause's score; "the
    first victory since 1958" says "had not won since 1958"."""
    assert check(statement, article(OPENERS)).verdict == verdict


def test_a_countrys_adjective_before_a_person_is_no_rival(
    article: Callable[[str], object],
) -> None:
    """ "English defender Kyle Walker", "the African side": the country of a person, and a
    team told by its continent, are not the slot of "Tunisia's equaliser"."""
    index = article(
        "English defender Kyle Walker was booked for his bad foul, and Ferjani Sassi scored from "
        "the penalty spot, equalising for the African side.\n"
    )
    told = check(
        "Tunisia's equaliser came from a Ferjani Sassi penalty after Kyle Walker was booked.",
        index,
    )
    assert told.verdict != "contradicted"
    swapped = check("Scottish defender Kyle Walker was booked for his bad foul.", index)
    assert swapped.verdict != "supported"


@pytest.mark.parametrize(
    ("statement", "verdict"),
    [
        ("President William Ruto announced plans to send more police officers.", "supported"),
        (
            "Vice President William Ruto announced plans to send more police officers.",
            "contradicted",
        ),
        ("Ruto said peace and development are separate goals.", "contradicted"),
        ("Ruto said the world is facing an easy moment.", "contradicted"),
        ("Ruto thanked the United States for its military backing.", "unknown"),
    ],
)
def test_ranks_opposites_and_a_word_the_article_never_uses(
    article: Callable[[str], object], statement: str, verdict: str
) -> None:
    """A vice president is not the president; separate is not interconnected, easy not
    challenging; in a three-word statement, one word the article never uses is a third of it."""
    index = article(
        "President William Ruto announced plans to send additional police officers to Haiti. "
        "He expressed appreciation for the financial and logistical backing from the United "
        "States. He said peace and development are interconnected goals. 'The world is facing "
        "a challenging moment,' he remarked.\n"
    )
    assert check(statement, index).verdict == verdict


@pytest.mark.parametrize(
    ("statement", "verdict"),
    [
        ("Ruto called the mission a testament to achieving the impossible.", "supported"),
        ("The mission was once deemed easy.", "contradicted"),
        ("Peace is threatened by great power rivalries.", "supported"),
        ("Peace is threatened by great power cooperation.", "contradicted"),
    ],
)
def test_impossible_is_not_easy_nor_rivalry_cooperation(
    article: Callable[[str], object], statement: str, verdict: str
) -> None:
    index = article(
        "Ruto described the mission as a testament to achieving what was once deemed mission "
        "impossible. He said peace is increasingly threatened by great power rivalries.\n"
    )
    assert check(statement, index).verdict == verdict


@pytest.mark.parametrize(
    ("statement", "verdict"),
    [
        ("IE6 shipped with Windows XP, nearly a decade ago.", "supported"),
        ("IE6 shipped with Windows Vista, nearly a decade ago.", "contradicted"),
        ("The study was published in the journal Nature Climate Change.", "supported"),
        ("The study was published in the journal Nature Geoscience.", "contradicted"),
    ],
)
def test_another_of_a_family_of_names(
    article: Callable[[str], object], statement: str, verdict: str
) -> None:
    """In a statement, capitals make a name of ordinary words when the first opens a name the
    article knows: "Windows Vista" beside "Windows XP" is another name, not "Windows"."""
    index = article(
        "IE6 shipped with Windows XP, nearly a decade ago. The study was published in the "
        "journal Nature Climate Change.\n"
    )
    assert check(statement, index).verdict == verdict


@pytest.mark.parametrize(
    ("statement", "verdict"),
    [
        (
            "The union would hold a strike in January unless the funding freeze was lifted.",
            "supported",
        ),
        (
            "The union would hold a strike in January if the funding freeze was lifted.",
            "contradicted",
        ),
    ],
)
def test_unless_is_if_not(article: Callable[[str], object], statement: str, verdict: str) -> None:
    index = article(
        "Oyelaran said the union would hold a one-day strike in January if the funding freeze "
        "was not lifted.\n"
    )
    assert check(statement, index).verdict == verdict
