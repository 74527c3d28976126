"""Attribution first: every attributed statement is a position of its speaker, with what
was said verbatim, its polarity and modality, the right speaker, and disagreements that
follow from positions (characterisations, the bodies speakers hold office in)."""

from __future__ import annotations

import datetime as dt

import pytest

from briefing.consolidate.positions import merge_positions
from briefing.extract.disagreements import find_disagreements
from briefing.extract.positions import extract_positions
from briefing.models import Actor
from briefing.render.json_brief import position_dict
from tests.conftest import make_context

DAY = dt.date(2022, 1, 20)


def _positions(text: str, lang: str):
    ctx = make_context(text, lang, DAY)
    return ctx, extract_positions(ctx)


def _of(positions, actor: str):
    return [p for p in positions if p.actor == actor]


def test_a_statement_on_no_topic_is_a_position_with_its_quote():
    text = "«Die Lage in Europa ist ernster als in den vergangenen Jahrzehnten», sagte Lavrov."
    ctx, ps = _positions(text, "de")
    (p,) = _of(ps, "sergei-lavrov")
    assert p.topic_key.startswith("other") and p.topic == "Other"
    assert p.stance.isascii() and p.stance_kind == "says"
    (q,) = p.quotes
    assert (
        q.text
        == text[q.start : q.end]
        == ("Die Lage in Europa ist ernster als in den vergangenen Jahrzehnten")
    )
    assert q.language == "de" and q.source == ctx.article.id
    assert p.polarity == "affirmed" and p.modality == "asserted"


# One negated statement per language of the packs: the position says it is negated and
# never states the opposite (a claim's default kind turned around).
NEGATED = [
    ("en", "Blinken said the United States has no plans to send troops to Ukraine."),
    ("de", "Blinken betonte, die USA hätten nicht vor, Soldaten in die Ukraine zu schicken."),
    (
        "fr",
        "Blinken a déclaré que les États-Unis n'ont pas l'intention d'envoyer des troupes en Ukraine.",
    ),
    ("es", "Blinken dijo que Estados Unidos no tiene intención de enviar tropas a Ucrania."),
    ("it", "Blinken ha detto che gli Stati Uniti non intendono inviare truppe in Ucraina."),
    ("pl", "Blinken powiedział, że Stany Zjednoczone nie zamierzają wysyłać wojsk na Ukrainę."),
    ("ro", "Blinken a declarat că Statele Unite nu intenționează să trimită trupe în Ucraina."),
    ("ru", "Блинкен заявил, что США не намерены отправлять войска на Украину."),
    ("uk", "Блінкен заявив, що США не мають наміру відправляти війська в Україну."),
    ("ar", "قال بلينكن إن الولايات المتحدة لن ترسل قوات إلى أوكرانيا."),
    ("fa", "بلینکن گفت که آمریکا هیچ برنامه‌ای برای اعزام نیرو به اوکراین ندارد."),
]


@pytest.mark.parametrize(("lang", "text"), NEGATED, ids=[lang for lang, _ in NEGATED])
def test_negated_statements_are_negated_in_every_language(lang, text):
    _ctx, ps = _positions(text, lang)
    mine = _of(ps, "antony-blinken")
    assert mine, ps
    assert all(p.polarity == "negated" for p in mine), [(p.stance, p.polarity) for p in mine]
    for p in mine:
        assert not p.stance.startswith(("Considers", "Backs sending", "Calls for troops"))


def test_affirmed_statement_stays_affirmed():
    _ctx, ps = _positions("Blinken said the United States will send more weapons to Kyiv.", "en")
    assert _of(ps, "antony-blinken")
    assert all(p.polarity == "affirmed" for p in _of(ps, "antony-blinken"))


@pytest.mark.parametrize(
    ("lang", "text", "modality"),
    [
        (
            "en",
            "Blinken warned that Washington would respond firmly if Russia invades Ukraine.",
            "conditional",
        ),
        (
            "fr",
            "Lavrov a déclaré que Moscou réagirait si l'Otan installe des missiles en Europe.",
            "conditional",
        ),
        ("de", "Lavrov fragte, ob die Nato überhaupt an Gesprächen interessiert sei?", "question"),
        (
            "en",
            "Blinken said Washington plans to reopen its embassy in Kyiv next month.",
            "intended",
        ),
    ],
)
def test_modality(lang, text, modality):
    _ctx, ps = _positions(text, lang)
    assert ps and all(p.modality == modality for p in ps), [(p.actor, p.modality) for p in ps]


def test_subject_before_a_comma_is_the_speaker_not_an_actor_after_the_verb():
    text = (
        "Le secrétaire d'État américain Antony Blinken, a déclaré lors d'une réunion du "
        "Conseil Russie-OTAN, que les exercices militaires russes inquiètent les alliés."
    )
    _ctx, ps = _positions(text, "fr")
    assert {p.actor for p in ps} == {"antony-blinken"}
    (q,) = ps[0].quotes
    assert q.text == "les exercices militaires russes inquiètent les alliés"


def test_the_name_after_an_office_in_apposition_speaks_arabic():
    text = "قالت نائبة وزير الخارجية الأمريكي، ويندي شيرمان، إن المحادثات مع الصين كانت مفيدة."
    _ctx, ps = _positions(text, "ar")
    assert {p.actor for p in ps} == {"wendy-sherman"}


def test_unnamed_official_speaks_for_the_institution():
    text = (
        "The sanctions would hit Russia's largest banks, a senior US official told "
        "reporters on Friday."
    )
    _ctx, ps = _positions(text, "en")
    assert ps and {p.actor for p in ps} == {"united-states"}
    assert all(p.speaker_unnamed for p in ps)


def test_plural_pronoun_continues_the_state_that_spoke():
    text = (
        "Les États-Unis dénoncent les manœuvres russes près de la frontière. "
        "Ils ont appelé Moscou à retirer ses forces."
    )
    _ctx, ps = _positions(text, "fr")
    assert {p.actor for p in ps} == {"united-states"}
    assert len({c.start for p in ps for c in p.citations}) == 2


def test_definite_office_names_the_person_who_just_spoke():
    text = (
        'El viceministro ruso Serguéi Lavrov afirmó que la reunión fue útil. "Hemos '
        'presentado nuestras ideas por escrito", dijo el diplomático ruso.'
    )
    _ctx, ps = _positions(text, "es")
    quoted = [p for p in ps if any(q.text.startswith("Hemos") for q in p.quotes)]
    assert {p.actor for p in quoted} == {"sergei-lavrov"}


def test_person_saying_we_speaks_for_the_body_of_the_office_too():
    text = 'NATO Secretary General Jens Stoltenberg said: "We will continue to support Ukraine."'
    _ctx, ps = _positions(text, "en")
    assert {"jens-stoltenberg", "nato"} <= {p.actor for p in ps}


def _actors(ctx) -> dict[str, Actor]:
    return dict(ctx.actors)


def test_conflicting_characterisations_are_a_disagreement_with_the_bodies():
    text = (
        "Blinken nannte die Gespräche in Genf konstruktiv und offen. "
        "Lavrov sagte dagegen, sie seien schwierig gewesen."
    )
    ctx, ps = _positions(text, "de")
    out = find_disagreements(merge_positions(ps), [], _actors(ctx), (), DAY)
    chars = [d for d in out if d.topic.startswith("Characterisation")]
    assert chars, out
    sides = [set(s.actors) for s in chars[0].sides]
    assert "antony-blinken" in sides[0] and "sergei-lavrov" in sides[1]
    # Each side cites its own sentence.
    assert chars[0].sides[0].citations[0].sentence.startswith("Blinken")
    assert chars[0].sides[1].citations[0].sentence.startswith("Lavrov")


def test_same_view_from_several_sources_is_one_position_with_every_citation():
    a = make_context(
        "«Die Lage in Europa ist ernster als in den vergangenen Jahrzehnten», sagte Lavrov.",
        "de",
        DAY,
        "a1",
    )
    b = make_context(
        "«Die Lage in Europa ist ernster als in den vergangenen Jahrzehnten», sagte Lavrov "
        "in Moskau.",
        "de",
        DAY,
        "a2",
    )
    merged = merge_positions([*extract_positions(a), *extract_positions(b)])
    (p,) = [p for p in merged if p.actor == "sergei-lavrov"]
    assert {c.source for c in p.citations} == {"a1", "a2"}
    assert {q.source for q in p.quotes} == {"a1", "a2"}


def test_json_carries_quotes_polarity_modality_and_unnamed():
    text = "Blinken said the United States has no plans to send troops to Ukraine."
    _ctx, ps = _positions(text, "en")
    d = position_dict(ps[0])
    assert d["polarity"] == "negated" and d["modality"] in {"asserted", "intended"}
    assert d["speaker_unnamed"] is False and d["stance_kind"]
    (q,) = d["quotes"]
    assert set(q) == {"source", "start", "end", "text", "language"}
    assert text[q["start"] : q["end"]] == q["text"]


def test_a_corrected_negation_rejects_nothing():
    text = (
        "Blinken betonte, bei dem Treffen sei es nicht um Verhandlungen gegangen, sondern "
        "um einen Dialog über Rüstungskontrolle."
    )
    _ctx, ps = _positions(text, "de")
    assert ps and not any(p.stance_kind == "rejects" for p in ps), [p.stance for p in ps]
