"""Evaluation against the development gold sets: readers, metrics, report.

The sets are read in place from ``<repo>/../shared/eval`` (or
``$EVENTWIRE_EVAL_DIR``) and never copied into the repository.

    from eventwire.evaluate import evaluate_all, render_markdown
    evaluations = evaluate_all()          # codes every set with its coder
"""

from eventwire.evaluate.metrics import (
    PRF,
    PentaScores,
    PetrarchScores,
    PloverScores,
    score_penta,
    score_petrarch,
    score_plover,
)
from eventwire.evaluate.readers import (
    Coding,
    GoldActor,
    GoldFormatError,
    PentaRecord,
    PetrarchRecord,
    PloverRecord,
    eval_dir,
    read_penta_tsv,
    read_petrarch_xml,
    read_plover_jsonl,
)
from eventwire.evaluate.report import measures, render_markdown, to_json
from eventwire.evaluate.run import (
    DEV_SETS,
    SetEvaluation,
    code_all,
    evaluate_all,
    evaluate_set,
    known_failures,
    load_coder,
    read_set,
    unit_test_dictionaries,
)

__all__ = [
    "DEV_SETS", "PRF", "Coding", "GoldActor", "GoldFormatError", "PentaRecord",
    "PentaScores", "PetrarchRecord", "PetrarchScores", "PloverRecord", "PloverScores",
    "SetEvaluation", "code_all", "eval_dir", "evaluate_all", "evaluate_set",
    "known_failures", "load_coder", "measures", "read_penta_tsv", "read_petrarch_xml",
    "read_plover_jsonl", "read_set", "render_markdown", "score_penta", "score_petrarch",
    "score_plover", "to_json", "unit_test_dictionaries",
]
