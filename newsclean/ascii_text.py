"""Shortcuts for ASCII text: byte-table equivalents of the ``regex`` patterns every line goes through.

Most lines of a page are plain ASCII (about 85% on the dev set). There the Unicode classes of the
``regex`` module reduce to fixed byte sets (``\\w`` is exactly ``[A-Za-z0-9_]``, ``\\s`` is
``[\\t\\n\\x0b\\x0c\\r ]``, ``\\p{L}`` is ``[A-Za-z]``), so a ``bytes.translate`` that maps every other
byte to a space, followed by ``str.split``, gives the same tokens as a ``findall``, several times
faster: the regex builds a match per token, the table touches each byte once in C.

Callers check ``text.isascii()`` (constant time: CPython records it) and keep the regex for
everything else; the results are identical either way (``tests/test_ascii_text.py`` compares them).
"""

from __future__ import annotations

LETTERS = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
"""``\\p{L}`` in ASCII, capitals first (``LETTERS[:26]`` are the capitals)."""
WORD_CHARS = frozenset(LETTERS + b"0123456789_")
"""``\\w`` in ASCII."""
ALNUM = frozenset(LETTERS + b"0123456789")
"""``[^\\W_]`` in ASCII: what :func:`newsclean.rules.shapes.norm` keeps."""

WORDS = bytes(c if c in WORD_CHARS else 32 for c in range(256))
"""Every non-word byte becomes a space: ``text.translate(WORDS).split()`` is ``\\w+`` findall."""
LOWER_WORDS = bytes(c | 32 if c in LETTERS[:26] else c for c in WORDS)
""":data:`WORDS`, lower-casing the letters as well (``str.lower`` of an ASCII word)."""
LOWER_ALNUM = bytes((c | 32 if c in LETTERS[:26] else c) if c in ALNUM else 32 for c in range(256))
"""Letters lower-cased, digits kept, everything else (``_`` included) a space."""


def words(text: str) -> list[str]:
    """``regex.findall(r"\\w+", text)`` for an ASCII ``text``."""
    return text.encode("ascii").translate(WORDS).decode("ascii").split()


def lower_words(text: str) -> list[str]:
    """``[w.lower() for w in words(text)]`` for an ASCII ``text``."""
    return text.encode("ascii").translate(LOWER_WORDS).decode("ascii").split()


def norm(text: str) -> str:
    """``regex.sub(r"[\\W_]+", " ", text.casefold()).strip()`` for an ASCII ``text``.

    ``casefold`` of ASCII is ``lower``; the runs of ``[\\W_]`` become spaces and ``split``/``join``
    collapse them to one and drop them at both ends, as the ``sub`` and ``strip`` do."""
    return " ".join(text.encode("ascii").translate(LOWER_ALNUM).decode("ascii").split())


def count_letters(text: str) -> int:
    """How many characters of an ASCII ``text`` are letters: delete them from the bytes and compare."""
    return len(text) - len(text.encode("ascii").translate(None, LETTERS))
