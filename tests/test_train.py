"""The training command: any corpora in the aeb-dev layout in, weights + fold models + model card out;
folds grouped by site; out-of-fold figures reported. Run on a tiny corpus written here."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

pytest.importorskip("numpy")  # the [train] extra (in [dev]); inference never needs it

from newsclean.rules.line_model import Model, fold_of
from newsclean.train import load_pages, main

STORY = [
    "The regional council approved the new budget on Monday after a long debate about school funding.",
    "Opposition members said the plan cut too deeply into the transport programme and asked for a vote.",
    "The finance minister replied that the figures had been checked twice and would not change again.",
    "Teachers' unions welcomed the extra money for schools but warned that staff shortages remained.",
]
MENU = ["Home", "News", "Sport", "Weather", "Contact us", "Privacy policy", "Share", "Subscribe"]


def _corpus(root: Path, n_sites: int = 4, pages_per_site: int = 2) -> Path:
    gt: dict[str, dict[str, str]] = {}
    text: dict[str, dict[str, str]] = {}
    for s in range(n_sites):
        for p in range(pages_per_site):
            doc_id = f"s{s}p{p}"
            body = [f"{line} Story {s}-{p}." for line in STORY]
            gt[doc_id] = {"articleBody": "\n".join(body), "url": f"https://www.site{s}.example/{p}"}
            text[doc_id] = {"articleBody": "\n".join([*MENU[: 4 + s], "", *body, "", *MENU[4:]])}
    (root / "text-inputs").mkdir(parents=True)
    (root / "ground-truth.json").write_text(json.dumps(gt), "utf-8")
    (root / "text-inputs" / "html-text.json").write_text(json.dumps(text), "utf-8")
    return root


def test_sites_come_from_the_url_without_www_and_folds_are_stable(tmp_path: Path) -> None:
    pages = load_pages(_corpus(tmp_path / "mini"))
    assert {p.site for p in pages.values()} == {f"site{s}.example" for s in range(4)}
    assert fold_of("site0.example", 5) == fold_of("site0.example", 5)
    assert {fold_of(f"site{i}.example", 3) for i in range(30)} == {0, 1, 2}


def test_pages_with_empty_or_absent_gold_are_left_out(tmp_path: Path) -> None:
    root = _corpus(tmp_path / "mini")
    gt = json.loads((root / "ground-truth.json").read_text("utf-8"))
    gt["s0p0"]["articleBody"] = ""
    gt["s0p1"]["gold_in_page"] = 0.5
    (root / "ground-truth.json").write_text(json.dumps(gt), "utf-8")
    assert not {"mini/s0p0", "mini/s0p1"} & set(load_pages(root))


def test_training_writes_weights_fold_models_and_a_card(tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    root = _corpus(tmp_path / "mini")
    out, card, folds = tmp_path / "w.json", tmp_path / "card.md", tmp_path / "folds"
    config = {"rounds": 20, "lr": 0.3, "lam": 1.0, "min_weight": 0.1,
              "gate": ["doc_prose", "doc_short", "doc_blocks"]}
    assert main([str(root), "--out", str(out), "--card", str(card), "--folds-out", str(folds),
                 "--folds", "2", "--quick", "--jobs", "1", "--config", json.dumps(config)]) == 0
    data = json.loads(out.read_text("utf-8"))
    model = Model.from_dict(data)  # loads as the library loads it
    assert model.features
    assert data["card"]["sites"] == 4 and data["card"]["pages"] == 8
    assert set(data["oof"]) == {"mini/html-text", "mini/gold"}
    assert sorted(p.name for p in folds.glob("fold*.json")) == ["fold0.json", "fold1.json"]
    text = card.read_text("utf-8")
    assert "Out-of-fold" in text and "mini/html-text" in text
    printed = capsys.readouterr().out
    assert "oof F1" in printed
