"""Input readers: files, folders, JSON Lines, WARC, gzip, stdin, and every way they break."""

from __future__ import annotations

import gzip
import io
import json
import os
from pathlib import Path

import pytest

from newsclean.readers import detect_format, iter_paths, iter_records

HTML = ("<html><head><title>Council approves budget</title></head><body><article>"
        "<h1>Council approves budget</h1>"
        + "".join(f"<p>The city council voted on Tuesday to approve budget item {i}, officials said "
                  "after a meeting that ran late into the night.</p>" for i in range(4))
        + "</article></body></html>")


def write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path


def make_warc(path: Path, pages: list[tuple[str, str, bytes]], *, gz: bool = True) -> Path:
    """A WARC with one response record per (url, content type, payload), plus a request record."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=gz)
        for url, ctype, payload in pages:
            http = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(payload),
                                                          http_headers=http))
            writer.write_record(writer.create_warc_record(url, "request", payload=io.BytesIO(b"GET /")))
    return path


# ---- walking and formats ---------------------------------------------------------------------
def test_folders_are_walked_recursively_in_sorted_order(tmp_path: Path) -> None:
    for name in ("b.txt", "a.html", "sub/c.txt.gz", "sub/z/d.htm", ".hidden.txt", "notes.md",
                 ".git/e.txt"):
        write(tmp_path / name, "x")
    got = [Path(p).relative_to(tmp_path).as_posix() for p in iter_paths([tmp_path])]
    assert got == ["a.html", "b.txt", "sub/c.txt.gz", "sub/z/d.htm"]


def test_symlinks_are_not_followed_outside_the_folder(tmp_path: Path) -> None:
    outside = write(tmp_path / "outside" / "secret.txt", "secret")
    root = tmp_path / "in"
    write(root / "a.txt", "a")
    os.symlink(outside, root / "link-out.txt")
    os.symlink(root / "a.txt", root / "link-in.txt")
    os.symlink(tmp_path / "outside", root / "dirlink")
    got = sorted(Path(p).name for p in iter_paths([root]))
    assert got == ["a.txt", "link-in.txt"]


def test_skip_leaves_out_the_output_file(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", "a")
    out = write(tmp_path / "out.jsonl", "{}")
    assert [Path(p).name for p in iter_paths([tmp_path], skip=[out])] == ["a.txt"]


@pytest.mark.parametrize(("name", "head", "fmt"), [
    ("x.warc.gz", b"", "warc"),
    ("x.jsonl", b"", "jsonl"),
    ("x.ndjson.gz", b"", "jsonl"),
    ("x.html.gz", b"", "document"),
    ("x.dat", b"WARC/1.0\r\n", "warc"),
    ("-", b'  {"text": "a"}\n', "jsonl"),
    ("-", b"<html>", "document"),
])
def test_detect_format(name: str, head: bytes, fmt: str) -> None:
    assert detect_format(name, head) == fmt


# ---- documents ---------------------------------------------------------------------------------
def test_documents_get_a_mode_hint_from_their_extension(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", "plain")
    write(tmp_path / "b.html", "<p>x</p>")
    write(tmp_path / "c.dat", "unknown")
    records = list(iter_records([tmp_path / "a.txt", tmp_path / "b.html", tmp_path / "c.dat"]))
    assert [(r.mode_hint, r.data) for r in records] == [("text", b"plain"), ("html", b"<p>x</p>"),
                                                        (None, b"unknown")]
    assert records[0].id == records[0].source == str(tmp_path / "a.txt")


def test_gzip_document_is_decompressed(tmp_path: Path) -> None:
    path = write(tmp_path / "page.html.gz", gzip.compress(HTML.encode()))
    [record] = iter_records([path])
    assert record.error is None and record.data == HTML.encode() and record.mode_hint == "html"


def test_gzip_is_detected_by_content_too(tmp_path: Path) -> None:
    path = write(tmp_path / "page.bin", gzip.compress(b'{"text": "hello"}\n{"text": "again"}\n'))
    assert [r.data for r in iter_records([path])] == ["hello", "again"]


def test_truncated_gzip_is_an_error_record_with_its_offset(tmp_path: Path) -> None:
    data = gzip.compress(os.urandom(5000))
    path = write(tmp_path / "cut.txt.gz", data[:1000])
    [record] = iter_records([path])
    assert record.error is not None
    assert record.error.startswith("truncated gzip data: stopped at compressed offset 1000")
    assert record.source == str(path)


def test_compression_bomb_is_capped_not_expanded(tmp_path: Path) -> None:
    path = write(tmp_path / "bomb.txt.gz", gzip.compress(b"0" * 2_000_000))
    assert path.stat().st_size < 10_000
    [record] = iter_records([path], max_bytes=100_000)
    assert record.error is not None and "more than 100000 bytes" in record.error
    assert "compression bomb" in record.error
    assert record.data == b""


def test_oversized_plain_document_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path / "big.txt", "x" * 5000)
    [record] = iter_records([path], max_bytes=1000)
    assert record.error is not None and "more than 1000 bytes" in record.error


def test_unreadable_file_is_an_error_record(tmp_path: Path) -> None:
    [record] = iter_records([tmp_path / "missing.txt"])
    assert record.error is not None and record.error.startswith("cannot read")


# ---- JSON Lines --------------------------------------------------------------------------------
def test_jsonl_fields_pass_through(tmp_path: Path) -> None:
    lines = [
        {"id": 7, "text": "first", "lang": "en", "meta": {"a": 1}},
        {"html": "<p>second</p>", "url": "https://example.com/2", "text": "ignored"},
    ]
    path = write(tmp_path / "in.jsonl", "\n".join(json.dumps(x) for x in lines) + "\n\n")
    first, second = iter_records([path])
    assert (first.id, first.data, first.mode_hint) == ("7", "first", "text")
    assert first.passthrough == {"id": 7, "lang": "en", "meta": {"a": 1}}
    assert first.source == f"{path}:1"
    assert (second.data, second.mode_hint, second.url) == ("<p>second</p>", "html", "https://example.com/2")
    assert second.id == f"{path}:2"
    assert second.passthrough == {"url": "https://example.com/2", "text": "ignored"}


def test_jsonl_any_field_by_option(tmp_path: Path) -> None:
    path = write(tmp_path / "in.jsonl", json.dumps({"doc_id": "x1", "content": "body", "text": "t"}) + "\n")
    [record] = iter_records([path], field="content", id_field="doc_id")
    assert (record.id, record.data, record.mode_hint) == ("x1", "body", None)
    assert record.passthrough == {"doc_id": "x1", "text": "t"}


def test_jsonl_bad_lines_become_error_records(tmp_path: Path) -> None:
    path = write(tmp_path / "in.jsonl", '{"text": "ok"}\nnot json\n[1, 2]\n{"id": "q", "title": "x"}\n')
    records = list(iter_records([path]))
    assert [r.error is None for r in records] == [True, False, False, False]
    assert records[1].error is not None and records[1].error.startswith("invalid JSON")
    assert records[2].error is not None and "JSON object" in records[2].error
    assert records[3].error is not None and "'html' or 'text' is missing" in records[3].error
    assert records[3].id == "q" and records[3].passthrough == {"id": "q", "title": "x"}


def test_jsonl_overlong_line_is_skipped_and_reading_goes_on(tmp_path: Path) -> None:
    big = json.dumps({"text": "y" * 5000})
    lines = f'{{"text": "a"}}\n{big}\n{{"text": "b"}}\n'
    path = write(tmp_path / "in.jsonl.gz", gzip.compress(lines.encode()))
    records = list(iter_records([path], max_bytes=1000))
    assert [r.data for r in records] == ["a", b"", "b"]
    assert records[1].error is not None and "longer than 1000 bytes" in records[1].error


def test_truncated_jsonl_gzip_keeps_the_lines_before(tmp_path: Path) -> None:
    lines = "".join(json.dumps({"id": i, "text": os.urandom(200).hex()}) + "\n" for i in range(50))
    data = gzip.compress(lines.encode())
    path = write(tmp_path / "in.jsonl.gz", data[: len(data) - 200])
    records = list(iter_records([path]))
    good = [r for r in records if r.error is None]
    assert 0 < len(good) < 50
    assert [r.id for r in good] == [str(i) for i in range(len(good))]
    assert records[-1].error is not None and "truncated gzip data" in records[-1].error


def test_stdin_is_read_and_sniffed() -> None:
    stdin = io.BytesIO(gzip.compress(b'{"text": "one"}\n{"text": "two"}\n'))
    records = list(iter_records(["-"], stdin=stdin))
    assert [(r.data, r.source) for r in records] == [("one", "<stdin>:1"), ("two", "<stdin>:2")]


# ---- WARC --------------------------------------------------------------------------------------
@pytest.mark.parametrize("gz", [True, False])
def test_warc_round_trip(tmp_path: Path, gz: bool) -> None:
    path = make_warc(tmp_path / ("crawl.warc.gz" if gz else "crawl.warc"), [
        ("https://example.com/a", "text/html; charset=utf-8", HTML.encode()),
        ("https://example.com/logo.png", "image/png", b"\x89PNG"),
        ("https://example.com/b.txt", "text/plain", b"Plain story."),
    ], gz=gz)
    records = list(iter_records([path]))
    assert [(r.url, r.mode_hint, r.data) for r in records] == [
        ("https://example.com/a", "html", HTML.encode()),
        ("https://example.com/b.txt", "text", b"Plain story."),
    ]
    assert all(r.id.startswith("<urn:uuid:") and r.error is None for r in records)
    assert records[0].passthrough["url"] == "https://example.com/a"
    assert "warc_date" in records[0].passthrough
    assert records[0].source == f"{path}@0"


@pytest.mark.parametrize("gz", [True, False])
def test_truncated_warc_is_reported_with_its_offset(tmp_path: Path, gz: bool) -> None:
    full = make_warc(tmp_path / "full.warc", [
        (f"https://example.com/{i}", "text/html", HTML.encode()) for i in range(3)], gz=gz)
    data = full.read_bytes()
    # Three (response, request) pairs: three quarters in is inside the last response.
    cut = write(tmp_path / "cut.warc", data[: len(data) * 3 // 4])
    records = list(iter_records([cut]))
    assert [r.error is None for r in records] == [True, True, False]
    error = records[-1].error
    assert error is not None and "truncated WARC record at offset" in error
    offset = int(records[-1].source.rpartition("@")[2])
    assert 0 < offset < len(data) * 3 // 4 and str(offset) in error


def test_warc_payload_over_the_cap_is_refused(tmp_path: Path) -> None:
    page = ("https://example.com/big", "text/html", b"<p>" + b"a" * 5000)
    path = make_warc(tmp_path / "big.warc.gz", [page])
    [record] = iter_records([path], max_bytes=1000)
    assert record.error is not None and "more than 1000 bytes" in record.error
