"""Corpus-level speaker identity and roles over time, on fictional articles."""

from __future__ import annotations

import time

from storyline.model import Article, Quote
from storyline.nlp.quotes import extract_quotes
from storyline.nlp.speakers import resolve_speakers


def _art(aid: str, text: str, published: str) -> Article:
    return Article(id=aid, source="t", text=text, published=published)


ARTICLES = [
    _art(
        "p1",
        "Pact Secretary-General Ilse Varga arrived in Kestrel.\n\n"
        '"We will hold the line," Pact Secretary-General Ilse Varga said.',
        "2031-01-10",
    ),
    _art(
        "p2",
        '"The harbour stays open," Varga said on Friday.\n\nIlse Varga spoke after the meeting.',
        "2031-01-12",
    ),
    _art("p3", '"Funding is secured," said Pact Secretary General Ilse Varga.', "2031-01-15"),
    _art(
        "p4", "The Pact's Varga was upbeat.\n\n\"Nothing has changed,\" the Pact's Varga said.", "2031-01-16"
    ),
    _art("p5", '"We expect calm seas," the Pact chief said on Monday.', "2031-02-01"),
    _art("p6", '"A new chapter starts today," Pact Secretary-General Ruben Olsen said.', "2031-06-01"),
    _art("p7", '"I inherit a strong alliance," the alliance chief said of the Pact.', "2031-06-20"),
    _art("p8", '"Bridges first," Mayor Jon Harrow said.', "2031-03-01"),
    _art("p9", '"Schools first," said Councillor Mia Harrow of the eastern ward.', "2031-03-02"),
    _art(
        "p10",
        '"We were not consulted," a senior Pact official said.\n\n'
        '"It came as a surprise," the official added.',
        "2031-03-03",
    ),
    _art("p11", '"We were consulted," a senior Pact official said.', "2031-03-04"),
]


def _run() -> tuple[list[Quote], dict[str, object]]:
    per = extract_quotes(ARTICLES)
    quotes = [q for qs in per.values() for q in qs]
    speakers = resolve_speakers(quotes, {a.id: a for a in ARTICLES})
    return quotes, {s.id: s for s in speakers}


def test_name_variants_are_one_speaker() -> None:
    quotes, speakers = _run()
    ids = {q.speaker for q in quotes if q.article in ("p1", "p2", "p3", "p4")}
    assert len(ids) == 1
    sp = speakers[ids.pop()]
    assert sp.name == "Ilse Varga" and sp.named
    assert "Varga" in sp.aliases
    assert any("Secretary" in r for r in sp.roles)
    assert sp.role_history and sp.role_history[0].first_seen == "2031-01-10"


def test_printed_words_are_kept() -> None:
    quotes, _ = _run()
    q = next(q for q in quotes if q.article == "p5")
    assert q.speaker_text == "the Pact chief"


def test_role_description_resolves_to_holder_at_date() -> None:
    quotes, speakers = _run()
    varga = next(q.speaker for q in quotes if q.article == "p1")
    olsen = next(q.speaker for q in quotes if q.article == "p6")
    assert varga != olsen
    p5 = next(q for q in quotes if q.article == "p5")
    assert p5.speaker == varga  # February: Varga is the last known holder
    p7 = next(q for q in quotes if q.article == "p7")
    assert p7.speaker == olsen  # June, after Olsen's first apposition
    assert speakers[olsen].name == "Ruben Olsen"


def test_shared_surname_not_merged() -> None:
    quotes, speakers = _run()
    jon = next(q.speaker for q in quotes if q.article == "p8")
    mia = next(q.speaker for q in quotes if q.article == "p9")
    assert jon != mia
    assert {speakers[jon].name, speakers[mia].name} == {"Jon Harrow", "Mia Harrow"}


def test_unnamed_sources_stay_apart() -> None:
    quotes, speakers = _run()
    p10 = [q for q in quotes if q.article == "p10"]
    p11 = next(q for q in quotes if q.article == "p11")
    assert len({q.speaker for q in p10}) == 1  # "a senior Pact official" then "the official"
    sid = p10[0].speaker
    assert speakers[sid].named is False
    assert speakers[sid].name == "a senior Pact official"
    assert p11.speaker != sid  # same description, another article: not assumed the same person
    named_ids = {s.id for s in speakers.values() if s.named}
    assert sid not in named_ids


def test_ids_are_stable() -> None:
    q1, s1 = _run()
    q2, s2 = _run()
    assert [q.speaker for q in q1] == [q.speaker for q in q2]
    assert sorted(s1) == sorted(s2)


def test_scales_roughly_linearly() -> None:
    quotes = []
    arts = {}
    for i in range(20000):
        aid = f"a{i}"
        arts[aid] = Article(id=aid, source="t", text="", published=f"2031-{1 + i % 12:02d}-{1 + i % 28:02d}")
        quotes.append(
            Quote(
                id=f"q{i}",
                article=aid,
                text="x",
                start=0,
                end=1,
                speaker_text="Varga" if i % 3 else "the Pact chief",
                speaker_name=f"Person{i % 500} Varga{i % 700}" if i % 3 else "the Pact chief",
                speaker_role="Pact Secretary-General" if i % 5 == 0 else None,
            )
        )
    t0 = time.perf_counter()
    resolve_speakers(quotes, arts)
    assert time.perf_counter() - t0 < 5.0


def test_empty() -> None:
    assert resolve_speakers([], {}) == []


def test_rerun_with_new_evidence_moves_role_quote() -> None:
    per = extract_quotes(ARTICLES)
    quotes = [q for qs in per.values() for q in qs]
    arts = {a.id: a for a in ARTICLES}
    without_olsen = [q for q in quotes if q.article != "p6"]
    resolve_speakers(without_olsen, arts)
    p7 = next(q for q in quotes if q.article == "p7")
    varga = next(q.speaker for q in quotes if q.article == "p1")
    assert p7.speaker == varga  # no evidence of a new holder yet
    resolve_speakers(quotes, arts)
    olsen = next(q.speaker for q in quotes if q.article == "p6")
    assert p7.speaker == olsen
    assert p7.speaker_name == "the alliance chief"


def test_aliases_are_names_with_titles_not_clauses() -> None:
    from storyline.nlp.speakers import _alias

    assert _alias("Lund has not commented publicly since his resignation letter", "lund") == "Lund"
    assert _alias("port spokesman Ivo Lund described the plan", "lund") == "port spokesman Ivo Lund"
    assert _alias("a compromise that Harbor President Ada Quill", "quill") == "Harbor President Ada Quill"
    assert _alias("General Ada Marsh, head of the planning staff", "marsh") == "General Ada Marsh"
    articles = [
        _art(
            "a1",
            "Port talks.\n\nPort chief Ivo Lund resigned on Monday.\n\nLund has not commented since his letter, "
            'in which he wrote that the port "had lost its way".',
            "2031-04-01",
        )
    ]
    quotes = [q for qs in extract_quotes(articles).values() for q in qs]
    [speaker] = resolve_speakers(quotes, {a.id: a for a in articles})
    assert speaker.name == "Ivo Lund"
    assert "Lund" in speaker.aliases and all("commented" not in a for a in speaker.aliases)
