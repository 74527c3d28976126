"""Every language pack's dates.yaml at work: real-looking dated sentences of each language
resolve to the right ISO dates against a publication date (Wednesday 13 March 2024)."""

from __future__ import annotations

import datetime as dt

import pytest

from briefing.langpacks import registry, section
from briefing.nlp.dates import find_dates, resolve, tense_at
from briefing.nlp.normalize import normalize

PUB = dt.date(2024, 3, 13)  # a Wednesday
NEXT_WEEK = ("2024-03-18", "2024-03-24")
LAST_WEEK = ("2024-03-04", "2024-03-10")
YESTERDAY = ("2024-03-12", None)
TOMORROW = ("2024-03-14", None)
LAST_MONDAY = ("2024-03-11", None)
NEXT_MONDAY = ("2024-03-18", None)


def _resolved(text: str, lang: str) -> list[tuple[str, str | None]]:
    norm = normalize(text)
    out = []
    for m in find_dates(text, norm, 0, len(text), lang):
        r = resolve(m, PUB, PUB, tense_at(norm, 0, len(text), m.start, lang))
        if r is not None:
            out.append((r.date, r.date_end))
    return out


CASES = [
    # Bulgarian
    ("bg", "Срещата на върха се състоя на 5 февруари 2024 г. в Брюксел.", [("2024-02-05", None)]),
    ("bg", "Министрите ще се срещнат на 21 март в Люксембург.", [("2024-03-21", None)]),
    ("bg", "Вчера премиерът обяви, че ще посети Киев следващата седмица.", [YESTERDAY, NEXT_WEEK]),
    # Czech
    ("cs", "Summit NATO se konal 11. července 2023 ve Vilniusu.", [("2023-07-11", None)]),
    ("cs", "Ministři se sejdou 21. března v Bruselu.", [("2024-03-21", None)]),
    ("cs", "Premiér včera oznámil, že příští týden navštíví Kyjev.", [YESTERDAY, NEXT_WEEK]),
    ("cs", "Jednání začne v pondělí.", [NEXT_MONDAY]),
    # Danish
    ("da", "Topmødet blev holdt den 5. februar 2024 i Bruxelles.", [("2024-02-05", None)]),
    ("da", "Ministrene mødes igen i næste uge, sagde hun i går.", [NEXT_WEEK, YESTERDAY]),
    # Greek
    (
        "el",
        "Η σύνοδος κορυφής πραγματοποιήθηκε στις 5 Φεβρουαρίου 2024 στις Βρυξέλλες.",
        [("2024-02-05", None)],
    ),
    ("el", "Οι υπουργοί θα συναντηθούν στις 21 Μαρτίου.", [("2024-03-21", None)]),
    (
        "el",
        "Χθες ο πρωθυπουργός ανακοίνωσε ότι θα επισκεφθεί το Κίεβο την επόμενη εβδομάδα.",
        [YESTERDAY, NEXT_WEEK],
    ),
    # Estonian
    ("et", "Tippkohtumine toimus 5. veebruaril 2024 Brüsselis.", [("2024-02-05", None)]),
    ("et", "Ministrid kohtuvad järgmisel nädalal, ütles ta eile.", [NEXT_WEEK, YESTERDAY]),
    # Finnish
    ("fi", "Huippukokous pidettiin 5. helmikuuta 2024 Brysselissä.", [("2024-02-05", None)]),
    ("fi", "Ministerit tapaavat ensi viikolla, hän sanoi eilen.", [NEXT_WEEK, YESTERDAY]),
    ("fi", "Neuvottelut alkavat 21. maaliskuuta.", [("2024-03-21", None)]),
    # Irish
    (
        "ga",
        "Tionóladh an cruinniú mullaigh ar an 5 Feabhra 2024 sa Bhruiséil.",
        [("2024-02-05", None)],
    ),
    (
        "ga",
        "Dúirt an tAire inné go mbeidh cruinniú ann an tseachtain seo chugainn.",
        [YESTERDAY, NEXT_WEEK],
    ),
    # Croatian
    ("hr", "Summit je održan 5. veljače 2024. u Bruxellesu.", [("2024-02-05", None)]),
    ("hr", "Ministri će se sastati 21. ožujka u Luxembourgu.", [("2024-03-21", None)]),
    (
        "hr",
        "Premijer je jučer najavio da će sljedeći tjedan posjetiti Kijev.",
        [YESTERDAY, NEXT_WEEK],
    ),
    # Hungarian
    ("hu", "A csúcstalálkozót 2024. február 5-én tartották Brüsszelben.", [("2024-02-05", None)]),
    ("hu", "A miniszterek március 21-én találkoznak Luxemburgban.", [("2024-03-21", None)]),
    (
        "hu",
        "A kormányfő tegnap bejelentette, hogy jövő héten Kijevbe utazik.",
        [YESTERDAY, NEXT_WEEK],
    ),
    # Lithuanian
    ("lt", "Viršūnių susitikimas vyko 2024 m. vasario 5 d. Briuselyje.", [("2024-02-05", None)]),
    ("lt", "Ministrai susitiks kovo 21 d. Liuksemburge.", [("2024-03-21", None)]),
    ("lt", "Vakar premjeras pareiškė, kad kitą savaitę lankysis Kyjive.", [YESTERDAY, NEXT_WEEK]),
    # Latvian
    ("lv", "Samits notika 2024. gada 5. februārī Briselē.", [("2024-02-05", None)]),
    ("lv", "Ministri tiksies 21. martā Luksemburgā.", [("2024-03-21", None)]),
    (
        "lv",
        "Vakar premjerministrs paziņoja, ka nākamajā nedēļā apmeklēs Kijivu.",
        [YESTERDAY, NEXT_WEEK],
    ),
    # Maltese
    ("mt", "Is-samit sar fil-5 ta' Frar 2024 fi Brussell.", [("2024-02-05", None)]),
    ("mt", "Il-ministri se jiltaqgħu fil-21 ta' Marzu.", [("2024-03-21", None)]),
    (
        "mt",
        "Il-Prim Ministru qal ilbieraħ li se jżur Kyiv il-ġimgħa d-dieħla.",
        [YESTERDAY, NEXT_WEEK],
    ),
    # Dutch
    ("nl", "De top vond plaats op 5 februari 2024 in Brussel.", [("2024-02-05", None)]),
    ("nl", "De ministers komen op 21 maart bijeen.", [("2024-03-21", None)]),
    (
        "nl",
        "De premier zei gisteren dat hij volgende week naar Kyiv reist.",
        [YESTERDAY, NEXT_WEEK],
    ),
    ("nl", "Het overleg begint begin april.", [("2024-04-01", "2024-04-10")]),
    # Portuguese
    ("pt", "A cimeira realizou-se a 5 de fevereiro de 2024 em Bruxelas.", [("2024-02-05", None)]),
    ("pt", "Os ministros vão reunir-se a 21 de março.", [("2024-03-21", None)]),
    (
        "pt",
        "O primeiro-ministro anunciou ontem que visitará Kiev na próxima semana.",
        [YESTERDAY, NEXT_WEEK],
    ),
    ("pt", "As negociações terminam no final de abril.", [("2024-04-21", "2024-04-30")]),
    # Slovak
    ("sk", "Samit sa konal 5. februára 2024 v Bruseli.", [("2024-02-05", None)]),
    ("sk", "Ministri sa stretnú 21. marca v Luxemburgu.", [("2024-03-21", None)]),
    ("sk", "Premiér včera oznámil, že budúci týždeň navštívi Kyjev.", [YESTERDAY, NEXT_WEEK]),
    # Slovenian
    ("sl", "Vrh je potekal 5. februarja 2024 v Bruslju.", [("2024-02-05", None)]),
    ("sl", "Ministri se bodo sestali 21. marca v Luxembourgu.", [("2024-03-21", None)]),
    (
        "sl",
        "Premier je včeraj napovedal, da bo prihodnji teden obiskal Kijev.",
        [YESTERDAY, NEXT_WEEK],
    ),
    # Swedish
    ("sv", "Toppmötet hölls den 5 februari 2024 i Bryssel.", [("2024-02-05", None)]),
    ("sv", "Ministrarna ska träffas den 21 mars i Luxemburg.", [("2024-03-21", None)]),
    (
        "sv",
        "Statsministern sade i går att hon reser till Kiev nästa vecka.",
        [YESTERDAY, NEXT_WEEK],
    ),
    # Serbian, both scripts
    ("sr", "Samit je održan 5. februara 2024. u Briselu.", [("2024-02-05", None)]),
    ("sr", "Самит је одржан 5. фебруара 2024. у Бриселу.", [("2024-02-05", None)]),
    ("sr", "Ministri će se sastati 21. marta u Luksemburgu.", [("2024-03-21", None)]),
    ("sr", "Премијер је јуче најавио да ће следеће недеље посетити Кијев.", [YESTERDAY, NEXT_WEEK]),
    # Turkish
    ("tr", "Zirve 5 Şubat 2024 tarihinde Brüksel'de yapıldı.", [("2024-02-05", None)]),
    ("tr", "Bakanlar 21 Mart'ta Lüksemburg'da bir araya gelecek.", [("2024-03-21", None)]),
    (
        "tr",
        "Başbakan dün yaptığı açıklamada gelecek hafta Kiev'i ziyaret edeceğini söyledi.",
        [YESTERDAY, NEXT_WEEK],
    ),
    # Hebrew
    ("he", "הפסגה התקיימה ב-5 בפברואר 2024 בבריסל.", [("2024-02-05", None)]),
    ("he", "השרים ייפגשו ב-21 במרץ בלוקסמבורג.", [("2024-03-21", None)]),
    ("he", "ראש הממשלה הודיע אתמול כי יבקר בקייב בשבוע הבא.", [YESTERDAY, NEXT_WEEK]),
    ("he", "השיחות יתקיימו ביום שני.", [NEXT_MONDAY]),
]


@pytest.mark.parametrize(("lang", "text", "expected"), CASES)
def test_dated_sentences_resolve(lang, text, expected):
    assert _resolved(text, lang) == expected


def test_every_language_of_the_registry_has_dates_and_a_test_here():
    tested = {lang for lang, _text, _exp in CASES}
    older = {"en", "pl", "ro", "fa", "de", "fr", "es", "ru", "uk", "it", "ar"}  # tests/nlp
    assert set(section("dates")) == set(registry())
    assert set(registry()) - older <= tested


@pytest.mark.parametrize("lang", sorted(registry()))
def test_every_pack_names_twelve_months_and_seven_weekdays(lang):
    table = section("dates")[lang]
    assert len(table["months"]) == 12 and all(table["months"])
    assert len(table["weekdays"]) == 7 and all(table["weekdays"])
    rel = table.get("relative") or {}
    assert {"today", "yesterday", "tomorrow", "next_week", "last_week"} <= set(rel)
