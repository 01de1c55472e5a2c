"""Stopword lists and a cheap language guess, from the stoplists that jusText ships.

jusText (a trafilatura dependency) carries stoplists for 100 languages. We map the ones with an
ISO 639-1 code and load them lazily on first use, never at import. Language detection is a vote:
the language whose stoplist covers the largest share of the first few hundred words wins, provided
the share is high enough to mean anything.

Two things keep the vote honest on scraped pages:

* It reads sentences first. A full-page text opens with menus of names and section labels, which
  vote for whichever stoplist happens to be largest; lines of eight or more words that end like a
  sentence carry the function words that identify a language.
* The stoplists were mined from the web and carry English: the Marathi list holds 250 English
  words, the Finnish one 100. In the vote, a language other than English does not count the
  English stopwords, nor words outside its own script, so an English menu cannot elect Finnish.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import cache, lru_cache
from itertools import chain, repeat

import regex

# jusText stoplist name -> ISO 639-1 code.
JUSTEXT_NAMES: dict[str, str] = {
    "Afrikaans": "af", "Albanian": "sq", "Arabic": "ar", "Armenian": "hy", "Azerbaijani": "az",
    "Basque": "eu", "Belarusian": "be", "Bengali": "bn", "Bosnian": "bs", "Breton": "br",
    "Bulgarian": "bg", "Catalan": "ca", "Croatian": "hr", "Czech": "cs", "Danish": "da",
    "Dutch": "nl", "English": "en", "Esperanto": "eo", "Estonian": "et", "Finnish": "fi",
    "French": "fr", "Galician": "gl", "Georgian": "ka", "German": "de", "Greek": "el",
    "Gujarati": "gu", "Hebrew": "he", "Hindi": "hi", "Hungarian": "hu", "Icelandic": "is",
    "Indonesian": "id", "Irish": "ga", "Italian": "it", "Kannada": "kn", "Kazakh": "kk",
    "Korean": "ko", "Latvian": "lv", "Lithuanian": "lt", "Macedonian": "mk", "Malay": "ms",
    "Malayalam": "ml", "Marathi": "mr", "Nepali": "ne", "Norwegian_Bokmal": "no", "Persian": "fa",
    "Polish": "pl", "Portuguese": "pt", "Romanian": "ro", "Russian": "ru", "Serbian": "sr",
    "Slovak": "sk", "Slovenian": "sl", "Spanish": "es", "Swahili": "sw", "Swedish": "sv",
    "Tagalog": "tl", "Tamil": "ta", "Telugu": "te", "Turkish": "tr", "Ukrainian": "uk",
    "Urdu": "ur", "Vietnamese": "vi", "Welsh": "cy",
}
ISO_TO_JUSTEXT = {v: k for k, v in JUSTEXT_NAMES.items()}

_WORD = regex.compile(r"\w+")
_SENTENCE_END = regex.compile(r"[.!?。！？…:;\"“”«»’)」]\s*$")
SENTENCE_WORDS = 8
"""A line of at least this many words that ends like a sentence is read first."""
MIN_SENTENCE_WORDS = 40
"""Below this many words of sentences, the vote reads every line instead."""
SCAN_LIMIT = 25
"""Look for sentences among at most this many times ``max_words`` words (a huge menu ends the hunt)."""
DETECT_WORDS = 400
"""How many words of the document the language vote reads."""
MIN_SHARE = 0.12
"""The winning stoplist must cover at least this share of the words read."""


KOREAN_NAME = r"[가-힣]{2,4}"
"""A Korean personal name as bylines print it: two to four Hangul syllables (``김서연``)."""
KOREAN_REPORTER = r"(?:선임|수석|객원|인턴|수습)?(?:기자|특파원)"
"""The word for reporter (or correspondent, with a rank before it) that Korean bylines print after
the name (``김서연 기자``): a pattern fragment read by the text byline (:mod:`newsclean.rules.shapes`)
and the declared author's clean-up (:mod:`newsclean.ingest.authors`)."""


@cache
def stopwords(language: str | None) -> frozenset[str]:
    """The lower-cased stoplist for an ISO 639-1 code; empty when unknown or ``None``."""
    if not language:
        return frozenset()
    name = ISO_TO_JUSTEXT.get(language.lower().split("-")[0])
    if name is None:
        return frozenset()
    import justext  # lazy: ~0.1 s for all lists, only paid when a rule needs one

    try:
        return frozenset(w.lower() for w in justext.get_stoplist(name))
    except (ValueError, KeyError, OSError):
        return frozenset()


def _script(word: str) -> str:
    """The Unicode script of a word's first letter (``LATIN``, ``CYRILLIC``, ``DEVANAGARI``...)."""
    for ch in word:
        if ch.isalpha():
            return unicodedata.name(ch, "?").split(" ", 1)[0]
    return ""


@lru_cache(maxsize=1)
def _index() -> dict[str, tuple[str, ...]]:
    """word -> languages that vote for it (built once, on the first detection).

    A language votes only for words in its list's main script and, unless it is English, not for
    English stopwords: those entries are leftovers of the web text the lists were mined from.
    """
    english = stopwords("en")
    index: dict[str, list[str]] = {}
    for code in JUSTEXT_NAMES.values():
        words = stopwords(code)
        if not words:
            continue
        main_script = Counter(_script(w) for w in words).most_common(1)[0][0]
        for word in words:
            if _script(word) != main_script or (code != "en" and word in english):
                continue
            index.setdefault(word, []).append(code)
    return {w: tuple(langs) for w, langs in index.items()}


def _words_to_read(lines: Iterable[tuple[Sequence[str], str]], max_words: int) -> list[str]:
    """Up to ``max_words`` lower-cased words, from sentence-like lines when there are enough."""
    sentences: list[str] = []
    everything: list[str] = []
    scanned = 0
    for words, line in lines:
        scanned += len(words)
        if len(everything) < max_words:
            everything.extend(words)
        if len(words) >= SENTENCE_WORDS and _SENTENCE_END.search(line):
            sentences.extend(words)
        if len(sentences) >= max_words or scanned > SCAN_LIMIT * max_words:
            break
    chosen = sentences if len(sentences) >= MIN_SENTENCE_WORDS else everything
    return chosen[:max_words]


_HAN = regex.compile(r"\p{Han}")
_KANA = regex.compile(r"[\p{Hiragana}\p{Katakana}]")
_LETTER = regex.compile(r"\p{L}")
SPACELESS_SHARE = 0.3
"""Text whose letters are at least this share Han characters and kana is Chinese or Japanese..."""
KANA_SHARE = 0.05
"""...Japanese when kana make at least this share of those (Japanese writes its endings and
particles in kana; Chinese has none), else Chinese."""


_UNSPACED_SCRIPT_NAMES = {"th": "Thai", "lo": "Lao", "km": "Khmer", "my": "Myanmar"}
"""Thai, Lao, Khmer and Burmese: each the one language of its script, written without spaces
between words like Chinese, with no stoplist in jusText."""
_UNSPACED_SCRIPTS = tuple((code, regex.compile(rf"\p{{{name}}}"))
                          for code, name in _UNSPACED_SCRIPT_NAMES.items())
UNSPACED = regex.compile("[" + "".join(rf"\p{{{n}}}" for n in _UNSPACED_SCRIPT_NAMES.values()) + "]")
"""A character of any of those scripts (:func:`newsclean.document.word_units` counts them)."""
UNSPACED_LANGUAGES = frozenset(_UNSPACED_SCRIPT_NAMES)
"""Their codes: a document in one of them counts its words by characters (``Block.n_units``)."""


def _spaceless_language(words: Sequence[str]) -> str | None:
    """``ja`` or ``zh`` for Japanese or Chinese words (``th``, ``lo``, ``km``, ``my`` for Thai, Lao,
    Khmer, Burmese), else ``None``. jusText has no stoplists for them, and written without spaces
    their ``\\w+`` tokens are whole clauses: the script tells."""
    text = "".join(words)
    if text.isascii():
        return None
    letters = len(_LETTER.findall(text))
    if not letters:
        return None
    han, kana = len(_HAN.findall(text)), len(_KANA.findall(text))
    if han + kana >= SPACELESS_SHARE * letters:
        return "ja" if kana >= KANA_SHARE * (han + kana) else "zh"
    if UNSPACED.search(text) is None:  # the usual text: one scan, not one per script
        return None
    for code, script in _UNSPACED_SCRIPTS:
        if len(script.findall(text)) >= SPACELESS_SHARE * letters:
            return code
    return None


def detect(texts: Iterable[str], max_words: int = DETECT_WORDS) -> str | None:
    """Guess the language of ``texts`` by stopword coverage; ``None`` when nothing is convincing."""
    lines = (line for text in texts for line in text.splitlines())
    return detect_lines(((_WORD.findall(line.lower()), line) for line in lines), max_words)


def detect_lines(lines: Iterable[tuple[Sequence[str], str]],
                 max_words: int = DETECT_WORDS) -> str | None:
    """:func:`detect` on ``(lower-cased \\w+ words, text)`` per line: a
    :class:`~newsclean.document.Document` passes its blocks' cached words."""
    words = _words_to_read(lines, max_words)
    spaceless = _spaceless_language(words)
    if spaceless is not None:
        return spaceless
    if len(words) < 5:
        return None
    index = _index()
    # one C-level count over every (word, language) pair
    votes = Counter(chain.from_iterable(map(index.get, words, repeat(()))))
    if not votes:
        return None
    code, _ = max(votes.items(), key=lambda kv: (kv[1], kv[0] == "en"))
    # the share is read on the full list: English words do belong to, say, Italian text too
    full = stopwords(code)
    if sum(1 for w in words if w in full) / len(words) < MIN_SHARE:
        return None
    return code
