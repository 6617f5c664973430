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
AGENCY_TEXT = (
    "Ivo Brandt, a dock worker, saw the fire from the pier.\n\n"
    'A photographer for Agence Veltan-Presse called it "a wall of smoke."\n\n'
    '"We ran to the boats," he said.\n'
)
GERMAN_TITLE_TEXT = (
    "Police questioned Ivo Brandt, a dock worker, about the fire on the pier.\n\n"
    "One of Veltia's largest papers, Die Welle, closed its comment pages on Friday.\n\n"
    '"We ran to the boats," he said.\n'
)
PLACE_TEXT = (
    "Senator Piet Lund was at home when the news came from Marrow Bend Elementary School.\n\n"
    '"I drove straight there," Lund said.\n\n'
    "For Lund, Marrow Bend was never only a news story. "
    '"I have children the same age," he added.\n'
)
DEMONYM_TEXT = (
    "The council met on Monday, and Mayor Tomas Orrin greeted the newcomers at the pier.\n\n"
    '"We only want work on the boats," Veltans told the council, pointing to the Veltan refugee camp.\n\n'
    '"We will find them work," he said.\n'
)
MODIFIER_TEXT = (
    "Nora Quill thanked Ivan Brandt for the new campaign ad on Monday.\n\n"
    "The ad will run during the final of the Kestrel Borvana rowing cup on Sunday.\n\n"
    '"We will win this back," he said.\n'
)


@pytest.mark.parametrize(
    ("text", "quote", "switch", "with_rule", "without_rule"),
    [
        # "Kestrel Sun-Times reported": a newspaper's name ends in "Times", after a hyphen too
        pytest.param(OUTLET_TEXT, "I walked the whole way with my daughter,", "NONPERSON_OUTLET_SHAPE",
                     "Tomas Orrin", "Kestrel Sun-Times", id="outlet"),
        pytest.param(AGENCY_TEXT, "We ran to the boats,", "PRONOUN_NOT_NONPERSONS",
                     "Ivo Brandt", "Agence Veltan-Presse", id="news-agency"),
        # a German article and a noun is an outlet's name
        pytest.param(GERMAN_TITLE_TEXT, "We ran to the boats,", "NONPERSON_OUTLET_SHAPE",
                     "Ivo Brandt", "Die Welle", id="german-title"),
        # "Marrow Bend Elementary School": a name printed before a school is a place's
        pytest.param(PLACE_TEXT, "I have children the same age,", "NONPERSON_PLACE_CONTEXT",
                     "Piet Lund", "Marrow Bend", id="place"),
        # "Veltans" beside "Veltan refugee camp": a people, not a "he"
        pytest.param(DEMONYM_TEXT, "We will find them work,", "NONPERSON_DEMONYMS",
                     "Tomas Orrin", "Veltans", id="plural-nationality"),
        # "the Kestrel Borvana rowing cup": neither the run nor its last word "Borvana" is a person
        pytest.param(MODIFIER_TEXT, "We will win this back,", "MODIFIER_WHOLE_RUN",
                     "Ivan Brandt", "Kestrel Borvana", id="surname-in-modifier-run"),
    ],
)
def test_a_pronoun_never_resolves_to_a_non_person(
    monkeypatch: pytest.MonkeyPatch, text: str, quote: str, switch: str, with_rule: str, without_rule: str
) -> None:
    on, off = quote_with_and_without(monkeypatch, text, quote, switch)
    assert on.speaker_name == with_rule
    assert off.speaker_name == without_rule
