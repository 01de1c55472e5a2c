"""Input readers: paths (files, folders, ``-`` for stdin) to a stream of :class:`~newsclean.batch.Record`.

Formats, chosen by the file name (a trailing ``.gz`` is looked through) and otherwise by the content:

* a **document** (``.txt``, ``.html``, ``.htm``, ...): one record, ``mode_hint`` from the extension;
* **JSON Lines** (``.jsonl``, ``.ndjson``, or content starting with ``{``): one record per non-empty
  line; the document is the ``field`` value (default: ``html``, else ``text``), every other field is
  passed through to the output, ``id`` and ``url`` are read from their fields when present;
* **WARC** (``.warc``, ``.warc.gz``, or content starting with ``WARC/``): one record per HTTP
  ``response`` whose Content-Type is HTML or plain text (or missing); needs ``warcio``
  (``pip install 'newsclean[warc]'``), imported only when a WARC is met.

Any of them may be gzip-compressed (detected by the magic bytes). Everything streams: a file is read
one record at a time, and no document is allowed to decompress past ``max_bytes`` (a compression bomb
becomes an error record instead of filling memory). A truncated gzip stream or WARC record becomes an
error record naming its offset, and reading goes on with the next input.

Folders are walked recursively in sorted order; hidden files and files with other extensions are
skipped, symlinked folders are not entered, and a symlinked file is read only when it points inside
the folder being walked.

For ``newsclean eval``: :func:`read_bodies` reads id -> body files (gold or predictions) and
:func:`bench_records` turns a benchmark folder into records.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import sys
import zlib
from collections.abc import Collection, Iterator, Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Literal, cast

from newsclean.batch import Record

if TYPE_CHECKING:
    from newsclean.evaluation import Bench

__all__ = [
    "DEFAULT_MAX_BYTES",
    "DOCUMENT_SUFFIXES",
    "STDIN",
    "InputFormat",
    "MissingDependencyError",
    "bench_records",
    "detect_format",
    "iter_paths",
    "iter_records",
    "match_ids",
    "read_bodies",
]

DEFAULT_MAX_BYTES = 32 * 1024 * 1024
"""Largest (decompressed) size of one document: a file, a JSON Lines line, a WARC record payload.

News pages are well under it (the biggest of the 1,475 dev pages is 5.3 MB; trafilatura refuses
pages over 20 MB), and a document past it is refused while streaming, before it is held whole: a
1 GB compression bomb costs at most this much memory."""

STDIN = "-"

InputFormat = Literal["auto", "document", "jsonl", "warc"]

DOCUMENT_SUFFIXES: dict[str, str | None] = {
    ".txt": "text", ".text": "text", ".html": "html", ".htm": "html", ".xhtml": "html",
}
_JSONL_SUFFIXES = (".jsonl", ".ndjson")
_WARC_SUFFIXES = (".warc",)
_GZIP_MAGIC = b"\x1f\x8b"
_SNIFF = 1 << 16
_CHUNK = 1 << 20
_WARC_TYPES = ("text/html", "application/xhtml+xml", "text/plain")


class MissingDependencyError(RuntimeError):
    """An optional dependency needed for this input is not installed."""


def _inner_suffix(name: str) -> str:
    lower = name.lower()
    if lower.endswith(".gz"):
        lower = lower[:-3]
    return os.path.splitext(lower)[1]


def _format_from_name(name: str) -> InputFormat | None:
    suffix = _inner_suffix(name)
    if suffix in _WARC_SUFFIXES:
        return "warc"
    if suffix in _JSONL_SUFFIXES:
        return "jsonl"
    if suffix in DOCUMENT_SUFFIXES:
        return "document"
    return None


def _is_input_name(name: str) -> bool:
    return _format_from_name(name) is not None


def detect_format(name: str, head: bytes) -> InputFormat:
    """The format of an input from its name, else from the first (decompressed) bytes."""
    by_name = _format_from_name(name)
    if by_name is not None:
        return by_name
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if start.startswith(b"WARC/"):
        return "warc"
    if start.startswith(b"{"):
        return "jsonl"
    return "document"


# ---- walking -----------------------------------------------------------------------------------
def iter_paths(paths: Sequence[str | Path], *, skip: Collection[Path] = ()) -> Iterator[Path | str]:
    """The inputs named by ``paths``: files as given, folders expanded, ``"-"`` kept for stdin.

    ``skip`` lists resolved paths never to return (the output file of the run).
    """
    skipped = {Path(p).resolve() for p in skip}
    for given in paths:
        if str(given) == STDIN:
            yield STDIN
            continue
        path = Path(given)
        if path.is_dir():
            yield from _walk(path, skipped)
        elif path.resolve() not in skipped:
            yield path


def _walk(root: Path, skipped: set[Path]) -> Iterator[Path]:
    real_root = root.resolve()
    for folder, dirs, files in os.walk(root, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith(".") or not _is_input_name(name):
                continue
            path = Path(folder) / name
            real = path.resolve()
            if path.is_symlink() and not real.is_relative_to(real_root):
                continue
            if real in skipped or not real.is_file():
                continue
            yield path


# ---- reading -----------------------------------------------------------------------------------
class _Counting(io.RawIOBase):
    """Counts the bytes read from a binary stream (compressed offsets for error messages)."""

    def __init__(self, inner: IO[bytes]) -> None:
        self.inner = inner
        self.count = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        data = self.inner.read(len(buffer))
        n = len(data)
        buffer[:n] = data
        self.count += n
        return n


def iter_records(paths: Sequence[str | Path], *, field: str | None = None, id_field: str = "id",
                 url_field: str = "url", input_format: InputFormat = "auto",
                 max_bytes: int = DEFAULT_MAX_BYTES, skip: Collection[Path] = (),
                 stdin: IO[bytes] | None = None) -> Iterator[Record]:
    """Stream the records of every input in ``paths`` (see the module docstring).

    ``field`` picks the JSON Lines field holding the document (default: ``html``, else ``text``).
    Raises :class:`MissingDependencyError` when a WARC is met without ``warcio``; every other
    problem with an input (a file that cannot be opened included) becomes an error record.
    """
    for path in iter_paths(paths, skip=skip):
        if path == STDIN:
            stream: IO[bytes] = stdin if stdin is not None else sys.stdin.buffer
            yield from _read(stream, "-", "<stdin>", field, id_field, url_field, input_format,
                             max_bytes)
            continue
        assert isinstance(path, Path)
        try:
            fh = open(path, "rb")  # noqa: SIM115 - closed below, after the generator is drained
        except OSError as exc:
            yield Record(str(path), b"", source=str(path), error=f"cannot read: {exc.strerror or exc}")
            continue
        with fh:
            yield from _read(fh, str(path), str(path), field, id_field, url_field, input_format,
                             max_bytes)


def _read(raw: IO[bytes], name: str, label: str, field: str | None, id_field: str, url_field: str,
          input_format: InputFormat, max_bytes: int) -> Iterator[Record]:
    counting = _Counting(raw)
    stream = io.BufferedReader(counting, buffer_size=_SNIFF)
    try:
        prefix = stream.peek(_SNIFF)
    except OSError as exc:
        yield Record(label, b"", source=label, error=f"cannot read: {exc.strerror or exc}")
        return
    compressed = prefix[:2] == _GZIP_MAGIC
    head = prefix
    if compressed:
        try:
            head = zlib.decompressobj(wbits=31).decompress(prefix, 4096)
        except zlib.error:
            head = b""
    fmt = input_format if input_format != "auto" else detect_format(name, head)
    if fmt == "warc":
        yield from _warc_records(stream, counting, label, max_bytes)
        return
    body = cast("IO[bytes]", gzip.GzipFile(fileobj=stream, mode="rb")) if compressed else stream
    if fmt == "jsonl":
        yield from _jsonl_records(body, counting, label, field, id_field, url_field, max_bytes,
                                  compressed)
    else:
        yield _document_record(body, counting, label, name, max_bytes, compressed)


def _gzip_problem(exc: BaseException, counting: _Counting, done: int) -> str:
    what = "truncated gzip data" if isinstance(exc, EOFError) else f"corrupt gzip data ({exc})"
    return (f"{what}: stopped at compressed offset {counting.count} "
            f"after {done} decompressed bytes")


def _document_record(body: IO[bytes], counting: _Counting, label: str, name: str, max_bytes: int,
                     compressed: bool) -> Record:
    hint = DOCUMENT_SUFFIXES.get(_inner_suffix(name))
    record = Record(label, b"", mode_hint=hint, source=label)
    chunks: list[bytes] = []
    size = 0
    try:
        while size <= max_bytes:
            chunk = body.read(min(_CHUNK, max_bytes + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except (EOFError, OSError, zlib.error) as exc:
        record.error = _gzip_problem(exc, counting, size) if compressed else f"cannot read: {exc}"
        return record
    if size > max_bytes:
        if compressed:
            record.error = (f"document decompresses to more than {max_bytes} bytes (--max-bytes); "
                            "skipped as a possible compression bomb")
        else:
            record.error = f"document is more than {max_bytes} bytes (--max-bytes); skipped"
        return record
    record.data = b"".join(chunks)
    return record


def _skip_line(body: IO[bytes]) -> None:
    while True:
        rest = body.readline(_CHUNK)
        if not rest or rest.endswith(b"\n"):
            return


def _jsonl_records(body: IO[bytes], counting: _Counting, label: str, field: str | None, id_field: str,
                   url_field: str, max_bytes: int, compressed: bool) -> Iterator[Record]:
    lineno = 0
    done = 0
    while True:
        try:
            line = body.readline(max_bytes + 1)
        except (EOFError, OSError, zlib.error) as exc:
            where = f"{label}:{lineno + 1}"
            message = _gzip_problem(exc, counting, done) if compressed else f"cannot read: {exc}"
            yield Record(where, b"", source=where, error=message)
            return
        if not line:
            return
        lineno += 1
        done += len(line)
        where = f"{label}:{lineno}"
        if len(line) > max_bytes:
            yield Record(where, b"", source=where,
                         error=f"line longer than {max_bytes} bytes (--max-bytes); skipped")
            try:
                _skip_line(body)
            except (EOFError, OSError, zlib.error) as exc:
                yield Record(f"{where}+", b"", source=where, error=_gzip_problem(exc, counting, done))
                return
            continue
        if not line.strip():
            continue
        yield _jsonl_record(line, where, field, id_field, url_field)


def _jsonl_record(line: bytes, where: str, field: str | None, id_field: str, url_field: str) -> Record:
    record = Record(where, b"", source=where)
    try:
        obj = json.loads(line)
    except ValueError as exc:
        record.error = f"invalid JSON: {exc}"
        return record
    if not isinstance(obj, dict):
        record.error = f"expected a JSON object per line, got {type(obj).__name__}"
        return record
    if id_field in obj and obj[id_field] is not None:
        record.id = str(obj[id_field])
    url = obj.get(url_field)
    record.url = url if isinstance(url, str) and url else None
    candidates = (field,) if field else ("html", "text")
    key = next((k for k in candidates if isinstance(obj.get(k), str) and obj[k]), None)
    if key is None:
        key = next((k for k in candidates if k in obj), None)
    record.passthrough = {k: v for k, v in obj.items() if k != key}
    if key is None or not isinstance(obj.get(key), str):
        wanted = f"{field!r}" if field else "'html' or 'text'"
        found = "missing" if key is None else f"a {type(obj[key]).__name__}, not a string"
        record.error = f"field {wanted} is {found} (choose the field with --field)"
        return record
    record.data = obj[key]
    record.mode_hint = key if key in ("html", "text") else None
    return record


def _warc_records(stream: IO[bytes], counting: _Counting, label: str,
                  max_bytes: int) -> Iterator[Record]:
    try:
        from warcio.archiveiterator import ArchiveIterator
    except ImportError as exc:
        raise MissingDependencyError(
            f"{label} is a WARC file; reading WARC needs warcio: pip install 'newsclean[warc]'"
        ) from exc
    archive = ArchiveIterator(stream, no_record_parse=False)
    try:
        for warc in archive:
            record = _warc_record(warc, archive, label, max_bytes)
            if record is not None:
                yield record
    except Exception as exc:
        where = f"{label}@{archive.offset}"
        yield Record(where, b"", source=where, error=f"unreadable WARC data at offset "
                     f"{archive.offset}: {type(exc).__name__}: {exc}")
        return
    if archive.offset < counting.count:
        where = f"{label}@{archive.offset}"
        yield Record(where, b"", source=where,
                     error=f"truncated WARC record at offset {archive.offset}; rest of the file skipped")


def _read_capped(stream: Any, max_bytes: int) -> bytes:
    chunks: list[bytes] = []
    size = 0
    while size <= max_bytes:
        chunk = stream.read(min(_CHUNK, max_bytes + 1 - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)


def _truncated(warc: Any, archive: Any, label: str) -> Record:
    offset = archive.get_record_offset()
    where = f"{label}@{offset}"
    return Record(where, b"", source=where, error=f"truncated WARC record at offset {offset}")


def _warc_record(warc: Any, archive: Any, label: str, max_bytes: int) -> Record | None:
    headers = warc.rec_headers
    if not (headers.get_header("Content-Length") or "").strip():
        return _truncated(warc, archive, label)
    ctype = ""
    if warc.http_headers is not None:
        ctype = (warc.http_headers.get_header("Content-Type") or "").lower()
    mime = ctype.split(";")[0].strip()
    if warc.rec_type != "response" or (mime and mime not in _WARC_TYPES):
        while warc.raw_stream.read(_CHUNK):
            pass
        return _truncated(warc, archive, label) if getattr(warc.raw_stream, "limit", 0) else None
    url = headers.get_header("WARC-Target-URI")
    passthrough: dict[str, Any] = {"url": url, "warc_date": headers.get_header("WARC-Date")}
    record = Record(headers.get_header("WARC-Record-ID") or "", b"",
                    mode_hint="text" if mime == "text/plain" else "html", url=url,
                    passthrough=passthrough)
    error: str | None = None
    try:
        # The payload must be read before asking for the offset: warcio skips the record to find it.
        payload = _read_capped(warc.content_stream(), max_bytes)
        truncated = bool(getattr(warc.raw_stream, "limit", 0)) and len(payload) <= max_bytes
    except Exception as exc:
        payload, truncated = b"", False
        error = f"unreadable WARC payload: {type(exc).__name__}: {exc}"
    offset = archive.get_record_offset()
    record.source = f"{label}@{offset}"
    record.id = record.id or record.source
    if error is not None:
        record.error = f"{error} (record at offset {offset})"
    elif len(payload) > max_bytes:
        record.error = (f"WARC payload at offset {offset} is more than {max_bytes} bytes (--max-bytes); "
                        "skipped")
    elif truncated:
        record.error = f"truncated WARC record at offset {offset}"
    else:
        record.data = payload
    return record


# ---- body files and bench folders (for ``newsclean eval``) ---------------------------------------
def _bodies_from_mapping(data: Any, path: str) -> dict[str, str]:
    if not isinstance(data, dict):
        raise ValueError(f"{path}: expected a JSON object id -> body (or -> {{\"articleBody\": ...}})")
    out: dict[str, str] = {}
    for key, value in data.items():
        if isinstance(value, dict):
            value = value.get("articleBody", value.get("body"))
        out[str(key)] = value if isinstance(value, str) else ""
    return out


def read_bodies(path: str | Path) -> dict[str, str]:
    """id -> body text from a bench folder (its gold), a JSON file (``id -> {"articleBody": ...}``
    or ``id -> text``) or JSON Lines with ``id`` and ``body`` (``newsclean clean -f jsonl``).

    A missing or non-string body (a failed record) reads as ``""``. Raises ``FileNotFoundError`` or
    ``ValueError`` with the path in the message.
    """
    from newsclean.evaluation import load_bench

    p = Path(path)
    if p.is_dir():
        return load_bench(p).gold
    if not p.is_file():
        raise FileNotFoundError(f"{path}: no such file or folder")
    with (gzip.open(p, "rt", encoding="utf-8") if p.name.endswith(".gz")
          else open(p, encoding="utf-8")) as fh:
        text = fh.read()
    if not p.name.removesuffix(".gz").endswith(_JSONL_SUFFIXES):
        try:
            return _bodies_from_mapping(json.loads(text), str(path))
        except json.JSONDecodeError:
            pass
    out: dict[str, str] = {}
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ValueError(f"{path}:{n}: not JSON ({exc})") from exc
        if not isinstance(obj, dict) or "id" not in obj:
            raise ValueError(f"{path}:{n}: each line needs an 'id' (and a 'body')")
        body = obj.get("body")
        out[str(obj["id"])] = body if isinstance(body, str) else ""
    return out


def match_ids(predicted: dict[str, str], gold: Collection[str]) -> dict[str, str]:
    """Predictions keyed by gold ids, looking through paths and extensions (``html/ID.html.gz``)."""
    out: dict[str, str] = {}
    for key, body in predicted.items():
        if key in gold:
            out[key] = body
            continue
        stem = Path(key).name.split(".")[0]
        if stem in gold and stem not in predicted:
            out[stem] = body
    return out


def bench_records(bench: Bench, ids: Sequence[str], *, text_input: str | None = None) -> Iterator[Record]:
    """Records for the pages ``ids`` of a bench folder: its HTML pages, or one of its text inputs."""
    texts = bench.text_input(text_input) if text_input else None
    for doc_id in ids:
        url = bench.urls.get(doc_id)
        if texts is not None:
            yield Record(doc_id, texts.get(doc_id, ""), "text", url,
                         source=f"text-inputs/{text_input}.json#{doc_id}")
            continue
        path = bench.html_path(doc_id)
        if not path.is_file():
            yield Record(doc_id, b"", source=str(path), error="no HTML page for this id in the bench")
            continue
        try:
            data = bench.read_html(doc_id)
        except (OSError, EOFError) as exc:
            yield Record(doc_id, b"", source=str(path), error=f"cannot read: {exc}")
            continue
        yield Record(doc_id, data, "html", url, source=str(path))
