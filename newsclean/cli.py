"""The ``newsclean`` command: argument parsing and dispatch; every command is a call into the library.

    newsclean clean PATH... | -      clean files, folders, JSON Lines, WARC (gzip or not), stdin
    newsclean learn PATH... -o FILE  learn site profiles (lines recurring on a site's pages)
    newsclean explain FILE           show each removed line with its rule and reason
    newsclean rules                  list the pipeline's rules, their order, options and origin
    newsclean eval GOLD PRED...      score predicted bodies against gold bodies
    newsclean fixture new PATH       write a draft regression-fixture expected file

Exit codes: 0 success, 1 some records failed (each has an ``error`` in the output; a missing path
among several is one such record), 2 usage error (bad option, no given path exists, an ``-f`` that
contradicts ``-o``'s name, bad configuration). Errors are one line on stderr; ``--debug`` shows the
traceback, also of each record that failed.

``eval`` and ``fixture`` are :mod:`newsclean.cli_eval` and :mod:`newsclean.cli_fixtures`; the
options several commands share are read in :mod:`newsclean.cli_options`.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import textwrap
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from newsclean import batch, cli_output, cli_progress, cli_report, readers
from newsclean.cli_eval import cmd_eval
from newsclean.cli_fixtures import cmd_fixture_add, cmd_fixture_new
from newsclean.cli_options import PROG, UsageError, config_for, pipeline_for

__all__ = ["main"]


# ---- shared helpers ----------------------------------------------------------------------------
def _positive(value: str) -> float:
    number = float(value)
    if number < 0:
        raise argparse.ArgumentTypeError(f"must be 0 or more, not {value}")
    return number


def _size(value: str) -> int:
    units = {"k": 1024, "m": 1024 ** 2, "g": 1024 ** 3}
    text = value.strip().lower().removesuffix("b")
    factor = units.get(text[-1:], 1)
    try:
        number = int(float(text[:-1] if text[-1:] in units else text) * factor)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a size: {value!r} (e.g. 512M, 2G, 1000000)") from None
    if number <= 0:
        raise argparse.ArgumentTypeError("must be positive")
    return number


def _check_inputs(paths: Sequence[str]) -> None:
    if list(paths).count(readers.STDIN) > 1:
        raise UsageError("'-' (stdin) can be given only once")
    for p in paths:
        if p != readers.STDIN and not Path(p).exists():
            raise UsageError(f"{p}: no such file or folder")


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve() or (a.exists() and b.exists() and os.path.samefile(a, b))
    except OSError:
        return False


def _read_from_folder(folder: Path, target: Path) -> bool:
    """True when ``target`` is an existing file that walking ``folder`` would read as an input.

    Skipping it (``iter_paths(skip=...)``) is not enough: the run would still write over a document
    it was asked to read.
    """
    try:
        if not (folder.is_dir() and target.is_file()
                and target.resolve().is_relative_to(folder.resolve())):
            return False
    except OSError:
        return False
    return any(isinstance(q, Path) and _same_file(q, target) for q in readers.iter_paths([folder]))


def _records(args: argparse.Namespace, paths: Sequence[str], skip: Sequence[Path]) -> Iterator[batch.Record]:
    """The records of every input; a path that does not exist becomes one error record in its place
    (the others still run), instead of stopping a run over many paths before it starts."""
    for p in paths:
        if p != readers.STDIN and not os.path.lexists(p):
            yield batch.Record(p, b"", source=p, error="no such file or folder")
            continue
        yield from readers.iter_records([p], field=args.field, id_field=args.id_field,
                                        url_field=args.url_field, input_format=args.input_format,
                                        max_bytes=args.max_bytes, skip=skip)


def _show_progress(args: argparse.Namespace) -> bool:
    if args.progress is not None:
        return bool(args.progress)
    return not args.quiet and cli_progress.stderr_is_tty()


# ---- clean -------------------------------------------------------------------------------------
def cmd_clean(args: argparse.Namespace) -> int:
    paths: list[str] = list(args.paths)
    if not paths:
        if sys.stdin is None or sys.stdin.isatty():
            raise UsageError("give one or more PATHs to clean, or - to read stdin")
        paths = [readers.STDIN]
    if paths.count(readers.STDIN) > 1:
        raise UsageError("'-' (stdin) can be given only once")
    if not any(p == readers.STDIN or os.path.lexists(p) for p in paths):
        raise UsageError(f"{paths[0]}: no such file or folder" if len(paths) == 1
                         else "none of the given paths exists")
    try:
        fmt = cli_output.format_for(args.output, args.format)
    except cli_output.OutputError as exc:
        raise UsageError(str(exc)) from exc
    skip: list[Path] = []
    if args.output:
        out_path = Path(args.output)
        if out_path.is_dir():
            raise UsageError(f"-o {args.output}: is a folder; give a file name")
        for p in paths:
            if p != readers.STDIN and Path(p).is_file() and _same_file(Path(p), out_path):
                raise UsageError(f"-o {args.output}: is one of the inputs; refusing to write over it")
            if p != readers.STDIN and _read_from_folder(Path(p), out_path):
                raise UsageError(f"-o {args.output}: is one of the inputs (in the folder {p}); "
                                 "refusing to write over it")
        skip.append(out_path)
    pipeline = pipeline_for(args)
    config = config_for(args)
    debug = bool(getattr(args, "debug", False))
    progress = _show_progress(args)
    total = cli_progress.count_records(paths, input_format=args.input_format, skip=skip) if progress \
        else None
    results = batch.process(_records(args, paths, skip), pipeline=pipeline, config=config,
                            workers=args.workers, timeout=args.timeout or None,
                            chunksize=args.chunk_size, strict=args.strict,
                            memory_limit=args.max_memory, debug=debug)
    report = cli_report.Report()
    try:
        out = cli_output.open_output(args.output)
    except cli_output.OutputError as exc:
        raise UsageError(str(exc)) from exc
    writer = cli_output.Writer(fmt, out)
    try:
        for result in cli_progress.bar(results, enabled=progress, total=total):
            report.add(result)
            writer.write(result)
        writer.close()
    finally:
        if out is not sys.stdout:
            out.close()
    report.print(quiet=args.quiet, debug=debug)
    return 1 if report.summary.errors else 0


# ---- learn -------------------------------------------------------------------------------------
def cmd_learn(args: argparse.Namespace) -> int:
    from newsclean.learn import count_records
    from newsclean.profiles import LearnOptions

    _check_inputs(args.paths)
    try:
        options = LearnOptions(args.min_pages, args.min_share, args.min_letters, args.min_distinct)
    except ValueError as exc:
        raise UsageError(str(exc)) from exc
    skip = [Path(args.output)] if args.output else []
    for p in args.paths if args.output else ():
        if p != readers.STDIN and (_same_file(Path(p), skip[0]) or _read_from_folder(Path(p), skip[0])):
            raise UsageError(f"-o {args.output}: is one of the inputs; refusing to write over it")
    records = readers.iter_records(args.paths, field=args.field, url_field=args.url_field,
                                   input_format=args.input_format, max_bytes=args.max_bytes, skip=skip)
    counts = count_records(records, options, config=config_for(args), workers=args.workers,
                           timeout=args.timeout or None)
    profiles = counts.profiles(args.allow or ())
    if args.output:
        try:
            profiles.save(args.output)
        except OSError as exc:
            raise UsageError(f"-o {args.output}: cannot write ({exc.strerror or exc})") from exc
    else:
        print(json.dumps(profiles.to_dict(), ensure_ascii=False, indent=1))
    if not args.quiet:
        stats = dict(profiles.stats)
        lines = sum(len(s.lines) for s in profiles)
        print(f"{PROG}: {len(profiles)} site profiles ({lines} recurring lines) from "
              f"{stats['documents']} documents of {stats['sites_seen']} sites; "
              f"{stats['sites_seen'] - len(profiles)} sites had fewer than {options.min_pages} pages; "
              f"{stats['without_site']} documents without a URL, {stats['failed']} failed",
              file=sys.stderr)
    return 0


# ---- explain -----------------------------------------------------------------------------------
def cmd_explain(args: argparse.Namespace) -> int:
    from newsclean.api import trace
    from newsclean.explain import render

    _check_inputs([args.file])
    if Path(args.file).is_dir():
        raise UsageError(f"{args.file}: is a folder; explain takes one file")
    pipeline = pipeline_for(args)
    config = config_for(args)
    chosen: batch.Record | None = None
    for i, record in enumerate(readers.iter_records([args.file], field=args.field,
                                                    max_bytes=args.max_bytes)):
        if args.record is None or args.record in (record.id, str(i + 1)):
            chosen = record
            break
    if chosen is None:
        raise UsageError(f"{args.file}: no record {args.record!r}" if args.record else
                         f"{args.file}: no document in it")
    if chosen.error:
        print(f"{PROG}: {chosen.source}: {chosen.error}", file=sys.stderr)
        return 1
    if config.mode == "auto" and chosen.mode_hint in ("text", "html"):
        config = config.but(mode=chosen.mode_hint)
    result = trace(chosen.data, url=args.url or chosen.url, pipeline=pipeline, config=config)
    tty = sys.stdout.isatty()
    color = args.color if args.color is not None else (tty and "NO_COLOR" not in os.environ)
    width = None if args.full or not tty else shutil.get_terminal_size((100, 20)).columns
    source = chosen.source if chosen.id == chosen.source else f"{chosen.source} ({chosen.id})"
    sys.stdout.write(render(result, color=color, width=width, source=source))
    return 0


# ---- rules -------------------------------------------------------------------------------------
def _fmt_value(value: Any) -> str:
    if isinstance(value, (frozenset, set, tuple, list)) and len(value) > 6:
        items = sorted(value, key=str) if isinstance(value, (set, frozenset)) else list(value)
        return f"[{', '.join(map(repr, items[:5]))}, ... ({len(value)} items)]"
    return repr(value)


def cmd_rules(args: argparse.Namespace) -> int:
    from newsclean.pipeline import default_pipeline

    pipe = pipeline_for(args) or default_pipeline()
    described = pipe.describe()
    if args.json:
        print(json.dumps(described, ensure_ascii=False, indent=2, default=repr))
        return 0
    width = max(60, shutil.get_terminal_size((100, 20)).columns if sys.stdout.isatty() else 100)
    for d in described:
        print(f"{d['position']:>2}. {d['name']}  ({d['origin']})")
        if d["summary"]:
            print(textwrap.fill(d["summary"], width, initial_indent="    ", subsequent_indent="    "))
        options = d["options"]
        if options:
            print(textwrap.fill("options: " + ", ".join(f"{k}={_fmt_value(v)}" for k, v in options.items()),
                                width, initial_indent="    ", subsequent_indent="      ",
                                break_long_words=False, break_on_hyphens=False))
    r = pipe.resolver
    print(f"resolver: core_protection={r.core_protection}, min_confidence={r.min_confidence}")
    return 0


# ---- parser ------------------------------------------------------------------------------------
def _add_pipeline_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--config", metavar="FILE",
                   help="pipeline configuration (TOML; see docs/configuration.md)")
    p.add_argument("--disable", metavar="RULE", action="append",
                   help="leave out a rule (repeatable, or comma-separated)")
    p.add_argument("--profiles", metavar="FILE",
                   help="site profiles from 'newsclean learn': drop lines that recur on the page's site")


def _add_mode(p: argparse.ArgumentParser) -> None:
    p.add_argument("--mode", choices=("auto", "text", "html"), default="auto",
                   help="treat input as text or HTML (default: auto: from the file type or the content)")


def build_parser() -> argparse.ArgumentParser:
    from newsclean import __version__

    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--debug", action="store_true", default=argparse.SUPPRESS,
                        help="show the traceback of an error")
    parser = argparse.ArgumentParser(
        prog=PROG, parents=[common],
        description="Turn the messy text or HTML of news pages into clean article bodies with metadata, "
                    "every removal explained.",
        epilog="Run 'newsclean COMMAND --help' for the options of a command.")
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    # clean
    p = sub.add_parser("clean", parents=[common], help="clean files, folders, JSON Lines, WARC or stdin",
                       description="Clean documents: text or HTML files, folders (recursive), JSON Lines "
                                   "(one document per line), WARC response records, any of them "
                                   "gzip-compressed, or stdin ('-'). One output record per input "
                                   "record, in input order; a record that fails gets an 'error' field.")
    p.add_argument("paths", nargs="*", metavar="PATH", help="file, folder, or - for stdin")
    p.add_argument("-o", "--output", metavar="FILE",
                   help="write here instead of stdout; the name's extension sets the format "
                        "(.jsonl, .json, .txt; + .gz: compressed)")
    p.add_argument("-f", "--format", choices=cli_output.FORMATS, default=None,
                   help="text: the bodies (each under a '==> SOURCE <==' line when there are several); "
                        "json: one array; jsonl: one object per line (default: from -o's extension, "
                        "else text)")
    _add_mode(p)
    _add_pipeline_options(p)
    p.add_argument("--input-format", choices=("auto", "document", "jsonl", "warc"), default="auto",
                   help="how to read the inputs (default: auto, from the name or the content)")
    p.add_argument("--field", metavar="NAME", help="JSON Lines field holding the document "
                                                   "(default: html, else text)")
    p.add_argument("--id-field", metavar="NAME", default="id", help="JSON Lines id field (default: id)")
    p.add_argument("--url-field", metavar="NAME", default="url", help="JSON Lines URL field (default: url)")
    p.add_argument("-w", "--workers", type=int, default=1, metavar="N",
                   help="clean in N processes (0: one per CPU; default: 1)")
    p.add_argument("--chunk-size", type=int, default=batch.DEFAULT_CHUNKSIZE, metavar="N",
                   help=f"records sent to a worker at a time (default: {batch.DEFAULT_CHUNKSIZE})")
    p.add_argument("--timeout", type=_positive, default=batch.DEFAULT_TIMEOUT, metavar="SECONDS",
                   help="time budget per document; past it the record fails (0: none; default: "
                        f"{batch.DEFAULT_TIMEOUT:g})")
    p.add_argument("--max-bytes", type=_size, default=readers.DEFAULT_MAX_BYTES, metavar="SIZE",
                   help="largest decompressed size of one document (file, line or WARC record); "
                        f"bigger ones fail, unread (default: {readers.DEFAULT_MAX_BYTES // 2**20}M)")
    p.add_argument("--max-chars", type=int, metavar="N", help="cut longer documents (after decoding)")
    p.add_argument("--no-page-prose", dest="page_prose", action="store_false",
                   help="HTML mode: keep only the extractor's text (default: add the prose it left "
                        "out, from the page's text: on an article, product or collection page only "
                        "what lies between two of its lines)")
    p.add_argument("--max-memory", type=_size, metavar="SIZE",
                   help="memory a worker process may add to what it starts with; past it the worker "
                        "is stopped and its document fails (Linux; runs in a worker even with -w 1; "
                        "default: none)")
    p.add_argument("--strict", action="store_true",
                   help="a rule that raises fails the document (default: the rule is skipped for that "
                        "document, with a warning)")
    p.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                   help="draw a progress bar on stderr (default: when stderr is a terminal)")
    p.add_argument("-q", "--quiet", action="store_true",
                   help="no progress bar, no failure lines, warnings or summary")
    p.set_defaults(func=cmd_clean)

    # learn
    p = sub.add_parser("learn", parents=[common], help="learn site profiles: lines recurring on a site",
                       description="Count the lines of many pages per site (the URL's host) and write the "
                                   "ones on most of a site's pages (footers, promo lines, 'about us' "
                                   "paragraphs) to a JSON file for 'newsclean clean --profiles'. Reads "
                                   "the same inputs as 'clean'; pages need a URL (JSON Lines 'url' "
                                   "field, WARC target URI). See docs/scale.md.")
    p.add_argument("paths", nargs="+", metavar="PATH", help="file, folder, or - for stdin")
    p.add_argument("-o", "--output", metavar="FILE", help="write the profiles here (default: stdout)")
    p.add_argument("--min-pages", type=int, default=5, metavar="N",
                   help="sites with fewer pages get no profile (default: 5)")
    p.add_argument("--min-share", type=float, default=0.5, metavar="F",
                   help="a line must be on at least this share of the site's pages (default: 0.5)")
    p.add_argument("--min-letters", type=int, default=3, metavar="N",
                   help="ignore lines with fewer letters once digits are stripped (default: 3)")
    p.add_argument("--min-distinct", type=int, default=3, metavar="N",
                   help="the pages a line is on must hold this many different stories (default: 3)")
    p.add_argument("--allow", metavar="LINE", action="append",
                   help="never drop this line on any site ('re:PATTERN' for a regex; repeatable)")
    _add_mode(p)
    p.add_argument("--input-format", choices=("auto", "document", "jsonl", "warc"), default="auto",
                   help="how to read the inputs (default: auto)")
    p.add_argument("--field", metavar="NAME", help="JSON Lines field holding the document")
    p.add_argument("--url-field", metavar="NAME", default="url", help="JSON Lines URL field (default: url)")
    p.add_argument("-w", "--workers", type=int, default=1, metavar="N", help="parse in N processes")
    p.add_argument("--timeout", type=_positive, default=batch.DEFAULT_TIMEOUT, metavar="SECONDS",
                   help="time budget per page; past it the page is skipped (0: none; default: "
                        f"{batch.DEFAULT_TIMEOUT:g})")
    p.add_argument("--max-bytes", type=_size, default=readers.DEFAULT_MAX_BYTES, help=argparse.SUPPRESS)
    p.add_argument("-q", "--quiet", action="store_true", help="no summary")
    p.set_defaults(func=cmd_learn)

    # explain
    p = sub.add_parser("explain", parents=[common], help="show why each line was removed or kept",
                       description="Print the input block by block: removed lines marked with their kind, "
                                   "rule, confidence and reason; lines promoted to title/subtitle; "
                                   "trimmed pieces; then the metadata found.")
    p.add_argument("file", metavar="FILE", help="a text or HTML file (.gz too), a JSONL or WARC file, or -")
    _add_mode(p)
    _add_pipeline_options(p)
    p.add_argument("--url", help="the page URL (helps metadata and site rules)")
    p.add_argument("--record", metavar="ID", help="in a JSONL/WARC file: the record id or number "
                                                  "(default: the first)")
    p.add_argument("--field", metavar="NAME", help="JSON Lines field holding the document")
    p.add_argument("--color", action=argparse.BooleanOptionalAction, default=None,
                   help="colour the output (default: when writing to a terminal)")
    p.add_argument("--full", action="store_true", help="do not clip lines to the terminal width")
    p.add_argument("--max-bytes", type=_size, default=readers.DEFAULT_MAX_BYTES, help=argparse.SUPPRESS)
    p.set_defaults(func=cmd_explain)

    # rules
    p = sub.add_parser("rules", parents=[common], help="list the rules of the pipeline",
                       description="The rules in pipeline order, with their options and where each comes "
                                   "from (built in, entry point, config).")
    _add_pipeline_options(p)
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=cmd_rules)

    # eval
    p = sub.add_parser("eval", parents=[common], help="score predicted bodies against gold bodies",
                       description="Score with the article-extraction-benchmark metric. GOLD is a bench "
                                   "folder (ground-truth.json) or a JSON file id -> {\"articleBody\"} or "
                                   "id -> text; each PRED is a JSON file of the same shape or the JSONL "
                                   "output of 'newsclean clean --format jsonl'. With --run, newsclean runs "
                                   "over the bench folder first (HTML pages, or --mode text --input NAME).")
    p.add_argument("files", nargs="*", metavar="GOLD PRED", help="gold, then one or more predictions")
    p.add_argument("--run", metavar="DATA_DIR", help="run newsclean over this bench folder and score it")
    _add_mode(p)
    p.add_argument("--input", metavar="NAME", help="with --run --mode text: the text input to clean "
                                                   "(text-inputs/NAME.json)")
    _add_pipeline_options(p)
    p.add_argument("-w", "--workers", type=int, default=1, metavar="N", help="processes for --run")
    p.add_argument("--timeout", type=_positive, default=batch.DEFAULT_TIMEOUT, metavar="SECONDS",
                   help="time budget per document for --run")
    p.add_argument("--bootstrap", type=int, default=200, metavar="N",
                   help="bootstrap resamples for the spread (default: 200)")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar or warnings")
    p.set_defaults(func=cmd_eval)

    # fixture
    p = sub.add_parser("fixture", parents=[common], help="write regression-fixture expected files",
                       description="Regression fixtures: an input page beside NAME.expected.json, run by "
                                   "the newsclean pytest plugin. See docs/fixtures.md.")
    fsub = p.add_subparsers(dest="fixture_command", metavar="ACTION")
    p.set_defaults(func=lambda a: _missing_action(p))
    for name, helptext in (("new", "write a draft NAME.expected.json beside an input (or each input "
                                   "without one under a folder)"),
                           ("add", "copy a page into a fixture folder and write its draft")):
        fp = fsub.add_parser(name, parents=[common], help=helptext, description=helptext + ", from "
                             "today's output. Review the draft before committing it: it locks in "
                             "today's behaviour, mistakes included.")
        if name == "new":
            fp.add_argument("path", metavar="PATH", help="NAME.txt / NAME.html (.gz too), or a folder")
            fp.set_defaults(func=cmd_fixture_new)
        else:
            fp.add_argument("file", metavar="FILE", help="the page (text or HTML, .gz too)")
            fp.add_argument("--to", required=True, metavar="FOLDER", help="the fixture folder")
            fp.add_argument("--name", help="file name in the folder (default: the file's name)")
            fp.set_defaults(func=cmd_fixture_add)
        _add_mode(fp)
        _add_pipeline_options(fp)
        fp.add_argument("--url", help="the page URL (stored in the expected file)")
        fp.add_argument("--force", action="store_true", help="replace an existing expected file")

    # train
    p = sub.add_parser("train", add_help=False,
                       help="train the line model on corpora in the aeb-dev layout "
                            "(needs the [train] extra; 'newsclean train --help')")
    p.add_argument("train_args", nargs=argparse.REMAINDER)
    p.set_defaults(func=cmd_train)
    return parser


def cmd_train(args: argparse.Namespace) -> int:
    """Hand the arguments to :func:`newsclean.train.main` (numpy is imported only there)."""
    from newsclean.train import main as train_main

    return train_main(args.train_args, prog=f"{PROG} train")


def _missing_action(parser: argparse.ArgumentParser) -> int:
    parser.print_help(sys.stderr)
    return 2


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    if args_list[:1] == ["train"]:  # its own parser: every option after 'train' is the trainer's
        return cmd_train(argparse.Namespace(train_args=args_list[1:]))
    parser = build_parser()
    args = parser.parse_args(argv)
    debug = bool(getattr(args, "debug", False))
    if not getattr(args, "command", None):
        parser.print_help(sys.stderr)
        return 2
    try:
        code: int = args.func(args)
        return code
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (``newsclean clean ... | head``): stop quietly.
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        except (OSError, ValueError):
            pass
        return 1
    except Exception as exc:
        if debug:
            raise
        message = str(exc) if isinstance(exc, (UsageError, readers.MissingDependencyError)) else (
            f"{type(exc).__name__}: {exc}")
        print(f"{PROG}: error: {message}", file=sys.stderr)
        return 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
