"""Speakers of quote paragraphs with no cue of their own: colon introductions, a surname opening
the sentence before, transcript labels, and the earlier speaker carried over (fictional text)."""

from __future__ import annotations

from quote_helpers import quotes_by_text as _quotes


def test_statement_introduced_by_colon_paragraph() -> None:
    text = (
        "Storm damage closed the Merrow ferry on Tuesday.\n\n"
        "In response, harbour commissioner Ada Quillfeather issued the following statement:\n\n"
        '"Our crews are working through the night to reopen the crossing safely."\n'
    )
    q = _quotes(text)["Our crews are working through the night to reopen the crossing safely."]
    assert q.speaker_name == "Ada Quillfeather"


def test_bare_quote_after_surname_sentence() -> None:
    text = (
        "Ferrin Dale, the Lantern Bay mayor, toured the flooded quay on Monday.\n\n"
        "Later the council met behind closed doors.\n\n"
        "Quillan praised the volunteers who filled sandbags through the weekend.\n\n"
        '"They saved the old market, and I will not forget it."\n'
    )
    q = _quotes(text)["They saved the old market, and I will not forget it."]
    assert q.speaker_text is None or "Quillan" in q.speaker_text
    assert q.speaker_name is not None and "Quillan" in q.speaker_name


def test_transcript_labels_name_the_speaker() -> None:
    text = (
        "Part of the interview on the Harbour Hour follows.\n\n"
        '"HARLOW: Minister, did the ferry company warn you about the storm?\n\n'
        '"BRASKET: We had two warnings, and we acted on both of them the same day."\n'
    )
    qs = _quotes(text)
    first = next(q for t, q in qs.items() if t.startswith("HARLOW"))
    second = next(q for t, q in qs.items() if t.startswith("BRASKET"))
    assert first.speaker_text == "Harlow"
    assert second.speaker_text == "Brasket"


def test_label_before_the_quote_and_interviewer() -> None:
    text = (
        'Ada Quillfeather: "The crossing reopens on Friday, weather permitting."\n\n'
        '"Q: Will fares go up after the repairs to the quay?"\n'
    )
    qs = _quotes(text)
    assert qs["The crossing reopens on Friday, weather permitting."].speaker_name == "Ada Quillfeather"
    q = next(q for t, q in qs.items() if t.startswith("Q:"))
    assert q.speaker_text == "the interviewer"


def test_titles_with_colons_are_not_labels() -> None:
    text = 'Critics panned the sequel, "Harbour Lights: The Return of the Tide," in reviews on Sunday.\n'
    for q in _quotes(text).values():
        assert q.speaker_text != "Harbour Lights"


def test_bare_quote_paragraph_continues_earlier_speaker() -> None:
    text = (
        '"We will rebuild the sea wall before winter," said Ilse Varrow, the harbour engineer.\n\n'
        "The wall was last repaired in 2019.\n\n"
        '"Every tide that passes without repairs makes the job harder."\n'
    )
    q = _quotes(text)["Every tide that passes without repairs makes the job harder."]
    assert q.speaker_name == "Ilse Varrow"
