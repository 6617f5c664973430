"""Files and directories to RawDocuments: kinds, order, metadata, and one clear error per bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storyline.errors import InputError
from storyline.ingest import iter_sources, read_url_list
from storyline.ingest.decode import BinaryContent, decode_bytes
from storyline.ingest.files import kind_of
from storyline.model import RawDocument

STORY = (
    "Harbour bridge reopens after storm repairs\n\n"
    "The Vell Harbour bridge reopened on Tuesday after three weeks of repairs, the port authority said.\n\n"
    "\u201cWe are back in business,\u201d said harbour master Orla Quenby.\n"
)


def run(paths: list[str | Path], **kwargs) -> tuple[list[RawDocument], list[InputError]]:
    docs: list[RawDocument] = []
    errors: list[InputError] = []
    for item in iter_sources([str(p) for p in paths], **kwargs):
        (errors if isinstance(item, InputError) else docs).append(item)
    return docs, errors


def test_text_markdown_and_html_files(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "b.md").write_text("# Tide tables\n\nThe tide comes in twice a day.\n", encoding="utf-8")
    (tmp_path / "c.html").write_text(f"<html><body><p>{STORY}</p></body></html>", encoding="utf-8")
    docs, errors = run([tmp_path])
    assert errors == []
    assert [Path(d.source).name for d in docs] == ["a.txt", "b.md", "c.html"]
    assert docs[0].text == STORY and docs[0].html is None
    assert docs[2].html is not None and docs[2].text is None and "Orla Quenby" in docs[2].html
    assert docs[0].file_mtime is not None and docs[0].file_mtime[:2] == "20"


def test_directory_walk_is_recursive_sorted_and_skips_hidden_and_unknown(tmp_path: Path) -> None:
    (tmp_path / "z.txt").write_text(STORY)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "m.txt").write_text(STORY)
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text(STORY)
    (tmp_path / ".hidden.txt").write_text(STORY)
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0" + bytes(200))
    (tmp_path / "notes.TXT").write_text(STORY)
    docs, errors = run([tmp_path])
    assert errors == []
    names = [str(Path(d.source).relative_to(tmp_path)) for d in docs]
    assert names == ["notes.TXT", "z.txt", "sub/m.txt"]


def test_explicit_unknown_extension_and_missing_path_are_errors(tmp_path: Path) -> None:
    jpg = tmp_path / "photo.jpg"
    jpg.write_bytes(b"\xff\xd8\xff\xe0")
    good = tmp_path / "ok.txt"
    good.write_text(STORY)
    docs, errors = run([jpg, tmp_path / "missing.txt", good])
    assert len(docs) == 1 and docs[0].source == str(good)
    assert [str(e) for e in errors] == [
        f"{jpg}: unsupported file type '.jpg'",
        f"{tmp_path / 'missing.txt'}: no such file or directory",
    ]


def test_empty_binary_and_fake_html_files_give_one_line_errors_and_batch_goes_on(tmp_path: Path) -> None:
    (tmp_path / "a_empty.txt").write_text("")
    (tmp_path / "b_blank.md").write_text("  \n\n \t\n")
    (tmp_path / "c_image.html").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    (tmp_path / "d_noise.txt").write_bytes(bytes([1, 2, 3, 4, 5, 6, 14, 15, 16, 17, 18, 19, 20]) * 50)
    (tmp_path / "e_good.txt").write_text(STORY)
    docs, errors = run([tmp_path])
    assert [Path(d.source).name for d in docs] == ["e_good.txt"]
    messages = [str(e) for e in errors]
    assert messages[0].endswith("a_empty.txt: empty file")
    assert messages[1].endswith("b_blank.md: empty file")
    assert messages[2].endswith("c_image.html: binary content (NUL bytes)")
    assert "d_noise.txt: binary content" in messages[3]
    assert all("\n" not in m for m in messages)


def test_unreadable_file(tmp_path: Path) -> None:
    locked = tmp_path / "locked.txt"
    locked.write_text(STORY)
    locked.chmod(0)
    try:
        if locked.open("rb"):  # running as root: permissions do not apply
            pytest.skip("permissions not enforced for this user")
    except PermissionError:
        pass
    try:
        docs, errors = run([locked])
    finally:
        locked.chmod(0o644)
    assert docs == []
    assert str(errors[0]) == f"{locked}: cannot read: Permission denied"


def test_oversized_file_is_refused_without_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from storyline.settings import ingest as settings

    monkeypatch.setattr(settings, "MAX_DOCUMENT_BYTES", 1024 * 1024)
    big = tmp_path / "big.html"
    with big.open("wb") as handle:
        handle.truncate(3 * 1024 * 1024)  # sparse: nothing is written
    docs, errors = run([big])
    assert docs == [] and str(errors[0]) == f"{big}: larger than 1 MB (3 MB)"


def test_jsonl_records_metadata_line_numbers_and_bad_lines(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "r1", "url": "https://vell-gazette.example/bridge", "title": "Bridge reopens",
                    "text": STORY, "published": "2025-03-04", "outlet": "Vell Gazette",
                    "authors": ["Orla Quenby", {"name": "Tam Brisk"}]}),
        "",
        '{"id": "r2", "text": "unterminated',
        json.dumps({"id": 7, "html": "<p>Ferry timetable changes.</p>", "author": "Ned Arrow"}),
        json.dumps({"id": "r4", "title": "No body"}),
        json.dumps(["not", "an", "object"]),
        json.dumps({"text": "   "}),
    ]
    path = tmp_path / "dump.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    docs, errors = run([path])
    assert [d.source for d in docs] == [f"{path}#1", f"{path}#4"]
    first, second = docs
    assert first.record_id == "r1" and first.url == "https://vell-gazette.example/bridge"
    assert first.title == "Bridge reopens" and first.text == STORY and first.html is None
    assert first.published == "2025-03-04" and first.date_source == "metadata"
    assert first.outlet == "Vell Gazette" and first.authors == ["Orla Quenby", "Tam Brisk"]
    assert first.file_mtime is not None
    assert second.record_id == "7" and second.html == "<p>Ferry timetable changes.</p>"
    assert second.text is None and second.authors == ["Ned Arrow"] and second.date_source is None
    messages = [str(e) for e in errors]
    assert messages[0].startswith(f"{path}#3: invalid JSON on line 3 (Unterminated string")
    assert messages[1:] == [
        f'{path}#5: record has neither "text" nor "html"',
        f"{path}#6: expected a JSON object, found an array",
        f'{path}#7: record has an empty "text"/"html"',
    ]


def test_jsonl_with_bom_and_crlf(tmp_path: Path) -> None:
    path = tmp_path / "win.jsonl"
    body = json.dumps({"title": "Caf\u00e9 closes", "text": "The caf\u00e9 on Quay Street closed."})
    path.write_bytes(b"\xef\xbb\xbf" + body.encode("utf-8") + b"\r\n" + body.encode("utf-8") + b"\r\n")
    docs, errors = run([path])
    assert errors == [] and [d.title for d in docs] == ["Caf\u00e9 closes"] * 2


def test_empty_and_binary_jsonl(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_text("\n\n")
    (tmp_path / "b.jsonl").write_bytes(b"\x00\x01\x02" * 100)
    docs, errors = run([tmp_path])
    assert docs == []
    assert [e.reason for e in errors] == ["empty file", "binary content (NUL bytes)"]


def test_json_single_list_and_articles_wrapper(tmp_path: Path) -> None:
    record = {"title": "Mill fire", "text": "A fire broke out at the old mill."}
    (tmp_path / "a.json").write_text(json.dumps(record))
    (tmp_path / "b.json").write_text(json.dumps([record, {"title": "no text"}, record]))
    (tmp_path / "c.json").write_text(json.dumps({"articles": [record]}))
    (tmp_path / "d.json").write_text('{"title": "broken",\n "text": }')
    (tmp_path / "e.json").write_text("42")
    docs, errors = run([tmp_path])
    assert [d.source for d in docs] == [
        str(tmp_path / "a.json"), f"{tmp_path / 'b.json'}#1", f"{tmp_path / 'b.json'}#3",
        f"{tmp_path / 'c.json'}#1",
    ]
    assert [str(e) for e in errors] == [
        f'{tmp_path / "b.json"}#2: record has neither "text" nor "html"',
        f"{tmp_path / 'd.json'}: invalid JSON (Expecting value at line 2 column 10)",
        f"{tmp_path / 'e.json'}: expected a JSON object or an array of records",
    ]


def test_html_charsets_meta_bom_and_wrong_declarations(tmp_path: Path) -> None:
    text = "Ren\u00e9e B\u00f8rresen said \u201cnever\u201d \u2014 twice."
    (tmp_path / "a.html").write_bytes(
        f'<html><head><meta charset="windows-1252"></head><body><p>{text}</p></body></html>'.encode("cp1252")
    )
    (tmp_path / "b.html").write_bytes(
        f'<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"></head>'
        f"<body><p>{text}</p></body></html>".encode("cp1252")
    )
    (tmp_path / "c.html").write_bytes(b"\xef\xbb\xbf" + f"<p>{text}</p>".encode())
    (tmp_path / "d.html").write_bytes(f"\ufeff<p>{text}</p>".encode("utf-16-le"))
    # a declaration the bytes contradict (utf-8 declared, cp1252 bytes) is dropped for a guess
    (tmp_path / "e.html").write_bytes(f'<meta charset="utf-8"><p>{text}</p>'.encode("cp1252"))
    (tmp_path / "f.html").write_bytes(f'<meta charset="no-such-codec"><p>{text}</p>'.encode())
    (tmp_path / "g.txt").write_bytes(
        ("The council voted on the harbour levy \u2014 \u201cfinally\u201d, said Ms. Quenby. " * 5)
        .encode("cp1252")
    )
    docs, errors = run([tmp_path])
    assert errors == []
    for doc in docs:
        body = doc.html or doc.text or ""
        if doc.source.endswith("g.txt"):
            assert "\u2014 \u201cfinally\u201d" in body
        else:
            assert text in body, doc.source


def test_decode_bytes_contract() -> None:
    assert decode_bytes(b"plain ascii") == "plain ascii"
    assert decode_bytes("caf\u00e9".encode()) == "caf\u00e9"
    assert decode_bytes(b"\xef\xbb\xbfbom") == "bom"
    with pytest.raises(BinaryContent):
        decode_bytes(b"GIF89a\x00\x00")
    assert decode_bytes(b"") == ""


def test_kind_of() -> None:
    assert kind_of("a/b.warc.gz") == "warc" and kind_of("x.ARC") == "warc"
    assert kind_of("f.rss") == "feed" and kind_of("p.htm") == "html" and kind_of("r.jsonl") == "jsonl"
    assert kind_of("r.json") == "json" and kind_of("notes") is None and kind_of("x.pdf") is None


def test_url_list_file(tmp_path: Path) -> None:
    path = tmp_path / "urls.txt"
    path.write_text("# list\nhttps://vell-gazette.example/a\n\nftp://nope.example/x\n http://b.example/ \n")
    entries = list(read_url_list(str(path)))
    assert entries[0] == "https://vell-gazette.example/a" and entries[2] == "http://b.example/"
    assert isinstance(entries[1], InputError) and str(entries[1]).startswith(f"{path}#4: not an http(s) URL")
    missing = list(read_url_list(str(tmp_path / "none.txt")))
    assert isinstance(missing[0], InputError) and "cannot read" in str(missing[0])


def test_deeply_nested_json_is_an_error_not_a_crash(tmp_path: Path) -> None:
    (tmp_path / "deep.json").write_text("[" * 100_000 + "]" * 100_000)
    (tmp_path / "deep.jsonl").write_text('{"text": "fine"}\n' + "[" * 100_000 + "]" * 100_000 + "\n")
    docs, errors = run([tmp_path])
    assert [d.source for d in docs] == [f"{tmp_path / 'deep.jsonl'}#1"]
    assert [e.reason for e in errors] == ["invalid JSON (nested too deeply)",
                                          "invalid JSON on line 2 (nested too deeply)"]


def test_malformed_urls_are_errors_not_crashes() -> None:
    errors = [item for item in iter_sources(["http://host:99999/", "http://[::1/", "https://"])]
    assert [str(e) for e in errors] == [
        "http://host:99999/: invalid URL (Port out of range 0-65535)",
        "http://[::1/: invalid URL (Invalid IPv6 URL)",
        "https://: no host in 'https://'",
    ]
