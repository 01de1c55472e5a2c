"""newsclean.scale on a dask.distributed LocalCluster (2 worker processes): the same results as the
single-process path, profiles learned as a map-reduce and shipped to the workers."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
import sitepages

pytest.importorskip("dask.bag")
pytest.importorskip("dask.dataframe")
distributed = pytest.importorskip("distributed")

import dask.bag as db  # noqa: E402
import dask.dataframe as dd  # noqa: E402
import pandas as pd  # noqa: E402

import newsclean  # noqa: E402
from newsclean.batch import clean_record, record_from_mapping  # noqa: E402
from newsclean.scale import OUTPUT_COLUMNS, clean_bag, clean_dataframe, learn_profile_dask  # noqa: E402


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                       dashboard_address=None, silence_logs=40)
    with distributed.Client(cluster) as c:
        yield c
    cluster.close()


def _docs() -> list[dict[str, Any]]:
    docs = sitepages.documents(6) + sitepages.documents(5, site="other.org")
    docs += sitepages.documents(1, site="html.example", field="html")
    docs.append({"id": "no-url", "text": "\n\n".join(sitepages.body(99))})
    return docs


def _without_source(results: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{k: v for k, v in r.items() if k != "source"} for r in results]


def test_the_cluster_has_two_worker_processes(client: Any) -> None:
    assert len(client.scheduler_info()["workers"]) == 2


def test_clean_bag_gives_the_single_process_results_in_order(client: Any) -> None:
    docs = _docs()
    bag = db.from_sequence(docs, npartitions=4)
    results = clean_bag(bag).compute()
    expected = [clean_record(record_from_mapping(d, str(i))) for i, d in enumerate(docs)]
    assert _without_source(results) == _without_source(expected)
    assert [r["id"] for r in results] == [d["id"] for d in docs]


def test_learn_as_map_reduce_then_clean_with_the_profiles_on_the_workers(client: Any) -> None:
    docs = _docs()
    bag = db.from_sequence(docs, npartitions=5)
    profiles = learn_profile_dask(bag, split_every=2)
    assert profiles == newsclean.learn_profile(docs)
    assert {s.site for s in profiles} == {"example.com", "other.org"}
    test_docs = sitepages.documents(3, start=40) + sitepages.documents(2, site="other.org", start=40)
    assert len(profiles.get("example.com").lines) >= 4  # type: ignore[union-attr]
    results = clean_bag(db.from_sequence(test_docs, npartitions=2), profiles=profiles).compute()
    expected = [newsclean.clean(d["text"], url=d["url"], profiles=profiles).to_dict() for d in test_docs]
    assert [r["body"] for r in results] == [e["body"] for e in expected]
    assert [r["paragraphs"] for r in results] == [sitepages.page(i, s).body for s, i in
                                                  [("example.com", 40), ("example.com", 41),
                                                   ("example.com", 42), ("other.org", 40), ("other.org", 41)]]
    assert all(any(x["rule"] == "site_profile" for x in r["removed"]) for r in results)


def test_clean_dataframe_columns_errors_and_index(client: Any) -> None:
    docs = sitepages.documents(4)
    frame = pd.DataFrame([*docs, {"url": "https://example.com/empty", "text": None, "id": "empty"}],
                         index=[10, 11, 12, 13, 14])
    frame["lang"] = "en"
    df = dd.from_pandas(frame, npartitions=2)
    out = clean_dataframe(df).compute()
    assert list(out.columns) == ["url", "id", "lang", *OUTPUT_COLUMNS]
    assert list(out.index) == [10, 11, 12, 13, 14]
    ok = out.loc[10]
    assert ok["body"] == newsclean.clean(docs[0]["text"], url=docs[0]["url"]).body
    assert pd.isna(ok["error"]) and ok["n_removed"] > 0 and ok["lang"] == "en"
    assert json.loads(ok["metadata_json"])["url"] == docs[0]["url"]
    assert "no document" in out.loc[14, "error"] and out.loc[14, "n_removed"] == 0
    assert pd.isna(out.loc[14, "body"])


def test_learn_from_a_dataframe_and_clean_it_with_a_pipeline_config(client: Any) -> None:
    docs = sitepages.documents(6)
    df = dd.from_pandas(pd.DataFrame(docs), npartitions=3)
    profiles = learn_profile_dask(df)
    assert profiles == newsclean.learn_profile(docs)
    config = {"pipeline": {"disable": ["site_chrome"]}}
    out = clean_dataframe(df, profiles=profiles, pipeline_config=config).compute()
    removed = [json.loads(x) for x in out["removed_json"]]
    assert all(r["rule"] != "site_chrome" for rs in removed for r in rs)
    assert all(any(r["rule"] == "site_profile" for r in rs) for rs in removed)


def test_bad_input_and_options() -> None:
    with pytest.raises(TypeError, match="dask bag or dataframe"):
        clean_bag([{"text": "x"}])
    with pytest.raises(ValueError, match="not both"):
        clean_bag(db.from_sequence([{"text": "x"}]), pipeline=newsclean.default_pipeline(),
                  pipeline_config={})
