"""Function words per language, folded as search folds words: what site search does not index
and what tags never consist of.

Short lists in the spirit of the Snowball project's: articles, pronouns, prepositions,
conjunctions and auxiliary verbs, never content words ("bill", "general", "fire" and
"world" stay searchable, unlike in longer lists made for other purposes). A word is a
stop word only in articles of its language: German "war" (was) is not indexed in German
articles, English "war" is. Languages without a list have every word indexed.
"""

from __future__ import annotations

_LISTS = {
    "en": """
        a about above after again against all am an and any are as at be because been before being
        below between both but by can could did do does doing down during each few for from further
        had has have having he her here hers herself him himself his how i if in into is it its itself
        just me more most my myself no nor not now of off on once only or other our ours ourselves out
        over own same she should so some such than that the their theirs them themselves then there
        these they this those through to too under until up very was we were what when where which
        while who whom why will with would you your yours yourself yourselves s t d ll m re ve
        also may might must shall us upon
    """,
    "de": """
        aber alle allem allen aller alles als also am an ander andere anderem anderen anderer anderes
        auch auf aus bei bin bis bist da damit dann das dass daß dein deine deinem deinen deiner dem
        den denn der des dessen dich die dies diese diesem diesen dieser dieses dir doch dort du durch
        ein eine einem einen einer eines einig einige einigem einigen einiger einiges er es etwas euch
        euer eure eurem euren eurer für gegen gewesen hab habe haben hat hatte hatten hier hin hinter
        ich ihm ihn ihnen ihr ihre ihrem ihren ihrer ihres im in indem ins ist jede jedem jeden jeder
        jedes jene jenem jenen jener jenes jetzt kann kein keine keinem keinen keiner keines können
        könnte machen man manche manchem manchen mancher manches mein meine meinem meinen meiner mich
        mir mit muss musste nach nicht nichts noch nun nur ob oder ohne sehr sein seine seinem seinen
        seiner sich sie sind so solche solchem solchen solcher soll sollte sondern sonst über um und
        uns unser unsere unter viel vom von vor während war waren warst was weg weil weiter welche
        welchem welchen welcher welches wenn werde werden wie wieder will wir wird wirst wo wollen
        wollte würde würden zu zum zur zwar zwischen
    """,
    "fr": """
        au aux avec ce ces dans de des du elle en et eux il ils je la le les leur leurs lui ma mais me
        même mes moi mon ne nos notre nous on ou par pas pour qu que qui sa se ses son sur ta te tes
        toi ton tu un une vos votre vous c d j l à m n s t y été étée étées étés étant suis es est
        sommes êtes sont serai seras sera serons serez seront serais serait serions seriez seraient
        étais était étions étiez étaient fus fut fûmes fûtes furent sois soit soyons soyez soient
        fusse fusses fût fussions fussiez fussent ayant eu eue eues eus ai as avons avez ont aurai
        auras aura aurons aurez auront aurais aurait aurions auriez auraient avais avait avions aviez
        avaient eut eûmes eûtes eurent aie aies ait ayons ayez aient cette cet ces aussi comme dont
        où si sans sous entre vers chez
    """,
    "es": """
        de la que el en y a los del se las por un para con no una su al lo como más pero sus le ya o
        este sí porque esta entre cuando muy sin sobre también me hasta hay donde quien desde todo nos
        durante todos uno les ni contra otros ese eso ante ellos e esto mí antes algunos qué unos yo
        otro otras otra él tanto esa estos mucho quienes nada muchos cual poco ella estar estas
        algunas algo nosotros mi mis tú te ti tu tus ellas nosotras vosotros vosotras os mío mía míos
        mías tuyo tuya suyo suya nuestro nuestra vuestro vuestra esos esas estoy estás está estamos
        estáis están esté estaba estaban estuvo he has ha hemos habéis han haya había habían hubo soy
        eres es somos sois son sea era eran fue fueron sido siendo
    """,
    "it": """
        dopo almeno circa oltre durante sarebbe sarebbero ancora già molto poi quindi fra però mentre invece detto
        ad al allo ai agli all agl alla alle con col coi da dal dallo dai dagli dall dagl dalla dalle
        di del dello dei degli dell degl della delle in nel nello nei negli nell negl nella nelle su
        sul sullo sui sugli sull sugl sulla sulle per tra contro io tu lui lei noi voi loro mio mia
        miei mie tuo tua tuoi tue suo sua suoi sue nostro nostra nostri nostre vostro vostra vostri
        vostre mi ti ci vi lo la li le gli ne il un uno una ma ed se perché anche come dov dove che
        chi cui non più quale quanto quanti quanta quante quello quelli quella quelle questo questi
        questa queste si tutto tutti a c e i l o ho hai ha abbiamo avete hanno abbia avevo aveva
        avevano sono sei è siamo siete era erano fu furono sia stato stata essere
    """,
    "pt": """
        a o as os ao aos à às da das do dos de e é em na nas no nos num numa um uma uns umas para
        por pela pelas pelo pelos com como que se sem sob sobre mas ou mais muito também já não
        nem ele ela eles elas eu tu você vocês nós vós me te lhe lhes nos vos seu sua seus suas
        meu minha meus minhas nosso nossa nossos nossas este esta estes estas esse essa esses essas
        isto isso aquele aquela aqueles aquelas aquilo quem qual quais onde quando foi foram era eram
        ser sido sendo são sou está estão estava estavam estar há havia tem têm tinha tinham ter
        teve até entre depois antes
    """,
    "nl": """
        de en van ik te dat die in een hij het niet zijn is was op aan met als voor had er maar om
        hem dan zou of wat mijn men dit zo door over ze zich bij ook tot je mij uit der daar haar
        naar heb hoe heeft hebben deze u want nog zal me zij nu ge geen omdat iets worden toch al
        waren veel meer doen toen moet ben zonder kan hun dus alles onder ja eens hier wie werd
        altijd doch wordt wezen kunnen ons zelf tegen na reeds wil kon niets uw iemand geweest
        andere
    """,
    "sv": """
        och det att i en jag hon som han på den med var sig för så till är men ett om hade de av
        icke mig du henne då sin nu har inte hans honom skulle hennes där min man ej vid kunde något
        från ut när efter upp vi dem vara vad över än dig kan sina här ha mot alla under någon eller
        allt mycket sedan ju denna själv detta åt utan varit hur ingen mitt ni bli blev oss din dessa
        några deras blir mina samma vilken er sådan vår blivit dess inom mellan sådant varför varje
        vilka ditt vem vilket sitta sådana vart dina vars vårt våra ert era vilkas
    """,
    "da": """
        og i jeg det at en den til er som på de med han af for ikke der var mig sig men et har om vi
        min havde ham hun nu over da fra du ud sin dem os op man hans hvor eller hvad skal selv her
        alle vil blev kunne ind når være dog noget ville jo deres efter ned skulle denne end dette
        mit også under have dig anden hende mine alt meget sit sine vor mod disse hvis din nogle hos
        blive mange ad bliver hendes været thi jer sådan
    """,
    "no": """
        og i jeg det at en et den til er som på de med han av ikke der så var meg seg men ett har om
        vi min mitt ha hadde hun nå over da ved fra du ut sin dem oss opp man kan hans hvor eller hva
        skal selv sjøl her alle vil bli ble blitt kunne inn når være kom noen noe ville dere deres
        kun ja etter ned skulle denne for deg si sine sitt mot å meget hvorfor dette disse uten
        hvordan ingen din ditt blir samme hvilken hvilke sånn inni mellom vår hver hvem vors hvis
        både bare enn fordi før mange også slik vært
    """,
    "pl": """
        a aby ale bez bo by być był była było były będzie ci co czy dla do gdy gdzie go i ich im
        in jak jako je jego jej jest jeszcze jeśli już ją kiedy kto który która które którego
        której których ku lub ma mi między mnie mu na nad nie nich niej nim o od oraz po pod przed
        przez przy się są ta tak tam te tego tej ten też to tu ty tym u w we więc właśnie z za ze
        że żeby
    """,
    "ru": """
        и в во не что он на я с со как а то все она так его но да ты к у же вы за бы по только ее
        мне было вот от меня еще нет о из ему теперь когда даже ну вдруг ли если уже или ни быть был
        него до вас нибудь опять уж вам ведь там потом себя ничего ей может они тут где есть надо ней
        для мы тебя их чем была сам чтоб без будто чего раз тоже себе под будет ж тогда кто этот того
        потому этого какой совсем ним здесь этом один почти мой тем чтобы нее сейчас были куда зачем
        всех никогда можно при наконец два об другой хоть после над больше тот через эти нас про
        всего них какая много разве три эту моя впрочем хорошо свою этой перед иногда лучше чуть том
        нельзя такой им более всегда конечно всю между
    """,
}


def stop_lists() -> dict[str, list[str]]:
    """Language code -> the words as written above (not yet folded)."""
    return {code: text.split() for code, text in _LISTS.items()}
