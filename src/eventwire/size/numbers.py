"""Reading the numbers of a sentence: digits, number words, thousands separators,
qualifiers ("at least") and vague amounts ("dozens").

Vague amounts follow one convention (docs/CODING.md, "Size"): the plural of a unit is
read as its lower bound, two of the unit ("dozens" 24, "scores" 40, "hundreds" 200,
"thousands" 2,000, "tens of thousands" 20,000), and flagged ``approximate``. Words that
give no magnitude ("several", "many", "a few") are no count at all.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

SMALL = {"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
         "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
         "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
         "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
         "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
MULTIPLIERS = {"hundred": 100, "thousand": 1000, "million": 1_000_000}
DOZEN = 12
# A vague plural is at least two of its unit.
VAGUE_UNITS = {"dozens": 12, "scores": 20, "tens": 10, "hundreds": 100, "thousands": 1000,
               "millions": 1_000_000}
QUALIFIERS = ("at least", "more than", "no fewer than", "fewer than", "less than",
              "as many as", "up to", "close to", "in excess of", "an estimated", "nearly",
              "almost", "about", "around", "some", "roughly", "approximately", "over",
              "upwards of", "just over", "just under", "under")
NOT_COUNTS = {"percent", "%", "per", "cent"}
CURRENCY_SIGNS = {"$", "€", "£", "¥"}


@dataclass(frozen=True)
class Amount:
    """A number phrase in a parsed sentence: tokens [start, end) and what they say."""

    start: int
    end: int
    value: int
    approximate: bool
    qualifier: str | None
    qualifier_start: int  # first token of the qualifier, or ``start``

    def head(self, doc: Doc) -> Token:
        """The phrase's token whose head lies outside it."""
        inside = range(self.start, self.end)
        for token in doc[self.start:self.end]:
            if token.head.i not in inside or token.head.i == token.i:
                return token
        return doc[self.end - 1]


def amounts(doc: Doc) -> list[Amount]:
    """Every number phrase of the sentence that may count people."""
    found, i = [], 0
    while i < len(doc):
        end = _phrase_end(doc, i)
        if end > i:
            amount = _amount(doc, i, end)
            if amount is not None:
                found.append(amount)
            i = end
        else:
            i += 1
    return found


def _is_numberish(token: Token) -> bool:
    lower = token.lower_
    if lower in VAGUE_UNITS:
        return lower != "scores" or _next_is(token, "of")
    if lower in SMALL or lower in MULTIPLIERS or lower == "dozen":
        return True
    return token.like_num and _digits(lower) is not None


def _phrase_end(doc: Doc, start: int) -> int:
    """Where the number phrase starting at ``start`` ends (``start`` if none starts)."""
    token = doc[start]
    if token.lower_ in {"a", "half"} and start + 1 < len(doc) and (
            doc[start + 1].lower_ in {*MULTIPLIERS, "dozen", "a"}):
        pass  # "a dozen", "a hundred", "half a dozen"
    elif not _is_numberish(token):
        return start
    end = start + 1
    while end < len(doc):
        word = doc[end]
        if _is_numberish(word) or (word.lower_ in {"-", "and", "a", "of"} and end + 1 < len(doc)
                                   and _is_numberish(doc[end + 1])
                                   and _joins(word, doc[end - 1], doc[end + 1])):
            end += 1
        else:
            break
    return end


def _joins(word: Token, before: Token, after: Token) -> bool:
    """'twenty-five', 'one hundred and twenty', 'half a dozen', 'tens of thousands'."""
    if word.lower_ == "of":
        return before.lower_ in VAGUE_UNITS and after.lower_ in {*VAGUE_UNITS, *MULTIPLIERS}
    if word.lower_ == "a":
        return before.lower_ == "half" and after.lower_ == "dozen"
    if word.lower_ == "and":
        return before.lower_ in MULTIPLIERS and after.lower_ in SMALL
    return before.lower_ in SMALL and after.lower_ in SMALL  # "-"


def _amount(doc: Doc, start: int, end: int) -> Amount | None:
    words = [t.lower_ for t in doc[start:end] if t.lower_ not in {"-", "and", "of"}]
    if _not_a_count(doc, start, end):
        return None
    value, approximate = read_words(words)
    if value is None:
        return None
    qualifier, qualifier_start = _qualifier(doc, start)
    return Amount(start, end, value, approximate, qualifier, qualifier_start)


def _not_a_count(doc: Doc, start: int, end: int) -> bool:
    """Percentages, money, ordinals ('5th'), and 'one' as a pronoun ('no one')."""
    if start > 0 and doc[start - 1].text in CURRENCY_SIGNS:
        return True
    if end < len(doc) and doc[end].lower_ in NOT_COUNTS:
        return True
    first = doc[start].lower_
    if first[-2:] in {"st", "nd", "rd", "th"} and first[:1].isdigit():
        return True
    return first == "one" and start > 0 and doc[start - 1].lower_ in {"no", "any", "every"}


def read_words(words: list[str]) -> tuple[int | None, bool]:
    """The value of a number phrase's words, and whether it is a vague lower bound."""
    if words and words[0] in VAGUE_UNITS:
        value = 2 * VAGUE_UNITS[words[0]]
        for word in words[1:]:  # "tens of thousands", "hundreds of thousands"
            value *= VAGUE_UNITS.get(word) or MULTIPLIERS.get(word, 1)
        return value, True
    total, current = 0.0, 0.0
    for word in words:
        if word == "a":
            current = current or 1
        elif word == "half":
            current = 0.5
        elif word == "dozen":
            current = (current or 1) * DOZEN
        elif word in SMALL:
            current += SMALL[word]
        elif word in MULTIPLIERS:
            multiplier = MULTIPLIERS[word]
            if multiplier == 100:
                current = (current or 1) * 100
            else:
                total += (current or 1) * multiplier
                current = 0
        else:
            digits = _digits(word)
            if digits is None:
                return None, False
            current += digits
    value = total + current
    return (int(value) if value >= 1 else None), False


def _digits(text: str) -> float | None:
    """'1,200' -> 1200; '1.5' -> 1.5; None for anything else ('2000s', '3-2')."""
    cleaned = text.replace(",", "")
    try:
        return float(cleaned)
    except ValueError:
        return None


def _qualifier(doc: Doc, start: int) -> tuple[str | None, int]:
    """The qualifier just before the number ('at least 12'), and where it starts."""
    before = [t.lower_ for t in doc[max(0, start - 3):start]]
    for qualifier in QUALIFIERS:
        words = qualifier.split()
        if before[-len(words):] == words:
            return qualifier, start - len(words)
    return None, start


def _next_is(token: Token, word: str) -> bool:
    doc = token.doc
    return token.i + 1 < len(doc) and doc[token.i + 1].lower_ == word
