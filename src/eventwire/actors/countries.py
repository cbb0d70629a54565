"""The country of an actor code, for formats that name a country (PLOVER, ISO-3).

A CAMEO actor code starts with its country ("ISRGOV" is Israel's). A state
coded inside a former federation or the state it seceded from comes after it:
"SCGSRB" is Serbia within Serbia and Montenegro, "SUNRUS" Russia within the USSR,
"ETHERI" Eritrea before its independence. The Phoenix dictionaries give such
dated codes, so an article from 2000 names Serbia SCGSRB; its country is SRB.
"""

from __future__ import annotations

# The states CAMEO codes inside another: former federations' members, and
# territories inside the state they seceded from. Only these: ETHMUS is Ethiopia's
# Muslims, not Mauritius, and SUNGOV the Soviet government.
MEMBERS: dict[str, frozenset[str]] = {
    "YUG": frozenset({"SRB", "MNE", "HRV", "SVN", "MKD", "BIH", "KSV"}),
    "SCG": frozenset({"SRB", "MNE", "KSV"}),
    "SUN": frozenset({"RUS", "UKR", "BLR", "MDA", "EST", "LVA", "LTU", "GEO", "ARM", "AZE",
                      "KAZ", "UZB", "TKM", "KGZ", "TJK"}),
    "CSK": frozenset({"CZE", "SVK"}),
    "ETH": frozenset({"ERI"}),
    "SDN": frozenset({"SSD"}),
    "IDN": frozenset({"TMP"}),
}
MEMBERS["USR"] = MEMBERS["SUN"]  # the Phoenix files spell the USSR both ways

# Code prefixes that name no state: international and non-governmental bodies,
# multinationals, transnational militarized groups and social movements, and the
# Phoenix files' prefixes for the UN, the EU and unknown groups; and the whole codes
# the Phoenix files give bodies of no state: news agencies (AFP is MED), elites (ELI),
# religions (MOS, BAH) and the Western European Union (WEU).
NON_STATES = frozenset({"IGO", "NGO", "NGM", "MNC", "IMG", "ISM", "INT", "UIS", "UNO", "EUR",
                        "MED", "ELI", "MOS", "BAH", "WEU"})

# PLOVER names countries by ISO 3166 alpha-3 and folds dependencies into the state
# that controls them (manual, "Non-independent territories"); Kosovo is KOS. These
# are the CAMEO codes the dictionaries use that differ; ANG is a Phoenix typo for
# Angola (UNITA is "ANGREB").
PLOVER_COUNTRIES: dict[str, str] = {
    "TMP": "TLS", "KSV": "KOS", "ANG": "AGO", "FRN": "FRA",
    "PRI": "USA", "GUM": "USA", "VIR": "USA", "ASM": "USA",
    "ABW": "NLD", "CUW": "NLD", "COK": "NZL", "NIU": "NZL", "GRL": "DNK", "FRO": "DNK",
    "AIA": "GBR", "BMU": "GBR", "CYM": "GBR", "GGY": "GBR", "JEY": "GBR", "IMN": "GBR",
    "FLK": "GBR", "GIB": "GBR", "MSR": "GBR", "TCA": "GBR", "VGB": "GBR",
    "GLP": "FRA", "GUF": "FRA", "MTQ": "FRA", "REU": "FRA", "MYT": "FRA", "NCL": "FRA",
    "PYF": "FRA", "SPM": "FRA", "WLF": "FRA", "MAC": "CHN",
}


def country_of(code: str | None) -> str | None:
    """The three-letter country of an actor code, None for an empty one."""
    if not code:
        return None
    code = code.upper()
    if code[3:6] in MEMBERS.get(code[:3], ()):
        return code[3:6]
    return code[:3]


def plover_country(code: str | None) -> str | None:
    """The PLOVER country of an actor code: TLS for TMPGOV, USA for PRI."""
    country = country_of(code)
    return PLOVER_COUNTRIES.get(country, country) if country else None


def names_state(code: str | None) -> bool:
    """Whether a code starts with a state ('ISRGOV', 'SCGSRB'), not an international
    or non-governmental body, a transnational group or an unplaced agent ('---GOV')."""
    country = country_of(code)
    return bool(country) and country.isalpha() and country not in NON_STATES


def country_prefix(code: str) -> str:
    """The part of a code that places it: 'ISR' of ISRGOV, 'SCGSRB' of SCGSRBGOV."""
    return code[:3] if country_of(code) == code[:3].upper() else code[:6]


def sector_of(code: str | None) -> str | None:
    """What follows the country: 'GOV' for ISRGOV and for SCGSRBGOV."""
    if not code:
        return None
    return code[len(country_prefix(code)):] or None
