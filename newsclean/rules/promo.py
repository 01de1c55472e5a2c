"""Promotions written as sentences: "Sign up for our newsletter to get ... in your inbox", "Follow
us on Twitter", "If you enjoyed this article, become a member", contributor and contact lines
("Jane Doe contributed reporting.", "Write to John Roe at john@example.com").

The phrase lists of ``site_chrome`` refuse sentence-shaped lines (body text mentions newsletters
too), so these need their own evidence: a call to action that *addresses the reader* and *sends them
to a channel*. A line is a promo when it names a channel (newsletter, inbox, podcast, a social
network) and either starts with a call to action ("Sign up", "Abonnieren Sie", "Suivez-nous") or
speaks to the reader ("you", "our") while holding one. Cues are per language in
``data/promo/<lang>.txt`` plus the language-neutral ``xx.txt``; English is always consulted.

A channel the page is about is no evidence: when three or more other blocks of twelve words or
more (not promos themselves) name it, the page is about apps, podcasts or subscriptions, and "You
can download such apps from the App Store" explains rather than promotes. On the dev corpora's
texts (both modes and the written pages) this kept 37 gold lines the rule dropped and let 29
promos through (of 109 and 659).

Must not catch: reporting about newsletters or social networks ("The newsletter now reaches two
million readers."; "He urged fans to subscribe to his YouTube channel."); quotes (a line with a
reporting verb such as "said" is never a promo); long paragraphs.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

import regex

from newsclean import ascii_text
from newsclean.confidence import STRONG
from newsclean.document import Block, Document
from newsclean.kinds import Kind
from newsclean.phrase_needs import ANY_LINE, Need, possible, requirements
from newsclean.rules.base import Context, Rule, RuleOptions, Verdict

_EDGE = regex.compile(r"^[\s\-–—•·*>»›|\"“'‘(\[]+")
_WORDS = regex.compile(r"[\w'’-]+")
_EMAIL = regex.compile(r"\b[\w.+-]+@[\w-]+\.[\w.]+\b")


@dataclass(frozen=True)
class Cues:
    """The cue lists of one language (or of several, merged)."""

    verbs: tuple[str, ...] = ()
    inline: tuple[str, ...] = ()
    channels: frozenset[str] = frozenset()
    reader: frozenset[str] = frozenset()
    attribution: tuple[str, ...] = ()
    credit: tuple[regex.Pattern[str], ...] = ()
    channel_re: regex.Pattern[str] | None = field(default=None, compare=False)
    channel_heads: frozenset[str] | None = field(default=None, compare=False)
    """The first ``\\w+`` word of every channel, lower-cased (see :func:`_heads`)."""
    credit_any: regex.Pattern[str] | None = field(default=None, compare=False)
    """All of ``credit`` in one alternation (see :func:`_joined`): one search per line."""
    credit_needs: tuple[Need, ...] | None = field(default=None, compare=False)
    """What a casefolded ASCII line needs for each ``credit`` pattern to match in it (the strings
    of :func:`newsclean.phrase_needs.requirements`): a line that has none of them skips the search."""


def _read(language: str) -> dict[str, list[str]]:
    path = resources.files("newsclean").joinpath(f"data/promo/{language}.txt")
    if not path.is_file():
        return {}
    sections: dict[str, list[str]] = {}
    current = ""
    for line in path.read_text("utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1]
            continue
        sections.setdefault(current, []).append(line if current == "credit" else line.casefold())
    return sections


@lru_cache(maxsize=32)
def cues(language: str | None) -> Cues:
    """Cues for ``language`` merged with English and the neutral list (loaded once, lazily)."""
    merged: dict[str, list[str]] = {}
    for code in dict.fromkeys([(language or "en").split("-")[0].lower(), "en", "xx"]):
        for key, values in _read(code).items():
            merged.setdefault(key, []).extend(values)
    credit = tuple(regex.compile(p, regex.IGNORECASE) for p in merged.get("credit", []))
    channels = frozenset(merged.get("channels", []))
    words = sorted((regex.escape(c) for c in channels if c != "@"), key=len, reverse=True)
    channel_re = regex.compile(r"(?<!\w)(?:" + "|".join(words) + r")(?!\w)") if words else None
    return Cues(
        verbs=tuple(sorted(set(merged.get("verbs", [])), key=len, reverse=True)),
        inline=tuple(sorted(set(merged.get("inline", [])), key=len, reverse=True)),
        channels=channels,
        reader=frozenset(merged.get("reader", [])),
        attribution=tuple(merged.get("attribution", [])),
        credit=credit,
        channel_re=channel_re,
        channel_heads=_heads(channels),
        credit_any=_joined(credit),
        # a search, not a full match: a line of any length may hold a credit
        credit_needs=tuple((ANY_LINE[0], requirements(p.pattern)[1]) for p in credit),
    )


def _heads(channels: frozenset[str]) -> frozenset[str] | None:
    """The first word of each ASCII channel, for a cheap test before ``channel_re`` on ASCII lines.

    ``channel_re`` matches a channel between non-word characters, so on an ASCII line a match means
    the channel's first word is one of the line's ``\\w+`` words (a channel that starts with a word
    character). ``None`` when some ASCII channel starts otherwise: then the test cannot be used.
    """
    heads: set[str] = set()
    for c in channels:
        if c == "@" or not c.isascii():  # "@" is looked for apart; non-ASCII ones never match
            continue
        words = ascii_text.lower_words(c)
        if not words or not c.lower().startswith(words[0]):
            return None
        heads.add(words[0])
    return frozenset(heads)


_INLINE_FLAGS = regex.compile(r"\(\?[a-zA-Z^]")


def _joined(patterns: tuple[regex.Pattern[str], ...]) -> regex.Pattern[str] | None:
    """One pattern that matches where any of ``patterns`` does, or ``None`` when joining them could
    change a meaning (capture groups renumber back references; inline flags would apply to all)."""
    if len(patterns) < 2 or any(p.groups or _INLINE_FLAGS.search(p.pattern) for p in patterns):
        return None
    try:
        return regex.compile("|".join(f"(?:{p.pattern})" for p in patterns), regex.IGNORECASE)
    except regex.error:
        return None


def _has_credit(text: str, c: Cues, low: str | None = None) -> bool:
    """True when a ``credit`` pattern matches ``text`` (each may run 50 ms).

    ``low`` is ``text.casefold()``: when it is ASCII (so case-insensitive matching and casefolding
    agree letter for letter) and holds none of the strings some pattern needs, nothing can match."""
    if (c.credit_needs is not None and low is not None and low.isascii()
            and not any(possible(low, 0, need) for need in c.credit_needs)):
        return False
    if c.credit_any is not None:
        try:
            return c.credit_any.search(text, timeout=0.05) is not None
        except TimeoutError:
            pass  # the patterns one by one, each with its own time limit
    return any(p.search(text, timeout=0.05) for p in c.credit)


@dataclass(frozen=True)
class PromoOptions(RuleOptions):
    max_words: int = 45
    """Longer blocks are never promos."""
    topic_blocks: int = 3
    """A channel named in at least this many blocks of :attr:`topic_words` words or more that are
    no promos themselves is the page's topic (an article about apps or podcasts), and a line naming
    it is no promo for that alone; ``0`` turns this off."""
    topic_words: int = 12


class Promo(Rule):
    """Drop sentence-shaped calls to action (newsletter, follow, subscribe) and contributor lines."""

    name = "promo"
    Options = PromoOptions
    options: PromoOptions

    def apply(self, doc: Document, context: Context) -> Iterator[Verdict]:
        c = cues(doc.language)
        skip = context.dropped_set()
        found: list[tuple[Block, str, str | None]] = []
        for block in doc.blocks:
            if block.index in skip or not 2 <= block.n_words <= self.options.max_words:
                continue
            reason, channel = self._classified(block, c)
            if reason:
                found.append((block, reason, channel))
        topics = self._topics(doc, c, {ch for _, _, ch in found if ch},
                              skip | {b.index for b, _, _ in found}) if found else Counter()
        for block, reason, channel in found:
            if channel is not None and topics[channel] >= self.options.topic_blocks > 0:
                continue  # the page is about it: "You can download such apps from the store"
            yield self.drop(block, Kind.SITE_CHROME, reason, STRONG)

    def _topics(self, doc: Document, c: Cues, channels: set[str],
                promos: set[int]) -> Counter[str]:
        """How many blocks of ``topic_words`` words or more, not promos themselves (``promos``),
        name each of ``channels``."""
        out: Counter[str] = Counter()
        for block in doc.blocks:
            if block.n_words >= self.options.topic_words and block.index not in promos:
                low = block.text.casefold()
                out.update(ch for ch in channels if _has_phrase(low, ch))
        return out

    def classify(self, block: Block, c: Cues) -> str | None:
        """The reason ``block`` is a promo or contributor line, or ``None``."""
        return self._classified(block, c)[0]

    def _classified(self, block: Block, c: Cues) -> tuple[str | None, str | None]:
        """:meth:`classify`'s reason, and the channel word it rests on (``None`` for a contributor
        line, a handle or an e-mail address)."""
        text = block.text.strip()
        low = text.casefold()
        if _has_credit(text, c, low):
            return f"contributor or contact line ({_quote(text)})", None
        channel = None
        if c.channel_re is not None and not (
                c.channel_heads is not None and low.isascii()
                and c.channel_heads.isdisjoint(block.lower_words)):
            m = c.channel_re.search(low)
            channel = m.group() if m else None
        word = channel
        if channel is None and "@" in c.channels and ("@" in text and not _EMAIL.search(text)):
            channel = "@handle"
        if channel is None and _EMAIL.search(text):
            channel = "e-mail address"
        if channel is None:
            return None, None
        # a reported line ("..., he said") is not a promo; read only once a channel is named
        if any(_has_phrase(low, a) for a in c.attribution):
            return None, None
        start = _EDGE.sub("", low)
        if any(start.startswith(v) and not start[len(v):len(v) + 1].isalnum() for v in c.verbs):
            return f"call to action ({_quote(text)})", word
        words = set(_WORDS.findall(low))
        if words & c.reader and any(_has_phrase(low, v) for v in c.inline):
            return f"promotion addressed to the reader ({_quote(text)})", word
        return None, None


def _has_phrase(text: str, phrase: str) -> bool:
    i = text.find(phrase)
    while i >= 0:
        before = text[i - 1] if i else " "
        after = text[i + len(phrase):i + len(phrase) + 1] or " "
        if not before.isalnum() and not after.isalnum():
            return True
        i = text.find(phrase, i + 1)
    return False


def _quote(text: str, width: int = 60) -> str:
    shown = " ".join(text.split())
    if len(shown) > width:
        shown = shown[:width - 1].rstrip() + "…"
    return repr(shown)
