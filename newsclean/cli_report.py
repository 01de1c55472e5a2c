"""What ``newsclean clean`` says on stderr besides its output: the records that failed (with their
tracebacks under ``--debug``), the documents' warnings, and the summary line.

Warnings used to stay inside the output records, so an empty input gave an empty output, exit 0,
and not a word; now the first few of each are printed, with a count of the rest.
"""

from __future__ import annotations

import sys
import textwrap
from typing import Any

from newsclean import batch

__all__ = ["Report"]


class Report:
    """What ``clean`` says on stderr besides the output: failures (with their tracebacks under
    ``--debug``), the documents' warnings, and the summary line."""

    keep = 10

    def __init__(self) -> None:
        self.summary = batch.Summary()
        self.failures: list[tuple[str, str | None]] = []
        self.warnings: list[str] = []
        self.n_warnings = 0

    def add(self, result: dict[str, Any]) -> None:
        self.summary.add(result)
        where = result.get("source") or result.get("id")
        trace = result.pop("traceback", None)
        if "error" in result and len(self.failures) < self.keep:
            self.failures.append((f"{where}: {result['error']}", trace))
        for warning in result.get("warnings") or ():
            self.n_warnings += 1
            if len(self.warnings) < self.keep:
                self.warnings.append(f"{where}: {warning}")

    def print(self, *, quiet: bool, debug: bool, prog: str = "newsclean") -> None:
        for line, trace in self.failures:
            if not quiet:
                print(f"{prog}: failed: {line}", file=sys.stderr)
            if debug and trace:
                print(textwrap.indent(trace.rstrip(), "    "), file=sys.stderr)
        if quiet:
            return
        errors = self.summary.errors
        if errors > len(self.failures):
            print(f"{prog}: ... and {errors - len(self.failures)} more failed records", file=sys.stderr)
        for line in self.warnings:
            print(f"{prog}: warning: {line}", file=sys.stderr)
        if self.n_warnings > len(self.warnings):
            print(f"{prog}: ... and {self.n_warnings - len(self.warnings)} more warnings", file=sys.stderr)
        print(f"{prog}: {self.summary.format()}", file=sys.stderr)
