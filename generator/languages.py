"""Language names as scrapers write them on an article's first line, to ISO 639-1 codes."""

from __future__ import annotations

import unicodedata

# Each language under its own name (endonym) and its English name.
_NAMES = {
    "ar": ["العربية", "عربي", "Arabic"],
    "bg": ["Български", "Bulgarian"],
    "ca": ["Català", "Catalan"],
    "cs": ["Čeština", "Česky", "Czech"],
    "da": ["Dansk", "Danish"],
    "de": ["Deutsch", "German"],
    "el": ["Ελληνικά", "Greek"],
    "en": ["English", "Englisch", "Anglais", "Inglés"],
    "es": ["Español", "Castellano", "Spanish"],
    "et": ["Eesti", "Estonian"],
    "fa": ["فارسی", "Persian", "Farsi"],
    "fi": ["Suomi", "Finnish"],
    "fr": ["Français", "French"],
    "he": ["עברית", "Hebrew"],
    "hi": ["हिन्दी", "Hindi"],
    "hr": ["Hrvatski", "Croatian"],
    "hu": ["Magyar", "Hungarian"],
    "id": ["Bahasa Indonesia", "Indonesian"],
    "it": ["Italiano", "Italian"],
    "ja": ["日本語", "Japanese"],
    "ko": ["한국어", "Korean"],
    "lt": ["Lietuvių", "Lithuanian"],
    "lv": ["Latviešu", "Latvian"],
    "nl": ["Nederlands", "Dutch"],
    "no": ["Norsk", "Norsk bokmål", "Norwegian"],
    "pl": ["Polski", "Polish"],
    "pt": ["Português", "Portuguese"],
    "ro": ["Română", "Romanian"],
    "ru": ["Русский", "Russian"],
    "sk": ["Slovenčina", "Slovak"],
    "sl": ["Slovenščina", "Slovenian"],
    "sr": ["Српски", "Srpski", "Serbian"],
    "sv": ["Svenska", "Swedish"],
    "tr": ["Türkçe", "Turkish"],
    "uk": ["Українська", "Ukrainian"],
    "vi": ["Tiếng Việt", "Vietnamese"],
    "zh": ["中文", "简体中文", "繁體中文", "Chinese"],
}


def _key(name: str) -> str:
    return unicodedata.normalize("NFC", name).strip().casefold()


LANGUAGE_BY_NAME: dict[str, str] = {_key(n): code for code, names in _NAMES.items() for n in names}
NAME_BY_CODE: dict[str, str] = {code: names[0] for code, names in _NAMES.items()}


def language_code(line: str) -> str | None:
    """'Deutsch' -> 'de'; None when the line is not just a language name."""
    return LANGUAGE_BY_NAME.get(_key(line))


def is_language_code(value: str) -> bool:
    return value.lower().split("-")[0] in NAME_BY_CODE
