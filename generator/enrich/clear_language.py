"""The language of a text that leaves no doubt, told from its function words, without lingua.

Lingua reads every letter of its 600-character sample (about 1.4 ms of CPU per article, a
fifth of an article's per-file work). Most articles need none of that: an English or Italian
sample made of that language's alphabet alone, with its function words in every third of it
and no gap of more than a sentence without one, and hardly a function word of another
language, is English or Italian to lingua too. Anything less clear (a name with letters the
alphabet lacks, a quote or a table in another language, too few words) goes to lingua, so
the answer is lingua's own. On the real text at hand (Wikinews in English and Italian, the
CoNLL-2003 documents, Wikipedia's current events, the test fixtures: 4,502 texts) and on
translated messages in 159 locales, every decision here equals lingua's. Mixed text is
harder: lingua may name a short passage's language for a text mostly in another. Of 320,000
mixtures of those texts (a passage of one language before, inside or after another's),
36,252 were decided here and 4 of them not as lingua decides (a passage of Dutch in
English; three times in an artificial test fixture); the limits below send the
rest of such mixtures to lingua. Only languages with that much real text to check are decided.
Names are the one exception to "the alphabet alone": up to two capitalized words may hold Latin
letters with diacritics the alphabet lacks ("Paweł", "Gdańsk"; see _lacking_only_in_names).
"""

from __future__ import annotations

import re

from ..stopwords import stop_lists

# Function words that say one language, none of them a common word of the others here.
_MARKERS = {
    "en": "the of and to is was that for with from by has have are were which this said his their they been would "
          "will not but who be it its at as on an",
    "it": "il di che della dello degli delle dei del nel nella nelle negli nello sul sulla sulle sui alla alle agli "
          "allo gli sono è anche più questo questa questi queste stato stata essere perché per non dal dalla lo una "
          "la le un ha da",
}
# Other languages' function words: evidence against the two above (see _RIVALS).
_OTHERS = (
    "der und ist nicht mit sich auf für dass eine das ein zu von wird sind auch dem im bei nach wurde werden über "  # de
    "le les des du et est une dans pour sur au aux qui que pas ce cette ont été avec sont "  # fr
    "el los las y que por para es está fue su sus como pero más del al una con se lo "  # es
    "os do da dos das em não que uma um ao na no foi são com por para mais "  # pt
    "het een van en de is dat op zijn voor met niet aan ook werd door "  # nl
    "els amb dels és va aquest aquesta però també seva seu "  # ca
    "și în care este din pentru cu fost sunt să pe la un o "  # ro
    "yang dan ini itu dengan untuk dari dalam tidak akan pada adalah "  # id
    "och att det som med av inte og ikke af til er "  # sv, da, no
    "nie jest oraz przez jak je na se ve jsou byl pro jako su za od kao koji bio ali biti "  # pl, cs, hr, sr, sl
    "ja on ei oli ovat mukaan kanssa az egy hogy nem volt bir ve bu ile olarak ir ka un ar et"  # fi, hu, tr, lt, lv, et
)
_ALPHABETS = {"en": frozenset("abcdefghijklmnopqrstuvwxyz"), "it": frozenset("abcdefghijklmnopqrstuvwxyzàèéìòù")}

# Lowercase Latin letters with diacritics a name in an English or Italian text may hold ("Paweł",
# "Gdańsk", "Erdoğan", "Nepāla"): letters the alphabet lacks are allowed in at most _MAX_NAMES words,
# each capitalized. German's umlauts and ß are not among them: German writes every noun with a
# capital, so there a capitalized word is no sign of a name (a German passage in an English text
# could then pass, and lingua may name it German).
_NAME_LETTERS = frozenset(c for c in map(chr, [*range(0xC0, 0x250), *range(0x1E00, 0x1F00)])
                          if c.isalpha() and c.islower()) - frozenset("äöüß")
_MAX_NAMES = 2

_MIN_HITS = 10  # function words of the language in the sample, at least
_MIN_SHARE = 0.1  # of the sample's words, and of each third's
_MIN_THIRD_HITS = 3
_MAX_RIVAL_SHARE = 0.2  # other languages' function words, at most, per function word of the language
_MAX_GAP = 16  # words between two function words of the language (or the sample's ends), at most

_WORD = re.compile(r"[^\W\d_]+")


def _rivals() -> dict[str, frozenset[str]]:
    lists = stop_lists()
    everything = set(_OTHERS.split()).union(*(words.split() for words in _MARKERS.values()))
    return {code: frozenset(everything - set(words.split()) - {w.lower() for w in lists.get(code, ())})
            for code, words in _MARKERS.items()}


_WITH_NAME_LETTERS = {code: alphabet | _NAME_LETTERS for code, alphabet in _ALPHABETS.items()}
_MARKER_SETS = {code: frozenset(words.split()) for code, words in _MARKERS.items()}
_RIVALS = _rivals()


def clear_language(sample: str) -> str | None:
    """'en' or 'it' when `sample` (lingua's sample) is plainly in that language, else None (ask lingua)."""
    words = _WORD.findall(sample.lower())
    if len(words) < _MIN_HITS:
        return None
    letters = set().union(*words)
    for code, alphabet in _ALPHABETS.items():
        if (letters <= alphabet or _lacking_only_in_names(sample, letters, code)) \
                and _is_plainly(words, _MARKER_SETS[code], _RIVALS[code]):
            return code
    return None


def _lacking_only_in_names(sample: str, letters: set[str], code: str) -> bool:
    """Whether the letters of `sample` that the language's alphabet lacks are name letters
    (_NAME_LETTERS) in at most _MAX_NAMES words, each capitalized: "Paweł Adamowicz, mayor of
    Gdańsk" is plain English to lingua as well. Checked as the module's docstring says: on the
    real texts at hand 133 more samples decided (49 of 936 long Wikinews articles), each as
    lingua decides, none of the synthetic corpus's 2,000 changed; of 100,000 mixtures of real
    texts with translated messages of 133 locales, 1,859 more decided, none unlike lingua."""
    alphabet = _ALPHABETS[code]
    if not letters <= _WITH_NAME_LETTERS[code]:
        return False
    lacking = [word for word in _WORD.findall(sample) if not alphabet.issuperset(word.lower())]
    return 0 < len(lacking) <= _MAX_NAMES and all(word[0].isupper() for word in lacking)


def _is_plainly(words: list[str], markers: frozenset[str], rivals: frozenset[str]) -> bool:
    hits = [i for i, w in enumerate(words) if w in markers]
    if len(hits) < _MIN_HITS or len(hits) < _MIN_SHARE * len(words):
        return False
    if max(b - a for a, b in zip([-1, *hits], [*hits, len(words)])) > _MAX_GAP:
        return False
    n = len(words)
    for third in (words[: n // 3], words[n // 3 : 2 * n // 3], words[2 * n // 3 :]):
        own = sum(1 for w in third if w in markers)
        if own < max(_MIN_THIRD_HITS, _MIN_SHARE * len(third)) + sum(1 for w in third if w in rivals):
            return False
    return sum(1 for w in words if w in rivals) <= _MAX_RIVAL_SHARE * len(hits)
