"""The reader comments under an article: everything after the heading that opens them.

Comments are prose: readers write sentences, so shape-based rules and the line scorer keep them,
and the dense region of the page runs on through them. What marks them is the heading that opens
the thread, which the chrome phrase lists know in many languages (``Leave a Reply``, ``12
Comments``, ``10 thoughts on "..."``, ``Join the conversation``, ``2 Comentários``). Once the
article is behind it, what follows such a heading is the thread, its form, and whatever the site
puts under them, and none of it is the article.

A line opens the thread when it is a chrome line (``Fact.CHROME_LINE``, which ``site_chrome``
provides) and a ``comments`` phrase of the page's
language of two words or more (as a reader counts them, :attr:`Block.n_units`, in Chinese and
Japanese too), or one carrying a count (``Comments (12)``, ``评论（28）``), and at least
:attr:`min_share_before` of the words still kept on the page come before it. A bare ``Comments``
is a button that can sit anywhere, even between two paragraphs of the story, so it opens nothing.
A heading that counts the comments and quotes the story's title (``59 Comments on “<the title>”``,
``3 reacties op „...“``, 9 sites of the dev corpora) belongs to the thread and nothing else: it
asks only :attr:`titled_share_before` of the words before it, since a thread of fifty comments
outweighs a short story (the rule left Scalzi's 59 comments in place, 139 lines). Such a heading
opens the thread in any language, listed or not, when its quote is a line printed above it, the
post's headline (in full, or cut off with an ellipsis): blog themes print ``14 Kommentare zu
„...“``, ``16 gedachten over “...”``, ``5 komentarzy do „...”``, ``6 комментариев к «...»`` with
the post's title, whatever words a language puts around it (15 sites of eight languages in
``fixtures/written``; the lists knew the words of one of them).
(Reading the established chrome lines keeps the phrase lookups to those few lines; with no rule
providing them, ``site_chrome`` turned off, this rule finds nothing.)

A thread without such a heading is known by its comments' signatures: lines that are a
commenter's name and "says" (``Josh Simi says``, ``Anna sagt:``), or a reply button (``Reply``,
``reply to comment``, ``Antworten``, ``Répondre``). One site's own format (Slashdot's ``by name
( 123 ) writes:``) is none of these: a shape must recur on several sites to be named here. At
least :attr:`min_signatures` of them, each within :attr:`max_signature_gap` lines of the next, open
the thread at the first one, once at least :attr:`min_words_before` words and
:attr:`signature_share_before` of the page's kept words are behind it (comments often outweigh a
short story, so the share asked is lower than a heading's). One of them at least must not be a bare
reply button (forums print one under every post; a forum's "name said:" quotes are not
signatures), unless the first reply button of the page comes after :attr:`bare_replies_share` of
its kept words: a theme's comments in a language whose headings no list knows are still signed by
the button under each (``Odpovědět``, ``Balas``, ``Trả lời``; 23 words of more than twenty
languages, each printed alone on three or more sites of the training pages, in no gold body).
A commenter's name beside the day and time of the comment (``Silvia R. escribió el 14/09/2011
08:47``, ``Abdul Majeed 3/12/2021 at 1:48am``, ``たかし 2024/11/21 08:40``, in any language:
:func:`~newsclean.rules.shapes.is_signed_stamp`; a stamp without a name, ``Updated ... 10:15 am``,
is a live blog's, not a signature) is a signature as well, when all such lines of the page but one
(the story's own byline and date) come after :attr:`bare_replies_share` of its kept words: a forum
signs its first posts too. On the whole-page texts of wcxb-dev 23 pages hold three or more such
lines (comments under posts, forum posts, a board's "Last Post" column), 35 of their 550 lines gold
(forum posts); the old templates of ``fixtures/heldout-layouts`` sign their comments so, under a
heading no list knows.

The drops are sure (:data:`~newsclean.confidence.SURE`): the line scorer's confident keep of a
well-written comment must not win back one comment out of a thread a heading or its signatures
have opened.

Not on a page stated to be a forum thread (the ``page_type`` fact): there the posts are the page,
unless a heading counts them and quotes the post's title above it (a blog post with many comments).

Must not catch: a comment counter under the headline (``12 Comments`` before the story); a
``Comments`` button inside the article; a story that quotes a reader ("Leave a reply," she wrote,
is a sentence, and phrases never match sentences).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from itertools import pairwise

import regex

from newsclean import phrases
from newsclean.confidence import SURE
from newsclean.document import Block, Document
from newsclean.kinds import Fact, Kind
from newsclean.pagetype import PageType
from newsclean.rules.base import Context, Rule, RuleOptions, Verdict
from newsclean.rules.shapes import is_signed_stamp, kept_words_before, norm

_DIGIT = regex.compile(r"\d")
_REPLY_WORDS = ("reply", "antworten", "répondre", "responder", "rispondi", "odpowiedz",
                "beantwoorden", "svara", "svar", "odpovědět", "ответить", "yanıtla", "پاسخ",
                "vastaa", "balas", "odgovori", "válasz", "răspunde", "απάντηση", "जवाब दें",
                "одговори", "trả lời", "atsakyti")
"""A reply button's word in the languages of the dev and written pages: each printed alone on a
line on three or more sites of aeb-dev, wcxb-dev and ``fixtures/written``, in no gold body."""
_SAYS_WORDS = ("says", "sagt", "schreibt", "dit", "dice", "disse", "zegt", "schreef", "napisał")
"""The verb after a commenter's name: ``Josh Simi says``, ``Anna sagt:``."""
_REPLY = "|".join(regex.escape(w, special_only=True, literal_spaces=False) for w in _REPLY_WORDS)
_SIGNATURE = regex.compile(rf"""^(?:
    (?:{_REPLY}|reply\ to\ (?:this|comment)|log\ in\ to\ reply)
  | \p{{Lu}}[\p{{L}}\p{{M}}.'’_-]*(?:\ [\p{{L}}\p{{M}}.'’_-]+){{0,4}}\ (?:{"|".join(_SAYS_WORDS)}):?
)\s*$""", regex.IGNORECASE | regex.VERBOSE)
"""A comment's signature line: a commenter's name and "says", a reply button
(:class:`CommentThread`)."""
_SIGNED_BY = frozenset({*(w for reply in _REPLY_WORDS for w in reply.split()), *_SAYS_WORDS, "log"})
"""The first or last word of every :data:`_SIGNATURE` line: a cheap test before the pattern."""
_REPLY_BUTTON = regex.compile(rf"^(?:{_REPLY})\s*$", regex.IGNORECASE)
"""A bare reply button: forums print one under every post too, so a run of them alone opens a
thread only when the page's first one comes after the story
(:attr:`CommentThreadOptions.bare_replies_share`)."""


_COUNTED_TITLE = regex.compile(r"^\d+\s+\S+(?:\s+\S+)?\s+\S+\s+[\"“”„«»‘'](.{4,})$")
"""A heading that counts the comments and quotes the story's title: ``10 thoughts on “...”``,
``3 reacties op „...“``, ``2 responses to "..."``, ``14 ajatusta aiheesta ”...”`` (Finnish and
Swedish open a quote with ”, Danish with »)."""
_CLOSING_QUOTES = "\"'“”„«»‘’‚"
_QUOTE_MARKS = _CLOSING_QUOTES + " …."
"""What stands around a quoted title: quotation marks of every language, and a cut title's ellipsis."""


def _quotes_a_line_above(counted: regex.Match[str], index: int, printed: dict[str, int]) -> bool:
    """A counted heading (a :data:`_COUNTED_TITLE` match at block ``index``) quotes, in full or cut
    off, a line printed above it: a blog's comment heading (``14 Kommentare zu „<the title>“``,
    ``16 gedachten over “...”``, ``5 komentarzy do „...”``), which themes print in every language
    with the post's title, whatever words the language puts around it. ``printed``: each line's
    :func:`~newsclean.rules.shapes.norm` and the block it first stands in."""
    quoted = norm(counted.group(1).strip(_QUOTE_MARKS))
    if quoted.count(" ") < 2:  # three words at least: a title, not "5 stars 'great'"
        return False
    first = printed.get(quoted)
    if first is not None and first < index:
        return True
    cut = counted.group(1).rstrip(_CLOSING_QUOTES + " ").endswith(("…", "..."))
    return cut and any(i < index and key.startswith(quoted) for key, i in printed.items())


_CONTENT_LABELS = frozenset({*phrases.WEAK_CATEGORIES, "media"})
"""Categories of listed words that name content (a section, a video), not a form or a button."""


@dataclass(frozen=True)
class CommentThreadOptions(RuleOptions):
    min_share_before: float = 0.6
    """At least this share of the page's kept words come before the heading."""
    min_words_before: int = 80
    """...and at least this many: a brief with a comment form under it keeps its story."""
    titled_share_before: float = 0.15
    """...or this share, for a heading that counts the comments and quotes the story's title
    (``59 Comments on “<the title>”``): a thread that outweighs a short story is still behind it."""
    max_heading_words: int = 20
    """A heading is short (``10 thoughts on "<the title>"`` carries the title)."""
    min_signatures: int = 3
    """Comment signatures (``Josh Simi says``, ``Reply``) that open a thread without a heading."""
    max_signature_gap: int = 12
    """...each at most this many lines from the next."""
    signature_share_before: float = 0.15
    """...the first with at least this share of the page's kept words before it."""
    bare_replies_share: float = 0.5
    """A run of bare reply buttons (``Reply``, ``Ответить``, ``Trả lời``) opens a thread when the
    first reply button of the page comes after at least this share of its kept words: a blog prints
    one under each comment, after the story; a forum prints one under every post, the first one
    too. Out of fold (session 27), against a run of bare buttons opening nothing: aeb-dev and
    wcxb-dev unchanged but one page (0.8255 =), ``fixtures/written`` 0.9408 -> 0.9412 (five pages,
    none worse); the same from 0.4 to 0.7. Above 1: bare buttons open nothing."""
    stamped: bool = True
    """A commenter's name beside the day and time of the comment (``Silvia R. escribió el
    14/09/2011 08:47``, ``たかし 2024/11/21 08:40``; :func:`~newsclean.rules.shapes.is_signed_stamp`)
    is a signature too."""
    on_forums: bool = False
    """Also on a page stated to be a forum thread (the ``page_type`` fact), whose posts are the
    page's content."""


class CommentThread(Rule):
    """Drop what follows the heading of the comment section, or the first of its comments'
    signatures, once the article is behind it."""

    name = "comment_thread"
    Options = CommentThreadOptions
    options: CommentThreadOptions
    requires = frozenset({Fact.CHROME_LINE})

    def _opens_thread(self, block: Block, language: str | None) -> bool:
        if not 1 <= block.n_units <= self.options.max_heading_words:
            return False
        if block.n_units < 2 and not _DIGIT.search(block.text):
            return False
        hit = phrases.match(block.text, language)
        if hit is None or hit.category != "comments":
            return False
        # a row of form fields and buttons ("Email Subscribe") opens a thread; a row with a word
        # that names content ("Website Video", "Comments Politics") is a subhead of the story
        return hit.mode != "row" or all(
            (part := phrases.match(piece, language)) is not None
            and part.category not in _CONTENT_LABELS for piece in hit.pattern.split(" + "))

    def apply(self, doc: Document, context: Context) -> Iterator[Verdict]:
        chrome = context.established(Fact.CHROME_LINE)
        # On a page stated to be a forum thread the posts are the page; only a heading that counts
        # the comments and quotes the post's title above it ("14 ajatusta aiheesta ”<title>”") says
        # that they are a blog post's comments instead (a page of many comments reads as a forum).
        titled_only = context.page_type() is PageType.FORUM and not self.options.on_forums
        before, total = kept_words_before(doc, context.dropped_set())
        if total == 0:
            return
        heading = self._heading(doc, chrome, before, total, titled_only=titled_only)
        signed = None if titled_only else self._signed_thread(doc, before, total)
        if signed is not None and (heading is None or signed < heading.index):
            line = doc.blocks[signed].text.strip()
            yield from self._drop_from(
                doc, signed, f"reader comments: signed like {line[:60]!r} from here on", context)
        elif heading is not None:
            line = heading.text.strip()
            yield from self._drop_from(
                doc, heading.index, f"reader comments: after the heading {line[:60]!r}", context)

    def _heading(self, doc: Document, chrome: set[int], before: list[int], total: int, *,
                 titled_only: bool = False) -> Block | None:
        """The first line that opens the thread once enough of the page's kept words are behind it:
        a listed comments heading, or a counted heading quoting a line printed above it (the post's
        headline). A counted heading asks only :attr:`~CommentThreadOptions.titled_share_before`;
        ``titled_only`` looks for that heading alone."""
        o = self.options
        printed: dict[str, int] | None = None  # each line's norm -> its first block, built on demand
        for b in doc.blocks:
            if before[b.index] < o.min_words_before:
                continue
            counted = _COUNTED_TITLE.match(b.text.strip())
            if before[b.index] < (o.titled_share_before if counted else o.min_share_before) * total:
                continue
            if not titled_only and b.index in chrome and self._opens_thread(b, doc.language):
                return b
            if counted is not None:
                if printed is None:
                    printed = {}
                    for line in doc.blocks:
                        printed.setdefault(norm(line.text), line.index)
                if _quotes_a_line_above(counted, b.index, printed):
                    return b
        return None

    def _drop_from(self, doc: Document, start: int, reason: str,
                   context: Context) -> Iterator[Verdict]:
        # a line an earlier rule dropped only tentatively may be kept in the end (the resolver's
        # core protection): it gets this rule's drop as well
        sure = context.surely_removed()
        for later in doc.blocks[start:]:
            if later.index not in sure:
                yield self.drop(later, Kind.SITE_CHROME, reason, SURE)

    def _signed_thread(self, doc: Document, before: list[int], total: int) -> int | None:
        """The first signature of a run of :attr:`~CommentThreadOptions.min_signatures` or more,
        once the story is behind it; ``None`` if there is none."""
        o = self.options
        signed = [b.index for b in doc.blocks
                  if b.n_words <= 12 and b.lower_words and _SIGNED_BY.intersection(
                      (b.lower_words[0], b.lower_words[-1])) and _SIGNATURE.match(b.text.strip())]
        if o.stamped:
            # a forum signs its first posts too: signed stamps count only when, but for one (the
            # story's own byline and date), they come after the story, as bare reply buttons
            stamped = [b.index for b in doc.blocks if b.n_words <= 12 and is_signed_stamp(b.text)]
            late = [i for i in stamped if before[i] >= o.bare_replies_share * total]
            if len(stamped) - len(late) <= 1:
                signed = sorted({*signed, *late})
        bare = [i for i in signed if _REPLY_BUTTON.match(doc.blocks[i].text.strip())]
        # a forum prints a reply button under its first post: bare buttons open a thread only when
        # the first of them on the page comes after the story (never with a share above 1)
        bare_ok = bool(bare) and before[bare[0]] >= o.bare_replies_share * total
        buttons = set(bare)
        for n, first in enumerate(signed):
            if before[first] < o.min_words_before or before[first] < o.signature_share_before * total:
                continue
            run = signed[n:n + o.min_signatures]
            if len(run) == o.min_signatures and all(
                    b - a <= o.max_signature_gap for a, b in pairwise(run)) and (
                    bare_ok or any(i not in buttons for i in run)):
                return first
        return None
