"""Speaker rules of the quote stage: which mention a pronoun points back to when clauses, viewpoints,
contractions and appositions sit around the names, which words of a speaker span name the person,
and a hometown's state that is no name (fictional sentences, each rule checked with its switch on
and off)."""

from __future__ import annotations

import pytest
from quote_helpers import quote_with_and_without, quotes_by_text

from storyline.nlp import names
from storyline.nlp.quotes import _role_has

SENTENCE_CHAIN_TEXT = (
    "Quill urges rivals to quit.\n\n"
    "Governor Ada Quill asked the other candidates to leave the race.\n\n"
    "Mayor Ivo Lund spoke first at the rally. Governor Tom Brandt said he would stay.\n\n"
    "He declared that as long as the field stayed divided, Ivo Lund would have a path to victory, "
    'which he called "a disaster for the party."\n'
)
VIEWPOINT_TEXT = (
    "Lund's allies talk up his chances.\n\n"
    "Party chairman Tom Brandt says Mayor Ivo Lund will win the port vote.\n\n"
    "To harbour consultant Piet Varlo, that line is plain silly, given Lund's record with voters.\n\n"
    '"Numbers are numbers," he said.\n'
)
CONTRACTED_TEXT = (
    "Brandt and Osgood clash over the port.\n\n"
    "Mayor Karl Osgood lit into Governor Tom Brandt at the debate on Saturday.\n\n"
    "Brandt's been making the case for weeks that the mayor is not ready for the job. "
    '"You have never run a port," he said.\n'
)
REPORTED_CLAUSE_TEXT = (
    "Party leaders weigh the race.\n\n"
    "Tom Brandt, the chairman of the Kestrel party, said Ivo Lund will hurt his cause. "
    '"He has made it harder for everyone," he said.\n'
)
ROLE_APPOSITION_TEXT = (
    "Delegates split on the ferry plan.\n\n"
    'Another delegate, Tom Brandt, said he was only "leaning Lund."\n\n'
    "And a third, Piet Varlo, said that while he was opposed to Ada Quill, he was backing Ivo Lund "
    'because he had the best chance of beating her. "I prefer Lund," he said.\n'
)
HOMETOWN_TEXT = (
    "Voters weigh the ferry plan.\n\n"
    '"I do not know where he stands," said undecided voter Ada Quill of Derrick, N.H., before the '
    "town meeting.\n"
)
FINAL_CUE_TEXT = (
    "Ferry owners react.\n\n"
    '"It is a sad day," Ada Quill told reporters at the pier. "We will keep sailing." '
    "Harbour chief Ivo Lund said he would have closed the line.\n\n"
    '"We are refugees," Tom Brandt said. "We came here to work." Piet Varlo said: "The '
    'ferries are full every morning."\n'
)
NAMED_NOUN_TEXT = (
    "Factory moves south.\n\n"
    "Plant manager Tom Brandt said the move would save money.\n\n"
    "Outside the new plant in Kestrel, a worker named Ivo Lund has nothing but praise for his job. "
    '"The atmosphere is relaxed," he said.\n'
)
NAME_AND_ROLE_TEXT = (
    "Port vote.\n\n"
    "Governor Ada Quill backed the lease.\n\n"
    '"We will hold her to it," said Quill ally Tom Brandt.\n\n'
    '"The numbers do not add up," said Piet Varlo, a spokesman for the Quill campaign.\n'
)
ROLE_THEN_NAME_TEXT = (
    'Old friends.\n\n"He was the life of every party," said his best friend at Kestrel, Ivo Lund, '
    "who met him in 1980.\n"
)
HONORIFIC_TEXT = (
    "The Quills on the trail.\n\n"
    "Karen Quill spoke first in Kestrel. Her husband, former Mayor Tom Quill, joined her later.\n\n"
    '"We are not done," Mrs. Quill said.\n'
)


@pytest.mark.parametrize(
    ("text", "quote", "switch", "with_rule", "without_rule"),
    [
        # the sentence's "He" is Tom Brandt, the last subject before it; "he" repeats it, where the
        # subject of the clause in between (Ivo Lund) was taken without the rule
        pytest.param(SENTENCE_CHAIN_TEXT, "a disaster for the party.", "PRONOUN_SENTENCE_CHAIN",
                     "Tom Brandt", "Ivo Lund", id="pronoun-bound-to-its-sentence-opener"),
        pytest.param(VIEWPOINT_TEXT, "Numbers are numbers,", "VIEWPOINT_SUBJECT",
                     "Piet Varlo", "Tom Brandt", id="viewpoint-opener"),
        # without the rule "Brandt's" is read as a possessive: no mention
        pytest.param(CONTRACTED_TEXT, "You have never run a port,", "CONTRACTED_HAS_NOT_POSSESSIVE",
                     "Tom Brandt", "Karl Osgood", id="contracted-has"),
        pytest.param(REPORTED_CLAUSE_TEXT, "He has made it harder for everyone,", "INVERTED_SOURCE_NOT_CLAUSE",
                     "Tom Brandt", "Ivo Lund", id="name-opening-a-reported-clause"),
        pytest.param(ROLE_APPOSITION_TEXT, "I prefer Lund,", "ROLE_APPOSITION_SUBJECT",
                     "Piet Varlo", "Tom Brandt", id="role-apposition-before-the-name"),
        pytest.param(HOMETOWN_TEXT, "I do not know where he stands,", "HOMETOWN_STATE_NOT_NAME",
                     "Ada Quill", "N.H", id="hometown-state"),
        pytest.param(FINAL_CUE_TEXT, "We will keep sailing.", "FINAL_CUE_OPENS_CLAUSE",
                     "Ada Quill", "Ivo Lund", id="cue-before-a-reported-clause"),
        pytest.param(FINAL_CUE_TEXT, "We came here to work.", "FINAL_CUE_OPENS_CLAUSE",
                     "Tom Brandt", "Piet Varlo", id="cue-before-a-colon"),
        pytest.param(NAMED_NOUN_TEXT, "The atmosphere is relaxed,", "NAMED_NOUN_SUBJECT",
                     "Ivo Lund", "Tom Brandt", id="noun-named-person"),
        pytest.param(NAME_AND_ROLE_TEXT, "We will hold her to it,", "SPEAKER_NAME_AND_ROLE_KEPT",
                     "Tom Brandt", "Ada Quill", id="role-before-a-full-name"),
        pytest.param(ROLE_THEN_NAME_TEXT, "He was the life of every party,", "INVERTED_ROLE_THEN_NAME",
                     "Ivo Lund", "his best friend", id="inverted-role-then-name"),
        pytest.param(HONORIFIC_TEXT, "We are not done,", "HONORIFIC_GENDER_FULLEST",
                     "Karen Quill", "Tom Quill", id="honorific-gender"),
    ],
)
def test_a_rule_changes_the_speaker(
    monkeypatch: pytest.MonkeyPatch, text: str, quote: str, switch: str, with_rule: str, without_rule: str
) -> None:
    on, off = quote_with_and_without(monkeypatch, text, quote, switch)
    assert on.speaker_name == with_rule
    assert off.speaker_name == without_rule


def test_according_to_is_no_viewpoint() -> None:
    # "According to" mostly cites documents and outlets: not a viewpoint of a person here
    text = (
        "Brandt rallies the docks.\n\n"
        "Tom Brandt spoke to the crews on Monday.\n\n"
        "According to Harbor Eye, the crews cheered for ten minutes.\n\n"
        '"We are not finished," he said.\n'
    )
    assert quotes_by_text(text)["We are not finished,"].speaker_name == "Tom Brandt"


def test_the_inverted_speaker_of_a_sentence_stays_salient() -> None:
    # "said Piet Varlo, a ferry owner": no reported clause after the name
    text = (
        "Ferry owners speak up.\n\n"
        "Tom Brandt said the port was quiet.\n\n"
        '"Nobody is buying tickets," said Piet Varlo, a ferry owner. "It is a bad winter," he said.\n'
    )
    assert quotes_by_text(text)["It is a bad winter,"].speaker_name == "Piet Varlo"


def test_a_name_after_a_leading_role_apposition_is_the_subject() -> None:
    text = (
        "Lund's lawyer answers the claim.\n\n"
        "Ivo Lund sued the former campaign aide on Monday.\n\n"
        "Lund's attorney, Ada Quill, said Tom Brandt was looking for attention. "
        'She said the agreement "still binds him."\n'
    )
    assert quotes_by_text(text)["still binds him."].speaker_name == "Ada Quill"


def test_a_hometown_state_is_cut_but_an_apposition_after_an_organisation_stays() -> None:
    assert names.split_name("Ivo Lund of Portland, Ore.").name == "Ivo Lund"
    # a comma after "of <Organisation>" that is no state keeps its apposition reading
    assert names.split_name("the head of Harbor Partners, Lund").name == "Lund"


def test_colon_and_closing_cues_keep_their_quotes() -> None:
    # the colon's quote is still Piet Varlo's, and a plain closing cue still closes its quote
    found = quotes_by_text(FINAL_CUE_TEXT)
    assert found["The ferries are full every morning."].speaker_name == "Piet Varlo"
    assert found["It is a sad day,"].speaker_name == "Ada Quill"


def test_an_occupation_before_a_name_is_its_role() -> None:
    columnist = quotes_by_text('Media split.\n\n"It was a bad night," wrote Kestrel Post columnist Ada Quill.\n')
    assert columnist["It was a bad night,"].speaker_name == "Ada Quill"  # not "Kestrel Post"
    assert names.split_name("Comedian Ivo Lund").name == "Ivo Lund"
    assert names.split_name("Billionaire entrepreneur Tom Brandt").name == "Tom Brandt"
    # a surname that is also an occupation stays a name
    assert names.split_name("Mark Singer").name == "Mark Singer"
    text = (
        "Pollsters doubt the surge.\n\n"
        "Party chairman Tom Brandt said the mayor would win.\n\n"
        "Republican pollster Piet Varlo is skeptical that Mayor Ivo Lund can recover in the suburbs.\n\n"
        '"Numbers are numbers," he said.\n'
    )
    assert quotes_by_text(text)["Numbers are numbers,"].speaker_name == "Piet Varlo"


def test_a_description_points_back_only_to_a_role_with_its_head_word() -> None:
    assert names.head_noun("The Kestrel senator\u2019s") == "senator"
    assert _role_has("Harbor TV moderator", "moderator")
    assert not _role_has("Harbor TV moderator", "s")  # the letters of a word are no word
    assert _role_has("Kremlin spokesman", "spokesman") and not _role_has("Kremlin spokesman", "man")


def test_a_name_with_an_apposition_or_a_clause_after_it() -> None:
    assert quotes_by_text(NAME_AND_ROLE_TEXT)["The numbers do not add up,"].speaker_name == "Piet Varlo"
    # a clause after the name is still cut to its subject
    clause = quotes_by_text('Lease row.\n\n"No," Ivo Lund told the board, Ada Quill said.\n')
    assert clause["No,"].speaker_name == "Ivo Lund"


def test_a_title_word_after_a_given_name_is_a_surname(monkeypatch: pytest.MonkeyPatch) -> None:
    from storyline.settings import quotes as cfg

    assert names.split_name("Representative Tom T. King of Kestrel").name == "Tom T. King"
    assert names.split_name("Karen Pope, deputy harbour adviser").name == "Karen Pope"
    # a title after a title or a place stays a title
    assert names.split_name("Kremlin Spokesman").name is None
    assert names.split_name("Pope Francis").name == "Francis"
    monkeypatch.setattr(cfg, "TITLE_WORD_SURNAME", False)
    assert names.split_name("Tom T. King").name is None


def test_an_organisation_with_a_function_word_in_a_role_keeps_the_name() -> None:
    assert names.split_name("Wages for All organizing director Ada Quill").name == "Ada Quill"
    assert names.split_name("Ivo Lund of Kestrel Partners").name == "Ivo Lund"
    assert names.split_name("Ada Quill of the Harbor Party").name == "Ada Quill"
    found = quotes_by_text('Wage march.\n\n"We will be back," said Wages for $20 organizing director Ada Quill.\n')
    assert found["We will be back,"].speaker_name == "Ada Quill"
