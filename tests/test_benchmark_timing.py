"""The timing protocol of the benchmarks (issue #17/#18): the process is warmed on documents other
than the measured ones, in several languages, and one-off costs every system shares are paid
before any clock starts."""

from __future__ import annotations

import pytest
from repo_scripts import load_script

quality = load_script("benchmarks/quality.py", "quality_for_timing_tests")


@pytest.mark.parametrize("html", [False, True])
def test_warm_up_documents_are_not_benchmark_pages_and_cover_several_languages(html: bool) -> None:
    docs = quality.warmup_docs(html)
    ids = [doc_id for doc_id, _page, _text in docs]
    assert all(doc_id.startswith("warmup-") for doc_id in ids)
    languages = {doc_id.split("-")[1] for doc_id in ids if not doc_id[7:].isdigit()}
    assert {"de", "fr", "es", "pl"} <= languages
    for _doc_id, page, text in docs:
        assert page
        assert bool(text) is not html  # text mode gets the text, HTML mode a page
        if html:
            assert page.startswith(b"<html>")


def test_shared_caches_are_warmed_without_error() -> None:
    from htmldate.extractors import get_external_parser

    quality.warm_shared_caches()
    assert get_external_parser.cache_info().currsize == 1  # htmldate's dateparser, built


def test_a_failing_page_counts_as_an_error_not_a_crash() -> None:
    def extract(doc_id: str, _page: bytes, _text: str) -> str:
        if doc_id == "bad":
            raise ValueError("boom")
        return "body"

    run = quality.timed_run("x", extract, [("good", b"a", "a"), ("bad", b"b", "b")])
    assert run.predictions == {"good": "body", "bad": ""}
    assert run.errors == 1


def test_speed_refuses_an_unknown_system_with_the_known_ones(capsys: pytest.CaptureFixture[str]) -> None:
    speed = load_script("benchmarks/speed.py", "speed_for_timing_tests")
    with pytest.raises(SystemExit) as exc:
        speed.main(["unused-data-dir", "--systems", "justext"])
    assert exc.value.code == 2
    err = capsys.readouterr().err
    assert "unknown system(s) justext" in err and "justext/text" in err
