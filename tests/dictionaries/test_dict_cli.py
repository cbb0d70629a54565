"""The `actors`, `verbs` and `dict` commands: output, exit codes, messages not tracebacks."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from eventwire.cli import app
from eventwire.dictionaries import DictionarySet, diff_sets, load_dictionaries

OVERLAY = """\
actors:
  - id: JANE_DOE
    names: [Jane Doe]
    roles:
      - {code: FRAGOV, start: 2025-01-10}
      - {code: FRAELI}
verbs:
  - verb: HOODWINK
    code: "114"
    patterns: ["* + [114]"]
"""


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture()
def overlay(tmp_path: Path) -> Path:
    path = tmp_path / "mine.yaml"
    path.write_text(OVERLAY, encoding="utf-8")
    return path


def test_actors_lookup_with_date(runner: CliRunner) -> None:
    result = runner.invoke(app, ["actors", "lookup", "Netanyahu", "--date", "2024-03-26"])
    assert result.exit_code == 0, result.output
    assert "BENJAMIN_NETANYAHU" in result.stdout
    assert "code on 2024-03-26: ISRGOV" in result.stdout


def test_actors_lookup_with_overlay_reports_it(runner: CliRunner, overlay: Path) -> None:
    result = runner.invoke(app, ["actors", "lookup", "Jane Doe", "--date", "2025-02-01",
                                 "--dict", str(overlay), "--json"])
    assert result.exit_code == 0, result.output
    [record] = json.loads(result.stdout)
    assert (record["code"], record["code_source"]) == ("FRAGOV", "mine.yaml:5")


def test_config_file_in_working_directory(runner: CliRunner, overlay: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    (overlay.parent / "eventwire.toml").write_text('dictionaries = ["mine.yaml"]\n')
    monkeypatch.chdir(overlay.parent)
    result = runner.invoke(app, ["verbs", "lookup", "hoodwink"])
    assert result.exit_code == 0, result.output
    assert "mine.yaml:8" in result.stdout


def test_unknown_name_and_bad_date_are_messages(runner: CliRunner) -> None:
    missing = runner.invoke(app, ["actors", "lookup", "Xyzzy Plugh"])
    assert missing.exit_code == 1 and "no actor or agent" in missing.output
    bad = runner.invoke(app, ["actors", "lookup", "Israel", "--date", "26/03/2024"])
    assert bad.exit_code == 2 and "YYYY-MM-DD" in bad.output
    assert "Traceback" not in missing.output + bad.output


def test_missing_overlay_is_a_message(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["verbs", "lookup", "attack", "--dict", str(tmp_path / "x.yaml")])
    assert result.exit_code == 1
    assert "x.yaml: error: no such dictionary file" in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_verbs_lookup(runner: CliRunner) -> None:
    result = runner.invoke(app, ["verbs", "lookup", "pull out"])
    assert result.exit_code == 0
    assert "block RETREAT" in result.stdout and "[0874]" in result.stdout


def test_dict_check_exit_codes(runner: CliRunner, overlay: Path, tmp_path: Path) -> None:
    assert runner.invoke(app, ["dict", "check", str(overlay)]).exit_code == 0
    broken = tmp_path / "broken.actors"
    broken.write_text("ISRAEL_ [ISR\n", encoding="utf-8")
    result = runner.invoke(app, ["dict", "check", str(broken)])
    assert result.exit_code == 1
    assert "broken.actors:1: error: unbalanced brackets" in result.stdout


def test_dict_convert_both_ways(runner: CliRunner, tmp_path: Path) -> None:
    tabari = tmp_path / "mine.actors"
    tabari.write_text("JANE_DOE_  [FRAGOV >20250110]\n+FOREIGN_MINISTER_DOE_\n")
    assert runner.invoke(app, ["dict", "convert", str(tabari), str(tmp_path / "m.yaml")]
                         ).exit_code == 0
    assert runner.invoke(app, ["dict", "convert", str(tmp_path / "m.yaml"),
                               str(tmp_path / "back.actors")]).exit_code == 0
    back = (tmp_path / "back.actors").read_text()
    assert "JANE_DOE_" in back and "[FRAGOV >20250110]" in back
    assert "+FOREIGN_MINISTER_DOE_" in back
    bad = runner.invoke(app, ["dict", "convert", str(tabari), str(tmp_path / "x.csv")])
    assert bad.exit_code == 1 and "unknown output format" in bad.output


def test_dict_diff_lists_changes(runner: CliRunner, overlay: Path) -> None:
    result = runner.invoke(app, ["dict", "diff", "bundled", f"bundled+{overlay}"])
    assert result.exit_code == 0, result.output
    assert "+ actor JANE_DOE: FRAGOV 2025-01-10.., FRAELI" in result.stdout
    assert "+ verb block HOODWINK: [114]" in result.stdout
    assert "+ verb hoodwink" in result.stdout


def test_diff_of_changed_role_and_removed_entry(tmp_path: Path) -> None:
    old, new = tmp_path / "old.yaml", tmp_path / "new.yaml"
    old.write_text("actors:\n  - {id: A_B, names: [a b], roles: [{code: FRAGOV}]}\n"
                   "  - {id: C_D, names: [c d], roles: [{code: DEU}]}\n")
    new.write_text("actors:\n  - {id: A_B, names: [a b], roles: [{code: FRAOPP}]}\n")
    sets: list[DictionarySet] = [load_dictionaries([p], bundled=False) for p in (old, new)]
    changes = [str(c) for c in diff_sets(*sets)]
    assert "- actor C_D: DEU  (old.yaml:3)" in changes
    assert "~ actor A_B: +role FRAOPP; -role FRAGOV  (new.yaml:2)" in changes


def test_every_command_has_help_with_an_example(runner: CliRunner) -> None:
    for command in (["actors", "lookup"], ["verbs", "lookup"], ["dict", "check"],
                    ["dict", "convert"], ["dict", "diff"]):
        result = runner.invoke(app, [*command, "--help"])
        assert result.exit_code == 0 and "Example: eventwire" in result.stdout, command
