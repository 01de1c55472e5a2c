"""Stopword lists and a cheap language guess, from the stoplists that jusText ships.

jusText (a trafilatura dependency) carries stoplists for 100 languages. We map the ones with an
ISO 639-1 code and load them lazily on first use, never at import. Language detection is a vote:
the language whose stoplist covers the largest share of the first few hundred words wins, provided
the share is high enough to mean anything.
"""

from __future__ import annotations

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
DETECT_WORDS = 400
"""How many words of the document the language vote reads."""
MIN_SHARE = 0.12
"""The winning stoplist must cover at least this share of the words read."""


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


@lru_cache(maxsize=1)
def _index() -> dict[str, tuple[str, ...]]:
    """word -> languages whose stoplist holds it (built once, on the first detection)."""
    index: dict[str, list[str]] = {}
    for code in JUSTEXT_NAMES.values():
        for word in stopwords(code):
            index.setdefault(word, []).append(code)
    return {w: tuple(langs) for w, langs in index.items()}


def detect(texts: Iterable[str], max_words: int = DETECT_WORDS) -> str | None:
    """Guess the language of ``texts`` by stopword coverage; ``None`` when nothing is convincing."""
    words: list[str] = []
    for text in texts:
        words.extend(w.lower() for w in _WORD.findall(text))
        if len(words) >= max_words:
            break
    return detect_words(words, max_words)


def detect_words(words: Sequence[str], max_words: int = DETECT_WORDS) -> str | None:
    """:func:`detect` on the lower-cased ``\\w+`` words of the texts, as far as they were read."""
    if len(words) < 5:
        return None
    index = _index()
    # one C-level count over every (word, language) pair, in the order the words come
    votes = Counter(chain.from_iterable(map(index.get, words[:max_words], repeat(()))))
    if not votes:
        return None
    code, count = max(votes.items(), key=lambda kv: (kv[1], kv[0] == "en"))
    if count / min(len(words), max_words) < MIN_SHARE:
        return None
    return code
