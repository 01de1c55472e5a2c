"""Batch processing: one result per record, in order, failures as error records, bounded reading."""

from __future__ import annotations

import itertools
import time
from collections.abc import Iterable, Iterator

import pytest

from newsclean import Kind, Pipeline, Rule, default_pipeline
from newsclean.batch import Record, Summary, clean_record, process
from newsclean.document import Document
from newsclean.rules.base import Context, Verdict

STORY = ("Council approves new budget\n\n"
         "The city council voted on Tuesday to approve the budget for next year, officials said after "
         "a long meeting.\n\n"
         "The mayor said the plan would fund schools and repair roads across the city over the coming "
         "months.\n\nShare on Facebook")


class Trouble(Rule):
    """Test rule: raises on documents saying BOOM, sleeps on documents saying SLOW."""

    name = "trouble"

    def apply(self, doc: Document, context: Context) -> Iterable[Verdict]:
        if "BOOM" in doc.source:
            raise RuntimeError("the rule exploded")
        if "SLOW" in doc.source:
            time.sleep(5)
        for block in doc:
            if block.text == "DROP ME":
                yield self.drop(block, Kind.SITE_CHROME, "test drop")


def trouble_pipeline() -> Pipeline:
    return default_pipeline().with_rule(Trouble(), origin="test")


def records(n: int, bad: Iterable[int] = (), slow: Iterable[int] = ()) -> list[Record]:
    out = []
    for i in range(n):
        text = (f"{STORY}\n\nThe council will meet again on day {i} of next month, the clerk said in a "
                "statement on Wednesday.")
        if i in set(bad):
            text += "\n\nBOOM"
        if i in set(slow):
            text += "\n\nSLOW"
        out.append(Record(f"doc-{i}", text, "text", source=f"src-{i}", passthrough={"n": i}))
    return out


def test_clean_record_output_shape() -> None:
    out = clean_record(Record("a", STORY, "text", url="https://example.com/x", passthrough={"lang": "en"},
                              source="a.txt"))
    assert out["id"] == "a" and out["source"] == "a.txt" and out["lang"] == "en"
    assert out["title"] == "Council approves new budget"
    assert out["body"].startswith("The city council voted")
    assert {"kind": "site_chrome", "text": "Share on Facebook"}.items() <= out["removed"][-1].items()
    assert out["metadata"]["url"] == "https://example.com/x"
    assert "error" not in out


def test_mode_hint_applies_only_in_auto_mode() -> None:
    from newsclean import Config

    html = "<html><body><p>" + STORY.replace("\n\n", "</p><p>") + "</p></body></html>"
    assert clean_record(Record("h", html, "html"))["mode"] == "html"
    assert clean_record(Record("h", html, "html"), config=Config(mode="text"))["mode"] == "text"


def test_reader_errors_pass_through_as_error_records() -> None:
    out = clean_record(Record("x", b"", source="x.gz", error="truncated gzip data", passthrough={"k": 1}))
    assert out == {"id": "x", "source": "x.gz", "k": 1, "error": "truncated gzip data"}


def test_a_failing_rule_is_skipped_for_that_document_with_a_warning() -> None:
    out = list(process(records(4, bad=[1]), pipeline=trouble_pipeline()))
    assert [o["id"] for o in out] == ["doc-0", "doc-1", "doc-2", "doc-3"]
    assert all("error" not in o for o in out)
    assert ("rule 'trouble' failed: RuntimeError: the rule exploded; the rule was skipped for this "
            "document") in out[1]["warnings"]
    assert "on day 1 of" in out[1]["body"]  # the other rules ran
    assert not any("failed" in w for i, o in enumerate(out) if i != 1 for w in o["warnings"])


def test_strict_makes_a_failing_rule_an_error_record_and_the_batch_goes_on() -> None:
    out = list(process(records(4, bad=[1]), pipeline=trouble_pipeline(), strict=True))
    assert [o["id"] for o in out] == ["doc-0", "doc-1", "doc-2", "doc-3"]
    assert out[1]["error"] == "RuleError: rule 'trouble' failed: RuntimeError: the rule exploded"
    assert out[1]["n"] == 1 and out[1]["source"] == "src-1"
    assert all("error" not in o for i, o in enumerate(out) if i != 1)


def test_in_process_timeout() -> None:
    started = time.perf_counter()
    [out] = process(records(1, slow=[0]), pipeline=trouble_pipeline(), timeout=0.3)
    assert time.perf_counter() - started < 3
    assert out["error"].startswith("timeout: document took longer than 0.3 s")


def test_workers_keep_order_and_one_output_per_input() -> None:
    recs = records(12, bad=[3, 7], slow=[5])
    recs.insert(9, Record("unreadable", b"", source="cut.gz", error="truncated gzip data"))
    started = time.perf_counter()
    out = list(process(recs, pipeline=trouble_pipeline(), workers=2, chunksize=2, timeout=0.5,
                       strict=True))
    assert time.perf_counter() - started < 8
    assert [o["id"] for o in out] == [r.id for r in recs]
    errors = {o["id"]: o["error"] for o in out if "error" in o}
    assert set(errors) == {"doc-3", "doc-7", "doc-5", "unreadable"}
    assert errors["doc-3"] == "RuleError: rule 'trouble' failed: RuntimeError: the rule exploded"
    assert errors["doc-5"].startswith("timeout:")
    assert all(f"on day {o['n']} of" in o["body"] for o in out if "error" not in o)


def test_workers_do_not_read_the_input_ahead() -> None:
    pulled = []

    def endless() -> Iterator[Record]:
        for i in itertools.count():
            pulled.append(i)
            yield Record(f"d{i}", f"Story {i}\n\n{STORY}", "text")

    results = process(endless(), workers=2, chunksize=2)
    first = list(itertools.islice(results, 5))
    results.close()  # type: ignore[attr-defined]
    assert [r["id"] for r in first] == ["d0", "d1", "d2", "d3", "d4"]
    assert len(pulled) <= 5 + 2 * 2 * 3 + 2


def test_reader_exception_surfaces_after_the_results_before_it() -> None:
    def broken() -> Iterator[Record]:
        yield from records(3)
        raise OSError("disk gone")

    seen = []
    with pytest.raises(OSError, match="disk gone"):
        for result in process(broken(), workers=2, chunksize=1):
            seen.append(result["id"])
    assert seen == ["doc-0", "doc-1", "doc-2"]


def test_summary_counts_documents_errors_and_kinds() -> None:
    summary = Summary()
    summary.add({"id": "a", "removed": [{"kind": "site_chrome"}, {"kind": "ticker"},
                                        {"kind": "site_chrome"}]})
    summary.add({"id": "b", "source": "b.txt", "error": "ValueError: bad"})
    line = summary.format(elapsed=2.0)
    assert line == ("2 documents in 2.0 s (1.0 docs/s), 1 error; "
                    "removed lines: site_chrome 2, ticker 1")
    assert summary.first_errors == ["b.txt: ValueError: bad"]
