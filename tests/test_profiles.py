"""Site profiles: the key, the site, learning thresholds, the JSON file, the CLI and batch paths."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import sitepages

import newsclean
from newsclean import Profiles, learn_profile
from newsclean.batch import Record, process
from newsclean.cli import main
from newsclean.learn import Counts, count_records, records_of
from newsclean.profiles import LearnOptions, Recurring, SiteProfile, normalize, site_of


# ---- key and site ----------------------------------------------------------------------------------
@pytest.mark.parametrize(("a", "b"), [
    ("© 2019 Example Media. All rights reserved.", "© 2020 Example Media - all rights reserved"),
    ("Updated: Tuesday, March 3, 2020 10:45 am", "Updated: Fri, 12 June 2021 9:02 p.m."),
    ("Subscribe  to  THE   Example", "subscribe to the example!"),
    ("Straße", "STRASSE"),
])
def test_normalize_matches_lines_that_differ_in_digits_dates_case_and_spacing(a: str, b: str) -> None:
    assert normalize(a) == normalize(b)


@pytest.mark.parametrize(("a", "b"), [
    ("Subscribe to The Example", "Subscribe to The Sample"),
    ("Share on Facebook", "Share on Twitter"),
])
def test_normalize_keeps_different_words_apart(a: str, b: str) -> None:
    assert normalize(a) != normalize(b)


def test_normalize_strips_to_letters() -> None:
    assert normalize("12 May 2020, 10:45") == ""
    assert normalize("© 2019 Example Media.") == "example media"


@pytest.mark.parametrize(("url", "site"), [
    ("https://www.example.com/a/b?c=1", "example.com"),
    ("http://News.Example.com:8080/x", "news.example.com"),
    ("https://example.com./x", "example.com"),
    ("https://www2.example.com/", "www2.example.com"),
    ("not a url", None),
    ("", None),
    (None, None),
])
def test_site_of(url: str | None, site: str | None) -> None:
    assert site_of(url) == site


# ---- learning --------------------------------------------------------------------------------------
def _lines(profiles: Profiles, site: str = "example.com") -> dict[str, Recurring]:
    profile = profiles.get(site)
    assert profile is not None
    return {r.text: r for r in profile.lines}


def test_learn_finds_the_recurring_chrome_and_no_body_text() -> None:
    profiles = learn_profile(sitepages.documents(8))
    lines = _lines(profiles)
    assert set(lines) >= {sitepages.PROMO, sitepages.ABOUT, "The Example Times"}
    assert any(t.startswith("© ") and "Example Times Media" in t for t in lines)  # years differ per page
    bodies = {p for i in range(8) for p in sitepages.page(i).body}
    assert not set(lines) & bodies
    profile = profiles.get("example.com")
    assert profile is not None and profile.pages == 8
    promo = lines[sitepages.PROMO]
    assert (promo.pages, promo.share, promo.position) == (8, 1.0, "middle")
    assert lines["The Example Times"].position == "top"
    assert lines[sitepages.ABOUT].position == "bottom"


def test_learn_from_html_counts_the_extracted_blocks() -> None:
    """Header and footer chrome never reach the extracted text, so they are not in the profile; the
    promo and about-us paragraphs inside the article are."""
    lines = _lines(learn_profile(sitepages.documents(8, field="html")))
    assert set(lines) == {sitepages.PROMO, sitepages.ABOUT}


def test_min_pages_sites_with_few_pages_get_no_profile() -> None:
    docs = sitepages.documents(4) + sitepages.documents(5, site="other.org")
    profiles = learn_profile(docs)
    assert "example.com" not in profiles and "other.org" in profiles
    assert dict(profiles.stats)["sites_seen"] == 2
    assert "example.com" in learn_profile(docs, min_pages=4)


def test_min_share() -> None:
    docs = [{"url": p.url, "text": p.text} for i in range(10)
            for p in [sitepages.page(i, promo=i < 4)]]
    assert sitepages.PROMO not in _lines(learn_profile(docs))  # on 4 of 10 pages
    assert _lines(learn_profile(docs, min_share=0.4))[sitepages.PROMO].share == 0.4


def test_min_share_rounding_five_pages() -> None:
    docs = [{"url": p.url, "text": p.text} for i in range(5) for p in [sitepages.page(i, promo=i < 3)]]
    assert _lines(learn_profile(docs))[sitepages.PROMO].pages == 3  # 3 of 5 >= 50%
    docs = [{"url": p.url, "text": p.text} for i in range(5) for p in [sitepages.page(i, promo=i < 2)]]
    assert sitepages.PROMO not in _lines(learn_profile(docs))


def test_min_letters_keeps_bare_dates_and_numbers_out() -> None:
    docs = [{"url": f"https://example.com/{i}", "text": f"{i + 1} May 2020\n\n{i * 37}\n\nAP\n\n"
             + "\n\n".join(sitepages.body(i))} for i in range(6)]
    profile = learn_profile(docs).get("example.com")
    assert profile is not None and profile.lines == ()


def test_min_distinct_copies_of_one_story_do_not_recur() -> None:
    """Three copies of one article among five pages (syndication, URL variants) put its paragraphs on
    60% of the pages; they must not become site chrome."""
    docs = [{"url": f"https://www.example.com/copy/{i}", "text": sitepages.page(i, body_seed=1).text}
            for i in range(3)]
    docs += sitepages.documents(2, start=10)
    lines = _lines(learn_profile(docs))
    body = set(sitepages.body(1))
    assert not set(lines) & body
    assert sitepages.PROMO in lines  # the template lines still recur over 3+ distinct stories
    assert set(_lines(learn_profile(docs, min_distinct=1))) & body  # the guard is what keeps them out


def test_min_distinct_when_a_chrome_paragraph_is_the_longest_line_of_every_page() -> None:
    """Short articles under a long about-us paragraph: the pages still tell different stories."""
    about = " ".join([sitepages.ABOUT] * 3)
    docs = [{"url": f"https://example.com/{i}", "text": "\n\n".join(
        ["The Example Times", sitepages.body(i, 2)[0][:150], sitepages.PROMO, about])} for i in range(6)]
    assert set(_lines(learn_profile(docs))) == {"The Example Times", sitepages.PROMO, about}


def test_documents_without_url_or_failing_are_counted_not_learned() -> None:
    docs = [*sitepages.documents(5), {"text": "no url here"}, {"url": "https://example.com/x"},
            {"url": "https://example.com/y", "text": 42}]
    stats = dict(learn_profile(docs).stats)  # type: ignore[arg-type]
    assert stats == {"documents": 8, "failed": 2, "without_site": 1, "sites_seen": 1}


def test_url_from_html_metadata_when_no_url_given() -> None:
    pages = [sitepages.page(i) for i in range(6)]
    docs = [{"html": p.html.replace("<head>", f'<head><link rel="canonical" href="{p.url}">')}
            for p in pages]
    assert "example.com" in learn_profile(docs)


def test_counts_merge_like_one_pass() -> None:
    docs = sitepages.documents(7) + sitepages.documents(6, site="other.org")
    options = LearnOptions()
    whole = count_records(records_of(docs), options).profiles()
    parts = [count_records(records_of(docs[i:i + 3]), options) for i in range(0, len(docs), 3)]
    tree = parts[0].merge(parts[1]).merge(parts[2].merge(parts[3]).merge(parts[4]))
    assert tree.profiles() == whole
    assert Counts(options).merge(count_records(records_of(docs), options)).profiles() == whole


def test_learn_with_workers_gives_the_same_profiles() -> None:
    docs = sitepages.documents(6)
    assert learn_profile(docs, workers=2) == learn_profile(docs)


def test_learn_options_are_checked() -> None:
    with pytest.raises(ValueError, match="min_share"):
        learn_profile([], min_share=0)
    with pytest.raises(ValueError, match="min_pages"):
        LearnOptions(min_pages=0)


# ---- the JSON file ---------------------------------------------------------------------------------
def test_save_load_round_trip_and_the_file_reads_well(tmp_path: Path) -> None:
    profiles = learn_profile(sitepages.documents(6), allow=["re:^Contact us"])
    path = tmp_path / "profiles.json"
    profiles.save(path)
    assert Profiles.load(path) == profiles
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["format"] == "newsclean-profiles/1"
    assert data["learned_with"] == {"min_pages": 5, "min_share": 0.5, "min_letters": 3, "min_distinct": 3}
    assert data["allow"] == ["re:^Contact us"]
    line = data["sites"]["example.com"]["lines"][0]
    assert set(line) == {"text", "key", "pages", "share", "position"}
    assert "©" in path.read_text(encoding="utf-8")  # non-ASCII kept readable


def test_a_hand_written_file_needs_only_text_and_pages(tmp_path: Path) -> None:
    path = tmp_path / "p.json"
    path.write_text(json.dumps({"sites": {"example.com": {"pages": 10, "allow": ["Legal notice"], "lines": [
        {"text": "Subscribe to The Example", "pages": 9}]}}}), encoding="utf-8")
    profile = Profiles.load(path).get("example.com")
    assert profile is not None
    assert profile.lines[0].key == "subscribe to the example"
    assert profile.lines[0].share == 0.9
    assert profile.allow == ("Legal notice",)


@pytest.mark.parametrize("content", ['{"sites": []}', "[1, 2]", '{"format": "other/9", "sites": {}}',
                                     '{"sites": {"a.com": {"lines": []}}}', "not json"])
def test_load_rejects_other_files_with_the_path(tmp_path: Path, content: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ValueError, match=r"bad\.json"):
        Profiles.load(path)


def test_with_allow_per_site_and_everywhere() -> None:
    profiles = Profiles((SiteProfile("example.com", 5, (Recurring("a b c", "A b c", 5, 1.0),)),))
    assert profiles.with_allow("x", site="example.com").get("example.com").allow == ("x",)  # type: ignore[union-attr]
    assert profiles.with_allow("y").allow == ("y",)
    with pytest.raises(KeyError, match=r"example\.com"):
        profiles.with_allow("x", site="nope.org")


def test_profiles_are_hashable_and_repr_is_short() -> None:
    profiles = learn_profile(sitepages.documents(5))
    hash(profiles)
    assert repr(profiles) == "Profiles(1 sites, 5 recurring lines)"


# ---- batch and CLI ---------------------------------------------------------------------------------
def test_batch_workers_get_the_profiles() -> None:
    profiles = learn_profile(sitepages.documents(6))
    pages = [sitepages.page(i) for i in range(20, 24)]
    records = [Record(str(i), p.text, "text", p.url) for i, p in enumerate(pages)]
    one = list(process(records, profiles=profiles))
    two = list(process(records, profiles=profiles, workers=2))
    assert one == two
    for result, p in zip(two, pages, strict=True):
        assert result["paragraphs"] == p.body
        assert sum(r["rule"] == "site_profile" for r in result["removed"]) == 4


def _write_jsonl(path: Path, docs: list[dict[str, str]]) -> None:
    path.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")


def test_cli_learn_then_clean_with_profiles(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    learn_in, clean_in = tmp_path / "learn.jsonl", tmp_path / "clean.jsonl"
    _write_jsonl(learn_in, sitepages.documents(6))
    _write_jsonl(clean_in, sitepages.documents(2, start=30))
    out = tmp_path / "profiles.json"
    assert main(["learn", str(learn_in), "-o", str(out), "--allow", "re:^News Sport"]) == 0
    err = capsys.readouterr().err
    n = sum(len(site.lines) for site in Profiles.load(out))
    assert f"1 site profiles ({n} recurring lines) from 6 documents of 1 sites" in err
    assert Profiles.load(out).allow == ("re:^News Sport",)
    assert main(["clean", str(clean_in), "--profiles", str(out), "-f", "jsonl", "-q"]) == 0
    results = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["paragraphs"] for r in results] == [sitepages.page(i).body for i in (30, 31)]
    reasons = {r["reason"] for res in results for r in res["removed"] if r["rule"] == "site_profile"}
    assert reasons == {"appears on 100% of 6 pages of example.com"}
    by_profile = {r["text"] for res in results for r in res["removed"] if r["rule"] == "site_profile"}
    assert "The Example Times" in by_profile
    assert not any(t.startswith("News") for t in by_profile)  # allow-listed
    # explain and rules see the rule too
    assert main(["rules", "--profiles", str(out)]) == 0
    assert "site_profile  (site profiles)" in capsys.readouterr().out


def test_cli_learn_to_stdout_and_bad_profiles_file(tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "in.jsonl"
    _write_jsonl(src, sitepages.documents(5))
    assert main(["learn", str(src), "-q"]) == 0
    assert "example.com" in json.loads(capsys.readouterr().out)["sites"]
    bad = tmp_path / "bad.json"
    bad.write_text("{}", encoding="utf-8")
    assert main(["clean", str(src), "--profiles", str(bad)]) == 2
    assert "--profiles" in capsys.readouterr().err
    assert main(["clean", str(src), "--profiles", str(tmp_path / "missing.json")]) == 2
    assert main(["learn", str(src), "--min-share", "2"]) == 2
    assert main(["learn", str(src), "-o", str(src)]) == 2  # never writes over an input
    assert "refusing" in capsys.readouterr().err


def test_public_api_exports() -> None:
    assert newsclean.learn_profile is learn_profile and newsclean.Profiles is Profiles
