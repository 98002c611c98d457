"""One entity, many spellings: the built-in table of common short forms and other-language names.

News writes the same country or body many ways ("U.S.", "US", "USA", "America", "United States
of America"); each way must reach the one entity page. `canonical_variant` maps a name to the
name the page carries, case- and punctuation-insensitively; `variant_key` is the key two
spellings share when they name one thing. The owner's `content/entities.yml` aliases still win
(they are applied first, in resolve.py).
"""

from __future__ import annotations

import functools
import re
import unicodedata

from ...model import EntityType

# canonical name -> other ways news writes it. Only forms that are unambiguous in news text:
# "US" the country, never the pronoun (names in capitals never match ordinary case). The
# canonical name is the one encyclopaedias title the entity with: "United States", "NATO".
_TABLE: dict[str, tuple[str, ...]] = {
    "United States": ("US", "U.S.", "U.S", "USA", "U.S.A.", "America", "United States of America",
                      "Stati Uniti", "États-Unis", "Etats-Unis", "Estados Unidos", "Vereinigte Staaten", "EEUU", "EE.UU."),
    "United Kingdom": ("UK", "U.K.", "Britain", "Great Britain", "United Kingdom of Great Britain and Northern Ireland",
                       "Regno Unito", "Royaume-Uni", "Reino Unido", "Vereinigtes Königreich", "Großbritannien",
                       "Gran Bretagna", "Grande-Bretagne", "Gran Bretaña"),
    "European Union": ("EU", "E.U.", "Unione europea", "Unione Europea", "Union européenne", "Unión Europea",
                       "Europäische Union", "UE"),
    "United Nations": ("UN", "U.N.", "Nazioni Unite", "Organizzazione delle Nazioni Unite", "ONU", "Nations unies",
                       "Naciones Unidas", "Vereinte Nationen", "UNO"),
    "European Commission": ("Commission européenne", "Commissione europea", "Commissione Europea", "Comisión Europea",
                            "Europäische Kommission", "EU-Kommission"),
    "European Parliament": ("Parlement européen", "Parlamento europeo", "Parlamento Europeo", "Europäisches Parlament",
                            "EU-Parlament"),
    "United Nations Security Council": ("UN Security Council", "U.N. Security Council", "Conseil de sécurité",
                                        "Consiglio di sicurezza", "Consiglio di Sicurezza", "Consejo de Seguridad",
                                        "UN-Sicherheitsrat", "Sicherheitsrat"),
    "Latin America": ("America Latina", "América Latina", "Amérique latine", "Lateinamerika"),
    "Soviet Union": ("USSR", "U.S.S.R.", "Unione Sovietica", "Union soviétique", "Sowjetunion", "Unión Soviética"),
    "United Arab Emirates": ("UAE", "U.A.E.", "Emirati Arabi Uniti", "Émirats arabes unis", "Emiratos Árabes Unidos"),
    "Republican Party": ("GOP", "G.O.P.", "Grand Old Party", "Republicans"),
    "Democratic Party": ("Democrats",),
    "Federal Reserve": ("Fed", "Federal Reserve Board", "Federal Reserve System", "U.S. Federal Reserve"),
    "European Central Bank": ("ECB", "Banca centrale europea", "BCE", "Banque centrale européenne", "Europäische Zentralbank", "EZB"),
    "Internal Revenue Service": ("IRS", "I.R.S."),
    "al-Qaeda": ("al Qaeda", "al-Qaida", "al Qaida", "Al-Qaeda", "Al Qaeda", "Al-Qaida", "Al Qaida"),
    "FBI": ("F.B.I.", "Federal Bureau of Investigation"),
    "CIA": ("C.I.A.", "Central Intelligence Agency"),
    "NASA": ("National Aeronautics and Space Administration",),
    "NATO": ("N.A.T.O.", "Nato", "North Atlantic Treaty Organization", "North Atlantic Treaty Organisation", "OTAN",
             "Alleanza atlantica"),
    "World Health Organization": ("WHO", "W.H.O.", "Organizzazione mondiale della sanità", "OMS", "Weltgesundheitsorganisation"),
    "International Monetary Fund": ("IMF", "I.M.F.", "Fondo monetario internazionale", "FMI", "Fonds monétaire international",
                                    "Internationaler Währungsfonds", "IWF"),
    "World Trade Organization": ("WTO", "W.T.O.", "Organizzazione mondiale del commercio", "OMC"),
    "Securities and Exchange Commission": ("SEC", "S.E.C."),
    "Environmental Protection Agency": ("EPA", "E.P.A."),
    "OPEC": ("Opec", "Organization of the Petroleum Exporting Countries"),
    "International Olympic Committee": ("IOC", "I.O.C.", "Comitato olimpico internazionale", "CIO"),
    "FIFA": ("Fifa", "Fédération Internationale de Football Association"),
    "BBC": ("British Broadcasting Corporation",),
    "Agence France-Presse": ("AFP", "A.F.P.", "Agence France Presse"),
    "Palestine Liberation Organization": ("PLO", "P.L.O."),
    "Irish Republican Army": ("IRA", "I.R.A."),
    "National Health Service": ("NHS",),
    "Democratic Republic of the Congo": ("DR Congo", "DRC", "D.R. Congo", "Congo-Kinshasa"),
    "People's Republic of China": ("PRC",),
    "North Korea": ("N. Korea", "DPRK", "D.P.R.K.", "Corea del Nord", "Corée du Nord", "Nordkorea", "Corea del Norte"),
    "South Korea": ("S. Korea", "Corea del Sud", "Corée du Sud", "Südkorea", "Corea del Sur"),
}

# Exonyms of capitals and large cities in the languages digest reads most: one page per city.
_CITIES: dict[str, tuple[str, ...]] = {
    "London": ("Londres", "Londra"), "Munich": ("München", "Monaco di Baviera"), "Cologne": ("Köln", "Colonia"),
    "Vienna": ("Wien", "Vienne", "Viena"), "Rome": ("Roma",), "Milan": ("Milano", "Mailand"),
    "Naples": ("Napoli", "Neapel"), "Turin": ("Torino", "Turín"), "Florence": ("Firenze", "Florenz"),
    "Venice": ("Venezia", "Venedig", "Venise"), "Genoa": ("Genova", "Genua", "Gênes"),
    "Moscow": ("Mosca", "Moscou", "Moskau", "Moscú"), "Warsaw": ("Varsavia", "Varsovie", "Warschau", "Varsovia"),
    "Prague": ("Praga", "Prag"), "Lisbon": ("Lisbona", "Lisbonne", "Lissabon", "Lisboa"),
    "Brussels": ("Bruxelles", "Brüssel", "Bruselas"), "The Hague": ("L'Aia", "La Haye", "Den Haag", "La Haya"),
    "Athens": ("Atene", "Athènes", "Athen", "Atenas"), "Copenhagen": ("Copenaghen", "Copenhague", "Kopenhagen"),
    "Geneva": ("Ginevra", "Genève", "Genf", "Ginebra"), "Beijing": ("Pechino", "Pékin", "Peking", "Pekín"),
    "Berlin": ("Berlino",), "Paris": ("Parigi",), "Madrid": (),
    "Washington, D.C.": ("Washington D.C.", "Washington DC"),
    "Europe": ("Europa",),
}

# The table's organizations; every other entry is a place.
_ORGANIZATIONS = frozenset({
    "European Union", "United Nations", "Republican Party", "Democratic Party", "Federal Reserve",
    "European Central Bank", "Internal Revenue Service", "al-Qaeda", "FBI", "CIA", "NASA", "NATO",
    "World Health Organization", "International Monetary Fund", "World Trade Organization",
    "Securities and Exchange Commission", "Environmental Protection Agency", "OPEC",
    "International Olympic Committee", "FIFA", "BBC", "Palestine Liberation Organization",
    "Irish Republican Army", "National Health Service", "Agence France-Presse", "European Commission",
    "European Parliament", "United Nations Security Council",
})

_CANONICAL: dict[str, str] = {}


@functools.lru_cache(maxsize=1 << 17)
def fold(name: str) -> str:
    """The spelling-blind key: case, accents, dots, hyphens and spaces do not count."""
    folded = name.casefold()
    if folded.isascii() and folded.isalnum():
        return folded  # (most names: no accent to strip, no mark to drop)
    decomposed = unicodedata.normalize("NFKD", folded)
    return _NOT_WORD.sub("", "".join(c for c in decomposed if not unicodedata.combining(c)))


_NOT_WORD = re.compile(r"[\W_]+")


assert _ORGANIZATIONS <= set(_TABLE), _ORGANIZATIONS - set(_TABLE)
for _canonical, _variants in (*_TABLE.items(), *_CITIES.items()):
    for _variant in (_canonical, *_variants):
        _CANONICAL.setdefault(fold(_variant), _canonical)


@functools.lru_cache(maxsize=65536)
def canonical_variant(name: str) -> str | None:
    """The table's name for `name` ("U.S." -> "United States"), or None when the table does not know it."""
    return _CANONICAL.get(fold(name))


@functools.lru_cache(maxsize=65536)
def variant_type(canonical: str) -> EntityType:
    """What a name of the table is: the table settles "Europa" (a place) whatever a cue said."""
    return EntityType.ORGANIZATION if canonical in _ORGANIZATIONS else EntityType.PLACE


def table_spellings() -> list[tuple[str, str]]:
    """(spelling, canonical name) for every spelling in the table, the canonical ones too."""
    return [(spelling, canonical) for canonical, spellings in (*_TABLE.items(), *_CITIES.items())
            for spelling in (canonical, *spellings)]


def variant_key(name: str) -> str:
    """The key shared by every spelling of one entity the table knows, else the spelling-blind key."""
    canonical = canonical_variant(name)
    return fold(canonical) if canonical else fold(name)
