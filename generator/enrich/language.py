"""The language of an article that does not state one, detected from its words.

Lingua (lingua-language-detector) ships its language models inside the PyPI package,
so nothing is downloaded at run time and the same text always gets the same answer.
Two choices keep it fast enough for a corpus of 10,000 articles:

- only the languages digest has names for (`generator.languages`) are candidates,
  which also means every answer is a code the rest of digest knows;
- it reads a bounded prefix of the text (the title and the first paragraphs) in
  lingua's low-accuracy mode, which loads in a fraction of a second and is as
  accurate as the full mode on texts of this length;
- a text plainly in English or Italian is told by its function words
  (`clear_language`), with lingua's answer, without running lingua.

Text too short to judge gives None, and the caller falls back to the site default.
"""

from __future__ import annotations

from functools import lru_cache
from itertools import islice

from lingua import Language, LanguageDetector, LanguageDetectorBuilder

from ..languages import NAME_BY_CODE
from .clear_language import clear_language

# How much text is read: enough for a reliable answer, bounded for speed.
PREFIX_CHARS = 600
# Fewer letters than this and a guess would be noise ("OK", a lone name).
MIN_LETTERS = 40

# Lingua names Norwegian by its written standards; "no" is what digest and Material use.
_LINGUA_ALIASES = {"nb": "no", "nn": "no"}


def detect_language(text: str) -> str | None:
    """The ISO 639-1 code of the language `text` is written in, or None when unsure."""
    sample = text[:PREFIX_CHARS]
    # Whether it has MIN_LETTERS letters, counted no further than that (the whole sample took ~20 µs).
    if next(islice(filter(str.isalpha, sample), MIN_LETTERS - 1, None), None) is None:
        return None
    clear = clear_language(sample)  # lingua's answer, told faster when the text leaves no doubt
    if clear is not None:
        return clear
    language = _detector().detect_language_of(sample)
    if language is None:
        return None
    code = language.iso_code_639_1.name.lower()
    return _LINGUA_ALIASES.get(code, code)


def candidate_languages() -> list[str]:
    """The codes detection can answer with, sorted."""
    return sorted({_LINGUA_ALIASES.get(lang.iso_code_639_1.name.lower(), lang.iso_code_639_1.name.lower())
                   for lang in _candidates()})


def _candidates() -> list[Language]:
    wanted = {code for code in NAME_BY_CODE if code not in _LINGUA_ALIASES.values()}
    languages = [lang for lang in Language.all() if lang.iso_code_639_1.name.lower() in wanted]
    if "no" in NAME_BY_CODE:
        languages.append(Language.BOKMAL)
    return sorted(languages, key=lambda lang: lang.name)


@lru_cache(maxsize=1)
def _detector() -> LanguageDetector:
    # Built once per process, on first use: a build with every article stated in its
    # language line never loads a model.
    return LanguageDetectorBuilder.from_languages(*_candidates()).with_low_accuracy_mode().build()
