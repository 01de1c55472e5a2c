"""Where ``newsclean clean`` writes, and in which format: the format follows ``-o``'s name.

``-o out.jsonl`` writing plain text because ``-f`` defaulted to ``text`` was a trap; the name of the
output file now chooses the format (``.jsonl``/``.ndjson``, ``.json``, ``.txt``, each with or without
``.gz``), an explicit ``-f`` that says otherwise is refused, and only a name that says nothing
(``out.data``, stdout) falls back to ``text``.
"""

from __future__ import annotations

import gzip
import json
import re
import sys
from typing import IO, Any

__all__ = ["FORMATS", "TextHeaders", "Writer", "dumps", "format_for", "open_output"]

FORMATS = ("text", "json", "jsonl")

_BY_SUFFIX = {".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json", ".txt": "text", ".text": "text"}


class OutputError(ValueError):
    """An output that cannot be written as asked (a usage error: exit code 2)."""


def _suffix(path: str) -> str:
    name = path.lower().removesuffix(".gz")
    dot = name.rfind(".")
    return name[dot:] if dot > name.rfind("/") else ""


def format_for(path: str | None, given: str | None) -> str:
    """The output format: ``given`` (``-f``), else the one ``path``'s extension names, else text.

    Raises :class:`OutputError` when both are known and disagree (``-o out.jsonl -f text``).
    """
    by_name = _BY_SUFFIX.get(_suffix(path)) if path else None
    if given is not None and by_name is not None and given != by_name:
        raise OutputError(f"-o {path} names a {by_name} file but -f {given} was given; "
                          f"drop -f or give the file a name ending in the format's extension")
    return given or by_name or "text"


def open_output(path: str | None) -> IO[str]:
    """stdout, or ``path`` opened for writing (gzip-compressed when it ends in ``.gz``)."""
    if path is None:
        return sys.stdout
    try:
        if path.endswith(".gz"):
            return gzip.open(path, "wt", encoding="utf-8")
        return open(path, "w", encoding="utf-8")
    except OSError as exc:
        raise OutputError(f"-o {path}: cannot write ({exc.strerror or exc})") from exc


_SURROGATE = re.compile("[\ud800-\udfff]")


def dumps(result: dict[str, Any], indent: int | None = None) -> str:
    """JSON for one result; lone surrogates (from a JSON Lines ``"\\ud800"``, passed through in an id
    or another field) are written as ``\\u`` escapes, which no UTF-8 output can refuse: one such
    record used to stop the whole run with a UnicodeEncodeError."""
    text = json.dumps(result, ensure_ascii=False, indent=indent)
    if _SURROGATE.search(text) is not None:
        text = json.dumps(result, ensure_ascii=True, indent=indent)
    return text


class TextHeaders:
    """Names each document of a text output, once there turn out to be several.

    A single document is written bare (``newsclean clean page.html | less`` shows the article);
    from the second one on, every document, the first included, opens with ``==> SOURCE <==`` (the
    convention of ``head`` and ``tail``), so a body can be traced to its input. The first result is
    held back until the second arrives or the run ends, so nothing needs to be known in advance.
    """

    @staticmethod
    def header(result: dict[str, Any]) -> str:
        source = str(result.get("source") or result.get("id") or "?")
        ident = result.get("id")
        label = source if ident in (None, source) else f"{source} ({ident})"
        error = result.get("error")
        return f"==> {label} <==" + (f"  failed: {error}" if error else "")


class Writer:
    """Writes result dicts as text (bodies), one JSON array, or JSON Lines."""

    def __init__(self, fmt: str, out: IO[str]) -> None:
        if fmt not in FORMATS:
            raise OutputError(f"unknown output format {fmt!r}; choose one of {', '.join(FORMATS)}")
        self.fmt = fmt
        self.out = out
        self.count = 0
        self._held: dict[str, Any] | None = None
        self._written_text = False

    def write(self, result: dict[str, Any]) -> None:
        if self.fmt == "jsonl":
            self.out.write(dumps(result) + "\n")
        elif self.fmt == "json":
            text = dumps(result, indent=2)
            self.out.write(("[\n" if self.count == 0 else ",\n") + text)
        elif self.count == 0:
            self._held = result
        else:
            if self._held is not None:
                self._text(self._held, header=True)
                self._held = None
            self._text(result, header=True)
        self.count += 1

    def _text(self, result: dict[str, Any], header: bool) -> None:
        if header:
            self.out.write(("\f\n" if self._written_text else "") + TextHeaders.header(result) + "\n")
        body = result.get("body") or ""
        self.out.write(body + ("\n" if body else ""))
        self._written_text = True

    def close(self) -> None:
        if self.fmt == "json":
            self.out.write("\n]\n" if self.count else "[]\n")
        elif self._held is not None:
            self._text(self._held, header=False)
            self._held = None
        self.out.flush()
