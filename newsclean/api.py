"""The public entry points: :func:`clean`, :func:`clean_text`, :func:`clean_html`."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from newsclean import recall as _recall
from newsclean.article import Article
from newsclean.config import Config
from newsclean.document import Document
from newsclean.ingest import segment as _segment
from newsclean.ingest.binary import NotTextError, check_text
from newsclean.kinds import Action, Kind
from newsclean.pagetype import PageType
from newsclean.pipeline import Decision, Pipeline, RuleError, default_pipeline, resolve
from newsclean.rules.base import Verdict

if TYPE_CHECKING:
    from newsclean.ingest.html import HtmlExtract
    from newsclean.profiles import Profiles

__all__ = ["NotTextError", "RuleError", "Trace", "clean", "clean_html", "clean_text", "trace"]

_EMPTY_WARNING = "empty input: no text to clean"
_ALL_REMOVED_WARNING = "no body: every block was removed"


@lru_cache(maxsize=1)
def _default() -> Pipeline:
    return default_pipeline()


def _check_type(data: object) -> None:
    if not isinstance(data, (str, bytes, bytearray, memoryview)):
        raise TypeError(
            f"newsclean.clean expects str or bytes (text or HTML), got {type(data).__name__}"
        )


def _to_str(data: str | bytes | bytearray | memoryview, config: Config,
            warnings: list[str]) -> tuple[str, bool | None]:
    """Decode bytes; returns the text and, for bytes, whether they looked like HTML."""
    from newsclean.ingest.decode import decode

    if isinstance(data, str):
        return data, None
    raw = bytes(data)
    check_text(raw)
    decoded = decode(raw)
    warnings.extend(decoded.warnings)
    return decoded.text, None


NOT_ARTICLE_WARNING = ("not an article: the extractor's text is kept, no line removed as chrome "
                       "(only metadata lines and repeats of the title)")

SURROGATE_WARNING = "invalid Unicode: lone surrogates replaced with U+FFFD"


def _valid_unicode(text: str, warnings: list[str]) -> str:
    """``text`` without surrogate code points: a pair becomes its character, a lone one U+FFFD.

    A ``str`` can hold lone surrogates (``json.loads('"\\ud800"')``, ``surrogateescape``) that no
    encoder accepts: kept, they made lxml stop reading the page at that point (losing the rest of
    the article) and made JSON output fail to encode, so they are repaired here, with a warning.
    """
    if text.isascii():
        return text
    try:  # UTF-8 refuses exactly the surrogates, and encodes ~5x faster than a regex scans
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        pass
    warnings.append(SURROGATE_WARNING)
    return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")


def _cut(text: str, config: Config, warnings: list[str]) -> str:
    if len(text) > config.max_chars:
        warnings.append(f"input cut to {config.max_chars} characters (was {len(text)})")
        return text[:config.max_chars]
    return text


def clean(data: str | bytes, *, url: str | None = None, pipeline: Pipeline | None = None,
          config: Config | None = None, profiles: Profiles | None = None, strict: bool = False,
          **overrides: Any) -> Article:
    """Clean a news page given as text or HTML (``str`` or ``bytes``) and return an :class:`Article`.

    HTML is detected unless ``mode`` says otherwise. ``overrides`` are :class:`Config` fields
    (``clean(text, mode="text")``). ``profiles`` (from :func:`newsclean.learn_profile`) adds the
    ``site_profile`` rule, which drops the lines that recur on the site of ``url``. Raises
    ``TypeError`` for anything but ``str``/``bytes``, and :class:`NotTextError` for bytes that are
    no text at all (an executable, an image, an archive: see :mod:`newsclean.ingest.binary`); any
    other ``str`` or ``bytes`` gives an Article (lone surrogates in a ``str`` become U+FFFD,
    undecodable bytes are replaced, with a warning).

    A rule that raises is skipped for this document and named in ``Article.warnings``; with
    ``strict=True`` it raises :class:`~newsclean.pipeline.RuleError` instead (for tests and for
    developing rules, where a hidden failure costs more than a lost document).
    """
    _check_type(data)
    if profiles is not None:
        from newsclean.profiles import with_profiles

        pipeline = with_profiles(pipeline or _default(), profiles)
    sink: list[Trace] | None = overrides.pop("_trace", None)
    config = (config or Config()).but(**overrides) if overrides else (config or Config())
    warnings: list[str] = []
    if isinstance(data, str):
        text = data
    else:
        text, _ = _to_str(data, config, warnings)
    text = _valid_unicode(text, warnings)
    mode = config.mode
    if mode == "auto":
        from newsclean.ingest.decode import looks_like_html

        mode = "html" if looks_like_html(text) else "text"
    if mode == "html":
        return _clean_html(text, url, pipeline, config, warnings, sink, strict)
    return _clean_text(text, url, pipeline, config, warnings, sink, strict)


def clean_text(text: str | bytes, *, url: str | None = None, pipeline: Pipeline | None = None,
               config: Config | None = None, profiles: Profiles | None = None, strict: bool = False,
               **overrides: Any) -> Article:
    """Clean already-extracted page text (no HTML sniffing)."""
    return clean(text, url=url, pipeline=pipeline, config=config, profiles=profiles, strict=strict,
                 mode="text", **overrides)


def clean_html(html: str | bytes, *, url: str | None = None, pipeline: Pipeline | None = None,
               config: Config | None = None, profiles: Profiles | None = None, strict: bool = False,
               **overrides: Any) -> Article:
    """Clean an HTML page: trafilatura extracts the main text and metadata, then the rules run."""
    return clean(html, url=url, pipeline=pipeline, config=config, profiles=profiles, strict=strict,
                 mode="html", **overrides)


@dataclass(slots=True)
class Trace:
    """A cleaning run with its working: the segmented document and the decision for each block.

    ``newsclean explain`` prints this; tests and users debugging a rule read it.
    """

    article: Article
    document: Document
    decisions: list[Decision]
    verdicts: list[Verdict] = field(default_factory=list)


def trace(data: str | bytes, *, url: str | None = None, pipeline: Pipeline | None = None,
          config: Config | None = None, profiles: Profiles | None = None, strict: bool = False,
          **overrides: Any) -> Trace:
    """Like :func:`clean`, but also return the document, every verdict and every decision."""
    sink: list[Trace] = []
    clean(data, url=url, pipeline=pipeline, config=config, profiles=profiles, strict=strict,
          _trace=sink, **overrides)
    return sink[0]


def _run(doc: Document, pipeline: Pipeline | None, warnings: list[str],
         timings: dict[str, float], sink: list[Trace] | None = None, strict: bool = False, *,
         facts_only: bool = False) -> Article:
    t0 = time.perf_counter()
    pipe = pipeline or _default()
    verdicts = pipe.propose(doc, strict=strict, failures=warnings)
    if facts_only:  # not an article: the rules' metadata is read; only metadata lines and
        # repeats (of the title) leave the body, no line is cut as chrome
        verdicts = [v for v in verdicts
                    if v.action is Action.META or v.kind in (Kind.METADATA, Kind.DUPLICATE)]
    article, decisions = resolve(doc, verdicts, pipe.resolver)
    if sink is not None:
        sink.append(Trace(article, doc, decisions, verdicts))
    timings["rules"] = time.perf_counter() - t0
    article.warnings[:0] = warnings
    article.timings = timings
    if doc.url and not article.metadata.url:
        article.metadata.url = doc.url
    if not article.metadata.language:
        article.metadata.language = doc.language
    if not doc.blocks:
        if _EMPTY_WARNING not in article.warnings:
            article.warnings.append(_EMPTY_WARNING)
    elif not article.paragraphs:
        article.warnings.append(_ALL_REMOVED_WARNING)
    return article


def analyse_text(text: str, *, url: str | None = None, config: Config | None = None) -> Document:
    """Repair and segment ``text`` into the :class:`Document` the rules see (for ``explain``)."""
    config = config or Config()
    return _segment.segment(text, mode="text", url=url, join_wrapped=config.join_wrapped)


def _clean_text(text: str, url: str | None, pipeline: Pipeline | None, config: Config,
                warnings: list[str], sink: list[Trace] | None = None, strict: bool = False) -> Article:
    timings: dict[str, float] = {}
    t0 = time.perf_counter()
    text = _cut(text, config, warnings)
    doc = _segment.segment(text, mode="text", url=url, join_wrapped=config.join_wrapped)
    if config.page_type is not None:  # stated by the page_type rule instead of its guess
        doc.hints["page_type"] = config.page_type
    timings["segment"] = time.perf_counter() - t0
    return _run(doc, pipeline, warnings, timings, sink, strict)


RECALL_WARNING = "{n} paragraphs of the page's own text added: prose the extractor left out"


def _complete(article: Article, page_text: str, url: str | None, pipeline: Pipeline | None,
              config: Config, strict: bool) -> None:
    """Add to ``article`` (HTML mode, a page that is no article) the prose paragraphs text mode
    finds in ``page_text`` and the extraction lacks (:mod:`newsclean.recall`)."""
    if not _recall.may_add(article.paragraphs, page_text):
        return  # no line of the page is prose the extraction lacks: text mode would add nothing
    try:  # one DOM block a line: no line is a hard-wrapped piece of the next
        page = _clean_text(page_text, url, pipeline, config.but(mode="text", join_wrapped=False),
                           [], None, strict)
    except RuleError:
        raise  # strict: the caller asked to see it
    except Exception as err:  # only a source of more paragraphs: the extraction stands
        article.warnings.append(f"page text not read for missed prose: {type(err).__name__}")
        return
    added = _recall.missing_prose(article.paragraphs, page.paragraphs)
    if added:
        article.paragraphs = _recall.insert(article.paragraphs, added)
        article.warnings.append(RECALL_WARNING.format(n=len(added)))


LAYOUT_ARTICLE_WARNING = ("the page's layout table reads as a {dom} page from its markup, as an "
                          "article from its lines (p={p:.2f}): cleaned as an article")


def _html_document(text: str, mode: str, url: str | None, extract: HtmlExtract) -> Document:
    """The segmented text of an HTML page, with what the page declares as hints for the rules."""
    doc = _segment.segment(text, mode=mode, url=url, join_wrapped=False)
    doc.hints = dict(extract.metadata)
    doc.hints["headings"] = extract.headings
    lang = extract.metadata.get("language")
    if isinstance(lang, str) and lang:
        doc.language_hint = lang.split("-")[0].lower()
    return doc


def _clean_html(html: str, url: str | None, pipeline: Pipeline | None, config: Config,
                warnings: list[str], sink: list[Trace] | None = None, strict: bool = False) -> Article:
    from newsclean.ingest import html as _html
    from newsclean.ingest.merge import apply_hints

    timings: dict[str, float] = {}
    t0 = time.perf_counter()
    html = _cut(html, config, warnings)
    page_prose = _recall.DEFAULT.page_types if config.page_prose else frozenset()
    options = _html.HtmlOptions(favor_precision=config.favor_precision,
                                favor_recall=config.favor_recall, timeout=config.html_timeout,
                                page_type=config.page_type, page_text_for=page_prose,
                                interior_prose=config.page_prose, layout=config.html_fallback)
    extract = _html.extract_html(html, url=url, options=options)
    warnings.extend(extract.warnings)
    timings["extract"] = time.perf_counter() - t0
    t1 = time.perf_counter()
    # the page's whole text (no article found, or the page's layout table): the text rules judge
    # its lines, as in text mode; one DOM block a line, so no line is a hard-wrapped piece of the next
    as_text = config.html_fallback and extract.whole_page
    doc = _html_document(extract.text, "text" if as_text else "html", url, extract)
    guess = extract.page_type
    if (as_text and extract.rows is not None and config.page_type is None and guess is not None
            and guess.page_type is not PageType.ARTICLE):
        # one layout table: its DOM has no <p> and links everywhere, and old articles read as
        # listings; the shape of the page's lines says whether it is an article
        from newsclean.pagetype_text import detect_text

        by_text = detect_text(doc)
        if by_text.page_type is PageType.ARTICLE:
            warnings.append(LAYOUT_ARTICLE_WARNING.format(dom=guess.page_type.value,
                                                          p=by_text.probability))
            guess = by_text
        else:  # no article either way: the extractor's rows, as a plain extractor keeps them
            doc = _html_document(extract.rows, "html", url, extract)
    timings["segment"] = time.perf_counter() - t1
    not_article = guess is not None and guess.page_type is not PageType.ARTICLE
    if not_article and guess is not None:
        warnings.append(f"{NOT_ARTICLE_WARNING}: looks like a {guess.page_type.value} page "
                        f"(p={guess.probability:.2f})")
    article = _run(doc, pipeline, warnings, timings, sink, strict, facts_only=not_article)
    if not_article and extract.page_text:
        t2 = time.perf_counter()
        _complete(article, extract.page_text, url, pipeline, config, strict)
        timings["page_prose"] = time.perf_counter() - t2
    article.mode = "html"
    if guess is not None:
        article.metadata.page_type = guess.page_type
    apply_hints(article, extract.metadata, declared_authors=extract.authors_declared)
    return article
