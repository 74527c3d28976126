"""Attribution and stance rules, one language form at a time, with hand-made actors."""

from __future__ import annotations

import pytest

from briefing.extract.attribution import attribute, find_quotes
from briefing.extract.positions import extract_positions
from tests.conftest import make_context
from tests.extract.analysis_support import context_with_actors

ACTORS = {
    "russia": (
        "Russia",
        "state",
        [
            "Russia",
            "Rosja",
            "Rusia",
            "Russland",
            "Moscou",
            "Moskau",
            "Россия",
            "Росія",
            "روسيا",
            "روسیه",
            "Russie",
            "Kremlin",
            "Kreml",
            "Kremlinul",
        ],
    ),
    "united-states": (
        "United States",
        "state",
        [
            "United States",
            "US",
            "Statele Unite",
            "Stany Zjednoczone",
            "Biały Dom",
            "Białego Domu",
            "White House",
            "Washington",
            "Estados Unidos",
            "الولايات المتحدة",
            "آمریکا",
            "وزارت خارجه آمریکا",
            "کاخ سفید",
        ],
    ),
    "ukraine": (
        "Ukraine",
        "state",
        [
            "Ukraine",
            "Ukrainy",
            "Ucraina",
            "Ucrania",
            "Украина",
            "Украину",
            "Україна",
            "اوکراین",
            "l'Ukraine",
        ],
    ),
    "nato": ("NATO", "organization", ["NATO", "OTAN", "НАТО", "الناتو", "ناتو"]),
    "antony-blinken": (
        "Antony Blinken",
        "person",
        ["Antony Blinken", "Blinken", "بلینکن", "بلينكن"],
    ),
    "sergei-lavrov": (
        "Sergei Lavrov",
        "person",
        ["Lavrov", "Sergueï Lavrov", "Лавров", "Sergej Lawrow", "Lawrow"],
    ),
    "vladimir-putin": ("Vladimir Putin", "person", ["Vladimir Putin", "Putin", "پوتین"]),
    "dmitry-peskov": (
        "Dmitry Peskov",
        "person",
        ["Dmitry Peskov", "Peskov", "Peskow", "Песков", "بيسكوف"],
    ),
    "jens-stoltenberg": ("Jens Stoltenberg", "person", ["Jens Stoltenberg", "Stoltenberg"]),
    "olaf-scholz": ("Olaf Scholz", "person", ["Olaf Scholz", "Scholz"]),
    "dmytro-kuleba": ("Dmytro Kuleba", "person", ["Кулеба", "Dmytro Kuleba"]),
}


def positions(text: str, lang: str) -> list[tuple[str, str | None, str | None]]:
    ctx = context_with_actors(text, lang, ACTORS)
    return [(p.actor, p.claim_key, p.stance_kind) for p in extract_positions(ctx)]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # Indirect speech with a stance verb, subject before it.
        (
            "Rosja domaga się gwarancji bezpieczeństwa od NATO.",
            "pl",
            ("russia", "legal_guarantees", "demands"),
        ),
        (
            "Russland fordert rechtsverbindliche Sicherheitsgarantien.",
            "de",
            ("russia", "legal_guarantees", "demands"),
        ),
        (
            "Moscou exige des garanties de sécurité.",
            "fr",
            ("russia", "legal_guarantees", "demands"),
        ),
        (
            "Россия требует гарантий безопасности от НАТО.",
            "ru",
            ("russia", "legal_guarantees", "demands"),
        ),
        # Speaker after the quotation, in several quoting styles.
        (
            "„Drzwi NATO pozostają otwarte” – powiedział Blinken.",
            "pl",
            ("antony-blinken", "open_door", "supports"),
        ),
        (
            "«La porte de l'OTAN reste ouverte», a déclaré Blinken.",
            "fr",
            ("antony-blinken", "open_door", "supports"),
        ),
        (
            "“NATO’s door is still open,” Blinken said.",
            "en",
            ("antony-blinken", "open_door", "supports"),
        ),
        (
            "„Vrem garanții de securitate”, a declarat Lavrov.",
            "ro",
            ("sergei-lavrov", "legal_guarantees", "demands"),
        ),
        # Content decides the kind when the verb is neutral.
        (
            "Peskov said there is no reason to believe Russia will attack Ukraine.",
            "en",
            ("dmitry-peskov", "invasion_ready", "denies"),
        ),
        (
            "Kremlsprecher Peskow sagte, Russland plane keinen Angriff auf die Ukraine.",
            "de",
            ("dmitry-peskov", "invasion_ready", "denies"),
        ),
        # "According to X".
        (
            "Según Blinken, Rusia sufrirá consecuencias si invade Ucrania.",
            "es",
            ("antony-blinken", "costs_if_aggression", "warns"),
        ),
        (
            "بحسب بلينكن، ستواجه روسيا عواقب وخيمة.",
            "ar",
            ("antony-blinken", "costs_if_aggression", "warns"),
        ),
        (
            "به گفته بلینکن، روسیه با پیامدهای شدید روبرو خواهد شد.",
            "fa",
            ("antony-blinken", "costs_if_aggression", "warns"),
        ),
        (
            "Laut Stoltenberg bleibt die Tür der NATO offen.",
            "de",
            ("jens-stoltenberg", "open_door", "supports"),
        ),
        # Verb-final Persian: the subject opens the clause.
        (
            "کاخ کرملین اعلام کرد پوتین درباره قطع روابط هشدار داد.",
            "fa",
            ("vladimir-putin", "sanctions_backfire", "warns"),
        ),
        # Verb-initial Arabic with a glued conjunction.
        (
            "ورفضت الولايات المتحدة وقف توسع الناتو.",
            "ar",
            ("united-states", "halt_enlargement", "rejects"),
        ),
        # Ukrainian and Italian.
        (
            "Кулеба заявив, що НАТО має відкриті двері.",
            "uk",
            ("dmytro-kuleba", "open_door", "supports"),
        ),
        (
            "Blinken ha detto che la porta aperta della NATO resta.",
            "it",
            ("antony-blinken", "open_door", "supports"),
        ),
    ],
)
def test_attributed_stance(text, lang, expected):
    assert expected in positions(text, lang)


def test_office_resolves_to_the_actor_named_with_it_then_by_anaphora():
    text = (
        "Urzędnicy planują konsultacje, powiedział urzędnik Białego Domu. "
        "Urzędnik powiedział, że dyplomacja jest najlepszą drogą."
    )
    ctx = context_with_actors(text, "pl", ACTORS)
    speakers = [a.speaker for a in attribute(ctx)]
    assert speakers and set(speakers) == {"united-states"}


def test_pronoun_subject_is_the_last_person_speaking():
    text = (
        "“It sets the diplomatic path,” Blinken told reporters. "
        "He warned that any aggression would bring severe consequences."
    )
    found = positions(text, "en")
    assert ("antony-blinken", "costs_if_aggression", "warns") in found


def test_romanian_pronoun_after_the_name():
    text = "Președintele rus Vladimir Putin El a cerut garanții de securitate de la NATO."
    assert ("vladimir-putin", "legal_guarantees", "demands") in positions(text, "ro")


def test_coordinated_verbs_share_their_subject():
    text = "The United States rejected Russia's demand for a permanent ban on Ukraine joining NATO and believed that Moscow was ready to invade."
    found = positions(text, "en")
    assert ("united-states", "halt_enlargement", "rejects") in found
    assert ("united-states", "invasion_ready", "assesses") in found
    # Russia is no speaker here: its only position is the demand the sentence reports.
    assert {(c, k) for actor, c, k in found if actor == "russia"} <= {
        ("halt_enlargement", "demands")
    }


def test_apposition_does_not_steal_the_subject():
    text = "Dmitry Peskov, an aide to Putin who met Blinken, said new sanctions would lead to a rupture of relations."
    found = positions(text, "en")
    assert [a for a, _c, _k in found] == ["dmitry-peskov"]


def test_rejecting_a_reported_demand_takes_the_opposite_stance():
    text = (
        "Rosja domaga się, by NATO nie będzie rozszerzać się na wschód. NATO odrzuciło to żądanie."
    )
    found = positions(text, "pl")
    assert ("russia", "halt_enlargement", "demands") in found
    assert ("nato", "halt_enlargement", "rejects") in found


def test_no_speaker_no_position():
    # A fact with no one saying it is not a stated position.
    assert positions("Blisko 100 tys. rosyjskich żołnierzy stacjonuje przy granicy.", "pl") == []


def test_a_line_is_composed_in_english_from_the_taxonomy():
    ctx = context_with_actors(
        "Rosja domaga się od NATO gwarancji bezpieczeństwa, w tym odmowy członkostwa Ukrainie.",
        "pl",
        ACTORS,
    )
    lines = {p.stance for p in extract_positions(ctx)}
    assert (
        "Demands legally binding security guarantees from the United States and NATO, "
        "including no further NATO enlargement"
    ) in lines


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ("„Istnieje ścieżka dialogu” – powiedział Blinken.", "„Istnieje ścieżka dialogu”"),
        ("«Nous sommes prêts», a dit Lavrov.", "«Nous sommes prêts»"),
        ('He said: "we are ready for talks".', '"we are ready for talks"'),
        ("Er sagte: ‘wir sind bereit dazu’.", "‘wir sind bereit dazu’"),
    ],
)
def test_quotation_styles(text, quoted):
    ctx = context_with_actors(text, "en", ACTORS)
    spans = find_quotes(ctx.text, ctx.sentences[0], "en")
    assert [ctx.text[a:b] for a, b in spans] == [quoted]


def test_apostrophes_are_not_quotations():
    ctx = context_with_actors("Russia’s demand and NATO’s reply were noted.", "en", ACTORS)
    assert find_quotes(ctx.text, ctx.sentences[0], "en") == []


def test_a_statement_in_this_matter_takes_the_topic_before_it():
    text = (
        "Stany Zjednoczone zaoferowały rozmowy i dyplomację. Blinken złożył ofertę w tej sprawie."
    )
    found = positions(text, "pl")
    assert ("antony-blinken", "talks", "offers") in found


# Romanian reports in the perfect (a/au + participle) for one speaker or many, in the
# present, and impersonally ("se arată într-un comunicat", "it is stated in a statement");
# what "must" be done ("trebuie") is a demand whatever the reporting verb.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Miniștrii de externe ai NATO au reiterat că Rusia trebuie să-și retragă trupele.",
            ("nato", "demands"),
        ),
        ("Blinken a reiterat că ușa NATO rămâne deschisă.", ("antony-blinken", "supports")),
        ("Statele Unite au reafirmat că ușa NATO rămâne deschisă.", ("united-states", "supports")),
        (
            "„Rusia trebuie să-și retragă trupele”, se arată într-un comunicat al NATO.",
            ("nato", "demands"),
        ),
        (
            "Într-un comunicat al NATO se precizează că Rusia trebuie să-și retragă trupele.",
            ("nato", "demands"),
        ),
        ("Statele Unite și-au exprimat sprijinul pentru Ucraina.", ("united-states", "supports")),
        ("Statele Unite au subliniat că sprijină Ucraina.", ("united-states", "supports")),
    ],
)
def test_romanian_reporting_forms(text, expected):
    assert expected in [(actor, kind) for actor, _claim, kind in positions(text, "ro")]


# Past reporting verbs in the plural as well as the singular (fr ont, it hanno, ro au;
# es -aron, pt -aram, de -ten, nl -den/-ten): a plural subject reports too.
@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("fr", "La Russie et l'Ukraine ont souligné que la diplomatie reste possible."),
        ("it", "La Russia e l'Ucraina hanno ribadito che la diplomazia resta possibile."),
        ("es", "Rusia y Ucrania reiteraron que la diplomacia sigue siendo posible."),
        ("pt", "A Rússia e a Ucrânia reiteraram que a diplomacia continua possível."),
        ("de", "Russland und die Ukraine bekräftigten, dass Diplomatie möglich bleibt."),
        ("nl", "Rusland en Oekraïne benadrukten dat diplomatie mogelijk blijft."),
        ("ro", "Rusia și Ucraina au notat că diplomația rămâne posibilă."),
    ],
)
def test_plural_past_reporting_verbs(lang, text):
    ctx = make_context(text, lang)
    assert "ukraine" in {p.actor for p in extract_positions(ctx)}
