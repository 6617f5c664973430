"""Pronoun and speaker rules of the quote stage, on fictional sentences (one test per rule)."""

from __future__ import annotations

import pytest
from quote_helpers import quotes_by_text as _quotes

from storyline.nlp import names
from storyline.nlp import quotes as quotes_module
from storyline.nlp.quotes import _merge_mentions


def test_subject_after_an_opening_adverbial_clause() -> None:
    # "Since launching ..., Orrin has taken": Orrin leads the sentence although a clause comes first
    text = (
        '"The ferries will run on time," said Mara Quill, the harbour chief.\n\n'
        "Since launching his bid for the council, Tomas Orrin has taken a hard line on the port, "
        "unlike Quill and her deputy Ivo Brandt.\n\n"
        '"We cannot keep paying for empty boats," he said.'
    )
    assert _quotes(text)["We cannot keep paying for empty boats,"].speaker_name == "Tomas Orrin"


def test_an_object_is_not_a_subject() -> None:
    # "He had praised Varga": three words before Varga, but Varga is the object
    text = (
        "Tomas Orrin, a dock worker, spoke at the hall on Friday.\n\n"
        "He had praised Lev Varga at a rally last spring and has since joined the union.\n\n"
        '"The crews there treated me like family," he said.'
    )
    assert _quotes(text)["The crews there treated me like family,"].speaker_name == "Tomas Orrin"


def test_abbreviation_does_not_open_a_sentence() -> None:
    # "the Rev. Lev Varga" is not a sentence starting with Lev Varga
    text = (
        "Tomas Orrin spoke to the port workers on Tuesday.\n\n"
        "The crowd cheered as the Rev. Lev Varga walked in.\n\n"
        '"These rules are overdue," he said.'
    )
    assert _quotes(text)["These rules are overdue,"].speaker_name == "Tomas Orrin"


def test_inverted_cue_speaker_is_salient() -> None:
    # "..., said Mertz, a ferry owner" makes Mertz the one a later "he said" points to
    text = (
        "Tomas Orrin and Lev Varga both backed the plan in March.\n\n"
        "Harbour fees are a burden, said Anton Mertz, a ferry owner who once worked for Orrin and "
        "Varga.\n\n"
        '"There is more paperwork than sailing," he said.'
    )
    assert _quotes(text)["There is more paperwork than sailing,"].speaker_name == "Anton Mertz"


def test_one_person_mentioned_twice_takes_one_window_place() -> None:
    # "Mr. Bright" is found as a titled name and again as a surname: one mention, salient if either is
    cands = [(10, "Tomas Orrin", None), (80, "Ivo Bright", None), (84, "Ivo Bright", None)]
    salient = {84}
    merged = _merge_mentions(cands, salient)
    assert merged == [(10, "Tomas Orrin", None), (80, "Ivo Bright", None)]
    assert 80 in salient


def test_gender_from_following_pronouns() -> None:
    # neither first name is on the lists; the pronouns after each name give their genders
    text = (
        "Adela Brisk, who runs the ferry office, said she would stay on.\n\n"
        "Later the mayor, Tomas Orrin, visited the office, where he met the staff.\n\n"
        '"We will keep the office open," she said.'
    )
    assert _quotes(text)["We will keep the office open,"].speaker_name == "Adela Brisk"


def test_subject_before_a_parenthetical_phrase() -> None:
    text = 'Quill, during an evening forum in Kestrel, Borovia, said she would "keep rowing until the tide turns."'
    q = _quotes(text)["keep rowing until the tide turns."]
    assert q.speaker_text == "Quill"


def test_name_apposition_and_cue_after_an_exclaimed_quote() -> None:
    text = '"Full steam ahead!" Rep. Ada Quill, R-Kes., said of the week.'
    assert _quotes(text)["Full steam ahead!"].speaker_name == "Ada Quill"


def test_signature_line_after_a_quote_paragraph() -> None:
    text = (
        "Claims from the debate, checked.\n\n"
        '"I voted against every one of those port taxes."\n\n'
        "- Quill.\n\n"
        "That is not what the record shows."
    )
    assert _quotes(text)["I voted against every one of those port taxes."].speaker_text == "Quill"


def test_colon_paragraph_with_a_long_cue_clause() -> None:
    text = (
        '"It is a close race," said Tomas Orrin, a pollster.\n\n'
        "For many, the choice is easy. 81-year-old Ada Quill, a retired pilot, said that given the "
        "candidates on both sides of the race this year:\n\n"
        '"Only one candidate makes sense. She pays her own way."'
    )
    assert _quotes(text)["Only one candidate makes sense. She pays her own way."].speaker_name == "Ada Quill"


def test_party_word_and_sentence_adverbs_are_not_first_names() -> None:
    assert names.person_names("Though Quill left early, Democrat Ada Quill won.") == [(34, "Ada Quill")]
    assert names.split_name("Democrat Ada Quill").name == "Ada Quill"


def test_passive_frame_gives_the_agent() -> None:
    text = (
        "Ada Quill was asked by moderator Ivo Brandt whether her plan would risk "
        '"adding another costly program to an already strained port budget."'
    )
    q = _quotes(text)["adding another costly program to an already strained port budget."]
    assert q.speaker_name == "Ivo Brandt"


def test_participle_clause_is_not_a_speaker() -> None:
    text = (
        '"Ports matter," Quill says in the advert called "Harbour," warning against new ferry fees from '
        'Borovia, pledging to "cut the paperwork in half by spring."'
    )
    q = _quotes(text)["cut the paperwork in half by spring."]
    assert q.speaker_name != "Borovia"


def test_partial_quotes_in_one_sentence_share_the_speaker(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(quotes_module, "load_nlp", lambda: None)  # the regex rule alone, no parser
    text = 'Quill said Brandt was "far too timid" and "very slow" on the question of fees.'
    qs = _quotes(text)
    assert qs["far too timid"].speaker_text == "Quill"
    assert qs["very slow"].speaker_text == "Quill"


def test_partial_quote_with_the_comma_inside_takes_the_cue_after() -> None:
    text = (
        'Her friends have mocked the mayor\'s campaign, calling him "a walking brochure," Ada Quill '
        "said while packing up her banner.\n\n"
        '"But he is our walking brochure, and we love him!"'
    )
    qs = _quotes(text)
    assert qs["a walking brochure,"].speaker_name == "Ada Quill"
    assert qs["But he is our walking brochure, and we love him!"].speaker_name == "Ada Quill"


def test_framing_colon_clause_names_the_source() -> None:
    text = (
        '"We will open the port," said Ivo Brandt.\n\n'
        "Critics point to the record. Here's Quill in 1992: "
        '"The harbour comes first, before any new road."'
    )
    q = _quotes(text)["The harbour comes first, before any new road."]
    assert q.speaker_text == "Quill"


def test_irregular_reporting_phrase_after_a_quote() -> None:
    text = (
        '"Count the flags on that side of the hall," Ivo Brandt said with a smirk.\n\n'
        '"They only came for the sandwiches," Quill fired back, grinning.'
    )
    assert _quotes(text)["They only came for the sandwiches,"].speaker_text == "Quill"


def test_name_age_and_home_town_before_the_cue() -> None:
    text = 'Cory Vale, 22, of Kestrel, Bor., said he had not given up hope of a "late surprise" at the vote.'
    assert _quotes(text)["late surprise"].speaker_text == "Cory Vale"


def test_cue_of_a_later_subordinate_clause_is_not_the_quote_cue() -> None:
    text = '"We want the port open," Ada Quill said.\n\n"Enough," she demanded, as Ivo Brandt continued to interject.'
    q = _quotes(text)["Enough,"]
    assert q.speaker_text == "she"
    assert q.speaker_name == "Ada Quill"


def test_reporting_verb_is_not_a_speaker() -> None:
    text = (
        'Quill told the crowd "What a night!" and said that her team would keep going "to open doors" '
        "across Borovia."
    )
    q = _quotes(text)["to open doors"]
    assert q.speaker_text != "said that her team"


def test_capitalised_name_that_is_also_an_auxiliary() -> None:
    text = '"The port will not wait for the council," Will wrote on Friday.'
    assert _quotes(text)["The port will not wait for the council,"].speaker_text == "Will"


def test_places_and_adjectives_are_not_people() -> None:
    found = [n for _o, n in names.person_names("Young Voters and Western Oregon met Independent Utah in Maine.")]
    assert found == []
    text = (
        "Ada Quill, the harbour chief, backed the plan on Monday.\n\n"
        "The Independent Utah senator was not at the meeting.\n\n"
        '"It is a fair plan," she said.'
    )
    assert _quotes(text)["It is a fair plan,"].speaker_name == "Ada Quill"


def test_sentence_adverb_between_commas(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(quotes_module, "load_nlp", lambda: None)  # the regex rule alone, no parser
    text = (
        "Ada Quill, meanwhile, who has no such endorsements, said the vote shows which candidate is "
        '"fit to run the harbour board."'
    )
    assert _quotes(text)["fit to run the harbour board."].speaker_text == "Ada Quill"


def test_speaker_ending_in_a_party_tag() -> None:
    text = '"We are not the ones to decide that," state Sen. Ada Quill (D) said during the debate.'
    assert _quotes(text)["We are not the ones to decide that,"].speaker_name == "Ada Quill"


def test_poll_respondents_are_attributed_to_the_poll() -> None:
    text = 'In a Harbor Post poll 31 percent of residents reported feeling "very uneasy" about the port.'
    assert _quotes(text)["very uneasy"].speaker_text == "a Harbor Post poll"


def test_adverb_before_a_pronoun_speaker() -> None:
    text = 'Ada Quill has run the port since 2019.\n\nRecently she announced: "We will open two new berths next year."'
    assert _quotes(text)["We will open two new berths next year."].speaker_name == "Ada Quill"


def test_short_organisation_name_resolves_to_the_full_name() -> None:
    text = 'The Harbor Post first reported the plan on Monday.\n\n"The board has not voted," the Post reported.'
    assert _quotes(text)["The board has not voted,"].speaker_name == "the Harbor Post"
