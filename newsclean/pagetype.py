"""What kind of page an HTML page is: an article, or a forum thread, a listing, a product ...

newsclean's removal rules are written for articles: on a forum thread they cut the posts as chrome,
on a listing the items as a headline list. :func:`detect` reads cheap signals of the parsed page
(what it declares in ``og:type`` and JSON-LD, the shape of its URL, a few counts over its elements:
repeated item blocks, post and comment containers, prices and carts, code blocks, link density)
and a small multinomial logistic model (:file:`data/page_type.json`, trained and validated out of
fold, folds grouped by site, by ``scripts/train_page_type.py``) turns them into a
:class:`PageType` and a probability. No numpy at inference: one dot product per type. A page is
called an article only when that is at least ``article_threshold`` probable (in the model file):
an article handled as a non-article keeps the extractor's text, which costs little, while a forum
thread handled as an article loses posts.

It must not be read as a verdict on quality: a blog post is an ``article``; a company's landing
page with two paragraphs is ``service``. When the model file is missing or broken, every page is
an ``article`` (the behaviour before page types existed).
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # no lxml import for text mode, which reads PageType from the Article only
    from lxml.html import HtmlElement

__all__ = ["FEATURES", "PageType", "PageTypeGuess", "detect", "page_features"]


def _vocab(words: str) -> frozenset[str]:
    """A set of words written as one space-separated string."""
    return frozenset(words.split())


class PageType(str, Enum):
    """The kinds of page told apart (a closed vocabulary; the labels of the WCXB benchmark)."""

    ARTICLE = "article"
    FORUM = "forum"
    LISTING = "listing"
    PRODUCT = "product"
    DOCUMENTATION = "documentation"
    SERVICE = "service"
    COLLECTION = "collection"


@dataclass(frozen=True, slots=True)
class PageTypeGuess:
    """The detected type, its probability under the model, and the probabilities of all types."""

    page_type: PageType
    probability: float
    probabilities: dict[str, float]


_URL_TOKENS: dict[str, frozenset[str]] = {
    "url_forum": _vocab(
        "forum forums thread threads topic topics t questions question viewtopic showthread "
        "community discussion discussions discuss comments board boards r index.php"),
    "url_product": _vocab("product products p dp itm item app gp sku buy"),
    "url_collection": _vocab(
        "c category categories collection collections shop browse l s shopping cat store "
        "department"),
    "url_docs": _vocab(
        "docs doc documentation reference api manual guide guides book learn tutorial tutorials "
        "wiki handbook spec reference"),
    "url_article": _vocab(
        "blog blogs news article articles post posts story stories insights press "
        "opinion magazine"),
    "url_listing": _vocab("tag tags author page search archive archives events"),
    "url_service": _vocab(
        "services service solutions solution pricing about contact features platform "
        "company"),
}
_URL_SPLIT = re.compile(r"[/?&=#]+")
_URL_DATE = re.compile(r"/(?:19|20)\d\d/(?:[01]?\d/)?|\b(?:19|20)\d\d-[01]\d-[0-3]\d\b")

_LD_TYPE = re.compile(r'"@type"\s*:\s*\[?\s*"([A-Za-z]+)"')
_LD_GROUPS: dict[str, frozenset[str]] = {
    "ld_article": _vocab(
        "Article NewsArticle BlogPosting Report OpinionNewsArticle AnalysisNewsArticle "
        "ReportageNewsArticle LiveBlogPosting ScholarlyArticle Recipe"),
    "ld_tech": _vocab("TechArticle APIReference HowTo"),
    "ld_product": _vocab("Product Offer AggregateOffer IndividualProduct ProductGroup"),
    "ld_forum": _vocab(
        "QAPage DiscussionForumPosting Question Answer Comment SocialMediaPosting"),
    "ld_list": _vocab("ItemList CollectionPage SearchResultsPage OfferCatalog"),
    "ld_service": _vocab(
        "Service Organization LocalBusiness ProfessionalService Corporation FAQPage "
        "SoftwareApplication Course EducationalOrganization"),
}

_CLASS_SPLIT = re.compile(r"[\s_\-]+")
_CLASS_GROUPS: dict[str, frozenset[str]] = {
    "cls_post": _vocab(
        "post posts message messages reply replies thread topic answer answers comment comments "
        "vote votes bbcode userinfo postbody forum"),
    "cls_product": _vocab(
        "product price prices cart basket checkout sku add quantity qty buy stock variant "
        "swatch rating"),
    "cls_list": _vocab(
        "card cards grid tile tiles teaser teasers listing list item items feed results "
        "pagination pager"),
    "cls_docs": _vocab(
        "docs doc toc sidebar highlight syntax code api reference sphinx markdown "
        "documentation"),
    "cls_article": _vocab(
        "article byline author entry story headline dateline published meta "
        "content"),
}
_PRICE = re.compile(r"[$€£¥₹]\s?\d")
_PRICE_AFTER = re.compile(r"\d\s?(?:€|EUR|USD|zł|kr)\b")  # slow (tried at each digit): run when
_CURRENCY_AFTER = ("€", "EUR", "USD", "zł", "kr")  # the page has one of these at all
_CART_PHRASES = ("add to cart", "add to bag", "add to basket", "buy now", "in den warenkorb",
                 "ajouter au panier", "out of stock", "in stock")
"""Shop buttons and stock notes, looked for in the lowercased page text (plain ``in``: a regex
with a look-behind took 2.5 ms a page)."""

FEATURES: tuple[str, ...] = (
    *_URL_TOKENS, "url_depth", "url_root", "url_date", "url_slug_words", "url_numeric",
    "og_article", "og_product", "og_website", *_LD_GROUPS, "meta_published", "meta_author",
    *_CLASS_GROUPS, "n_pre", "n_code", "n_article_tags", "n_time", "n_price", "cart",
    "max_siblings", "n_h2h3", "n_li", "n_forms", "n_inputs", "n_img", "n_words", "link_density",
    "p_share", "long_p", "rel_author", "n_tables", "n_buttons",
)
"""The names of :func:`page_features`' values, in the model's order."""


def _log(n: float) -> float:
    return math.log1p(max(n, 0.0))


def _url_features(url: str | None, out: dict[str, float]) -> None:
    """The URL's signals; none without a URL (:func:`standardise` then takes each at the training
    mean: an unknown address says nothing, while an empty path would read as a site's home page)."""
    if not url:
        return
    path = re.sub(r"^[a-z]+://[^/]+", "", url.strip(), flags=re.IGNORECASE)
    parts = [p.lower() for p in _URL_SPLIT.split(path) if p]
    tokens = set(parts)
    for part in parts:
        tokens.update(t for t in re.split(r"[-_.]", part) if t)
    for name, vocab in _URL_TOKENS.items():
        out[name] = float(bool(tokens & vocab))
    segments = [p for p in path.split("?")[0].split("/") if p]
    out["url_depth"] = float(min(len(segments), 8))
    out["url_root"] = float(not segments)
    out["url_date"] = float(bool(_URL_DATE.search(path)))
    out["url_slug_words"] = float(min(max((s.count("-") + s.count("_") + 1 for s in segments),
                                          default=0), 20))
    out["url_numeric"] = float(any(any(c.isdigit() for c in s) and sum(c.isdigit() for c in s) >= 4
                                   for s in segments))


def _meta_features(tree: HtmlElement, out: dict[str, float]) -> None:
    og = ""
    published = author = False
    for meta in tree.iter("meta"):
        kind = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        if kind == "og:type":
            og = (meta.get("content") or "").strip().lower()
        elif kind in {"article:published_time", "datepublished", "pubdate", "publish-date",
                      "parsely-pub-date", "sailthru.date"}:
            published = True
        elif kind in {"author", "article:author", "parsely-author", "sailthru.author"}:
            author = True
    out["og_article"] = float(og == "article" or og.startswith("article"))
    out["og_product"] = float("product" in og)
    out["og_website"] = float(og == "website")
    types: set[str] = set()
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() == "application/ld+json" and script.text:
            types.update(_LD_TYPE.findall(script.text[:200_000]))
            if '"datePublished"' in script.text:
                published = True
    for name, group in _LD_GROUPS.items():
        out[name] = float(bool(types & group))
    out["meta_published"] = float(published)
    out["meta_author"] = float(author)


def page_features(tree: HtmlElement, url: str | None) -> dict[str, float]:
    """The signals :func:`detect` weighs, one float each (counts on a log scale).

    Read-only: ``tree`` is not changed. One pass over the elements plus one over the body text.
    """
    out: dict[str, float] = {}
    _url_features(url, out)
    _meta_features(tree, out)
    elems = [e for e in tree.iter() if isinstance(e.tag, str)]
    tags: Counter[str] = Counter(str(e.tag) for e in elems)
    marks = " ".join([m for e in elems for m in (e.get("class"), e.get("id")) if m])
    classes: Counter[str] = Counter(_CLASS_SPLIT.split(marks.lower()))  # one split, in C
    rel_author = any("author" in (a.get("rel") or "") for a in tree.iter("a"))
    sibling_max = 0
    for elem in elems:
        if len(elem) >= 4:  # the most repeated (tag, class) among an element's children
            shapes = Counter((c.tag, c.get("class")) for c in elem if isinstance(c.tag, str))
            if shapes:
                sibling_max = max(sibling_max, shapes.most_common(1)[0][1])
    for name, vocab in _CLASS_GROUPS.items():
        out[name] = _log(sum(classes[t] for t in vocab))
    out["n_pre"] = _log(tags["pre"])
    out["n_code"] = _log(tags["code"])
    out["n_article_tags"] = _log(tags["article"])
    out["n_time"] = _log(tags["time"])
    out["max_siblings"] = _log(sibling_max)
    out["n_h2h3"] = _log(tags["h2"] + tags["h3"])
    out["n_li"] = _log(tags["li"])
    out["n_forms"] = _log(tags["form"])
    out["n_inputs"] = _log(tags["input"] + tags["select"])
    out["n_img"] = _log(tags["img"])
    out["n_tables"] = _log(tags["table"])
    out["n_buttons"] = _log(tags["button"])
    out["rel_author"] = float(rel_author)
    body = tree.find(".//body")
    root = body if body is not None else tree
    text = root.text_content() if root is not None else ""
    # whitespace-separated words: str.split runs in C, a \w+ regex per element took 3 ms a page
    words = len(text.split())
    link_words = sum(len(a.text_content().split()) for a in root.iter("a"))
    p_words = 0
    long_p = 0
    for p in root.iter("p"):
        n = len(p.text_content().split())
        p_words += n
        long_p += n >= 40
    out["n_words"] = _log(words)
    out["link_density"] = link_words / words if words else 0.0
    out["p_share"] = min(p_words / words, 1.0) if words else 0.0
    out["long_p"] = _log(long_p)
    prices = len(_PRICE.findall(text))
    if any(c in text for c in _CURRENCY_AFTER):
        prices += len(_PRICE_AFTER.findall(text))
    out["n_price"] = _log(prices)
    low = text.lower()
    out["cart"] = float(any(phrase in low for phrase in _CART_PHRASES))
    return out


@lru_cache(maxsize=1)
def _model() -> dict[str, Any] | None:
    try:
        data = json.loads(resources.files("newsclean.data").joinpath("page_type.json").read_text(
            encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or list(data.get("features", [])) != list(FEATURES):
        return None  # trained on other features: unusable, every page stays an article
    return data


def standardise(features: dict[str, float], names: Sequence[str], mean: Sequence[float],
                scale: Sequence[float]) -> list[float]:
    """The features named ``names``, in that order, centred and scaled as the model was trained; a
    feature missing from ``features`` (the URL's, when there is none) is taken at its mean."""
    return [(features.get(f, m) - m) / s for f, m, s in zip(names, mean, scale, strict=True)]


def softmax(x: Sequence[float], classes: Sequence[str], weights: Sequence[Sequence[float]],
            bias: Sequence[float]) -> dict[str, float]:
    """A multinomial logistic model's probability of each class for the standardised row ``x``."""
    scores = {label: b + sum(w * v for w, v in zip(row, x, strict=True))
              for label, row, b in zip(classes, weights, bias, strict=True)}
    top = max(scores.values())
    exp = {k: math.exp(v - top) for k, v in scores.items()}
    total = sum(exp.values())
    return {k: v / total for k, v in exp.items()}


def classify(features: dict[str, float]) -> PageTypeGuess:
    """The most probable type under the shipped model (``article`` with probability 1 without one)."""
    model = _model()
    if model is None:
        return PageTypeGuess(PageType.ARTICLE, 1.0, {PageType.ARTICLE.value: 1.0})
    x = standardise(features, FEATURES, model["mean"], model["scale"])
    probs = softmax(x, model["classes"], model["weights"], model["bias"])
    best = max(probs, key=lambda k: probs[k])
    article = PageType.ARTICLE.value
    if best == article and probs[best] < float(model.get("article_threshold", 0.0)):
        # unsure: a non-article cleaned as an article loses text, the reverse costs little
        best = max((k for k in probs if k != article), key=lambda k: probs[k])
    return PageTypeGuess(PageType(best), probs[best], probs)


def detect(tree: HtmlElement, url: str | None) -> PageTypeGuess:
    """The page type of a parsed page (see the module docstring)."""
    return classify(page_features(tree, url))
