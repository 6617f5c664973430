"""Speaker rules of the quote stage: kin appositions as pronoun antecedents and function words that
open a sentence (fictional sentences, one test per rule)."""

from __future__ import annotations

import pytest
from quote_helpers import quotes_by_text as _quotes

from storyline.nlp import names
from storyline.settings import quotes as cfg

KIN_TEXT = (
    "Lund keeps his seat in the harbour race.\n\n"
    'Mayor Ivo Lund called the ferry plan "a gift to the city" on Monday.\n\n'
    "Governor Mara Quill said the vote was close.\n\n"
    "But his wife, Elsa, spoke to supporters at the pier after the count.\n\n"
    '"We never stopped believing in this town," she said.\n\n'
    "Quill's husband, Piet, 52, thanked the volunteers in a short speech.\n\n"
    '"They carried this campaign on their backs," he said.\n'
)


def test_a_kin_apposition_names_the_person_a_pronoun_refers_to(monkeypatch: pytest.MonkeyPatch) -> None:
    found = _quotes(KIN_TEXT)
    # "his wife, Elsa,": a woman named by her given name, the subject of her sentence
    assert found["We never stopped believing in this town,"].speaker_name == "Elsa"
    # "Quill's husband, Piet,": the possessor lends the surname; "he" skips the women before him
    assert found["They carried this campaign on their backs,"].speaker_name == "Piet Quill"
    monkeypatch.setattr(cfg, "KIN_APPOSITION", False)
    found = _quotes(KIN_TEXT)
    assert found["We never stopped believing in this town,"].speaker_name == "Mara Quill"
    assert found["They carried this campaign on their backs,"].speaker_name != "Piet Quill"


def test_an_article_or_ever_opening_a_sentence_is_not_a_speaker() -> None:
    # ARTICLES_NOT_SUBJECTS is read when the module loads, so only the rule's effect is checked here
    text = (
        '"The fleet is ready," said Tomas Brandt, 61, a ferry captain from Kestrel. An old hand at the '
        'docks, he plans to sail all winter. "We sail at dawn every day until the ice comes."\n'
    )
    assert _quotes(text)["We sail at dawn every day until the ice comes."].speaker_name == "Tomas Brandt"
    text = (
        "Quill opens the market.\n\n"
        "Ever since Ada Quill opened the market, she has said the same thing at every stall and every "
        'fair: "Buy local, eat well."\n'
    )
    assert _quotes(text)["Buy local, eat well."].speaker_name == "Ada Quill"


LEAD_TEXT = (
    "Former harbour chief Lund calls Quill's plan 'reckless.'\n\n"
    "KESTREL, Bor. (Harbor Wire) \u2014 Count former mayor Tom Lund among Karen Quill's Biggest Detractors.\n\n"
    '"Nobody should pay for such a useless wall," Lund told the Kestrel Courier on Saturday.\n\n'
    "Quill has made the wall the centre of her campaign for mayor.\n\n"
    '"We will build it, and the port will pay," she said.\n'
)


def test_a_full_name_in_a_headline_style_line_still_names_later_surnames(monkeypatch: pytest.MonkeyPatch) -> None:
    # the lead reads as a title-case line, so its names are no antecedents; "Quill" later still is Karen Quill
    assert _quotes(LEAD_TEXT)["We will build it, and the port will pay,"].speaker_name == "Karen Quill"
    monkeypatch.setattr(cfg, "HEADLINE_NAMES_KNOWN", False)
    assert _quotes(LEAD_TEXT)["We will build it, and the port will pay,"].speaker_name == "Lund"


APOSTROPHE_TEXT = (
    "Three rivals meet voters in Kestrel.\n\n"
    "Candidates Ada Quill, Tom Brandt and Liam O'Rourke took questions at the ferry hall.\n\n"
    "Brandt, the former harbour master, said the port needed money.\n\n"
    "O'Rourke, the youngest of the three, stressed his record on schools.\n\n"
    '"I have always liked a tough fight," he said.\n'
)


def test_a_surname_with_an_apostrophe_ends_a_name(monkeypatch: pytest.MonkeyPatch) -> None:
    found = [n for _o, n in names.person_names("Liam O'Rourke met Dara D\u2019Souza and Ada Quill's aides.")]
    assert found == ["Liam O'Rourke", "Dara D\u2019Souza", "Ada Quill"]
    assert _quotes(APOSTROPHE_TEXT)["I have always liked a tough fight,"].speaker_name == "Liam O'Rourke"
    monkeypatch.setattr(cfg, "NAME_APOSTROPHE_SURNAMES", False)
    assert _quotes(APOSTROPHE_TEXT)["I have always liked a tough fight,"].speaker_name == "Tom Brandt"


PARTICIPLE_TEXT = (
    "Rebels plan a floor fight.\n\n"
    "Ferry owner Gus Humber said the port board had no answers.\n\n"
    "Humber, for example, said he hopes the revolt ends in Piet Varlo claiming the chair, even though many "
    "rebels backed Tom Brandt.\n\n"
    '"The first thing is to stop the board on the first vote," he said.\n'
)


def test_a_name_before_a_participle_cue_is_not_a_subject(monkeypatch: pytest.MonkeyPatch) -> None:
    # "ends in Piet Varlo claiming the chair": a participle, so "he" stays with the sentence's subject
    assert _quotes(PARTICIPLE_TEXT)["The first thing is to stop the board on the first vote,"].speaker_name == (
        "Gus Humber"
    )
    monkeypatch.setattr(cfg, "CUE_SUBJECT_FINITE_ONLY", False)
    assert _quotes(PARTICIPLE_TEXT)["The first thing is to stop the board on the first vote,"].speaker_name == (
        "Piet Varlo"
    )


APPOSITION_TEXT = (
    "Harbour race turns on small donors.\n\n"
    "Tom Brandt said the ferry lobby had given money to Ivo Lund.\n\n"
    "Dock worker Piet Varlo, wearing a cap covered in Lund buttons, said he is proud of the campaign. "
    '"He is doing it the old way," he said.\n'
)


def test_a_name_with_an_apposition_before_its_cue_is_a_subject(monkeypatch: pytest.MonkeyPatch) -> None:
    assert _quotes(APPOSITION_TEXT)["He is doing it the old way,"].speaker_name == "Piet Varlo"
    monkeypatch.setattr(cfg, "CUE_SUBJECT_APPOSITION", False)
    assert _quotes(APPOSITION_TEXT)["He is doing it the old way,"].speaker_name == "Tom Brandt"
    # a name after a preposition, or one whose apposition is itself a name, is no subject
    text = (
        "Port owners split.\n\n"
        "Tom Brandt said the lease was fair.\n\n"
        "Ivo Lund, chairman of the board of Harbor Partners, the port's owner, said the lease was fair. "
        '"We will not move," he said.\n'
    )
    assert _quotes(text)["We will not move,"].speaker_name == "Ivo Lund"


PREPOSITION_TEXT = (
    "Quill goes on the attack.\n\n"
    "Mayor Karen Quill first thanked the ferry crews. And then Quill went fully on the attack, saying, "
    '"Is the council ever going to fix the docks?"\n\n'
    'Council leader Tom Brandt pledged on Monday to stop using the word "ghost town" during the rest of his '
    'campaign, saying he had made a "poor choice of words" at the pier.\n'
)


def test_a_prepositional_object_before_a_cue_is_not_the_speaker(monkeypatch: pytest.MonkeyPatch) -> None:
    found = _quotes(PREPOSITION_TEXT)
    assert found["Is the council ever going to fix the docks?"].speaker_name == "Karen Quill"
    assert found["poor choice of words"].speaker_name == "Tom Brandt"
    monkeypatch.setattr(cfg, "PREPOSITION_OBJECT_NOT_SPEAKER", False)
    # both cues are participles after a comma, which the parser now reads first: the regex path alone
    monkeypatch.setattr(cfg, "PARTICIPLE_CUE_PARSED", False)
    found = _quotes(PREPOSITION_TEXT)
    assert found["Is the council ever going to fix the docks?"].speaker_name == "the attack"
    assert found["poor choice of words"].speaker_name == "the rest of his campaign"


ADVERBIAL_TEXT = (
    "Ferry vote passes.\n\n"
    '"This is a great day for the harbour," the port board said in a statement.\n\n'
    "On the other side, Sen. Ivo Lund (D-Bor.), a critic of the board, tweeted a warning. "
    '"Remember in November who sold the docks."\n'
)


def test_a_bare_quote_takes_the_name_after_an_opening_adverbial(monkeypatch: pytest.MonkeyPatch) -> None:
    assert _quotes(ADVERBIAL_TEXT)["Remember in November who sold the docks."].speaker_name == "Ivo Lund"
    monkeypatch.setattr(cfg, "PREVIOUS_SUBJECT_AFTER_ADVERBIAL", False)
    assert _quotes(ADVERBIAL_TEXT)["Remember in November who sold the docks."].speaker_name == "the port board"


RELATIVE_TEXT = (
    "Quill softens her tone in Varno.\n\n"
    'Mayor Karen Quill praised the ferry pact, which Tom Brandt had called a "disaster" in May.\n\n'
    'Much of the anger was directed at Ivo Lund, who Quill on Wednesday called "a broken man."\n'
)


def test_a_relative_clause_with_its_own_subject_names_the_speaker(monkeypatch: pytest.MonkeyPatch) -> None:
    found = _quotes(RELATIVE_TEXT)
    assert found["disaster"].speaker_name == "Tom Brandt"
    assert found["a broken man."].speaker_name == "Karen Quill"
    monkeypatch.setattr(cfg, "RELATIVE_CLAUSE_SUBJECT", False)
    found = _quotes(RELATIVE_TEXT)
    assert found["disaster"].speaker_name == "Karen Quill"
    assert found["a broken man."].speaker_name == "Ivo Lund"


HEADLINE_ADJECTIVE_TEXT = (
    "Understated Lund raises his profile on the docks.\n\n"
    "KESTREL \u2014 Harbour Secretary Tom Lund spent the day with ferry crews.\n\n"
    'Lund listened more than he spoke. "We owe these crews a stable wage," he said.\n'
)


def test_a_surname_stands_for_the_full_name_with_a_first_name(monkeypatch: pytest.MonkeyPatch) -> None:
    # the headline's "Understated Lund" is no person; "Lund" is Tom Lund
    assert _quotes(HEADLINE_ADJECTIVE_TEXT)["We owe these crews a stable wage,"].speaker_name == "Tom Lund"
    monkeypatch.setattr(cfg, "SURNAME_KNOWN_FIRST_NAME", False)
    assert _quotes(HEADLINE_ADJECTIVE_TEXT)["We owe these crews a stable wage,"].speaker_name == "Understated Lund"
