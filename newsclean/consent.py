"""A cookie banner's blocks on a whole page's text: the lines the phrase lists know as its buttons
and notices, and the paragraph beside them that names cookies.

The buttons and links of a consent banner (``Tout accepter``, ``Cookie settings``, ``Godkänn
alla``) are in every language's phrase lists (category ``cookie``, a universal notice); its text is
a sentence too long and too varied for a list (``Avec nos partenaires, nous utilisons des cookies
pour mesurer l'audience ...``). Left in, that sentence reads as the page's first paragraph: the
article core (:attr:`newsclean.document.Document.core`) then starts at the top of the page, above
the headline, and the title and the line model's position features read the header as story. On
the dev and held-out page texts 23 article pages of 23 sites had their core start on such a
paragraph. The core leaves the banner out where a story stands beside it
(:attr:`newsclean.document.Document.banner_blocks`).

Must not catch: an article's paragraph about cookies (a recipe, a privacy ruling): no consent
buttons stand beside it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import regex

from newsclean import phrases

if TYPE_CHECKING:
    from newsclean.document import Document

__all__ = ["CONSENT_ANCHORS", "CONSENT_REACH", "consent_notices"]

_COOKIE = regex.compile(
    r"(?i)\bcookie|クッキー|쿠키|\b(?:kolačić|колачић|piškot|küpsis|slapuk|sīkdatn|süti|бисквитк|eväste"
    r"|galetes|ciastecz|куки|кукі|μπισκότ|çerez)")
"""The word every cookie banner prints, in its own script where it has one, or the language's own
word where it has one (``kolačići``, ``piškotki``, ``küpsised``, ``slapukai``, ``sīkdatnes``,
``sütik``, ``бисквитки``, ``evästeet``, ``galetes``, ``ciasteczka``, ``çerezler``)."""
CONSENT_REACH = 3
"""A notice's paragraph is at most this many blocks from the banner's buttons..."""
CONSENT_ANCHORS = 2
"""...counting a line that is only the word for cookies as one, and a button or link as this many
(:func:`_weight`): that word alone can be a story's tag (``piškotki``, ``cookie-uri``) under its
last paragraphs, in a story about cookies."""


def consent_notices(doc: Document) -> frozenset[int]:
    """Indices of the blocks of ``doc`` that are a cookie banner's: its lines the phrase lists know
    (category ``cookie``: its buttons and links, and the notices they hold, ``We use cookies ...``,
    ``Este sitio utiliza cookies de Google ...``), and the blocks that name cookies within
    :data:`CONSENT_REACH` blocks of them (:data:`CONSENT_ANCHORS`). Computed once per document."""
    return doc.remember(("consent_notices",), _find, doc)


def _find(doc: Document) -> frozenset[int]:
    if not _COOKIE.search(doc.source):
        return frozenset()
    buttons = [block.index for block in doc.blocks
               if block.n_words <= phrases.DEFAULT_MAX_REGEX_WORDS
               and (hit := phrases.match_block(doc, block)) is not None and hit.category == "cookie"]
    weights = {i: _weight(doc.blocks[i].text) for i in buttons}  # once a line, not once a pair
    return frozenset(weights) | frozenset(
        block.index for block in doc.blocks
        if block.index not in weights and _COOKIE.search(block.text)
        and sum(w for i, w in weights.items()
                if abs(block.index - i) <= CONSENT_REACH) >= CONSENT_ANCHORS)


def _weight(line: str) -> int:
    """How much a banner's known line counts toward :data:`CONSENT_ANCHORS`: a button or a link
    (``Accept all``, ``Souhlasím``, ``Politika piškotkov``) is enough alone; a line that is only
    the word for cookies (``Cookies``, ``piškotki``, ``cookie-uri``) only beside another, since a
    story about cookies is tagged so under its last paragraphs."""
    return 1 if len(line.split()) <= 1 and _COOKIE.search(line) else CONSENT_ANCHORS
