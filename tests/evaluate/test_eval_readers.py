"""Readers of the development gold sets: the real files, and small made-up ones."""

from __future__ import annotations

import os
import re
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import pytest

from eventwire.evaluate import readers
from eventwire.evaluate.readers import (
    GoldFormatError,
    read_penta_tsv,
    read_petrarch_xml,
    read_plover_jsonl,
)

EVAL_DIR = Path(os.environ.get(readers.ENV_VAR)
                or Path(__file__).parents[2].parent / "shared" / "eval")
UNIT = EVAL_DIR / "petrarch_unit" / "PETR.UnitTest.records.xml"
GSR = EVAL_DIR / "petrarch2_gsr" / "PETR2_GSR_validation.xml"
PLOVER = EVAL_DIR / "plover_gsr_dev.jsonl"
PENTA = EVAL_DIR / "penta_dev.tsv"

needs_sets = pytest.mark.skipif(not EVAL_DIR.is_dir(), reason=f"no development sets at {EVAL_DIR}")


# --------------------------------------------------------------------------- real files


@needs_sets
@pytest.mark.parametrize(("path", "reader", "count"), [
    (UNIT, read_petrarch_xml, 284),
    (GSR, read_petrarch_xml, 78),
    (PLOVER, read_plover_jsonl, 162),
    (PENTA, read_penta_tsv, 994),
])
def test_record_counts_and_unique_keys(path, reader, count):
    records = list(reader(path))
    assert len(records) == count
    assert len({r.key for r in records}) == count


@needs_sets
def test_unit_records_agree_with_an_xml_parser():
    # The unit-test file happens to be well-formed, so the stdlib parser checks the regex reader.
    sentences = ET.parse(UNIT).getroot().iter("Sentence")
    records = list(read_petrarch_xml(UNIT))
    for sentence, record in zip(sentences, records, strict=True):
        assert record.id == sentence.get("id")
        assert record.text == " ".join(sentence.findtext("Text").split())
        codings = [(e.get("sourcecode"), e.get("targetcode"), e.get("eventcode"))
                   for e in sentence.iter("EventCoding") if e.get("eventcode")]
        assert [(c.source, c.target, c.code) for c in record.codings] == codings


@needs_sets
@pytest.mark.parametrize("path", [UNIT, GSR])
def test_petrarch_origin_points_at_the_sentence_tag(path):
    lines = path.read_text(encoding="utf-8").splitlines()
    for record in read_petrarch_xml(path):
        line = lines[int(record.origin.rsplit(":", 1)[1]) - 1]
        assert re.search(rf'<Sentence\b.*id\s*=\s*"{re.escape(record.id)}"', line)


@needs_sets
def test_unit_no_event_records():
    records = {r.key: r for r in read_petrarch_xml(UNIT)}
    assert sum(r.expects_no_events for r in records.values()) == 27
    assert records["FINAL-RECORD"].expects_no_events  # noevents="True"
    assert records["PATTERN-06"].expects_no_events  # no <EventCoding> at all
    assert records["ERROR-01"].expected_error == "dateline"
    assert records["ERROR-01"].expects_no_events


@needs_sets
def test_unit_oddities():
    records = {r.key: r for r in read_petrarch_xml(UNIT)}
    demo = records["DEMO-00"]
    assert (demo.date, demo.category) == ("1995-01-01", "DEMO")
    assert [str(c) for c in demo.codings] == ["ARN GON 064"]
    assert demo.text.startswith("Arnor is about to restore full diplomatic ties with Gondor")
    # repeated ids get a suffix; the category differs between the two AGENTS-18
    assert records["AGENTS-18~2"].id == "AGENTS-18"
    assert records["AGENTS-18"].category != records["AGENTS-18~2"].category
    # new actors (new_actor_length > 0) are coded as their quoted text, kept as written
    assert '"INJURY TOLL"' in [c.source for c in records["DEMO-22"].codings]
    assert [c.target for c in records["ACTOR-01"].codings][0] == '"THE MINISTRY OF MAGIC"'
    # <Config> options between records are carried on the records after them
    assert records["DEMO-22"].config["new_actor_length"] == "4"
    assert records["DEMO-00"].config.get("new_actor_length") is None
    assert records["DEMO-04"].attrs["sentence"] == "false"


@needs_sets
def test_gsr_oddities():
    records = {r.key: r for r in read_petrarch_xml(GSR)}
    first = records["AFP0808020625_4"]  # self-closed <Sentence .../> then the body
    assert [str(c) for c in first.codings] == ["USA CHN 042"]
    assert first.date == "2008-08-04"
    assert records["AFP0808020905_1"].date == "2012-11-08"  # date="121108"
    assert records["abc12_3"].text.startswith("Boko Haram has launched")  # empty <Text>
    assert sum(r.expects_no_events for r in records.values()) == 12
    assert len(records["COOP_0"].codings) == 6
    assert records["TEST_4"].text.startswith("GAZA CITY, Palestinian Territories: Four children")


@needs_sets
def test_plover_records():
    records = list(read_plover_jsonl(PLOVER))
    first = records[0]
    assert (first.id, first.event, first.date) == ("PLOVER-GSR01-AGREE-0005", "AGREE",
                                                   "2000-01-01")
    assert [(a.text, a.code) for a in first.source] == [("Libya", "LBY")]
    assert [a.code for a in first.target] == ["GBR"]
    assert sum(not r.target for r in records) == 18  # 3 written "", 15 absent
    assert {len(a.code) for r in records for a in (*r.source, *r.target)} == {3}
    assert [r.key for r in records if r.key != r.id] == ["PLOVER-GSR01-COERCE-0004~2"]


@needs_sets
def test_penta_records():
    records = list(read_penta_tsv(PENTA))
    assert Counter(r.label for r in records) == {0: 240, 1: 179, 2: 198, 3: 217, 4: 160}
    assert records[0].origin == "penta_dev.tsv:2"
    quoted = next(r for r in records if r.origin == "penta_dev.tsv:359")  # CSV-quoted line
    assert quoted.text.startswith("Tamil Nadu Chief Minister") and quoted.label == 0
    assert not any(r.text.endswith("\r") for r in records)


# --------------------------------------------------------------------------- made-up files

NOT_WELL_FORMED = """<Validation>
# a banner outside any comment, with <EventCoding...> in it
<Config option="require_dyad" value="false"></Config>
<Sentences>
<Sentence category="T" date="20150609" id="A_1" evaluate="true"/>
<EventCoding eventcode="190" sourcecode="USA" targetcode="RUS" />
<!-- <EventCoding eventcode="999" sourcecode="X" targetcode="Y" /> -->
<Text>
Obama fired
 anti-aircraft batteries at Russia &amp; friends.
</Text>
<Parse>
1	<Text>	x
</Parse></Sentence>
<Sentence category="T" date = "2015" id ="A_1">
<EventCoding noevents = "True"></EventCoding>
<Text>Nothing.</Text>
</Sentence>
</Sentences>
</Validation>
"""


def test_petrarch_reader_tolerates_gsr_style_markup(tmp_path):
    path = tmp_path / "gsr.xml"
    path.write_text(NOT_WELL_FORMED, encoding="utf-8")
    first, second = read_petrarch_xml(path)
    assert first.origin == "gsr.xml:5"
    assert [str(c) for c in first.codings] == ["USA RUS 190"]
    assert first.text == "Obama fired anti-aircraft batteries at Russia & friends."
    assert first.config == {"require_dyad": "false"}
    assert (second.key, second.date, second.expects_no_events) == ("A_1~2", None, True)


SHORT_DATE_EMPTY_TEXT = """<Sentences>
<Sentence date="950312" id="S_1" evaluate="true"/>
<EventCoding eventcode="190" sourcecode="ABC" targetcode="DEF" />
<Text>
</Text>
<Parse>
1\tArnor\tArnor\tPROPN\tNNP\t_\t2\tnsubj\t_\t_
2\tattacked\tattack\tVERB\tVBD\t_\t0\troot\t_\t_
3\tGondor\tGondor\tPROPN\tNNP\t_\t2\tdobj\t_\tSpaceAfter=No
4\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_
</Parse></Sentence>
<Sentence date="120704" id="S_2" evaluate="true"/>
<Text>Gondor met Arnor.</Text>
<Sentence date="2012-07-04" id="S_3" evaluate="true"/>
<Text>Gondor met Arnor.</Text>
</Sentences>
"""


def test_petrarch_reader_reads_short_dates_and_text_from_the_parse(tmp_path):
    path = tmp_path / "short.xml"
    path.write_text(SHORT_DATE_EMPTY_TEXT, encoding="utf-8")
    first, second, third = read_petrarch_xml(path)
    assert (first.date, second.date, third.date) == ("1995-03-12", "2012-07-04", None)
    assert first.text == "Arnor attacked Gondor."
    assert any("<Parse>" in note for note in first.notes)
    assert second.text == "Gondor met Arnor."
    assert not any("<Parse>" in note for note in second.notes)


def test_petrarch_reader_names_the_place_of_a_bad_coding(tmp_path):
    path = tmp_path / "bad.xml"
    path.write_text('<Sentences>\n<Sentence id="X" date="20000101">\n'
                    '<EventCoding sourcecode="A" eventcode="010"/>\n<Text>t</Text>\n</Sentence>',
                    encoding="utf-8")
    with pytest.raises(GoldFormatError, match=r"bad.xml:2: .*targetcode"):
        list(read_petrarch_xml(path))


def test_plover_reader_errors_and_empty_targets(tmp_path):
    path = tmp_path / "p.jsonl"
    good = ('{"id": "a", "text": "T ", "event": "AGREE", "source": [{"actorText": "x", '
            '"code": "USA"}], "target": ""}')
    path.write_text(good + "\n\n{not json}\n", encoding="utf-8")
    with pytest.raises(GoldFormatError, match=r"p.jsonl:3: not JSON"):
        list(read_plover_jsonl(path))
    path.write_text(good + "\n", encoding="utf-8")
    (record,) = read_plover_jsonl(path)
    assert (record.text, record.target, record.date) == ("T", (), None)


def test_plover_reader_reads_non_iso_gold_countries_as_iso(tmp_path):
    path = tmp_path / "p.jsonl"
    path.write_text('{"id": "a", "text": "T", "event": "DEMAND", "source": [{"code": "JAP"}],'
                    ' "target": [{"code": "VNM"}]}\n', encoding="utf-8")
    (record,) = read_plover_jsonl(path)
    assert (record.event, record.source[0].code, record.target[0].code) == (
        "REQUEST", "JPN", "VNM")


def test_penta_reader_rejects_bad_labels(tmp_path):
    path = tmp_path / "p.tsv"
    path.write_text("sentence\tpenta\r\nA fine one.\t3\r\nA bad one.\t7\r\n", encoding="utf-8")
    with pytest.raises(GoldFormatError, match=r"p.tsv:3"):
        list(read_penta_tsv(path))


def test_missing_file_says_how_to_fix(tmp_path):
    with pytest.raises(FileNotFoundError, match=readers.ENV_VAR):
        list(read_penta_tsv(tmp_path / "absent.tsv"))


def test_eval_dir_override(monkeypatch, tmp_path):
    monkeypatch.setenv(readers.ENV_VAR, str(tmp_path))
    assert readers.eval_dir() == tmp_path
    monkeypatch.delenv(readers.ENV_VAR)
    assert readers.eval_dir() == Path(__file__).parents[2].parent / "shared" / "eval"
