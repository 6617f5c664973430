"""Cue words and reported-speech rules of the quote stage, on fictional sentences (one test per rule)."""

from __future__ import annotations

from quote_helpers import quotes_by_text as _quotes


def test_report_noun_after_determiner_is_the_speaker() -> None:
    # "the audit stated" keeps "report"-like nouns: "the report" is who speaks, not a trimmed "the"
    text = (
        "The harbour board published its yearly review on Monday.\n\n"
        '"Ferry traffic fell for the third year running," the report stated.'
    )
    q = _quotes(text)["Ferry traffic fell for the third year running,"]
    assert q.speaker_text == "the report"


def test_opined_is_an_inverted_cue() -> None:
    text = (
        "The council met late into the night.\n\n"
        '"Nobody should pay twice for the same bridge," opined councillor Edda Marsh.'
    )
    q = _quotes(text)["Nobody should pay twice for the same bridge,"]
    assert q.speaker_name == "Edda Marsh"


def test_retorted_after_the_quote() -> None:
    text = (
        'Tomas Orrin said the tolls were fair.\n\n"That is simply not true," Edda Marsh retorted on Tuesday.'
    )
    assert _quotes(text)["That is simply not true,"].speaker_name == "Edda Marsh"


def test_dotted_initials_do_not_end_the_speaker() -> None:
    text = (
        "The ferry strike entered its second week.\n\n"
        '"Nobody wants this to drag on," says J.R. Castellan, a union steward.'
    )
    q = _quotes(text)["Nobody wants this to drag on,"]
    assert q.speaker_name is not None and q.speaker_name.endswith("Castellan")


def test_bare_quote_after_indirect_speech_takes_its_subject() -> None:
    # the paragraph before reports what Orrin said without quoting him; the bare quote is his
    text = (
        "Ivo Brandt, the mayor, opened the session.\n\n"
        "Then, in March, Orrin said that the ferry budget would double.\n\n"
        '"That money has to come from somewhere, and it will come from the tolls."'
    )
    q = _quotes(text)["That money has to come from somewhere, and it will come from the tolls."]
    assert q.speaker_name is not None and q.speaker_name.endswith("Orrin")


def test_agrees_only_in_the_inverted_slot() -> None:
    text = (
        '"The tolls are too high," said Tomas Orrin.\n\n'
        '"We will not pay them forever," agrees Edda Marsh, a ferry captain.'
    )
    assert _quotes(text)["We will not pay them forever,"].speaker_name == "Edda Marsh"


def test_common_first_names_give_gender() -> None:
    # "he" skips the woman named last: Mariam is a known female first name
    text = (
        '"The chapel will stay open," said Dexter Holm, a minister in Kestrel.\n\n'
        "Mariam Vos, a regular at the chapel, arrived early every week for ten years.\n\n"
        '"She never missed a Sunday," he added.'
    )
    assert _quotes(text)["She never missed a Sunday,"].speaker_name == "Dexter Holm"


def test_next_sentence_cue_is_not_the_quotes() -> None:
    # the partial quote ends its sentence: "She praised ..." starts a new one about someone else
    text = (
        "The strike reached its third day.\n\n"
        "Edda Marsh, the mayor, called for calm.\n\n"
        "Tomas Orrin, the port director, accused the union in a long speech to dock workers at the old "
        "hall on Monday of \"holding the whole harbour hostage.\" She said the crews kept working."
    )
    q = _quotes(text)["holding the whole harbour hostage."]
    assert q.speaker_text == "Tomas Orrin" and q.cue == "accused"


def test_rank_before_a_lone_surname_is_a_pronoun_candidate() -> None:
    # the judge is only ever "Judge Berrow"; "he" after his ruling is him, not the lawyer named first
    text = (
        '"My client is innocent," said Edda Marsh, the defence lawyer.\n\n'
        "Judge Berrow ruled on Friday that the trial would go ahead in Kestrel.\n\n"
        '"The court has heard enough delay," he wrote.'
    )
    assert _quotes(text)["The court has heard enough delay,"].speaker_name == "Berrow"


def test_capitalised_pronoun_after_a_full_stop_opens_a_new_sentence() -> None:
    # "She said ..." starts the next sentence: its subject is not read as the quote's speaker
    text = (
        "Tomas Orrin, the port director, spoke first at the hall.\n\n"
        '"We will rebuild the harbour together, pier by pier." '
        "She said the ferries would run again on Monday, and Edda Marsh, the mayor, agreed."
    )
    q = _quotes(text)["We will rebuild the harbour together, pier by pier."]
    assert q.speaker_text != "She"


def test_a_share_of_respondents_is_a_speaker() -> None:
    text = (
        "The Kestrel Ledger asked 900 ferry users about the new timetable.\n\n"
        'Asked about the fares, 41 percent said they were "far too high" for a short crossing.'
    )
    q = _quotes(text)["far too high"]
    assert q.speaker_text == "41 percent"
