"""The :class:`Pipeline`: an ordered list of rules plus the resolver that turns their verdicts into
one decision per block.

Resolution, per block:

* ``KEEP`` verdicts protect: a drop only wins when its confidence exceeds the strongest keep.
* Blocks inside the article core (:attr:`Document.core`) are protected from drops whose confidence
  is below :attr:`ResolverOptions.core_protection`: a noisy rule cannot eat the story.
* ``TRIM`` verdicts remove spans inside a kept block; overlapping spans merge.
* ``META`` facts are collected; for each field the most confident fact wins, earlier rules breaking
  ties. ``title``/``subtitle`` facts promote their block out of the body (recorded in
  ``Article.fields_from``, not in ``removed``).
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsclean.article import Article, Dateline, Metadata, Provenance, Removal
from newsclean.confidence import ResolverOptions as ResolverOptions  # its home; re-exported
from newsclean.document import Block, Document
from newsclean.kinds import Action, Fact
from newsclean.pagetype import PageType
from newsclean.rules import registry
from newsclean.rules.base import Context, Rule, Verdict

PROMOTED_FIELDS = ("title", "subtitle")


@dataclass(slots=True)
class Decision:
    """What the resolver decided for one block (kept for ``newsclean explain``)."""

    block: Block
    removed_by: Verdict | None = None
    promoted_to: str | None = None
    trims: list[Verdict] = field(default_factory=list)
    overruled: list[Verdict] = field(default_factory=list)


class Pipeline:
    """An ordered list of rule instances, and the resolver.

    >>> p = default_pipeline().without("ticker")
    >>> "ticker" in p.names
    False
    """

    def __init__(self, rules: Sequence[Rule], resolver: ResolverOptions | None = None,
                 origins: Mapping[str, str] | None = None) -> None:
        for r in rules:
            if not isinstance(r, Rule):
                raise TypeError(f"pipeline entries must be Rule instances, got {type(r).__name__}")
            if not r.name:
                raise ValueError(f"rule {type(r).__name__} has no name")
        names = [r.name for r in rules]
        dupes = {n for n in names if names.count(n) > 1}
        if dupes:
            raise ValueError(f"rule names must be unique in a pipeline; repeated: {sorted(dupes)}")
        self.rules: tuple[Rule, ...] = tuple(rules)
        self.resolver = resolver or ResolverOptions()
        self.origins: dict[str, str] = dict(origins or {})

    # ---- construction ----------------------------------------------------------------------
    @property
    def names(self) -> list[str]:
        return [r.name for r in self.rules]

    def without(self, *names: str) -> Pipeline:
        """A copy without the named rules (unknown names raise, listing the pipeline's rules)."""
        for n in names:
            if n not in self.names:
                raise registry.missing(n, self.names)
        return Pipeline([r for r in self.rules if r.name not in names], self.resolver, self.origins)

    def with_options(self, name: str, **options: Any) -> Pipeline:
        """A copy where rule ``name`` is rebuilt with ``options`` over its current ones."""
        if name not in self.names:
            raise registry.missing(name, self.names)
        rules = []
        for r in self.rules:
            if r.name == name:
                current = {k: getattr(r.options, k) for k in r.describe()["options"]}
                r = type(r)(**{**current, **options})
            rules.append(r)
        return Pipeline(rules, self.resolver, self.origins)

    def with_rule(self, rule: Rule, *, before: str | None = None, after: str | None = None,
                  origin: str = "user code") -> Pipeline:
        """A copy with ``rule`` inserted (at the end unless ``before``/``after`` names a rule)."""
        rules = list(self.rules)
        if before is not None and after is not None:
            raise ValueError("give before= or after=, not both")
        anchor = before or after
        if anchor is None:
            rules.append(rule)
        else:
            if anchor not in self.names:
                raise registry.missing(anchor, self.names)
            i = self.names.index(anchor) + (1 if after else 0)
            rules.insert(i, rule)
        return Pipeline(rules, self.resolver, {**self.origins, rule.name: origin})

    @classmethod
    def from_names(cls, names: Iterable[str], options: Mapping[str, Mapping[str, Any]] | None = None,
                   resolver: ResolverOptions | None = None) -> Pipeline:
        """Build from rule names (built in, entry point or ``module:Class``), with options by rule
        name."""
        options = options or {}
        rules: list[Rule] = []
        origins: dict[str, str] = {}
        for name in names:
            rule_cls = registry.get(name)
            rules.append(rule_cls(**dict(options.get(rule_cls.name, options.get(name, {})))))
            origins[rule_cls.name] = registry.origin(name)
        unknown = sorted(set(options) - set(names) - {r.name for r in rules})
        if unknown:
            raise registry.missing(unknown[0], [r.name for r in rules], "options")
        return cls(rules, resolver, origins)

    @classmethod
    def from_toml(cls, path: str | Path) -> Pipeline:
        """Build from a TOML file; see ``docs/configuration.md`` and :mod:`newsclean.pipeline_config`.

        The default order, less ``[pipeline] disable = [...]``, plus ``add = [{rule = ..., after =
        ...}]``; ``[rules.NAME]`` tables set options, ``[resolver]`` thresholds; ``rules = [...]``
        replaces the whole order. ``module:Class`` rules are also looked for beside the file.
        """
        if sys.version_info >= (3, 11):
            import tomllib
        else:  # pragma: no cover
            import tomli as tomllib
        with open(path, "rb") as fh:
            config = tomllib.load(fh)
        from newsclean.pipeline_config import build

        return build(config, origin=f"config {path}", folder=Path(path).resolve().parent)

    @classmethod
    def from_config(cls, config: Mapping[str, Any], origin: str = "config") -> Pipeline:
        """Build from an already-parsed config mapping (the TOML layout)."""
        from newsclean.pipeline_config import build

        return build(config, origin=origin)

    def describe(self) -> list[dict[str, Any]]:
        """One dict per rule: position, name, summary, options, origin."""
        out = []
        for i, r in enumerate(self.rules, 1):
            d = r.describe()
            d["position"] = i
            d["origin"] = self.origins.get(r.name, "user code")
            out.append(d)
        return out

    def unmet(self) -> dict[str, list[Fact]]:
        """Rule name -> the facts it ``requires`` that no rule before it ``provides`` (such a rule
        runs, reading no block for those facts).

        >>> default_pipeline().unmet()
        {}
        >>> default_pipeline().without("site_chrome").unmet()["comment_thread"]
        [<Fact.CHROME_LINE: 'chrome_line'>]
        """
        provided: set[Fact] = set()
        out: dict[str, list[Fact]] = {}
        for r in self.rules:
            missing = sorted(r.requires - provided, key=lambda f: f.value)
            if missing:
                out[r.name] = missing
            provided |= r.provides
        return out

    def __repr__(self) -> str:
        return f"Pipeline({self.names})"

    # ---- running ---------------------------------------------------------------------------
    def propose(self, doc: Document, *, strict: bool = True,
                failures: list[str] | None = None) -> list[Verdict]:
        """Run every rule in order; each sees the verdicts of the rules before it.

        A rule that raises an ``Exception`` (or gives a verdict for a block the document does not
        have) is a bug in that rule, not in the document: with ``strict`` it raises
        :class:`RuleError` naming the rule; otherwise the rule's verdicts for this document are
        dropped, the other rules run, and a line naming the rule is appended to ``failures`` (the
        Article's ``warnings``), so one broken plugin cannot take down every document.
        """
        verdicts: list[Verdict] = []
        for rule in self.rules:
            if doc.mode not in getattr(rule.options, "modes", (doc.mode,)):
                continue
            try:
                verdicts.extend(_run_rule(rule, doc, Context(verdicts=list(verdicts),
                                                             resolver=self.resolver)))
            except Exception as exc:
                error = RuleError(rule.name, exc)
                if strict:
                    raise error from exc
                if failures is not None:
                    failures.append(f"{error}; the rule was skipped for this document")
        return verdicts

    def run(self, doc: Document) -> tuple[Article, list[Decision]]:
        """Propose and resolve: the Article and one Decision per block."""
        return resolve(doc, self.propose(doc), self.resolver)


class RuleError(RuntimeError):
    """A rule raised while cleaning a document (raised in strict mode; otherwise a warning).

    ``rule`` is the rule's name, ``error`` what it raised.
    """

    def __init__(self, rule: str, error: BaseException) -> None:
        super().__init__(f"rule {rule!r} failed: {type(error).__name__}: {error}")
        self.rule = rule
        self.error = error


class InvalidVerdictError(ValueError):
    """A rule gave a verdict for a block the document does not have."""


def _run_rule(rule: Rule, doc: Document, context: Context) -> list[Verdict]:
    """The rule's verdicts, all or nothing (an exception half-way leaves none of them)."""
    n = len(doc.blocks)
    out = list(rule.apply(doc, context))
    for v in out:
        if not 0 <= v.block < n:
            raise InvalidVerdictError(f"rule {rule.name!r} gave a verdict for block {v.block} "
                                      f"of a {n}-block document")
        if v.establishes is not None and v.establishes not in rule.provides:
            raise InvalidVerdictError(f"rule {rule.name!r} established the fact "
                                      f"{v.establishes.value!r} without declaring it in `provides`")
    return out


def _strength(v: Verdict) -> float:
    return v.confidence


def resolve(doc: Document, verdicts: Sequence[Verdict],
            options: ResolverOptions) -> tuple[Article, list[Decision]]:
    """Turn verdicts into an :class:`Article`; see the module docstring for the policy."""
    by_block: dict[int, list[Verdict]] = {}
    for v in verdicts:
        if v.confidence >= options.min_confidence:
            by_block.setdefault(v.block, []).append(v)

    article = Article(mode=doc.mode)
    facts: dict[str, tuple[float, int, Any, Verdict]] = {}
    decisions: list[Decision] = []

    for order, v in enumerate(verdicts):
        if v.action is Action.META and v.confidence >= options.min_confidence:
            for key, value in v.facts.items():
                if value in (None, "", [], {}):
                    continue
                prev = facts.get(key)
                if prev is None or v.confidence > prev[0]:
                    facts[key] = (v.confidence, order, value, v)

    sure = {v.block for v in verdicts if v.confidence >= options.core_protection and (
        v.action is Action.DROP or (v.action is Action.META and v.kind is not None))}
    core_first, core_last = doc.core_without(sure)

    promoted: dict[int, str] = {}
    for key in PROMOTED_FIELDS:
        if key in facts:
            v = facts[key][3]
            promoted.setdefault(v.block, key)

    protection = options.core_protection
    for block in doc.blocks:
        decision = Decision(block)
        decisions.append(decision)
        index = block.index
        if index in promoted:
            decision.promoted_to = promoted[index]
            continue
        vs = by_block.get(index)
        if vs is None:  # no verdict: the block stays as it is
            text = block.text.strip()
            if text:
                article.paragraphs.append(text)
            continue
        keeps, removers, trims = _sort_out(vs)
        keep = max(keeps) if keeps else 0.0
        in_core = core_first <= index <= core_last
        winner: Verdict | None = None
        for v in sorted(removers, key=_strength, reverse=True) if len(removers) > 1 else removers:
            if v.confidence <= keep or (in_core and v.confidence < protection):
                decision.overruled.append(v)
                continue
            winner = v
            break
        if winner is not None:
            decision.removed_by = winner
            assert winner.kind is not None
            article.removed.append(Removal(block.raw.strip(), winner.kind, winner.rule, winner.reason,
                                           block.start, block.end, winner.confidence))
            continue
        text = block.text
        if trims:
            trims.sort(key=_span)
            decision.trims = trims
            text = _apply_trims(block, trims, article)
        text = text.strip()
        if text:
            article.paragraphs.append(text)

    for key in PROMOTED_FIELDS:
        if key in facts:
            _, _, value, v = facts[key]
            setattr(article, key, str(value))
            b = doc.blocks[v.block]
            article.fields_from[key] = Provenance(v.rule, v.reason, b.start, b.end)
    article.metadata = _metadata(facts)
    return article, decisions


def _span(v: Verdict) -> tuple[int, int]:
    return v.span or (0, 0)


def _sort_out(vs: Sequence[Verdict]) -> tuple[list[float], list[Verdict], list[Verdict]]:
    """One block's verdicts, in one pass: keep confidences, removers (drops and removing metas),
    and trims with a span."""
    keeps: list[float] = []
    removers: list[Verdict] = []
    trims: list[Verdict] = []
    for v in vs:
        action = v.action
        if action is Action.KEEP:
            keeps.append(v.confidence)
        elif action is Action.DROP or (action is Action.META and v.kind is not None):
            removers.append(v)
        elif action is Action.TRIM and v.span:
            trims.append(v)
    return keeps, removers, trims


def _apply_trims(block: Block, trims: Sequence[Verdict], article: Article) -> str:
    text = block.text
    pieces: list[str] = []
    pos = 0
    for v in trims:
        assert v.span is not None and v.kind is not None
        start, end = max(v.span[0], pos), min(v.span[1], len(text))
        if end <= start:
            continue
        pieces.append(text[pos:start])
        piece = text[start:end].strip()
        raw_at = block.raw.find(piece) if piece else -1
        if raw_at >= 0:
            span = (block.start + raw_at, block.start + raw_at + len(piece))
        else:  # repair changed the piece; offsets are the best estimate
            span = (block.start + start, block.start + end)
        article.removed.append(Removal(piece, v.kind, v.rule, v.reason, span[0], span[1],
                                       v.confidence))
        pos = end
    pieces.append(text[pos:])
    return "".join(pieces)


def _metadata(facts: Mapping[str, tuple[float, int, Any, Verdict]]) -> Metadata:
    def get(key: str) -> Any:
        f = facts.get(key)
        return None if f is None else f[2]

    meta = Metadata()
    meta.source = get("source")
    meta.section = get("section")
    meta.published = get("published")
    meta.url = get("url")
    meta.language = get("language")
    meta.description = get("description")
    page_type = get("page_type")
    if page_type is not None:
        meta.page_type = PageType(page_type)
    dl = get("dateline")
    if isinstance(dl, Dateline):
        meta.dateline = dl
    elif isinstance(dl, Mapping):
        meta.dateline = Dateline(dl.get("place"), dl.get("date"), dl.get("agency"))
    authors = get("authors")
    if authors:
        meta.authors = [authors] if isinstance(authors, str) else list(authors)
    cats = get("categories")
    if cats:
        meta.categories = list(cats)
    return meta


def default_pipeline() -> Pipeline:
    """The built-in rules in their default order, with default options."""
    return Pipeline.from_names(registry.DEFAULT_ORDER)
