"""The words around names: titles, organization and place heads, demonyms, speech verbs.

These are rules of English news writing, not names, so they live in code rather than
in the gazetteer. Every set holds casefolded words unless its comment says otherwise.
"""

from __future__ import annotations

import functools

import re

from ...wire import WIRE_ABBREVIATIONS  # "12 MLN DLRS": never names


def _words(text: str) -> frozenset[str]:
    return frozenset(w.casefold() for w in text.split())


# A capitalized one of these right before a name makes it a person: "Chancellor Friedrich Merz".
TITLES = _words("""
president president-elect counsel solicitor vice-president chancellor minister premier secretary general spokesperson
spokesman spokeswoman senator sen governor gov mayor king queen prince princess pope ambassador envoy
commander grandmaster master mufti chief director chairman chairwoman chair ceo head leader inspector admiral colonel col
lieutenant lt captain capt sergeant sgt judge justice prosecutor attorney coach manager mr mrs ms
miss mister dr prof professor sir dame lord lady rev reverend father sheikh emir sultan ayatollah
rabbi bishop cardinal archbishop deputy vice representative rep gen maj adm cdr brig marshal
commissioner officer executive founder president's congressman congresswoman councillor councilman
emperor empress crown duke duchess count countess baron baroness chancellor-elect mp mep mk sheriff
constable detective mme mmes mlle mlles herr herrn frau sra srta exchequer
monsignor imam patriarch metropolitan speaker whip treasurer auditor ombudsman superintendent
striker midfielder defender goalkeeper keeper forward winger skipper playmaker batsman bowler
democrat republican
""")

# Lowercase words that, right before a name, say it is a person: "economist Joel Smith",
# "centre Walter Little", "dissident Wang Donghai". Only lowercase: capitalized, several of
# them start names of other things ("Centre Pompidou", "Champion Hill").
DESCRIPTORS = _words("""
economist analyst strategist banker businessman businesswoman tycoon billionaire magnate entrepreneur
lawyer barrister solicitor dissident activist campaigner writer novelist author poet playwright
journalist reporter correspondent columnist editor photographer filmmaker film-maker actor actress
singer songwriter musician pianist violinist guitarist composer conductor dancer artist painter
sculptor architect scientist physicist chemist biologist researcher historian philosopher doctor
surgeon physician diplomat negotiator mediator candidate nominee lawmaker legislator politician
suspect defendant plaintiff witness hostage priest pastor monk nun wife husband son daughter brother
sister mother widow widower compatriot countryman countrywoman teammate team-mate rookie veteran
newcomer debutant substitute champion titleholder title-holder seed jockey trainer rider driver
cyclist sprinter hurdler swimmer skier golfer boxer runner centre center centre-back full-back
fullback fly-half scrum-half flanker hooker prop winger wing pitcher catcher shortstop outfielder
infielder quarterback linebacker cornerback halfback tailback opener all-rounder spinner paceman
seamer wicketkeeper wicket-keeper sweeper defenceman defenseman netminder
""")

# Title words that only make a role when combined ("Foreign Minister", "Prime Minister").
ROLE_MODIFIERS = _words("""
grand
prime foreign defence defense interior finance economy economic trade energy health education
justice home state labour labor culture transport agriculture environment security intelligence
supreme allied army navy air force military national federal deputy vice first chief acting
interim former outgoing incoming senior junior assistant associate executive managing general
attorney opposition party government cabinet white house junta regional district police fire financial
""")

# Lowercase role nouns in appositions: "Thomas Röwekamp, chair of the Bundestag defense committee".
APPOSITION_HEADS = _words("""
chair chairman chairwoman head leader president chief director spokesman spokeswoman spokesperson
minister secretary member founder ceo editor author professor analyst economist commander general
governor mayor ambassador envoy adviser advisor aide deputy coach manager captain owner partner
candidate senator lawmaker legislator official officer executive correspondent expert researcher
""")

# The last word of an organization's name: "National Security Council", "Left Party".
ORG_HEADS = _words("""
library libraries theatre theater gallery hotel observatory conservatory archives polytechnic
seminary league brotherhood militia consortium syndicate cooperative railways railway railroad
ministry ministries department council commission committee agency authority bureau office board
party union federation association alliance coalition front movement organization
organisation institute institution foundation fund trust bank bancorp exchange corporation corp
corp. company co co. inc inc. ltd ltd. plc llc ag gmbh sa nv bv group holdings holding partners
industries enterprises enterprise airlines airways motors systems technologies technology software pharmaceuticals
pharma energy petroleum oil telecom communications media network press news times post journal standard mirror mail
herald gazette tribune daily radio television tv broadcasting university college school academy
court tribunal parliament assembly congress senate cabinet government administration army navy
police guard forces force brigade brigades regiment corps command service services directorate
church mission club fc united rovers wanderers athletic hotspur albion city-fc team institute
laboratory laboratories labs hospital clinic museum orchestra society centre center chamber
reserve inspectorate secretariat presidency junta commissariat bundeswehr newsroom desk power
electric controls copper cables bros bros. steel foods chemicals mining insurance securities
resources electronics cement textiles shipping logistics investments financial brewery breweries
zeitung telegraph chronicle observer courier courrier examiner inquirer dispatch magazine weekly
treasury bancshares bankshares bancorporation
""")

# Heads of organizations only with "of": "League of Women Voters" ("National League" is a competition).
ORG_OF_HEADS = ORG_HEADS | _words("league")

# Words that make the name before them an organization when they follow it: "X said in a statement".
ORG_ABBREVIATIONS = frozenset({"inc", "corp", "ltd", "plc", "llc", "llp", "co", "ag", "gmbh", "nv", "bv", "sa", "spa",
                               "ab", "asa", "oyj", "bhd", "pty", "kk", "sarl", "srl", "kgaa"})

# The last word of a place name: "Black Sea", "Jordan Valley", "Red Square".
PLACE_HEADS = _words("""
river sea ocean lake mountains mountain mount hills valley island islands isles peninsula bay gulf
strait straits channel coast desert plain plains plateau basin delta canal province region county republic
district oblast state-of street avenue square boulevard road bridge airport harbour harbor port
heights forest park border course racecourse stadium arena tower palace castle cathedral mosque temple
abbey beach falls glacier volcano reef canyon prison cemetery
""")

# The first word of a place name: "Mount Everest", "Lake Geneva", "Gulf of Mexico".
PLACE_STARTS = _words("mount mt mt. lake gulf bay cape isle port fort sierra san santa st st. saint republic")
# The same in the other languages digest reads, for their articles only ("Val Kilmer" is a person):
# "Val Venosta", "Monte Bianco", "Lago di Garda", "Île de Ré", "Puerto Rico".
FOREIGN_PLACE_STARTS = _words("""
monte val valle lago isola isole capo golfo porto piazza mont lac île ile golfe rue río rio cerro puerto
plaza calle bad sankt
""")

# Words that start an organization's name where the head comes first: Romance languages and names
# transliterated from Arabic, Persian and Urdu ("Partito Democratico", "Banque Indosuez", "Hizbul
# Islam" (party of Islam), "Jaish-e-Mohammed", "Lashkar-e-Taiba").
ORG_STARTS = _words("""
partito partido parti partei banca banco banque banc compagnie compagnia compañía société societa società
movimento movimiento mouvement bewegung fronte frente unione unión lega liga alleanza alianza federazione
federación fédération confederazione confederación associazione asociación verband istituto instituto
università universidad université universität ministero ministerio ministère ministerium consiglio consejo
conseil tribunale comitato comité sindacato sindicato syndicat agenzia agencia agence
hizb hizbul hezb harakat jamaat jamaah jemaah jaish lashkar tehrik ansar
generalitat junta xunta gobierno governo gouvernement fondo fundación fondazione fondation tribunal congreso
senado senato sénat parlamento asamblea assemblea assemblée comisión commissione ayuntamiento policía polizia
ejército esercito armée guardia procura fiscalía cámara chambre
""")

# Words that start a name that is neither a person, an organization nor a place.
EVENT_STARTS = _words("operation exercise")
EVENT_HEADS = _words("""
war wars cup championship championships olympics games open tournament trophy prize award awards
festival day week summit conference convention treaty accord agreement act bill doctrine plan
revolution crisis uprising offensive operation campaign series league-cup grand-prix marathon league
classic masters invitational
""")

# Nationality and group adjectives: MISC, never an entity on their own.
DEMONYMS = _words("""
basque catalan galician flemish walloon tibetan uighur uyghur chechen pashtun baloch berber bedouin maori inuit tatar
hebrew urdu hindi swahili mandarin cantonese farsi pashto dari tagalog yiddish esperanto bengali punjabi
afghan albanian algerian american andorran angolan argentine argentinian armenian australian austrian
azerbaijani azeri bahraini bangladeshi belarusian belgian beninese bolivian bosnian brazilian british
bulgarian burmese burundian cambodian cameroonian canadian chadian chilean chinese colombian congolese
croatian cuban cypriot czech danish dutch ecuadorian egyptian emirati english eritrean estonian
ethiopian european filipino finnish french gabonese gambian georgian german ghanaian greek guatemalan
guinean haitian honduran hungarian icelandic indian indonesian iranian iraqi irish israeli italian
ivorian jamaican japanese jordanian kazakh kenyan korean kosovar kuwaiti kyrgyz lao laotian latvian
lebanese liberian libyan lithuanian luxembourgish macedonian malagasy malawian malaysian malian maltese
mauritanian mexican moldovan mongolian montenegrin moroccan mozambican namibian nepalese nigerian
nigerien norwegian omani pakistani palestinian panamanian paraguayan peruvian polish portuguese qatari
romanian russian rwandan saudi scottish senegalese serbian singaporean slovak slovakian slovenian
somali south-african spanish sri-lankan sudanese swedish swiss syrian taiwanese tajik tanzanian thai
togolese tunisian turkish turkmen ugandan ukrainian uruguayan uzbek venezuelan vietnamese welsh yemeni
zambian zimbabwean arab arabic african asian latin western eastern northern southern soviet nazi
kurdish kurd kurds sunni shia shiite shi'ite muslim muslims moslem moslems christian christians jewish jew jews
catholic catholics protestant protestants orthodox islamic islamist islamists hindu hindus buddhist buddhists sikh sikhs communist socialist marxist
zionist yankee olympic olympics paralympic baltic nordic scandinavian balkan caucasian pacific atlantic mediterranean
americans russians germans ukrainians europeans israelis palestinians iranians chinese britons
poles french frenchman germanic anglo saxon celtic latino hispanic indigenous aboriginal scot scots
samoan tongan monegasque bhutanese sinhalese tamil bruneian timorese papuan fijian bahamian barbadian trinidadian
guyanese surinamese salvadoran nicaraguan botswanan
""")

# Calendar and other capitalized words that are never entities.
NOT_NAMES = _words("""
monday tuesday wednesday thursday friday saturday sunday january february march april may june
july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec
mon tue tues wed thu thurs fri sat sun today tomorrow yesterday christmas easter ramadan eid
hanukkah passover god allah internet web online
am pm a.m. p.m. gmt utc est edt cet cest bst aedt aest acdt acst awst nzdt nzst pst pdt mst mdt cst cdt
hkt jst kst sgt eest eet msk gdp gnp cpi vat ceo cfo coo cto tv dvd cd pc ok hiv
pib pil bip tva
aids covid covid-19 sars usd eur gbp jpy chf cny rub ad bc ps nb re fw fwd faq q&a tbd vip
pct percent no. nos. vs vs. etc mph kph kmh km kg lb lbs oz ft mm cm ml ppm pdf ai euro euros
""")

# Capitalized words that start sentences in news but are not names, beyond the general word list.
SENTENCE_WORDS = _words("""
according although meanwhile however moreover furthermore nevertheless nonetheless instead
likewise similarly simultaneously consequently accordingly besides overall still yet also
already only even just indeed perhaps maybe once while whereas since until unless
""")

# Speech verbs that attribute a quotation to the person named near it.
SPEECH_VERBS = _words("""
said says say told tells declared declares stated states added adds warned warns argued argues
insisted insists emphasized emphasised emphasizes stressed stresses wrote writes explained explains
announced announces noted notes claimed claims asserted asserts demanded demanding demands urged urges
called calls replied replies responded responds remarked remarks admitted admits acknowledged
conceded concluded concludes cautioned cautions vowed vows pledged pledges promised promises
predicted insisting saying telling adding warning arguing stressing explaining noting claiming
asked asks tweeted posted commented comments
""")

# Verbs after a name that show it is an organization ("Reuters reported", "the Kremlin said"
# is left alone: people say things too).
ORG_VERBS = _words("reported reports announced announces stated")
# A kind of body right before a name: "the Brazilian newspaper Correio Braziliense", "carmaker Tata".
ORG_DESCRIPTORS = _words("""newspaper daily weekly tabloid magazine broadcaster website airline automaker carmaker
retailer insurer lender conglomerate publisher broadsheet
diario periódico quotidiano giornale quotidien journal zeitung revista rivista semanario settimanale hebdomadaire
emisora""")

# Lowercase words that may sit inside a name: "Bank of England", "Ludwig van Beethoven".
CONNECTORS = _words("of de del della di da do dos das van von der den ter la le du des al el bin ibn wa y &")
# Lowercase particles inside hyphenated names: "Inzamam-ul-Haq", "al-Aqsa".
NAME_PARTICLES = _words("al el ul ur ud ad ash az bin ibn bint abu de di da du la le van von")
# Connectors that usually join two names into one organization or place only with a head word.
OF_CONNECTORS = _words("of")

# Pronouns that refer back to the last person named.
PERSON_PRONOUNS = _words("he she")

# Leading words dropped from a role: "outgoing Army Inspector" -> "Army Inspector".
ROLE_DROP = _words("the a an outgoing incoming then newly appointed current acting")

# Roman numerals in capitals, never a name ("World War II", "Benedict XVI", "Louis XIV"); "Xi" and
# "Vi" in ordinary case are Chinese and Vietnamese names. Up to 39, so "DC", "CD" and "MD" stay.
ROMAN_NUMERAL = re.compile(r"(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3})")


# Religions, creeds and scriptures: alone, never a person, place or organization ("banished
# from Islam", "the Christian Bible"), though "Yusuf Islam" is a name.
RELIGIONS = _words("""
bible koran quran torah talmud gospel gospels
islam christianity judaism buddhism hinduism sikhism jainism catholicism protestantism orthodoxy
shinto taoism confucianism zoroastrianism scientology mormonism sufism shia shi'a shi’a shiite sunni wahhabism salafism amish
""")


@functools.lru_cache(maxsize=1 << 16)
def is_title(word: str) -> bool:
    """A title word, also two joined by a hyphen ("Lieutenant-Colonel", "Major-General")."""
    folded = word.casefold().rstrip(".")
    if folded in TITLES:
        return True
    parts = folded.split("-")
    return len(parts) > 1 and parts[-1] in TITLES and all(
        part in TITLES or part in ROLE_MODIFIERS or part in _RANK_PARTS for part in parts[:-1])


_RANK_PARTS = _words("major lance rear staff brigadier")


# Particles inside a person's name that no place or body name has: "Danie van Schalkwyk",
# "Kengo wa Dondo", "Osama bin Laden".
PERSON_PARTICLES = _words("van von der den ter ten bin ibn bint wa al")

# What follows a day in a newspaper's name: "Sunday Times", "Sunday Mirror", "Sunday Post".
PRESS_HEADS = _words("times post telegraph mirror mail express herald tribune observer independent star people")


def is_not_name(word: str) -> bool:
    """A calendar or other capitalized word that is never an entity, or a roman numeral."""
    # (A roman numeral starts with I, V or X, as ROMAN_NUMERAL's look-ahead says: most words need no match.)
    return word.casefold() in NOT_NAMES or word[:1] in _ROMAN_FIRST and ROMAN_NUMERAL.fullmatch(word) is not None


_ROMAN_FIRST = frozenset("IVX")


# Acronyms that are never organizations by themselves.
NOT_ACRONYMS = NOT_NAMES | WIRE_ABBREVIATIONS | _words("""
ok ii iii iv mp mps pm ppp hq id iq ip it pr rd st nd th
""")

# German compounds end with the title: "Verteidigungsminister", "EU-Kommissionspräsidentin".
GERMAN_TITLE_ENDINGS = ("minister", "ministerin", "präsident", "präsidentin", "präsidenten", "kanzler", "kanzlerin",
                        "chef", "chefin", "sprecher", "sprecherin", "vorsitzende", "vorsitzender", "botschafter",
                        "botschafterin", "bürgermeister", "bürgermeisterin")


@functools.lru_cache(maxsize=1 << 16)
def is_foreign_title(word: str) -> bool:
    """A title in another language, also a German compound ending in one ("Verteidigungsminister")."""
    folded = word.casefold().rstrip(".")
    if folded in FOREIGN_PERSON_TITLES:
        return True
    last = folded.rsplit("-", 1)[-1]
    return len(last) > 6 and last.endswith(GERMAN_TITLE_ENDINGS)


# A ministry's short name in the other languages digest reads, capitalized after the minister's
# title: "il ministro degli Esteri Margaret Beckett", "el ministro de Exteriores Miguel Moratinos".
FOREIGN_PORTFOLIOS = _words("""
république repubblica república republik armées affaires affari asuntos esteri interni interno difesa giustizia economia finanze tesoro sanità salute istruzione lavoro ambiente
trasporti infrastrutture cultura exteriores interior defensa hacienda economía justicia sanidad educación
trabajo intérieur défense justice économie finances santé éducation travail auswärtiges innern inneres
verteidigung justiz finanzen wirtschaft gesundheit bildung arbeit umwelt negócios estrangeiros
""")

# Titles and roles in the other languages digest reads most: alone, never a name ("Presidente",
# "Ministre", "Kanzlerin"). Only used to reject names made of nothing else.
FOREIGN_TITLES = _words("""
presidente président präsident präsidentin presidenta ministro ministra ministre ministerin
ministerpräsident ministerpräsidentin premier première premierminister kanzler kanzlerin bundeskanzler
bundeskanzlerin bundespräsident cancelliere chancelier canciller senatore senatrice sénateur sénatrice
senador senadora senatorin deputato deputata député députée diputado diputada abgeordneter abgeordnete
sindaco sindaca maire alcalde alcaldesa bürgermeister bürgermeisterin governatore gouverneur gobernador
re regina roi reine könig königin rey reina principe principessa prince princesse prinz prinzessin
príncipe princesa papa pape papst pontefice vescovo évêque bischof obispo cardinale cardinal kardinal
signor signore signora signorina monsieur madame mademoiselle herr frau señor señora don doña dott
dottor dottore dottoressa avv avvocato on onorevole ing generale général generál colonnello colonel
capitano capitaine kapitän capitán ammiraglio amiral admiral segretario segretaria secrétaire sekretär
secretario secretaria portavoce porte-parole sprecher sprecherin portavoz giudice juge richter juez
procuratore procureur staatsanwalt fiscal ambasciatore ambassadeur botschafter embajador commissario
commissaire kommissar comisario direttore directeur direktor director presidenza consiglio ministero
ministère ministerium ministerio governo gouvernement regierung gobierno
""")
# The other languages' titles that, right before a name, say it is a person ("le président
# Emmanuel Macron", "Bundeskanzler Friedrich Merz"): FOREIGN_TITLES without the short or
# ambiguous ones ("on", "re", "don", "papa") and the bodies ("governo", "ministero").
FOREIGN_PERSON_TITLES = FOREIGN_TITLES - _words("""
on re don papa premier première prince ing avv dott generale général colonel cardinal director presidenza
consiglio ministero ministère ministerium ministerio governo gouvernement regierung gobierno
""")


# Party and movement words: a member of a party is not a person named "Republican".
PARTY_WORDS = _words("""
republican republicans democrat democrats democratic tory tories conservative conservatives liberal
liberals labour labourite socialist socialists communist communists green greens nationalist
nationalists unionist unionists loyalist loyalists separatist separatists rebel rebels independent
""")


# Letters around a football club's name, no part of it for telling two spellings apart: "FC Bayern
# München" is Bayern München, "Liverpool FC" Liverpool (not "SC": SC Johnson is a company).
CLUB_AFFIXES = _words("fc afc cf ac ssc sv vfb vfl tsg bsc")

# The Associated Press's abbreviations of US states, as its datelines and copy write them after a
# town: "SPRINGFIELD, Ill. (AP)", "a man from Dover, Del.," (states of five letters or fewer and
# Alaska and Hawaii are written in full).
AP_STATES = {
    "Ala": "Alabama", "Ariz": "Arizona", "Ark": "Arkansas", "Calif": "California", "Colo": "Colorado",
    "Conn": "Connecticut", "Del": "Delaware", "Fla": "Florida", "Ga": "Georgia", "Ill": "Illinois",
    "Ind": "Indiana", "Kan": "Kansas", "Ky": "Kentucky", "La": "Louisiana", "Md": "Maryland",
    "Mass": "Massachusetts", "Mich": "Michigan", "Minn": "Minnesota", "Miss": "Mississippi", "Mo": "Missouri",
    "Mont": "Montana", "Neb": "Nebraska", "Nev": "Nevada", "N.H.": "New Hampshire", "N.J.": "New Jersey",
    "N.M.": "New Mexico", "N.Y.": "New York", "N.C.": "North Carolina", "N.D.": "North Dakota",
    "Okla": "Oklahoma", "Ore": "Oregon", "Pa": "Pennsylvania", "R.I.": "Rhode Island", "S.C.": "South Carolina",
    "S.D.": "South Dakota", "Tenn": "Tennessee", "Vt": "Vermont", "Va": "Virginia", "Wash": "Washington",
    "W.Va.": "West Virginia", "Wis": "Wisconsin", "Wyo": "Wyoming",
}
