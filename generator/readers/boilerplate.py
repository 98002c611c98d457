"""What scrapers and wire services leave around an article, in `.txt` and `.html` alike.

The rules describe kinds of page furniture, not one site's strings:
- lines made only of interface words ("Gift Article Share", "Print Email", "Comments (12)");
- calls to action about the site itself ("Sign up for our newsletter", "Fill out this form to
  email this article"), navigation ("Return to Transcripts main page", "Home News World Sport",
  "Home > Europe > Poland"), layout leftovers ("Spacer") and copyright lines;
- a reader-comments section (its heading and everything after it) and lists of links under
  "Related" / "Most read" headings;
- wire sign-offs at the very end ("REUTER", "Reuter^M", "AP", "(Reporting by …; Editing by …)").
"""

from __future__ import annotations

import re

from ..wire import SIGN_OFF_AGENCIES

# Words of a page's interface; a short line made only of these is never article text.
_UI_WORDS = frozenset("""
    share shares shared sharing gift article story this page email e-mail mail print save saved bookmark
    comment comments reply replies report like likes tweet facebook twitter x linkedin whatsapp reddit pinterest
    telegram messenger flipboard copy link url subscribe subscribed follow unfollow sign up in log login logout
    register read more listen to audio video watch minutes min mins close menu search next previous back top home
    loading advertisement ad sponsored spacer open expand collapse show hide full screen fullscreen
    teilen drucken merken kommentare kommentar partager imprimer commenter commentaires condividi stampa commenti
    compartir imprimir comentarios delen reageren
""".split())
# At least one of these must be there: "Read more" is junk, "This story" alone is not said to be.
_UI_STRONG = _UI_WORDS - frozenset("this article story page to in up more open full top back next previous x".split())
_JUNK_LINE = re.compile(
    r"""^(?:
        loading(?:\.\.\.|…)?
      | share(?:\ (?:this|on\ \w+))?(?:\ article|\ story)?
      | advertisement | advertising | anzeige | publicité | sponsored(?:\ content)?
      | read\ more | read\ next | related(?:\ articles?|\ stories)? | more\ on\ this\ story
      | subscribe(?:\ now)? | sign\ up | log\ ?in | sign\ in | skip\ to\ (?:main\ )?content
      | (?:accept|reject|allow)(?:\ all)?\ cookies | cookie\ (?:settings|preferences|policy)
      | print | email | tweet | copy\ link | comments?(?:\ \(\d+\))? | show\ comments
      | follow\ us(?:\ on\ [\w ]+)? | back\ to\ top | image | video | watch | listen
      | spacer | blank | pixel | clear | transparent | 1x1 | \[?(?:image|photo|video)\]?
    )\.?$""",
    re.IGNORECASE | re.VERBOSE,
)
_COOKIE_NOTICE = re.compile(
    r"\b(?:we|this\ (?:site|website))\ uses?\ cookies\b|\bby\ continuing\ to\ (?:use|browse)\b"
    r"|\bcookie\ (?:consent|notice|banner)\b|\bconsent\ to\ (?:the\ use\ of\ )?cookies\b",
    re.IGNORECASE | re.VERBOSE,
)
# A call to action about the site: a verb asking the reader to act, and the thing it is about.
_CALL_TO_ACTION = re.compile(
    r"^(?:please\s+)?(?:sign\s+up|subscribe|register|fill\s+(?:out|in)|enter\s+your|click|tap|download|get|follow"
    r"|join|already\s+(?:a|have)|log\s*in|sign\s+in|support|become\s+a|don['’]t\s+miss|never\s+miss|want\s+more"
    r"|like\s+this|enjoy(?:ed)?\s+this|give\s+this|send\s+(?:this|us)|share\s+(?:this|your)|have\s+a(?:\s+news)?\s+tip"
    r"|contact\s+us|read\s+(?:the|our)\s+(?:full|latest)|to\s+(?:email|share|print|save)|abonnieren|abonnez|iscriviti"
    r"|suscr[ií]bete|melden\s+sie\s+sich)\b",
    re.IGNORECASE,
)
_SITE_THING = re.compile(
    r"\b(?:newsletters?|e-?mails?|inbox|article|story|form|app|subscriptions?|subscribers?|account|updates|alerts"
    r"|notifications|podcasts?|journalism|briefing|tips?|feed|here|rss|push)\b",
    re.IGNORECASE,
)
_NAVIGATION = re.compile(
    r"^(?:return|back|go|jump|skip)\s+to\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}?(?:top|home|homepage|main|index|page|front\s+page"
    r"|content|navigation|menu|search|results|transcripts|list|overview|start)\b[^,;]*$"
    r"|^click\s+here\b|^this\s+is\s+a\s+rush\s+transcript\b",
    re.IGNORECASE)
_COPYRIGHT = re.compile(
    r"^(?:©|\(c\)\s|copyright\s*(?:©|\(c\)|\d{4}))|\ball\s+rights\s+reserved\b|\btous\s+droits\s+réservés\b"
    r"|\balle\s+rechte\s+vorbehalten\b|\btutti\s+i\s+diritti\s+riservati\b|\btodos\s+los\s+derechos\s+reservados\b",
    re.IGNORECASE,
)
# Words without which _COPYRIGHT and _COOKIE_NOTICE cannot match, to skip those searches on most lines
# (lowercased: under IGNORECASE only these four non-ASCII letters match ASCII ones, see _may_match).
_COPYRIGHT_KEYS = ("©", "(c)", "copyright", "rights", "droits", "rechte", "diritti", "derechos")
_COOKIE_KEYS = ("cookie", "continuing")
# Written as escapes: the Kelvin sign looks like (and was once typed as) the letter K, which put
# every line with a capital K through both searches.
_FOLDS_TO_ASCII = "\u0130\u0131\u017f\u212a"  # İ ı ſ and the Kelvin sign
_HOME = re.compile(r"^(?:home|homepage|start|startseite|accueil|inicio|página\s+principal)\b", re.IGNORECASE)
_CRUMB_SEPARATOR = re.compile(r"\s+[>»›•·|]\s+")
_NAV_ITEMS = frozenset("""
    home contact about imprint impressum sitemap privacy terms help faq careers advertise accessibility rss
    newsletters datenschutz kontakt mentions légales contatti
""".split())
# Sections of a news site, as its menu names them.
_SECTIONS = frozenset("""
    news world business sport sports politics opinion video videos health tech technology science entertainment
    arts culture travel style weather markets money lifestyle local national international europe us u.s. uk asia
    africa americas transcripts shows live tv food education environment climate economy podcasts
    nachrichten politik wirtschaft kultur welt panorama wissen actualités monde économie société culture politique
    cronaca esteri economia politica cultura spettacoli noticias mundo deportes
""".split())
# A short label and a colon before a linked headline: "Related: …", "READ MORE: …".
_LINK_LABEL = re.compile(
    r"^(?:related|read\s+(?:more|also|next)|see\s+also|more|also\s+read|watch|listen|lesen\s+sie\s+auch"
    r"|mehr\s+zum\s+thema|à\s+lire\s+aussi|lire\s+aussi|leggi\s+anche|ver\s+también)\s*:\s*\S",
    re.IGNORECASE,
)
# Headings of a list of links to other stories.
_LINK_LIST_HEADING = re.compile(
    r"^(?:related(?:\s+(?:articles?|stories|coverage|links|content|topics))?|read\s+more|more\s+on\s+this(?:\s+story|\s+topic)?"
    r"|see\s+also|most\s+(?:read|popular|viewed|shared)|recommended(?:\s+for\s+you)?|you\s+(?:may|might)\s+(?:also\s+)?like"
    r"|more\s+from\s+.{1,40}|more\s+stories|top\s+stories|latest\s+(?:news|stories)|trending(?:\s+now)?|further\s+reading"
    r"|lesen\s+sie\s+auch|mehr\s+zum\s+thema|meistgelesen|à\s+lire\s+aussi|lire\s+aussi|leggi\s+anche|ver\s+también"
    r"|te\s+puede\s+interesar)\s*[:.]?$",
    re.IGNORECASE,
)
# Headings that open the readers' comments; nothing after them is the article.
_COMMENTS_HEADING = re.compile(
    r"^(?:\d+\s+)?(?:reader(?:s['’])?\s+)?(?:comments?|responses|replies|reactions)(?:\s*\(\d+\))?\s*:?$"
    r"|^(?:leave|post|add|write|show|view|read|see)\s+(?:a|all|the)?\s*(?:\d+\s+)?(?:comments?|reply|replies)\b"
    r"|^join\s+the\s+(?:discussion|conversation)\b|^(?:\d+\s+)?(?:responses|replies)\s+to\b|^what\s+do\s+you\s+think\??$"
    r"|^(?:kommentare|leserkommentare|commentaires|réactions|commenti|comentarios|reacties)(?:\s*\(\d+\))?\s*:?$",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.!?…\"”»)]$")
_SENTENCE_END_MARKS = tuple(".!?…\"”»)")


def _ends_sentence(line: str) -> bool:
    """_SENTENCE_END.search(line), without a search from every position: `$` is the end, or
    just before a final newline."""
    return line.endswith(_SENTENCE_END_MARKS) or (line.endswith("\n") and line[:-1].endswith(_SENTENCE_END_MARKS))
_WORD_SEPARATORS = "|·•/"  # besides white space
_WORD_SPLIT = re.compile(r"[\s|·•/]+")
_WORD_EDGES = re.compile(r"^\W+|\W+$|\(\d+\)$")
_PUNCTUATION_SPACE = re.compile(r"[.!?,;:]\s")
_MAX_JUNK_LINE = 300

# Wire agencies' sign-offs, as they end a story; "^M" is a carriage return a conversion left as text.
_AGENCY = "|".join(re.escape(a) for a in sorted(SIGN_OFF_AGENCIES, key=lambda a: (-len(a), a)))
_SIGN_OFF = re.compile(rf"^[-–—\s]*\(?(?P<agency>{_AGENCY})(?:\s*/\s*(?:{_AGENCY}))*\)?\.?\s*(?:\^M|\r)*\s*$")
_TRAILING_SIGN_OFF = re.compile(r"(?<=[.!?\"”'’)])\s+(?P<agency>REUTERS?|Reuter)\s*(?:\^M|\r)*\s*$")
_CREDIT_LINE = re.compile(r"^\((?:reporting|writing|additional\s+reporting|editing|compiled)\s+by\b[^()]*\)\.?$",
                          re.IGNORECASE)
_AGENCY_NAMES = {"reuter": "Reuters", "reuters": "Reuters"}


def is_junk_line(line: str) -> bool:
    """A single line that is page furniture, not article text."""
    line = line.strip()
    if not line or len(line) > _MAX_JUNK_LINE:
        return bool(line) and len(line) < 400 and _may_match(line, _COOKIE_KEYS) and bool(_COOKIE_NOTICE.search(line))
    if _JUNK_LINE.match(line):
        return True
    low, folds = line.lower(), _folds_to_ascii(line)
    # any(map(low.__contains__, keys)): `key in low` for each key, without a generator's frames
    if (folds or any(map(low.__contains__, _COOKIE_KEYS))) and _COOKIE_NOTICE.search(line) \
            or (folds or any(map(low.__contains__, _COPYRIGHT_KEYS))) and _COPYRIGHT.search(line):
        return True
    folded = line.casefold().strip(" .:")
    if any(map(folded.__contains__, _WORD_SEPARATORS)):
        words = [w for w in _WORD_SPLIT.split(folded) if w]
    else:
        words = folded.split()  # the same: str.split() splits at what \s matches, and drops empty ends
    if 0 < len(words) <= 8:
        bare = [_WORD_EDGES.sub("", w) for w in words]
        bare = [w for w in bare if w and not w.isdigit()]
        if bare and all(w in _UI_WORDS for w in bare) and any(w in _UI_STRONG for w in bare):
            return True
    if len(words) <= 25 and _CALL_TO_ACTION.match(line) and _SITE_THING.search(line):
        return True
    if len(words) <= 12 and _NAVIGATION.match(line):
        return True
    if _LINK_LABEL.match(line) and len(line) <= 200 and not _ends_sentence(line.rstrip(".")):
        return True
    return _is_navigation(line)


def _may_match(line: str, keys: tuple[str, ...]) -> bool:
    """Whether a case-insensitive pattern that needs one of `keys` could match `line`: a key is in
    it lowercased, or it has a letter that matches an ASCII letter only case-insensitively."""
    low = line.lower()
    return any(map(low.__contains__, keys)) or _folds_to_ascii(line)


def _folds_to_ascii(line: str) -> bool:
    return not line.isascii() and any(c in line for c in _FOLDS_TO_ASCII)


def _is_navigation(line: str) -> bool:
    """"Home Leading The News World Business", "Home > Europe > Poland", "Contact | Privacy | Terms"."""
    if _ends_sentence(line) or _PUNCTUATION_SPACE.search(line):
        return False
    parts = [p for p in _CRUMB_SEPARATOR.split(line) if p]
    if len(parts) >= 3 and all(len(p.split()) <= 4 for p in parts):
        if "|" not in line or any(p.casefold() in _NAV_ITEMS or p.split()[0].casefold() in _NAV_ITEMS for p in parts):
            return True
    words = line.split()
    return (3 <= len(words) <= 30 and bool(_HOME.match(line)) and all(w[0].isupper() or not w[0].isalpha() for w in words)
            and sum(w.casefold() in _SECTIONS for w in words) >= 2)


def junk_blocks(texts: list[str]) -> list[bool]:
    """For each block (its lines joined by newlines), whether it is boilerplate: every line junk,
    a reader-comments heading and all that follows it, or a link-list heading and the short
    headline-like blocks under it."""
    flags = [all(is_junk_line(line) for line in text.split("\n") if line.strip()) for text in texts]
    links = False
    for i, text in enumerate(texts):
        first, *rest = [line.strip() for line in text.strip().split("\n")]
        if i >= 2 and _COMMENTS_HEADING.match(first):
            for j in range(i, len(texts)):
                flags[j] = True
            break
        if _LINK_LIST_HEADING.match(first) and all(_headline_like(line) for line in rest):
            flags[i], links = True, True
        elif links and all(_headline_like(line) for line in [first, *rest]):
            flags[i] = True
        else:
            links = False
    return flags


def _headline_like(line: str) -> bool:
    """A linked headline in a list: short, and not a sentence."""
    return len(line) <= 150 and not _ends_sentence(line)


def split_sign_off(text: str) -> tuple[str, str | None]:
    """A block's text without a wire sign-off at its end, and the agency it named: the whole
    block ("Reuter"), its last line ("… said.\\nREUTER"), the end of its last sentence
    ("… said. REUTER^M") or a credit line ("(Reporting by …; Editing by …)")."""
    lines = text.rstrip().split("\n")
    last = lines[-1].strip()
    match = _SIGN_OFF.match(last)
    if match or _CREDIT_LINE.match(last):
        agency = match["agency"] if match else None
        return "\n".join(lines[:-1]).rstrip(), _AGENCY_NAMES.get(agency.casefold(), agency) if agency else None
    match = _TRAILING_SIGN_OFF.search(text.rstrip())
    if match:
        return text.rstrip()[: match.start()].rstrip(), "Reuters"
    return text, None


def is_sign_off(line: str) -> bool:
    return bool(_SIGN_OFF.match(line.strip()) or _CREDIT_LINE.match(line.strip()))
