"""A small learned line scorer: the language-neutral backstop that tells article lines from the page
around them (menus, link lists, footers, teasers, residue an extractor left behind).

Each block gets a vector of cheap features computed from the input alone (its length, sentence
punctuation, stopword and capital density *relative to the document*, the shape of its neighbourhood,
its place relative to the dense prose region, whether a chrome phrase list names it or its neighbours,
how much prose the whole input carries) and a model turns the vector into ``p``, the probability that
the block belongs to the article body. No feature reads another rule's verdict: switching a rule off
changes what that rule removes, not what the model sees. The model is an additive one (boosted
decision stumps): its score is a sum of one term per feature, so every drop can name the two or
three features that pushed it most toward boilerplate.

A second pass (jusText's idea of revising each paragraph by its neighbours) reads the first pass's
probabilities of the block and its neighbours as extra features (:data:`CONTEXT`) and decides; its
reasons can then say "among lines scored as chrome".

The weights live in ``newsclean/data/line_scorer.json`` and are loaded on first use; inference is
plain Python. ``newsclean train`` rebuilds them from benchmark folders, with folds grouped
by site, and writes the model card (``newsclean/data/line_scorer_card.md``: data hashes, commit,
out-of-fold scores per corpus and page type).

Verdicts:

* ``p < threshold`` -> drop (``site_chrome``, or ``headline_list`` for a headline-shaped line among
  others), confidence ``1 - p`` raised to at least ``min_drop_confidence``: the article core protects
  a block from drops below the resolver's ``core_protection``, so the model, which already knows
  where the core is, decides inside it too. A prose-like block (sentences, stopwords) is the
  exception: its drop carries ``1 - p + prose_margin``, so inside the core only a confident score
  removes it. Losing a paragraph of the story costs more than keeping a paragraph of chrome.
* ``p >= keep_threshold`` -> keep, confidence ``keep_confidence``: a confident body line is protected
  from weaker drops of other rules (a short list item that looked like a headline run).

Blocks an earlier rule already removed for sure are left alone (their kind and reason stand).

Must not catch: the article's own short lines (list items of a recipe, subheads, short quotes) when
they sit among the story's prose; a clean article body given alone.
"""

from __future__ import annotations

import hashlib
import json
import math
from bisect import bisect_right
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from itertools import accumulate
from typing import Any

import regex

from newsclean import phrases
from newsclean.document import Block, Document, content_union
from newsclean.kinds import Action, Fact, Kind
from newsclean.rules.base import Context, Rule, RuleOptions, Verdict
from newsclean.rules.shapes import is_heading_like, share_in

Scored = tuple[float, list[float], list[float], float]
"""``(p_body, terms, features, gate)`` of one block."""

WEIGHTS_PACKAGE = "newsclean.data"
WEIGHTS_FILE = "line_scorer.json"

STRICT_PENALTY = 1.5
"""What a non-prose block costs in the main prose run (see :func:`_core`)."""
PROSE = 0.6
"""A block with at least this prose score counts as prose for the neighbourhood features."""
SHORT = 4
"""A block of at most this many words counts as short (a menu item, a label)."""
WINDOW = 3
"""Neighbourhood features look this many blocks to each side."""
CJK_CHARS_PER_WORD = 2.5
"""In Chinese and Japanese text, this many characters count as one word."""
CJK_SHARE = 0.3
"""A document whose first characters are at least this share Han/kana is written without spaces."""
_CJK = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}]")
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



@dataclass(frozen=True)
class LineScorerOptions(RuleOptions):
    threshold: float | None = None
    """Drop blocks whose body probability is below this (``None``: the values stored with the
    weights, one for whole-page text and one for extractor output, blended by the model's gate)."""
    overrule: tuple[str, ...] = (Fact.HEADLINE_RUN.value,)
    """Facts (:class:`~newsclean.kinds.Fact` values) whose *tentative* drops (below
    ``min_drop_confidence``) the scorer may overrule: it protects such a block when it scores it as
    body with at least ``overrule_threshold`` (a recipe's short lines are not a list of other
    stories). A sure drop stands; ``()`` overrules nothing."""
    overrule_threshold: float | None = None
    """Body probability needed to overrule (``None``: stored value; ``1.0``: never)."""
    keep_threshold: float | None = None
    """Protect kept blocks scoring at least this from later, weaker drops (``None``: stored value;
    ``1.0``: never)."""
    keep_confidence: float = 0.85
    """Confidence of a protecting keep verdict (it must exceed the drops it protects from)."""
    min_drop_confidence: float | None = None
    """Drops get at least this confidence, so the resolver's core protection does not undo them:
    the model already knows where the core is (``None``: the pipeline's ``core_protection``)."""
    prose_margin: float = 0.1
    """A prose-like block's drop has confidence ``1 - p + prose_margin`` (not raised to
    ``min_drop_confidence``): inside the article core it needs ``1 - p`` of at least
    ``core_protection - prose_margin`` (0.65 by default) to go."""
    small_document: int = 8
    """A document of fewer blocks than this is a brief: its page-level features (how many short
    lines, how much chrome was found) describe three or four lines, not a page. There a prose-like
    block's drop keeps its own confidence (``1 - p``, no ``prose_margin``)."""
    weights: str | None = None
    """Path of a weights file to use instead of the packaged one."""
    modes: tuple[str, ...] = ("text",)
    """Trained on text inputs: in HTML mode the extractor has already done this job."""


@dataclass(frozen=True, slots=True)
class PairTerm:
    """One term of two features ``j`` and ``k``: ``values[bisect(cuts_j, x_j)][bisect(cuts_k, x_k)]``
    (``values_b`` for an extractor's output, as in :class:`Model`)."""

    j: int
    k: int
    cuts_j: tuple[float, ...]
    cuts_k: tuple[float, ...]
    values: tuple[tuple[float, ...], ...]
    values_b: tuple[tuple[float, ...], ...]

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], feats: Sequence[str]) -> PairTerm:
        fj, fk = (str(f) for f in data["features"])
        if fj not in feats or fk not in feats:
            raise ValueError(f"line scorer weights: a pair term reads {fj!r} and {fk!r}, "
                             "which are not among the model's features")
        cj, ck = (tuple(float(v) for v in c) for c in data["cuts"])
        values = tuple(tuple(float(v) for v in row) for row in data["values"])
        values_b = tuple(tuple(float(v) for v in row) for row in data.get("values_b", data["values"]))
        for t in (values, values_b):
            if len(t) != len(cj) + 1 or any(len(row) != len(ck) + 1 for row in t):
                raise ValueError("line scorer weights: a pair table does not match its cuts")
        return cls(list(feats).index(fj), list(feats).index(fk), cj, ck, values, values_b)


@dataclass(frozen=True, slots=True)
class Model:
    """Boosted stumps summed per feature: ``logit = bias + sum_j term_j(x_j)``.

    ``term_j`` is piecewise constant: ``cuts[j]`` are sorted thresholds and ``values[j][k]`` the term
    on the ``k``-th interval. A *gate* (a logistic function of document-level features: how many
    blocks, how many of them short) blends two tables per feature, one fitted for whole-page text
    (gate 0) and one for an article extractor's output (gate 1):
    a short line means a menu item in the first and a list item in the second. Terms are reported
    centred on their training mean (``baseline``), so the most negative ones explain a drop.
    """

    features: tuple[str, ...]
    bias: float
    bias_b: float
    cuts: tuple[tuple[float, ...], ...]
    values: tuple[tuple[float, ...], ...]
    values_b: tuple[tuple[float, ...], ...]
    baseline: tuple[float, ...]
    baseline_b: tuple[float, ...]
    gate_features: tuple[int, ...] = ()
    gate_weights: tuple[float, ...] = ()
    gate_bias: float = 0.0
    threshold: float = 0.5
    threshold_b: float = 0.5
    overrule_threshold: float = 1.0
    keep_threshold: float = 1.0
    stage2: Model | None = None
    """The second pass (optional): a model over :data:`FEATURES` and :data:`CONTEXT` that revises
    each block by the first pass's scores of its neighbours; when present it decides."""
    pairs: tuple[PairTerm, ...] = ()
    """Terms of two features at once (a short line *outside* the core, not any short line): each is
    a table over both features' intervals, centred, and its value is credited half to each feature
    in the reasons."""
    sides: tuple[tuple[int, ...], ...] = field(init=False, repr=False, compare=False)
    """:meth:`side` for each feature and interval, tabled once: every drop's reason reads it."""

    def __post_init__(self) -> None:
        summed = [[a + b for a, b in zip(va, vb, strict=True)]
                  for va, vb in zip(self.values, self.values_b, strict=True)]
        object.__setattr__(self, "sides", tuple(tuple(_side(vals, k) for k in range(len(vals)))
                                                for vals in summed))

    @property
    def final(self) -> Model:
        """The model whose score decides: the second pass if there is one."""
        return self.stage2 if self.stage2 is not None else self

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], known: Mapping[str, object] = FEATURES) -> Model:
        feats = tuple(str(f) for f in data["features"])
        unknown = [f for f in feats if f not in known]
        if unknown:
            raise ValueError(f"line scorer weights use unknown features {unknown}")
        if data.get("kind", "stumps") != "stumps":
            raise ValueError(f"line scorer weights: unknown model kind {data.get('kind')!r}")
        n = len(feats)

        def table(key: str) -> tuple[tuple[float, ...], ...]:
            return tuple(tuple(float(v) for v in row) for row in data[key])

        cuts = table("cuts")
        values = table("values")
        values_b = table("values_b") if "values_b" in data else values
        if len(cuts) != n or any(len(t) != n or any(len(v) != len(c) + 1 for c, v in zip(
                cuts, t, strict=True)) for t in (values, values_b)):
            raise ValueError("line scorer weights: stump tables do not match the feature list")
        baseline = tuple(float(x) for x in data.get("baseline", [0.0] * n))
        baseline_b = tuple(float(x) for x in data.get("baseline_b", baseline))
        gate = data.get("gate") or {}
        gate_features = tuple(feats.index(f) for f in gate.get("features", ()))
        gate_weights = tuple(float(w) for w in gate.get("weights", ()))
        if len(gate_weights) != len(gate_features):
            raise ValueError("line scorer weights: gate weights do not match its features")
        bias = float(data["bias"])
        return cls(feats, bias, float(data.get("bias_b", bias)), cuts, values, values_b, baseline,
                   baseline_b, gate_features, gate_weights, float(gate.get("bias", 0.0)),
                   float(data.get("threshold", 0.5)),
                   float(data.get("threshold_b", data.get("threshold", 0.5))),
                   float(data.get("overrule_threshold", 1.0)), float(data.get("keep_threshold", 1.0)),
                   cls.from_dict(data["stage2"], PHRASES) if data.get("stage2") else None,
                   tuple(PairTerm.from_dict(pt, feats) for pt in data.get("pairs", ())))

    def gate(self, x: Sequence[float]) -> float:
        """0 for whole-page text, 1 for an extractor's output, in between when unsure."""
        if not self.gate_features:
            return 0.0
        return _sigmoid(self.gate_bias + sum(w * x[j] for j, w in zip(self.gate_features,
                                                                       self.gate_weights, strict=True)))

    def score(self, x: Sequence[float]) -> tuple[float, list[float]]:
        """The logit of ``p_body`` and its terms, one per feature, centred on their training mean."""
        return self.blend(self.gate(x)).score(x)

    def blend(self, g: float) -> Blended:
        """The two tables mixed for gate value ``g``: scoring a block is then one lookup per feature.

        Every block of a document has the same gate (its features describe the whole input), so a
        document blends once (a few hundred multiplications)."""
        h = 1.0 - g
        tables = tuple(
            tuple(h * (a - self.baseline[j]) + g * (b - self.baseline_b[j])
                  for a, b in zip(self.values[j], self.values_b[j], strict=True))
            for j in range(len(self.features)))
        pairs = tuple((pt.j, pt.k, pt.cuts_j, pt.cuts_k,
                       tuple(tuple(h * a + g * b for a, b in zip(ra, rb, strict=True))
                             for ra, rb in zip(pt.values, pt.values_b, strict=True)))
                      for pt in self.pairs)
        return Blended(self.cuts, tables, h * self.bias + g * self.bias_b, pairs)

    @property
    def doc_level_gate(self) -> bool:
        """True when the gate reads only document-level features (the same for every block)."""
        return all(self.features[j].startswith("doc_") for j in self.gate_features)

    def side(self, j: int, x: float) -> int:
        """-1 if lower values of feature ``j`` would raise its term (``x`` is "low"), else +1."""
        return self.sides[j][bisect_right(self.cuts[j], x)]


def _side(vals: Sequence[float], k: int) -> int:
    """:meth:`Model.side` on interval ``k`` of a feature whose two tables sum to ``vals``."""
    below = max(vals[:k], default=vals[k])
    above = max(vals[k + 1:], default=vals[k])
    return 1 if below > above else -1


@dataclass(frozen=True, slots=True)
class Blended:
    """A :class:`Model`'s tables mixed for one gate value (see :meth:`Model.blend`)."""

    cuts: tuple[tuple[float, ...], ...]
    tables: tuple[tuple[float, ...], ...]
    bias: float
    pairs: tuple[tuple[int, int, tuple[float, ...], tuple[float, ...],
                       tuple[tuple[float, ...], ...]], ...] = ()
    """``(j, k, cuts_j, cuts_k, table)`` of every pair term, blended."""

    def score(self, x: Sequence[float]) -> tuple[float, list[float]]:
        """The logit and its per-feature terms (a pair term credited half to each of its two)."""
        terms = [t[bisect_right(c, v)] for c, t, v in zip(self.cuts, self.tables, x, strict=True)]
        for j, k, cj, ck, tab in self.pairs:
            half = 0.5 * tab[bisect_right(cj, x[j])][bisect_right(ck, x[k])]
            terms[j] += half
            terms[k] += half
        return self.bias + sum(terms), terms

    def score_columns(self, columns: Sequence[Sequence[float]]) -> list[tuple[float, list[float]]]:
        """:meth:`score` for every block, given the features column by column."""
        bias = self.bias
        return [(bias + sum(terms), terms)
                for terms in map(list, zip(*self.term_columns(columns), strict=True))]

    def term_columns(self, columns: Sequence[Sequence[float]]) -> list[list[float]]:
        """The terms of every block, column by column (one column per feature).

        A column's terms are looked up once per distinct value: most columns hold a handful of
        values (flags, document-level features), so this does a fraction of the lookups."""
        term_columns = []
        for c, t, col in zip(self.cuts, self.tables, columns, strict=True):
            lookup = {v: t[bisect_right(c, v)] for v in set(col)}
            term_columns.append(list(map(lookup.__getitem__, col)))
        for j, k, cj, ck, tab in self.pairs:
            rows_j = {v: tab[bisect_right(cj, v)] for v in set(columns[j])}
            kcol = columns[k]
            kbin = {v: bisect_right(ck, v) for v in set(kcol)}
            halves = [0.5 * rows_j[a][kbin[b]] for a, b in zip(columns[j], kcol, strict=True)]
            term_columns[j] = [t + h for t, h in zip(term_columns[j], halves, strict=True)]
            term_columns[k] = [t + h for t, h in zip(term_columns[k], halves, strict=True)]
        return term_columns

    def logits(self, term_columns: Sequence[Sequence[float]]) -> list[float]:
        """Every block's logit from :meth:`term_columns`: the same sums :meth:`score` makes (the bias
        plus the terms added left to right), without a list of terms per block."""
        bias = self.bias
        return [bias + sum(terms) for terms in zip(*term_columns, strict=True)]


def fold_of(site: str, k: int) -> int:
    """The cross-validation fold of a site (``sha1(site) mod k``): stable across runs, machines and
    Python versions, so a benchmark can score each page with the fold model that never saw it."""
    return int(hashlib.sha1(site.encode("utf-8")).hexdigest(), 16) % k


@lru_cache(maxsize=8)
def load_model(path: str | None = None) -> Model:
    """The packaged weights (or those at ``path``), parsed once."""
    if path is None:
        text = resources.files(WEIGHTS_PACKAGE).joinpath(WEIGHTS_FILE).read_text(encoding="utf-8")
    else:
        with open(path, encoding="utf-8") as fh:
            text = fh.read()
    return Model.from_dict(json.loads(text))


def _sigmoid(z: float) -> float:
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


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
    return len(_CJK.findall(text)) >= CJK_SHARE * len(text)


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
    return _rows(feature_columns(doc, names))


def _rows(columns: Sequence[Sequence[float]]) -> list[list[float]]:
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
        units = [max(float(w), b.n_chars / CJK_CHARS_PER_WORD) for w, b in zip(words, blocks, strict=True)]
    else:
        units = [float(w) for w in words]
    logw = [math.log1p(u) for u in units]

    dropped: dict[int, float] = {}  # the core is found over every block

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
    doc_phrases = p_phrase[-1] / n

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


def score_columns(model: Model, columns: Sequence[Sequence[float]]) -> tuple[
        list[float], list[float], list[list[float]], list[list[float]]]:
    """``(p_body, gate, terms, columns)`` of every block, given ``model``'s feature columns."""
    n = len(columns[0]) if columns else 0
    cols = [list(c) for c in columns]
    if n and cols and model.doc_level_gate:
        gate = model.gate([col[0] for col in cols])
        blended = model.blend(gate)
        terms = blended.term_columns(cols)
        return [_sigmoid(z) for z in blended.logits(terms)], [gate] * n, terms, cols
    p: list[float] = []
    gates: list[float] = []
    rows_terms: list[list[float]] = []
    for x in _rows(cols):
        gate = model.gate(x)
        logit, row = model.blend(gate).score(x)
        p.append(_sigmoid(logit))
        gates.append(gate)
        rows_terms.append(row)
    return p, gates, _rows(rows_terms) if rows_terms else [[] for _ in cols], cols


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


HEADLINE_WORDS = (5, 25)
"""A headline of another story has this many words (fewer: a label or a menu item)."""


def _headline_shaped(block: Block) -> bool:
    lo, hi = HEADLINE_WORDS
    return lo <= block.n_words <= hi and is_heading_like(block, hi)


def _headline_run(doc: Document, i: int, shaped: dict[int, bool] | None = None) -> bool:
    """Block ``i`` is headline-shaped and so are at least two of its four nearest neighbours
    (the kind of a drop: ``headline_list`` rather than ``site_chrome``). ``shaped`` remembers
    :func:`_headline_shaped` per block index across the calls of one document."""
    blocks = doc.blocks
    memo: dict[int, bool] = {} if shaped is None else shaped

    def is_shaped(j: int) -> bool:
        known = memo.get(j)
        if known is None:
            known = memo[j] = _headline_shaped(blocks[j])
        return known

    if not is_shaped(i):
        return False
    return sum(1 for j in range(max(0, i - 2), min(len(blocks), i + 3)) if j != i and is_shaped(j)) >= 2


class LineScorer(Rule):
    """Drop blocks a small learned model scores as boilerplate; protect confident body lines."""

    name = "line_scorer"
    Options = LineScorerOptions
    options: LineScorerOptions

    def model(self) -> Model:
        return load_model(self.options.weights)

    def probabilities(self, doc: Document, context: Context) -> list[Scored]:
        """``(p_body, terms, features, gate)`` per block."""
        p, gates, terms, columns = self.scores(doc, context)
        return [(p[i], [t[i] for t in terms], [c[i] for c in columns], gates[i])
                for i in range(len(p))]

    def scores(self, doc: Document, context: Context) -> tuple[
            list[float], list[float], list[list[float]], list[list[float]]]:
        """:meth:`probabilities` column by column: ``(p_body, gate, terms, features)``, the last two
        with one list per feature of the model that decides (:meth:`Model.final`). :meth:`apply`
        reads the terms and features of dropped blocks only (for their reasons), so it does not build
        a vector per block. ``context`` is not read: the scores depend on the input alone."""
        model = self.model()
        stage2 = model.stage2
        if stage2 is None:
            return score_columns(model, feature_columns(doc, model.features))
        wanted = list(dict.fromkeys([*model.features, *(f for f in stage2.features if f in FEATURES)]))
        by_name = dict(zip(wanted, feature_columns(doc, wanted), strict=True))
        first = score_columns(model, [by_name[f] for f in model.features])[0]
        ctx = context_columns(first, [f for f in stage2.features if f in CONTEXT])
        return score_columns(stage2, [by_name[f] if f in by_name else ctx[f] for f in stage2.features])

    def apply(self, doc: Document, context: Context) -> Iterator[Verdict]:
        if not doc.blocks:
            return
        model = self.model()
        o = self.options
        overrule_at = model.overrule_threshold if o.overrule_threshold is None else o.overrule_threshold
        keep_at = model.keep_threshold if o.keep_threshold is None else o.keep_threshold
        sure_at = (context.resolver.core_protection if o.min_drop_confidence is None
                   else o.min_drop_confidence)
        brief = len(doc.blocks) < o.small_document
        removals: dict[int, list[Verdict]] = {}
        for v in context.verdicts:
            if v.action is Action.DROP or (v.action is Action.META and v.kind is not None) or (
                    "title" in v.facts or "subtitle" in v.facts):
                removals.setdefault(v.block, []).append(v)
        probabilities, gates, terms, columns = self.scores(doc, context)
        shaped: dict[int, bool] = {}
        for block, p, gate in zip(doc.blocks, probabilities, gates, strict=True):
            threshold = o.threshold
            if threshold is None:
                threshold = (1.0 - gate) * model.threshold + gate * model.threshold_b
            earlier = removals.get(block.index)
            wordless = block.n_words == 0  # a separator line: the model has nothing to go on
            if earlier:
                # A tentative drop of a fact it may overrule is the scorer's to decide; a sure one
                # (a headline run sharing no word with the story) knows what the model cannot see,
                # and stands.
                sure = any(v.confidence >= sure_at for v in earlier)
                needed = max(threshold, overrule_at)
                if not sure and not wordless and p >= needed and all(
                        v.establishes is not None and v.establishes.value in o.overrule
                        and v.action is Action.DROP for v in earlier):
                    confidence = max(o.keep_confidence, *(v.confidence for v in earlier))
                    yield self.keep(block, f"line scorer: {p:.2f} body, overrules "
                                    f"{', '.join(sorted({v.rule for v in earlier}))}", confidence)
                    continue
                if any(v.confidence >= sure_at or v.action is Action.META
                       for v in earlier):
                    continue  # already removed for sure: its kind and reason stand
            if p < threshold:
                i = block.index
                kind = Kind.HEADLINE_LIST if _headline_run(doc, i, shaped) else Kind.SITE_CHROME
                confidence = min(0.99, max(sure_at, 1.0 - p))
                if doc.prose_scores[block.index] >= PROSE:
                    confidence = min(0.99, 1.0 - p + (0.0 if brief else o.prose_margin))
                reason = self._reason(model.final, 1.0 - p, terms, columns, i)
                yield Verdict(i, Action.DROP, self.name, reason, kind, confidence)
            elif p >= keep_at and not wordless:
                yield self.keep(block, f"line scorer: {p:.2f} body", o.keep_confidence)

    @staticmethod
    def _reason(model: Model, p_boiler: float, terms: Sequence[Sequence[float]],
                columns: Sequence[Sequence[float]], i: int) -> str:
        """Block ``i``'s reason, read from the term and feature columns in place: most lines are
        dropped, and copying their row of every column cost more than reading the few it names."""
        # only terms below -0.05 are named: sorting just those ranks them as sorting all would; the
        # pairs (term, j) sort as a stable sort by term does (ties keep the feature order)
        pushing = sorted([(column[i], j) for j, column in enumerate(terms) if column[i] < -0.05])
        phrases: list[str] = []
        for _, j in pushing[:3]:
            low, high = PHRASES[model.features[j]]
            phrases.append(low if model.side(j, columns[j][i]) < 0 else high)
        why = ", ".join(dict.fromkeys(phrases)) or "weak evidence overall"
        return f"line scorer: {p_boiler:.2f} boilerplate; {why}"
