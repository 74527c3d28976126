"""Disagreements on a question no taxonomy topic names: two parties' statements in one
source, in different sentences, naming the same thing, on opposite sides."""

from __future__ import annotations

from briefing.extract.disagreements import find_disagreements, question_disagreements
from briefing.models import Actor, Citation, Position, Quote

TEXT = (
    "Rusko zastavilo svou účast na černomořských obilných dohodách. "
    "Turecko chce dál jednat o dohodách, které loni pomáhalo domluvit. "
    "Rusko a Turecko jednaly v Istanbulu."
)
KNOWN = {
    "russia": Actor("russia", "Russia", "state", surface_forms=["Rusko"]),
    "turkey": Actor("turkey", "Turkey", "state", surface_forms=["Turecko"]),
}


def _sentence(i: int) -> Citation:
    parts = TEXT.split(". ")
    start = sum(len(p) + 2 for p in parts[:i])
    end = start + len(parts[i]) + (0 if parts[i].endswith(".") else 1)
    return Citation("s1", start, end, TEXT[start:end])


def _position(actor: str, i: int, content: str, kind: str, polarity: str = "affirmed"):
    cite = _sentence(i)
    start = TEXT.index(content, cite.start)
    quote = Quote("s1", start, start + len(content), content, "cs")
    return Position(
        actor=actor,
        topic="Other",
        stance="-",
        citations=[cite],
        stance_kind=kind,
        topic_key="other",
        quotes=[quote],
        polarity=polarity,
    )


def test_opposite_stances_on_one_named_thing_disagree_each_citing_its_sentence():
    rus = _position("russia", 0, "svou účast na černomořských obilných dohodách", "rejects")
    tur = _position("turkey", 1, "dál jednat o dohodách", "demands")
    [d] = question_disagreements([rus, tur], KNOWN)
    by_actor = {s.actors[0]: s for s in d.sides}
    assert by_actor["turkey"].citations == tur.citations
    assert by_actor["russia"].citations == rus.citations
    assert any(x.topic == d.topic for x in find_disagreements([rus, tur], [], KNOWN))


def test_no_disagreement_without_a_shared_word_or_on_the_same_sentence():
    rus = _position("russia", 0, "svou účast na černomořských obilných dohodách", "rejects")
    other = _position("turkey", 2, "jednaly v Istanbulu", "demands")
    assert question_disagreements([rus, other], KNOWN) == []
    same = _position("turkey", 0, "obilných dohodách", "supports")
    assert question_disagreements([rus, same], KNOWN) == []


def test_only_actor_names_shared_is_no_question():
    a = _position("russia", 2, "Rusko a Turecko jednaly", "says")
    b = _position("turkey", 0, "Rusko zastavilo svou účast", "says", polarity="negated")
    # "Rusko" is an actor's name, "jednaly" and "zastavilo" share nothing.
    assert question_disagreements([a, b], KNOWN) == []


def test_a_plain_statement_meets_only_its_denial():
    said = _position("russia", 0, "svou účast na černomořských obilných dohodách", "says")
    denied = _position("turkey", 1, "o dohodách", "says", polarity="negated")
    backed = _position("turkey", 1, "o dohodách", "supports")
    assert len(question_disagreements([said, denied], KNOWN)) == 1
    assert question_disagreements([said, backed], KNOWN) == []


def test_a_negatively_worded_judgement_is_no_denial():
    # "did not meet the standards" judges; it denies nothing the other party stated.
    said = _position("russia", 0, "svou účast na černomořských obilných dohodách", "says")
    judged = _position("turkey", 1, "o dohodách", "assesses", polarity="negated")
    assert question_disagreements([said, judged], KNOWN) == []
    denied = _position("turkey", 1, "o dohodách", "says", polarity="negated")
    assert len(question_disagreements([said, denied], KNOWN)) == 1
