"""The taxonomy's domain-general kinds in every language of the registry: bare sanctions
against a state, a blockade or border closure, leaving or suspending an agreement, a
military intervention, cutting aid; the passive's agent and subject; a demand to lift
sanctions. Sentences of the kind news reports contain, read with each language's pack."""

from __future__ import annotations

import pytest

from briefing.extract.sanctions import extract_measures
from briefing.langpacks import registry
from tests.extract.analysis_support import context_with_actors

ALL_CODES = sorted(registry())

# (lang, sentence, the EU as written, Iran as written): "The EU imposed sanctions against Iran".
BARE = [
    ("bg", "Европейският съюз наложи санкции срещу Иран.", "Европейският съюз", "Иран"),
    ("cs", "Evropská unie uvalila sankce proti Íránu.", "Evropská unie", "Íránu"),
    ("da", "Den Europæiske Union indførte sanktioner mod Iran.", "Den Europæiske Union", "Iran"),
    ("de", "Die Europäische Union verhängte Sanktionen gegen Iran.", "Europäische Union", "Iran"),
    ("el", "Η Ευρωπαϊκή Ένωση επέβαλε κυρώσεις κατά του Ιράν.", "Ευρωπαϊκή Ένωση", "Ιράν"),
    ("en", "The European Union imposed sanctions against Iran.", "European Union", "Iran"),
    ("es", "La Unión Europea impuso sanciones contra Irán.", "Unión Europea", "Irán"),
    ("et", "Euroopa Liit kehtestas sanktsioonid Iraani vastu.", "Euroopa Liit", "Iraani"),
    ("fi", "Euroopan unioni asetti pakotteita Irania vastaan.", "Euroopan unioni", "Irania"),
    ("fr", "L'Union européenne a imposé des sanctions contre l'Iran.", "Union européenne", "Iran"),
    ("ga", "Chuir an tAontas Eorpach smachtbhannaí ar an Iaráin.", "tAontas Eorpach", "Iaráin"),
    ("hr", "Europska unija uvela je sankcije protiv Irana.", "Europska unija", "Irana"),
    ("hu", "Az Európai Unió szankciókat vezetett be Irán ellen.", "Európai Unió", "Irán"),
    ("it", "L'Unione europea ha imposto sanzioni contro l'Iran.", "Unione europea", "Iran"),
    ("lt", "Europos Sąjunga įvedė sankcijas prieš Iraną.", "Europos Sąjunga", "Iraną"),
    ("lv", "Eiropas Savienība noteica sankcijas pret Irānu.", "Eiropas Savienība", "Irānu"),
    ("mt", "L-Unjoni Ewropea imponiet sanzjonijiet kontra l-Iran.", "Unjoni Ewropea", "Iran"),
    ("nl", "De Europese Unie stelde sancties in tegen Iran.", "Europese Unie", "Iran"),
    ("pl", "Unia Europejska nałożyła sankcje wobec Iranu.", "Unia Europejska", "Iranu"),
    ("pt", "A União Europeia impôs sanções contra o Irã.", "União Europeia", "Irã"),
    (
        "ro",
        "Uniunea Europeană a impus sancțiuni împotriva Iranului.",
        "Uniunea Europeană",
        "Iranului",
    ),
    ("sk", "Európska únia uvalila sankcie proti Iránu.", "Európska únia", "Iránu"),
    ("sl", "Evropska unija je uvedla sankcije proti Iranu.", "Evropska unija", "Iranu"),
    ("sv", "Europeiska unionen införde sanktioner mot Iran.", "Europeiska unionen", "Iran"),
    ("ru", "Европейский союз ввёл санкции против Ирана.", "Европейский союз", "Ирана"),
    ("uk", "Європейський союз запровадив санкції проти Ірану.", "Європейський союз", "Ірану"),
    ("sr", "Evropska unija je uvela sankcije protiv Irana.", "Evropska unija", "Irana"),
    ("sr", "Европска унија је увела санкције против Ирана.", "Европска унија", "Ирана"),
    ("tr", "Avrupa Birliği İran'a karşı yaptırımlar uyguladı.", "Avrupa Birliği", "İran"),
    ("fa", "اتحادیه اروپا تحریم‌هایی علیه ایران اعمال کرد.", "اتحادیه اروپا", "ایران"),
    ("ar", "فرض الاتحاد الأوروبي عقوبات على إيران.", "الاتحاد الأوروبي", "إيران"),
    ("he", "האיחוד האירופי הטיל סנקציות על איראן.", "האיחוד האירופי", "איראן"),
]

# Nigeria closes its borders with Niger.
BLOCKADE = [
    ("bg", "Нигерия затвори границите с Нигер."),
    ("cs", "Nigérie uzavřela hranice s Nigerem."),
    ("da", "Nigeria lukkede grænsen til Niger."),
    ("de", "Nigeria hat die Grenze zu Niger geschlossen."),
    ("el", "Η Νιγηρία ανακοίνωσε το κλείσιμο των συνόρων με τον Νίγηρα."),
    ("en", "Nigeria closed its borders with Niger."),
    ("es", "Nigeria cerró sus fronteras con Níger."),
    ("et", "Nigeeria teatas piiride sulgemisest Nigeriga."),
    ("fi", "Nigeria sulki rajansa Nigeriin."),
    ("fr", "Le Nigeria a fermé ses frontières avec le Niger."),
    ("ga", "Tá teorainn na Nigéire dúnta."),
    ("hr", "Nigerija je zatvorila granice s Nigerom."),
    ("hu", "Nigéria lezárta a határt Niger felé."),
    ("it", "La Nigeria ha chiuso le frontiere con il Niger."),
    ("lt", "Nigerija uždarė sieną su Nigeriu."),
    ("lv", "Nigērija slēdza robežu ar Nigēru."),
    ("mt", "In-Niġerja għalqet il-fruntiera man-Niġer."),
    ("nl", "Nigeria heeft de grens met Niger gesloten."),
    ("pl", "Nigeria zamknęła granicę z Nigrem."),
    ("pt", "A Nigéria fechou as fronteiras com o Níger."),
    ("ro", "Nigeria a închis frontiera cu Nigerul."),
    ("sk", "Nigéria uzavrela hranice s Nigerom."),
    ("sl", "Nigerija je zaprla mejo z Nigrom."),
    ("sv", "Nigeria stängde gränsen mot Niger."),
    ("ru", "Нигерия закрыла границу с Нигером."),
    ("uk", "Нігерія закрила кордон з Нігером."),
    ("sr", "Nigerija je zatvorila granice sa Nigerom."),
    ("tr", "Nijerya, Nijer ile kara sınırlarını kapattı."),
    ("fa", "نیجریه دستور بستن مرزها با نیجر را داد."),
    ("ar", "أعلنت نيجيريا إغلاق الحدود مع النيجر."),
    ("he", "ניגריה הודיעה על סגירת הגבול עם ניז'ר."),
]

# Russia suspends its participation in the grain deal.
SUSPENDED_DEAL = [
    ("bg", "Русия спря участието си в зърнената сделка."),
    ("cs", "Rusko pozastavilo svou účast na obilné dohodě."),
    ("da", "Rusland suspenderede sin deltagelse i kornaftalen."),
    ("de", "Russland hat die Aussetzung seiner Teilnahme am Getreideabkommen erklärt."),
    ("el", "Η Ρωσία ανέστειλε τη συμμετοχή της στη συμφωνία για τα σιτηρά."),
    ("en", "Russia suspended its participation in the grain deal."),
    ("es", "Rusia suspendió su participación en el acuerdo de cereales."),
    ("et", "Venemaa peatas osalemise viljaleppes."),
    ("fi", "Venäjä keskeytti osallistumisensa viljasopimukseen."),
    ("fr", "La Russie a suspendu sa participation à l'accord sur les céréales."),
    ("ga", "Chuir an Rúis ar fionraí an comhaontú gráin."),
    ("hr", "Rusija je obustavila sudjelovanje u sporazumu o žitu."),
    ("hu", "Oroszország felfüggesztette részvételét a gabonamegállapodásban."),
    ("it", "La Russia ha sospeso la partecipazione all'accordo sul grano."),
    ("lt", "Rusija sustabdė dalyvavimą grūdų susitarime."),
    ("lv", "Krievija apturēja dalību graudu vienošanās."),
    ("mt", "Ir-Russja issospendiet il-parteċipazzjoni tagħha fil-ftehim."),
    ("nl", "Rusland schort zijn medewerking aan de graandeal op."),
    ("pl", "Rosja zawiesiła udział w umowie zbożowej."),
    ("pt", "A Rússia suspendeu a participação no acordo de cereais."),
    ("ro", "Rusia a suspendat participarea la acordul privind cerealele."),
    ("sk", "Rusko pozastavilo svoju účasť na obilnej dohode."),
    ("sl", "Rusija je prekinila sodelovanje v žitnem sporazumu."),
    ("sv", "Ryssland avbröt sitt deltagande i spannmålsavtalet."),
    ("ru", "Россия приостановила участие в зерновой сделке."),
    ("uk", "Росія призупинила участь у зерновій угоді."),
    ("sr", "Rusija je obustavila učešće u sporazumu o žitu."),
    ("tr", "Rusya, tahıl anlaşmasını askıya aldı."),
    ("fa", "روسیه خروج از توافق غلات را اعلام کرد."),
    ("ar", "أعلنت روسيا الانسحاب من اتفاق الحبوب."),
    ("he", "רוסיה הודיעה על השעיית השתתפותה בהסכם התבואה."),
]

# ECOWAS threatens a military intervention in Niger.
INTERVENTION = [
    ("bg", "ИКОЗАД заплаши с военна интервенция в Нигер."),
    ("cs", "ECOWAS pohrozilo vojenskou intervencí v Nigeru."),
    ("da", "ECOWAS truede med militær intervention i Niger."),
    ("de", "Die ECOWAS drohte mit einer Militärintervention in Niger."),
    ("el", "Η ECOWAS απείλησε με στρατιωτική επέμβαση στον Νίγηρα."),
    ("en", "ECOWAS threatened a military intervention in Niger."),
    ("es", "La CEDEAO amenazó con una intervención militar en Níger."),
    ("et", "ECOWAS ähvardas Nigeris sõjalise sekkumisega."),
    ("fi", "ECOWAS uhkasi sotilaallisella väliintulolla Nigerissä."),
    ("fr", "La CEDEAO a menacé d'une intervention militaire au Niger."),
    ("ga", "Bhagair ECOWAS idirghabháil mhíleata sa Nígir."),
    ("hr", "ECOWAS je zaprijetio vojnom intervencijom u Nigeru."),
    ("hu", "Az ECOWAS katonai beavatkozással fenyegetett Nigerben."),
    ("it", "L'ECOWAS ha minacciato un intervento militare in Niger."),
    ("lt", "ECOWAS pagrasino karine intervencija Nigeryje."),
    ("lv", "ECOWAS draudēja ar militāru intervenci Nigērā."),
    ("mt", "L-ECOWAS heddet intervent militari fin-Niġer."),
    ("nl", "ECOWAS dreigde met een militaire interventie in Niger."),
    ("pl", "ECOWAS zagroziła interwencją wojskową w Nigrze."),
    ("pt", "A CEDEAO ameaçou com uma intervenção militar no Níger."),
    ("ro", "CEDEAO a amenințat cu o intervenție militară în Niger."),
    ("sk", "ECOWAS pohrozilo vojenskou intervenciou v Nigeri."),
    ("sl", "ECOWAS je zagrozil z vojaško intervencijo v Nigru."),
    ("sv", "ECOWAS hotade med en militär intervention i Niger."),
    ("ru", "ЭКОВАС пригрозило военным вмешательством в Нигере."),
    ("uk", "ЕКОВАС пригрозило військовим втручанням у Нігері."),
    ("sr", "ECOWAS je zapretio vojnom intervencijom u Nigeru."),
    ("tr", "ECOWAS, Nijer'e askeri müdahale tehdidinde bulundu."),
    ("fa", "اکواس به مداخله نظامی در نیجر تهدید کرد."),
    ("ar", "هددت إيكواس بتدخل عسكري في النيجر."),
    ("he", "אקוואס איימה בהתערבות צבאית בניז'ר."),
]

# The EU suspends its financial aid to Niger.
AID = [
    ("bg", "ЕС спря финансовата помощ за Нигер."),
    ("cs", "EU pozastavila finanční pomoc Nigeru."),
    ("da", "EU stoppede bistanden til Niger."),
    ("de", "Die EU hat die Finanzhilfen für Niger gestrichen."),
    ("el", "Η ΕΕ ανακοίνωσε αναστολή της βοήθειας προς τον Νίγηρα."),
    ("en", "The EU suspended financial aid to Niger."),
    ("es", "La UE suspendió la ayuda financiera a Níger."),
    ("et", "EL peatas Nigerile antava abi."),
    ("fi", "EU keskeytti Nigerin avun."),
    ("fr", "L'UE a suspendu son aide financière au Niger."),
    ("ga", "Tá cúnamh an AE don Nígir ar fionraí."),
    ("hr", "EU je obustavio financijsku pomoć Nigeru."),
    ("hu", "Az EU felfüggesztette a Nigernek nyújtott segélyeket."),
    ("it", "L'UE ha sospeso gli aiuti finanziari al Niger."),
    ("lt", "ES sustabdė finansinę paramą Nigeriui."),
    ("lv", "ES apturēja finansiālo palīdzību Nigērai."),
    ("mt", "L-UE issospendiet l-għajnuna finanzjarja lin-Niġer."),
    ("nl", "De EU heeft de hulp aan Niger opgeschort."),
    ("pl", "UE wstrzymała pomoc finansową dla Nigru."),
    ("pt", "A UE suspendeu a ajuda financeira ao Níger."),
    ("ro", "UE a suspendat ajutorul financiar pentru Niger."),
    ("sk", "EÚ pozastavila finančnú pomoc Nigeru."),
    ("sl", "EU je ustavila finančno pomoč Nigru."),
    ("sv", "EU fryste biståndet till Niger."),
    ("ru", "ЕС приостановил финансовую помощь Нигеру."),
    ("uk", "ЄС призупинив фінансову допомогу Нігеру."),
    ("sr", "EU je obustavila finansijsku pomoć Nigeru."),
    ("tr", "AB, Nijer'e yapılan yardımları askıya aldı."),
    ("fa", "اتحادیه اروپا تعلیق کمک‌ها به نیجر را اعلام کرد."),
    ("ar", "أعلن الاتحاد الأوروبي تعليق المساعدات للنيجر."),
    ("he", "האיחוד האירופי הודיע על הקפאת הסיוע לניז'ר."),
]


def _measures(text, lang, actors=None):
    return extract_measures(context_with_actors(text, lang, actors or {}))


def test_every_language_is_tested():
    for table in (BARE, BLOCKADE, SUSPENDED_DEAL, INTERVENTION, AID):
        assert sorted({row[0] for row in table}) == ALL_CODES


@pytest.mark.parametrize(("lang", "text", "eu", "iran"), BARE)
def test_bare_sanctions_against_a_state(lang, text, eu, iran):
    actors = {"european-union": ("European Union", "organization", [eu])}
    if iran:
        actors["iran"] = ("Iran", "state", [iran])
    # Unspecified sanctions: the bare word, or its verb's cue ("imposed sanctions").
    found = [m for m in _measures(text, lang, actors) if m.key in ("sanctions", "new_sanctions")]
    assert found, "no unspecified sanctions"
    assert found[0].proposed_by == ["european-union"]
    if iran:  # a preposition before the target (postpositions: et, fi, hu, tr)
        assert found[0].target == "iran"


@pytest.mark.parametrize(("lang", "text"), BLOCKADE)
def test_a_border_closure_is_a_blockade(lang, text):
    found = {m.key: m for m in _measures(text, lang)}
    assert "blockade" in found, sorted(found)
    assert found["blockade"].category == "trade"


@pytest.mark.parametrize(("lang", "text"), SUSPENDED_DEAL)
def test_suspending_a_deal(lang, text):
    found = {m.key: m for m in _measures(text, lang)}
    assert "agreement_suspension" in found, sorted(found)
    assert found["agreement_suspension"].status == "suspended"


@pytest.mark.parametrize(("lang", "text"), INTERVENTION)
def test_a_military_intervention(lang, text):
    found = {m.key: m for m in _measures(text, lang)}
    assert "military_action" in found, sorted(found)
    assert found["military_action"].category == "force-posture"


@pytest.mark.parametrize(("lang", "text"), AID)
def test_cutting_aid(lang, text):
    found = {m.key: m for m in _measures(text, lang)}
    assert "aid_suspension" in found, sorted(found)


_RU_EU = {
    "russia": ("Russia", "state", ["Russia", "Russland", "Rosja", "la Russie"]),
    "european-union": ("European Union", "organization", ["European Union", "EU", "UE"]),
    "iran": ("Iran", "state", ["Iran"]),
}


@pytest.mark.parametrize(
    ("lang", "text", "target", "proposer"),
    [
        # The agent after "by": the proposer; the target after "on".
        ("en", "Sanctions were imposed on Iran by the European Union.", "iran", "european-union"),
        # The passive's subject is the target, whoever speaks of it.
        (
            "en",
            "Russia would be cut off from SWIFT in the sanctions the EU is preparing.",
            "russia",
            None,
        ),
        (
            "fr",
            "Il est possible que la Russie soit exclue de SWIFT dans les sanctions de l'UE.",
            "russia",
            None,
        ),
        ("pl", "Rosja zostanie objęta sankcjami przez UE.", "russia", "european-union"),
    ],
)
def test_passive_voice(lang, text, target, proposer):
    found = _measures(text, lang, _RU_EU)
    assert found, "no measure"
    assert all(m.target == target for m in found), [(m.key, m.target) for m in found]
    if proposer:
        assert all(m.proposed_by == [proposer] for m in found), [m.proposed_by for m in found]
    assert all(target not in m.proposed_by for m in found)


@pytest.mark.parametrize(
    ("lang", "text", "status"),
    [
        ("en", "Russia demands the lifting of sanctions.", "proposed"),
        ("de", "Russland fordert die Aufhebung der Sanktionen.", "proposed"),
        ("fr", "La Russie exige la levée des sanctions.", "proposed"),
        ("en", "The EU lifted the sanctions on Iran.", "lifted"),
        ("en", "Russia threatened to withdraw from the grain deal.", "threatened"),
    ],
)
def test_a_demand_to_lift_sanctions_is_no_lifting(lang, text, status):
    found = _measures(text, lang, _RU_EU)
    assert found, "no measure"
    assert {m.status for m in found} == {status}, [(m.key, m.status) for m in found]


@pytest.mark.parametrize(
    ("lang", "text", "kind"),
    [
        # A licence in a passage about sanctions: a waiver under them.
        ("es", "Washington impuso sanciones petroleras. La licencia vence este jueves.", "licence"),
        (
            "pt",
            "Os EUA mantêm sanções. Mas concedem licenças individuais a petroleiras.",
            "licence",
        ),
        ("sl", "ZDA so uvedle sankcije. Licence za naftna podjetja potečejo aprila.", "licence"),
        (
            "tr",
            "ABD yaptırımları yeniden uyguladı. Şirketlerin lisansları iptal edildi.",
            "licence",
        ),
        # Frozen bank accounts.
        ("hu", "Az érintettek bankszámláit befagyasztották.", "asset_freeze"),
        ("en", "The Treasury froze the officials' bank accounts.", "asset_freeze"),
        ("pl", "Władze zamroziły konta bankowe urzędników.", "asset_freeze"),
        # Further measures in a passage about punitive measures (Swiss spelling).
        (
            "de",
            "Brüssel reagiert mit Strafmassnahmen gegen Kosovo. Weitere Massnahmen könnten folgen.",
            "deterrence_measures",
        ),
        # A blockade of exports, the verb after its object.
        ("de", "Russland hatte monatelang ukrainische Getreideausfuhren blockiert.", "blockade"),
    ],
)
def test_licences_frozen_accounts_further_measures(lang, text, kind):
    assert kind in {m.key for m in _measures(text, lang)}


def test_a_licence_outside_a_passage_about_measures_is_none():
    assert _measures("The broadcaster's licence expires on Thursday.", "en") == []


@pytest.mark.parametrize(
    ("lang", "text", "kind"),
    [
        ("fr", "La Russie a suspendu sa participation à l'accord sur les céréales.", True),
        ("en", "Russia suspended its participation in the grain deal.", True),
        ("de", "Die Bundesregierung lehnt ein Waffenembargo ab.", False),
    ],
)
def test_a_rejecting_verb_is_the_measure_or_refuses_it(lang, text, kind):
    """A verb that is both a stance ("rejects": suspend, block) and the measure's own word
    takes the measure; a rejecting verb around a measure refuses it."""
    keys = {m.key for m in _measures(text, lang)}
    if kind:
        assert "agreement_suspension" in keys, sorted(keys)
    else:  # refused; the same words demanded are a measure (the cue itself is known)
        assert "arms_embargo" not in keys, sorted(keys)
        demanded = {m.key for m in _measures(text.replace("lehnt", "fordert")[:-4] + ".", lang)}
        assert "arms_embargo" in demanded, sorted(demanded)
