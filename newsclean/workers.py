"""A process pool that survives its workers: a dead worker costs only the item it was on.

``multiprocessing.Pool.imap`` waits forever for a task whose worker died (the OOM killer's
SIGKILL, a segfault in a C extension): a 400-record batch stopped at 384 records, with no error
and no exit. :func:`run` replaces it. Each worker has its own pipes; the parent sends an idle worker
a chunk of items, the worker sends one result per item as soon as it has it, and the parent
waits on every pipe and every worker's process sentinel at once. So the parent always knows which
item a worker is on (the first of its chunk without a result), and when a worker dies:

* that item becomes an error result naming the cause (``worker died: killed by signal SIGKILL``),
  through ``on_error``;
* the rest of its chunk goes back to the front of the queue, and a new worker is started;
* every other item comes out as usual, in input order when ``ordered``.

The parent also enforces two limits by stopping the worker (SIGKILL) and reporting the item the
same way: ``hard_timeout``, seconds on one item (for an item stuck in a C call that the worker's
own ``SIGALRM`` budget cannot interrupt), and ``memory_limit``, bytes of resident memory a worker
may add to what it held when it became ready (read from ``/proc``, so Linux only; elsewhere it is
not enforced). Growth, not the total: a forked worker starts with the parent's pages counted in its
resident size, and a parent that is big for its own reasons (a test run, an application cleaning
pages on the side) must not get every worker stopped.

No lock is shared between workers (a worker killed while holding a ``multiprocessing.Queue``
lock would block all the others), and no item is read from the input before a worker or the
reorder buffer has room for it: memory stays flat on a stream of any length.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from typing import Any

__all__ = ["WorkerFailure", "death_message", "rss_bytes", "run"]

IN_FLIGHT_CHUNKS = 3
"""Chunks per worker that may be read ahead of the output (queued, running or waiting to be
yielded in order) before the input is paused."""

POLL = 0.1
"""Seconds between checks of the time and memory limits while a worker is busy."""

MAX_FAILED_STARTS = 3
"""Workers that may die before they are ready (a broken initializer) before the run gives up."""

_STOP_GRACE = 2.0
"""Seconds an idle worker gets to exit after being told to stop, before it is killed."""


@dataclass(frozen=True, slots=True)
class WorkerFailure:
    """What a worker sends instead of a result when ``work`` itself raised."""

    message: str


def death_message(exitcode: int | None) -> str:
    """Why a worker process ended, in words (``killed by signal SIGKILL``)."""
    if exitcode is None:
        return "worker died"
    if exitcode < 0:
        try:
            name = signal.Signals(-exitcode).name
        except ValueError:
            name = f"signal {-exitcode}"
        hint = " (out of memory?)" if -exitcode == signal.SIGKILL else ""
        return f"worker died: killed by signal {name}{hint}"
    return f"worker died: exit status {exitcode}"


def rss_bytes(pid: int) -> int | None:
    """Resident memory of process ``pid`` in bytes (Linux ``/proc``), or ``None`` if unknown."""
    try:
        with open(f"/proc/{pid}/statm", "rb") as fh:
            return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return None


def _worker_main(inbox: Connection, outbox: Connection, work: Callable[[Any], Any],
                 initializer: Callable[..., None] | None, initargs: tuple[Any, ...], parent: int) -> None:
    """A worker's loop: receive a chunk of (seq, item), send (seq, result) for each, until told to
    stop or the parent is gone."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C and stops us
    if initializer is not None:
        initializer(*initargs)
    outbox.send(("ready", os.getpid()))
    while True:
        try:
            while not inbox.poll(1.0):
                if os.getppid() != parent:
                    return  # orphaned: the parent died without stopping us
            chunk = inbox.recv()
        except (EOFError, OSError):
            return
        if chunk is None:
            return
        for seq, item in chunk:
            try:
                result = work(item)
            except Exception as exc:
                result = WorkerFailure(f"{type(exc).__name__}: {exc}")
            outbox.send(("result", seq, result))


@dataclass(eq=False)
class _Worker:
    process: Any
    conn: Connection
    """Where the worker's results arrive."""
    send: Connection
    """Where its chunks go."""
    ready: bool = False
    assigned: deque[int] = field(default_factory=deque)
    since: float = 0.0
    stop_reason: str | None = None
    broken: bool = False
    baseline: int = 0
    """Resident bytes when it became ready (the memory limit counts what it adds)."""


class _Pool:
    """The parent's side of :func:`run` (one instance per run)."""

    def __init__(self, work: Callable[[Any], Any], workers: int, initializer: Callable[..., None] | None,
                 initargs: tuple[Any, ...]) -> None:
        self.ctx = multiprocessing.get_context()
        self.work = work
        self.initializer = initializer
        self.initargs = initargs
        self.workers: list[_Worker] = []
        self.failed_starts = 0
        for _ in range(workers):
            self.start()

    def start(self) -> None:
        # Two one-way OS pipes, not a duplex pipe: that one is a socket pair, and the library
        # promises that no socket is ever created (tests/test_robust_safety.py).
        inbox, to_worker = self.ctx.Pipe(duplex=False)
        from_worker, outbox = self.ctx.Pipe(duplex=False)
        process = self.ctx.Process(target=_worker_main, daemon=True,
                                   args=(inbox, outbox, self.work, self.initializer, self.initargs,
                                         os.getpid()))
        process.start()
        inbox.close()
        outbox.close()
        self.workers.append(_Worker(process, from_worker, to_worker))

    def kill(self, worker: _Worker, reason: str) -> None:
        worker.stop_reason = worker.stop_reason or reason
        with contextlib.suppress(OSError):  # already gone
            worker.process.kill()

    def shutdown(self, graceful: bool) -> None:
        for w in self.workers:
            if graceful and w.process.is_alive():
                with contextlib.suppress(OSError):
                    w.send.send(None)
        deadline = time.monotonic() + (_STOP_GRACE if graceful else 0.0)
        for w in self.workers:
            w.process.join(max(0.0, deadline - time.monotonic()))
            if w.process.is_alive():
                w.process.kill()
                w.process.join()
            w.conn.close()
            w.send.close()
        self.workers.clear()


def run(items: Iterable[Any], work: Callable[[Any], Any], *, workers: int, chunksize: int,
        on_error: Callable[[Any, str], Any], initializer: Callable[..., None] | None = None,
        initargs: tuple[Any, ...] = (), ordered: bool = True, hard_timeout: float | None = None,
        timeout_message: str = "timeout", memory_limit: int | None = None) -> Iterator[Any]:
    """``work(item)`` for each item in ``workers`` processes, one result per item (see the module
    docstring). ``on_error(item, message)`` builds the result of an item whose worker died or was
    stopped, or whose ``work`` raised. An exception raised by the ``items`` iterator is re-raised
    after the results of the items before it. ``work``, ``initializer`` and ``initargs`` must be
    picklable when the start method is not ``fork``."""
    chunksize = max(1, chunksize)
    source = iter(items)
    read_ahead = max(1, workers) * chunksize * IN_FLIGHT_CHUNKS
    pending: deque[int] = deque()
    held: dict[int, Any] = {}  # seq -> item, until its result is in
    results: dict[int, Any] = {}
    next_seq = next_out = 0
    reader_error: BaseException | None = None
    exhausted = False
    pool = _Pool(work, max(1, workers), initializer, initargs)
    clean_exit = False

    def finish(seq: int, result: Any) -> None:
        item = held.pop(seq)
        if isinstance(result, WorkerFailure):
            result = on_error(item, result.message)
        results[seq] = result

    def lost(worker: _Worker) -> None:
        """The worker is gone: collect what it sent, report its item, requeue the rest."""
        _drain(worker, finish)
        worker.process.join()  # sets the exit code
        if worker.assigned:
            seq = worker.assigned.popleft()
            reason = worker.stop_reason or death_message(worker.process.exitcode)
            results[seq] = on_error(held.pop(seq), reason)
            pending.extendleft(reversed(worker.assigned))
            worker.assigned.clear()
        worker.conn.close()
        worker.send.close()
        pool.workers.remove(worker)
        if not worker.ready:
            pool.failed_starts += 1
            if pool.failed_starts >= MAX_FAILED_STARTS:
                raise RuntimeError(f"{MAX_FAILED_STARTS} worker processes died while starting "
                                   f"({death_message(worker.process.exitcode)})")
        pool.start()

    try:
        while True:
            # read more input while the read-ahead allows it and someone will need it
            while (not exhausted and next_seq - next_out < read_ahead
                   and len(pending) < chunksize * sum(1 for w in pool.workers if not w.assigned)):
                try:
                    item = next(source)
                except StopIteration:
                    exhausted = True
                except (KeyboardInterrupt, SystemExit):
                    raise
                except BaseException as exc:  # a reader failure: raised once the results before it are out
                    reader_error = exc
                    exhausted = True
                else:
                    held[next_seq] = item
                    pending.append(next_seq)
                    next_seq += 1
            # hand chunks to idle workers
            now = time.monotonic()
            for w in pool.workers:
                if w.ready and not w.assigned and not w.broken and pending:
                    chunk = [pending.popleft() for _ in range(min(chunksize, len(pending)))]
                    try:
                        w.send.send([(seq, held[seq]) for seq in chunk])
                    except OSError:  # the worker is gone: its sentinel will say so
                        w.broken = True
                        pending.extendleft(reversed(chunk))
                        continue
                    except Exception as exc:  # an item that cannot be pickled: nothing was sent
                        for seq in chunk:
                            results[seq] = on_error(held.pop(seq), f"cannot send to a worker: "
                                                                   f"{type(exc).__name__}: {exc}")
                        continue
                    w.assigned.extend(chunk)
                    w.since = now
            # results in order (or as they come); yielding makes room to read more: go round again
            out_before = next_out
            if ordered:
                while next_out in results:
                    yield results.pop(next_out)
                    next_out += 1
            else:
                for seq in sorted(results):
                    yield results.pop(seq)
                    next_out += 1
            if exhausted and not pending and not held and not results:
                break
            if next_out != out_before:
                continue
            _wait_and_collect(pool, finish, lost, hard_timeout, timeout_message, memory_limit)
        clean_exit = True
    finally:
        pool.shutdown(graceful=clean_exit)
    if reader_error is not None:
        raise reader_error


def _drain(worker: _Worker, finish: Callable[[int, Any], None]) -> None:
    """Read every message the worker has sent; mark it broken at the end of its pipe."""
    try:
        while not worker.conn.closed and worker.conn.poll():
            _handle(worker, worker.conn.recv(), finish)
    except (EOFError, OSError):
        worker.broken = True


def _handle(worker: _Worker, message: Any, finish: Callable[[int, Any], None]) -> None:
    if message[0] == "ready":
        worker.ready = True
        worker.baseline = rss_bytes(worker.process.pid) or 0
        return
    _, seq, result = message
    if seq in worker.assigned:  # always its first: a worker does its chunk in order
        worker.assigned.remove(seq)
        worker.since = time.monotonic()  # the next item of the chunk starts now
        finish(seq, result)


def _wait_and_collect(pool: _Pool, finish: Callable[[int, Any], None], lost: Callable[[_Worker], None],
                      hard_timeout: float | None, timeout_message: str, memory_limit: int | None) -> None:
    busy = [w for w in pool.workers if w.assigned]
    timed = bool(busy) and (hard_timeout is not None or memory_limit is not None)
    waitables: list[Any] = [w.process.sentinel for w in pool.workers]
    waitables += [w.conn for w in pool.workers if not w.broken]
    ready = set(wait(waitables, timeout=POLL if timed else None))
    for w in list(pool.workers):
        if w.conn in ready:
            _drain(w, finish)
        if w.process.sentinel in ready:
            lost(w)
    if not timed:
        return
    now = time.monotonic()
    for w in list(pool.workers):
        if not w.assigned or not w.process.is_alive():
            continue
        if hard_timeout is not None and now - w.since > hard_timeout:
            pool.kill(w, f"{timeout_message}; its worker was stopped after {hard_timeout:g} s")
        elif memory_limit is not None:
            rss = rss_bytes(w.process.pid)
            if rss is not None and rss - w.baseline > memory_limit:
                pool.kill(w, f"memory limit: the worker grew by {(rss - w.baseline) / 2**20:.0f} MB, "
                             f"more than {memory_limit / 2**20:.0f} MB (--max-memory); it was stopped")
