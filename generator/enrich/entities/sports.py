"""Sports results: where a city is a team and a name before a score is a player.

Wire sports reports say which sport they are about in the headline ("SOCCER - ...",
"Golf: ..."). In a team sport, a city or county followed by a score ("Durham 326",
"Surrey v Kent", "Leicestershire beat Somerset") is the club, an organization; countries
stay places (national sides are named by their country). In a sport of individuals, a
name followed by a score or a bracketed country ("Tiger Woods 70", "Tim Henman (Britain)")
is a person.
"""

from __future__ import annotations

import re

from ...model import EntityType
from . import lexicon as lx
from .candidate import Candidate
from .gazetteer import Gazetteer
from .tokens import NUMBER, shape

# (Enum members bound to plain names: reading one off its class costs ten times as much.)
PERSON, ORGANIZATION, PLACE = EntityType.PERSON, EntityType.ORGANIZATION, EntityType.PLACE

_HEADLINE_SPORT = re.compile(r"^\s*([^\W\d_][^\W\d_ .'/&]*(?: [^\W\d_]+){0,2})\s*[-–:]\s")
TEAM_SPORTS = frozenset("""
soccer football cricket baseball basketball rugby hockey nfl nba nhl mlb volleyball handball afl
polo netball lacrosse softball
""".split()) | {"rugby union", "rugby league", "ice hockey", "american football", "water polo", "field hockey",
                "australian rules", "gaelic football", "college football"}
INDIVIDUAL_SPORTS = frozenset("""
golf tennis athletics boxing cycling skiing swimming snooker darts chess judo wrestling triathlon
rowing badminton squash gymnastics fencing archery marathon diving motorcycling
""".split()) | {"motor racing", "formula one", "horse racing", "figure skating", "table tennis", "speed skating",
                "alpine skiing", "nordic skiing", "track and field"}
_TEAM_VERBS = frozenset("""beat beats v v. vs vs. drew defeated edged thrashed routed crushed trounced held
schlägt besiegt bat battu batte vence""".split())
_BEFORE_TEAM = frozenset("v v. vs vs. beat against defeated for gegen contre contro contra".split())
DATE_LIKE = re.compile(r"^(?:1[89]|20)\d\d(?:[-/.]\d{1,2}){0,2}$")


def sport_of(title: str) -> str | None:
    """The sport a headline such as 'SOCCER - JAPAN GET WINNER' names, in lower case, or None."""
    m = _HEADLINE_SPORT.match(title)
    if not m:
        return None
    sport = m.group(1).casefold()
    return sport if sport in TEAM_SPORTS or sport in INDIVIDUAL_SPORTS else None


# Words a report of a team game uses (English, Italian, French, Spanish, German), for a headline
# that names no sport ("Arsenal beat Chelsea to close gap on Liverpool").
_MATCH_WORDS = frozenset("""
goal goals scored scorer equaliser equalizer equalised equalized penalty striker midfielder defender
goalkeeper keeper half-time halftime match matches league manager kick-off stoppage header hat-trick
gol rigore attaccante centrocampista difensore portiere partita campionato allenatore
but buts buteur attaquant milieu défenseur gardien penalty championnat entraîneur
goles delantero centrocampista defensa portero partido liga entrenador
tor tore stürmer torwart torhüter spiel trainer elfmeter treffer ausgleich halbzeit nachspielzeit mannschaft bundesliga
""".split())
# "3-1", or "3:1" as German papers write it (one digit after the colon: "10:30" is a time). A digit
# first: the engine scans for it fast.
_SCORE = re.compile(r"\d(?<![\d.,/:-]\d)(?:\d?-\d{1,2}(?![\d/-])|\d?:\d(?![\d/:]))")


def sport_in_text(title: str, text: str) -> str | None:
    """"football" when a report whose headline names no sport reads as a team game: a score
    ("3-1") and at least four different words of the game ("scored", "penalty", "striker") in
    its headline and first 2,000 characters."""
    head = text[:2000]  # a report says what game it is in its first paragraphs
    if not _SCORE.search(head):
        return None
    words = {w.strip(".,;:!?\"'()“”«»").casefold() for w in (title + " " + head).split()}
    return "football" if len(words & _MATCH_WORDS) >= 4 else None


def sport_kind(sport: str | None) -> str | None:
    """'team', 'individual' or None."""
    if sport in TEAM_SPORTS:
        return "team"
    if sport in INDIVIDUAL_SPORTS:
        return "individual"
    return None


def _score_after(c: Candidate) -> bool:
    """A score after the name: '2', '2-1', '326', '500-6'; not a date, nor bowling figures '10-1-40-2'."""
    word = c.next_token()
    if not word or shape(word) != NUMBER:
        return False
    return not DATE_LIKE.match(word) and word.count("-") <= 1


def _score_before_at(c: Candidate) -> bool:
    """"drew 1-1 at Chelsea", "lost 2-0 at Tottenham": a result away from home, at the home team
    (or at its ground: "won 3-1 at Anfield"; the corpus tells which)."""
    words = c.sentence.before(c.start, 2)
    return len(words) == 2 and shape(words[0]) == NUMBER and "-" in words[0] and not DATE_LIKE.match(words[0])


def _dateline(c: Candidate) -> bool:
    """'LONDON 1996-08-30', 'BRUSSELS, March 4 -': where the story was filed, a place."""
    if not c.first:
        return False
    word = c.next_token()
    return bool(word) and (DATE_LIKE.match(word) is not None or word == ",")


def apply(sport: str | None, candidates: list[Candidate], gaz: Gazetteer) -> list[str]:
    """Retype the candidates of one sports article in place; the names of its teams."""
    kind = sport_kind(sport)
    if sport is None:
        return []
    for c in candidates:
        if c.sentence.zone != "title":
            break  # the title's candidates come first
        if c.surface.casefold() in _SPORT_WORDS:
            c.type, c.strength = None, 0  # "RUGBY UNION - ...": the sport, not the town of Rugby
    if sport == "cricket":
        _scorecard(candidates, gaz)
    if kind == "team":
        _scorers_and_clubs(candidates, gaz)
        _team_sheets(candidates, gaz)
        teams: set[str] = set()
        for i, c in enumerate(candidates):
            if c.type is PLACE and gaz.is_country(c.canonical) or _looks_like_person(c, gaz) \
                    or c.headline:
                continue
            before = c.prev_token().casefold()
            after = c.next_token().casefold()
            known_place = c.type is PLACE
            unknown = c.type is None or c.type is PERSON and c.strength <= 1
            if after in _TEAM_VERBS or before in _BEFORE_TEAM or (known_place and after in _TEAM_ROLES) \
                    or _score_after(c) and (known_place or unknown and (
                        _paired(candidates, i) or _standings(c))):
                teams.add(c.canonical)
        for c in candidates:
            if c.canonical in teams and c.strength < 4 and not _looks_like_person(c, gaz) and not _dateline(c):
                c.type, c.strength = ORGANIZATION, 2
                c.team = True
            elif (c.type is PLACE and c.strength < 4 and not gaz.is_country(c.canonical) or c.type is None
                  or c.type is PERSON and c.strength <= 1) \
                    and not c.headline and not _dateline(c) \
                    and (c.prev_token().casefold() not in _AT or c.prev_token() == "at" and _score_before_at(c)) \
                    and c.next_token() not in (")", ":"):
                c.maybe_team = True  # "title rivals Essex": a team if the corpus knows one by that name
        _short_club_names(candidates, gaz)
        return sorted(teams)
    elif kind == "individual":
        for c in candidates:
            if (c.type is None or c.strength <= 1) and 2 <= len(c.tokens) <= 4 and not c.weak \
                    and all(t[:1].isupper() and not gaz.lookup(t) for t in c.tokens[1:]):
                s = c.sentence
                prev = c.prev_token()
                bracket = c.next_token() == "("
                results_line = s.text[s.begin].isdigit() or bool(prev) and shape(prev) == NUMBER
                if bracket or results_line or _score_after(c):
                    c.type, c.strength = PERSON, 2
        # "Mike Hulbert, Brian Henninger, Tiger Woods": a list of players goes on across lines.
        for order in (candidates, candidates[::-1]):
            for a, b in zip(order, order[1:]):
                if a.sentence is b.sentence and _listed(a, b) \
                        and a.type is PERSON and a.strength >= 2 \
                        and (b.type is None or b.strength <= 1) and 2 <= len(b.tokens) <= 3:
                    b.type, b.strength = PERSON, 2
    return []


def _short_club_names(candidates: list[Candidate], gaz: Gazetteer) -> None:
    """"Borussia Dortmund ... Für Dortmund verkürzte Guirassy", "FC Bayern München ... trifft
    Bayern auf PSG": in a report that names a club in full, its city alone is the club."""
    clubs: dict[str, set[str]] = {}
    for c in candidates:
        if c.type is ORGANIZATION and c.strength >= 2 and len(c.tokens) >= 2 and not c.headline:
            words = [w for w in c.tokens if w.casefold() not in _CLUB_WORDS]  # "FC Bayern München": Bayern
            for word in {words[0], words[-1]} if words else ():
                clubs.setdefault(word, set()).add(c.canonical or c.surface)
    if not clubs:
        return
    for c in candidates:
        if len(c.tokens) != 1 or c.strength >= 4 or c.type is PERSON \
                or c.type is PLACE and gaz.is_country(c.canonical) or not (c.maybe_team or c.headline):
            continue
        named = clubs.get(c.tokens[0])
        if named is not None and len(named) == 1:
            c.type, c.strength, c.canonical = ORGANIZATION, 2, next(iter(named))
            c.team, c.maybe_team = True, False


_CLUB_WORDS = lx.CLUB_AFFIXES | frozenset("sc united city real athletic sporting club".split())


def _scorecard(candidates: list[Candidate], gaz: Gazetteer) -> None:
    """Cricket scorecards: 'Ijaz Ahmed c Thorpe b Croft 79', 'lbw b Mullally', 'not out',
    bowling figures 'McGrath 9.5-0-44-1', 'Did not bat: Dharmasena, Vaas': people, all of them."""
    for c in candidates:
        if c.headline or c.strength >= 4 or not 1 <= len(c.tokens) <= 4 \
                or c.type is PLACE and gaz.is_country(c.canonical):
            continue
        s = c.sentence
        after = s.after(c.end, 2)[0]
        n1, n2 = (after + ["", ""])[:2]
        batsman = n1 in ("c", "b", "st") and n2[:1].isupper() or (n1, n2) in _OUT
        if batsman or c.prev_token() in ("c", "b", "st") or _BOWLING.match(n1) \
                or s.text.startswith("Did not bat", s.begin):
            c.type, c.strength = PERSON, 2


_OUT = {("c", "and"), ("lbw", "b"), ("run", "out"), ("not", "out"), ("retired", "hurt"), ("hit", "wicket")}
_BOWLING = re.compile(r"\d+(?:\.\d)?-\d+-\d+-\d+$")  # overs-maidens-runs-wickets
_ORDINAL = frozenset("st nd rd th".split())


def _scorers_and_clubs(candidates: list[Candidate], gaz: Gazetteer) -> None:
    """'Cosmin Contra (31st)', 'Smith (pen)': who scored; 'Benetton (Italy) 92', 'Dynamo
    Moscow' (a name, then its city) and 'the Yankees', 'at Harlequins' (a name in the plural): clubs."""
    for c in candidates:
        if c.headline or c.strength >= 4:
            continue
        if (c.type is None or c.type is PLACE and c.strength <= 1 and not gaz.lookup(c.surface)) \
                and len(c.tokens) <= 2 and c.tokens[-1].endswith("s") and len(c.tokens[-1]) > 3 \
                and c.tokens[-1][:-1].casefold() not in lx.DEMONYMS \
                and (c.prev_token() in ("the", "The") or c.prev_token() == "at" and len(c.tokens) == 1):
            c.type, c.strength = ORGANIZATION, 2
            continue
        if 2 <= len(c.tokens) <= 3 and (c.type is None or c.type is ORGANIZATION and c.strength <= 1) \
                and _club(c.tokens, gaz):
            c.type, c.strength = ORGANIZATION, 2
        if c.next_token() != "(":
            continue
        after = c.sentence.after(c.end, 4)[0][:4]
        if len(after) < 3:
            continue
        if shape(after[1]) == NUMBER and (after[2] in _ORDINAL or after[2] == ")") or after[1] in ("pen", "penalty"):
            if 1 <= len(c.tokens) <= 4 and not (c.type is PLACE and c.strength >= 3):
                c.type, c.strength = PERSON, 2
        elif after[2] == ")" and len(after) > 3 and shape(after[3]) == NUMBER and c.type is not PERSON:
            hit = gaz.lookup(after[1])
            if hit and hit[0] is PLACE:
                c.type, c.strength = ORGANIZATION, 2


def _team_sheets(candidates: list[Candidate], gaz: Gazetteer) -> None:
    """'Given, Breen, Staunton, Irwin, McAteer, Harte.': a line that is only a list of single
    names, most of them no known place, is a team's players."""
    by_sentence: dict[int, list[Candidate]] = {}
    for c in candidates:
        by_sentence.setdefault(id(c.sentence), []).append(c)
    for group in by_sentence.values():
        if len(group) < 4 or any(len(c.tokens) != 1 or c.headline for c in group):
            continue
        s = group[0].sentence
        items = s.text[s.begin : s.end].rstrip(" .").replace(" and ", ", ").split(", ")
        if len(items) < 5 or len(group) < 0.8 * len(items) \
                or not all(" " not in item and item[:1].isupper() for item in items):
            continue
        places = sum(1 for c in group if c.type is PLACE)
        if places * 2 < len(group):
            for c in group:
                if c.strength < 4:
                    c.type, c.strength = PERSON, 2


def _club(tokens: tuple[str, ...], gaz: Gazetteer) -> bool:
    """'Dynamo Moscow', 'Standard Liege', 'SC Freiburg': a word or an acronym, then a known city."""
    hit = gaz.lookup(tokens[-1])
    first = tokens[0]
    return hit is not None and hit[0] is PLACE and not gaz.is_country(tokens[-1]) \
        and first.casefold() not in gaz.first_names and (gaz.is_word(first) or first.isalpha() and first.isupper()) \
        and gaz.lookup(" ".join(tokens[:-1])) is None


def _listed(a: Candidate, b: Candidate) -> bool:
    """Two names with only a comma between them."""
    first, second = (a, b) if a.start < b.start else (b, a)
    return a.sentence.text[first.end : second.start] in (",", ", ")


_AT = frozenset("in at from to near outside inside into ( , of".split())  # where, not who
_SPORT_WORDS = TEAM_SPORTS | INDIVIDUAL_SPORTS | {"rugby", "motor", "horse", "ice", "figure", "table"}
_TEAM_ROLES = frozenset("""
captain coach manager striker midfielder defender goalkeeper keeper batsman bowler skipper player
players chairman fans supporters side team squad forward winger pitcher quarterback
""".split())


def _looks_like_person(c: Candidate, gaz: Gazetteer) -> bool:
    """'M. Butcher', 'Wasim Akram' (a person already): players, whatever follows them."""
    if c.type is PERSON and c.strength >= 2:
        return True
    return len(c.tokens) >= 2 and len(c.tokens[0]) == 2 and c.tokens[0].endswith(".")


def _standings(c: Candidate) -> bool:
    """A table row: 'Deportivo Coruna 3 2 1 0 5 2 7' (played, won, drawn, lost, goals, points)."""
    if not c.first:
        return False
    numbers = 0
    for word in c.sentence.after(c.end, 4)[0][:4]:
        if shape(word) != NUMBER:
            break
        numbers += 1
    return numbers >= 3


def _paired(candidates: list[Candidate], i: int) -> bool:
    """A results line: 'Deportivo Coruna 2 Real Madrid 1' (another name with a score beside it)."""
    c = candidates[i]
    for j in (i - 1, i + 1):
        if 0 <= j < len(candidates) and candidates[j].sentence is c.sentence:
            if _score_after(candidates[j]):
                return True
    return False
