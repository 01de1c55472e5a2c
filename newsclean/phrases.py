"""Phrase lists of site chrome ("Share on Facebook", "Alle Rechte vorbehalten", "Lire aussi") and a
fast matcher for them.

The lists are package data, one file per language under ``newsclean/data/chrome/`` (the format is
described in that folder's ``README.md``): ``<lang>.txt`` for a language (ISO 639-1 code) and
``xx.txt`` for language-neutral chrome (social network names, ``©`` lines, agency credits,
pagination, ``|`` menus).

:func:`match` checks one line against the document language's list, then English (English chrome
appears on sites in every language), then the neutral list, and returns a :class:`PhraseHit` or
``None``::

    >>> from newsclean import phrases
    >>> hit = phrases.match("Mehr zum Thema", "de")
    >>> hit.category, hit.language, hit.reason("Mehr zum Thema")
    ('read_more', 'de', "read-more link ('Mehr zum Thema')")
    >>> phrases.match("Er teilte das Video auf Facebook.", "de") is None
    True

The four modes, all case-insensitive:

``line``
    the whole line, :func:`normalize`-d (decoration and counts like ``"(12)"`` stripped), equals the
    pattern: a dict lookup;
``prefix``
    the normalised line starts with the pattern (whole words), has at most ``max_words`` words and
    does not read like a sentence (ending in ``.``/``!``/``?``/``…`` with a comma or with
    :data:`SENTENCE_MIN_WORDS` words or more);
``contains``
    the pattern occurs as whole words in a normalised line of at most ``max_words`` words that does
    not end in ``.``/``!``/``?``/``…`` at all;
``regex``
    a ``regex``-module pattern full-matches the :func:`trim`-med line (counts kept), for lines of
    fewer than ``max_regex_words`` words, under a timeout.

A short line (2 to 10 words, not ending like a sentence) that is a **row** of ``line`` entries,
such as a strip of buttons or footer links run together (``"Impressum Datenschutz"``,
``"Subscribe Sign in"``, ``"Facebook | Twitter"``), matches too; its hit has mode ``"row"`` and a
pattern naming the parts (``"impressum + datenschutz"``).

A line that is quoted speech (it opens with a quotation mark, or has an attribution such as
``!" he shouted``) never matches: ``"Subscribe!" he shouted.`` is body text.

Everything is loaded lazily on first use and cached; importing this module reads no file.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Literal

import regex

from newsclean.frozen import fast_init
from newsclean.phrase_needs import Need, possible, required_literal, requirements

if TYPE_CHECKING:
    from importlib.abc import Traversable

    from newsclean.document import Block, Document

__all__ = [
    "CATEGORIES",
    "DEFAULT_MAX_REGEX_WORDS",
    "DEFAULT_MAX_WORDS",
    "MODES",
    "WEAK_CATEGORIES",
    "Entry",
    "Matcher",
    "PhraseFileError",
    "PhraseHit",
    "available_languages",
    "entries",
    "fold",
    "has_own_list",
    "language_chain",
    "match",
    "match_block",
    "matcher",
    "normalize",
    "trie_regex",
    "trim",
]

Mode = Literal["line", "prefix", "contains", "regex"]

CATEGORY_LABELS: dict[str, str] = {
    "navigation": "navigation label",
    "section": "section name",
    "comments": "comments widget",
    "share": "share prompt",
    "follow": "follow prompt",
    "newsletter": "newsletter prompt",
    "subscribe": "subscription prompt",
    "cookie": "cookie/consent notice",
    "advertisement": "advertisement label",
    "copyright": "copyright line",
    "legal": "legal/footer link",
    "read_more": "read-more link",
    "related": "related-content label",
    "credit": "photo/agency credit",
    "login": "login prompt",
    "app": "app-download prompt",
    "byline_label": "author boilerplate",
    "timestamp": "timestamp label",
    "paywall": "paywall notice",
    "print_email": "print/e-mail button",
    "tags_label": "tags label",
    "media": "media player label",
    "feedback": "feedback/correction prompt",
}
"""Every category, with the label a rule can put in its reason."""

CATEGORIES: frozenset[str] = frozenset(CATEGORY_LABELS)
_MODES: dict[str, Mode] = {"line": "line", "prefix": "prefix", "contains": "contains", "regex": "regex"}
MODES: frozenset[str] = frozenset(_MODES)

WEAK_CATEGORIES: frozenset[str] = frozenset({"section"})
"""Categories whose hits are only evidence: a lone "Politics" or "Sport" line may be a kicker or a
subheading, so a rule should drop it only among other chrome (a menu)."""

DEFAULT_MAX_WORDS = 12
"""``prefix`` and ``contains`` entries only apply to lines of at most this many words."""
DEFAULT_MAX_REGEX_WORDS = 120
"""``regex`` entries only apply to lines of at most this many words (cookie banners are long)."""
SENTENCE_MIN_WORDS = 6
"""A line of this many words or more that ends with ``.``/``!``/``?``/``…`` is sentence-like."""
REGEX_TIMEOUT = 0.05
"""Seconds one ``regex`` entry may run on one line; a timeout counts as no match."""

NEUTRAL = "xx"
"""The language-neutral list, always consulted last."""
FALLBACK = "en"
"""English chrome appears everywhere, so its list is consulted for every language."""

_LANGUAGE_ALIASES = {"nb": "no", "nn": "no", "iw": "he", "in": "id", "ji": "yi"}


def _data_dir() -> Traversable:
    """``newsclean/data/chrome`` (``data`` is not a package, so go through ``newsclean``)."""
    return resources.files("newsclean").joinpath("data").joinpath("chrome")


class PhraseFileError(ValueError):
    """A data file has a malformed line (bad category, mode or regex)."""


@dataclass(frozen=True, slots=True)
class Entry:
    """One line of a data file."""

    category: str
    mode: Mode
    pattern: str
    """The pattern as written in the file."""
    language: str
    line_no: int
    row: bool = False
    """Synthetic: a row of several ``line`` entries (see :meth:`Matcher.match`)."""

    @property
    def key(self) -> str:
        """What the pattern is matched as: normalised (``line``), casefolded (``prefix``, ``contains``)
        or unchanged (``regex``)."""
        if self.mode == "line":
            return normalize(self.pattern)
        if self.mode == "regex":
            return self.pattern
        return fold(self.pattern).lstrip(_EDGE)


@fast_init  # one per chrome line found: see newsclean.frozen
@dataclass(frozen=True, slots=True)
class PhraseHit:
    """A line matched an entry. ``category`` says what kind of chrome it is."""

    category: str
    pattern: str
    language: str
    mode: str

    @property
    def label(self) -> str:
        """A human name for the category, e.g. ``"share prompt"``."""
        return CATEGORY_LABELS.get(self.category, self.category.replace("_", " "))

    @property
    def weak(self) -> bool:
        """True for categories that are only evidence on their own (see :data:`WEAK_CATEGORIES`)."""
        return self.category in WEAK_CATEGORIES

    def reason(self, text: str | None = None, width: int = 60) -> str:
        """A reason for ``Article.removed``: ``share prompt ('Share on Facebook')``.

        Quotes ``text`` (the matched line, shortened to ``width``) when given, else the pattern.
        """
        shown = " ".join((text if text is not None else self.pattern).split())
        if len(shown) > width:
            shown = shown[: width - 1].rstrip() + "…"
        return f"{self.label} ({shown!r})"


# ---- normalisation ----------------------------------------------------------------------------

_EDGE = (
    " \t\r\n\u00a0\u2000\u2001\u2002\u2003\u2009\u200a\u200b\u202f\u3000\ufeff"
    "•·∙▪▫◦●○■□◆◇►▸▶▷◄◂◀◁▼▽▲△➤➔➜➝➞→←↑↓↗↘⇒⇨⟶»«›‹"
    "|¦/\\-‐‑‒–—―_*~=+><#:;,.!?¿¡…\"'“”„‟‘’‚`´✓✔✕✖✗✘×"
    "：；，。！？｜＞【】"
)
"""Decoration stripped from both ends of a line: spaces, bullets, arrows, pipes, dashes, quotes, and
punctuation, in their full-width forms of Chinese and Japanese too (``分享到：``, and the lenticular
brackets of ``【我要纠错】``, which decorate a label rather than enclose an aside). Round, square and
curly brackets are not here: a line wrapped in a pair of them is unwrapped separately."""

_WRAPPED = regex.compile(r"^[(\[{](.*)[)\]}]$")
_TRAILING_COUNT = regex.compile(
    r"(?:\s*[(\[{（]\s*[+]?\d[\d.,\s]{0,12}[km+]?[件条條则則个個개]?\s*[)\]}）]"
    r"|\s+\d[\d.,]{0,12}[km+]?)$"
)
"""A count after a label: ``(12)``, ``[3]``, ``12``, and in Chinese, Japanese and Korean with
full-width brackets and a counter word (``评论（28）``, ``コメント（3件）``)."""
_LEADING_COUNT = regex.compile(r"^\d[\d.,]{0,12}[km+]?\s+(?=\p{L})")
_QUOTE_START = frozenset('"“”„‟«»‹›')
# Speech attribution: closing punctuation + closing quote + a lower-case word ('!" he shouted').
# ``(?:\s*,)?\s*`` rather than ``\s*,?\s*`` (the same strings): two adjacent ``\s*`` split a run of
# whitespace in every possible way, quadratic in its length, for lines passed to match() unrepaired.
_ATTRIBUTION = regex.compile(r"[,!?…][\"”“»«‚‘’'](?:\s*,)?\s*\p{Ll}")
_CLOSERS = "\"'”’»“«)]"
_TERMINALS = frozenset(".!?…。！？؟")


def fold(text: str) -> str:
    """Casefold and collapse whitespace; Turkish dotted/dotless i fold to plain ``i``.

    ``"İ".casefold()`` is ``"i̇"`` (with a combining dot) and ``"I"`` folds to ``"i"`` while
    Turkish writes ``"ı"``; folding all of them to ``"i"`` keeps ``"İLGİLİ HABERLER"`` and
    ``"ilgili haberler"`` (and ``"YAZDIR"``/``"yazdır"``) equal.
    """
    s = " ".join(text.casefold().split())
    if "ı" in s or "\u0307" in s:
        s = s.replace("\u0307", "").replace("ı", "i")
    return s


def trim(line: str) -> str:
    """Casefold, collapse whitespace, strip edge decoration and unwrap ``(...)``/``[...]``.

    Counts are kept: this is what ``regex`` entries full-match (``"2 hours ago"``).
    """
    s = fold(line).strip(_EDGE)
    if s and s[0] in "([{" and s[-1] in ")]}":
        m = _WRAPPED.match(s)
        if m is not None and "(" not in (inner := m.group(1)) and ")" not in inner:
            s = inner.strip(_EDGE)
    return s


def _drop_counts(s: str) -> str:
    if s and (s[-1].isdigit() or s[-1] in ")]}）" or (s[-1] in "+km" and s[-2:-1].isdigit())):
        s = _TRAILING_COUNT.sub("", s).strip(_EDGE)
    if s and s[0].isdigit():
        s = _LEADING_COUNT.sub("", s).strip(_EDGE)
    return s


def normalize(line: str) -> str:
    """The key ``line``/``prefix``/``contains`` entries are matched against.

    :func:`trim`, then drop a trailing count (``"Comments (12)"``, ``"Kommentare 3"``) or a leading
    one (``"12 comments"``) and trim again::

        >>> normalize("  » Comments (0):  ")
        'comments'
        >>> normalize("• SHARE   THIS |")
        'share this'
        >>> normalize("[Advertisement]")
        'advertisement'
    """
    return _drop_counts(trim(line))


def _quoted_speech(raw: str) -> bool:
    """A quotation (``"Subscribe!" he shouted.``): body text, whatever words it holds."""
    return raw[:1] in _QUOTE_START or _ATTRIBUTION.search(raw) is not None


# ---- data files -------------------------------------------------------------------------------


def _parse(text: str, language: str, source: str) -> list[Entry]:
    """Parse one data file: ``category mode pattern`` per line, ``#`` comments, blank lines."""
    out: list[Entry] = []
    for no, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        parts = line.split(None, 2)
        if len(parts) != 3:
            raise PhraseFileError(f"{source}:{no}: expected 'category mode pattern': {raw!r}")
        category, mode, pattern = parts[0], parts[1], parts[2].strip()
        if category not in CATEGORIES:
            raise PhraseFileError(f"{source}:{no}: unknown category {category!r}")
        if mode not in _MODES:
            raise PhraseFileError(f"{source}:{no}: unknown mode {mode!r}")
        entry = Entry(category, _MODES[mode], pattern, language, no)
        if entry.mode == "regex":
            try:
                regex.compile(pattern, _REGEX_FLAGS)
            except regex.error as exc:
                raise PhraseFileError(f"{source}:{no}: bad regex {pattern!r}: {exc}") from exc
        elif not entry.key:
            raise PhraseFileError(f"{source}:{no}: pattern is empty once normalised: {pattern!r}")
        out.append(entry)
    return out


def _canonical(language: str | None) -> str | None:
    if not language:
        return None
    code = language.strip().lower().replace("_", "-").split("-")[0]
    return _LANGUAGE_ALIASES.get(code, code) or None


@lru_cache(maxsize=1)
def available_languages() -> tuple[str, ...]:
    """The codes that have a data file (``"xx"`` included), sorted."""
    return tuple(
        sorted(p.name[:-4] for p in _data_dir().iterdir() if p.name.endswith(".txt") and p.is_file())
    )


@lru_cache(maxsize=128)
def entries(language: str) -> tuple[Entry, ...]:
    """The parsed entries of one data file (empty for a language without one)."""
    code = _canonical(language)
    if code is None or code not in available_languages():
        return ()
    path = _data_dir().joinpath(f"{code}.txt")
    return tuple(_parse(path.read_text(encoding="utf-8"), code, f"{code}.txt"))


def has_own_list(language: str | None) -> bool:
    """Whether ``language`` has a chrome list of its own (``"de-AT"``: yes; ``"bg"``: no, only the
    English and neutral lists are consulted). ``None`` (not detected) counts as having one: the
    English list is what such a page is read with."""
    code = _canonical(language)
    return code is None or (code != NEUTRAL and code in available_languages())


def language_chain(language: str | None) -> tuple[str, ...]:
    """The lists consulted for ``language``, in order: the language, English, neutral.

    ``"de-AT"`` -> ``("de", "en", "xx")``; ``None`` or an unknown code -> ``("en", "xx")``.
    """
    code = _canonical(language)
    if code == NEUTRAL:
        code = None
    chain: list[str] = []
    for c in (code, FALLBACK, NEUTRAL):
        if c and c not in chain and c in available_languages():
            chain.append(c)
    return tuple(chain)


# ---- compiled matcher -------------------------------------------------------------------------

_REGEX_FLAGS = regex.IGNORECASE | regex.UNICODE
_BUCKET_CHARS = 2
_MAX_BUCKETS = 8192
_MAX_REGEX_CHARS = 2000
_MAX_ROW_WORDS = 10
_MAX_ROW_PART = 5
_ROW_SEPARATORS = "|•·/"
_DIGIT = regex.compile(r"\d")
_ROW_SPLIT = regex.compile(rf"\s*[{_ROW_SEPARATORS}]\s*")
_TABLE_VALUE = regex.compile(r"\d[.,:]\d|\d\s*%|[$€£¥]\s*\d|\d\s*[–-]\s*\d")
"""A cell value of a table: a decimal, a share, an amount, a range (``4.09%``, ``$339.56``,
``3–4``). A menu's items hold none; a pagination row holds bare numbers."""


def _table_row(line: str) -> bool:
    """A row of a table reached as ``|``-separated cells (``Art | 91 | 61.49% | 1,449 | 45.57%``,
    ``2 Bedroom House | $447.80 | 2 movers | 2.6 hours``): two or more cells hold a
    :data:`_TABLE_VALUE`. A menu of links holds none, a pagination row bare numbers."""
    return "|" in line and sum(1 for cell in line.split("|") if _TABLE_VALUE.search(cell)) >= 2

_CODE = regex.compile(r"[{}=]|-->|<[A-Za-z/!][^<>]*>|\[[^\[\]\s][^\[\]]*\]")
"""What a line of code or markup holds and a menu does not: a brace or ``=``, an arrow ``-->``, a
tag or type parameter (``<td>``, ``<T, E>``), an option in brackets (``[on|off]``). A menu's
``<``/``>``/``[``/``]`` stand alone ("< Back", "[ LOADING]", "Home > News"). Neither a tag nor
an option holds its own opening sign, so a line of a thousand ``[`` is read once, not once per
sign (the regex audit had timed that 15x slower at 4x the length)."""


def _code_line(line: str) -> bool:
    """A line of code, a diagram or a command's usage, whose ``|`` or ``>`` are operators, not the
    separators of a menu (``E -->|Yes| F[Run ANALYZE]``, ``Auto [boot|search] [on|off]``)."""
    return _CODE.search(line) is not None


_Trie = dict[str, "_Trie"]


def trie_regex(words: Iterable[str]) -> str:
    """One alternation for many literals, factorised as a trie (longest alternative first): the
    ``re``/``regex`` engines try an alternation's branches one by one, so a trie is several times
    faster than the plain ``a|b|c`` of a hundred literals.

    A literal that ends in a word character must be followed by a non-word character, so
    ``"share"`` does not match the start of ``"shares"``.
    """
    trie: _Trie = {}
    end = ""  # the terminal marker: no literal character is the empty string
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[end] = {}

    def emit(node: _Trie, last: str) -> str:
        alts = [re.escape(ch) + emit(child, ch) for ch, child in sorted(node.items()) if ch != end]
        if end in node:
            alts.append(r"(?!\w)" if (last.isalnum() or last == "_") else "")
        if len(alts) == 1:
            return alts[0]
        return "(?:" + "|".join(alts) + ")"

    return emit(trie, "")


@dataclass(frozen=True, slots=True)
class _Compiled:
    lines: dict[str, Entry]
    prefix_re: re.Pattern[str] | None
    prefixes: dict[str, Entry]
    contains_re: re.Pattern[str] | None
    contains: dict[str, Entry]
    regexes: tuple[tuple[regex.Pattern[str], Entry, tuple[str, ...], Need], ...]
    row_ends: tuple[frozenset[str], frozenset[str]]
    """First and last words of the ``line`` keys: a row must start and end with one."""


class Matcher:
    """The merged, compiled lists for one chain of languages (see :func:`matcher`)."""

    def __init__(self, languages: tuple[str, ...]) -> None:
        self.languages = languages
        lines: dict[str, Entry] = {}
        prefixes: dict[str, Entry] = {}
        contains: dict[str, Entry] = {}
        regexes: list[Entry] = []
        for code in languages:  # earlier languages win on equal keys
            for e in entries(code):
                if e.mode == "line":
                    lines.setdefault(e.key, e)
                elif e.mode == "prefix":
                    prefixes.setdefault(e.key, e)
                elif e.mode == "contains":
                    contains.setdefault(e.key, e)
                else:
                    regexes.append(e)
        self._c = _Compiled(
            lines=lines,
            prefix_re=re.compile(trie_regex(prefixes)) if prefixes else None,
            prefixes=prefixes,
            contains_re=re.compile(r"(?<!\w)" + trie_regex(contains)) if contains else None,
            contains=contains,
            row_ends=(
                frozenset(k.split(" ", 1)[0] for k in lines),
                frozenset(k.rsplit(" ", 1)[-1] for k in lines),
            ),
            regexes=tuple(
                (regex.compile(e.pattern, _REGEX_FLAGS), e, required_literal(e.pattern),
                 requirements(e.pattern))
                for e in regexes
            ),
        )
        self._buckets: dict[str, _Bucket] = {}
        self._stop: frozenset[str] | None = None
        self._combined: dict[tuple[int, ...], regex.Pattern[str]] = {}

    def __len__(self) -> int:
        c = self._c
        return len(c.lines) + len(c.prefixes) + len(c.contains) + len(c.regexes)

    def match(
        self,
        line: str,
        *,
        max_words: int = DEFAULT_MAX_WORDS,
        max_regex_words: int = DEFAULT_MAX_REGEX_WORDS,
        timeout: float = REGEX_TIMEOUT,
    ) -> PhraseHit | None:
        """The first entry ``line`` matches, trying ``line``, ``prefix``, ``contains``, ``regex``."""
        trimmed = trim(line)
        if not trimmed:
            return None
        e = self._find(trimmed, line, max_words, max_regex_words, timeout)
        if e is None or _quoted_speech(line.strip()) or (
                e.category == "navigation" and (_table_row(line) or _code_line(line))):
            return None
        return PhraseHit(e.category, e.pattern, e.language, "row" if e.row else e.mode)

    def _find(
        self, trimmed: str, line: str, max_words: int, max_regex_words: int, timeout: float
    ) -> Entry | None:
        c = self._c
        key = _drop_counts(trimmed)
        if key:
            e = c.lines.get(key)
            if e is not None:
                return e
            n_words = key.count(" ") + 1
            if n_words <= max_words:
                raw = line.rstrip().rstrip(_CLOSERS)
                ends_sentence = raw[-1:] in _TERMINALS
                if c.prefix_re is not None and not (
                    ends_sentence and (n_words >= SENTENCE_MIN_WORDS or "," in raw)
                ):
                    m = c.prefix_re.match(key)
                    if m is not None and (e := c.prefixes.get(m.group())) is not None:
                        return e
                if c.contains_re is not None and not ends_sentence:
                    m = c.contains_re.search(key)
                    if m is not None and (e := c.contains.get(m.group())) is not None:
                        return e
                if 1 < n_words <= _MAX_ROW_WORDS and not ends_sentence:
                    e = self._row(key)
                    if e is not None:
                        return e
        if not c.regexes or trimmed.count(" ") >= max_regex_words or len(trimmed) > _MAX_REGEX_CHARS:
            return None
        bucket = self._regex_bucket(trimmed)
        n = len(trimmed)
        try:
            if bucket.combined is not None and (
                bucket.combined.fullmatch(trimmed, timeout=timeout) is not None
            ):
                for pattern, e in bucket.plain:
                    if pattern.fullmatch(trimmed, timeout=timeout) is not None:
                        return e
            for literal, need, pattern, e in bucket.gated:
                if (
                    literal in trimmed
                    and possible(trimmed, n, need)
                    and pattern.fullmatch(trimmed, timeout=timeout) is not None
                ):
                    return e
        except TimeoutError:
            return None
        return None

    def _row(self, key: str) -> Entry | None:
        """A row of two or more ``line`` entries: ``"Impressum Datenschutz"``, ``"Subscribe Sign in"``.

        Buttons and footer links often reach the text as one line. The key is split at ``|``, ``•``,
        ``·`` and ``/`` and each piece must be covered, word by word, by ``line`` keys (bare counts
        such as ``"12"`` are skipped; a one-word key that is a stopword, like "more" or "home",
        does not count). Returns a synthetic entry naming the parts, in the category of the first
        part that is not weak when at least two parts are not weak, else in the weak ``section``
        category.
        """
        lines = self._c.lines
        firsts, lasts = self._c.row_ends
        # The first word decides most lines: when it holds no separator it begins the first piece,
        # and a row must start with a key's first word (the same refusal as below, before splitting).
        head = key.split(" ", 1)[0]
        if not any(sep in head for sep in _ROW_SEPARATORS):
            word = head.strip(_EDGE)
            if word and word not in firsts and not word.replace(".", "").replace(",", "").isdigit():
                return None
        parts: list[Entry] = []
        stop: frozenset[str] | None = None
        for segment in _ROW_SPLIT.split(key):
            words = [w for w in (t.strip(_EDGE) for t in segment.split()) if w]
            words = [w for w in words if not w.replace(".", "").replace(",", "").isdigit()]
            n = len(words)
            if n == 0:
                continue
            if words[0] not in firsts or words[-1] not in lasts:
                return None
            # best[i]: entries covering words[:i] (the fewest), or None when not coverable
            best: list[list[Entry] | None] = [[]] + [None] * n
            for i in range(n):
                done = best[i]
                if done is None:
                    continue
                for j in range(i + 1, min(n, i + _MAX_ROW_PART) + 1):
                    e = lines.get(" ".join(words[i:j]))
                    if e is not None and j == i + 1:
                        stop = self._stopwords() if stop is None else stop
                        if words[i] in stop:
                            e = None
                    if e is not None:
                        cand = [*done, e]
                        old = best[j]
                        if old is None or len(cand) < len(old):
                            best[j] = cand
            covered = best[n]
            if covered is None:
                return None
            parts.extend(covered)
        if len(parts) < 2 or (any(e.pattern == "x" for e in parts) and _DIGIT.search(key)):
            return None  # "7.9” x 14.2” x 7.9”": among numbers, "x" is a times sign, not X's button
        strong = [e for e in parts if e.category not in WEAK_CATEGORIES]
        # One strong word beside section names ("Sharing Economy", "Watch TV") stays weak evidence.
        lead = strong[0] if len(strong) >= 2 else next(e for e in parts if e not in strong)
        pattern = " + ".join(e.pattern for e in parts)
        return Entry(lead.category, lead.mode, pattern, lead.language, lead.line_no, row=True)

    def _stopwords(self) -> frozenset[str]:
        """Stopwords of the chain's languages: a lone "more", "by" or "home" is no row part."""
        if self._stop is None:
            from newsclean import lang  # lazy: the stoplists load on the first row check

            words: set[str] = set()
            for code in self.languages:
                words |= lang.stopwords(code)
            self._stop = frozenset(fold(w) for w in words)
        return self._stop

    def _regex_bucket(self, trimmed: str) -> _Bucket:
        """The ``regex`` entries worth trying on a line that starts like ``trimmed``.

        Lines are bucketed by their first two characters; an entry joins a bucket when those two
        characters can begin one of its matches (a partial full-match). Entries that could start
        with almost anything but need a literal somewhere (``.{0,150}\\ball rights reserved``,
        ``…\\|…``) are *gated*: tried only when the line contains that literal. The rest are
        joined into one alternation, so a typical line costs one regex call.
        """
        head = trimmed[:_BUCKET_CHARS]
        bucket = self._buckets.get(head)
        if bucket is None:
            plain: list[tuple[regex.Pattern[str], Entry]] = []
            gated: list[tuple[str, Need, regex.Pattern[str], Entry]] = []
            for p, e, literal, need in self._c.regexes:
                if p.fullmatch(head, partial=True) is None:
                    continue
                if literal and not any(lit in head for lit in literal):
                    gated.extend((lit, need, p, e) for lit in literal)
                else:
                    plain.append((p, e))
            ids = tuple(id(e) for _, e in plain)
            combined = self._combined.get(ids)
            if combined is None and plain:
                combined = regex.compile("|".join(f"(?:{e.pattern})" for _, e in plain), _REGEX_FLAGS)
                self._combined[ids] = combined
            bucket = _Bucket(combined, tuple(plain), tuple(gated))
            if len(self._buckets) < _MAX_BUCKETS:
                self._buckets[head] = bucket
        return bucket


@dataclass(frozen=True, slots=True)
class _Bucket:
    combined: regex.Pattern[str] | None
    plain: tuple[tuple[regex.Pattern[str], Entry], ...]
    gated: tuple[tuple[str, Need, regex.Pattern[str], Entry], ...]
    """Entries tried only on lines holding their literal, and then only when possible at all."""


@lru_cache(maxsize=64)
def _matcher_for_chain(chain: tuple[str, ...]) -> Matcher:
    return Matcher(chain)


@lru_cache(maxsize=256)
def matcher(language: str | None) -> Matcher:
    """The cached :class:`Matcher` for ``language`` (its list, then English, then neutral)."""
    return _matcher_for_chain(language_chain(language))


def match(
    line: str,
    language: str | None = None,
    *,
    max_words: int = DEFAULT_MAX_WORDS,
    max_regex_words: int = DEFAULT_MAX_REGEX_WORDS,
    timeout: float = REGEX_TIMEOUT,
) -> PhraseHit | None:
    """Match one line against the chrome lists for ``language`` (plus English and neutral).

    ``language`` is an ISO 639-1 code (``"de"``, ``"pt-BR"``); ``None`` or a code without a list
    falls back to English and the neutral list. Returns ``None`` when nothing matches.
    """
    return matcher(language).match(
        line, max_words=max_words, max_regex_words=max_regex_words, timeout=timeout
    )


def match_block(doc: Document, block: Block, *, max_words: int = DEFAULT_MAX_WORDS) -> PhraseHit | None:
    """:func:`match` of ``block``'s text in the document's language, remembered on the document.

    ``site_chrome`` matches every short line; ``teasers`` and ``comment_thread`` ask again about the
    lines it dropped. The answer depends only on the text, the language and ``max_words``, so the
    later rules read it back (:meth:`~newsclean.document.Document.remember`)."""
    return doc.remember(("phrases.match", block.index, max_words), match, block.text, doc.language,
                        max_words=max_words)
