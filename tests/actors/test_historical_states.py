"""States that no longer exist are coded by what they were on the article's date."""

from __future__ import annotations

import pytest

import eventwire


@pytest.mark.parametrize(("text", "date", "code"), [
    ("Yugoslavia expelled Soviet diplomats.", "1948-07-01", "YUG"),
    ("Yugoslavia accused Albania of arming rebels.", "1998-05-01", "SCG"),
    ("The Soviet Union invaded Afghanistan.", "1979-12-27", "SUN"),
    ("Czechoslovakia signed a treaty with Poland.", "1980-01-01", "CSK"),
    ("East Germany expelled two West German diplomats.", "1975-01-01", "DDR"),
])
def test_a_historical_state_has_its_code_on_the_date(text, date, code):
    sources = {e.source.code for e in eventwire.code_text(text, date=date) if e.source}
    assert code in sources, sources


def test_yugoslavia_after_its_end_is_no_state():
    sources = {e.source.code for e in eventwire.code_text(
        "Yugoslavia accused Albania of arming rebels.", date="2010-01-01") if e.source}
    assert not sources & {"YUG", "SCG"}
