"""Speakers that are not people, clean roles and unnamed sources, on fictional articles.

Each case has the shape of an error seen on real news: a determiner and a surname taken for a
person ("Another Quillan official"), a publication or a country made a person, a clause collected
as a role, "the official" resolved to a person named inside the official's own clause, and a long
apposition kept as an alias.
"""

from __future__ import annotations

from storyline.model import Article, Quote, Speaker
from storyline.nlp import names
from storyline.nlp.quotes import extract_quotes
from storyline.nlp.speakers import resolve_speakers
from storyline.settings import quotes as cfg


def _art(aid: str, text: str, published: str = "2031-05-02", confidence: float = 1.0) -> Article:
    return Article(id=aid, source="t", text=text, published=published, confidence=confidence)


def _run(*arts: Article) -> tuple[list[Quote], dict[str, Speaker]]:
    by_art = extract_quotes(list(arts))
    quotes = [q for a in arts for q in by_art[a.id]]
    speakers = resolve_speakers(quotes, {a.id: a for a in arts})
    return quotes, {s.id: s for s in speakers}


def _speaker_of(quotes: list[Quote], speakers: dict[str, Speaker], words: str) -> Speaker:
    q = next(q for q in quotes if words in q.text)
    assert q.speaker is not None, q
    return speakers[q.speaker]


TARIFFS = _art(
    "t1",
    "The Quillan government announced fresh levies on imported steel on Friday.\n\n"
    'Another Quillan official was quoted as saying, "Whoever governs next is free to scrap every '
    'levy we introduced, and we will not stand in their way."\n\n'
    'The Ministry has described the measure as a "tariff trap" set by the departing cabinet.\n\n'
    'The Morning Ledger had also noted of the remarks, "Ministry spokesman Pavel Orlin argued on '
    "Friday that the cabinet was deliberately tying its successor's hands.\"\n\n"
    '"We will not be pressured," Norway said in a statement.',
)

LEVERAGE = _art(
    "t2",
    "A Veltan official said President Marcus Darrow is holding back the security pact to gain leverage "
    "over Borovian President Ilya Vostrov.\n\n"
    "Darrow, who is to be sworn in next month, said last week he will sit down with Borovian "
    "President Ilya Vostrov.\n\n"
    '"He would like every clause nailed down before any ink touches paper," the official said. '
    '"Signing first and asking questions later is not his style."\n\n'
    '"Neither camp is budging much," the official added.',
)


def test_determiner_and_surname_is_an_unnamed_source() -> None:
    quotes, speakers = _run(TARIFFS)
    q = next(q for q in quotes if "free to scrap" in q.text)
    assert q.kind == "direct"
    assert q.speaker_text == "Another Quillan official"
    sp = speakers[q.speaker or ""]
    assert sp.named is False
    assert sp.name == "another Quillan official"
    assert not any(s.name == "Another Quillan" for s in speakers.values())


def test_publication_and_country_are_organisations_not_people() -> None:
    quotes, speakers = _run(TARIFFS)
    ledger = _speaker_of(quotes, speakers, "Ministry spokesman Pavel Orlin")
    assert ledger.name == "The Morning Ledger"
    assert ledger.roles == []
    state = _speaker_of(quotes, speakers, "We will not be pressured")
    assert state.name == "Norway"
    # no person is invented from an organisation's name
    people = [s for s in speakers.values() if s.named and s.id not in (ledger.id, state.id)]
    assert all("Ledger" not in s.name and "Norway" not in s.name for s in people)
    assert names.organisation_name(ledger.name) and names.organisation_name(state.name)


def test_organisation_never_merges_with_a_person_of_that_surname() -> None:
    person = _art("t3", '"The figures are wrong," said Tom Ledger, a Fennick economist.')
    quotes, speakers = _run(TARIFFS, person)
    ledger_paper = _speaker_of(quotes, speakers, "Ministry spokesman Pavel Orlin")
    tom = _speaker_of(quotes, speakers, "The figures are wrong")
    assert tom.name == "Tom Ledger" and tom.id != ledger_paper.id


def test_institution_speaking_stays_a_description() -> None:
    quotes, speakers = _run(TARIFFS)
    sp = _speaker_of(quotes, speakers, "tariff trap")
    assert sp.named is False and sp.name == "the Ministry"


def test_cue_in_another_clause_does_not_make_a_country_the_speaker() -> None:
    art = _art(
        "t4",
        'The border line is still "the hardest knot to untie," as Borovia insists on keeping every village '
        "east of the river.",
    )
    quotes, _ = _run(art)
    assert all(q.speaker_name != "Borovia" for q in quotes)


def test_unnamed_official_is_not_the_person_named_in_its_clause() -> None:
    quotes, speakers = _run(LEVERAGE)
    said = [q for q in quotes if q.speaker_text == "the official"]
    assert len(said) == 3
    for q in said:
        assert q.speaker_name == "a Veltan official"
        sp = speakers[q.speaker or ""]
        assert sp.named is False and sp.name == "a Veltan official"
    assert all("the official" not in s.aliases for s in speakers.values() if s.named)


def test_roles_are_title_phrases_not_clauses() -> None:
    assert names.split_name("A Veltan official said President Marcus Darrow").role == "President"
    parts = names.split_name("said last week he will sit down with Borovian President Ilya Vostrov")
    assert parts.name == "Ilya Vostrov" and parts.role == "Borovian President"
    assert names.split_name("Fennick Foreign Minister Ada Rask").role == "Fennick Foreign Minister"
    assert names.split_name("former Secretary of State Jon Pell").role == "former Secretary of State"
    assert names.split_name("Kestrel's ambassador to the Pact, Juri Aas").role == "Kestrel's ambassador to the Pact"
    role = names.split_name("Ilse Varga, head of the planning staff who once advised the cabinet").role
    assert role == "head of the planning staff"


def test_role_of_a_person_mentioned_in_a_clause_is_clean() -> None:
    art = _art(
        "t5",
        "Darrow, who is to be sworn in next month, said last week he will sit down with Borovian "
        "President Ilya Vostrov.\n\n"
        '"We are ready to talk," Vostrov said on Tuesday.',
    )
    quotes, speakers = _run(art)
    sp = _speaker_of(quotes, speakers, "ready to talk")
    assert sp.name == "Ilya Vostrov"
    assert sp.roles == ["Borovian President"]


def test_apposition_splits_into_name_alias_and_roles() -> None:
    art = _art(
        "t6",
        "\u201cNobody here is pretending the front is stable,\u201d General Ada Marsh, chief of the Fennick "
        "Defence Ministry\u2019s operations planning unit, said in comments posted online.",
    )
    quotes, speakers = _run(art)
    sp = _speaker_of(quotes, speakers, "pretending")
    assert sp.name == "Ada Marsh"
    assert sp.aliases == ["General Ada Marsh"]
    assert set(sp.roles) == {"General", "chief of the Fennick Defence Ministry\u2019s operations planning unit"}


def test_name_followed_by_a_venue_is_the_speaker() -> None:
    art = _art(
        "t7",
        "Pact Secretary-General Anna Hallberg warned against a rushed deal.\n\n"
        "\u201cAny agreement has to be a sound one, with nothing important left out,\u201d Hallberg said "
        "during a panel on Wednesday at the Fennick Forum think tank in Osterby.",
    )
    quotes, speakers = _run(art)
    sp = _speaker_of(quotes, speakers, "Any agreement")
    assert sp.name == "Anna Hallberg"
    assert not any("Fennick" in s.name for s in speakers.values())


def test_pronoun_goes_to_the_subject_named_by_surname_only() -> None:
    art = _art(
        "t8",
        "Darrow, who is to be sworn in next month, said he will sit down with Borovian President "
        "Ilya Vostrov.\n\n"
        "Darrow promised on the campaign trail to settle the conflict within weeks. He has since said the "
        'dispute is "far thornier" than he expected.',
    )
    quotes, _ = _run(art)
    q = next(q for q in quotes if "thornier" in q.text)
    assert q.speaker_name == "Darrow"


def test_low_confidence_articles_get_no_quotes() -> None:
    text = '"We will hold the line," Mayor Jon Harrow said on Friday.'
    low = _art("c1", text, confidence=cfg.QUOTE_MIN_CONFIDENCE / 2)
    ok = _art("c2", text, confidence=0.6)
    found = extract_quotes([low, ok])
    assert found["c1"] == []
    assert [q.speaker_name for q in found["c2"]] == ["Jon Harrow"]


def test_organisation_helpers() -> None:
    assert names.organisation_name("The Morning Ledger") == "The Morning Ledger"
    assert names.organisation_name("Harbor Post") == "Harbor Post"
    assert names.organisation_name("Norway") == "Norway"
    assert names.organisation_name("Tom Ledger") is None
    assert names.organisation_name("The Ministry") is None
    assert names.organisation_name("Jon Harrow") is None
    assert names.split_name("The Morning Ledger").name is None
    assert names.split_name("Another Quillan").name is None
    assert names.split_name("Jack Harbor").name == "Jack Harbor"
