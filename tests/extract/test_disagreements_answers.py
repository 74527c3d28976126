"""Disagreements between an act and its answer: an accusation and the accused's denial, a
measure and its target's answer, a warning aimed at a measure's proposer; organs speaking
for their state; sides of a topic from different crises kept apart."""

from __future__ import annotations

from briefing.extract.disagreements import (
    accusation_disagreements,
    body_of,
    find_disagreements,
    measure_disagreements,
    position_disagreements,
    target_disagreements,
)
from briefing.models import Actor, Citation, Measure, Position, Quote

KNOWN = {
    k: Actor(k, n, t, surface_forms=[n], sources={"a1"})
    for k, n, t in [
        ("russia", "Russia", "state"),
        ("ukraine", "Ukraine", "state"),
        ("united-states", "United States", "state"),
        ("european-union", "European Union", "organisation"),
        ("russia-foreign-ministry", "Russian Foreign Ministry", "organisation"),
    ]
}


def _cite(source: str, text: str, at: int = 0) -> Citation:
    return Citation(source, at, at + len(text), text)


def _position(
    actor: str, kind: str, cite: Citation, stance: str, quote: str = "", objects=()
) -> Position:
    q = quote or cite.sentence
    start = cite.start + cite.sentence.index(q)
    return Position(
        actor,
        "Other",
        stance,
        [cite],
        stance_kind=kind,
        topic_key="other:1",
        quotes=[Quote(cite.source, start, start + len(q), q, "en")],
        objects=list(objects),
    )


ACCUSE = "Ukraine accused Russia of shelling the plant."
DENY = "Moscow denied it."


def test_an_accusation_against_the_accused_denial_in_the_same_source():
    accuse = _position(
        "ukraine", "assesses", _cite("a1", ACCUSE), "Accused (on Russia)", "Russia of shelling"
    )
    deny = _position("russia", "denies", _cite("a1", DENY, 50), "Denies")
    [d] = accusation_disagreements([accuse, deny], KNOWN)
    assert [s.actors for s in d.sides] == [["ukraine"], ["russia"]]
    assert d.sides[0].citations == accuse.citations and d.sides[1].citations == deny.citations
    assert d.topic == "Ukraine's accusation against Russia"
    # A denial in another source may deny something else.
    deny.citations = [_cite("a2", DENY)]
    assert accusation_disagreements([accuse, deny], KNOWN) == []


def test_in_the_accusation_sentence_only_a_verb_of_denial_answers():
    sentence = "Ukraine accused Russia of rejecting the talks."
    cite = _cite("a1", sentence)
    accuse = _position("ukraine", "assesses", cite, "Accused (on Russia)", "Russia of rejecting")
    # What the accused is accused of doing is not its answer.
    rejects = _position("russia", "rejects", cite, "Rejects", "rejecting the talks")
    assert accusation_disagreements([accuse, rejects], KNOWN) == []
    denies = _position("russia", "denies", cite, "Denies", "rejecting the talks")
    assert len(accusation_disagreements([accuse, denies], KNOWN)) == 1


def test_a_deed_is_not_an_answer_to_an_accusation():
    accuse = _position(
        "ukraine", "assesses", _cite("a1", ACCUSE), "Accused (on Russia)", "Russia of shelling"
    )
    deed = _position(
        "russia", "rejects", _cite("a1", "Russia suspended the deal.", 50), "Suspended"
    )
    assert accusation_disagreements([accuse, deed], KNOWN) == []


def test_a_measure_against_its_target_answer_aimed_at_the_proposer():
    imposed = _cite("a1", "The United States imposed sanctions on Russia.")
    answer_text = "Russia warned the United States of a response."
    answer = _position(
        "russia",
        "warns",
        _cite("a1", answer_text, 60),
        "Warns",
        "the United States of a response",
        objects=["united-states"],
    )
    measure = Measure(
        "Sanctions", "other", [imposed], proposed_by=["united-states"], target="russia"
    )
    [d] = target_disagreements([answer], [measure], KNOWN)
    assert [s.actors for s in d.sides] == [["united-states"], ["russia"]]
    assert d.sides[0].citations == [imposed] and d.sides[1].citations == answer.citations
    # An answer aimed at someone else is no answer to this measure.
    answer.objects = ["ukraine"]
    answer.quotes = [Quote("a1", 60, 60 + len(answer_text), "Russia warned Ukraine.", "en")]
    assert target_disagreements([answer], [measure], KNOWN) == []


def test_a_warning_aimed_at_the_proposer_stands_against_the_measure():
    text = "Russia warned the European Union against new sanctions."
    cite = _cite("a1", text)
    warn = _position(
        "russia",
        "warns",
        cite,
        "Warns",
        "the European Union against new sanctions",
        objects=["european-union"],
    )
    proposal = _cite("a1", "The European Union proposed new sanctions.", 60)
    measure = Measure("New sanctions", "other", [proposal, cite], proposed_by=["european-union"])
    [d] = measure_disagreements([warn], [measure], KNOWN)
    assert [s.actors for s in d.sides] == [["european-union"], ["russia"]]
    assert d.sides[0].citations == [proposal] and d.sides[1].citations == [cite]
    # A warning aimed at nobody takes no side.
    warn.objects = []
    warn.quotes = [Quote("a1", 0, len(text), "new sanctions would follow", "en")]
    assert measure_disagreements([warn], [measure], KNOWN) == []


def test_a_state_organ_speaks_for_its_state():
    assert body_of("russia-foreign-ministry", KNOWN, None) == "russia"
    assert body_of("russia", KNOWN, None) is None
    # An organ of a state the brief does not name speaks for nobody it names.
    known = {
        "iran-foreign-ministry": Actor(
            "iran-foreign-ministry", "Iranian Foreign Ministry", "organisation"
        )
    }
    assert body_of("iran-foreign-ministry", known, None) is None


def test_sides_of_one_topic_from_sources_that_never_name_each_other_are_apart():
    """A call for a ceasefire in one crisis does not answer a refusal in another."""
    known = {
        "ukraine": Actor("ukraine", "Ukraine", "state", sources={"a1"}),
        "russia": Actor("russia", "Russia", "state", sources={"a1"}),
        "sudan": Actor("sudan", "Sudan", "state", sources={"b1"}),
    }

    def p(actor: str, kind: str, source: str) -> Position:
        return Position(
            actor,
            "NATO enlargement",
            kind,
            [_cite(source, f"{actor} {kind}")],
            stance_kind=kind,
            topic_key="nato_enlargement",
            claim_key="halt_enlargement",
        )

    far = [p("sudan", "demands", "b1"), p("ukraine", "rejects", "a1")]
    assert position_disagreements(far, known) == []
    near = [p("russia", "demands", "a1"), p("ukraine", "rejects", "a1")]
    assert len(position_disagreements(near, known)) == 1
    # Without actors to look sources up in, every side faces every other (as before).
    assert len(position_disagreements(far)) == 1
    assert find_disagreements(far, [], known) == []
