"""Batches survive their workers: a worker that dies (SIGKILL as the OOM killer sends it, a
segfault, an exit) or is stopped (past the hard time limit, past the memory limit) costs only the
record it was on, which comes out as an error record naming the cause; a new worker takes over and
every other record comes out, in input order.

The workers are killed for real, by a test rule that, on a marked document, kills its own process
or allocates memory without end. ``multiprocessing.Pool`` hung forever on the first of these.
"""

from __future__ import annotations

import ctypes
import json
import os
import signal
import sys
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest

from newsclean import Pipeline, Rule, Verdict, default_pipeline, learn
from newsclean.batch import Record, hard_timeout, process
from newsclean.document import Document
from newsclean.rules.base import Context
from newsclean.workers import death_message, rss_bytes

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="signals, fork and /proc")

STORY = ("Council approves new budget\n\nThe city council voted on Tuesday to approve the budget for next "
         "year, officials said after a long meeting.\n\nShare on Facebook")


class Saboteur(Rule):
    """Test rule: on a document naming a fault, causes it in the process that cleans it."""

    name = "saboteur"

    def apply(self, doc: Document, context: Context) -> Iterable[Verdict]:
        text = doc.source
        if "FAULT:SIGKILL" in text:
            os.kill(os.getpid(), signal.SIGKILL)
        if "FAULT:SEGFAULT" in text:
            ctypes.string_at(0)  # reads address 0: a real segmentation fault
        if "FAULT:EXIT" in text:
            os._exit(3)
        if "FAULT:STUCK" in text:  # the SIGALRM budget cannot get through (as in one long C call)
            signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
            time.sleep(30)
        if "FAULT:MEMORY" in text:
            hog = []
            for _ in range(150):  # up to 1.5 GB, 10 MB at a time, touched so that it is resident
                hog.append(b"x" * 10_000_000)
                time.sleep(0.01)
            time.sleep(30)
        return ()


def saboteur() -> Pipeline:
    return default_pipeline().with_rule(Saboteur(), origin="test")


def records(n: int, faults: dict[int, str]) -> list[Record]:
    return [Record(f"r{i}", f"{STORY}\n\nItem {i}. " + (f"FAULT:{faults[i]}" if i in faults else ""), "text",
                   passthrough={"n": i}) for i in range(n)]


def run(recs: list[Record], **kwargs: Any) -> list[dict[str, Any]]:
    started = time.monotonic()
    out = list(process(recs, pipeline=saboteur(), chunksize=kwargs.pop("chunksize", 4), **kwargs))
    assert time.monotonic() - started < 60, "the batch took far too long"
    return out


def errors(out: list[dict[str, Any]]) -> dict[str, str]:
    return {o["id"]: o["error"] for o in out if "error" in o}


@pytest.mark.parametrize(("fault", "message"), [
    ("SIGKILL", "worker died: killed by signal SIGKILL (out of memory?)"),
    ("SEGFAULT", "worker died: killed by signal SIGSEGV"),
    ("EXIT", "worker died: exit status 3"),
])
def test_a_dead_worker_costs_only_its_record(fault: str, message: str) -> None:
    recs = records(30, {9: fault, 22: fault})
    out = run(recs, workers=2)
    assert [o["id"] for o in out] == [r.id for r in recs]
    assert errors(out) == {"r9": message, "r22": message}
    assert all(o["body"].startswith("The city council voted") for o in out if "error" not in o)
    assert [o["n"] for o in out] == list(range(30))  # passthrough kept, error records included


def test_the_rest_of_a_dead_workers_chunk_is_cleaned_by_another() -> None:
    """The fault is the first record of a chunk of 8: the seven after it were sent to the same
    worker and must not be lost with it."""
    out = run(records(16, {8: "SIGKILL"}), workers=2, chunksize=8)
    assert list(errors(out)) == ["r8"]
    assert sum("body" in o for o in out) == 15


def test_every_worker_dying_at_once_still_finishes() -> None:
    out = run(records(12, dict.fromkeys(range(0, 12, 2), "SIGKILL")), workers=2, chunksize=1)
    assert list(errors(out)) == [f"r{i}" for i in range(0, 12, 2)]
    assert [o["id"] for o in out] == [f"r{i}" for i in range(12)]


def test_a_record_stuck_past_its_budget_has_its_worker_stopped() -> None:
    """SIGALRM is blocked, as inside a C call that never returns: the parent stops the worker
    ``hard_timeout(timeout)`` seconds after the record started."""
    started = time.monotonic()
    out = run(records(6, {2: "STUCK"}), workers=2, timeout=0.5, chunksize=1)
    assert time.monotonic() - started < 15
    assert errors(out) == {"r2": "timeout: document took longer than 0.5 s (--timeout); its worker was "
                                 f"stopped after {hard_timeout(0.5):g} s"}
    assert sum("body" in o for o in out) == 5


def test_a_worker_over_its_memory_limit_is_stopped() -> None:
    limit = 400 * 2 ** 20
    out = run(records(6, {3: "MEMORY"}), workers=2, memory_limit=limit, chunksize=1)
    assert list(errors(out)) == ["r3"]
    assert errors(out)["r3"].startswith("memory limit: the worker grew by ")
    assert errors(out)["r3"].endswith("more than 400 MB (--max-memory); it was stopped")
    assert sum("body" in o for o in out) == 5


def test_the_memory_limit_counts_what_a_worker_adds_not_what_it_inherits() -> None:
    """A forked worker starts with the parent's pages in its resident size: with a parent of 300 MB
    more than the limit, no worker may be stopped for it."""
    ballast = b"y" * (500 * 2 ** 20)  # touched: resident in this process, then in each forked worker
    out = run(records(4, {}), workers=2, memory_limit=200 * 2 ** 20, chunksize=1)
    assert len(ballast) and errors(out) == {}


def test_a_memory_limit_runs_even_one_worker_in_a_process() -> None:
    """With ``workers=1`` the batch normally runs in this process, where nothing could be stopped."""
    out = run(records(3, {1: "SIGKILL"}), workers=1, memory_limit=2 * 2 ** 30)
    assert errors(out) == {"r1": "worker died: killed by signal SIGKILL (out of memory?)"}


def test_unordered_output_still_gives_every_record_once() -> None:
    recs = records(20, {5: "SIGKILL"})
    out = run(recs, workers=2, ordered=False, chunksize=2)
    assert sorted(o["id"] for o in out) == sorted(r.id for r in recs)
    assert list(errors(out)) == ["r5"]


def test_death_messages_and_rss() -> None:
    assert death_message(-9) == "worker died: killed by signal SIGKILL (out of memory?)"
    assert death_message(-11) == "worker died: killed by signal SIGSEGV"
    assert death_message(1) == "worker died: exit status 1"
    rss = rss_bytes(os.getpid())
    assert rss is not None and 10 * 2 ** 20 < rss < 8 * 2 ** 30
    assert rss_bytes(2 ** 22 + 12345) is None  # no such process


def test_the_cli_finishes_a_400_record_batch_whose_worker_is_killed(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The issue's case: 400 records, two workers, one SIGKILLed: 399 records and one error record,
    in input order, exit status 1."""
    from newsclean import cli

    monkeypatch.setattr(cli, "pipeline_for", lambda args: saboteur())
    source = tmp_path / "big.jsonl"
    with source.open("w", encoding="utf-8") as fh:
        for i in range(400):
            text = f"{STORY}\n\nItem {i}." + (" FAULT:SIGKILL" if i == 137 else "")
            fh.write(json.dumps({"id": f"d{i}", "text": text}) + "\n")
    out = tmp_path / "out.jsonl"
    code = cli.main(["clean", str(source), "-f", "jsonl", "-o", str(out), "--workers", "2"])
    err = capsys.readouterr().err
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert code == 1
    assert [r["id"] for r in rows] == [f"d{i}" for i in range(400)]
    assert errors(rows) == {"d137": "worker died: killed by signal SIGKILL (out of memory?)"}
    assert "400 documents" in err and "1 error" in err


ORIGINAL_PAGE_OF = learn._page_of


def _page_or_die(record: Record, *args: Any, **kwargs: Any) -> Any:
    if isinstance(record.data, str) and "FAULT:SIGKILL" in record.data:
        os.kill(os.getpid(), signal.SIGKILL)
    return ORIGINAL_PAGE_OF(record, *args, **kwargs)


def test_learning_profiles_survives_a_dead_worker_too(monkeypatch: pytest.MonkeyPatch) -> None:
    """``newsclean learn -w N`` uses the same pool: the page whose worker died counts as failed."""
    from newsclean.profiles import LearnOptions

    monkeypatch.setattr(learn, "_page_of", _page_or_die)  # forked workers inherit the patch
    recs = [Record(f"p{i}", f"{STORY}\n\nItem {i}." + (" FAULT:SIGKILL" if i == 4 else ""), "text",
                   url=f"https://example.com/{i}") for i in range(10)]
    counts = learn.count_records(recs, LearnOptions(), workers=2, chunksize=2)
    assert counts.stats["documents"] == 10 and counts.stats["failed"] == 1


def test_an_item_that_cannot_be_pickled_is_an_error_record() -> None:
    recs = records(5, {})
    recs[2].passthrough["handle"] = lambda: None  # no pickle for a lambda
    out = run(recs, workers=2, chunksize=1)
    assert [o["id"] for o in out] == [r.id for r in recs]
    assert list(errors(out)) == ["r2"] and errors(out)["r2"].startswith("cannot send to a worker: ")
