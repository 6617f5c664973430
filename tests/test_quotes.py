"""Quote extraction on fictional news (outlets and people invented for these tests)."""

from __future__ import annotations

import pytest

from storyline.model import Article, Quote
from storyline.nlp.quotes import extract_quotes
from storyline.nlp.spacy_model import load_nlp, nlp_status

STORY = """Harbour talks stall as envoys trade barbs

KESTREL CITY \u2014 Pact Secretary-General Ilse Varga warned on Monday that talks were "far from over."

"We are not giving up," Varga told the Daily Lantern. "But we need more time."

Kestrel's ambassador to the Pact, Tomas Bright, said: "Nobody should expect a deal this week."

"The door is open," said Oren Malick, the Valmoran foreign minister, adding that his side was ready.

\u201cWe all want this to end,\u201d he said, \u201cbut not at any price.\u201d

A senior Pact official, who asked not to be named, said the plan risked becoming "a sanctions trap" for all.

"Our partners have been clear about the timetable," the official added.

The so-called "peace dividend" never came. Her memoir, "The Long Winter Of Kestrel," sold well.

"This is the first paragraph of a long statement that keeps going on the subject of the harbour,

"and this is the second paragraph of it, which ends the statement here," Varga claimed.

\u201cWe were never told about the fishing quotas,\" Malick admitted.

"The minister said 'no' three times before lunch," Bright recalled.
"""


def _by_text(quotes: list[Quote]) -> dict[str, Quote]:
    return {q.text: q for q in quotes}


@pytest.fixture(scope="module")
def story_quotes() -> dict[str, Quote]:
    out = extract_quotes([Article(id="a1", source="test", text=STORY, published="2031-03-04")])
    return _by_text(out["a1"])


def test_offsets_point_inside_the_marks(story_quotes: dict[str, Quote]) -> None:
    for q in story_quotes.values():
        assert STORY[q.start : q.end] == q.text
        assert STORY[q.start - 1] in '"\u201c' or STORY[q.start - 1] == "\n"
        assert q.id.startswith("q") and q.article == "a1"


def test_trailing_cue_with_object(story_quotes: dict[str, Quote]) -> None:
    q = story_quotes["We are not giving up,"]
    assert q.kind == "direct"
    assert q.speaker_text == "Varga"
    assert q.speaker_name == "Ilse Varga"
    assert q.speaker_role == "Pact Secretary-General"
    assert q.cue == "told the Daily Lantern"
    assert q.cue_class == "neutral"


def test_second_sentence_after_cue_keeps_speaker(story_quotes: dict[str, Quote]) -> None:
    q = story_quotes["But we need more time."]
    assert q.kind == "direct"
    assert q.speaker_name == "Ilse Varga"


def test_colon_introduction_with_apposition(story_quotes: dict[str, Quote]) -> None:
    q = story_quotes["Nobody should expect a deal this week."]
    assert q.speaker_name == "Tomas Bright"
    assert q.speaker_role == "Kestrel's ambassador to the Pact"
    assert q.cue == "said"


def test_inverted_cue_with_role(story_quotes: dict[str, Quote]) -> None:
    q = story_quotes["The door is open,"]
    assert q.speaker_name == "Oren Malick"
    assert q.speaker_role == "Valmoran foreign minister"


def test_split_quote_is_two_quotes_one_speaker(story_quotes: dict[str, Quote]) -> None:
    a = story_quotes["We all want this to end,"]
    b = story_quotes["but not at any price."]
    assert a.speaker_text == "he" and a.speaker_name == "Oren Malick"
    assert b.speaker_name == "Oren Malick"
    assert a.kind == b.kind == "direct"


def test_partial_quote_and_unnamed_source(story_quotes: dict[str, Quote]) -> None:
    far = story_quotes["far from over."]
    assert far.kind == "partial" and far.speaker_name == "Ilse Varga"
    trap = story_quotes["a sanctions trap"]
    assert trap.kind == "partial"
    assert trap.speaker_name == "A senior Pact official"
    later = story_quotes["Our partners have been clear about the timetable,"]
    assert later.speaker_text == "the official"
    assert later.speaker_name == "A senior Pact official"  # tied to the description, not a person


def test_scare_quotes_and_titles_are_not_speech(story_quotes: dict[str, Quote]) -> None:
    assert "peace dividend" not in story_quotes
    assert not any("Long Winter" in t for t in story_quotes)


def test_multi_paragraph_quote(story_quotes: dict[str, Quote]) -> None:
    first = next(q for t, q in story_quotes.items() if t.startswith("This is the first paragraph"))
    second = next(q for t, q in story_quotes.items() if t.startswith("and this is the second"))
    assert "\n" not in first.text
    assert first.speaker_name == second.speaker_name == "Ilse Varga"
    assert second.cue == "claimed" and second.cue_class == "loaded"


def test_mixed_marks_and_loaded_cue(story_quotes: dict[str, Quote]) -> None:
    q = story_quotes["We were never told about the fishing quotas,"]
    assert q.speaker_name == "Oren Malick"
    assert q.cue == "admitted" and q.cue_class == "loaded"


def test_quote_inside_a_quote_stays_inside(story_quotes: dict[str, Quote]) -> None:
    q = story_quotes["The minister said 'no' three times before lunch,"]
    assert q.speaker_name == "Tomas Bright"
    assert not any(t == "no" for t in story_quotes)


def test_according_to_and_told() -> None:
    text = (
        "The port will reopen in May, according to Lena Ostrova, the harbour master.\n\n"
        '"Ships are waiting outside the breakwater," according to Lena Ostrova.\n\n'
        'Ostrova told reporters: "We have cleared the channel."'
    )
    qs = extract_quotes([Article(id="b", source="t", text=text)])["b"]
    by = _by_text(qs)
    assert by["Ships are waiting outside the breakwater,"].cue == "according to"
    assert by["Ships are waiting outside the breakwater,"].speaker_name == "Lena Ostrova"
    assert by["We have cleared the channel."].speaker_name == "Lena Ostrova"
    assert by["We have cleared the channel."].cue == "told reporters"


def test_non_english_skipped() -> None:
    art = Article(id="fr", source="t", text="\u00ab Nous restons \u00bb, a dit le ministre.", language="fr")
    assert extract_quotes([art]) == {"fr": []}


def test_unbalanced_marks_invent_nothing() -> None:
    text = (
        'The council met "briefly on Tuesday and adjourned.\n\n'
        'Nobody spoke after that." The vote is next week.\n\n'
        'A stray closing mark" appears here and an opening one " there.'
    )
    qs = extract_quotes([Article(id="u", source="t", text=text)])["u"]
    assert qs == []


def test_one_long_quote_article() -> None:
    body = "\n\n".join(
        '"' + "The harbour will stay open as long as the boats keep coming. " * 3 for _ in range(30)
    )
    qs = extract_quotes([Article(id="l", source="t", text=body)])["l"]
    for q in qs:
        assert body[q.start : q.end] == q.text
    assert all(q.speaker_name is None for q in qs)  # nobody was named: no speaker invented


def test_two_hundred_quotes() -> None:
    paras = [
        f'"Line number {i} of the inquiry is read into the record," Clerk Ada Fenwick said.'
        for i in range(200)
    ]
    text = "\n\n".join(paras)
    qs = extract_quotes([Article(id="m", source="t", text=text)])["m"]
    assert len(qs) == 200
    assert {q.speaker_name for q in qs} == {"Ada Fenwick"}


def test_empty_and_markless_articles() -> None:
    out = extract_quotes(
        [Article(id="e", source="t", text=""), Article(id="n", source="t", text="No quotes here.")]
    )
    assert out == {"e": [], "n": []}


def test_nlp_status_is_explicit() -> None:
    load_nlp()
    status = nlp_status()
    assert status.startswith("spacy ") or status.startswith("regex-only")


def test_regex_only_fallback_still_attributes(monkeypatch: pytest.MonkeyPatch) -> None:
    import storyline.nlp.quotes as quotes_mod

    monkeypatch.setattr(quotes_mod, "load_nlp", lambda: None)
    by = _by_text(extract_quotes([Article(id="r", source="t", text=STORY)])["r"])
    assert by["We are not giving up,"].speaker_name == "Ilse Varga"
    assert by["Nobody should expect a deal this week."].speaker_name == "Tomas Bright"


def test_missing_model_is_reported_not_silent(monkeypatch: pytest.MonkeyPatch) -> None:
    import spacy

    import storyline.nlp.spacy_model as sm

    saved = sm._status

    def no_model(name: str, **_: object) -> None:
        raise OSError(f"[E050] Can't find model '{name}'")

    monkeypatch.setattr(spacy, "load", no_model)
    try:
        assert sm.load_nlp.__wrapped__() is None
        assert sm.nlp_status().startswith("regex-only")
        assert "en_core_web_sm" in sm.nlp_status()
    finally:
        sm._status = saved


def test_garbage_input_never_crashes() -> None:
    import random

    rng = random.Random(3)
    pieces = [
        '"',
        "\u201c",
        "\u201d",
        "'",
        "\u2019",
        ",",
        ".",
        ":",
        "\n",
        "\n\n",
        " he said",
        " said Ann Lark",
        " word",
        " Word",
        " according to",
        " \u2014 ",
    ]
    arts = [
        Article(id=f"g{i}", source="t", text="".join(rng.choice(pieces) for _ in range(rng.randint(0, 300))))
        for i in range(200)
    ]
    out = extract_quotes(arts)
    for art in arts:
        for q in out[art.id]:
            assert 0 <= q.start <= q.end <= len(art.text)
            assert art.text[q.start : q.end] == q.text


def test_partial_quote_takes_sentence_subject() -> None:
    text = (
        "Port spokesman Ivo Rask arrived late.\n\n"
        'The spokesman sought calm on Friday, saying the crossing was "not yet lost" to the storms.'
    )
    qs = extract_quotes([Article(id="s", source="t", text=text)])["s"]
    assert len(qs) == 1 and qs[0].kind == "partial"
    assert qs[0].speaker_text == "The spokesman"
    assert qs[0].speaker_name == "Ivo Rask"
