"""Speaker rules of the quote stage: which mention a pronoun points back to when clauses, viewpoints,
contractions and appositions sit around the names, and a hometown's state that is no name
(fictional sentences, one test per rule, each checked with its switch on and off)."""

from __future__ import annotations

import pytest
from quote_helpers import quote_with_and_without, quotes_by_text

from storyline.nlp import names
from storyline.settings import quotes as cfg


def test_a_pronoun_inside_a_sentence_opened_by_the_same_pronoun_is_bound_to_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text = (
        "Quill urges rivals to quit.\n\n"
        "Governor Ada Quill asked the other candidates to leave the race.\n\n"
        "Mayor Ivo Lund spoke first at the rally. Governor Tom Brandt said he would stay.\n\n"
        "He declared that as long as the field stayed divided, Ivo Lund would have a path to victory, "
        'which he called "a disaster for the party."\n'
    )
    on, off = quote_with_and_without(monkeypatch, text, "a disaster for the party.", "PRONOUN_SENTENCE_CHAIN")
    # the sentence's "He" is Tom Brandt, the last subject before it; "he" repeats it
    assert on.speaker_name == "Tom Brandt"
    assert off.speaker_name == "Ivo Lund"  # the subject of the clause in between


def test_a_viewpoint_opener_makes_its_person_salient(monkeypatch: pytest.MonkeyPatch) -> None:
    text = (
        "Lund's allies talk up his chances.\n\n"
        "Party chairman Tom Brandt says Mayor Ivo Lund will win the port vote.\n\n"
        "To harbour consultant Piet Varlo, that line is plain silly, given Lund's record with voters.\n\n"
        '"Numbers are numbers," he said.\n'
    )
    on, off = quote_with_and_without(monkeypatch, text, "Numbers are numbers,", "VIEWPOINT_SUBJECT")
    assert on.speaker_name == "Piet Varlo"
    assert off.speaker_name == "Tom Brandt"
    # "According to" mostly cites documents and outlets: not a viewpoint of a person here
    text = (
        "Brandt rallies the docks.\n\n"
        "Tom Brandt spoke to the crews on Monday.\n\n"
        "According to Harbor Eye, the crews cheered for ten minutes.\n\n"
        '"We are not finished," he said.\n'
    )
    monkeypatch.setattr(cfg, "VIEWPOINT_SUBJECT", True)
    on, _off = quote_with_and_without(monkeypatch, text, "We are not finished,", "VIEWPOINT_SUBJECT")
    assert on.speaker_name == "Tom Brandt"


def test_a_contracted_has_after_a_name_is_no_possessive(monkeypatch: pytest.MonkeyPatch) -> None:
    text = (
        "Brandt and Osgood clash over the port.\n\n"
        "Mayor Karl Osgood lit into Governor Tom Brandt at the debate on Saturday.\n\n"
        "Brandt's been making the case for weeks that the mayor is not ready for the job. "
        '"You have never run a port," he said.\n'
    )
    on, off = quote_with_and_without(monkeypatch, text, "You have never run a port,", "CONTRACTED_HAS_NOT_POSSESSIVE")
    assert on.speaker_name == "Tom Brandt"
    assert off.speaker_name == "Karl Osgood"  # "Brandt's" read as a possessive: no mention


def test_a_name_after_a_cue_that_opens_the_reported_clause_is_no_speaker(monkeypatch: pytest.MonkeyPatch) -> None:
    text = (
        "Party leaders weigh the race.\n\n"
        "Tom Brandt, the chairman of the Kestrel party, said Ivo Lund will hurt his cause. "
        '"He has made it harder for everyone," he said.\n'
    )
    on, off = quote_with_and_without(
        monkeypatch, text, "He has made it harder for everyone,", "INVERTED_SOURCE_NOT_CLAUSE"
    )
    assert on.speaker_name == "Tom Brandt"
    assert off.speaker_name == "Ivo Lund"
    # the inverted speaker of a sentence ("said Piet Varlo, a ferry owner") stays salient
    text = (
        "Ferry owners speak up.\n\n"
        "Tom Brandt said the port was quiet.\n\n"
        '"Nobody is buying tickets," said Piet Varlo, a ferry owner. "It is a bad winter," he said.\n'
    )
    monkeypatch.setattr(cfg, "INVERTED_SOURCE_NOT_CLAUSE", True)
    on, _off = quote_with_and_without(monkeypatch, text, "It is a bad winter,", "INVERTED_SOURCE_NOT_CLAUSE")
    assert on.speaker_name == "Piet Varlo"


def test_a_name_after_a_role_apposition_is_the_subject(monkeypatch: pytest.MonkeyPatch) -> None:
    text = (
        "Lund's lawyer answers the claim.\n\n"
        "Ivo Lund sued the former campaign aide on Monday.\n\n"
        "Lund's attorney, Ada Quill, said Tom Brandt was looking for attention. "
        'She said the agreement "still binds him."\n'
    )
    on, off = quote_with_and_without(monkeypatch, text, "still binds him.", "ROLE_APPOSITION_SUBJECT")
    assert on.speaker_name == "Ada Quill"
    text = (
        "Delegates split on the ferry plan.\n\n"
        'Another delegate, Tom Brandt, said he was only "leaning Lund."\n\n'
        "And a third, Piet Varlo, said that while he was opposed to Ada Quill, he was backing Ivo Lund "
        'because he had the best chance of beating her. "I prefer Lund," he said.\n'
    )
    monkeypatch.setattr(cfg, "ROLE_APPOSITION_SUBJECT", True)
    on, off = quote_with_and_without(monkeypatch, text, "I prefer Lund,", "ROLE_APPOSITION_SUBJECT")
    assert on.speaker_name == "Piet Varlo"
    assert off.speaker_name == "Tom Brandt"


def test_a_hometown_state_is_no_name(monkeypatch: pytest.MonkeyPatch) -> None:
    text = (
        "Voters weigh the ferry plan.\n\n"
        '"I do not know where he stands," said undecided voter Ada Quill of Derrick, N.H., before the '
        "town meeting.\n"
    )
    on, off = quote_with_and_without(monkeypatch, text, "I do not know where he stands,", "HOMETOWN_STATE_NOT_NAME")
    assert on.speaker_name == "Ada Quill"
    assert off.speaker_name == "N.H"
    monkeypatch.setattr(cfg, "HOMETOWN_STATE_NOT_NAME", True)
    assert names.split_name("Ivo Lund of Portland, Ore.").name == "Ivo Lund"
    # a comma after "of <Organisation>" that is no state keeps its apposition reading
    assert names.split_name("the head of Harbor Partners, Lund").name == "Lund"


def test_a_cue_opening_the_next_sentence_does_not_close_a_finished_quote(monkeypatch: pytest.MonkeyPatch) -> None:
    text = (
        "Ferry owners react.\n\n"
        '"It is a sad day," Ada Quill told reporters at the pier. "We will keep sailing." '
        "Harbour chief Ivo Lund said he would have closed the line.\n\n"
        '"We are refugees," Tom Brandt said. "We came here to work." Piet Varlo said: "The '
        'ferries are full every morning."\n'
    )
    on, off = quote_with_and_without(monkeypatch, text, "We will keep sailing.", "FINAL_CUE_OPENS_CLAUSE")
    assert on.speaker_name == "Ada Quill"
    assert off.speaker_name == "Ivo Lund"
    monkeypatch.setattr(cfg, "FINAL_CUE_OPENS_CLAUSE", True)
    on, off = quote_with_and_without(monkeypatch, text, "We came here to work.", "FINAL_CUE_OPENS_CLAUSE")
    assert on.speaker_name == "Tom Brandt"
    assert off.speaker_name == "Piet Varlo"
    # the colon's quote is still Piet Varlo's, and a plain closing cue still closes its quote
    found = quotes_by_text(text)
    assert found["The ferries are full every morning."].speaker_name == "Piet Varlo"
    assert found["It is a sad day,"].speaker_name == "Ada Quill"


def test_a_noun_phrase_naming_its_person_makes_a_subject(monkeypatch: pytest.MonkeyPatch) -> None:
    text = (
        "Factory moves south.\n\n"
        "Plant manager Tom Brandt said the move would save money.\n\n"
        "Outside the new plant in Kestrel, a worker named Ivo Lund has nothing but praise for his job. "
        '"The atmosphere is relaxed," he said.\n'
    )
    on, off = quote_with_and_without(monkeypatch, text, "The atmosphere is relaxed,", "NAMED_NOUN_SUBJECT")
    assert on.speaker_name == "Ivo Lund"
    assert off.speaker_name == "Tom Brandt"


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
    from storyline.nlp.quotes import _role_has

    assert names.head_noun("The Kestrel senator\u2019s") == "senator"
    assert _role_has("Harbor TV moderator", "moderator")
    assert not _role_has("Harbor TV moderator", "s")  # the letters of a word are no word
    assert _role_has("Kremlin spokesman", "spokesman") and not _role_has("Kremlin spokesman", "man")


def test_a_full_name_with_its_role_is_not_cut_to_the_role(monkeypatch: pytest.MonkeyPatch) -> None:
    text = (
        "Port vote.\n\n"
        "Governor Ada Quill backed the lease.\n\n"
        '"We will hold her to it," said Quill ally Tom Brandt.\n\n'
        '"The numbers do not add up," said Piet Varlo, a spokesman for the Quill campaign.\n'
    )
    ally, cut = quote_with_and_without(monkeypatch, text, "We will hold her to it,", "SPEAKER_NAME_AND_ROLE_KEPT")
    assert ally.speaker_name == "Tom Brandt"
    assert cut.speaker_name == "Ada Quill"
    monkeypatch.setattr(cfg, "SPEAKER_NAME_AND_ROLE_KEPT", True)
    assert quotes_by_text(text)["The numbers do not add up,"].speaker_name == "Piet Varlo"
    # a clause after the name is still cut to its subject
    clause = quotes_by_text('Lease row.\n\n"No," Ivo Lund told the board, Ada Quill said.\n')
    assert clause["No,"].speaker_name == "Ivo Lund"


def test_an_inverted_role_ending_in_an_adjunct_keeps_the_name_after_it(monkeypatch: pytest.MonkeyPatch) -> None:
    text = (
        'Old friends.\n\n"He was the life of every party," said his best friend at Kestrel, Ivo Lund, '
        "who met him in 1980.\n"
    )
    on, off = quote_with_and_without(monkeypatch, text, "He was the life of every party,", "INVERTED_ROLE_THEN_NAME")
    assert on.speaker_name == "Ivo Lund"
    assert off.speaker_name == "his best friend"


def test_a_title_word_after_a_given_name_is_a_surname(monkeypatch: pytest.MonkeyPatch) -> None:
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


def test_an_honorific_picks_the_relative_of_its_gender(monkeypatch: pytest.MonkeyPatch) -> None:
    text = (
        "The Quills on the trail.\n\n"
        "Karen Quill spoke first in Kestrel. Her husband, former Mayor Tom Quill, joined her later.\n\n"
        '"We are not done," Mrs. Quill said.\n'
    )
    on, off = quote_with_and_without(monkeypatch, text, "We are not done,", "HONORIFIC_GENDER_FULLEST")
    assert on.speaker_name == "Karen Quill"
    assert off.speaker_name == "Tom Quill"
