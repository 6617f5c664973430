"""Two apostrophes as double quotation marks (''like this''), as newspaper databases print them: the
text rewrite, the quote stage and the scorer's gold (fictional texts)."""

from __future__ import annotations

from pathlib import Path

import pytest
from quote_helpers import quotes_by_text
from test_quotes_referent import _gold

from storyline.settings import quotes as cfg
from storyline.text.normalize import double_apostrophe_marks

ARCHIVE_TEXT = (
    "Ferry fares rise again.\n\n"
    "The harbour board raised fares for the third time this year on Monday.\n\n"
    "''We had no other way to keep the boats running,'' said Karen Quill, the board's chairwoman. "
    "''The 'winter rate' ends in March.''\n\n"
    "Tom Brandt, a dock worker, was not convinced. ''They say that every year,'' he said, ''and every "
    "year the fares go up.''\n\n"
    "Mr. Brandt's union called the rise ''a tax on the islands.''\n"
)


def test_the_rewrite_keeps_every_offset_and_turns_each_pair_into_one_mark() -> None:
    marked = double_apostrophe_marks(ARCHIVE_TEXT)
    assert len(marked) == len(ARCHIVE_TEXT)
    assert "''" not in marked
    assert marked.count('"') == ARCHIVE_TEXT.count("''") == 10
    # the mark sits against the quoted words, the padding space on its outer side
    assert ' "We had no other way' in marked
    assert 'running,"  said' in marked
    # a single quote inside the quote stays as printed
    assert "'winter rate'" in marked
    # an inch mark after a digit is no quotation mark
    heights = "''We need height,'' the coach said of the 6'8'' forward. ''He runs too.''"
    marked = double_apostrophe_marks(heights)
    assert "6'8'' forward" in marked and marked.count('"') == 4
    # a quoted number is still a quote
    assert double_apostrophe_marks("Dial ''1'' for English, ''now''.").count('"') == 4
    # a closing single quote before the closing double mark ('''): the first apostrophe is kept
    assert double_apostrophe_marks("He said ''no 'way''' and ''never.''") == "He said  \"no 'way'\"  and  \"never.\" "


@pytest.mark.parametrize(
    "text",
    [
        '"We won," she said. Rock of the \'70s and \'\'80s.',  # the text has real double marks
        "The fleet's crews'' pay rose.",  # one stray pair of apostrophes: no mark to pair it with
        "No quotation marks here at all.",
    ],
)
def test_texts_that_do_not_print_marks_as_apostrophes_come_back_unchanged(text: str) -> None:
    assert double_apostrophe_marks(text) == text


def test_the_quote_stage_reads_quotes_printed_with_double_apostrophes(monkeypatch: pytest.MonkeyPatch) -> None:
    found = quotes_by_text(ARCHIVE_TEXT)
    first = found["We had no other way to keep the boats running,"]
    assert first.kind == "direct" and first.speaker_name == "Karen Quill"
    assert found["The 'winter rate' ends in March."].speaker_name == "Karen Quill"
    split = found["They say that every year,"]
    assert split.speaker_text == "he" and split.speaker_name == "Tom Brandt"
    assert found["and every year the fares go up."].speaker_name == "Tom Brandt"
    # the quote's text and offsets are the printed ones
    assert ARCHIVE_TEXT[split.start : split.end] == split.text
    monkeypatch.setattr(cfg, "DOUBLE_APOSTROPHE_MARKS", False)
    assert quotes_by_text(ARCHIVE_TEXT) == {}


def test_the_scorer_takes_gold_quotes_inside_double_apostrophes(tmp_path: Path) -> None:
    gold = _gold(
        tmp_path,
        ARCHIVE_TEXT,
        [
            ("Karen Quill, the board's chairwoman", "We had no other way to keep the boats running,"),
            ("he", "They say that every year,"),
        ],
    )
    assert [ARCHIVE_TEXT[g.start : g.end] for g in gold] == [
        "We had no other way to keep the boats running,",
        "They say that every year,",
    ]
    assert gold[1].referent is None  # the only earlier Source is a woman


def test_the_analysis_sees_quotes_printed_with_double_apostrophes() -> None:
    from storyline.analyze.sentences import quoted_share, strip_quotes

    sentence = "''The port will stay open all winter,'' Karen Quill said."
    assert quoted_share(sentence) > 0.5
    assert strip_quotes(sentence).split() == ["QUOTE", "Karen", "Quill", "said."]
    # PTB text keeps its own pairs; an apostrophe alone is no quote
    assert strip_quotes("``A,'' he said, ``B.''").split() == ["QUOTE", "he", "said,", "QUOTE"]
    assert quoted_share("The '90s were loud.") == 0.0
