"""Page-type detection: the signals read from a page, the shipped model, and its fallbacks."""

from __future__ import annotations

import json
import re

import pytest
from lxml.html import fromstring

from newsclean import pagetype
from newsclean.pagetype import FEATURES, PageType, classify, detect, page_features

ARTICLE_TEXT = " ".join(
    ["The council voted on Tuesday to expand the harbour, a project that has divided residents "
     "for more than a decade and that officials say will create hundreds of jobs."] * 3)


def article_page() -> str:
    ld = json.dumps({"@context": "https://schema.org", "@type": "NewsArticle",
                     "headline": "Council backs harbour", "datePublished": "2024-03-03",
                     "author": {"@type": "Person", "name": "Jane Doe"}})
    paras = "".join(f"<p>{ARTICLE_TEXT}</p>" for _ in range(6))
    return ("<html><head><meta property='og:type' content='article'>"
            "<meta property='article:published_time' content='2024-03-03'>"
            f"<script type='application/ld+json'>{ld}</script></head><body><article>"
            "<h1>Council backs harbour</h1><p class='byline'>By Jane Doe</p>"
            f"{paras}</article></body></html>")


def forum_page() -> str:
    ld = json.dumps({"@context": "https://schema.org", "@type": "DiscussionForumPosting",
                     "headline": "Which keyboard?"})
    posts = "".join(
        f"<div class='message post'><div class='userinfo'><a href='/u/{i}'>user{i}</a></div>"
        f"<div class='postbody bbcode'>I would go for the second one, it has hot swap. {i}</div>"
        f"<a class='reply'>Reply</a></div>" for i in range(12))
    return (f"<html><head><script type='application/ld+json'>{ld}</script></head><body>"
            f"<h1>Which keyboard?</h1><div class='thread'>{posts}</div></body></html>")


def product_page() -> str:
    ld = json.dumps({"@context": "https://schema.org", "@type": "Product", "name": "Desk",
                     "offers": {"@type": "Offer", "price": "499.00"}})
    return ("<html><head><meta property='og:type' content='product'>"
            f"<script type='application/ld+json'>{ld}</script></head><body><h1>Standing desk</h1>"
            "<div class='product-price price'>$499.00</div><select name='size'></select>"
            "<button class='add-to-cart'>Add to cart</button><p>Solid oak top, two motors.</p>"
            "<div class='rating'>4.8</div><input name='qty'></body></html>")


def tree(html: str):  # type: ignore[no-untyped-def]
    return fromstring(html)


def test_the_vocabulary_is_closed_and_matches_the_benchmark_labels() -> None:
    assert {t.value for t in PageType} == {"article", "forum", "listing", "product",
                                           "documentation", "service", "collection"}
    assert PageType("forum") is PageType.FORUM
    with pytest.raises(ValueError):
        PageType("blog")


def test_features_are_all_there_and_finite() -> None:
    feats = page_features(tree(article_page()), "https://news.example.com/2024/03/03/council-backs-harbour")
    assert list(feats) == list(FEATURES) or set(feats) == set(FEATURES)
    assert all(isinstance(v, float) for v in feats.values())
    assert feats["ld_article"] == 1.0 and feats["og_article"] == 1.0
    assert feats["url_date"] == 1.0 and feats["url_article"] == 0.0
    assert feats["ld_product"] == 0.0 and feats["cart"] == 0.0


def test_features_read_forum_and_shop_signals() -> None:
    forum = page_features(tree(forum_page()), "https://forum.example.com/threads/which-keyboard.123/")
    assert forum["url_forum"] == 1.0 and forum["ld_forum"] == 1.0
    assert forum["cls_post"] > 2 and forum["max_siblings"] > 2
    shop = page_features(tree(product_page()), "https://shop.example.com/products/desk")
    assert shop["url_product"] == 1.0 and shop["ld_product"] == 1.0 and shop["og_product"] == 1.0
    assert shop["cart"] == 1.0 and shop["n_price"] > 0


def test_url_words_must_be_whole_path_words() -> None:
    # "products" inside a longer slug word is no shop URL; "/news/" is a news section
    feats = page_features(tree("<html><body><p>x</p></body></html>"),
                          "https://example.com/news/byproductsofwar")
    assert feats["url_product"] == 0.0 and feats["url_article"] == 1.0


@pytest.mark.parametrize(("html", "url", "expected"), [
    (article_page(), "https://news.example.com/2024/03/03/council-backs-harbour", PageType.ARTICLE),
    (forum_page(), "https://forum.example.com/threads/which-keyboard.123/", PageType.FORUM),
    (product_page(), "https://shop.example.com/products/standing-desk", PageType.PRODUCT),
])
def test_clear_pages_get_their_type(html: str, url: str, expected: PageType) -> None:
    guess = detect(tree(html), url)
    assert guess.page_type is expected
    assert guess.probability == max(guess.probabilities.values())
    assert abs(sum(guess.probabilities.values()) - 1) < 1e-9


def test_an_article_that_mentions_a_price_stays_an_article() -> None:
    html = article_page().replace("</article>", "<p>Tickets cost $12 at the door.</p></article>")
    guess = detect(tree(html), "https://news.example.com/2024/03/03/council-backs-harbour")
    assert guess.page_type is PageType.ARTICLE


def test_without_a_usable_model_every_page_is_an_article(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pagetype, "_model", lambda: None)
    guess = detect(tree(forum_page()), "https://forum.example.com/threads/which-keyboard.123/")
    assert guess.page_type is PageType.ARTICLE and guess.probability == 1.0


def test_the_shipped_model_matches_the_feature_list() -> None:
    pagetype._model.cache_clear()
    model = pagetype._model()
    assert model is not None
    assert model["features"] == list(FEATURES)
    assert model["classes"] == [t.value for t in PageType]
    assert len(model["weights"]) == len(model["classes"])
    assert all(len(row) == len(FEATURES) for row in model["weights"])


def test_classify_uses_the_features_not_the_order_they_come_in() -> None:
    feats = page_features(tree(forum_page()), "https://forum.example.com/threads/x.1/")
    shuffled = dict(reversed(list(feats.items())))
    assert classify(shuffled) == classify(feats)


def test_without_a_url_the_address_says_nothing() -> None:
    """No URL (``clean_html(html)`` on a page without a canonical link) leaves the URL's signals out,
    taken at the training mean, instead of reading an empty path as a site's home page: a news page
    that declares no ``og:type`` or JSON-LD was typed a forum thread so (and, on wcxb-dev, 622 of
    711 articles something else), and lost every removal."""
    bare = re.sub(r"<meta[^>]*og:type[^>]*>", "", article_page())
    bare = re.sub(r'<script type="application/ld\+json">.*?</script>', "", bare, flags=re.S)
    assert not any(name.startswith("url_") for name in page_features(tree(bare), None))
    assert page_features(tree(bare), "https://news.example.com/")["url_root"] == 1.0
    with_url = detect(tree(bare), "https://news.example.com/2024/03/03/council-backs-harbour")
    assert with_url.page_type is PageType.ARTICLE
    assert detect(tree(bare), None).page_type is PageType.ARTICLE
