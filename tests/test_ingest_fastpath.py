"""newsclean.ingest.fastpath gives exactly ``trafilatura.extract``'s text for the options it takes."""

from __future__ import annotations

import gzip
import os
from copy import copy
from pathlib import Path

import newspages as npg
import pytest
import trafilatura
from hypothesis import HealthCheck, given, settings
from lxml import etree

from newsclean.ingest import fastpath, html_tree
from newsclean.ingest import html as H

pytestmark = pytest.mark.skipif(not fastpath.AVAILABLE, reason="trafilatura version not followed")

STORY = "".join(
    f"<p>Paragraph {i} of the story says what the council decided on the budget for schools "
    f"and roads, and what the opponents said after the vote on Tuesday evening.</p>"
    for i in range(12)
)
CHROME = "".join(f'<li><a href="/s{i}">Section number {i} of the site menu</a></li>' for i in range(300))
PRUNED = (
    '<div class="infinite-scroll">a<h1>kept: holds the h1</h1></div>x'
    '<div id="infinitescroll">b</div>y<section class="mvp-post-add-box">c<h1>h</h1></section>z'
    '<aside class="x elementor-share-buttons">d</aside>w<div class="elementor-share-buttons-2">'
    '<div id="comments">e</div>v</div>u<div id="commentary">kept</div><ol id="dsq-comments">kept'
    '</ol><ol id="comment-list">f</ol><ul class="post-comments">g</ul><details class="Comment">'
    'h</details><list class="comments">i</list><div id="disqus_thread">j</div>'
    '<div class="infinite-scroll"><div class="comments">k<div class="elementor-share-buttons">l'
    '</div></div>m</div>n<span class="comments">kept</span><div id="" class="">kept</div>'
)
PAGES = {
    "article": f"<html><body><nav><ul>{CHROME[:2000]}</ul></nav><article><h1>Budget</h1>{STORY}"
               "</article></body></html>",
    # a short article in a long page: trafilatura's recall escalation measures the page text
    "short-in-long-page": f"<html><body><div><ul>{CHROME}</ul></div><article><h1>Budget</h1>"
                          f"{STORY[:600]}</article><div><ul>{CHROME}</ul></div></body></html>",
    # too short for the main extractor: the baseline rescue
    "baseline": "<html><body><div>Short text in a div.</div><article><p>Tiny.</p></article>"
                "</body></html>",
    "comments": f'<html><body><article>{STORY}</article><div id="comments"><p>{STORY[:300]}</p>'
                "</div></body></html>",
    "forum": '<html><head><script type="application/ld+json">{"@type": "DiscussionForumPosting"}'
             f'</script></head><body><div class="comment-list">{STORY}</div></body></html>',
    "infinite-scroll": f'<html><body><article><h1>A</h1>{STORY}</article><div class="infinite-scroll">'
                       f"{STORY}</div></body></html>",
    "pruned": f"<html><body><article>{STORY}{PRUNED}</article>{PRUNED}</body></html>",
    "nothing": '<html><body><div id="comments"><p>Only a comment here.</p></div></body></html>',
    "no-body": "<html><p>x</p><p>y</p></html>",
    "control-chars": f"<html><body><div>a\x0bb</div><section>c\x01d</section>{STORY[:400]}"
                     "</body></html>",
}
OPTIONS = {
    "balanced": {"fast": True},
    "precision": {"fast": True, "favor_precision": True},
    "recall": {"fast": True, "favor_recall": True},
    "no-tables": {"fast": True, "include_tables": False},
}


def _both(html: str, options: H.HtmlOptions, url: str | None = None) -> tuple[str, str]:
    tree = html_tree.parse(html)
    assert tree is not None
    html_tree.strip_inert(tree)
    html_tree.strip_empty(tree)
    extractor = H._extractor(options, url)
    assert fastpath.applies(extractor)
    before = etree.tostring(tree)
    expected = trafilatura.extract(tree, options=H._extractor(options, url)) or ""
    assert etree.tostring(tree) == before  # trafilatura.extract left the tree alone
    return fastpath.extract(copy(tree), extractor) or "", expected


@pytest.mark.parametrize("name", list(PAGES))
@pytest.mark.parametrize("opts", list(OPTIONS))
def test_same_text_as_trafilatura(name: str, opts: str) -> None:
    got, expected = _both(PAGES[name], H.HtmlOptions(**OPTIONS[opts]), url="https://example.com/a")
    assert got == expected


def test_options_it_does_not_take() -> None:
    assert not fastpath.applies(H._extractor(H.HtmlOptions(fast=False), None))
    assert not fastpath.applies(H._extractor(H.HtmlOptions(fast=True, include_comments=True), None))
    assert not fastpath.applies(H._extractor(H.HtmlOptions(fast=True), None, recall=True))


@pytest.mark.parametrize("comments", [True, False])
def test_raw_tree_pruning_deletes_what_trafilatura_deletes(comments: bool) -> None:
    from trafilatura.htmlprocessing import prune_unwanted_nodes
    from trafilatura.xpaths import RAW_TREE_PRUNE_XPATH, REMOVE_COMMENTS_AND_LISTS_XPATH

    assert fastpath._PYTHON_PRUNING
    html = f"<html><body><p>a</p>{PRUNED}<div>{PRUNED}</div>t</body></html>"
    ours, theirs = html_tree.parse(html), html_tree.parse(html)
    assert ours is not None and theirs is not None
    fastpath._prune_raw_tree(ours, comments=comments)
    prune_unwanted_nodes(theirs, RAW_TREE_PRUNE_XPATH)
    if comments:
        prune_unwanted_nodes(theirs, REMOVE_COMMENTS_AND_LISTS_XPATH)
    assert etree.tostring(ours) == etree.tostring(theirs)
    assert etree.tostring(ours) != etree.tostring(html_tree.parse(html))


def test_page_text_bound_bounds_html2txt() -> None:
    from trafilatura.baseline import html2txt

    for html in PAGES.values():
        tree = html_tree.parse(html)
        assert tree is not None
        assert len(html2txt(tree)) <= fastpath._page_text_bound(tree)


@settings(max_examples=25, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow])
@given(npg.news_page())
def test_generated_pages(parts: list[npg.Part]) -> None:
    got, expected = _both(npg.as_html(parts), H.HtmlOptions(fast=True))
    assert got == expected


def _bench() -> Path:
    env = os.environ.get("NEWSCLEAN_BENCH")
    return Path(env) if env else Path(__file__).resolve().parents[1].parent / "shared/bench/aeb-dev"


@pytest.mark.skipif(not (_bench() / "html").is_dir(), reason="aeb-dev benchmark folder not found")
def test_benchmark_pages() -> None:
    for path in sorted((_bench() / "html").glob("*.html.gz"))[:40]:
        html = gzip.decompress(path.read_bytes()).decode("utf-8", "replace")
        got, expected = _both(html, H.HtmlOptions(fast=True))
        assert got == expected, path.name
