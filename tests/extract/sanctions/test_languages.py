"""The measures taxonomy in every language of the registry: sentences of the kind news
reports contain, a measure in force, one under discussion, and a denial ("no new
sanctions"), read with each language's pack (briefing/data/lang/<code>/measures.yaml)."""

from __future__ import annotations

import pytest

from briefing.extract.sanctions import extract_measures, kind_cues, taxonomy
from briefing.langpacks import registry
from briefing.models import MEASURE_CATEGORIES
from tests.extract.analysis_support import context_with_actors

# (lang, sentence, kind, status): an asset freeze in force ("has already frozen the assets").
IN_FORCE = [
    (
        "bg",
        "Европейският съюз вече наложи замразяване на активи на десет олигарси.",
        "asset_freeze",
    ),
    ("cs", "Evropská unie už zavedla zmrazení aktiv deseti oligarchů.", "asset_freeze"),
    ("da", "EU har allerede indført indefrysning af aktiver for ti oligarker.", "asset_freeze"),
    ("de", "Die EU hat bereits die Vermögen von zehn Oligarchen eingefroren.", "asset_freeze"),
    (
        "el",
        "Η ΕΕ έχει ήδη επιβάλει πάγωμα περιουσιακών στοιχείων σε δέκα ολιγάρχες.",
        "asset_freeze",
    ),
    ("en", "The European Union has already frozen the assets of ten oligarchs.", "asset_freeze"),
    (
        "es",
        "La Unión Europea ya impuso la congelación de activos de diez oligarcas.",
        "asset_freeze",
    ),
    ("et", "Euroopa Liit kehtestas juba kümne oligarhi varade külmutamise.", "asset_freeze"),
    (
        "fi",
        "EU on jo asettanut varojen jäädyttämisen kymmenelle oligarkille, ja se on voimassa.",
        "asset_freeze",
    ),
    ("fr", "L'Union européenne a déjà imposé le gel des avoirs de dix oligarques.", "asset_freeze"),
    ("ga", "Tá reo sócmhainní i bhfeidhm cheana ar dheichniúr oligarc.", "asset_freeze"),
    ("hr", "Europska unija već je uvela zamrzavanje imovine desetorici oligarha.", "asset_freeze"),
    (
        "hu",
        "Az Európai Unió már bevezette tíz oligarcha vagyonának befagyasztását.",
        "asset_freeze",
    ),
    (
        "it",
        "L'Unione europea ha imposto il congelamento dei beni di dieci oligarchi.",
        "asset_freeze",
    ),
    ("lt", "Europos Sąjunga jau įvedė dešimties oligarchų turto įšaldymą.", "asset_freeze"),
    ("lv", "Eiropas Savienība jau noteica aktīvu iesaldēšanu desmit oligarhiem.", "asset_freeze"),
    (
        "mt",
        "L-Unjoni Ewropea diġà imponiet l-iffriżar tal-assi ta' għaxar oligarki.",
        "asset_freeze",
    ),
    ("nl", "De Europese Unie heeft de tegoeden van tien oligarchen al bevroren.", "asset_freeze"),
    (
        "pl",
        "Unia Europejska już nałożyła zamrożenie aktywów dziesięciu oligarchów.",
        "asset_freeze",
    ),
    ("pt", "A União Europeia já impôs o congelamento de bens de dez oligarcas.", "asset_freeze"),
    ("ro", "Uniunea Europeană a impus deja înghețarea activelor a zece oligarhi.", "asset_freeze"),
    ("sk", "Európska únia už zaviedla zmrazenie aktív desiatich oligarchov.", "asset_freeze"),
    ("sl", "Evropska unija je že uvedla zamrznitev premoženja desetih oligarhov.", "asset_freeze"),
    ("sv", "EU har redan infört frysning av tillgångar för tio oligarker.", "asset_freeze"),
    ("ru", "Евросоюз уже ввел заморозку активов десяти олигархов.", "asset_freeze"),
    ("uk", "Євросоюз уже запровадив заморожування активів десяти олігархів.", "asset_freeze"),
    ("sr", "Evropska unija je već uvela zamrzavanje imovine desetorici oligarha.", "asset_freeze"),
    ("sr", "Европска унија је већ увела замрзавање имовине десеторици олигарха.", "asset_freeze"),
    (
        "tr",
        "Avrupa Birliği on oligarkın varlıklarının dondurulmasını zaten uyguladı.",
        "asset_freeze",
    ),
    ("fa", "اتحادیه اروپا مسدود کردن دارایی های ده الیگارش را اعمال کرد.", "asset_freeze"),
    ("ar", "فرض الاتحاد الأوروبي بالفعل تجميد الأصول على عشرة من الأوليغارش.", "asset_freeze"),
    ("he", "האיחוד האירופי כבר הטיל הקפאת נכסים על עשרה אוליגרכים.", "asset_freeze"),
]

# A price cap under discussion ("ministers are discussing a price cap on oil").
DEBATED = [
    ("bg", "Министрите обсъждат таван на цените на петрола.", "price_cap"),
    ("cs", "Ministři zvažují cenový strop na ropu.", "price_cap"),
    ("da", "Ministrene drøfter et prisloft på olie.", "price_cap"),
    ("de", "Die Minister erwägen einen Preisdeckel für Öl.", "price_cap"),
    ("el", "Οι υπουργοί εξετάζουν πλαφόν στην τιμή του πετρελαίου.", "price_cap"),
    ("en", "Ministers are discussing a price cap on oil.", "price_cap"),
    ("es", "Los ministros estudian un tope al precio del petróleo.", "price_cap"),
    ("et", "Ministrid kaaluvad nafta hinnalage.", "price_cap"),
    ("fi", "Ministerit harkitsevat öljyn hintakattoa.", "price_cap"),
    ("fr", "Les ministres envisagent un plafonnement du prix du pétrole.", "price_cap"),
    ("ga", "Tá na hairí ag plé uasteorainn praghais ar ola.", "price_cap"),
    ("hr", "Ministri razmatraju gornju granicu cijene nafte.", "price_cap"),
    ("hu", "A miniszterek ársapkát fontolgatnak az olajra.", "price_cap"),
    ("it", "I ministri valutano un tetto al prezzo del petrolio.", "price_cap"),
    ("lt", "Ministrai svarsto naftos kainų lubas.", "price_cap"),
    ("lv", "Ministri apsver naftas cenu griestus.", "price_cap"),
    ("mt", "Il-ministri qed jikkunsidraw limitu fuq il-prezz taż-żejt.", "price_cap"),
    ("nl", "De ministers overwegen een prijsplafond voor olie.", "price_cap"),
    ("pl", "Ministrowie rozważają limit cen ropy.", "price_cap"),
    ("pt", "Os ministros discutem um teto ao preço do petróleo.", "price_cap"),
    ("ro", "Miniștrii discută plafonarea prețului petrolului.", "price_cap"),
    ("sk", "Ministri zvažujú cenový strop na ropu.", "price_cap"),
    ("sl", "Ministri razmišljajo o cenovni kapici za nafto.", "price_cap"),
    ("sv", "Ministrarna överväger ett pristak på olja.", "price_cap"),
    ("ru", "Министры обсуждают потолок цен на нефть.", "price_cap"),
    ("uk", "Міністри обговорюють стелю цін на нафту.", "price_cap"),
    ("sr", "Ministri razmatraju gornju granicu cene nafte.", "price_cap"),
    ("sr", "Министри разматрају горњу границу цене нафте.", "price_cap"),
    ("tr", "Bakanlar petrol için tavan fiyat uygulamasını tartışıyor.", "price_cap"),
    ("fa", "وزیران در حال بررسی سقف قیمت نفت هستند.", "price_cap"),
    ("ar", "يدرس الوزراء فرض سقف لاسعار النفط.", "price_cap"),
    ("he", "השרים שוקלים תקרת מחיר על הנפט.", "price_cap"),
]

# A denial: "the government will impose no new sanctions".
DENIED = [
    ("bg", "Правителството няма да налага нови санкции."),
    ("cs", "Vláda nezavede žádné nové sankce."),
    ("da", "Regeringen vil ikke indføre nye sanktioner."),
    ("de", "Die Regierung wird keine neuen Sanktionen verhängen."),
    ("el", "Η κυβέρνηση δεν θα επιβάλει νέες κυρώσεις."),
    ("en", "The government will impose no new sanctions."),
    ("es", "El Gobierno no impondrá nuevas sanciones."),
    ("et", "Valitsus ei kehtesta uusi sanktsioone."),
    ("fi", "Hallitus ei aseta uusia pakotteita."),
    ("fr", "Le gouvernement n'imposera pas de nouvelles sanctions."),
    ("ga", "Ní ghearrfaidh an rialtas smachtbhannaí nua."),
    ("hr", "Vlada neće uvesti nove sankcije."),
    ("hu", "A kormány nem vezet be új szankciókat."),
    ("it", "Il governo non imporrà nuove sanzioni."),
    ("lt", "Vyriausybė neįves jokių naujų sankcijų."),
    ("lv", "Valdība nenoteiks nekādas jaunas sankcijas."),
    ("mt", "Il-gvern mhux se jimponi sanzjonijiet ġodda."),
    ("nl", "De regering legt geen nieuwe sancties op."),
    ("pl", "Rząd nie nałoży nowych sankcji."),
    ("pt", "O Governo não vai impor novas sanções."),
    ("ro", "Guvernul nu va impune sancțiuni noi."),
    ("sk", "Vláda nezavedie žiadne nové sankcie."),
    ("sl", "Vlada ne bo uvedla novih sankcij."),
    ("sv", "Regeringen inför inga nya sanktioner."),
    ("ru", "Правительство не будет вводить новые санкции."),
    ("uk", "Уряд не запроваджуватиме нових санкцій."),
    ("sr", "Vlada neće uvesti nove sankcije."),
    ("sr", "Влада неће увести нове санкције."),
    ("tr", "Hükümet yeni yaptırım uygulamayacak."),
    ("fa", "دولت تحریم های جدید اعمال نخواهد کرد."),
    ("ar", "لن تفرض الحكومة عقوبات جديدة."),
    ("he", "הממשלה לא תטיל סנקציות חדשות."),
]

ALL_CODES = sorted(registry())


def _measures(text: str, lang: str):
    return extract_measures(context_with_actors(text, lang, {}))


def test_every_language_is_tested():
    for table in (IN_FORCE, DEBATED, DENIED):
        assert sorted({row[0] for row in table}) == ALL_CODES


@pytest.mark.parametrize(("lang", "text", "kind"), IN_FORCE)
def test_a_measure_in_force(lang, text, kind):
    found = {m.key: m for m in _measures(text, lang)}
    assert kind in found, sorted(found)
    assert found[kind].status == "in_force"


@pytest.mark.parametrize(("lang", "text", "kind"), DEBATED)
def test_a_measure_under_discussion(lang, text, kind):
    found = {m.key: m for m in _measures(text, lang)}
    assert kind in found, sorted(found)
    assert found[kind].status == "debated"
    assert found[kind].category == "energy"


@pytest.mark.parametrize(("lang", "text"), DENIED)
def test_no_new_sanctions_is_no_option(lang, text):
    assert _measures(text, lang) == []


def test_every_kind_has_cues_in_every_language():
    kinds = taxonomy()["measures"]
    for key, spec in kinds.items():
        assert spec["category"] in MEASURE_CATEGORIES, key
    for lang in ALL_CODES:
        cues = kind_cues(lang)
        missing = [k for k in kinds if not cues[k]]
        assert not missing, (lang, missing)


# "if Russia invades, the EU will impose new sanctions": a threat with its condition.
CONDITIONAL = [
    ("bg", "Ако Русия нахлуе, ЕС ще наложи нови санкции."),
    ("cs", "Pokud Rusko vtrhne na Ukrajinu, EU zavede nové sankce."),
    ("da", "Hvis Rusland invaderer, vil EU indføre nye sanktioner."),
    ("el", "Αν η Ρωσία εισβάλει, η ΕΕ θα επιβάλει νέες κυρώσεις."),
    ("et", "Kui Venemaa tungib sisse, kehtestab EL uued sanktsioonid."),
    ("fi", "Jos Venäjä hyökkää, EU asettaa uusia pakotteita."),
    ("ga", "Má dhéanann an Rúis ionradh, gearrfaidh an AE smachtbhannaí nua."),
    ("hr", "Ako Rusija napadne, EU će uvesti nove sankcije."),
    ("hu", "Ha Oroszország megtámadja Ukrajnát, az EU új szankciókat vezet be."),
    ("lt", "Jei Rusija įsiverš, ES įves naujas sankcijas."),
    ("lv", "Ja Krievija iebruks, ES noteiks jaunas sankcijas."),
    ("mt", "Jekk ir-Russja tinvadi, l-UE se timponi sanzjonijiet ġodda."),
    ("nl", "Als Rusland binnenvalt, legt de EU nieuwe sancties op."),
    ("pt", "Se a Rússia invadir, a UE vai impor novas sanções."),
    ("sk", "Ak Rusko vtrhne na Ukrajinu, EÚ zavedie nové sankcie."),
    ("sl", "Če Rusija napade, bo EU uvedla nove sankcije."),
    ("sv", "Om Ryssland invaderar inför EU nya sanktioner."),
    ("sr", "Ako Rusija napadne, EU će uvesti nove sankcije."),
    ("tr", "Eğer Rusya işgal ederse, AB yeni yaptırımlar uygulayacak."),
    ("he", "אם רוסיה תפלוש, האיחוד האירופי יטיל סנקציות חדשות."),
    ("en", "If Russia invades, the EU will impose new sanctions."),
    ("de", "Falls Russland einmarschiert, wird die EU neue Sanktionen verhängen."),
    ("fr", "Si la Russie envahit l'Ukraine, l'UE imposera de nouvelles sanctions."),
    ("es", "Si Rusia invade Ucrania, la UE impondrá nuevas sanciones."),
    ("it", "Se la Russia invade l'Ucraina, l'UE imporrà nuove sanzioni."),
    ("pl", "Jeśli Rosja dokona inwazji, UE nałoży nowe sankcje."),
    ("ro", "Dacă Rusia invadează Ucraina, UE va impune sancțiuni noi."),
    ("ru", "Если Россия вторгнется, ЕС введет новые санкции."),
    ("uk", "Якщо Росія вторгнеться, ЄС запровадить нові санкції."),
    ("fa", "اگر روسیه حمله کند، اتحادیه اروپا تحریم های جدید اعمال خواهد کرد."),
    ("ar", "إذا غزت روسيا أوكرانيا، ستفرض أوروبا عقوبات جديدة."),
]


@pytest.mark.parametrize(("lang", "text"), CONDITIONAL)
def test_a_conditional_measure_is_threatened(lang, text):
    found = _measures(text, lang)
    assert found, "no measure"
    assert all(m.status == "threatened" for m in found), [(m.key, m.status) for m in found]
    assert all(m.condition for m in found)


def test_conditional_sentences_cover_every_language():
    assert sorted({lang for lang, _ in CONDITIONAL}) == ALL_CODES


@pytest.mark.parametrize(
    ("lang", "text", "kind", "figure"),
    [
        (
            "en",
            "The G7 agreed a price cap of $60 a barrel on Russian oil.",
            "price_cap",
            {"type": "amount", "text": "$60", "value": 60.0, "unit": "USD"},
        ),
        (
            "fr",
            "L'UE a gelé 300 milliards d'euros d'avoirs de la banque centrale.",
            "central_bank",
            {"type": "amount", "text": "300 milliards d'euros", "value": 3e11, "unit": "EUR"},
        ),
        (
            "it",
            "Bruxelles ha congelato beni per 2,5 miliardi di euro.",
            "asset_freeze",
            {"type": "amount", "text": "2,5 miliardi di euro", "value": 2.5e9, "unit": "EUR"},
        ),
        (
            "de",
            "Die EU hat ein Ölembargo beschlossen, das 90 Prozent der Importe betrifft.",
            "energy_imports",
            {"type": "percentage", "text": "90 Prozent", "value": 90.0},
        ),
        (
            "tr",
            "AB, Rus petrolüne yüzde 90 oranında ithalat yasağı getirdi.",
            "import_ban",
            {"type": "percentage", "text": "yüzde 90", "value": 90.0},
        ),
    ],
)
def test_the_figures_a_measure_states(lang, text, kind, figure):
    found = {m.key: m for m in _measures(text, lang)}
    assert figure in found[kind].figures


def test_statuses_read_from_the_sentence():
    def status(text):
        return {m.key: m.status for m in _measures(text, "en")}

    assert status("The EU lifted its arms embargo.") == {"arms_embargo": "lifted"}
    assert status("The EU does not rule out new sanctions.") == {"new_sanctions": "debated"}
    # "would have imposed": a bill's measure, never in force.
    assert status("The bill would have imposed tariffs on steel.") == {"tariffs": "proposed"}


# Tightening sanctions, tougher and "anti-<state>" sanctions: the verbs, their nouns and the
# adjectives every language inflects ("skærpede sanktioner", "посилити санкції",
# "antiruskih sankcija"): new sanctions of unspecified scope.
TIGHTENED = [
    ("bg", "Лидерите подкрепиха затягането на санкциите срещу Русия."),
    ("cs", "Lídři podpořili zpřísnění sankcí proti Rusku."),
    ("da", "Lederne støttede skærpede sanktioner mod Rusland."),
    ("de", "Die Staats- und Regierungschefs wollen die Sanktionen gegen Russland verschärfen."),
    ("el", "Οι ηγέτες στήριξαν την αυστηροποίηση των κυρώσεων κατά της Ρωσίας."),
    ("en", "The leaders backed tightening sanctions against Russia."),
    ("es", "Los líderes respaldaron endurecer las sanciones contra Rusia."),
    ("et", "Liidrid toetasid Venemaa-vastaste sanktsioonide karmistamist."),
    ("fi", "Johtajat tukivat Venäjän vastaisten pakotteiden kiristämistä."),
    ("fr", "Les dirigeants ont soutenu le durcissement des sanctions contre la Russie."),
    ("ga", "Thacaigh na ceannairí le géarú na smachtbhannaí ar an Rúis."),
    ("hr", "Čelnici su podržali pooštravanje sankcija protiv Rusije."),
    ("hu", "A vezetők támogatták az oroszellenes szankciók szigorítását."),
    ("it", "I leader hanno sostenuto l'inasprimento delle sanzioni contro la Russia."),
    ("lt", "Lyderiai pritarė sankcijų Rusijai sugriežtinimui."),
    ("lv", "Līderi atbalstīja pretkrievijas sankciju pastiprināšanu."),
    ("mt", "Il-mexxejja appoġġaw it-tisħiħ tas-sanzjonijiet kontra r-Russja."),
    ("nl", "De leiders steunden het aanscherpen van de sancties tegen Rusland."),
    ("pl", "Przywódcy poparli zaostrzenie sankcji wobec Rosji."),
    ("pt", "Os líderes apoiaram o endurecimento das sanções contra a Rússia."),
    ("ro", "Liderii au susținut înăsprirea sancțiunilor împotriva Rusiei."),
    ("ru", "Лидеры поддержали ужесточение санкций против России."),
    ("sk", "Lídri podporili sprísnenie sankcií voči Rusku."),
    ("sl", "Voditelji so podprli zaostritev sankcij proti Rusiji."),
    ("sr", "Lideri su podržali značaj antiruskih sankcija."),
    ("sr", "Лидери су подржали пооштравање санкција против Русије."),
    ("sv", "Ledarna stödde skärpta sanktioner mot Ryssland."),
    ("tr", "Liderler Rusya'ya yönelik yaptırımların sıkılaştırılmasını destekledi."),
    ("uk", "Лідери підтримали ідею посилити санкції проти Росії."),
    ("fa", "رهبران از تشدید تحریم ها علیه روسیه حمایت کردند."),
    ("ar", "ايد القادة تشديد العقوبات على روسيا."),
    ("he", "המנהיגים תמכו בהחמרת הסנקציות נגד רוסיה."),
]


def test_tightening_sentences_cover_every_language():
    assert sorted({lang for lang, _ in TIGHTENED}) == ALL_CODES


@pytest.mark.parametrize(("lang", "text"), TIGHTENED)
def test_tightened_sanctions_are_new_sanctions(lang, text):
    found = {m.key for m in _measures(text, lang)}
    assert "new_sanctions" in found, sorted(found)
