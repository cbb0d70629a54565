"""A country named only as a currency's issuer is no actor: "US $50 million",
"50 million US dollars", "Iraqi dinars". Left in, it becomes a target ("pledged 50
million US dollars to Jordan" aimed at the United States) or the antecedent a later
"the president" is placed by."""

from __future__ import annotations

from spacy.tokens import Doc, Token

CURRENCY_SYMBOLS = ("$", "€", "£", "¥")
CURRENCY_WORDS = frozenset({
    "dollar", "dollars", "cent", "cents", "euro", "euros", "pound", "pounds", "sterling",
    "yen", "yuan", "renminbi", "rupee", "rupees", "ruble", "rubles", "rouble", "roubles",
    "shekel", "shekels", "dinar", "dinars", "dirham", "dirhams", "riyal", "riyals", "rial",
    "rials", "peso", "pesos", "franc", "francs", "lira", "lire", "won", "rand", "naira",
    "kwacha", "shilling", "shillings", "hryvnia", "hryvnias", "lari", "zloty", "krona",
    "kronor", "krone", "kroner", "real", "reais", "baht", "ringgit", "rupiah", "taka",
})


def names_currency(doc: Doc, end: int) -> bool:
    """Whether the words right after a mention ending at ``end`` name money."""
    if end >= len(doc):
        return False
    return is_currency(doc[end].lower_)


def names_money(token: Token) -> bool:
    """Whether a phrase's words name an amount of money ("€45m", "50 million dollars")."""
    return any(is_currency(word.lower_) for word in token.subtree)


def is_currency(word: str) -> bool:
    """A lower-cased word that names a currency, or starts with its symbol ("$50")."""
    return word in CURRENCY_WORDS or word.startswith(CURRENCY_SYMBOLS)
