"""The segmented input: a :class:`Document` is an ordered list of :class:`Block` objects.

A block is one paragraph (one line, or several hard-wrapped lines joined back together) with its span
in the segmented text. Features are computed once, lazily, and cached on the block: rules read them,
never recompute them, and never mutate the document.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Container, Hashable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Generic, TypeVar

import regex

from newsclean import ascii_text, lang
from newsclean.consent import consent_notices

_T = TypeVar("_T")

BANNER_STORY_UNITS = 100
"""Prose (in :attr:`Block.n_units`) beside a cookie banner's text in the dense region for the
banner to be left out of it (:attr:`Document.banner_blocks`): on the dev and held-out page texts,
the articles whose region a banner stretched held 200 and more; the listings and collections whose
only dense prose was the banner, 0 to 35."""


class _cached(Generic[_T]):
    """``functools.cached_property`` without its per-call lock (Python < 3.12 takes one on every
    first access, a few microseconds, paid for each feature of each block). A document is never
    shared between threads while its features are computed, so the lock buys nothing here."""

    def __init__(self, func: Callable[[Any], _T]) -> None:
        self.func = func
        self.name = func.__name__
        self.__doc__ = func.__doc__

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, obj: Any, objtype: type | None = None) -> _T:
        if obj is None:
            return self  # type: ignore[return-value]
        value = self.func(obj)
        obj.__dict__[self.name] = value
        return value


if TYPE_CHECKING:
    from functools import cached_property
else:
    cached_property = _cached

_WORD = regex.compile(r"\w+", regex.UNICODE)
SPACELESS = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}]")
"""A character of Chinese or Japanese, scripts written without spaces between words."""
SPACELESS_CHARS_PER_WORD = 2.5
"""Chinese and Japanese are written without spaces: this many of their characters count as a word."""
UNSPACED = lang.UNSPACED
"""A character of Thai, Lao, Khmer or Burmese: written without spaces between words too (a space
there ends a phrase), in longer words than Chinese (vowel signs and tone marks are characters)."""
UNSPACED_CHARS_PER_WORD = 4.0
"""This many characters of those scripts count as a word. Counted as ``\\w+`` tokens, a Thai
paragraph of 60 words is a dozen "words", read as a menu line, and the story was lost."""
_ANY_SPACELESS = regex.compile(f"{SPACELESS.pattern}|{UNSPACED.pattern}")
# A sentence boundary: terminal punctuation, closing quotes, space, then a capital or opening quote.
_SENTENCE_BREAK = regex.compile(r"[.!?…][\"'”’»“«)]*\s+(?=[\p{Lu}\"“‘«„»])")
# _SENTENCE_BREAK restricted to ASCII text: ``re`` scans it several times faster than ``regex``.
# The classes are spelled out (``re``'s ``\s`` also takes U+001C-U+001F, ``regex``'s does not).
_ASCII_SENTENCE_BREAK = re.compile(r"[.!?][\"')]*[ \t\n\x0b\x0c\r]+(?=[A-Z\"])")
_TERMINALS = ".!?…:;。！？：；।॥။۔؟።։។"
"""Sentence ends: Latin, Chinese and Japanese full stops, the danda of Hindi, Bengali, Nepali and
Marathi (``।``, ``॥``), Burmese ``။``, Urdu ``۔``, the Arabic question mark ``؟``, Amharic ``።``,
Armenian ``։``, Khmer ``។``; the full-width colon and semicolon of Chinese and Japanese as the
ASCII ones. Without them a story in those scripts had no sentence, and the text
page-type model read a Bengali or Burmese story as a listing or a forum (p 0.94-0.98)."""
_CLOSERS = "\"'”’»“«)]）」』】"
_QUOTES = "\"”’»“«"
"""Closing quotation marks: English ” ’, French and Italian », and German and Czech “ (opened with
„) and « (opened with »): ``„Wir brauchen Lösungen.“`` ends a sentence."""
_TRAILING_CATEGORIES = frozenset({"So", "Sk"})
"""Emoji and symbols after a line's last word: bloggers end sentences with them, after the full
stop (``有一起的吗？😄``, ``Happy holidays! 🎄``). (Read char by char from the end: a regex
anchored at ``$`` retries from every position of a long run of symbols.)"""
_SPOKEN_ENDINGS = ("요", "다", "죠", "까")
"""Verb endings that close a Korean sentence with no full stop after them, as bloggers write one
clause a line (``모종이 한동안 크질 않았어요 ㅠㅠ``). (The polite endings of Japanese, ``です``,
``ました``, were measured too and cost its blog posts 0.011.)"""
_SPOKEN_TAIL = "ㅋㅎㅠㅜ~〜♪… "
"""What follows such an ending: laughter and tears written in jamo (``ㅎㅎ``, ``ㅠㅠ``), a tilde."""
_NOT_LETTERS = regex.compile(r"[^\p{L}\p{M}]+")
_ASCII_LETTERS = ascii_text.LETTERS


def without_trailing_symbols(text: str) -> str:
    """``text`` without the spaces, emoji and symbols after its last word or punctuation mark.

    >>> without_trailing_symbols("有一起的吗？😄 ")
    '有一起的吗？'
    """
    text = text.rstrip()
    if not text or text.isascii():
        return text
    end = len(text)
    while end and (text[end - 1] in "\ufe0f\u200d" or text[end - 1].isspace() or (
            text[end - 1] not in "^`" and unicodedata.category(text[end - 1]) in _TRAILING_CATEGORIES)):
        end -= 1
    return text[:end]


def word_units(text: str) -> float:
    """How many words ``text`` has as a reader counts them (see :attr:`Block.n_units`).

    >>> word_units("Apple AirPods Pro")
    3.0
    >>> word_units("新型スマホを発表")  # 8 characters
    3.2
    """
    if text.isascii() or _ANY_SPACELESS.search(text) is None:
        return float(len(_WORD.findall(text)))
    cjk = len(SPACELESS.findall(text))
    unspaced = len(UNSPACED.findall(text))
    rest = _ANY_SPACELESS.sub(" ", text)
    return (len(_WORD.findall(rest)) + cjk / SPACELESS_CHARS_PER_WORD
            + unspaced / UNSPACED_CHARS_PER_WORD)


_IDEOGRAPHIC_RUN = regex.compile(r"[\p{Han}\p{Katakana}ー]{2,}")
"""A run of Chinese characters, or of kanji and katakana in Japanese (hiragana, between them, mostly
writes grammar)."""
_HANGUL = regex.compile(r"\p{Hangul}")


def content_units(word: str, lower: str, stops: frozenset[str]) -> list[str]:
    """The units a word adds to a block's content (:attr:`Document.content_words`), as topic overlap
    compares them: the lower-cased word of 3+ characters, not a number nor a stopword; in Chinese and
    Japanese, where a ``\\w+`` token is a whole clause that never recurs, the character bigrams of its
    runs of ideographs (and katakana); in Korean, the word's first two syllables, which drop the
    particle (``토마토는`` and ``토마토를`` both give ``토마``).

    >>> content_units("Harbour", "harbour", frozenset())
    ['harbour']
    >>> content_units("新型スマホを発表", "新型スマホを発表", frozenset())
    ['新型', '型ス', 'スマ', 'マホ', '発表']
    >>> content_units("토마토는", "토마토는", frozenset())
    ['토마']
    """
    hangul = not lower.isascii() and _HANGUL.match(lower) is not None
    if not hangul and (lower.isascii() or not SPACELESS.search(lower)):
        return [lower] if len(word) >= 3 and not word.isdigit() and lower not in stops else []
    if hangul:
        return [lower[:2]] if len(lower) >= 2 and lower not in stops else []
    return [run[i:i + 2] for run in _IDEOGRAPHIC_RUN.findall(lower) for i in range(len(run) - 1)]


@dataclass(eq=False)
class Block:
    """One paragraph or line of the input.

    ``start``/``end`` index the segmented text; ``text`` is the repaired text of that span (NBSP and
    runs of spaces normalised, mojibake fixed), so ``text`` may differ from ``source[start:end]``.
    ``raw`` keeps the unrepaired span, which rules that look at spacing (tickers) need.
    """

    index: int
    text: str
    start: int
    end: int
    raw: str
    blank_before: bool = False
    blank_after: bool = False
    lines: int = 1

    # ---- cheap cached features -------------------------------------------------------------
    @cached_property
    def words(self) -> list[str]:
        """``\\w+`` tokens, as the evaluation metric counts them."""
        text = self.text
        if text.isascii():  # most lines: a byte table instead of the regex (newsclean.ascii_text)
            return ascii_text.words(text)
        words: list[str] = _WORD.findall(text)
        return words

    @cached_property
    def lower_words(self) -> list[str]:
        """:attr:`words` lower-cased, one by one: stoplists and vocabularies are read in lower case."""
        text = self.text
        if text.isascii():  # lower-casing ASCII keeps every word's boundaries: one pass
            return ascii_text.lower_words(text)
        return list(map(str.lower, self.words))

    @cached_property
    def n_words(self) -> int:
        return len(self.words)

    @cached_property
    def n_units(self) -> float:
        """Words as a reader counts them: :attr:`n_words`, except that Chinese and Japanese
        characters, written without spaces (``\\w+`` makes one token of a whole clause), count one
        word per ``SPACELESS_CHARS_PER_WORD``. Length limits of shape rules (a headline has 3 to 30
        words) read this, so they hold in those languages too."""
        if self.text.isascii():
            return float(self.n_words)
        return word_units(self.text)

    @cached_property
    def n_chars(self) -> int:
        return len(self.text)

    @cached_property
    def ends_sentence(self) -> bool:
        """True when the block ends like a sentence (``.``, ``!``, ``?``, ``…``, ``:`` or a quote,
        emoji after them not read; or a Korean verb ending, :data:`_SPOKEN_ENDINGS`)."""
        # a closing quote last, or terminal punctuation before the closing quotes and brackets
        # (the two sets share no character)
        t = self.bare_end
        if not t:
            return False
        body = t.rstrip(_CLOSERS)
        if t[-1] in _QUOTES or (body != "" and body[-1] in _TERMINALS):
            return True
        return not t.isascii() and t.rstrip(_SPOKEN_TAIL).endswith(_SPOKEN_ENDINGS)

    @cached_property
    def bare_end(self) -> str:
        """The text without the spaces, emoji and symbols after its last word or mark
        (:func:`without_trailing_symbols`): where a sentence or a headline is seen to end."""
        return without_trailing_symbols(self.text)

    @cached_property
    def n_sentences(self) -> int:
        """A rough sentence count: terminal punctuation followed by space and a capital, plus one."""
        text = self.text
        pattern = _ASCII_SENTENCE_BREAK if text.isascii() else _SENTENCE_BREAK
        return 1 + len(pattern.findall(text))

    @cached_property
    def capitalized_ratio(self) -> float:
        """Share of alphabetic words that start with a capital letter (title case scores high)."""
        initials = "".join([w[0] for w in self.words])
        if initials.isascii():  # letters are A-Z/a-z: count them by deleting them from the bytes
            raw = initials.encode("ascii")
            alpha = len(raw) - len(raw.translate(None, _ASCII_LETTERS))
            upper = len(raw) - len(raw.translate(None, _ASCII_LETTERS[:26]))
            return upper / alpha if alpha else 0.0
        letters = [c for c in initials if c.isalpha()]
        if not letters:
            return 0.0
        return sum(1 for c in letters if c.isupper()) / len(letters)

    @cached_property
    def letter_ratio(self) -> float:
        """Share of characters that are letters; menus of symbols and numbers score low."""
        if not self.text:
            return 0.0
        return _count_letters(self.text) / len(self.text)

    def stopword_ratio(self, language: str | None) -> float:
        """Share of words in the stoplist of ``language`` (0.0 when no stoplist is known)."""
        stops = lang.stopwords(language)
        if not stops or not self.words:
            return 0.0
        return sum(1 for w in self.words if w.lower() in stops) / len(self.words)

    @property
    def is_empty(self) -> bool:
        return not self.text.strip()

    def __repr__(self) -> str:
        return f"Block({self.index}, {self.text[:40]!r})"


@dataclass(eq=False)
class Document:
    """An ordered list of blocks plus what the ingest stage learned about the input.

    ``hints`` carries metadata found before segmentation (trafilatura's title, author, date, site
    name); rules may read it, e.g. to recognise a repeated title.
    """

    source: str
    blocks: list[Block]
    url: str | None = None
    mode: str = "text"
    hints: dict[str, object] = field(default_factory=dict)
    language_hint: str | None = None

    def __iter__(self) -> Iterator[Block]:
        return iter(self.blocks)

    def __len__(self) -> int:
        return len(self.blocks)

    def __getitem__(self, i: int) -> Block:
        return self.blocks[i]

    @cached_property
    def language(self) -> str | None:
        """ISO 639-1 code of the document's language (hint first, then stopword voting)."""
        if self.language_hint:
            return self.language_hint
        # as lang.detect reads the texts, from the cached lower-cased words of each block
        return lang.detect_lines((block.lower_words, block.text) for block in self.blocks)

    @cached_property
    def memo(self) -> dict[Hashable, Any]:
        """Per-document results that several rules ask for (e.g. the phrase match of a line, see
        :func:`newsclean.phrases.match_block`): computed by the first rule that needs one. Values
        derive from the document alone, so reading one is the same as computing it again."""
        return {}

    def remember(self, key: Hashable, compute: Callable[..., _T], *args: Any, **kwargs: Any) -> _T:
        """``compute(*args, **kwargs)``, computed by the first caller and kept in :attr:`memo` under
        ``key`` (a tuple naming the function and what else the answer depends on)."""
        memo = self.memo
        if key in memo:
            known: _T = memo[key]
            return known
        value: _T = compute(*args, **kwargs)
        memo[key] = value
        return value

    @cached_property
    def stopwords(self) -> frozenset[str]:
        return lang.stopwords(self.language)

    def prose_score(self, block: Block) -> float:
        """How much a block reads like article prose, in ``[0, 1]``.

        Combines length, sentence punctuation and stopword density: the signals jusText uses, which
        carry across sites and languages. Rules use it to tell body text from chrome.
        """
        return _prose_score(block, self.stopwords)

    @cached_property
    def stop_counts(self) -> list[int]:
        """How many words of each block are in the stoplist (counted once for every rule)."""
        stops = self.stopwords
        if not stops:
            return [0] * len(self.blocks)
        has = stops.__contains__
        return [sum(map(has, b.lower_words)) for b in self.blocks]

    @cached_property
    def content_words(self) -> list[list[str]]:
        """Per block, its content words as :func:`~newsclean.rules.shapes.overlap` counts them
        (:func:`content_units`: 3+ characters, not a number, not a stopword, lower-cased; Chinese and
        Japanese character bigrams, Korean stems)."""
        stops = self.stopwords
        return [[lw for lw in b.lower_words if len(lw) >= 3 and lw not in stops and not lw.isdigit()]
                if b.text.isascii()  # lower-casing ASCII keeps lengths and digits: one list to read
                else [u for w, lw in zip(b.words, b.lower_words, strict=True)
                      for u in content_units(w, lw, stops)]
                for b in self.blocks]

    @cached_property
    def prose_scores(self) -> list[float]:
        stops = self.stopwords
        return [_prose_score(b, stops, c) for b, c in zip(self.blocks, self.stop_counts, strict=True)]

    @cached_property
    def core(self) -> tuple[int, int]:
        """``(first, last)`` block indices of the dense article region (inclusive); ``(0, -1)`` if none.

        The region is the maximum-sum run of per-block gains, where prose-like blocks gain by their
        length and chrome-like blocks cost a little; so short captions inside the story do not split
        it, while a menu of forty links does.
        """
        skip = self.banner_blocks
        return self.core_without(skip) if skip else find_core(self.blocks, self.prose_scores)

    @cached_property
    def banner_blocks(self) -> frozenset[int]:
        """A cookie banner's blocks (:func:`newsclean.consent.consent_notices`) that :attr:`core`
        leaves out: its text is not the story's prose, and where it stands beside the story it
        stretches the story's region to the top or the foot of the page. Only when the region found
        over every block holds :data:`BANNER_STORY_UNITS` of prose besides the banner: where the
        banner is all the dense prose there is (a listing, a collection), the region found without
        it would be one of the page's items, and the rules would read it as a story."""
        notices = consent_notices(self)
        if not notices:
            return frozenset()
        first, last = find_core(self.blocks, self.prose_scores)
        beside = sum(b.n_units for b, p in zip(self.blocks[first:last + 1],
                                               self.prose_scores[first:last + 1], strict=True)
                     if p >= 0.6 and b.index not in notices)  # prose, as the rules count it
        return notices if beside >= BANNER_STORY_UNITS else frozenset()

    def core_without(self, skip: Container[int]) -> tuple[int, int]:
        """The core computed over the blocks not in ``skip``, as document indices.

        A ticker or link list that a rule already dropped must not stretch the core around it.
        """
        kept = [b for b in self.blocks if b.index not in skip]
        first, last = find_core(kept, [self.prose_scores[b.index] for b in kept])
        if last < first:
            return (0, -1)
        return kept[first].index, kept[last].index

    def in_core(self, block: Block) -> bool:
        first, last = self.core
        return first <= block.index <= last

    @cached_property
    def core_words(self) -> frozenset[str]:
        """Lower-cased content words (not stopwords, 3+ letters) of prose blocks in the core."""
        first, last = self.core
        return content_union(self.blocks, self.prose_scores, first, last, self.stopwords,
                             self.content_words)


def content_union(blocks: Sequence[Block], prose: Sequence[float], first: int, last: int,
                  stops: frozenset[str], content: Sequence[list[str]]) -> frozenset[str]:
    """Lower-cased words of 3+ characters, not stopwords nor numbers (Chinese and Japanese bigrams,
    Korean stems: :func:`content_units`), of the blocks ``first`` to ``last`` with a prose score of
    at least 0.5 (:attr:`Document.core_words`).

    ``content`` is :attr:`Document.content_words` (for ``stops``): on an ASCII block it holds exactly
    these words. On other blocks the length is read on the lower-cased word, which may differ
    (``"İ".lower()`` has two characters), so those are filtered here."""
    words: set[str] = set()
    for i in range(first, last + 1):
        if prose[i] < 0.5:
            continue
        b = blocks[i]
        if b.text.isascii():
            words.update(content[i])
            continue
        for lw in b.lower_words:
            words.update(content_units(lw, lw, stops))
    return frozenset(words)


def _count_letters(text: str) -> int:
    """How many characters of ``text`` are letters (``\\p{L}``).

    Most lines are ASCII, where the letters are ``A-Z``/``a-z`` and deleting them from the bytes
    is several times faster than a regex that yields one match per letter."""
    if text.isascii():
        return ascii_text.count_letters(text)
    return len(_NOT_LETTERS.sub("", text))


def _prose_score(block: Block, stops: frozenset[str], stop_count: int | None = None) -> float:
    """:meth:`Document.prose_score`; ``stop_count`` is the block's count of stopwords when known."""
    n = block.n_words
    if n == 0:
        return 0.0
    units = block.n_units  # Chinese and Japanese: length in word-sized units, not clauses
    length = min(1.0, units / 40.0)
    punct = 1.0 if block.ends_sentence else 0.35
    if stops:
        if stop_count is None:
            stop_count = sum(1 for w in block.lower_words if w in stops)
        ratio = stop_count / n
        stop = min(1.0, ratio / 0.3)
    else:
        stop = 0.6
    score = 0.45 * length + 0.3 * punct + 0.25 * stop
    if units >= 12 and block.ends_sentence:
        score = max(score, 0.6)
    return min(1.0, score)


def find_core(blocks: Sequence[Block], scores: Sequence[float]) -> tuple[int, int]:
    """Kadane's maximum-sum run over block gains; see :attr:`Document.core`."""
    best_sum = 0.0
    best = (0, -1)
    cur_sum = 0.0
    cur_start = 0
    for i, (block, score) in enumerate(zip(blocks, scores, strict=True)):
        weight = min(block.n_units, 80) / 10.0 + 0.5
        gain = (score - 0.5) * weight
        if cur_sum <= 0.0:
            cur_sum = gain
            cur_start = i
        else:
            cur_sum += gain
        if cur_sum > best_sum:
            best_sum = cur_sum
            best = (cur_start, i)
    return best
