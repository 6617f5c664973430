"""The JSON API over a small fictional database: contract records, paging, filters, errors, writing."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from test_web_fixture import Q1, build_db

from storyline.export import ARTICLE_KEYS, EVENT_KEYS, FAMILY_KEYS, QUOTE_KEYS, SPEAKER_KEYS, STORYLINE_KEYS
from storyline.web.app import create_app


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_db(tmp_path_factory.mktemp("webapi") / "web.db")


@pytest.fixture(scope="module")
def client(db: Path) -> TestClient:
    return TestClient(create_app(str(db)))


def _keys(record: dict, keys: tuple[str, ...]) -> None:
    missing = [k for k in keys if k not in record]
    assert not missing, f"contract keys missing: {missing}"


def test_articles_listing_is_paged_newest_first(client: TestClient) -> None:
    body = client.get("/api/articles", params={"limit": 3}).json()
    assert body["total"] == 7 and body["limit"] == 3 and body["offset"] == 0
    assert [a["id"] for a in body["items"]] == ["art-courier-bridge", "art-ledger-2", "art-daily-opinion"]
    for item in body["items"]:
        _keys(item, ARTICLE_KEYS)
    rest = client.get("/api/articles", params={"limit": 3, "offset": 6}).json()
    assert [a["id"] for a in rest["items"]] == ["art-ledger-1"]


def test_article_filters(client: TestClient) -> None:
    by_outlet = client.get("/api/articles", params={"outlet": "Riverside Daily"}).json()
    assert {a["id"] for a in by_outlet["items"]} == {"art-daily-copy", "art-daily-opinion"}
    since = client.get("/api/articles", params={"since": "2025-04-01"}).json()
    assert {a["id"] for a in since["items"]} == {"art-ledger-2", "art-courier-bridge"}
    words = client.get("/api/articles", params={"q": "grain exports"}).json()
    assert [a["id"] for a in words["items"]] == ["art-ledger-1"]
    speaker = client.get("/api/articles", params={"speaker": "sp-renn"}).json()
    assert {a["id"] for a in speaker["items"]} == {"art-courier-1", "art-ledger-2"}


def test_article_record_and_revision(client: TestClient) -> None:
    record = client.get("/api/articles/art-ledger-1").json()
    _keys(record, ARTICLE_KEYS)
    assert record["outlet"] == "The Harbor Ledger"
    assert record["revision"] == 2 and record["event"] == "ev-walkout"
    assert record["removed"][0] == "Subscribe to our newsletter"
    copy = client.get("/api/articles/art-daily-copy").json()
    assert copy["copy_of"] == "art-wire-1"


def test_events_and_storylines(client: TestClient) -> None:
    events = client.get("/api/events").json()
    assert [e["id"] for e in events["items"]] == ["ev-bridge", "ev-talks", "ev-walkout"]
    walkout = client.get("/api/events/ev-walkout").json()
    _keys(walkout, EVENT_KEYS)
    assert len(walkout["articles"]) == 5 and walkout["storyline"] == "sl-eastmere"
    assert walkout["summary"][0]["sources"] == ["art-ledger-1", "art-wire-1"]
    in_line = client.get("/api/events", params={"storyline": "sl-eastmere"}).json()
    assert in_line["total"] == 2
    by_outlet = client.get("/api/events", params={"outlet": "Valley Wire"}).json()
    assert [e["id"] for e in by_outlet["items"]] == ["ev-walkout"]
    by_words = client.get("/api/events", params={"q": "bridge"}).json()
    assert [e["id"] for e in by_words["items"]] == ["ev-bridge"]
    by_speaker = client.get("/api/events", params={"speaker": "sp-renn"}).json()
    assert {e["id"] for e in by_speaker["items"]} == {"ev-walkout", "ev-talks"}
    lines = client.get("/api/storylines").json()
    assert [s["id"] for s in lines["items"]] == ["sl-bridge", "sl-eastmere"]
    line = client.get("/api/storylines/sl-eastmere").json()
    _keys(line, STORYLINE_KEYS)
    assert line["events"] == ["ev-walkout", "ev-talks"]


def test_speakers_quotes_families(client: TestClient) -> None:
    speakers = client.get("/api/speakers").json()
    assert [s["name"] for s in speakers["items"]] == ["Ines Varga", "Marta Quell", "Tobias Renn"]
    found = client.get("/api/speakers", params={"q": "union leader"}).json()
    assert [s["id"] for s in found["items"]] == ["sp-quell"]
    quell = client.get("/api/speakers/sp-quell").json()
    _keys(quell, SPEAKER_KEYS)
    assert quell["aliases"] == ["Quell", "the union leader"]
    quotes = client.get("/api/quotes", params={"speaker": "sp-quell"}).json()
    assert quotes["total"] == 6
    for q in quotes["items"]:
        _keys(q, QUOTE_KEYS)
    wire = client.get("/api/quotes", params={"speaker": "sp-quell", "outlet": "Valley Wire"}).json()
    assert [q["id"] for q in wire["items"]] == ["q5"]
    later = client.get("/api/quotes", params={"since": "2025-04-01"}).json()
    assert {q["id"] for q in later["items"]} == {"q7", "q8", "q9"}
    words = client.get("/api/quotes", params={"q": "CRANES"}).json()
    assert {q["id"] for q in words["items"]} == {"q2", "q8"}
    family = client.get("/api/families/fam-ship").json()
    _keys(family, FAMILY_KEYS)
    assert family["text"] == Q1
    assert [a["variant"] for a in family["appearances"]].count("altered") == 2


def test_search(client: TestClient) -> None:
    body = client.get("/api/search", params={"q": "container ships"}).json()
    assert body["total"] == 1
    hit = body["items"][0]
    assert hit["article"]["id"] == "art-courier-1"
    assert "[container]" in hit["snippet"] and "[ships]" in hit["snippet"]
    # punctuation and FTS operators in a user's words are searched as words, not syntax
    assert client.get("/api/search", params={"q": 'NEAR( "strike AND'}).status_code == 200


@pytest.mark.parametrize(
    "path",
    [
        "/api/articles/nope",
        "/api/events/nope",
        "/api/storylines/nope",
        "/api/speakers/nope",
        "/api/families/nope",
        "/api/no-such-route",
    ],
)
def test_unknown_ids_are_json_404(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("application/json")
    assert "detail" in response.json()


@pytest.mark.parametrize(
    "query,field",
    [
        ({"limit": "0"}, "limit"),
        ({"limit": "10000"}, "limit"),
        ({"limit": "ten"}, "limit"),
        ({"offset": "-1"}, "offset"),
        ({"since": "last tuesday"}, "since"),
        ({"since": "2025-13-45"}, "since"),
    ],
)
def test_malformed_params_are_422_with_message(client: TestClient, query: dict, field: str) -> None:
    response = client.get("/api/articles", params=query)
    assert response.status_code == 422
    assert field in response.json()["detail"]


def test_search_needs_words(client: TestClient) -> None:
    response = client.get("/api/search")
    assert response.status_code == 422 and "q" in response.json()["detail"]


def test_openapi_document(client: TestClient) -> None:
    spec = client.get("/api/openapi.json").json()
    for path in (
        "/api/articles",
        "/api/articles/{article_id}",
        "/api/events",
        "/api/events/{event_id}",
        "/api/storylines",
        "/api/storylines/{storyline_id}",
        "/api/speakers",
        "/api/speakers/{speaker_id}",
        "/api/quotes",
        "/api/families/{family_id}",
        "/api/search",
        "/api/ingest",
    ):
        assert path in spec["paths"], path
    assert not any(p.startswith("/events") for p in spec["paths"]), "pages stay out of the API document"


def test_security_headers_on_api(client: TestClient) -> None:
    response = client.get("/api/articles")
    assert "default-src 'self'" in response.headers["content-security-policy"]
    assert response.headers["x-content-type-options"] == "nosniff"


# -- writing ---------------------------------------------------------------------------------------
DOC = [
    {
        "title": "Harbour pilots back the Eastmere strike",
        "outlet": "The Harbor Ledger",
        "published": "2025-03-05",
        "text": "Harbour pilots said on Wednesday they would support the dock strike.\n\n"
        "\u201cWe stand with the dockworkers,\u201d said pilot Oren Falk.",
    }
]


def test_ingest_refused_when_read_only(db: Path) -> None:
    client = TestClient(create_app(str(db), token="s3cret"))
    response = client.post("/api/ingest", json=DOC, headers={"Authorization": "Bearer s3cret"})
    assert response.status_code == 403
    assert "allow-write" in response.json()["detail"]


def test_ingest_refused_without_a_configured_token(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("STORYLINE_TOKEN", raising=False)
    client = TestClient(create_app(str(db), allow_write=True))
    assert client.post("/api/ingest", json=DOC, headers={"Authorization": "Bearer "}).status_code == 403


@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"Authorization": "Bearer wrong"},
        {"Authorization": "Basic s3cret"},
        {"X-Storyline-Token": "s3cre"},
    ],
)
def test_ingest_refused_with_wrong_token(db: Path, headers: dict) -> None:
    client = TestClient(create_app(str(db), allow_write=True, token="s3cret"))
    response = client.post("/api/ingest", json=DOC, headers=headers)
    assert response.status_code == 401


def test_ingest_token_from_environment(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STORYLINE_TOKEN", "from-env")
    client = TestClient(create_app(str(db), allow_write=True))
    bad = client.post(
        "/api/ingest", json=[{"title": "no body"}], headers={"Authorization": "Bearer from-env"}
    )
    assert bad.status_code == 422 and "record 0" in bad.json()["detail"]
    assert (
        client.post(
            "/api/ingest", content=b"{not json", headers={"Authorization": "Bearer from-env"}
        ).status_code
        == 422
    )


def test_readers_cannot_write(client: TestClient) -> None:
    store = client.app.state.db.reader()
    with pytest.raises(Exception, match=r"readonly|read-only|query_only|attempt to write"):
        store.conn.execute("DELETE FROM speakers")


def test_ingest_with_token_runs_the_pipeline(tmp_path: Path) -> None:
    db = build_db(tmp_path / "w.db")
    client = TestClient(create_app(str(db), allow_write=True, token="s3cret"))
    try:
        response = client.post("/api/ingest", json=DOC, headers={"Authorization": "Bearer s3cret"})
    except ImportError as exc:  # a stage of the pipeline is still being written in this checkout
        pytest.skip(f"pipeline not complete: {exc}")
    assert response.status_code == 200, response.text
    assert response.json()["new"] == 1
    listed = client.get("/api/articles", params={"q": "pilots"}).json()
    assert listed["total"] == 1


def test_ingest_stores_documents_through_the_pipeline_entry(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The endpoint hands RawDocuments to ingest_documents and then calls process (stubbed here, so the
    test does not depend on every later stage being present)."""
    import storyline.pipeline as pipeline

    calls: list[int] = []
    monkeypatch.setattr(pipeline, "process", lambda store, report=None, **kw: calls.append(1) or report)
    db = build_db(tmp_path / "w.db")
    client = TestClient(create_app(str(db), allow_write=True, token="s3cret"))
    response = client.post("/api/ingest", json=DOC, headers={"Authorization": "Bearer s3cret"})
    assert response.status_code == 200, response.text
    assert response.json()["new"] == 1 and calls == [1]
    found = client.get("/api/search", params={"q": "pilots"}).json()
    assert found["total"] == 1
    assert found["items"][0]["article"]["outlet"] == "The Harbor Ledger"
    again = client.post("/api/ingest", json=DOC, headers={"Authorization": "Bearer s3cret"}).json()
    assert again["new"] == 0 and again["unchanged"] == 1
