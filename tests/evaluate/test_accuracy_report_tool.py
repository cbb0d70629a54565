"""tools/accuracy_report.py end to end on the real sets, with a stand-in coder."""

from __future__ import annotations

import json
import os
import runpy
import sys
import types
from pathlib import Path

import pytest
from test_eval_metrics import event

from eventwire.evaluate import readers
from eventwire.events.records import CodingRules

EVAL_DIR = Path(os.environ.get(readers.ENV_VAR)
                or Path(__file__).parents[2].parent / "shared" / "eval")
TOOL = Path(__file__).parents[2] / "tools" / "accuracy_report.py"

pytestmark = pytest.mark.skipif(not EVAL_DIR.is_dir(), reason=f"no development sets at {EVAL_DIR}")


class StandInCoder:
    """Codes 'ARN GON 064' for any sentence naming Arnor and Gondor, nothing otherwise."""

    @classmethod
    def load(cls) -> StandInCoder:
        return cls()

    @classmethod
    def from_tabari(cls, verbs, actors, agents, discards=None) -> StandInCoder:
        assert all(Path(p).is_file() for p in (verbs, *actors, agents, discards))
        return cls()

    rules = CodingRules()

    def with_rules(self, rules) -> StandInCoder:
        return self

    def code_article(self, article):
        if "Arnor" in article.text and "Gondor" in article.text:
            return [event("ARN", "GON", "064", plover="COOPERATE", quad=2, root=True)]
        return []


@pytest.fixture
def tool(monkeypatch):
    module = types.ModuleType("eventwire.coder")
    module.Coder = StandInCoder
    monkeypatch.setitem(sys.modules, "eventwire.coder", module)
    return runpy.run_path(str(TOOL))["main"]


def test_report_and_json(tool, tmp_path):
    out, figures = tmp_path / "ACCURACY.md", tmp_path / "accuracy.json"
    tool(["--out", str(out), "--json", str(figures), "--limit", "20",
          "--eval-dir", str(EVAL_DIR)])
    text = out.read_text(encoding="utf-8")
    assert "Only the first 20 records of each set were coded" in text
    for name in ("petrarch_unit", "petrarch2_gsr", "plover", "penta"):
        assert f"## {name}" in text
    assert "## Ablation" in text and "| without coreference |" in text
    data = json.loads(figures.read_text(encoding="utf-8"))
    assert data["sets"]["penta"]["records"] == 20
    assert data["sets"]["petrarch_unit"]["measures"]["exact"]["value"] > 0


def test_write_known_failures(tool, tmp_path):
    listing = tmp_path / "known.txt"
    tool(["--write-known-failures", str(listing), "--eval-dir", str(EVAL_DIR)])
    keys = [line for line in listing.read_text(encoding="utf-8").splitlines()
            if line and not line.startswith("#")]
    assert "DEMO-00" not in keys  # the stand-in codes the first record right
    assert "DEMO-05" in keys and len(keys) < 284
