"""Scale-out on Dask: clean a bag or dataframe of documents on many cores or machines, and learn site
profiles as a map-reduce. Needs ``pip install 'newsclean[dask]'``; see ``docs/scale.md``.

Documents are mappings (bag items, dataframe rows) with an ``html`` or ``text`` field and a ``url``
(field names are options). Every function builds a lazy Dask collection or graph and runs on
whatever scheduler is active: a ``dask.distributed`` client (a ``LocalCluster`` or a real cluster's
scheduler address), or Dask's default local scheduler.

* :func:`clean_bag` -> a bag of result dicts, one per document, in order: exactly what
  ``newsclean clean --format jsonl`` writes (``id``, ``source``, the other input fields, the
  article's fields), or the same head with an ``error``.
* :func:`clean_dataframe` -> a dataframe with the input columns (without the document columns) plus
  :data:`OUTPUT_COLUMNS` (``title``, ``body``, ..., ``error``).
* :func:`learn_profile_dask` -> :class:`~newsclean.profiles.Profiles`: each partition counts its
  pages (:class:`~newsclean.learn.Counts`), the counts are combined in a tree and the profiles
  built from the total; the same result as :func:`newsclean.learn_profile` over the same documents.

The pipeline (with the profiles inside its ``site_profile`` rule) enters the graph once, as one
``dask.delayed`` value: each worker fetches it once, not once per task. Per-document time budgets
(``timeout``) need ``SIGALRM`` in the thread that cleans, so they hold under Dask's process
scheduler but not in the threads of a ``distributed`` worker: bound those runs with ``max_chars``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsclean.batch import DEFAULT_TIMEOUT, clean_record, record_from_mapping
from newsclean.learn import Counts, count_records
from newsclean.profiles import (
    DEFAULT_MIN_DISTINCT,
    DEFAULT_MIN_LETTERS,
    DEFAULT_MIN_PAGES,
    DEFAULT_MIN_SHARE,
    LearnOptions,
    Profiles,
    with_profiles,
)

if TYPE_CHECKING:
    import pandas as pd

    from newsclean.config import Config
    from newsclean.pipeline import Pipeline

__all__ = ["OUTPUT_COLUMNS", "clean_bag", "clean_dataframe", "learn_profile_dask"]

OUTPUT_COLUMNS: tuple[str, ...] = ("title", "subtitle", "body", "language", "published", "n_removed",
                                   "removed_json", "metadata_json", "warnings_json", "error")
"""The columns :func:`clean_dataframe` adds. ``*_json`` hold JSON text (the ``removed`` list, the
``metadata`` object and the ``warnings`` list of :meth:`newsclean.Article.to_dict`); ``error`` is
missing (NA) for a document that was cleaned, and the message for one that failed."""


def _require_dask() -> None:
    try:
        import dask  # noqa: F401
    except ImportError as exc:  # pragma: no cover - exercised only without the extra
        raise ImportError("newsclean.scale needs Dask: pip install 'newsclean[dask]'") from exc


def _as_bag(collection: Any) -> Any:
    """A bag of dicts: a bag as it is, a dataframe row by row."""
    import dask.bag as db

    if isinstance(collection, db.Bag):
        return collection
    if hasattr(collection, "to_bag") and hasattr(collection, "columns"):
        return collection.to_bag(format="dict")
    raise TypeError(f"expected a dask bag or dataframe, got {type(collection).__name__}")


def _resolve_pipeline(pipeline: Pipeline | None, pipeline_config: str | Path | Mapping[str, Any] | None,
                      profiles: Profiles | None) -> Pipeline | None:
    from newsclean.pipeline import Pipeline

    if pipeline is not None and pipeline_config is not None:
        raise ValueError("give pipeline= or pipeline_config=, not both")
    if isinstance(pipeline_config, (str, Path)):
        pipeline = Pipeline.from_toml(pipeline_config)
    elif pipeline_config is not None:
        pipeline = Pipeline.from_config(pipeline_config)
    if profiles is not None:
        pipeline = with_profiles(pipeline, profiles)
    return pipeline


# ---- cleaning -------------------------------------------------------------------------------------
def _clean_partition(items: Iterable[Any], number: int, pipeline: Pipeline | None, config: Config | None,
                     fields: Mapping[str, str], timeout: float | None) -> list[dict[str, Any]]:
    out = []
    for i, item in enumerate(items):
        record = record_from_mapping(item, f"{number}:{i}", **fields)
        out.append(clean_record(record, pipeline=pipeline, config=config, timeout=timeout))
    return out


def clean_bag(collection: Any, *, text_field: str = "text", html_field: str = "html",
              url_field: str = "url", id_field: str = "id", pipeline: Pipeline | None = None,
              pipeline_config: str | Path | Mapping[str, Any] | None = None,
              config: Config | None = None, profiles: Profiles | None = None,
              timeout: float | None = DEFAULT_TIMEOUT) -> Any:
    """Clean a Dask bag of documents (or a dataframe, row by row) into a bag of result dicts.

    ``pipeline`` is a :class:`~newsclean.Pipeline`; or ``pipeline_config`` a TOML file or its parsed
    mapping (``docs/configuration.md``); neither: the default. ``profiles`` adds the ``site_profile``
    rule. A record without an ``id`` field is named ``PARTITION:INDEX``. Lazy: call ``.compute()``,
    ``.to_textfiles()`` or ``.to_dataframe()`` on the result.
    """
    _require_dask()
    import dask.bag as db
    from dask.delayed import delayed

    from_delayed: Any = db.from_delayed  # untyped in Dask
    bag = _as_bag(collection)
    pipe = delayed(_resolve_pipeline(pipeline, pipeline_config, profiles), pure=True,
                        traverse=False)
    fields = {"text_field": text_field, "html_field": html_field, "url_field": url_field,
              "id_field": id_field}
    clean = delayed(_clean_partition, pure=True)
    parts = [clean(part, i, pipe, config, fields, timeout) for i, part in enumerate(bag.to_delayed())]
    return from_delayed(parts)


def _frame_row(result: Mapping[str, Any]) -> dict[str, Any]:
    if "error" in result:
        return {"n_removed": 0, "error": str(result["error"])}
    meta = result.get("metadata") or {}
    return {
        "title": result.get("title"),
        "subtitle": result.get("subtitle"),
        "body": result.get("body"),
        "language": meta.get("language"),
        "published": meta.get("published"),
        "n_removed": len(result.get("removed") or ()),
        "removed_json": json.dumps(result.get("removed") or [], ensure_ascii=False),
        "metadata_json": json.dumps(meta, ensure_ascii=False),
        "warnings_json": json.dumps(result.get("warnings") or [], ensure_ascii=False),
        "error": None,
    }


def _clean_frame(frame: pd.DataFrame, pipeline: Pipeline | None, config: Config | None,
                 fields: Mapping[str, str], timeout: float | None) -> pd.DataFrame:
    import pandas as pd

    doc_columns = [c for c in (fields["html_field"], fields["text_field"]) if c in frame.columns]
    rows = []
    for index, item in zip(frame.index, frame.to_dict("records"), strict=True):
        item = {k: (None if _is_missing(v) else v) for k, v in item.items()}
        record = record_from_mapping(item, str(index), **fields)
        rows.append(_frame_row(clean_record(record, pipeline=pipeline, config=config, timeout=timeout)))
    added = pd.DataFrame(rows, index=frame.index, columns=list(OUTPUT_COLUMNS))
    out = frame.drop(columns=doc_columns + [c for c in OUTPUT_COLUMNS if c in frame.columns])
    for column in OUTPUT_COLUMNS:
        values = added[column]
        out[column] = (values.fillna(0).astype("int64") if column == "n_removed"
                       else values.astype("string"))
    return out


def _is_missing(value: Any) -> bool:
    try:
        return value is None or bool(value != value)  # NaN and NA
    except (TypeError, ValueError):
        return False


def clean_dataframe(df: Any, *, text_field: str = "text", html_field: str = "html",
                    url_field: str = "url", id_field: str = "id", pipeline: Pipeline | None = None,
                    pipeline_config: str | Path | Mapping[str, Any] | None = None,
                    config: Config | None = None, profiles: Profiles | None = None,
                    timeout: float | None = DEFAULT_TIMEOUT) -> Any:
    """Clean a Dask dataframe of documents: the result keeps the index and the other input columns,
    drops the document columns and adds :data:`OUTPUT_COLUMNS` (string columns, ``n_removed`` int).

    Options as in :func:`clean_bag`. ``.to_parquet(...)`` writes it out.
    """
    _require_dask()
    from dask.delayed import delayed

    pipe = delayed(_resolve_pipeline(pipeline, pipeline_config, profiles), pure=True,
                        traverse=False)
    fields = {"text_field": text_field, "html_field": html_field, "url_field": url_field,
              "id_field": id_field}
    meta = _clean_frame(df._meta, None, config, fields, timeout)
    return df.map_partitions(_clean_frame, pipe, config, fields, timeout, meta=meta)


# ---- learning -------------------------------------------------------------------------------------
def _count_partition(items: Iterable[Any], options: LearnOptions, config: Config | None,
                     fields: Mapping[str, str]) -> Counts:
    records = (record_from_mapping(item, f"#{i}", **fields) for i, item in enumerate(items))
    return count_records(records, options, config=config)


def _merge_counts(parts: Sequence[Counts] | Iterable[Counts]) -> Counts:
    parts = list(parts)
    total = parts[0]
    for part in parts[1:]:
        total.merge(part)
    return total


def learn_profile_dask(collection: Any, *, min_pages: int = DEFAULT_MIN_PAGES,
                       min_share: float = DEFAULT_MIN_SHARE, min_letters: int = DEFAULT_MIN_LETTERS,
                       min_distinct: int = DEFAULT_MIN_DISTINCT, allow: Sequence[str] = (),
                       config: Config | None = None, text_field: str = "text", html_field: str = "html",
                       url_field: str = "url", split_every: int = 8) -> Profiles:
    """Learn site profiles from a Dask bag (or dataframe) of documents, as a map-reduce.

    Map: each partition segments its pages and counts them per site (:class:`~newsclean.learn.Counts`).
    Reduce: counts are merged ``split_every`` at a time, in a tree, in partition order (so the
    example kept for a line is its first occurrence, as in a single pass). Returns the computed
    :class:`~newsclean.profiles.Profiles`; thresholds as in :func:`newsclean.learn_profile`. Then
    clean with ``clean_bag(bag, profiles=profiles)``: the profiles are sent to each worker once.
    """
    _require_dask()
    options = LearnOptions(min_pages, min_share, min_letters, min_distinct)
    fields = {"text_field": text_field, "html_field": html_field, "url_field": url_field}
    bag = _as_bag(collection)
    total = bag.reduction(partial(_count_partition, options=options, config=config, fields=fields),
                          _merge_counts, split_every=split_every)
    counts: Counts = total.compute()
    return counts.profiles(allow)
