"""Speaker rules of the quote stage: places, page furniture, datelines and running roles (fictional
sentences, one test per rule)."""

from __future__ import annotations

import pytest
from quote_helpers import quotes_by_text as _quotes

from storyline.nlp import names
from storyline.settings import quotes as cfg


def test_a_place_after_a_comma_is_not_the_speaker() -> None:
    # "Lena Tovey of Dunmore, North Kestrel says": the person, not the state she lives in
    assert names.split_name("Lena Tovey of Dunmore, North Kestrel").name == "Lena Tovey"
    assert names.split_name("North Kestrel").name is None
    assert names.split_name("Tom Young").name == "Tom Young"  # a first name keeps a person
    text = (
        "Kestrel votes.\n\n"
        'Lena Tovey of Dunmore, North Kestrel says she thinks Quill can "pull off a win" if she keeps '
        "going.\n"
    )
    assert _quotes(text)["pull off a win"].speaker_name == "Lena Tovey"


def test_page_furniture_and_adjective_compounds_are_not_names() -> None:
    found = [n for _o, n in names.person_names("Prize-winning author Ada Quill met FlagShareLikeReplyMara Vell.")]
    assert found == ["Ada Quill"]
    # two capitals inside a word are still a name
    assert [n for _o, n in names.person_names("Tom McDowan spoke.")] == ["Tom McDowan"]


def test_a_dateline_is_not_the_subject(monkeypatch: pytest.MonkeyPatch) -> None:
    text = (
        "Quill swipes at Brandt over the port.\n\n"
        "Kestrel (Harbor Wire) \u2013 Mayor Karen Quill has taken a swipe at her rival Tom Brandt over "
        "the harbour plan, saying that \u201cloud comments\u201d do more harm than good.\n"
    )
    assert _quotes(text)["loud comments"].speaker_name == "Karen Quill"
    monkeypatch.setattr(cfg, "SKIP_DATELINE", False)
    # the parser would otherwise read "saying" first, taking the subject nearest the verb
    monkeypatch.setattr(cfg, "PARTICIPLE_CUE_PARSED", False)
    monkeypatch.setattr(cfg, "NEAREST_PARSED_SUBJECT", False)
    assert _quotes(text)["loud comments"].speaker_name != "Karen Quill"


ROLE_TEXT = (
    "Brandt wants the ferry office back.\n\n"
    '"We will fix the harbour," Tom Brandt said on Monday.\n\n'
    "Mayor Ivo Lund said the ferry office would stay closed until the audit is done.\n\n"
    '"There is waste like nobody has seen," the Republican mayoral candidate said in an interview.\n\n'
    '"We ought to open it again this morning," he went on.\n'
)


def test_a_running_role_is_the_last_speaker_and_stays_salient(monkeypatch: pytest.MonkeyPatch) -> None:
    found = _quotes(ROLE_TEXT)
    candidate = found["There is waste like nobody has seen,"]
    assert candidate.speaker_text == "the Republican mayoral candidate"  # the printed words are kept
    assert candidate.speaker_name == "Tom Brandt"
    assert found["We ought to open it again this morning,"].speaker_name == "Tom Brandt"
    # without the rule the mayor, the last sentence subject, took the pronoun
    monkeypatch.setattr(cfg, "ROLE_TO_LAST_SPEAKER", False)
    assert _quotes(ROLE_TEXT)["We ought to open it again this morning,"].speaker_name == "Ivo Lund"


def test_an_office_someone_else_holds_is_not_the_last_speaker() -> None:
    text = (
        "Harbour case.\n\n"
        '"We will fix the harbour," Tom Brandt said on Monday.\n\n'
        '"The ferry office stays shut until the hearing," the judge said.\n'
    )
    judge = _quotes(text)["The ferry office stays shut until the hearing,"]
    assert judge.speaker_name != "Tom Brandt"
