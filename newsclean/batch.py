"""Batch cleaning: many records in, exactly one result dict out per record, in input order.

A :class:`Record` is one document to clean (a file, a JSON Lines line, a WARC response record) and
:func:`process` turns a stream of them into a stream of JSON-ready dicts. The guarantees a batch
job relies on:

* **one output per input, in input order**, whether or not the record could be cleaned. A record
  that fails (a reader error such as a truncated gzip, an exception in a rule, a document that runs
  past its time budget) comes out as ``{"id", "source", ..., "error": "..."}`` and the batch goes on;
* **bounded memory**: records are pulled from the input only as results are consumed (at most a
  few chunks per worker are in flight), so a stream of any length runs in constant memory;
* **a time budget per document** (``timeout`` seconds, enforced with ``SIGALRM`` in the process that
  cleans the document, where the platform has it). A document stuck inside a single C call (one
  pathological regular expression) is only interrupted when that call returns.

Nothing here imports the cleaning machinery at module import time; workers import it on first use.
"""

from __future__ import annotations

import os
import signal
import threading
import time
import traceback
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from newsclean.timelimit import time_limit

if TYPE_CHECKING:
    from newsclean.config import Config
    from newsclean.pipeline import Pipeline
    from newsclean.profiles import Profiles

__all__ = ["DEFAULT_TIMEOUT", "DocumentTimeout", "Record", "Summary", "clean_record", "error_result",
           "process", "record_from_mapping"]

DEFAULT_TIMEOUT = 30.0
"""Seconds one document may take before it is abandoned with an error record."""

DEFAULT_CHUNKSIZE = 4
"""Records sent to a worker at a time."""

_WARM_UP = "A title\n\nA first paragraph of a story, which says what happened.\n\nShare on Facebook"

_IN_FLIGHT_CHUNKS = 3
"""Chunks per worker that may be queued or running before the reader is paused."""


@dataclass(slots=True)
class Record:
    """One document to clean, and where it came from.

    ``id`` names the record in the output (the JSONL ``id`` field, the WARC-Record-ID, or the file
    path); ``data`` is the text or the undecoded bytes; ``mode_hint`` (``"text"``/``"html"``) is what
    the container said the content is (file extension, JSONL field, HTTP Content-Type), used when the
    mode is ``auto``; ``passthrough`` holds fields copied to the output as they are (the other JSONL
    fields, the WARC URL and date); ``source`` says where to look (``path``, ``path:line``,
    ``path@offset``). A record with an ``error`` could not be read; it is reported, not cleaned.
    """

    id: str
    data: str | bytes
    mode_hint: str | None = None
    url: str | None = None
    passthrough: dict[str, Any] = field(default_factory=dict)
    source: str = ""
    error: str | None = None


def record_from_mapping(obj: Any, where: str, *, text_field: str = "text", html_field: str = "html",
                        url_field: str = "url", id_field: str = "id") -> Record:
    """A record from a mapping (a JSON Lines object, a Dask bag item, a dataframe row).

    The document is the ``html_field`` value when it is a non-empty string (or bytes), else the
    ``text_field`` value; ``id`` and ``url`` come from their fields; every other field is passed
    through. ``where`` is the record's ``source`` (and its ``id`` when there is no id field).
    """
    record = Record(where, b"", source=where)
    if not isinstance(obj, Mapping):
        record.error = f"expected a mapping per record, got {type(obj).__name__}"
        return record
    if obj.get(id_field) is not None:
        record.id = str(obj[id_field])
    url = obj.get(url_field)
    record.url = url if isinstance(url, str) and url else None
    key = next((k for k in (html_field, text_field) if isinstance(obj.get(k), (str, bytes)) and obj[k]),
               None)
    record.passthrough = {k: v for k, v in obj.items() if k not in (html_field, text_field)}
    if key is None:
        record.error = f"no document: field {html_field!r} and field {text_field!r} are missing or empty"
        return record
    record.data = obj[key]
    record.mode_hint = "html" if key == html_field else "text"
    return record


class DocumentTimeout(BaseException):
    """A document ran past its time budget.

    A ``BaseException`` on purpose: library code that catches ``Exception`` around a parser must not
    swallow it and carry on with the document.
    """


def _time_budget(seconds: float | None) -> AbstractContextManager[None]:
    """Raise :class:`DocumentTimeout` in the block after ``seconds`` (main thread, POSIX only; an
    HTML extraction limit inside it nests, see :mod:`newsclean.timelimit`)."""
    return time_limit(seconds, error=DocumentTimeout,
                      message=f"document took longer than {seconds:g} s (--timeout)"
                      if seconds else None)


def _head(record: Record) -> dict[str, Any]:
    out: dict[str, Any] = {"id": record.id, "source": record.source}
    out.update(record.passthrough)
    return out


def error_result(record: Record, message: str) -> dict[str, Any]:
    """The output dict of a record that could not be cleaned."""
    out = _head(record)
    out["error"] = message
    return out


def clean_record(record: Record, *, pipeline: Pipeline | None = None, config: Config | None = None,
                 timeout: float | None = DEFAULT_TIMEOUT, debug: bool = False) -> dict[str, Any]:
    """Clean one record into its output dict; never raises an ``Exception`` (errors become records).

    The output is ``{"id", "source", **passthrough, **Article.to_dict()}`` (the article's fields win
    over passthrough fields of the same name), or ``{"id", "source", **passthrough, "error"}``;
    with ``debug``, a record that failed with an exception also has its ``"traceback"``.
    """
    if record.error is not None:
        return error_result(record, record.error)
    try:
        from newsclean.api import clean
        from newsclean.config import Config

        cfg = config or Config()
        if cfg.mode == "auto" and record.mode_hint in ("text", "html"):
            cfg = cfg.but(mode=record.mode_hint)
        with _time_budget(timeout):
            article = clean(record.data, url=record.url, pipeline=pipeline, config=cfg)
        out = _head(record)
        out.update(article.to_dict())
        return out
    except DocumentTimeout as exc:
        return error_result(record, f"timeout: {exc}")
    except Exception as exc:
        out = error_result(record, f"{type(exc).__name__}: {exc}")
        if debug:
            out["traceback"] = traceback.format_exc()
        return out


# ---- worker processes ----------------------------------------------------------------------------
_WORKER: dict[str, Any] = {}


def _init_worker(pipeline: Pipeline | None, config: Config | None, timeout: float | None,
                 debug: bool = False) -> None:
    # Ctrl-C is handled by the parent, which terminates the pool; workers must not print tracebacks.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _WORKER.update(pipeline=pipeline, config=config, timeout=timeout, debug=debug)


def _work(record: Record) -> dict[str, Any]:
    return clean_record(record, pipeline=_WORKER.get("pipeline"), config=_WORKER.get("config"),
                        timeout=_WORKER.get("timeout"), debug=bool(_WORKER.get("debug")))


class _Throttle:
    """Feeds the pool from ``records`` but pauses once ``limit`` records are not yet consumed.

    ``Pool.imap`` drains its input in a background thread as fast as it can; without this the whole
    input would be read into memory ahead of the workers.
    """

    def __init__(self, records: Iterable[Record], limit: int) -> None:
        self._records = iter(records)
        self._slots = threading.Semaphore(limit)
        self._stopped = False
        self.error: BaseException | None = None

    def __iter__(self) -> Iterator[Record]:
        while True:
            self._slots.acquire()
            if self._stopped:
                return
            try:
                record = next(self._records)
            except StopIteration:
                return
            except BaseException as exc:  # reader failure: surfaced in the consuming thread
                self.error = exc
                return
            yield record

    def consumed(self) -> None:
        self._slots.release()

    def stop(self) -> None:
        self._stopped = True
        for _ in range(1024):
            self._slots.release()


def process(records: Iterable[Record], *, pipeline: Pipeline | None = None, config: Config | None = None,
            workers: int = 1, timeout: float | None = DEFAULT_TIMEOUT,
            chunksize: int = DEFAULT_CHUNKSIZE, profiles: Profiles | None = None,
            debug: bool = False) -> Iterator[dict[str, Any]]:
    """Clean ``records`` and yield one output dict per record, in input order.

    ``workers`` > 1 cleans in that many processes (``multiprocessing.Pool.imap`` in chunks of
    ``chunksize``); ``0`` means one per CPU. The pipeline and config are sent to each worker once;
    ``profiles`` (site profiles) go into the pipeline's ``site_profile`` rule, so they travel with it.
    An exception raised by the *reader* (the ``records`` iterator itself) is re-raised here after the
    results before it have been yielded. ``debug`` adds each failure's traceback (see
    :func:`clean_record`).
    """
    if profiles is not None:
        from newsclean.profiles import with_profiles

        pipeline = with_profiles(pipeline, profiles)
    if workers == 0:
        workers = os.cpu_count() or 1
    if workers <= 1:
        if timeout:
            # Lazy one-time loading (the language index, phrase matchers, model weights: ~2 s) must not
            # count against the first document's budget: with a short --timeout it used to fail.
            clean_record(Record("warm-up", _WARM_UP, "text"), pipeline=pipeline, config=config, timeout=None)
        for record in records:
            yield clean_record(record, pipeline=pipeline, config=config, timeout=timeout, debug=debug)
        return

    import multiprocessing

    if multiprocessing.get_start_method() == "fork":
        # Load the lazily built tables (phrase matchers, language index) once, here, so that the
        # forked workers inherit them instead of each building its own.
        clean_record(Record("warm-up", _WARM_UP, "text"), pipeline=pipeline, config=config, timeout=None)
    yield from pooled(records, _work, workers=workers, chunksize=chunksize,
                      initializer=_init_worker, initargs=(pipeline, config, timeout, debug))


def pooled(items: Iterable[Any], work: Callable[[Any], Any], *, workers: int, chunksize: int,
           initializer: Callable[..., None], initargs: tuple[Any, ...]) -> Iterator[Any]:
    """``work`` over ``items`` in a pool of ``workers`` processes, results in input order, with at
    most a few chunks per worker read ahead (memory stays flat on a stream of any length). An
    exception raised by the ``items`` iterator is re-raised after the results before it."""
    import multiprocessing

    chunksize = max(1, chunksize)
    feed = _Throttle(items, workers * chunksize * _IN_FLIGHT_CHUNKS)
    pool = multiprocessing.Pool(workers, initializer=initializer, initargs=initargs)
    try:
        for result in pool.imap(work, feed, chunksize):
            feed.consumed()
            yield result
        if feed.error is not None:
            raise feed.error
        pool.close()
    finally:
        feed.stop()
        pool.terminate()
        pool.join()


# ---- summary -------------------------------------------------------------------------------------
@dataclass(slots=True)
class Summary:
    """Counts over a batch's output dicts, for the line printed at the end of a run."""

    documents: int = 0
    errors: int = 0
    removed: Counter[str] = field(default_factory=Counter)
    started: float = field(default_factory=time.perf_counter)
    first_errors: list[str] = field(default_factory=list)
    keep_errors: int = 10

    def add(self, result: dict[str, Any]) -> None:
        self.documents += 1
        if "error" in result:
            self.errors += 1
            if len(self.first_errors) < self.keep_errors:
                where = result.get("source") or result.get("id")
                self.first_errors.append(f"{where}: {result['error']}")
            return
        for removal in result.get("removed") or ():
            self.removed[str(removal.get("kind"))] += 1

    @property
    def elapsed(self) -> float:
        return time.perf_counter() - self.started

    def format(self, elapsed: float | None = None) -> str:
        """``5 documents in 1.2 s (4.1 docs/s), 0 errors; removed: site_chrome 21, ticker 3``."""
        elapsed = self.elapsed if elapsed is None else elapsed
        rate = self.documents / elapsed if elapsed > 0 else 0.0
        noun = "document" if self.documents == 1 else "documents"
        line = (f"{self.documents} {noun} in {elapsed:.1f} s ({rate:.1f} docs/s), "
                f"{self.errors} error{'' if self.errors == 1 else 's'}")
        if self.removed:
            kinds = ", ".join(f"{kind} {n}" for kind, n in self.removed.most_common())
            line += f"; removed lines: {kinds}"
        else:
            line += "; removed lines: none"
        return line
