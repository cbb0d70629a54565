"""`eventwire evaluate` end to end, on small gold files the team writes here."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

PLOVER_GOLD = [
    {"id": "g1", "text": "Israel attacked Hamas in Gaza.", "event": "ASSAULT",
     "source": [{"actorText": "Israel", "code": "ISR"}],
     "target": [{"actorText": "Hamas", "code": "PSE"}]},
    {"id": "g2", "text": "Russia accused the European Union of prolonging the war.",
     "event": "ACCUSE", "source": [{"actorText": "Russia", "code": "RUS"}],
     "target": [{"actorText": "European Union", "code": "IGO"}]},
    {"id": "g3", "text": "Egypt hosted talks between the two sides.", "event": "PROTEST",
     "source": [{"actorText": "Egypt", "code": "EGY"}], "target": ""},
]

PETRARCH_GOLD = """<Validation>
<Environment>
    <Verbfile>test.verbs.txt</Verbfile>
    <Actorfile>test.actors.txt</Actorfile>
    <Agentfile>test.agents.txt</Agentfile>
</Environment>
<Sentences>
<Sentence date="20200101" id="T-1" category="DEMO">
<EventCoding sourcecode="ARN" targetcode="GON" eventcode="190"></EventCoding>
<Text>Arnor attacked Gondor.</Text>
</Sentence>
<Sentence date="20200101" id="T-2" category="DEMO">
<EventCoding sourcecode="GON" targetcode="ARN" eventcode="042"></EventCoding>
<EventCoding sourcecode="ARN" targetcode="GON" eventcode="043"></EventCoding>
<Text>Gondor visited Arnor.</Text>
</Sentence>
</Sentences>
</Validation>
"""


def run_evaluate(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "eventwire.cli", "evaluate", *args],
                          capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def plover_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("gold") / "mini.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in PLOVER_GOLD), encoding="utf-8")
    return path


def test_json_report_scores_a_plover_file_and_names_the_error(plover_file: Path):
    done = run_evaluate(str(plover_file), "--format", "json", "--errors", "5")
    assert done.returncode == 0, done.stderr
    figures = json.loads(done.stdout)
    (scores,) = figures["sets"].values()
    assert scores["records"] == 3
    found = scores["measures"]["type_found"]["value"]
    assert found == pytest.approx(2 / 3)
    (pattern,) = figures["error_patterns"]
    assert (pattern["expected"], pattern["count"]) == ("PROTEST", 1)
    assert "PROTEST" in pattern["sentence"] and "g3" in pattern["sentence"]


def test_own_dictionaries_code_a_petrarch_file(tmp_path: Path):
    (tmp_path / "test.verbs.txt").write_text(
        "--- ATTACK [190] ---\nATTACK\n\n--- VISIT [042:043] ---\nVISIT\n", encoding="utf-8")
    (tmp_path / "test.actors.txt").write_text("ARNOR [ARN]\nGONDOR [GON]\n", encoding="utf-8")
    (tmp_path / "test.agents.txt").write_text("SOLDIER [~MIL]\n", encoding="utf-8")
    gold = tmp_path / "mini.xml"
    gold.write_text(PETRARCH_GOLD, encoding="utf-8")
    done = run_evaluate(str(gold), "--own-dictionaries", "--format", "json")
    assert done.returncode == 0, done.stderr
    (scores,) = json.loads(done.stdout)["sets"].values()
    assert scores["measures"]["exact"]["value"] == 1.0


def test_a_missing_file_is_a_message_not_a_traceback(tmp_path: Path):
    done = run_evaluate(str(tmp_path / "nope.jsonl"))
    assert done.returncode == 2
    assert "nope.jsonl" in done.stderr and "Traceback" not in done.stderr


def test_a_folder_with_one_gold_file_is_scored_and_one_with_two_is_refused(
        plover_file: Path, tmp_path: Path):
    done = run_evaluate(str(plover_file.parent), "--format", "json")
    assert done.returncode == 0, done.stderr
    (scores,) = json.loads(done.stdout)["sets"].values()
    assert scores["records"] == 3
    for name in ("a.jsonl", "b.tsv"):
        (tmp_path / name).write_text("", encoding="utf-8")
    refused = run_evaluate(str(tmp_path))
    assert refused.returncode == 2
    assert "a.jsonl, b.tsv" in refused.stderr.replace("\n", " ")
    assert "Traceback" not in refused.stderr


ANNOUNCED_GOLD = """<Validation>
<Sentences>
<Sentence date="20200101" id="A-1" category="FUTURE">
<EventCoding sourcecode="USA" targetcode="ISR" eventcode="072"></EventCoding>
<Text>The United States will supply arms to Israel.</Text>
</Sentence>
</Sentences>
</Validation>
"""


@pytest.mark.parametrize(("options", "found"), [
    ((), 1.0),  # PETRARCH records are PETRARCH-2's output: scored under its conventions
    (("--conventions", "eventwire"), 0.0),  # the intent, 0332, is not the gold 072
])
def test_petrarch_gold_is_coded_under_petrarch2_conventions(tmp_path: Path, options, found):
    gold = tmp_path / "announced.xml"
    gold.write_text(ANNOUNCED_GOLD, encoding="utf-8")
    done = run_evaluate(str(gold), "--format", "json", *options)
    assert done.returncode == 0, done.stderr
    (scores,) = json.loads(done.stdout)["sets"].values()
    assert scores["measures"]["codings_found"]["value"] == found


def test_unknown_conventions_are_a_message_not_a_traceback():
    done = run_evaluate("petrarch2_gsr", "--conventions", "phoenix")
    assert done.returncode == 2
    assert "eventwire, petrarch2" in done.stderr and "Traceback" not in done.stderr
