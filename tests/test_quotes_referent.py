"""The scorer's stand-in referent for pronoun Sources, on fictional PolNeAR-shaped files."""

from __future__ import annotations

from pathlib import Path

from storyline.evaluate.quotes import (
    GoldQuote,
    _ArticlePeople,
    _names_one_person,
    _resolved_ok,
    _source_gender,
    load_polnear,
    score,
)
from storyline.model import Quote


def _write(folder: Path, name: str, text: str, attributions: list[tuple[str, str]]) -> None:
    """One article with its .ann file: each attribution is (Source words, quoted words), both
    found in order in the text (the Source after the previous quote)."""
    (folder / "text").mkdir(parents=True, exist_ok=True)
    (folder / "attributions").mkdir(parents=True, exist_ok=True)
    (folder / "text" / f"{name}.txt").write_text(text, encoding="utf-8")
    lines: list[str] = []
    pos = 0
    for k, (source, content) in enumerate(attributions):
        c = text.index(content, pos)
        before = text.find(source, pos, c)
        s = before if before >= 0 else text.index(source, c + len(content))
        t = 3 * k
        lines.append(f"T{t + 1}\tSource {s} {s + len(source)}\t{source}")
        lines.append(f"T{t + 2}\tContent {c} {c + len(content)}\t{content}")
        lines.append(f"T{t + 3}\tAttribution {s} {s + len(source)}\t{source}")
        lines.append(f"E{k + 1}\tAttribution:T{t + 3} Content:T{t + 2} Source:T{t + 1}")
        pos = max(c + len(content), s + len(source))
    (folder / "attributions" / f"{name}_a1.ann").write_text("\n".join(lines) + "\n", encoding="utf-8")


def _gold(tmp_path: Path, text: str, attributions: list[tuple[str, str]]) -> list[GoldQuote]:
    _write(tmp_path, "story", text, attributions)
    return load_polnear(tmp_path)[1]


def test_she_skips_a_man_named_in_between(tmp_path: Path) -> None:
    text = (
        "Ferry fares.\n\n"
        '"The ferries will run on time," said Karen Quill, the harbour chief.\n\n'
        '"Fees must fall first," said Tom Brandt, a dock worker.\n\n'
        '"We will not wait for the council," she said.\n'
    )
    gold = _gold(
        tmp_path,
        text,
        [
            ("Karen Quill, the harbour chief", "The ferries will run on time,"),
            ("Tom Brandt, a dock worker", "Fees must fall first,"),
            ("she", "We will not wait for the council,"),
        ],
    )
    she = gold[-1]
    assert she.source == "she"
    assert she.nearest_source == "Tom Brandt, a dock worker"  # the earlier stand-in
    assert she.referent == "Karen Quill, the harbour chief"


def test_he_skips_sites_groups_and_plural_nouns(tmp_path: Path) -> None:
    text = (
        "Dock strike.\n\n"
        '"Nobody asked us," said Tom Brandt, who leads the dockers.\n\n'
        '"Listings will stay up," Harborline.com said in a statement.\n\n'
        '"Pay the crews," Supporters chanted outside.\n\n'
        '"We stand together," Quill and Mertz wrote.\n\n'
        '"I will keep striking," he said.\n'
    )
    gold = _gold(
        tmp_path,
        text,
        [
            ("Tom Brandt, who leads the dockers", "Nobody asked us,"),
            ("Harborline.com", "Listings will stay up,"),
            ("Supporters", "Pay the crews,"),
            ("Quill and Mertz", "We stand together,"),
            ("he", "I will keep striking,"),
        ],
    )
    he = gold[-1]
    assert he.nearest_source == "Quill and Mertz"
    assert he.referent == "Tom Brandt, who leads the dockers"


def test_a_pronoun_with_no_compatible_source_has_no_referent(tmp_path: Path) -> None:
    # the only named Source is a man: "she" points at someone the annotation never marks
    text = 'Port vote.\n\n"Not today," said Tom Brandt.\n\nThe mayor arrived late. "Vote now," she said.\n'
    gold = _gold(tmp_path, text, [("Tom Brandt", "Not today,"), ("she", "Vote now,")])
    assert gold[-1].nearest_source == "Tom Brandt"
    assert gold[-1].referent is None
    # with no referent the printed pronoun is all that can be checked
    printed = Quote(id="q", article="story", text="x", start=0, end=1, speaker_text="she", speaker_name=None)
    assert _resolved_ok(printed, gold[-1])


def test_a_surname_takes_the_gender_printed_elsewhere_in_the_article() -> None:
    people = _ArticlePeople("Tom Brandt and Karen Quill met Mrs. Mertz. Later Brandt left.")
    assert _source_gender("Brandt", people) == "m"
    assert _source_gender("Quill", people) == "f"
    assert _source_gender("Mertz", people) == "f"  # the honorific
    assert _source_gender("his wife, Ilse", people) == "f"  # a kin word
    assert _source_gender("Dockers' spokeswoman Ilse Varga", people) == "f"  # a gendered role
    # "Miss." is a state there, no honorific: the given name decides (a man's, in the lexicon)
    assert _source_gender("Lev Dorn, 41, of Kestrel, Miss.,", people) == "m"
    assert _source_gender("Vasko Dorn, 41, of Kestrel, Miss.,", people) is None
    assert _source_gender("Varga", people) is None
    # two first names with one surname leave the surname open
    both = _ArticlePeople("Tom Brandt and his wife Karen Brandt spoke.")
    assert _source_gender("Brandt", both) is None


def test_not_one_person() -> None:
    people = _ArticlePeople("The supporters of Tom Brandt gathered. Karen Quill spoke.")
    assert _names_one_person("Tom Brandt", people)
    assert _names_one_person("Harbour Gov. Karen Quill (D), who won in May", people)
    assert _names_one_person("Secretary of State Karen Quill", people)
    for group in (
        "Harborline.com",
        "Supporters",
        "Both Quill and Brandt",
        "Quill and husband Tom",
        "five dock workers from Kestrel",
        "a majority of Kestrel Democrats",
        "The charge against Brandt",
        "A reporter for Harbor Wire",
        "Kestrel City",
    ):
        assert not _names_one_person(group, people), group


def test_score_reports_both_stand_ins(tmp_path: Path) -> None:
    text = (
        "Ferry fares.\n\n"
        '"The ferries will run on time," said Karen Quill, the harbour chief.\n\n'
        '"Fees must fall first," said Tom Brandt, a dock worker.\n\n'
        '"We will not wait for the council," she said.\n'
    )
    _write(
        tmp_path,
        "story",
        text,
        [
            ("Karen Quill, the harbour chief", "The ferries will run on time,"),
            ("Tom Brandt, a dock worker", "Fees must fall first,"),
            ("she", "We will not wait for the council,"),
        ],
    )
    articles, gold = load_polnear(tmp_path)
    start = text.index("We will not")
    end = start + len("We will not wait for the council,")
    pred = Quote(
        id="q", article="story", text=text[start:end], start=start, end=end, speaker_text="she",
        speaker_name="Karen Quill",
    )
    scores = score(articles, [g for g in gold if g.source == "she"], {"story": [pred]})
    assert scores["resolved_speaker_accuracy"] == 1.0
    assert scores["resolved_speaker_accuracy_nearest_source"] == 0.0
    # the lenient metric credits the printed "she" under either stand-in
    assert scores["speaker_accuracy"] == scores["speaker_accuracy_nearest_source"] == 1.0
