import pytest

from eventwire.ingest import normalize_date


@pytest.mark.parametrize("value, expected", [
    ("2024-03-05", "2024-03-05"),
    ("20240305", "2024-03-05"),
    (" 2024-03-05 ", "2024-03-05"),
    ("2024-03-05T12:30", "2024-03-05"),
    ("2024-03-05T12:30:15Z", "2024-03-05"),
    ("2024-03-05 23:59:59.123456+02:00", "2024-03-05"),
    ("2024-03-05T23:30:00-0500", "2024-03-05"),
    ("2024-02-29", "2024-02-29"),
])
def test_accepted_spellings(value: str, expected: str) -> None:
    assert normalize_date(value) == expected


@pytest.mark.parametrize("value", [
    "", "2023-02-29", "2024-3-5", "05/03/2024", "2024-03-05T25:00", "202403051", "March 5, 2024",
])
def test_rejected(value: str) -> None:
    with pytest.raises(ValueError, match="expected YYYY-MM-DD, YYYYMMDD or an ISO datetime"):
        normalize_date(value)
