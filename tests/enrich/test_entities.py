"""Entity extraction as a reader of the site would judge it: right names, right types, no junk."""

from __future__ import annotations

import random
import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from support import FIXTURES, SEED

from generator.config import config_from_dict
from generator.discover import discover
from generator.enrich.entities import EntityRules, extract_corpus, load_rules
from generator.model import Article, EntityMention, EntityType, Paragraph
from generator.pipeline import read_articles

PERSON, ORG, PLACE = EntityType.PERSON, EntityType.ORGANIZATION, EntityType.PLACE
ENTITY_FIXTURES = FIXTURES / "entities"


def read(folder: Path):
    files, _ = discover(folder)
    articles, problems = read_articles(files, config_from_dict({}))
    assert not [p for p in problems if p.severity.value == "error"]
    return articles


class Found(dict):
    """name -> mention (the first, when one name is two entities), and every (type, name) pair."""

    def __init__(self, mentions):
        super().__init__()
        for m in mentions:
            self.setdefault(m.name, m)
        self.pairs = {(m.type, m.name) for m in mentions}
        self.mentions = tuple(mentions)


def extract(folder: Path, rules: EntityRules | None = None) -> dict[str, Found]:
    """source -> the entities found in it."""
    out = extract_corpus(read(folder), rules or EntityRules())
    return {a.source: Found(a.entities) for a in out}


@pytest.fixture(scope="module")
def sample(tmp_path_factory) -> dict[str, EntityMention]:
    folder = tmp_path_factory.mktemp("sample")
    shutil.copy(SEED, folder / SEED.name)
    return extract(folder)[SEED.name]


@pytest.fixture(scope="module")
def corpus() -> dict[str, dict[str, EntityMention]]:
    return extract(ENTITY_FIXTURES)


def names_of(found: Found, type_: EntityType) -> set[str]:
    return {name for t, name in found.pairs if t is type_}


def test_sample_article_finds_every_expected_entity_with_its_full_name_and_type(sample):
    expected = {
        PERSON: {"Mark Rutte", "Alexus Grynkewich", "Maria Zakharova", "Friedrich Merz", "Alfons Mais",
                 "Stefan Kornelius", "Thomas Röwekamp", "Vladimir Putin"},
        ORG: {"NATO", "Bundeswehr", "Reuters", "Kremlin", "Bundestag", "European Union", "CDU"},
        PLACE: {"Poland", "Warsaw", "The Hague", "Russia", "Ukraine", "Germany", "Moscow", "Berlin", "Brussels",
                "Kyiv", "Belarus", "Latvia", "Lithuania", "Slovakia", "Denmark", "France", "United Kingdom", "Alaska"},
    }
    for type_, names in expected.items():
        assert names <= names_of(sample, type_), (type_, names - names_of(sample, type_))


def test_sample_article_has_no_junk(sample):
    junk = {"Loading", "Friday", "Thursday", "Allied", "Operation Eastern Sentry", "Eastern Sentry", "Referring",
            "Simultaneously", "Russian", "German", "Zapad", "Eurofighter", "Rafale", "GDP", "Nazi", "Second World War",
            "World War II", "Merz", "Grynkewich", "Alexus G. Grynkewich", "Rutte", "Secretary General Mark Rutte"}
    assert not junk & set(sample)
    assert "Operation Eastern Sentry" not in names_of(sample, PERSON)
    assert "Berlin" in names_of(sample, PLACE) and "Berlin" not in names_of(sample, ORG)


def test_one_person_under_one_name_within_an_article(sample):
    grynkewich = sample["Alexus Grynkewich"]
    assert grynkewich.count == 2
    assert "Alexus G. Grynkewich" in grynkewich.aliases
    assert "Merz" in sample["Friedrich Merz"].aliases
    assert "Mais" in sample["Alfons Mais"].aliases


def test_roles_seen_next_to_people_are_kept(sample):
    assert "NATO Secretary General" in sample["Mark Rutte"].roles
    assert "Chancellor" in sample["Friedrich Merz"].roles
    assert "government spokesman" in sample["Stefan Kornelius"].roles
    assert "Russian Foreign Ministry spokesperson" in sample["Maria Zakharova"].roles
    assert "chair of the Bundestag defense committee" in sample["Thomas Röwekamp"].roles


def test_quotes_are_attributed_to_the_person_who_said_them(sample, corpus):
    assert any(q.startswith("This is reckless and unacceptable.") for q in sample["Mark Rutte"].quotes)
    assert any(q.startswith("It must be possible to neutralize drones") for q in sample["Thomas Röwekamp"].quotes)
    # Scare quotes are not quotations.
    assert not any("Russian attack" in q for m in sample.values() for q in m.quotes)
    summit = corpus["2025-03-04_summit.txt"]
    assert any(q.startswith("Poland has been asking") for q in summit["Donald Tusk"].quotes)
    assert any(q.startswith("We have taken a decision") for q in summit["Ursula von der Leyen"].quotes)
    followup = corpus["2025-03-11_followup.txt"]
    assert any(q.startswith("This government has wasted") for q in followup["Friedrich Merz"].quotes)


def test_a_short_form_in_a_later_article_resolves_to_the_full_name_from_the_corpus(corpus):
    followup = corpus["2025-03-11_followup.txt"]
    assert {"Mark Rutte", "Olaf Scholz", "Donald Tusk", "Friedrich Merz"} <= names_of(followup, PERSON)
    assert not {"Rutte", "Scholz", "Tusk", "Merz"} & set(followup)
    assert followup["Reuters"].type is ORG and followup["Kremlin"].type is ORG
    assert followup["The Hague"].type is PLACE


def test_titles_before_names_make_people_with_full_names(corpus):
    summit = corpus["2025-03-04_summit.txt"]
    assert summit["Ursula von der Leyen"].type is PERSON
    assert "European Commission President" in summit["Ursula von der Leyen"].roles
    assert "Polish Prime Minister" in summit["Donald Tusk"].roles
    assert summit["European Commission"].type is ORG
    assert summit["Brussels"].type is PLACE and "BRUSSELS" in summit["Brussels"].aliases


def test_an_article_in_german_gets_known_names_and_no_capitalized_nouns(corpus):
    german = corpus["2025-03-12_deutsch.txt"]
    assert {"Friedrich Merz"} == names_of(german, PERSON)
    assert "Bundestag" in names_of(german, ORG)
    assert {"Berlin", "Munich"} <= names_of(german, PLACE)  # "München": one page with Munich
    assert not {"Debatte", "Regierung", "Abgeordneten", "Haushalt", "Umfragen", "Mehrheit", "Die", "Der", "Laut",
                "Nach", "Angaben", "Sprecher", "Fonds", "Sommer", "Bürger", "Pläne"} & set(german)


def test_in_sports_results_a_city_is_a_team(corpus):
    football = corpus["2025-03-15_football.txt"]
    assert {"Liverpool", "Everton", "Arsenal", "Chelsea"} <= names_of(football, ORG)
    assert "Liverpool" in names_of(football, PLACE)  # the dateline: where the story was filed
    assert {"Mohamed Salah", "Sean Dyche"} <= names_of(football, PERSON)
    assert "Derby" not in football  # a word in the headline, not the city


def test_owner_rules_alias_force_type_and_ignore(tmp_path):
    shutil.copy(SEED, tmp_path / SEED.name)
    rules_file = tmp_path / "entities.yml"
    rules_file.write_text(
        "aliases:\n  Trump: Donald Trump\n  US: United States\n"
        "types:\n  Greens: organization\n  Alaska: organization\n"
        "ignore:\n  - WSWS\n  - Slovakia\n",
        encoding="utf-8",
    )
    rules, problems = load_rules(rules_file)
    assert problems == []
    found = extract(tmp_path, rules)[SEED.name]
    assert found["Donald Trump"].type is PERSON and "Trump" in found["Donald Trump"].aliases
    assert "Trump" not in found
    assert found["United States"].type is PLACE
    assert found["Alaska"].type is ORG
    assert "WSWS" not in found and "Slovakia" not in found


def test_entities_given_by_the_owner_are_kept(tmp_path):
    shutil.copy(SEED, tmp_path / SEED.name)
    article = read(tmp_path)[0]
    mine = (EntityMention("Somebody Else", PERSON),)
    given = replace(article, entities=mine, given_keys=article.given_keys | {"entities"})
    assert extract_corpus([given], EntityRules())[0].entities == mine


def test_same_input_same_output_whatever_the_order():
    articles = read(ENTITY_FIXTURES)
    first = {a.source: a.entities for a in extract_corpus(articles, EntityRules())}
    shuffled = list(articles)
    random.Random(7).shuffle(shuffled)
    again = {a.source: a.entities for a in extract_corpus(shuffled, EntityRules())}
    assert first == again


def _article(source: str, title: str, *paragraphs: str) -> Article:
    return Article(source=source, source_sha256="", title=title, blocks=tuple(Paragraph(p) for p in paragraphs))


def _found(*articles: Article, rules: EntityRules | None = None) -> dict[str, Found]:
    return {a.source: Found(a.entities) for a in extract_corpus(list(articles), rules or EntityRules())}


def test_names_in_capitals_datelines_and_headlines():
    """A dateline is a place; a known name in capitals has its usual spelling, one the corpus
    writes in ordinary case takes that spelling, and one only ever in capitals stays so."""
    found = _found(
        _article("a.txt", "Club news", "Brennholt won again on Saturday, the club said."),
        _article("b.txt", "SOCCER - FELDMARK BEAT BRENNHOLT", "LONDON 2024-05-04",
                 "The visitors scored twice in the second half."),
        _article("c.txt", "Floods", "OSTRAVEC 2024-05-04", "Rivers rose across the region on Saturday."),
        rules=EntityRules(types={"Brennholt": ORG}),
    )
    assert found["b.txt"]["London"].type is PLACE and "LONDON" in found["b.txt"]["London"].aliases
    assert found["b.txt"]["Brennholt"].type is ORG and "BRENNHOLT" in found["b.txt"]["Brennholt"].aliases
    assert found["c.txt"]["OSTRAVEC"].type is PLACE
    # A dateline's town that the same report writes in ordinary case (here as the club) takes that
    # spelling: 'WIGAN, England' in a report on Wigan's match was a place 'WIGAN' (make audit)
    wigan = _found(_article("w.txt", "Rugby League - Wigan Beat Bradford", "WIGAN, England 1996-08-31",
                            "Wigan beat Bradford Bulls 42-36 in the semifinal on Saturday."))["w.txt"]
    assert "WIGAN" not in wigan and "Wigan" in wigan


def test_cricket_scorecards_and_football_results():
    found = _found(
        _article("cricket.txt", "CRICKET - NORTHSHIRE V SOUTHSHIRE SCOREBOARD", "Northshire first innings",
                 "Tobias Wrenfield c Halloway b Pemberley 45", "Arun Velmurugan lbw b Pemberley 12",
                 "Did not bat: Okonkwo, Brightwater.", "Bowling: Pemberley 12-3-40-2, Halloway 8-1-33-0."),
        _article("football.txt", "SOCCER - FELDMARK BEAT OSTRAVEC 2-1", "Scorers:",
                 "Feldmark - Dario Quenzel (31st), Ostravec - Milo Brandauer (75th)",
                 "Basketball: Kestrel Sport (Italy) 92 Vardan (Russia) 81",
                 "Later the Harriers beat the visitors and the Scots cheered.",
                 "The team is as follows:", "Halloran, Brennock, Tierney, Mulcahy, Dervan, Quenzel."),
    )
    cricket = found["cricket.txt"]
    assert {"Tobias Wrenfield", "Arun Velmurugan", "Halloway", "Pemberley", "Okonkwo",
            "Brightwater"} <= names_of(cricket, PERSON)
    football = found["football.txt"]
    assert {"Dario Quenzel", "Milo Brandauer"} <= names_of(football, PERSON)
    assert {"Kestrel Sport", "Harriers"} <= names_of(football, ORG) and "Scots" not in football
    assert {"Halloran", "Brennock", "Tierney", "Mulcahy", "Dervan"} <= names_of(football, PERSON)
    assert "Quenzel" in football["Dario Quenzel"].aliases  # the one Quenzel the article names in full


def test_company_names_and_people_described_before_or_after_their_name():
    found = _found(_article(
        "business.txt", "Business",
        "Shares of Hargreaves & Pollard rose after Nordvik AB said it would buy the firm from TrentBank.",
        "Economist Tilda Ransome said the deal was fair, and analyst Brenna Oakhurst agreed.",
        "Strategist Oskar Vendel expected more deals.",
        "The Organisation for Security and Cooperation in Europe and the Council on Trade Standards agreed.",
        "Kasia Wendrowicz, 19, was among the new hires.",
    ))["business.txt"]
    assert {"Hargreaves & Pollard", "Nordvik AB", "TrentBank", "Organisation for Security and Cooperation in Europe",
            "Council on Trade Standards"} <= names_of(found, ORG)
    assert {"Brenna Oakhurst", "Kasia Wendrowicz", "Oskar Vendel"} <= names_of(found, PERSON)
    assert "Strategist" in found["Oskar Vendel"].roles
    assert not names_of(found, PERSON) & {"Hargreaves & Pollard", "Nordvik AB"}


def test_a_first_name_alone_is_the_person_named_in_full_before():
    found = _found(_article(
        "match.txt", "Batting",
        "Marek Okafor scored a century on Monday.",
        "The crowd cheered when Marek reached 100, and the coach praised him.",
    ))["match.txt"]
    assert "Marek" in found["Marek Okafor"].aliases and "Marek" not in found


def test_names_with_a_possessive_in_them():
    found = _found(_article(
        "possessive.txt", "Business",
        "McDonald’s said sales rose, and staff at Children's Hospital welcomed the gift.",
        "Britain's Labour Party and Merkel's government disagreed.",
    ))["possessive.txt"]
    assert {"McDonald's", "Children's Hospital", "Labour Party"} <= names_of(found, ORG)
    assert "Britain" in found["United Kingdom"].aliases  # one page for Britain, UK and the United Kingdom
    assert not {"McDonald", "Hospital", "Britain's Labour Party"} & set(found)


def test_a_city_in_a_sports_report_is_the_team_the_corpus_knows_by_its_name():
    found = _found(
        _article("results.txt", "SOCCER - ENGLISH LEAGUE RESULTS", "Leeds 2 Bradford 1", "Hull 0 Wigan 3"),
        _article("report.txt", "SOCCER - LEEDS EDGE PAST RIVALS",
                 "Manager Tom Hale said title rivals Bradford had been unlucky, and Hull looked tired in Leeds."),
        _article("weather.txt", "Floods", "Heavy rain flooded streets in Bradford and Hull on Monday."),
    )
    report = found["report.txt"]
    assert {"Bradford", "Hull"} <= names_of(report, ORG)
    assert "Leeds" in names_of(report, PLACE)  # "in Leeds": where, not who
    weather = found["weather.txt"]  # a team's name teaches nothing outside sports
    assert "Bradford" in names_of(weather, PLACE) and not names_of(weather, ORG)


def test_a_quotation_ending_its_sentence_is_not_given_to_someone_in_the_next():
    found = _found(_article(
        "quotes.txt", "City hall",
        "Officials told reporters: “We will not give up the fight for this city, whatever it takes.” "
        "Mayor Anna Lindqvist said later that talks would resume, and she added: “Nobody here wants "
        "a long and costly strike this winter.”",
    ))["quotes.txt"]
    assert found["Anna Lindqvist"].quotes == ("Nobody here wants a long and costly strike this winter.",)


def test_a_surname_alone_is_one_person_in_an_article_whatever_typed_each_mention():
    found = _found(
        _article("a.txt", "Campaign", "Senator Robert Kemble arrived in Ohio on Monday with the Tarrow Coalition."),
        _article("b.txt", "Campaign", "Aides who head Kemble's team met the Tarrow Coalition on Friday. "
                                      "Kemble decided on Tuesday."),
    )["b.txt"]
    assert "Kemble" in found["Robert Kemble"].aliases and "Kemble" not in found


def test_a_surname_takes_a_full_name_from_another_article_only_on_shared_evidence():
    found = _found(
        _article("a.txt", "Campaign", "Senator Robert Kemble arrived in Ohio on Monday with the Tarrow Coalition."),
        _article("b.txt", "Harvest", "Farmers near Lindau said Kemble's prices were too low. Kemble said on Tuesday "
                                     "that the harvest was good."),
    )["b.txt"]
    assert "Robert Kemble" not in found  # nothing ties this Kemble to the senator


def test_a_surname_never_takes_a_full_name_from_an_article_in_another_language():
    english = _article("a.txt", "Profile", "Writer James Mann spoke to the Lindau Club in Berlin on Monday.")
    german = replace(_article("b.txt", "Bericht", "Der Mann sprach am Montag im Lindau Club in Berlin. Der Mann sagte, "
                                                   "er komme wieder."), language="de")
    found = _found(english, german)["b.txt"]
    assert "James Mann" not in found and "Mann" not in found


def test_a_first_name_alone_is_no_entity_and_does_not_borrow_a_surname():
    found = _found(
        _article("a.txt", "Music", "Singer Craig David played in Leeds on Friday."),
        _article("b.txt", "Match", "David scored twice in Leeds on Saturday. The coach said David was tired."),
    )["b.txt"]
    assert not {"David", "Craig David"} & set(found)


def test_titles_roles_demonyms_and_party_words_alone_are_never_people():
    found = _found(_article(
        "roles.txt", "Vote",
        "The President said on Monday that the Minister would resign. A Republican said the General agreed.",
        "Prime Minister Jane Harlow met the Ambassador.",
    ))["roles.txt"]
    assert not {"President", "Minister", "Republican", "General", "Ambassador", "Prime Minister"} & set(found)
    assert "Jane Harlow" in names_of(found, PERSON)
    italian = replace(_article(
        "ruoli.txt", "Governo",
        "Massimo D'Alema, Ministro degli Esteri e Vice Presidente del Consiglio, ha parlato a Roma.",
        "Secondo il Presidente del Consiglio, la riforma passerà.",
    ), language="it")
    found = _found(italian)["ruoli.txt"]
    assert not {"Presidente del Consiglio", "Presidente", "Consiglio"} & set(found)


def test_a_word_the_corpus_mostly_writes_in_lower_case_is_not_an_entity_alone():
    found = _found(
        _article("a.txt", "Budget", "The parliament voted. Each parliament must pass it, and this parliament did."),
        _article("b.txt", "Budget", "Members of Parliament left early, said Mara Quill of the Tarrow Coalition."),
        _article("c.txt", "Budget", "The bill passed the parliament in Leeds, where the parliament sits."),
    )["b.txt"]
    assert "Parliament" not in found  # which parliament? the corpus writes the word, not a name
    assert "Tarrow Coalition" in names_of(found, ORG)


def test_variants_and_spellings_of_one_entity_make_one_name():
    found = _found(
        _article("a.txt", "Trade", "U.S. officials met EU negotiators in Geneva. The United States and the "
                                   "European Union agreed."),
        _article("b.txt", "Trade", "USA and America: officials of the U.N. and the UN met in New York."),
        _article("c.txt", "Policy", "AL-QAEDA SPLIT", "Al-Qaeda and al Qaeda both appear in reports."),
    )
    assert {"United States", "European Union"} <= names_of(found["a.txt"], PLACE) | names_of(found["a.txt"], ORG)
    assert {"U.S."} <= set(found["a.txt"]["United States"].aliases)
    assert "United States" in found["b.txt"] and not {"USA", "America", "U.N.", "UN"} & set(found["b.txt"])
    assert "United Nations" in found["b.txt"]
    assert "al-Qaeda" in found["c.txt"] and "al Qaeda" not in found["c.txt"]


def test_wire_tickers_and_abbreviations_are_never_entities():
    found = _found(_article(
        "wire.txt", "Harcourt <HBJ> sells unit",
        "Harcourt Brace Jovanovich Inc <HBJ> said it sold its unit for 120 MLN DLRS, up 12 PCT in the QTR.",
    ))["wire.txt"]
    assert not {"HBJ", "MLN", "DLRS", "PCT", "QTR"} & set(found)


def test_korean_and_chinese_given_names_keep_their_hyphenated_syllables():
    """"Kim Jong-un" was "Kim Jong"; "Kang Young-hoon" was no one. English compounds stay apart."""
    found = _found(_article(
        "korea.txt", "N. Korea urges S. Korea to return war veteran",
        "North Korean leader Kim Jong-un met South Korean President Moon Jae-in in Panmunjom.",
        "Red Cross president Li Song-ho wrote to his southern counterpart, Kang Young-hoon, and to Ban Ki-moon.",
        "The Berlin-based group and US-led forces had no comment.",
    ))["korea.txt"]
    assert {"Kim Jong-un", "Moon Jae-in", "Li Song-ho", "Kang Young-hoon", "Ban Ki-moon"} <= names_of(found, PERSON)
    assert not {"Kim Jong", "Moon Jae", "Li Song"} & set(found)
    assert {"Berlin", "United States"} <= names_of(found, PLACE)
    assert "N. Korea" in found["North Korea"].aliases and "S. Korea" in found["South Korea"].aliases


def test_a_first_name_alone_after_the_full_name_is_that_person_not_a_place():
    """"a message to Saddam" after "Saddam Hussein" made "Saddam" a place."""
    found = _found(_article(
        "iraq.txt", "Iraq's Aziz says Baghdad aiding KDP against rivals",
        "Aziz said the intervention answered a plea from Barzani to President Saddam Hussein.",
        "He said Barzani sent a message to Saddam on August 22. In Washington, Barack Obama spoke.",
        "Chancellor Angela Merkel wrote to Barack on Monday.",
    ))["iraq.txt"]
    assert {"Saddam Hussein", "Barack Obama"} <= names_of(found, PERSON)
    assert not {"Saddam", "Barack"} & set(found)
    assert "Washington" in names_of(found, PLACE)


def test_wire_tables_and_datelines_in_capitals():
    """"ST. LOUIS" made the organization "LOUIS"; the heading "W L PCT GB" made Great Britain a place;
    "Ex-Yankee" and a newspaper named after its city were people."""
    found = _found(
        _article("dateline.txt", "Jones Medical completes acquisition", "ST. LOUIS 1996-08-30",
                 "Jones Medical Industries Inc said it completed the purchase."),
        _article("standings.txt", "Baseball - Major League standings", "W L PCT GB",
                 "NEW YORK 74 59 .556 -", "BALTIMORE 70 63 .526 4"),
        _article("velarde.txt", "Rangers beat Indians", "Ex-Yankee Randy Velarde homered twice.",
                 "The Hong Kong Standard said on Friday that police arrested him."),
    )
    assert "St. Louis" in names_of(found["dateline.txt"], PLACE) and "LOUIS" not in found["dateline.txt"]
    assert "GB" not in found["standings.txt"]
    assert "Randy Velarde" in names_of(found["velarde.txt"], PERSON)
    assert not names_of(found["velarde.txt"], PERSON) - {"Randy Velarde"}


def test_two_letter_surnames_and_given_names_are_not_function_words():
    """"Li", "Hu", "Ma" and "Jo" were English function words (country codes in the stop list) and
    "Xi" a roman numeral: "Hu Jintao" and "Xi Jinping" were no one. Capital roman numerals stay out."""
    found = _found(_article(
        "leaders.txt", "Leaders meet in Beijing",
        "President Xi Jinping received Premier Li Keqiang, former president Hu Jintao and Ma Ying-jeou.",
        "In London, Jo Cox spoke about the veterans of World War II. Pope Benedict XVI sent a message.",
    ))["leaders.txt"]
    assert {"Xi Jinping", "Li Keqiang", "Hu Jintao", "Ma Ying-jeou", "Jo Cox"} <= names_of(found, PERSON)
    assert not {"Jinping", "Keqiang", "Jintao", "II", "World War II", "XVI"} & set(found)


def test_a_known_organization_after_a_qualifier_keeps_its_full_name():
    found = _found(_article("appeal.txt", "Appeal", "He submitted a petition to the International Red Cross in 1993."))
    assert names_of(found["appeal.txt"], ORG) == {"International Red Cross"}


def test_a_place_written_without_its_accents_is_still_known():
    found = _found(_article("dateline.txt", "Talks resume", "SAN SEBASTIAN, Spain 1996-08-31",
                            "Negotiators met again in Zurich and in Sao Paulo on Saturday."))["dateline.txt"]
    assert {"San Sebastian", "Spain", "Zurich", "Sao Paulo"} <= names_of(found, PLACE)


def test_a_role_of_a_body_is_not_a_person():
    """"The Chairman of Cutty Sark Enterprises, Chris Levitt" made a person of the company."""
    found = _found(_article(
        "fire.txt", "Fire", "The Chairman of Cutty Sark Enterprises, Chris Levitt, said the ship was safe.",
        "The President of Acme Holdings, Lena Hartmann, spoke at the Prince of Wales Hospital.",
        "Secretary of State John Kornblum agreed, as did General Counsel Mike Godwin."))["fire.txt"]
    assert {"Cutty Sark Enterprises", "Acme Holdings", "Prince of Wales Hospital"} <= names_of(found, ORG)
    assert {"Chris Levitt", "Lena Hartmann", "John Kornblum", "Mike Godwin"} <= names_of(found, PERSON)
    assert not any("Chairman" in name or "President" in name for name in found)


def test_a_surname_that_is_also_a_country_is_the_person_the_article_names_in_full():
    found = _found(_article(
        "film.txt", "Film news", "Dublin-born director Neil Jordan says he never lost sleep over a film.",
        '"It was hard," Jordan said. Later, Jordan told reporters he would fly to Jordan next week.'))["film.txt"]
    assert found["Neil Jordan"].count == 3 and "Jordan" in found["Neil Jordan"].aliases
    assert found["Jordan"].type is PLACE and found["Jordan"].count == 1  # "to Jordan": the country


def test_unknown_names_take_the_type_the_words_around_them_say():
    """Read in 20 random one-article entities: a harbour, a militia and a minister's country were people."""
    found = _found(_article(
        "blasts.txt", "Blasts", "A third explosion took place some hours later, in Muara Angke, North Jakarta.",
        "A message from Hizbul Shabaab leader, Aden Hashi Ayro, was broadcast.",
        "Finance Minister of India P. Chidambaram resigned.", "A letter to Zelimkhan Yandarbiyev was read."))["blasts.txt"]
    assert found["Muara Angke"].type is PLACE and found["Hizbul Shabaab"].type is ORG
    assert {"P. Chidambaram", "Zelimkhan Yandarbiyev"} <= names_of(found, PERSON)
    assert "India P. Chidambaram" not in found


def test_organizations_named_head_first_and_a_country_before_a_name_in_a_list():
    found = _found(
        _article("group.txt", "Attacks", "Another group, called Hizbul Islam, claimed responsibility.",
                 "Shares of Banque Indosuez rose."),
        _article("lista.txt", "Liberata", "Il presidente Uribe ed i presidenti di Venezuela, Ecuador ed Argentina "
                 "Hugo Chavez, Rafael Correa e Cristina Fernández de Kirchner hanno parlato.",
                 "Bogotà ha accolto la notizia con gioia.") ,
    )
    assert {"Hizbul Islam", "Banque Indosuez"} <= names_of(found["group.txt"], ORG)
    assert {"Hugo Chavez", "Rafael Correa"} <= names_of(found["lista.txt"], PERSON)
    assert "Argentina" in names_of(found["lista.txt"], PLACE) and "Argentina Hugo Chavez" not in found["lista.txt"]


def test_a_country_named_officially_is_the_country():
    """Read in make audit: 'Kingdom of Saudi Arabia' was a place of its own beside Saudi Arabia."""
    found = _found(_article("oil.txt", "Oil", "The Kingdom of Saudi Arabia cut output; Saudi Arabia said prices would rise."))
    assert found["oil.txt"]["Saudi Arabia"].count == 2 and "Kingdom of Saudi Arabia" in found["oil.txt"]["Saudi Arabia"].aliases


def test_big_listed_companies_are_organizations_and_words_of_other_languages_are_not():
    """Read in make audit: Vodafone and Hasbro were not found; a small-cap company ('Uniti Group')
    must not make Italian 'Stati Uniti' an organization."""
    found = _found(
        _article("phones.txt", "Phones", "The government ordered Vodafone to shut down its network in Cairo.",
                 "Toys by Hasbro were on show at the fair."),
        _article("viaggio.txt", "Viaggio", "Il presidente è partito per gli Stati Uniti con Stepan Ivanov."),
    )
    assert {"Vodafone", "Hasbro"} <= names_of(found["phones.txt"], ORG)
    assert not names_of(found["viaggio.txt"], ORG) & {"Uniti", "Stati Uniti", "Stepan"}


def test_hyphenated_ranks_and_months_that_are_first_names():
    """Read in make audit: 'Attorney-General John Ashcroft' and 'Lieutenant-Colonel Max Marriner'
    were people with their rank in the name; 'Jan Egeland' lost 'Jan' as if it were January."""
    found = _found(_article(
        "ranks.txt", "Ranks", "NATO spokesman Lieutenant-Colonel Max Marriner said in Sarajevo.",
        "Attorney-General John Ashcroft defended the policy.", "The UN envoy Jan Egeland arrived on Jan 5.",
        "Troops under Major-General Nikolai Sherbatov took the town."))["ranks.txt"]
    assert {"Max Marriner", "John Ashcroft", "Jan Egeland", "Nikolai Sherbatov"} <= names_of(found, PERSON)
    assert found["Max Marriner"].roles and "Lieutenant-Colonel" in found["Max Marriner"].roles[0]
    assert not any(name.startswith(("Lieutenant", "Attorney", "Major", "Egeland")) for name in found)


def test_countries_and_big_cities_in_other_languages_reach_the_english_page():
    """Read in make audit: Italian articles named no country ('Italia e Germania'), 'Grecia' was an
    organization, and 'Londra' had a page apart from London."""
    found = _found(_article(
        "vertice.txt", "Vertice", "Al vertice parteciperanno anche Italia e Germania, non la Grecia.",
        "Il ministro è poi partito per Londra e per la Turchia."), )["vertice.txt"]
    assert {"Italy", "Germany", "Greece", "London", "Turkey"} <= names_of(found, PLACE)
    assert "Londra" in found["London"].aliases and not names_of(found, ORG)


def test_landmarks_are_places_and_a_creed_is_no_entity():
    """Read in make audit: 'the Eiffel Tower' was a person and 'banished from Islam' a place."""
    found = _found(_article(
        "paris.txt", "Paris", "Police guarded targets such as the Eiffel Tower and the Mahabodhi Temple.",
        "He was banished from Islam, the cleric said. Yusuf Islam sang at the concert."))["paris.txt"]
    assert {"Eiffel Tower", "Mahabodhi Temple"} <= names_of(found, PLACE)
    assert "Islam" not in found and "Yusuf Islam" in names_of(found, PERSON)


def test_a_company_named_with_of_and_its_legal_form_is_one_name_and_languages_are_no_places():
    """Read in make audit: 'Gold Fields of South Africa Ltd' gave the company 'South Africa Ltd',
    'Hong Kong Financial Secretary' the organization 'Hong Kong Financial', 'in Hebrew' a place."""
    found = _found(_article(
        "mines.txt", "Mines", "Workers at Gold Fields of South Africa Ltd stayed away, said Lynn Reaser of Barnett Banks Inc.",
        "Hong Kong Financial Secretary Donald Tsang spoke. The statement was read in Hebrew and Urdu."))["mines.txt"]
    assert {"Gold Fields of South Africa Ltd", "Barnett Banks Inc"} <= names_of(found, ORG)
    assert {"Lynn Reaser", "Donald Tsang"} <= names_of(found, PERSON)
    assert not {"South Africa Ltd", "Hong Kong Financial", "Hebrew", "Urdu"} & set(found)


def test_a_ministry_before_a_ministers_name_in_other_languages_is_not_part_of_it():
    """Read in make audit: Italian news gave the person 'Esteri Margarett Beckett'."""
    found = _found(_article("ministri.txt", "Ministri", "Il ministro degli Esteri Margaret Beckett ha parlato ieri.",
                            "Il ministro della Difesa Arturo Parisi ha risposto, con Franco Frattini.",
                            "Per l'Italia parla il Ministro degli Affari Esteri Franco Frattini.",
                            "Lo ha detto Tero Haapala del Keskusrikospoliisi, la polizia finlandese.",
                            "Il ministro degli Esteri di Tbilisi ha risposto."))["ministri.txt"]
    assert {"Margaret Beckett", "Arturo Parisi", "Franco Frattini", "Tero Haapala"} <= names_of(found, PERSON)
    assert not any(name.startswith(("Esteri", "Difesa", "Affari", "di ")) or " del " in name for name in found)


def test_listed_companies_named_with_words_and_an_agency_written_as_a_word():
    """Read in make audit: 'Trend Micro' and 'Dow Chemical' were missed, and Italian news writing
    'Ria Novosti' made the agency a person."""
    found = _found(
        _article("venture.txt", "Venture", "Dow Chemical and Trend Micro reported losses on Monday."),
        _article("aereo.txt", "Aereo", "Secondo l'agenzia Ria Novosti, invece, i superstiti sarebbero tre."),
    )
    assert {"Dow Chemical", "Trend Micro"} <= names_of(found["venture.txt"], ORG)
    assert found["aereo.txt"]["RIA Novosti"].type is ORG


def test_a_people_s_name_before_a_place_head_and_a_broadcaster_s_channel():
    """Read in make audit: 'Chechen Republic' lost 'Chechen', 'the Basque separatists' gave the
    place 'Basque', and 'Fox News Channel' was a place like the English Channel."""
    found = _found(_article("media.txt", "Media", "Rupert Murdoch owns Fox News Channel and The Times.",
                            "The Basque separatists left the Chechen Republic."))["media.txt"]
    assert found["Fox News Channel"].type is ORG and found["Chechen Republic"].type is PLACE
    assert "Basque" not in found and "Republic" not in found


def test_regnal_names_keep_their_number():
    """Read in make audit: 'Giovanni Paolo' was among the most-named people, the pope's number cut off."""
    found = _found(_article("papi.txt", "Papi", "Pope Benedict XVI met Queen Elizabeth II after World War II talks.",
                            "Henry VIII had six wives; Abdullah II rules Jordan."))["papi.txt"]
    assert {"Benedict XVI", "Elizabeth II", "Henry VIII", "Abdullah II"} <= names_of(found, PERSON)
    assert not {"Benedict", "Elizabeth", "World War", "XVI"} & set(found)


def test_a_word_before_a_number_and_a_role_s_own_words_are_no_entities():
    """Read in make audit: 'in Terminal 2 of the airport' and 'Article 6 of the Convention' gave
    places, 'Bush's Vice Presidential candidate' the person 'Presidential'; scores stay teams."""
    found = _found(
        _article("airport.txt", "Airport", "Shots were fired in Terminal 2 of the airport, breaking Article 6 of the code.",
                 "Bush named Dick Cheney as his Vice Presidential candidate."),
        _article("results.txt", "Soccer - English League Results", "LONDON 1996-08-31",
                 "Results of English league matches on Saturday:", "Fulham 2 Bury 1", "Hull 0 Chester 3"),
    )
    assert not {"Terminal", "Article", "Presidential"} & set(found["airport.txt"])
    assert "Dick Cheney" in names_of(found["airport.txt"], PERSON)
    assert {"Fulham", "Bury", "Hull", "Chester"} <= set(found["results.txt"])


def test_bodies_named_in_other_languages_are_organizations_and_a_role_s_end_is_not_one():
    """Read in make audit: 'Movimento Socialista Panellenico' and 'Lega Araba' were people;
    'Presidente del Consiglio Silvio Berlusconi' must still give the person."""
    found = _found(_article(
        "elezioni.txt", "Elezioni", "Ha vinto il Movimento Socialista Panellenico, e la Lega Araba ha parlato.",
        "Il presidente del Consiglio Silvio Berlusconi ha risposto all'Agence France Presse."))["elezioni.txt"]
    assert {"Movimento Socialista Panellenico", "Lega Araba"} <= names_of(found, ORG)
    assert "Silvio Berlusconi" in names_of(found, PERSON)
    assert not any(name.startswith("Consiglio") for name in found) and "France Presse" not in found


def test_names_after_an_elided_article_in_italian_and_french():
    """Read in make audit: Italian news lost every name written after an elision ('dell'ONU',
    'l'Unione Europea', 'all'Agence France Presse'), and a place or party before a name ran
    into it ('dell'Illinois Barack Obama', 'dell'AKP Abdullah Gül')."""
    found = _found(_article(
        "onu.txt", "ONU", "La risoluzione dell'ONU è stata votata dall'Unione Europea e dall'Italia.",
        "Il senatore dell'Illinois Barack Obama ha vinto; il presidente dell'AKP Abdullah Gül ha risposto "
        "all'Agence France Presse.", "Valéry Giscard d'Estaing era presente, e anche i Queens Park Rangers."))["onu.txt"]
    assert {"European Union", "Agence France-Presse", "AKP"} <= names_of(found, ORG)
    assert "United Nations" in names_of(found, ORG) or "ONU" in names_of(found, ORG)
    assert {"Italy", "Illinois"} <= names_of(found, PLACE)
    assert {"Barack Obama", "Abdullah Gül"} <= names_of(found, PERSON)
    assert not {"Europea", "Estaing", "Park Rangers"} & set(found)


def test_an_acronym_after_a_number_is_a_unit_whatever_sentence_came_first():
    """Found comparing two builds: 'AEDT' was an organization in one build and not in the next, as
    the memo of classified names forgot that a number preceded the name ('20 MW', '10:00 AEDT')."""
    from generator.enrich.entities import classify as classify_module
    from generator.enrich.entities.candidates import find
    from generator.enrich.entities.gazetteer import gazetteer
    from generator.enrich.entities.tokens import sentences

    body = "The operator KWX said on Monday that the plant would close."
    unit = "The plant produced 20 KWX over the year, the operator said."
    for order in ((body, unit), (unit, body)):
        classify_module._memos.clear()
        types = {}
        for text in order:
            for sentence in sentences(text, 0, "body"):
                types[text] = {c.surface: c.type for c in find(sentence, gazetteer())}
        assert types[body]["KWX"] is ORG and types[unit]["KWX"] is None


def test_time_zones_a_foreign_script_quote_and_a_club_called_by_its_town():
    """Read in make audit: 'AEDT' was an organization, a Ukrainian slogan quoted in English news a
    person, and 'Tskhinvali' (a football club's short name) an organization in war reports."""
    found = _found(
        _article("hang.txt", "Execution", "He was hanged at 0600 AEDT on Friday, a spokesman said.",
                 "The banner read: Напередодні Дня Незалежності, and police came."),
        _article("guerra.txt", "Guerra", "La città capitale Tskhinvali è praticamente rasa al suolo."),
    )
    assert not {"AEDT", "Напередодні Дня Незалежності"} & set(found["hang.txt"])
    assert found["guerra.txt"].get("Tskhinvali") is None or found["guerra.txt"]["Tskhinvali"].type is not ORG


def test_newspapers_are_organizations():
    """Read in make audit: 'the Sunday Mirror' gave 'Mirror' alone, 'the Hong Kong Standard' nothing."""
    found = _found(_article("press.txt", "Press", "The Sunday Mirror and the Daily Mail said so, as did the "
                            "Hong Kong Standard.", "On Sunday Times Square was empty."))["press.txt"]
    assert {"Sunday Mirror", "Daily Mail", "Hong Kong Standard"} <= names_of(found, ORG)
    assert "Mirror" not in found and "Sunday Times Square" not in found and found["Times Square"].type is PLACE


def test_names_with_particles_and_a_given_name_that_is_also_a_demonym():
    """Read in make audit: 'Kengo wa Dondo' was the person 'Kengo' and the place 'Dondo';
    'Danie van Schalkwyk' and 'Christian Arrue' were not found; the Christian Bible is no person."""
    found = _found(_article(
        "names.txt", "Names", "Zairean Prime Minister Kengo wa Dondo said so.",
        "12 - Danie van Schalkwyk, 11 - Pieter Hendriks.", "Darryn Hill (Australia) beat Christian Arrue (U.S.) 2-0.",
        "A cult based on the Christian Bible grew."))["names.txt"]
    assert {"Kengo wa Dondo", "Danie van Schalkwyk", "Christian Arrue"} <= names_of(found, PERSON)
    assert not {"Dondo", "Kengo", "Christian Bible", "Bible"} & set(found)


def test_a_body_named_with_and_is_one_body_and_a_list_of_two_stays_two():
    """Read in make audit: 'Australian Communications and Media Authority' gave two organizations,
    'National Oceanic and Atmospheric Administration' only 'Atmospheric Administration'."""
    found = _found(_article(
        "bodies.txt", "Bodies", "The Australian Communications and Media Authority fined the site.",
        "Data came from the National Oceanic and Atmospheric Administration and the Food and Drug Administration.",
        "The Federal Aviation Administration and Transportation Security Administration met Microsoft Corp and Google Inc."))["bodies.txt"]
    assert {"Australian Communications and Media Authority", "National Oceanic and Atmospheric Administration",
            "Food and Drug Administration", "Federal Aviation Administration",
            "Transportation Security Administration"} <= names_of(found, ORG)
    assert not {"Media Authority", "Atmospheric Administration", "Drug Administration"} & set(found)


def test_regions_in_other_languages_reach_the_region_s_page():
    """Read in make audit: Italian 'Carolina del Sud' and 'Virginia Occidentale' were people, and
    'Bayern' had a page apart from Bavaria."""
    found = _found(
        _article("primarie.txt", "Primarie", "In Carolina del Sud ha stravinto Obama; in Virginia Occidentale no.",
                 "In Baviera la CSU ha perso."),
        _article("steuer.txt", "Steuer", "The state of Bayern will ask mosques to pay, Bavaria's minister said."),
    )
    assert {"South Carolina", "West Virginia", "Bavaria"} <= names_of(found["primarie.txt"], PLACE)
    assert "Bavaria" in names_of(found["steuer.txt"], PLACE) and "Bayern" not in found["steuer.txt"]


def test_an_acronym_of_lowercase_words_is_a_term_not_a_body():
    """Read in make audit: 'antimoney laundering (AML) laws' gave the organization 'AML'."""
    found = _found(_article("aml.txt", "Money", "The task force promotes international antimoney laundering (AML) laws.",
                            "Gross domestic product (GDP) rose, said the World Health Organization (WHO).",
                            "The Kurdistan Workers Party (PKK) fought the police (RUC)."))["aml.txt"]
    assert not {"AML", "GDP"} & set(found)
    assert {"World Health Organization", "PKK", "RUC"} <= names_of(found, ORG)


def test_titles_and_bodies_in_german_french_and_spanish_news():
    """Checked on articles written for the purpose: German news named no person after a title
    ('Bundeskanzler Friedrich Merz', 'Verteidigungsminister Boris Pistorius'), French lost 'le
    président de la République Emmanuel Macron' and bodies written with lowercase adjectives."""
    de = _article("de.txt", "Merz trifft Macron", "Bundeskanzler Friedrich Merz ist nach Paris gereist, um mit dem "
                  "französischen Präsidenten Emmanuel Macron zu sprechen.",
                  "Auch Verteidigungsminister Boris Pistorius traf EU-Kommissionspräsidentin Ursula von der Leyen.")
    fr = _article("fr.txt", "Macron reçoit Merz", "Le président de la République Emmanuel Macron a reçu le "
                  "chancelier Friedrich Merz.", "Selon l'AFP, le ministre des Armées Sébastien Lecornu était là. "
                  "La France insoumise a critiqué l'accord à l'Assemblée nationale et à la Commission européenne.")
    found = _found(de, fr)
    assert {"Friedrich Merz", "Emmanuel Macron", "Boris Pistorius", "Ursula von der Leyen"} <= names_of(found["de.txt"], PERSON)
    assert "Verteidigungsminister" in found["de.txt"]["Boris Pistorius"].roles[0]
    assert {"Emmanuel Macron", "Friedrich Merz", "Sébastien Lecornu"} <= names_of(found["fr.txt"], PERSON)
    assert {"La France insoumise", "Assemblée nationale", "European Commission"} <= names_of(found["fr.txt"], ORG)
    lead = _found(_article("rn.txt", "RN", "Le Rassemblement national a voté contre."))["rn.txt"]
    assert "Rassemblement national" in names_of(lead, ORG) and "Rassemblement" not in lead


def test_italian_roles_with_a_connector_before_the_name():
    """Read in make audit: 'Presidente della Repubblica Giorgio Napolitano' gave the person
    'Repubblica Giorgio Napolitano'; 'Segretario di Stato USA Condoleezza Rice' gave 'USA Condoleezza Rice'."""
    found = _found(_article(
        "ruoli.txt", "Ruoli", "Il Presidente della Repubblica Giorgio Napolitano ha ricevuto il Segretario di Stato "
        "USA Condoleezza Rice.", "Fidel Castro lascia l'incarico di Presidente del Consiglio di Stato.",
        "Il papa Benedetto XVI ha parlato."))["ruoli.txt"]
    assert {"Giorgio Napolitano", "Condoleezza Rice", "Fidel Castro", "Benedetto XVI"} <= names_of(found, PERSON)
    assert "Presidente della Repubblica" in found["Giorgio Napolitano"].roles[0]
    assert not any(name.startswith(("Repubblica", "USA ", "di ", "Stato")) for name in names_of(found, PERSON))


def test_a_name_defined_by_its_acronym_is_one_name():
    """Read in make audit: 'Royal Society for the Prevention of Cruelty to Animals (RSPCA)' gave the
    organization 'Royal Society' and the place 'Animals'; the NAACP gave the person 'Colored People'."""
    found = _found(_article(
        "acronyms.txt", "Inquiry",
        "Inspectors from the Royal Society for the Prevention of Cruelty to Animals (RSPCA) visited the farm.",
        "The National Association for the Advancement of Colored People (NAACP) filed a complaint.",
        "Police cited the Regulation of Investigatory Powers Act (RIPA) in their reply.",
        "The Rally for the Return of Refugees and Democracy in Rwanda (RDR) urged talks."))["acronyms.txt"]
    orgs = names_of(found, ORG)
    assert {"Royal Society for the Prevention of Cruelty to Animals",
            "National Association for the Advancement of Colored People"} <= orgs
    assert not {"Royal Society", "Animals", "Colored People", "National Association"} & set(found)
    assert "Regulation of Investigatory Powers Act" not in orgs  # a law, not a body
    assert "Refugees and Democracy in Rwanda" not in found  # the initials match only the name's end


def test_according_to_a_source_is_no_place():
    """Read in make audit: 'according to Sharia', 'according to Cambio and Semana magazines' and
    'according to Forbes' made places of a law and two magazines."""
    found = _found(_article(
        "sources.txt", "Sources", "Apostates are punished according to Sharia law, critics said.",
        "According to Forbes, the fortune grew. The delegation then travelled to Samarra by road."))["sources.txt"]
    assert not {"Sharia", "Forbes"} & names_of(found, PLACE)
    assert "Samarra" in names_of(found, PLACE)  # "travelled to" still points at a place


def test_a_kind_of_body_before_a_name_makes_it_an_organization():
    """Read in make audit: 'the Brazilian newspaper Correio Braziliense' was a person, 'the magazine
    Veja' and 'the Norwegian tabloid Dagbladet' places."""
    found = _found(_article(
        "press.txt", "Press", "He told the Brazilian newspaper Correio Braziliense about the meeting.",
        "The story ran in the magazine Veja and in the Norwegian tabloid Dagbladet on Sunday."))["press.txt"]
    assert {"Correio Braziliense", "Veja", "Dagbladet"} <= names_of(found, ORG)


def test_spanish_and_french_news_bodies_and_people():
    """Written for this check, as Spanish and French papers write: a Spanish 'y la' joined two bodies into
    one name, regional governments and funds had no type, a paper named after 'el diario' was lost, and
    'Marine Le Pen' was no person in French (a capitalized 'Le' inside a name)."""
    es = replace(_article(
        "es.txt", "Vivienda",
        "Dijo que el Banco de España y la Comisión Europea respaldan la medida.",
        "Según el diario El País, la Generalitat de Cataluña y la Junta de Andalucía pedirán más fondos.",
        "El Fondo Monetario Internacional prevé que la economía crezca.",
        "Trinidad y Tobago y la República Dominicana firmaron."), language="es")
    fr = replace(_article(
        "fr.txt", "Réforme", "Le Rassemblement national de Marine Le Pen dénonce un recul.",
        "Selon le quotidien Le Monde, Paolo Di Canio était présent."), language="fr")
    found = _found(es, fr)
    assert {"Banco de España", "El País", "Generalitat de Cataluña", "Junta de Andalucía",
            "Fondo Monetario Internacional", "European Commission"} <= names_of(found["es.txt"], ORG)
    assert "Trinidad and Tobago" in names_of(found["es.txt"], PLACE)
    assert not any(" y la " in name for name in found["es.txt"])
    assert {"Marine Le Pen", "Paolo Di Canio"} <= names_of(found["fr.txt"], PERSON)
    assert "Le Monde" in names_of(found["fr.txt"], ORG)


def test_an_acronym_and_the_name_it_abbreviates_are_one_entity():
    """'The Food and Drug Administration (FDA)' in one article and 'the FDA' in another had two pages;
    'Fondo Monetario Internacional (FMI)' stood apart from the International Monetary Fund."""
    found = _found(
        _article("a.txt", "Drug", "The Food and Drug Administration (FDA) approved the drug on Monday."),
        _article("b.txt", "Recall", "The FDA ordered a recall of the device."),
        replace(_article("c.txt", "Economía", "El Fondo Monetario Internacional (FMI) prevé más crecimiento."),
                language="es"),
        _article("d.txt", "Two", "The Kenya Wildlife Service (KWS) and the KWS rangers met."),
        _article("e.txt", "Other", "The Kenya Women Society (KWS) disagreed."),
    )
    fda = found["a.txt"]["Food and Drug Administration"]
    assert fda.type is ORG and "FDA" in fda.aliases and "FDA" not in found["a.txt"]
    assert "Food and Drug Administration" in found["b.txt"] and "FDA" not in found["b.txt"]
    assert "International Monetary Fund" in names_of(found["c.txt"], ORG)
    assert "Fondo Monetario Internacional" not in found["c.txt"]
    assert "KWS" in found["d.txt"] and "KWS" in found["e.txt"]  # defined two ways: left alone


def test_german_news_names_declined_bodies_and_no_common_nouns_as_towns():
    """Written for this check, as a German paper writes: 'bei der Deutschen Bahn' and 'in den
    Vereinigten Staaten' were no names (German declines the adjective), 'Ende der Woche' made a place
    of the noun 'Ende' (a town in Indonesia), and 'Die Deutsche Bundesbank' was no organization."""
    de = replace(_article(
        "de.txt", "Haushalt",
        "Die Gewerkschaft kündigte Streiks bei der Deutschen Bahn an.",
        "Er lebt seit Jahren in den Vereinigten Staaten.",
        "Ende der Woche reist Merz nach Paris.",
        "Wie die Süddeutsche Zeitung berichtet, warnte die Deutsche Bundesbank vor steigenden Zinsen."), language="de")
    found = _found(de)["de.txt"]
    assert {"Deutsche Bahn", "Deutsche Bundesbank", "Süddeutsche Zeitung"} <= names_of(found, ORG)
    assert {"United States", "Paris"} <= names_of(found, PLACE)
    assert "Ende" not in found
    # A noun before a genitive article and a known name is no part of it (German capitalizes nouns)
    found = _found(replace(_article("bank.txt", "Stellenabbau", "Experten der Deutschen Bank rechnen mit "
                                    "Kürzungen. Die Universität der Künste in Berlin feiert."), language="de"))["bank.txt"]
    assert {"Deutsche Bank", "Universität der Künste"} <= names_of(found, ORG)
    assert not any(name.startswith("Experten") for name in found)


def test_the_article_of_a_known_paper_is_not_taken_into_a_longer_name():
    """'The Independent' is a newspaper; 'The Independent Police Complaints Commission' is another body."""
    found = _found(_article("ipcc.txt", "Inquiry", "He said the inquiry was slow. The Independent Police "
                            "Complaints Commission said it would investigate, The Independent reported."))["ipcc.txt"]
    assert {"Independent Police Complaints Commission", "The Independent"} <= names_of(found, ORG)


def test_arabic_names_with_al_and_italian_al_before_a_body():
    """Read in make audit: 'Muqtada al Sadr' was no person (in English either), while Italian 'John
    al Senato' was one and 'Partito al Senato di Washington' one organization ('al' is 'to the')."""
    en = _article("en.txt", "Iraq", "Fighters loyal to Muqtada al Sadr clashed with police.")
    it = replace(_article("it.txt", "Kennedy", "Sostituì il fratello John al Senato, in quanto era stato eletto.",
                          "Voleva garantire la continuità del suo Partito al Senato di Washington."), language="it")
    found = _found(en, it)
    assert "Muqtada al Sadr" in names_of(found["en.txt"], PERSON)
    assert not any(" al " in name for name in found["it.txt"])


def test_a_state_before_a_party_word_and_jan_as_a_given_name():
    """Written for this check as US wire copy reads: 'a South Dakota Republican' lost the state (one
    unknown run), and 'economist Jan Hatzius' lost the person ('Jan' read as the month)."""
    found = _found(_article(
        "wire.txt", "Fed", "Goldman Sachs economist Jan Hatzius said the bank would cut.",
        "John Thune, a South Dakota Republican, said lawmakers would return. Trading resumed on Jan 5.",
        "From January to June Comelf exported more steel."))["wire.txt"]
    assert "Jan Hatzius" in names_of(found, PERSON) and "South Dakota" in names_of(found, PLACE)
    assert not any(name.startswith("June") for name in found)


def test_a_company_with_and_without_its_legal_form_is_one_entity():
    """Wire copy names 'Microsoft Corp.' first and 'Microsoft' after: two pages for one company;
    'Rivals Alphabet Inc.' took the sentence's first word into the name."""
    found = _found(
        _article("a.txt", "Jobs", "Microsoft Corp. said it would cut 6,000 jobs. Microsoft employs 228,000 people.",
                 "Rivals Alphabet Inc. and Meta Platforms have also trimmed staff."),
        _article("b.txt", "Cloud", "Microsoft reported higher cloud revenue."))
    assert "Microsoft" in names_of(found["a.txt"], ORG) and "Microsoft Corp" not in found["a.txt"]
    assert "Microsoft Corp" in found["a.txt"]["Microsoft"].aliases
    assert "Alphabet Inc" in names_of(found["a.txt"], ORG) and not any(n.startswith("Rivals") for n in found["a.txt"])


def test_a_match_report_whose_headline_names_no_sport():
    """Written for this check as a paper reports a game: without 'SOCCER -' in the headline, Arsenal
    and Chelsea were lost (a word and a first name) and 'Premier League' gave a person 'League'."""
    found = _found(_article(
        "match.txt", "Arsenal beat Chelsea to close gap on Liverpool",
        "Bukayo Saka scored twice as Arsenal beat Chelsea 3-1 on Sunday to move within four points of "
        "Premier League leaders Liverpool.",
        "Saka took the lead after 12 minutes before Cole Palmer equalised from the penalty spot. The striker "
        "sealed the win late on, and Chelsea's manager said his team lacked intensity."))["match.txt"]
    assert {"Arsenal", "Chelsea"} <= names_of(found, ORG)
    assert "League" not in found and "Bukayo Saka" in names_of(found, PERSON)


def test_italian_news_acronyms_written_as_words_and_cities_by_their_italian_names():
    """Written for this check as Italian papers write: 'Cgil', 'Istat', 'Nato' (acronyms as words),
    'Napoli' (the city, also a surname) and 'della Cgil Maurizio Landini' were all lost."""
    found = _found(replace(_article(
        "it.txt", "Manovra", "Il leader della Cgil Maurizio Landini ha annunciato uno sciopero generale.",
        "Secondo l'Istat, l'inflazione è scesa. La Nato si riunisce a Bruxelles.",
        "A Milano e Napoli si sono svolte manifestazioni."), language="it"))["it.txt"]
    assert {"CGIL", "ISTAT", "NATO"} <= names_of(found, ORG)
    assert "Maurizio Landini" in names_of(found, PERSON)
    assert {"Naples", "Milan", "Brussels"} <= names_of(found, PLACE)


def test_titles_of_games_and_faith_and_a_paper_named_before_newspaper():
    """Read in make audit: 'Grand Master' (a chess title) was a person, 'Le Matin newspaper' a person,
    and 'Grand Mufti Ahmed Hassoun' gave nobody."""
    found = _found(_article(
        "titles.txt", "Chess", "He played against Israeli Grand Master (GM) Alexander Huzman at the tournament.",
        "But Le Matin newspaper, quoting witnesses, said the bomb exploded.",
        "Syria's Grand Mufti Ahmed Hassoun spoke. The South Korean newspaper Chosun Ilbo reported it."))["titles.txt"]
    assert {"Alexander Huzman", "Ahmed Hassoun"} <= names_of(found, PERSON)
    assert "Grand Master" not in found and "South Korean" not in found
    assert {"Le Matin", "Chosun Ilbo"} <= names_of(found, ORG)


def test_a_facility_named_before_its_kind_in_lower_case():
    """Read in make audit: 'taken to the Royal Alexandria hospital' made a person; a prison, a school or a
    stadium named before its kind was lost. A creed before its kind is no name ('an Amish school')."""
    found = _found(_article(
        "places.txt", "Attack", "The second bomber was taken to the Royal Alexandria hospital in Paisley.",
        "Detainees were held at the Abu Ghraib prison. The gunman attacked a one-room Amish school.",
        "Crowds gathered at a Shi'a mosque in Kabul."))["places.txt"]
    assert {"Royal Alexandria", "Abu Ghraib"} <= names_of(found, ORG)
    assert "Royal Alexandria" not in names_of(found, PERSON)
    assert "Amish" not in found and "Shi'a" not in found


def test_notre_dame_is_no_title_before_a_person():
    """Read in make audit: 'Mount Notre Dame Convent Chapel' gave a place 'Mount Notre' and a person
    'Convent Chapel' ('Dame' read as the title)."""
    found = _found(_article("mass.txt", "Funeral", "A funeral mass is scheduled at Mount Notre Dame Convent "
                            "Chapel in Cincinnati. Dame Judi Dench sent flowers."))["mass.txt"]
    assert "Convent Chapel" not in found and "Mount Notre" not in found
    assert "Judi Dench" in names_of(found, PERSON)


def test_european_given_names_that_are_rare_us_surnames_name_people():
    """Read in make audit: 'Gianni', 'Camillo' or 'Giuliano' are surnames somewhere in the US census,
    so the gazetteer knew no such given name: 'del Consiglio Gianni Letta' was an organization and
    'Camillo Ruini' nobody. A word of another language that is such a name stays a word ('Verde')."""
    found = _found(replace(_article(
        "letta.txt", "Governo", "Al giuramento era presente il sottosegretario alla presidenza del Consiglio "
        "Gianni Letta.", "Il cardinale Camillo Ruini ha incontrato Giuliano Amato a Roma.",
        "La coalizione Verde Socialdemocratica ha vinto le elezioni."), language="it"))["letta.txt"]
    assert {"Gianni Letta", "Camillo Ruini", "Giuliano Amato"} <= names_of(found, PERSON)
    assert "Consiglio Gianni Letta" not in found and "Verde Socialdemocratica" not in names_of(found, PERSON)


def test_a_surname_the_corpus_knows_as_a_person_takes_the_one_full_name():
    """Read in make audit: 'Berlusconi' in four Italian articles had a page of its own beside Silvio
    Berlusconi, named in full elsewhere in the company of the same people."""
    found = _found(*(replace(_article(source, title, *text), language="it") for source, title, text in (
        ("a.txt", "Governo", ["Il presidente del Consiglio Silvio Berlusconi ha incontrato Gianni Letta e "
                              "Giulio Tremonti a Palazzo Chigi."]),
        ("d.txt", "Premier", ["Il premier Berlusconi ha parlato ieri. Il premier Berlusconi è stato chiaro."]),
        ("b.txt", "Manovra", ["La manovra di Berlusconi è stata difesa da Giulio Tremonti e da Gianni Letta."]))))
    assert "Silvio Berlusconi" in names_of(found["b.txt"], PERSON) and "Berlusconi" not in found["b.txt"]


def test_a_person_named_in_full_and_by_surname_is_listed_once():
    """Read in make audit: eight articles listed 'Barack Obama' (or Pervez Musharraf) twice, once
    for the full name in the headline and once for 'Obama' in the text."""
    found = _found(*(replace(_article(source, title, text), language="it") for source, title, text in (
        ("a.txt", 'Barack Obama e John McCain vincono le "primarie del Potomac"',
         "Il senatore dell'Illinois e il veterano John McCain hanno vinto le primarie del Potomac. Obama ha "
         "vinto le primarie del Virginia con il 67% dei voti, contro Hillary Clinton."),
        ("b.txt", "Primarie", "Il senatore Barack Obama ha vinto in Iowa. Secondo Obama, la campagna è lunga."),
        ("c.txt", "Primarie", "Il senatore Obama ha parlato a Chicago con Hillary Clinton."))))
    for article in found.values():
        names = [(m.type, m.name) for m in article.mentions]
        assert len(names) == len(set(names))
    assert "Barack Obama" in names_of(found["a.txt"], PERSON)


def test_the_seat_a_member_of_parliament_sits_for_is_a_place():
    found = _found(_article("mp.txt", "Memo", "Boris Johnson, MP for Henley, has condemned the ban.",
                            "He was elected MP for Sedgefield in 1983."))["mp.txt"]
    assert {"Henley", "Sedgefield"} <= names_of(found, PLACE) and not {"Henley", "Sedgefield"} & names_of(found, PERSON)


def test_a_one_word_title_before_magazine_or_newspaper_is_the_publication():
    """Read in make audit: 'Speaking to Time magazine' made Time a place; a city before 'newspaper'
    stays the city, and 'flights to Rome daily' no publication."""
    found = _found(_article(
        "press.txt", "Leaks", "Speaking to Time magazine on the internet, Assange defended the leak.",
        "A Tehran newspaper said so. Flights to Rome daily were cancelled.",
        "According to the Fijian newspaper Sunday Post, the army is in control."))["press.txt"]
    assert "Time" in names_of(found, ORG) and "Time" not in names_of(found, PLACE)
    assert {"Tehran", "Rome"} <= names_of(found, PLACE) and "Sunday Post" in names_of(found, ORG)
    assert "Fijian" not in found


def test_half_of_a_compass_name_before_and_is_no_place():
    """Read in make audit: 'in Central and South America' made a place 'Central'."""
    found = _found(_article("aid.txt", "Aid", "Agencies in Central and South America will continue to help. "
                            "Talks between North and South Korea resumed."))["aid.txt"]
    assert "Central" not in found and "North" not in found
    assert {"South America", "South Korea"} <= names_of(found, PLACE)


def test_a_body_named_for_what_it_is_for_is_one_organization():
    """Read in make audit: 'the American Society for the Prevention of Cruelty to Animals' gave
    'American Society' and a place 'Animals'; 'the Institute for Fiscal Studies' gave a person
    'Studies'. A known body and a place after 'for' stay two ('the European Union for Ukraine')."""
    found = _found(_article(
        "bodies.txt", "Groups", "GREY2K USA and the American Society for the Prevention of Cruelty to Animals "
        "protested.", "Economists at the Institute for Fiscal Studies said so.",
        "The Salafist Group for Preaching and Combat claimed it. Aid from the European Union for Ukraine grew.",
        "Support from the Democratic Party for Barack Obama grew."))["bodies.txt"]
    assert {"American Society for the Prevention of Cruelty to Animals", "Institute for Fiscal Studies",
            "Salafist Group for Preaching and Combat", "European Union", "Democratic Party"} <= names_of(found, ORG)
    assert "Ukraine" in names_of(found, PLACE) and "Barack Obama" in names_of(found, PERSON)
    assert not {"Animals", "Studies"} & set(found)


def test_a_plural_owner_inside_a_name_is_part_of_it():
    """Read in make audit: "at Fishmongers' Hall" made a place 'Fishmongers', "Brisbane Magistrates'
    Court" an organization 'Brisbane Magistrates'; an acronym before 'and' is no part of the next body."""
    found = _found(_article(
        "halls.txt", "Attack", "Usman Khan stabbed people at Fishmongers' Hall in London.",
        "He appeared in Brisbane Magistrates' Court on Monday. The Workers' Party of Korea met.",
        "Talks between the FARC and Brazilian Workers' Party resumed."))["halls.txt"]
    assert {"Brisbane Magistrates' Court", "Workers' Party of Korea", "FARC"} <= names_of(found, ORG)
    assert "Fishmongers" not in found and "Brisbane Magistrates" not in found
    assert "Fishmongers' Hall" not in names_of(found, PERSON)
    assert not any(name.startswith("FARC and") for name in found)
    # A head word alone after the owner, even one that is a first name too ("Park")
    park = _found(_article("park.txt", "Derby", "Newcastle United beat Sunderland at St James' Park on Sunday."))
    assert "St James' Park" in names_of(park["park.txt"], PLACE) and "St James" not in park["park.txt"]


def test_a_sentence_opened_by_a_word_of_the_language_names_no_town():
    """Tried on German and French news written for this check: 'Dabei kam ein Feuerwehrmann ums
    Leben' (in doing so, a firefighter died) made a place Dubai of an old name of it, French 'Celle
    qui …' (the one who) a German town, and 'PIB' (French for GDP) an organization."""
    de = replace(_article("de.txt", "Hochwasser in Bayern",
                          "In Passau erreichte die Donau einen Pegelstand von neun Metern.",
                          "Dabei kam ein Feuerwehrmann ums Leben, sagte ein Sprecher in München."), language="de")
    fr = replace(_article("fr.txt", "Le budget", "Le déficit atteindra 5,4 % du PIB, selon Bercy.",
                          "Celle qui a le plus augmenté est la dette de la Sécurité sociale, a dit Éric Lombard à Paris."),
                 language="fr")
    found = _found(de, fr)
    assert "Dubai" not in found["de.txt"] and "Dabei" not in found["de.txt"]
    assert {"Passau", "Munich"} <= names_of(found["de.txt"], PLACE)
    assert "Celle" not in found["fr.txt"] and "PIB" not in found["fr.txt"]
    assert "Paris" in names_of(found["fr.txt"], PLACE) and "Éric Lombard" in names_of(found["fr.txt"], PERSON)
    it = replace(_article("it.txt", "Corea del Sud", "Trovato morto il sindaco di Seul, Park Won-soon.",
                          "Un portavoce dell'ONU ha parlato a Ginevra."), language="it")
    found = _found(it)["it.txt"]
    assert "Seoul" in names_of(found, PLACE) and "United Nations" in names_of(found, ORG)


def test_a_us_state_abbreviated_after_a_town_is_the_state():
    """US local news as the AP writes it, tried for this check: 'SPRINGFIELD, Ill. (AP)' made a
    place 'Ill', 'Sacramento, Calif.' a place 'Calif', and 'the Lincoln Library' a person."""
    found = _found(_article(
        "ap.txt", "Council approves budget", "SPRINGFIELD, Ill. (AP) — The city council approved the budget.",
        "A man from Dover, Del., was held in Nashville, Tenn., on Friday. Officials in Sacramento, Calif., agreed.",
        "The vote came after a hearing at the Lincoln Library. Miss Smith and Mass were not mentioned."))["ap.txt"]
    assert {"Illinois", "Delaware", "Tennessee", "California", "Springfield", "Dover", "Nashville",
            "Sacramento"} <= names_of(found, PLACE)
    assert "Calif" in found["California"].aliases
    assert not {"Ill", "Calif", "Del", "Tenn", "Massachusetts", "Mississippi"} & set(found)
    assert "Lincoln Library" in names_of(found, ORG)


def test_a_result_at_a_team_the_corpus_knows_is_at_that_team():
    """Football news written for this check: 'Arsenal drew 1-1 at Chelsea' made a place of the
    club the digest's other report shows beating Everton; a ground stays a place."""
    found = _found(
        _article("a.txt", "Soccer - Chelsea beat Everton", "Chelsea beat Everton 2-1 at Stamford Bridge on "
                 "Saturday. Cole Palmer scored a penalty before the striker Nicolas Jackson added a second goal."),
        _article("b.txt", "Soccer - Arsenal held in London", "Arsenal drew 1-1 at Chelsea on Sunday. Bukayo Saka "
                 "scored from the penalty spot before the striker Kai Havertz hit the post."))
    assert "Chelsea" in names_of(found["b.txt"], ORG) and "Chelsea" not in names_of(found["b.txt"], PLACE)
    assert "Stamford Bridge" in names_of(found["a.txt"], PLACE)


def test_who_works_at_a_name_works_for_an_organization():
    """Business news written for this check: 'an analyst at Bernstein' made a place of the firm,
    and the CoNLL set's 'chief technical analyst at Raymond James' a person of another."""
    found = _found(_article("firm.txt", "Chips", "\"This is a major headwind,\" said Stacy Rasgon, an analyst at "
                            "Bernstein.", "Ralph Bloch, chief technical analyst at Raymond James, agreed. "
                            "Talks at Geneva went on.", "A professor at Harvard said so."))["firm.txt"]
    assert {"Bernstein", "Raymond James"} <= names_of(found, ORG)
    assert "Geneva" in names_of(found, PLACE) and "Stacy Rasgon" in names_of(found, PERSON)


def test_believers_are_no_place_and_a_plural_club_after_at_is_a_club():
    """Read in make audit's random sample: 'holy to Moslems, Arabs and Jews' made a place of the
    believers (the old spelling, as 1990s wires wrote it), and a rugby report's 'The new French
    connection at Harlequins' a place of the club; a town after 'at' stays one."""
    found = _found(
        _article("holy.txt", "Pilgrims", "Arafat urged them to come to the city holy to Moslems, Arabs and Jews."),
        _article("rugby.txt", "Rugby Union - Saracens win", "Saracens beat Leicester 25-23 on Saturday.",
                 "The new French connection at Harlequins also made a good start, Laurent Cabannes scoring a try "
                 "in their side's 75-19 victory over Gloucester. Kent play at Tunbridge Wells next week."))
    assert "Moslems" not in found["holy.txt"]
    assert "Harlequins" in names_of(found["rugby.txt"], ORG) and "Harlequins" not in names_of(found["rugby.txt"], PLACE)
    assert "Tunbridge Wells" not in names_of(found["rugby.txt"], ORG)


def test_a_known_name_with_a_lowercase_word_after_words_cut_off_its_run():
    """French news written for this check: in 'Mais la Commission européenne à Bruxelles' the
    run of capitals starts at 'Mais' (with 'la' as a connector), so the known name spanning the
    lowercase 'européenne' was never tried and a bare 'Commission' was dropped; the audit's
    Italian 'la Banca d'Italia' and 'alla Camera dei deputati' went the same way."""
    fr = replace(_article("fr.txt", "Budget", "Mais la Commission européenne à Bruxelles surveille le déficit."),
                 language="fr")
    it = replace(_article("it.txt", "Conti", "Secondo la Banca d'Italia il debito cresce."), language="it")
    found = _found(fr, it)
    assert "European Commission" in names_of(found["fr.txt"], ORG) and "Commission" not in found["fr.txt"]
    assert "Banca d'Italia" in names_of(found["it.txt"], ORG)


def test_german_football_report_clubs_under_one_name():
    """German football news written for this check: the report was not read as one ('3:1' is how
    German papers write a score), so 'Für Dortmund verkürzte Guirassy' and 'trifft Bayern auf PSG'
    made places of the clubs named in full beside them, and 'FC Bayern München' and 'Bayern
    München' were two organizations."""
    de = replace(_article(
        "fuss.txt", "Bayern München gewinnt Topspiel gegen Dortmund",
        "Der FC Bayern München hat das Spitzenspiel der Bundesliga gegen Borussia Dortmund mit 3:1 gewonnen. "
        "Harry Kane traf zweimal. Trainer Vincent Kompany lobte die Mannschaft.",
        "Für Dortmund verkürzte Serhou Guirassy kurz vor der Pause. Danach scheiterte der BVB an Torhüter "
        "Manuel Neuer. In der Nachspielzeit fiel der dritte Treffer.",
        "Nächste Woche trifft Bayern in der Champions League auf Paris Saint-Germain."), language="de")
    found = _found(de)["fuss.txt"]
    assert {"Bayern München", "Borussia Dortmund"} <= names_of(found, ORG)
    assert {"Bayern", "FC Bayern München"} <= set(found["Bayern München"].aliases)
    assert "Dortmund" in found["Borussia Dortmund"].aliases
    assert not {"Dortmund", "Bavaria", "FC Bayern München"} & set(found)


def test_a_city_under_its_own_language_name_before_a_person_is_the_city():
    """Read in make audit's random sample: 'il presidente della provincia di Roma Nicola Zingaretti'
    made one person 'Roma Nicola Zingaretti' ('Roma' is a given name too, but here Rome's Italian
    name); 'Paris Hilton' stays one person."""
    it = replace(_article("it.txt", "Betancourt", "Erano presenti Walter Veltroni e il presidente della "
                          "provincia di Roma Nicola Zingaretti."), language="it")
    en = _article("en.txt", "Party", "Paris Hilton arrived in Los Angeles on Monday.")
    found = _found(it, en)
    assert "Nicola Zingaretti" in names_of(found["it.txt"], PERSON) and "Rome" in names_of(found["it.txt"], PLACE)
    assert "Paris Hilton" in names_of(found["en.txt"], PERSON)


def test_courtesy_titles_in_every_language_make_people():
    """Tried for this check: 'Mr. Macron' gave nobody ('macron' is an English word, so the title
    was read as a role of no one), and French news in Le Monde's style ('M. Macron a reçu Mme
    Borne', 'Selon M. Bayrou') and German ('Frau Merkel traf Herrn Scholz') gave few people."""
    en = _article("en.txt", "Budget", "Mr. Macron met Mrs. Le Pen on Tuesday, and Mr. Brown left.",
                  "M. Ramprakash made 50 for Middlesex.")
    fr = replace(_article("fr.txt", "Budget", "M. Macron a reçu mardi Mme Borne et M. Bardella. "
                          "Selon M. Bayrou, le texte est mauvais."), language="fr")
    de = replace(_article("de.txt", "Treffen", "Frau Merkel traf Herrn Scholz in Berlin. Die Frau wurde verletzt."),
                 language="de")
    found = _found(en, fr, de)
    assert {"Macron", "Le Pen", "Brown", "M. Ramprakash"} <= names_of(found["en.txt"], PERSON)
    assert {"Macron", "Borne", "Bardella", "Bayrou"} <= names_of(found["fr.txt"], PERSON)
    assert {"Merkel", "Scholz"} <= names_of(found["de.txt"], PERSON)
    assert not {"M. Macron", "M. Bayrou", "Frau", "Herrn Scholz"} & (set(found["fr.txt"]) | set(found["de.txt"]))
    # "Chancellor of the Exchequer Rachel Reeves": two runs, the second opening with the office
    uk = _found(_article("uk.txt", "Budget", "He said Chancellor of the Exchequer Rachel Reeves prepared it."))
    assert "Rachel Reeves" in names_of(uk["uk.txt"], PERSON)


def test_a_name_with_and_without_the_is_one_entity():
    """Read in the audit corpus: 'The Pirate Bay' and 'Pirate Bay', 'The Netherlands' and
    'Netherlands' had a page each."""
    found = _found(_article("a.txt", "Trial", "The Pirate Bay founders were fined. Pirate Bay users protested.",
                            "Police in the Netherlands agreed."),
                   _article("b.txt", "Trial", "Lawyers in The Netherlands said Pirate Bay will appeal."))
    assert {m.name for f in found.values() for m in f.values() if "Pirate Bay" in m.name} == {"Pirate Bay"}
    assert {m.name for f in found.values() for m in f.values() if "Netherlands" in m.name} == {"Netherlands"}


def test_a_region_is_one_place_in_every_language():
    """Read in the audit corpus: Italian articles' 'Sicilia', 'Sardegna', 'Toscana' were places of
    their own beside English news's Sicily, Sardinia and Tuscany (ISO names regions in their own
    language); German 'Sachsen' and Spanish 'Cataluña' too."""
    found = _found(replace(_article("it.txt", "Incendi", "Incendi in Sicilia, Sardegna e Toscana."), language="it"),
                   _article("en.txt", "Fires", "Fires in Sicily, Sardinia and Tuscany spread."),
                   replace(_article("de.txt", "Wahl", "In Sachsen wird gewählt."), language="de"),
                   replace(_article("es.txt", "Fondos", "Salvador Illa pidió más fondos para Cataluña."), language="es"))
    assert names_of(found["it.txt"], PLACE) == names_of(found["en.txt"], PLACE) == {"Sicily", "Sardinia", "Tuscany"}
    assert "Saxony" in names_of(found["de.txt"], PLACE) and "Catalonia" in names_of(found["es.txt"], PLACE)


def test_a_city_is_one_place_under_its_names_in_other_languages():
    """Italian news's 'Napoli', 'Firenze' and 'Torino', German 'Wien' and 'Genf' were unknown, a
    club or a page apart from Naples, Florence, Turin, Vienna and Geneva; 'Kiev' and 'Kyiv' too."""
    found = _found(
        replace(_article("it.txt", "Maltempo", "Allerta a Napoli, Firenze e Torino per la pioggia."), language="it"),
        replace(_article("de.txt", "Gipfel", "Die Gespräche in Wien und Genf gingen weiter."), language="de"),
        _article("en.txt", "Talks", "Talks in Kiev and Kyiv, Naples and Vienna went on."))
    assert {"Naples", "Florence", "Turin"} <= names_of(found["it.txt"], PLACE)
    assert {"Vienna", "Geneva"} <= names_of(found["de.txt"], PLACE)
    assert names_of(found["en.txt"], PLACE) == {"Kyiv", "Naples", "Vienna"}


def test_a_term_in_capitals_inside_a_bodys_name_stays_in_it():
    """Read in make audit's random sample: 'dall'International HIV Trials Network' gave 'Trials
    Network' ('HIV' is never a name alone, and cut the run), 'the Stavropolye State TV Company' a
    body named 'Company'; a title in capitals still is no part of one ('CEO of The Standard')."""
    found = _found(replace(_article("it.txt", "Vaccino", "La sperimentazione sarà condotta "
                                    "dall'International HIV Trials Network a Durban."), language="it"),
                   _article("en.txt", "Fire", "The Stavropolye State TV Company reports. The CEO of The Standard "
                            "resigned on Monday."))
    assert "International HIV Trials Network" in names_of(found["it.txt"], ORG)
    assert "Stavropolye State TV Company" in names_of(found["en.txt"], ORG)
    assert not any(name.startswith("CEO") for name in found["en.txt"])


def test_a_german_compound_names_the_body_it_starts_with():
    """German news written for this check: 'sagte der CDU-Chef', 'Die SPD-Fraktion stimmte zu',
    'Der Nato-Gipfel' named nobody; a compound that is a name itself stays one ('EU-Kommission')."""
    found = _found(replace(_article("de.txt", "Haushalt", "Das sagte der CDU-Chef am Montag. Die SPD-Fraktion "
                                    "stimmte zu. Der Nato-Gipfel endete. Die EU-Kommission prüft. Der US-Präsident "
                                    "Donald Trump drohte."), language="de"))["de.txt"]
    assert {"CDU", "SPD", "NATO", "European Commission"} <= names_of(found, ORG)
    assert "Donald Trump" in names_of(found, PERSON) and "European Union" not in found
