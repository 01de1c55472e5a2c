"""The ``site_profile`` rule: drops a site's recurring lines with the evidence as the reason, leaves
allow-listed lines, other sites and pages without a URL alone, and defers to surer earlier rules."""

from __future__ import annotations

import pickle
import re
from pathlib import Path

import pytest
import sitepages

import newsclean
from newsclean import Action, Context, Kind, Pipeline, Profiles, default_pipeline
from newsclean.ingest.segment import segment
from newsclean.profiles import Recurring, SiteProfile, with_profiles
from newsclean.rules import registry
from newsclean.rules.site_profile import SiteProfileRule

PROMO = "The Example Times has been owned by its readers since 1901 and answers to no one else."
BODY = [
    "The city council voted on Tuesday to expand the harbour, a project that has divided residents for more "
    "than a decade and that officials say will create hundreds of jobs.",
    "Supporters of the plan argue that the port has been losing traffic to its neighbours and that the "
    "expansion is the only way to keep the shipping companies in town.",
    "Opponents said the new quay would destroy one of the last wetlands on the coast.",
]
DISCLAIMER = "This article is for information only and is not investment advice."


def _profiles(*lines: tuple[str, int], pages: int = 1240, site: str = "example.com",
              allow: tuple[str, ...] = ()) -> Profiles:
    recs = tuple(Recurring(newsclean.profiles.normalize(t), t, n, n / pages) for t, n in lines)
    return Profiles((SiteProfile(site, pages, recs, allow),))


PROFILES = _profiles((PROMO, 1079), (DISCLAIMER, 1200), ("Example Times", 1240))
TEXT = "\n\n".join(["Example Times", BODY[0], PROMO, BODY[1], BODY[2], DISCLAIMER])
URL = "https://www.example.com/news/1"


def _verdicts(text: str = TEXT, url: str | None = URL, context: Context | None = None,
              **options: object) -> list[newsclean.Verdict]:
    rule = SiteProfileRule(profiles=PROFILES, **options)
    return list(rule.apply(segment(text, url=url), context or Context()))


def test_drops_recurring_lines_with_the_evidence_as_reason() -> None:
    verdicts = _verdicts()
    assert [v.block for v in verdicts] == [0, 2, 5]
    assert all(v.action is Action.DROP and v.kind is Kind.SITE_CHROME for v in verdicts)
    assert verdicts[1].reason == "appears on 87% of 1,240 pages of example.com"
    assert verdicts[2].reason == "appears on 96% of 1,240 pages of example.com"
    assert verdicts[0].reason == "appears on 100% of 1,240 pages of example.com"
    assert all(v.confidence == 0.9 and v.rule == "site_profile" for v in verdicts)


def test_share_in_the_reason_is_floored() -> None:
    rule = SiteProfileRule(profiles=_profiles((PROMO, 1239)))
    (v,) = rule.apply(segment(PROMO, url=URL), Context())
    assert v.reason == "appears on 99% of 1,240 pages of example.com"


def test_lines_match_by_key_digits_case_spacing() -> None:
    shouting = "THE EXAMPLE TIMES  has been owned by its readers since 1899, and answers to no one else!"
    text = "\n\n".join([BODY[0], shouting])
    assert [v.block for v in _verdicts(text)] == [1]


@pytest.mark.parametrize("url", [None, "https://other.org/news/1", "https://example.com.evil.org/x"])
def test_other_sites_and_pages_without_url_are_left_alone(url: str | None) -> None:
    assert _verdicts(url=url) == []


def test_subdomains_are_other_sites() -> None:
    assert _verdicts(url="https://blog.example.com/1") == []


def test_url_from_the_html_metadata() -> None:
    doc = segment(TEXT, url=None)
    doc.hints = {"url": URL}
    assert len(list(SiteProfileRule(profiles=PROFILES).apply(doc, Context()))) == 3


def test_hard_negatives_body_sentences_that_mention_the_chrome() -> None:
    text = "\n\n".join([*BODY, "The Example Times has been owned by its readers since 1901, the paper said.",
                        "Example Times staff voted to strike."])
    assert _verdicts(text) == []


@pytest.mark.parametrize("allow", [
    (DISCLAIMER,),
    ("THIS ARTICLE is for information only, and is not investment advice",),
    ("re:not investment advice",),
    (re.compile(r"investment ADVICE", re.IGNORECASE),),
])
def test_allow_option(allow: tuple[object, ...]) -> None:
    assert [v.block for v in _verdicts(allow=allow)] == [0, 2]


def test_allow_in_the_profile_per_site_and_everywhere() -> None:
    per_site = _profiles((PROMO, 1079), (DISCLAIMER, 1200), allow=("re:investment advice",))
    rule = SiteProfileRule(profiles=per_site)
    assert [v.block for v in rule.apply(segment(TEXT, url=URL), Context())] == [2]
    everywhere = _profiles((PROMO, 1079), (DISCLAIMER, 1200)).with_allow(DISCLAIMER)
    rule = SiteProfileRule(profiles=everywhere)
    assert [v.block for v in rule.apply(segment(TEXT, url=URL), Context())] == [2]


def test_a_bad_allow_pattern_fails_when_the_rule_is_built() -> None:
    with pytest.raises(Exception, match=r"(?i)missing|unterminated|bad"):
        SiteProfileRule(profiles=PROFILES, allow=("re:([",))


def test_defers_to_surer_earlier_rules_but_not_weaker_ones() -> None:
    sure = newsclean.Verdict(2, Action.DROP, "promo", "promo line", Kind.SITE_CHROME, 0.95)
    weak = newsclean.Verdict(5, Action.DROP, "boilerplate", "not prose", Kind.SITE_CHROME, 0.6)
    assert [v.block for v in _verdicts(context=Context(verdicts=[sure, weak]))] == [0, 5]


def test_no_profiles_or_empty_profiles() -> None:
    assert list(SiteProfileRule().apply(segment(TEXT, url=URL), Context())) == []
    assert list(SiteProfileRule(profiles=Profiles()).apply(segment(TEXT, url=URL), Context())) == []


def test_through_clean_a_promo_inside_the_story_goes_and_the_story_stays() -> None:
    article = newsclean.clean(TEXT, url=URL, profiles=PROFILES)
    assert article.paragraphs == BODY
    by_rule = {r.text: r.rule for r in article.removed}
    assert by_rule[PROMO] == "site_profile"
    without = newsclean.clean(TEXT, url=URL)
    assert PROMO in without.paragraphs  # no single-page rule catches it


def test_clean_text_clean_html_trace_take_profiles() -> None:
    pg = sitepages.page(3)
    profiles = newsclean.learn_profile(sitepages.documents(6, start=10))
    assert newsclean.clean_text(pg.text, url=pg.url, profiles=profiles).paragraphs == pg.body
    assert newsclean.clean_html(pg.html, url=pg.url, profiles=profiles).paragraphs == pg.body
    tr = newsclean.trace(pg.text, url=pg.url, profiles=profiles)
    assert any(v.rule == "site_profile" for v in tr.verdicts)


# ---- registration and pipeline -----------------------------------------------------------------------
def test_registered_but_not_in_the_default_order() -> None:
    assert registry.get("site_profile") is SiteProfileRule
    assert "site_profile" not in registry.DEFAULT_ORDER
    assert "site_profile" not in default_pipeline().names


def test_with_profiles_goes_before_duplicate_or_last_and_replaces_its_profiles() -> None:
    names = with_profiles(None, PROFILES).names
    assert names.index("site_profile") == names.index("duplicate") - 1
    short = Pipeline.from_names(["site_chrome", "title"])
    assert with_profiles(short, PROFILES).names == ["site_chrome", "title", "site_profile"]
    twice = with_profiles(with_profiles(None, PROFILES), Profiles())
    assert twice.names.count("site_profile") == 1
    rule = twice.rules[twice.names.index("site_profile")]
    assert rule.options.profiles == Profiles()  # type: ignore[attr-defined]


def test_options_are_frozen_hashable_and_picklable() -> None:
    rule = SiteProfileRule(profiles=PROFILES, allow=["re:^zzz"])
    assert rule.options.allow == ("re:^zzz",)
    hash(rule.options)
    copy = pickle.loads(pickle.dumps(rule))
    assert copy.options == rule.options
    assert [v.block for v in copy.apply(segment(TEXT, url=URL), Context())] == [0, 2, 5]
    pipe = default_pipeline().with_rule(rule, before="duplicate").with_options("site_profile", confidence=0.8)
    assert pipe.rules[pipe.names.index("site_profile")].options.confidence == 0.8  # type: ignore[attr-defined]


def test_toml_config_loads_a_profiles_file(tmp_path: Path) -> None:
    path = tmp_path / "profiles.json"
    PROFILES.save(path)
    config = tmp_path / "pipeline.toml"
    order = [*registry.DEFAULT_ORDER[:-1], "site_profile", registry.DEFAULT_ORDER[-1]]
    config.write_text(f"[pipeline]\nrules = {order!r}\n[rules.site_profile]\nprofiles = {str(path)!r}\n"
                      "allow = ['re:investment advice']\n", encoding="utf-8")
    pipe = Pipeline.from_toml(config)
    article = newsclean.clean(TEXT, url=URL, pipeline=pipe)
    assert article.paragraphs == [*BODY, DISCLAIMER]


def test_profiles_option_must_be_profiles_or_a_path() -> None:
    with pytest.raises(TypeError, match="profiles must be"):
        SiteProfileRule(profiles={"example.com": []})
