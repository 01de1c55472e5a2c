"""The features of the line model, computed from the input alone: one column per feature, one value
per block (length, sentence punctuation, stopword and capital density relative to the document, the
neighbourhood, the place relative to the dense prose region, chrome phrases, document-level facts),
and the second pass's context columns, read from the first pass's probabilities.

No feature reads another rule's verdict. The model is :mod:`newsclean.rules.line_model`; the rule
is :mod:`newsclean.rules.scorer`.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from itertools import accumulate

from newsclean import phrases
from newsclean.document import SPACELESS, SPACELESS_CHARS_PER_WORD, Block, Document, content_union
from newsclean.lang import UNSPACED_LANGUAGES
from newsclean.rules.shapes import is_heading_like, share_in

STRICT_PENALTY = 1.5
"""What a non-prose block costs in the main prose run (see :func:`_core`)."""
PROSE = 0.6
"""A block with at least this prose score counts as prose for the neighbourhood features."""
SHORT = 4
"""A block of at most this many words counts as short (a menu item, a label)."""
WINDOW = 3
"""Neighbourhood features look this many blocks to each side."""
CJK_SHARE = 0.3
"""A document whose first characters are at least this share Han/kana is written without spaces."""
DOC_PHRASES_UNLISTED = 0.12
"""``doc_phrases`` of a page in a language with no chrome list of its own: the median over the
whole-page texts the shipped weights were trained on (1,607 of aeb-dev, wcxb-dev and
fixtures/written, with the lists of then: 0.1218; 0.1257 over 1,639 with the lists and the written
pages of session 18). Counted with the English and neutral lists alone, a page in such a language
(Bulgarian, Thai; Persian and Hebrew before they had lists) scores about 0.01, which the model reads
as an extract with no chrome left (+1.5 logits of body on every line), so its menus, share rows and
related lists were kept; a page whose lists cannot see its chrome is taken as a median page
instead."""
_MARKERS = ("|", "•", "»", "›", "·", "©", "▸", "►", "→", "«")
_BULLETS = frozenset("•·-–—*►▸»›>+▪◦●■□➤→")

# name -> (phrase when a low value pushes toward boilerplate, phrase when a high value does)
FEATURES: dict[str, tuple[str, str]] = {
    "log_words": ("short", "long"),
    "ends_sentence": ("no sentence end", "ends like a sentence"),
    "stop_rel": ("few stopwords", "many stopwords"),
    "cap_rel": ("few capitals", "title-cased"),
    "letter_ratio": ("few letters", "mostly letters"),
    "digit_share": ("few numbers", "numbers"),
    "markers": ("no separators", "separator marks (| • »)"),
    "starts_bullet": ("no bullet", "starts with a bullet"),
    "url_like": ("no link text", "link or handle"),
    "upper": ("not capitals", "all capitals"),
    "heading_like": ("not headline-shaped", "headline-shaped"),
    "heading_run": ("no headlines around", "in a run of headlines"),
    "prose": ("not prose-like", "prose-like"),
    "nb_words": ("in a link-list block", "among long blocks"),
    "nb_short": ("few short lines around", "in a link-list block"),
    "nb_prose": ("far from prose", "among prose"),
    "prev_prose": ("after a non-prose line", "after a prose line"),
    "next_prose": ("before a non-prose line", "before a prose line"),
    "prev_words": ("after a short line", "after a long line"),
    "next_words": ("before a short line", "before a long line"),
    "ends_colon": ("no label colon", "ends with a colon (a label)"),
    "blank_before": ("no blank line before", "blank line before"),
    "blank_after": ("no blank line after", "blank line after"),
    "rel_pos": ("near the top", "near the bottom"),
    "in_core": ("outside the article core", "inside the article core"),
    "core_dist": ("close to the core", "far from the article core"),
    "after_core": ("before the core", "after the article core"),
    "prose_dist": ("next to prose", "far from prose"),
    "prose_before": ("before the prose", "after the prose"),
    "repeats": ("unique", "repeated in the page"),
    "phrase_hit": ("no chrome phrase", "a chrome phrase (menu, share, credit...)"),
    "phrase_near": ("no chrome phrases around", "among chrome phrases"),
    "doc_prose": ("page text with little prose", "mostly prose input"),
    "doc_short": ("few short lines in the input", "input full of short lines"),
    "doc_phrases": ("few chrome phrases in the input", "input full of chrome phrases"),
    "doc_blocks": ("short input", "long input"),
    "core_overlap": ("off-topic words", "topic words"),
    "strict_in": ("outside the main prose run", "in the main prose run"),
    "strict_dist": ("close to the main prose run", "far from the main prose run"),
    "strict_overlap": ("off-topic", "on the story's topic"),
    "title_side": ("above the title", "below the title"),
    "title_dist": ("next to the title", "far from the title"),
}
"""Every feature the scorer can compute, with the phrases its reasons use. Each is computed from the
input alone (the text, its layout and the phrase lists), never from other rules' verdicts: the model
means the same whatever rules run before it."""

CONTEXT: dict[str, tuple[str, str]] = {
    "ctx_self": ("scored as chrome on its own", "scored as body on its own"),
    "ctx_prev": ("after a line scored as chrome", "after a line scored as body"),
    "ctx_next": ("before a line scored as chrome", "before a line scored as body"),
    "ctx_near": ("among lines scored as chrome", "among lines scored as body"),
    "ctx_wide": ("in a region scored as chrome", "in a region scored as body"),
    "ctx_above": ("below chrome", "below body text"),
    "ctx_below": ("above chrome", "above body text"),
}
"""Features of the second pass: the first pass's body probabilities of the block and its
neighbours. Like jusText's revision of each paragraph by its context, the second model revises a
line by how its neighbours were judged on their own."""

PHRASES: dict[str, tuple[str, str]] = {**FEATURES, **CONTEXT}
"""What a reason says of a low or high value of every feature of either pass."""


def _weighted_ref(values: Sequence[float], weights: Sequence[float], default: float) -> float:
    total = sum(weights)
    if total <= 0:
        return default
    return sum(v * w for v, w in zip(values, weights, strict=True)) / total


def _prose(units: float, ends_sentence: bool, stop_ratio: float, has_stops: bool) -> float:
    """:meth:`Document.prose_score` with the length counted in script-neutral units."""
    if units <= 0:
        return 0.0
    length = min(1.0, units / 40.0)
    punct = 1.0 if ends_sentence else 0.35
    stop = min(1.0, stop_ratio / 0.3) if has_stops else 0.6
    score = 0.45 * length + 0.3 * punct + 0.25 * stop
    if units >= 12 and ends_sentence:
        score = max(score, 0.6)
    return min(1.0, score)


def _core(units: Sequence[float], prose: Sequence[float], skip: Mapping[int, float],
          penalty: float | None = None) -> tuple[int, int]:
    """:attr:`Document.core` (Kadane over prose gains) over the blocks not in ``skip``, in units.

    With ``penalty``, every non-prose block costs that much: the *main prose run*, which a kicker
    or a link between two teasers interrupts, but a single subhead between long paragraphs does not.
    """
    best_sum, best = 0.0, (0, -1)
    cur_sum, cur_start = 0.0, 0
    for i, (u, score) in enumerate(zip(units, prose, strict=True)):
        if i in skip:
            continue
        if penalty is not None and score < 0.5:
            gain = -penalty
        else:
            gain = (score - 0.5) * (min(u, 80.0) / 10.0 + 0.5)
        if cur_sum <= 0.0:
            cur_sum, cur_start = gain, i
        else:
            cur_sum += gain
        if cur_sum > best_sum:
            best_sum, best = cur_sum, (cur_start, i)
    return best


def _spaceless(blocks: Sequence[Block], sample: int = 2000) -> bool:
    """True when the document is written in Chinese or Japanese (judged on its first characters)."""
    parts: list[str] = []
    size = 0
    for b in blocks:
        parts.append(b.text)
        size += b.n_chars
        if size >= sample:
            break
    text = "".join(parts)[:sample]
    if text.isascii():  # no Han or kana, and the common case: no scan
        return False
    return len(SPACELESS.findall(text)) >= CJK_SHARE * len(text)


def _title_anchor(blocks: Sequence[Block], line_keys: Callable[[], Sequence[str]]) -> int:
    """Where the article's title is: the first block after the first that repeats the first block's
    start (page text opens with the page's ``<title>``, "Headline - Site", and the article's heading
    repeats it); ``-1`` if none does. ``line_keys`` gives every block's words joined and lower-cased."""
    keys = line_keys()
    if len(keys) < 2 or not keys[0]:
        return -1
    head = keys[0]
    for i in range(1, len(keys)):
        k = keys[i]
        if blocks[i].n_words >= 3 and (k == head or head.startswith(k + " ")):
            return i
    return -1




def compute_features(doc: Document, names: Sequence[str] | None = None) -> list[list[float]]:
    """One feature vector per block, in the order of ``names`` (default: all of :data:`FEATURES`);
    see :func:`feature_columns`."""
    return rows(feature_columns(doc, names))


def rows(columns: Sequence[Sequence[float]]) -> list[list[float]]:
    """Feature columns turned into one vector per block."""
    return [list(row) for row in zip(*columns, strict=True)]


def _phrase_strength(doc: Document, block: Block) -> float:
    """1 for a line a chrome list names outright, 0.5 for a weak category (a bare credit, a
    section name), 0 otherwise; long lines are not looked up (the lists name short lines)."""
    if block.n_words > 40 or block.n_words == 0:
        return 0.0
    hit = phrases.match_block(doc, block)
    if hit is None:
        return 0.0
    return 0.5 if hit.weak else 1.0


def feature_columns(doc: Document, names: Sequence[str] | None = None) -> list[list[float]]:
    """One column per feature in ``names`` (default: all of :data:`FEATURES`), one value per block.

    Only the input is read (no verdicts of other rules), so a rule switched off or added does not
    change what the model sees.

    Linear in the number of blocks: per-block work reads cached block features; neighbourhood
    features come from prefix sums.
    """
    names = list(FEATURES) if names is None else list(names)
    need = set(names)
    blocks = doc.blocks
    n = len(blocks)
    if n == 0:
        return []
    stops = doc.stopwords
    words = [b.n_words for b in blocks]
    # Chinese and Japanese are written without spaces: a ``\w+`` token there is a whole phrase.
    # Count their length in word-sized units so that "short" means the same in every script.
    if _spaceless(blocks):
        units = [max(float(w), b.n_chars / SPACELESS_CHARS_PER_WORD)
                 for w, b in zip(words, blocks, strict=True)]
    elif doc.language in UNSPACED_LANGUAGES:  # Thai, Lao, Khmer, Burmese: words by characters
        units = [max(float(w), b.n_units) for w, b in zip(words, blocks, strict=True)]
    else:
        units = [float(w) for w in words]
    logw = [math.log1p(u) for u in units]

    # the core is found over every block but a cookie banner's beside a story (Document.core)
    dropped: dict[int, float] = dict.fromkeys(doc.banner_blocks, 1.0)

    # stopword and capital density relative to the document's long blocks
    if stops:
        stop = [c / b.n_words if b.n_words else 0.0
                for b, c in zip(blocks, doc.stop_counts, strict=True)]
    else:
        stop = [0.0] * n
    prose = [_prose(u, b.ends_sentence, r, bool(stops)) for u, b, r in zip(units, blocks, stop, strict=True)]
    long_w = [u if u >= 8 else 0.0 for u in units]
    stop_ref = _weighted_ref(stop, long_w, 0.3) if stops else 0.0
    cap = [b.capitalized_ratio for b in blocks]
    cap_ref = _weighted_ref(cap, long_w, 0.2)

    # prefix sums for windows (the same additions, left to right from 0.0, done in C)
    def prefix(vals: Sequence[float]) -> list[float]:
        return list(accumulate(vals, initial=0.0))

    p_logw = prefix(logw)
    short = [1.0 if u <= SHORT else 0.0 for u in units]
    p_short = prefix(short)
    p_prose = prefix(prose)
    heads = ([1.0 if 3 <= w <= 25 and is_heading_like(b) else 0.0
              for w, b in zip(words, blocks, strict=True)]
             if "heading_run" in need or "heading_like" in need else [0.0] * n)
    p_heads = prefix(heads)
    need_phrases = bool(need & {"phrase_hit", "phrase_near", "doc_phrases"})
    phrase = [_phrase_strength(doc, b) for b in blocks] if need_phrases else [0.0] * n
    p_phrase = prefix(phrase)
    is_prose = [p >= PROSE for p in prose]
    prose_words = [float(w) if ip else 0.0 for w, ip in zip(words, is_prose, strict=True)]
    p_pw = prefix(prose_words)
    total_pw = p_pw[-1]

    # distance to the nearest prose block (two sweeps)
    far = float(n)
    dist = [far] * n
    last = -1
    for i in range(n):
        if is_prose[i]:
            last = i
        if last >= 0:
            dist[i] = float(i - last)
    last = -1
    for i in range(n - 1, -1, -1):
        if is_prose[i]:
            last = i
        if last >= 0:
            dist[i] = min(dist[i], float(last - i))

    first, last_core = _core(units, prose, dropped)
    has_core = last_core >= first
    key_list: list[str] = []

    def keys() -> list[str]:
        """Every block's words, joined and lower-cased (computed on first use)."""
        if not key_list:
            key_list.extend(" ".join(b.words).lower() for b in blocks)
        return key_list

    def repeats() -> list[float]:
        counts: dict[str, int] = {}
        for key in keys():
            if key:
                counts[key] = counts.get(key, 0) + 1
        return [1.0 if k and counts.get(k, 0) > 1 else 0.0 for k in keys()]
    core_words = (content_union(blocks, prose, first, last_core, stops, doc.content_words)
                  if "core_overlap" in need else frozenset())
    s_first, s_last = _core(units, prose, dropped, STRICT_PENALTY)
    has_strict = s_last >= s_first
    strict_words = (content_union(blocks, prose, s_first, s_last, stops, doc.content_words)
                    if "strict_overlap" in need else frozenset())
    anchor = _title_anchor(blocks, keys)
    doc_prose = sum(1 for x in is_prose if x) / n
    doc_short = sum(short) / n
    doc_blocks = math.log1p(n)
    doc_phrases = p_phrase[-1] / n if phrases.has_own_list(doc.language) else DOC_PHRASES_UNLISTED

    idx = range(n)

    def core_dist(first_i: int, last_i: int, has: bool) -> list[float]:
        if not has:
            return [math.log1p(n)] * n
        return [0.0 if first_i <= i <= last_i else
                math.log1p(first_i - i if i < first_i else i - last_i) for i in idx]

    # Each column only when the model reads it (a dict of thunks: nothing is computed up front).
    columns: dict[str, Callable[[], list[float]]] = {
        "log_words": lambda: logw,
        "ends_sentence": lambda: [1.0 if b.ends_sentence else 0.0 for b in blocks],
        "stop_rel": lambda: ([min(3.0, x / max(stop_ref, 0.05)) for x in stop] if stops
                             else [1.0] * n),
        "cap_rel": lambda: [c - cap_ref for c in cap],
        "letter_ratio": lambda: [b.letter_ratio for b in blocks],
        "digit_share": lambda: [(sum(1 for w in b.words if w.isdigit()) / words[i]) if words[i]
                                else 0.0 for i, b in enumerate(blocks)],
        "markers": lambda: [1.0 if any(m in b.text for m in _MARKERS) else 0.0 for b in blocks],
        "starts_bullet": lambda: [1.0 if b.text.lstrip()[:1] in _BULLETS else 0.0 for b in blocks],
        "url_like": lambda: [1.0 if ("http" in b.text or "www." in b.text or "@" in b.text) else 0.0
                             for b in blocks],
        "upper": lambda: [1.0 if (words[i] >= 1 and b.text.isupper()) else 0.0
                          for i, b in enumerate(blocks)],
        "heading_like": lambda: heads,
        "heading_run": lambda: _window(p_heads, heads, 2),
        "prose": lambda: prose,
        "nb_words": lambda: _window(p_logw, logw, WINDOW),
        "nb_short": lambda: _window(p_short, short, WINDOW),
        "nb_prose": lambda: _window(p_prose, prose, 2),
        "prev_prose": lambda: [-0.1, *prose[:-1]],
        "next_prose": lambda: [*prose[1:], -0.1],
        "prev_words": lambda: [-1.0, *logw[:-1]],
        "next_words": lambda: [*logw[1:], -1.0],
        "ends_colon": lambda: [1.0 if b.text.rstrip().endswith(":") else 0.0 for b in blocks],
        "blank_before": lambda: [1.0 if b.blank_before else 0.0 for b in blocks],
        "blank_after": lambda: [1.0 if b.blank_after else 0.0 for b in blocks],
        "rel_pos": lambda: [i / (n - 1) for i in idx] if n > 1 else [0.5],
        "in_core": lambda: [1.0 if has_core and first <= i <= last_core else 0.0 for i in idx],
        "core_dist": lambda: core_dist(first, last_core, has_core),
        "after_core": lambda: [1.0 if has_core and i > last_core else 0.0 for i in idx],
        "prose_dist": lambda: [math.log1p(x) for x in dist],
        "prose_before": lambda: ([(p_pw[i] + 0.5 * prose_words[i]) / total_pw for i in idx]
                                 if total_pw else [0.5] * n),
        "repeats": repeats,
        "phrase_hit": lambda: phrase,
        "phrase_near": lambda: _window(p_phrase, phrase, 2),
        "doc_prose": lambda: [doc_prose] * n,
        "doc_short": lambda: [doc_short] * n,
        "doc_phrases": lambda: [doc_phrases] * n,
        "doc_blocks": lambda: [doc_blocks] * n,
        "strict_in": lambda: [1.0 if has_strict and s_first <= i <= s_last else 0.0 for i in idx],
        "strict_dist": lambda: core_dist(s_first, s_last, has_strict),
        "strict_overlap": lambda: ([share_in(c, strict_words) for c in doc.content_words]
                                   if strict_words else [0.0] * n),
        "title_side": lambda: [0.0 if anchor < 0 or i == anchor else (-1.0 if i < anchor else 1.0)
                               for i in idx],
        "title_dist": lambda: [0.0 if anchor < 0 or i == anchor else math.log1p(abs(i - anchor))
                               for i in idx],
        "core_overlap": lambda: ([share_in(c, core_words) for c in doc.content_words]
                                 if core_words else [0.0] * n),
    }
    return [columns[name]() for name in names]


CONTEXT_NEAR = 2
CONTEXT_WIDE = 6
CONTEXT_SIDE = 10
"""Widths (in blocks) of the second pass's context windows."""


def _window(prefix_sums: Sequence[float], own: Sequence[float], width: int,
            alone: float = 0.0) -> list[float]:
    """Mean of a value over the ``width`` blocks on each side, the block itself left out, from the
    value's prefix sums (``alone`` where a block has no neighbour)."""
    n = len(own)
    starts = [0] * min(width, n) + list(range(n - width))  # max(0, i - width)
    ends = list(range(width + 1, n + 1)) + [n] * min(width, n)  # min(n, i + width + 1)
    return [(prefix_sums[hi] - prefix_sums[lo] - x) / (hi - lo - 1) if hi - lo - 1 else alone
            for lo, hi, x in zip(starts, ends, own, strict=True)]


def context_columns(p: Sequence[float], names: Sequence[str]) -> dict[str, list[float]]:
    """The second pass's features (:data:`CONTEXT`) from the first pass's body probabilities."""
    n = len(p)
    vals = list(p)
    pre = list(accumulate(vals, initial=0.0))

    def side(above: bool) -> list[float]:
        out = []
        for i in range(n):
            lo, hi = (max(0, i - CONTEXT_SIDE), i) if above else (i + 1, min(n, i + 1 + CONTEXT_SIDE))
            out.append((pre[hi] - pre[lo]) / (hi - lo) if hi > lo else 0.5)
        return out

    makers: dict[str, Callable[[], list[float]]] = {
        "ctx_self": lambda: vals,
        "ctx_prev": lambda: [0.5, *vals[:-1]] if n else [],
        "ctx_next": lambda: [*vals[1:], 0.5] if n else [],
        "ctx_near": lambda: _window(pre, vals, CONTEXT_NEAR, 0.5),
        "ctx_wide": lambda: _window(pre, vals, CONTEXT_WIDE, 0.5),
        "ctx_above": lambda: side(True),
        "ctx_below": lambda: side(False),
    }
    return {name: makers[name]() for name in names}
