"""A "he" or "she" never resolves to a place, an outlet or an organisation (fictional articles).

Each case has the shape of an error seen on real news: a newspaper that "reported" right before a
bare "he said", a town that opens a sentence, a plural nationality word left as a speaker, and a
name used as a modifier inside a longer capitalised run.
"""

from __future__ import annotations

import pytest
from quote_helpers import quote_with_and_without

OUTLET_TEXT = (
    "Tomas Orrin, a ferry pilot, joined the march on Sunday.\n\n"
    "Kestrel Sun-Times reported that marchers carried lanterns along the quay.\n\n"
    '"I walked the whole way with my daughter," he said.\n'
)


def test_an_outlet_is_no_pronoun_antecedent(monkeypatch: pytest.MonkeyPatch) -> None:
    # "Kestrel Sun-Times reported": a newspaper's name ends in "Times", after a hyphen too
    on, off = quote_with_and_without(
        monkeypatch, OUTLET_TEXT, "I walked the whole way with my daughter,", "NONPERSON_OUTLET_SHAPE")
    assert on.speaker_name == "Tomas Orrin"
    assert off.speaker_name == "Kestrel Sun-Times"


AGENCY_TEXT = (
    "Ivo Brandt, a dock worker, saw the fire from the pier.\n\n"
    'A photographer for Agence Veltan-Presse called it "a wall of smoke."\n\n'
    '"We ran to the boats," he said.\n'
)


def test_a_news_agency_is_no_pronoun_antecedent(monkeypatch: pytest.MonkeyPatch) -> None:
    on, off = quote_with_and_without(monkeypatch, AGENCY_TEXT, "We ran to the boats,", "PRONOUN_NOT_NONPERSONS")
    assert on.speaker_name == "Ivo Brandt"
    assert off.speaker_name == "Agence Veltan-Presse"


GERMAN_TITLE_TEXT = (
    "Police questioned Ivo Brandt, a dock worker, about the fire on the pier.\n\n"
    "One of Veltia's largest papers, Die Welle, closed its comment pages on Friday.\n\n"
    '"We ran to the boats," he said.\n'
)


def test_a_german_article_and_a_noun_is_an_outlet(monkeypatch: pytest.MonkeyPatch) -> None:
    on, off = quote_with_and_without(monkeypatch, GERMAN_TITLE_TEXT, "We ran to the boats,", "NONPERSON_OUTLET_SHAPE")
    assert on.speaker_name == "Ivo Brandt"
    assert off.speaker_name == "Die Welle"


PLACE_TEXT = (
    "Senator Piet Lund was at home when the news came from Marrow Bend Elementary School.\n\n"
    '"I drove straight there," Lund said.\n\n'
    "For Lund, Marrow Bend was never only a news story. "
    '"I have children the same age," he added.\n'
)


def test_a_place_is_no_pronoun_antecedent(monkeypatch: pytest.MonkeyPatch) -> None:
    # "Marrow Bend Elementary School": a name printed before a school is a place's
    on, off = quote_with_and_without(
        monkeypatch, PLACE_TEXT, "I have children the same age,", "NONPERSON_PLACE_CONTEXT")
    assert on.speaker_name == "Piet Lund"
    assert off.speaker_name == "Marrow Bend"


DEMONYM_TEXT = (
    "The council met on Monday, and Mayor Tomas Orrin greeted the newcomers at the pier.\n\n"
    '"We only want work on the boats," Veltans told the council, pointing to the Veltan refugee camp.\n\n'
    '"We will find them work," he said.\n'
)


def test_a_plural_nationality_is_no_pronoun_antecedent(monkeypatch: pytest.MonkeyPatch) -> None:
    # "Veltans" beside "Veltan refugee camp": a people, not a "he"
    on, off = quote_with_and_without(monkeypatch, DEMONYM_TEXT, "We will find them work,", "NONPERSON_DEMONYMS")
    assert on.speaker_name == "Tomas Orrin"
    assert off.speaker_name == "Veltans"


MODIFIER_TEXT = (
    "Nora Quill thanked Ivan Brandt for the new campaign ad on Monday.\n\n"
    "The ad will run during the final of the Kestrel Borvana rowing cup on Sunday.\n\n"
    '"We will win this back," he said.\n'
)


def test_a_surname_inside_a_modifier_run_is_a_modifier(monkeypatch: pytest.MonkeyPatch) -> None:
    # "the Kestrel Borvana rowing cup": neither the run nor its last word "Borvana" is a person
    on, off = quote_with_and_without(monkeypatch, MODIFIER_TEXT, "We will win this back,", "MODIFIER_WHOLE_RUN")
    assert on.speaker_name == "Ivan Brandt"
    assert off.speaker_name == "Kestrel Borvana"
