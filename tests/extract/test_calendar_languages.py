"""Event types in every language of the registry (briefing/data/lang/<code>/events.yaml):
which type a sentence of news reporting names, whatever the date finder makes of its
dates. A signing, a measure entering into force, a vote, and talks."""

from __future__ import annotations

import pytest

from briefing.extract.calendar import _best, _hits, event_cues
from briefing.langpacks import registry
from briefing.nlp.normalize import normalize

# (lang, sentence, type): "the two ministers signed the agreement".
SIGNING = [
    ("bg", "Двамата министри подписаха споразумението.", "signing"),
    ("cs", "Oba ministři podepsali dohodu.", "signing"),
    ("da", "De to ministre underskrev aftalen.", "signing"),
    ("de", "Die beiden Minister unterzeichneten das Abkommen.", "signing"),
    ("el", "Οι δύο υπουργοί υπέγραψαν τη συμφωνία.", "signing"),
    ("en", "The two ministers signed the agreement.", "signing"),
    ("es", "Los dos ministros firmaron el acuerdo.", "signing"),
    ("et", "Kaks ministrit allkirjastasid lepingu.", "signing"),
    ("fi", "Ministerit allekirjoittivat sopimuksen.", "signing"),
    ("fr", "Les deux ministres ont signé l'accord.", "signing"),
    ("ga", "Shínigh an bheirt aire an comhaontú.", "signing"),
    ("hr", "Dvojica ministara potpisali su sporazum.", "signing"),
    ("hu", "A két miniszter aláírta a megállapodást.", "signing"),
    ("it", "I due ministri hanno firmato l'accordo.", "signing"),
    ("lt", "Abu ministrai pasirašė susitarimą.", "signing"),
    ("lv", "Abi ministri parakstīja līgumu.", "signing"),
    ("mt", "Iż-żewġ ministri iffirmaw il-ftehim.", "signing"),
    ("nl", "De twee ministers ondertekenden het akkoord.", "signing"),
    ("pl", "Obaj ministrowie podpisali porozumienie.", "signing"),
    ("pt", "Os dois ministros assinaram o acordo.", "signing"),
    ("ro", "Cei doi miniștri au semnat acordul.", "signing"),
    ("sk", "Obaja ministri podpísali dohodu.", "signing"),
    ("sl", "Ministra sta podpisala sporazum.", "signing"),
    ("sv", "De två ministrarna undertecknade avtalet.", "signing"),
    ("ru", "Министры подписали соглашение.", "signing"),
    ("uk", "Міністри підписали угоду.", "signing"),
    ("sr", "Dvojica ministara potpisali su sporazum.", "signing"),
    ("sr", "Двојица министара потписали су споразум.", "signing"),
    ("tr", "İki bakan anlaşmayı imzaladı.", "signing"),
    ("fa", "دو وزیر توافقنامه را امضا کردند.", "signing"),
    ("ar", "وقع الوزيران الاتفاق.", "signing"),
    ("he", "שני השרים חתמו על ההסכם.", "signing"),
]

# "the new sanctions enter into force on Monday".
IN_FORCE = [
    ("bg", "Новите санкции влизат в сила в понеделник.", "entry_into_force"),
    ("cs", "Nové sankce vstoupí v platnost v pondělí.", "entry_into_force"),
    ("da", "De nye sanktioner træder i kraft mandag.", "entry_into_force"),
    ("de", "Die neuen Sanktionen treten am Montag in Kraft.", "entry_into_force"),
    ("el", "Οι νέες κυρώσεις τίθενται σε ισχύ τη Δευτέρα.", "entry_into_force"),
    ("en", "The new sanctions enter into force on Monday.", "entry_into_force"),
    ("es", "Las nuevas sanciones entran en vigor el lunes.", "entry_into_force"),
    ("et", "Uued sanktsioonid jõustuvad esmaspäeval.", "entry_into_force"),
    ("fi", "Uudet pakotteet tulevat voimaan maanantaina.", "entry_into_force"),
    ("fr", "Les nouvelles sanctions entrent en vigueur lundi.", "entry_into_force"),
    ("ga", "Tiocfaidh na smachtbhannaí nua i bhfeidhm Dé Luain.", "entry_into_force"),
    ("hr", "Nove sankcije stupaju na snagu u ponedjeljak.", "entry_into_force"),
    ("hu", "Az új szankciók hétfőn lépnek hatályba.", "entry_into_force"),
    ("it", "Le nuove sanzioni entrano in vigore lunedì.", "entry_into_force"),
    ("lt", "Naujos sankcijos įsigalios pirmadienį.", "entry_into_force"),
    ("lv", "Jaunās sankcijas stāsies spēkā pirmdien.", "entry_into_force"),
    ("mt", "Is-sanzjonijiet il-ġodda jidħlu fis-seħħ nhar it-Tnejn.", "entry_into_force"),
    ("nl", "De nieuwe sancties treden maandag in werking.", "entry_into_force"),
    ("pl", "Nowe sankcje wejdą w życie w poniedziałek.", "entry_into_force"),
    ("pt", "As novas sanções entram em vigor na segunda-feira.", "entry_into_force"),
    ("ro", "Noile sancțiuni intră în vigoare luni.", "entry_into_force"),
    ("sk", "Nové sankcie nadobudnú účinnosť v pondelok.", "entry_into_force"),
    ("sl", "Nove sankcije začnejo veljati v ponedeljek.", "entry_into_force"),
    ("sv", "De nya sanktionerna träder i kraft på måndag.", "entry_into_force"),
    ("ru", "Новые санкции вступят в силу в понедельник.", "entry_into_force"),
    ("uk", "Нові санкції набудуть чинності в понеділок.", "entry_into_force"),
    ("sr", "Nove sankcije stupaju na snagu u ponedeljak.", "entry_into_force"),
    ("sr", "Нове санкције ступају на снагу у понедељак.", "entry_into_force"),
    ("tr", "Yeni yaptırımlar pazartesi yürürlüğe girecek.", "entry_into_force"),
    ("fa", "تحریم های جدید از دوشنبه لازم الاجرا می شود.", "entry_into_force"),
    ("ar", "تدخل العقوبات الجديدة حيز التنفيذ يوم الاثنين.", "entry_into_force"),
    ("he", "הסנקציות החדשות ייכנסו לתוקף ביום שני.", "entry_into_force"),
]

# "parliament voted on the resolution".
VOTE = [
    ("bg", "Парламентът гласува резолюцията.", "vote"),
    ("cs", "Parlament hlasoval o rezoluci.", "vote"),
    ("da", "Parlamentet stemte om resolutionen.", "vote"),
    ("de", "Das Parlament stimmte über die Resolution ab.", "vote"),
    ("el", "Η βουλή ψήφισε το ψήφισμα.", "vote"),
    ("en", "Parliament voted on the resolution.", "vote"),
    ("es", "El Parlamento votó la resolución.", "vote"),
    ("et", "Parlament hääletas resolutsiooni üle.", "vote"),
    ("fi", "Eduskunta äänesti päätöslauselmasta.", "vote"),
    ("fr", "Le Parlement a voté la résolution.", "vote"),
    ("ga", "Vótáladh ar an rún sa pharlaimint.", "vote"),
    ("hr", "Sabor je glasovao o rezoluciji.", "vote"),
    ("hu", "A parlament megszavazta a határozatot.", "vote"),
    ("it", "Il Parlamento ha votato la risoluzione.", "vote"),
    ("lt", "Seimas balsavo dėl rezoliucijos.", "vote"),
    ("lv", "Saeima nobalsoja par rezolūciju.", "vote"),
    ("mt", "Il-Parlament ivvota fuq ir-riżoluzzjoni.", "vote"),
    ("nl", "Het parlement stemde over de resolutie.", "vote"),
    ("pl", "Sejm głosował nad rezolucją.", "vote"),
    ("pt", "O Parlamento votou a resolução.", "vote"),
    ("ro", "Parlamentul a votat rezoluția.", "vote"),
    ("sk", "Parlament hlasoval o rezolúcii.", "vote"),
    ("sl", "Parlament je glasoval o resoluciji.", "vote"),
    ("sv", "Riksdagen röstade om resolutionen.", "vote"),
    ("ru", "Парламент проголосовал за резолюцию.", "vote"),
    ("uk", "Парламент проголосував за резолюцію.", "vote"),
    ("sr", "Skupština je glasala o rezoluciji.", "vote"),
    ("sr", "Скупштина је гласала о резолуцији.", "vote"),
    ("tr", "Meclis karar tasarısını oyladı.", "vote"),
    ("fa", "مجلس درباره قطعنامه رای گیری کرد.", "vote"),
    ("ar", "صوت البرلمان على القرار.", "vote"),
    ("he", "הכנסת הצביעה על ההחלטה.", "vote"),
]


def _type_of(text: str, lang: str) -> str | None:
    norm = normalize(text)
    hit = _best(_hits(event_cues(lang), norm, 0, len(norm), len(norm)))
    return hit.cue.key if hit else None


def test_every_language_is_tested():
    for table in (SIGNING, IN_FORCE, VOTE):
        assert sorted({row[0] for row in table}) == sorted(registry())


@pytest.mark.parametrize(("lang", "text", "kind"), SIGNING + IN_FORCE + VOTE)
def test_the_event_type_a_sentence_names(lang, text, kind):
    assert _type_of(text, lang) == kind


def test_every_type_has_cues_in_every_language():
    kinds = {c.key for c in event_cues("en")}
    for lang in registry():
        empty = [c.key for c in event_cues(lang) if c.regex.pattern in ("(?!)",)]
        assert not empty, (lang, empty)
        assert {c.key for c in event_cues(lang)} == kinds
