"""Batch cleaning: many records in, exactly one result dict out per record, in input order.

A :class:`Record` is one document to clean (a file, a JSON Lines line, a WARC response record) and
:func:`process` turns a stream of them into a stream of JSON-ready dicts. The guarantees a batch
job relies on:

* **one output per input, in input order**, whether or not the record could be cleaned. A record
  that fails (a reader error such as a truncated gzip, bytes that are no text, a document that runs
  past its time budget, a worker process that dies under it) comes out as
  ``{"id", "source", ..., "error": "..."}`` and the batch goes on;
* **workers are expendable** (``workers`` > 1, :mod:`newsclean.workers`): a worker killed by a
  signal, the OOM killer or a segfault costs only the record it was on, which becomes an error
  record naming the cause; a new worker takes over. ``memory_limit`` stops a worker whose
  resident memory grows by more than that (Linux), and a document that ignores its time budget
  (stuck in one C call) has its worker stopped a little after it, both with an error record;
* **bounded memory**: records are pulled from the input only as results are consumed (at most a
  few chunks per worker are in flight), so a stream of any length runs in constant memory;
* **a time budget per document** (``timeout`` seconds, enforced with ``SIGALRM`` in the process that
  cleans the document, where the platform has it).

A rule that raises is skipped for that document with a warning (``strict``: an error record).
Nothing here imports the cleaning machinery at module import time; workers import it on first use.
"""

from __future__ import annotations

import os
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
           "hard_timeout", "pooled", "process", "record_from_mapping"]

DEFAULT_TIMEOUT = 30.0
"""Seconds one document may take before it is abandoned with an error record."""

DEFAULT_CHUNKSIZE = 4
"""Records sent to a worker at a time."""

_WARM_UP = "A title\n\nA first paragraph of a story, which says what happened.\n\nShare on Facebook"



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
                 timeout: float | None = DEFAULT_TIMEOUT, strict: bool = False,
                 debug: bool = False) -> dict[str, Any]:
    """Clean one record into its output dict; never raises an ``Exception`` (errors become records).

    The output is ``{"id", "source", **passthrough, **Article.to_dict()}`` (the article's fields win
    over passthrough fields of the same name), or ``{"id", "source", **passthrough, "error"}``.
    ``strict``: a rule that raises makes an error record instead of a warning. With ``debug``, a
    record that failed with an exception also has its ``"traceback"``.
    """
    if record.error is not None:
        return error_result(record, record.error)
    from newsclean.ingest.binary import NotTextError

    try:
        from newsclean.api import clean
        from newsclean.config import Config

        cfg = config or Config()
        if cfg.mode == "auto" and record.mode_hint in ("text", "html"):
            cfg = cfg.but(mode=record.mode_hint)
        with _time_budget(timeout):
            article = clean(record.data, url=record.url, pipeline=pipeline, config=cfg, strict=strict)
        out = _head(record)
        out.update(article.to_dict())
        return out
    except DocumentTimeout as exc:
        return error_result(record, f"timeout: {exc}")
    except NotTextError as exc:
        return error_result(record, str(exc))
    except Exception as exc:
        out = error_result(record, f"{type(exc).__name__}: {exc}")
        if debug:
            out["traceback"] = traceback.format_exc()
        return out


# ---- worker processes ----------------------------------------------------------------------------
_WORKER: dict[str, Any] = {}


def _init_worker(pipeline: Pipeline | None, config: Config | None, timeout: float | None,
                 strict: bool = False, debug: bool = False) -> None:
    _WORKER.update(pipeline=pipeline, config=config, timeout=timeout, strict=strict, debug=debug)


def _work(record: Record) -> dict[str, Any]:
    return clean_record(record, pipeline=_WORKER.get("pipeline"), config=_WORKER.get("config"),
                        timeout=_WORKER.get("timeout"), strict=bool(_WORKER.get("strict")),
                        debug=bool(_WORKER.get("debug")))


def hard_timeout(timeout: float | None) -> float | None:
    """Seconds after which a worker still on one document is stopped: the ``SIGALRM`` budget plus
    a margin, so that the budget fires first whenever it can (it cannot inside one long C call)."""
    return None if not timeout else timeout + max(2.0, timeout / 4)


def process(records: Iterable[Record], *, pipeline: Pipeline | None = None, config: Config | None = None,
            workers: int = 1, timeout: float | None = DEFAULT_TIMEOUT,
            chunksize: int = DEFAULT_CHUNKSIZE, profiles: Profiles | None = None, strict: bool = False,
            memory_limit: int | None = None, ordered: bool = True,
            debug: bool = False) -> Iterator[dict[str, Any]]:
    """Clean ``records`` and yield one output dict per record, in input order (``ordered=False``:
    as they are done).

    ``workers`` > 1 cleans in that many processes (:func:`newsclean.workers.run`, chunks of
    ``chunksize``); ``0`` means one per CPU. ``memory_limit`` (bytes of resident memory a worker may
    add) runs the batch in worker processes even with ``workers=1``, since only a worker can be
    stopped.
    The pipeline and config are sent to each worker once; ``profiles`` (site profiles) go into the
    pipeline's ``site_profile`` rule, so they travel with it. An exception raised by the *reader*
    (the ``records`` iterator itself) is re-raised here after the results before it have been
    yielded. ``debug`` adds each failure's traceback (see :func:`clean_record`).
    """
    if profiles is not None:
        from newsclean.profiles import with_profiles

        pipeline = with_profiles(pipeline, profiles)
    if workers == 0:
        workers = os.cpu_count() or 1
    if workers <= 1 and memory_limit is None:
        if timeout:
            # Lazy one-time loading (the language index, phrase matchers, model weights: ~2 s) must not
            # count against the first document's budget: with a short --timeout it used to fail.
            clean_record(Record("warm-up", _WARM_UP, "text"), pipeline=pipeline, config=config, timeout=None)
        for record in records:
            yield clean_record(record, pipeline=pipeline, config=config, timeout=timeout, strict=strict,
                               debug=debug)
        return

    import multiprocessing

    if multiprocessing.get_start_method() == "fork":
        # Load the lazily built tables (phrase matchers, language index) once, here, so that the
        # forked workers inherit them instead of each building its own.
        clean_record(Record("warm-up", _WARM_UP, "text"), pipeline=pipeline, config=config, timeout=None)
    yield from pooled(records, _work, workers=max(1, workers), chunksize=chunksize,
                      initializer=_init_worker, initargs=(pipeline, config, timeout, strict, debug),
                      on_error=error_result, ordered=ordered, hard_timeout=hard_timeout(timeout),
                      timeout_message=f"timeout: document took longer than {timeout:g} s (--timeout)"
                      if timeout else "timeout", memory_limit=memory_limit)


def _message(item: Any, message: str) -> str:
    return message


def pooled(items: Iterable[Any], work: Callable[[Any], Any], *, workers: int, chunksize: int,
           initializer: Callable[..., None], initargs: tuple[Any, ...],
           on_error: Callable[[Any, str], Any] = _message, ordered: bool = True,
           hard_timeout: float | None = None, timeout_message: str = "timeout",
           memory_limit: int | None = None) -> Iterator[Any]:
    """``work`` over ``items`` in a pool of ``workers`` processes that survives its workers
    (:func:`newsclean.workers.run`): results in input order, with at most a few chunks per worker
    read ahead. An item whose worker died or was stopped gives ``on_error(item, message)`` (by
    default the message). An exception raised by the ``items`` iterator is re-raised after the
    results before it."""
    from newsclean import workers as _workers

    yield from _workers.run(items, work, workers=workers, chunksize=chunksize, on_error=on_error,
                            initializer=initializer, initargs=initargs, ordered=ordered,
                            hard_timeout=hard_timeout, timeout_message=timeout_message,
                            memory_limit=memory_limit)


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
