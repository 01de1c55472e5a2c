"""A time limit for one step, with ``SIGALRM``, that respects an outer limit already running.

trafilatura and lxml cannot be stopped from another thread; but trafilatura's extraction is Python
code, so an alarm signal stops it between two bytecodes. :func:`time_limit` arms the real-time
timer for ``seconds`` and raises :class:`StepTimeout` in the block when it fires. It nests: if a
timer is already armed (a batch's per-document budget) and would fire first, it is left alone; if
not, it is re-armed afterwards with what was left of it, and the previous handler is restored.

No limit at all (the block simply runs) outside the main thread, on platforms without
``setitimer``, or with ``seconds`` ``None`` or ``<= 0``.

A signal handler's exception can be lost: when the signal arrives while Python runs a garbage
collector callback (``gc.callbacks``, which hypothesis and profilers install), the exception is
printed as "unraisable" and the interrupted code goes on. So after firing, the handler re-arms
the timer for another ``RETRY`` seconds (at most ``MAX_RETRIES`` times) until the block has really
stopped; the block's exit disarms it.
"""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

RETRY = 0.05
"""Seconds between a firing whose exception may have been lost and the next one."""
MAX_RETRIES = 100
"""At most this many more firings (five seconds of retries) for one block."""


class StepTimeout(BaseException):
    """A step ran past its time limit.

    A ``BaseException``: third-party code that catches ``Exception`` around a parser must not swallow
    it and carry on.
    """


def available() -> bool:
    """Whether :func:`time_limit` can enforce a limit here (POSIX, main thread)."""
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def time_limit(seconds: float | None, what: str = "step", *,
               error: type[BaseException] = StepTimeout, message: str | None = None) -> Iterator[None]:
    """Raise ``error`` (default :class:`StepTimeout`) in the block after ``seconds`` (see the module
    docstring); ``message`` replaces the default "``what`` took longer than ``seconds`` s"."""
    if not seconds or seconds <= 0 or not available():
        yield
        return
    outer_delay, outer_interval = signal.getitimer(signal.ITIMER_REAL)
    if outer_delay and outer_delay <= seconds:
        yield  # the outer limit fires first: it is the one that counts
        return

    state = {"closing": False, "fired": 0}

    def _expired(signum: int, frame: object) -> None:
        if state["closing"]:
            return  # the block is already leaving: nothing more to stop
        state["fired"] += 1
        if state["fired"] <= MAX_RETRIES:  # in case this exception is swallowed (module docstring)
            signal.setitimer(signal.ITIMER_REAL, RETRY)
        raise error(message or f"{what} took longer than {seconds:g} s")

    started = time.monotonic()
    previous = signal.signal(signal.SIGALRM, _expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        state["closing"] = True
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        if outer_delay:
            left = outer_delay - (time.monotonic() - started)
            signal.setitimer(signal.ITIMER_REAL, max(left, 1e-6), outer_interval)
