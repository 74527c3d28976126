"""Open disagreements from merged positions, calendar conflicts and reported figures."""

from __future__ import annotations

import pytest

from briefing.extract.disagreements import find_disagreements
from briefing.extract.positions.figures import extract_figures
from briefing.models import Citation, Event, Figure, Position
from tests.extract.analysis_support import context_with_actors
from tests.extract.positions.test_extract import ACTORS


def cite(source: str, text: str) -> Citation:
    return Citation(source, 0, len(text), text)


def pos(actor: str, topic: str, claim: str, kind: str, n: int = 1) -> Position:
    return Position(
        actor=actor,
        topic=topic,
        stance=f"{kind} {claim}",
        citations=[cite(f"s{actor}{i}", f"{actor} {kind} {claim} {i}") for i in range(n)],
        stance_kind=kind,
        topic_key=topic,
        claim_key=claim,
    )


def test_demand_against_rejection():
    found = find_disagreements(
        [
            pos("russia", "nato_enlargement", "halt_enlargement", "demands"),
            pos("united-states", "nato_enlargement", "halt_enlargement", "rejects"),
            pos("nato", "nato_enlargement", "open_door", "supports"),
        ],
        [],
        {},
    )
    assert len(found) == 1
    d = found[0]
    assert d.kind == "positions" and d.topic == "NATO enlargement and the open door"
    sides = sorted(sorted(s.actors) for s in d.sides)
    assert sides == [["nato", "united-states"], ["russia"]]
    assert all(s.citations and s.position for s in d.sides)


def test_assessment_against_denial_and_threat_against_counter_warning():
    found = find_disagreements(
        [
            pos("united-states", "invasion_likelihood", "invasion_ready", "assesses"),
            pos("ukraine", "invasion_likelihood", "invasion_ready", "denies"),
            pos("united-states", "sanctions_costs", "costs_if_aggression", "warns"),
            pos("dmitry-peskov", "sanctions_costs", "sanctions_backfire", "warns"),
        ],
        [],
        {},
    )
    assert {d.topic for d in found} == {
        "Troop build-up and invasion likelihood",
        "Sanctions and costs",
    }


def test_agreement_is_not_a_disagreement():
    found = find_disagreements(
        [
            pos("united-states", "dialogue", "talks", "supports"),
            pos("russia", "dialogue", "talks", "supports"),
            pos("nato", "dialogue", "talks", "offers"),
        ],
        [],
        {},
    )
    assert found == []


def test_an_actor_on_both_sides_stays_where_it_is_cited_most():
    found = find_disagreements(
        [
            pos("russia", "nato_enlargement", "halt_enlargement", "demands", n=3),
            pos("russia", "nato_enlargement", "open_door", "supports", n=1),
            pos("nato", "nato_enlargement", "open_door", "supports", n=2),
        ],
        [],
        {},
    )
    sides = [set(s.actors) for s in found[0].sides]
    assert {"russia"} in sides and {"nato"} in sides


def test_conflicting_dates_become_sides_citing_what_each_source_says():
    a = cite("a", "The NATO-Russia Council meets on 12 January.")
    b = cite("b", "Rada NATO-Rosja zbierze się 13 stycznia.")
    event = Event(
        date="2022-01-12",
        label="NATO-Russia Council meeting",
        status="upcoming",
        citations=[a, b],
        conflicting_dates=["2022-01-13"],
    )
    found = find_disagreements([], [event], {})
    assert len(found) == 1 and found[0].kind == "conflicting-reports"
    by_date = {s.position: s.citations for s in found[0].sides}
    assert by_date == {"Dated 2022-01-12": [a], "Dated 2022-01-13": [b]}


def test_conflicting_troop_figures_across_sources():
    pl = context_with_actors(
        "Blisko 100 tys. rosyjskich żołnierzy stacjonuje w pobliżu granicy Ukrainy.",
        "pl",
        ACTORS,
        art_id="pl1",
    )
    en = context_with_actors(
        "Russia deployed hundreds of thousands of troops along the border with Ukraine.",
        "en",
        ACTORS,
        art_id="en1",
    )
    de = context_with_actors(
        "Nach Angaben Kiews stehen etwa 100.000 russische Soldaten an der Grenze.",
        "de",
        ACTORS,
        art_id="de1",
    )
    figures = [*extract_figures(pl), *extract_figures(en), *extract_figures(de)]
    assert [(f.low, f.high) for f in figures] == [
        pytest.approx((90000.0, 110000.0)),
        (200000.0, 900000.0),
        pytest.approx((90000.0, 110000.0)),
    ]
    found = find_disagreements([], [], {}, figures)
    assert len(found) == 1 and found[0].kind == "conflicting-reports"
    statements = sorted(s.position for s in found[0].sides)
    assert statements == [
        "About 100,000 Russian troops near Ukraine's border",
        "Hundreds of thousands of Russian troops near Ukraine's border",
    ]


def test_agreeing_figures_and_other_troops_are_no_conflict():
    figures = [
        Figure(
            "russian_troops_near_ukraine", "x", 90000, 110000, "a", [cite("a", "a")], sources={"a"}
        ),
        Figure(
            "russian_troops_near_ukraine", "x", 120000, 120000, "b", [cite("b", "b")], sources={"b"}
        ),
    ]
    assert find_disagreements([], [], {}, figures) == []
    nato = context_with_actors("And NATO ordered 8,500 soldiers to be ready.", "en", ACTORS)
    assert extract_figures(nato) == []


def test_figures_months_apart_describe_different_moments():
    def fig(low: float, high: float, source: str, published: str) -> Figure:
        return Figure(
            "russian_troops_near_ukraine",
            "Russian troops near Ukraine's border",
            low,
            high,
            f"{low:,.0f}",
            [cite(source, source)],
            sources={source},
            published=published,
        )

    december = fig(90000, 110000, "a", "2021-12-01")
    february = fig(200000, 900000, "b", "2022-02-20")
    assert find_disagreements([], [], {}, [december, february]) == []
    same_month = fig(200000, 900000, "c", "2021-12-20")
    assert len(find_disagreements([], [], {}, [december, february, same_month])) == 1


def _said(source: str, text: str) -> Citation:
    return Citation(source, 0, len(text), text)


def test_opposing_stances_on_one_measure_need_no_topic():
    from briefing.extract.disagreements import measure_disagreements
    from briefing.models import Measure

    call = _said("a1", "Washington called for an arms embargo on the junta.")
    refusal = _said("a2", "Beijing rejected any arms embargo.")
    other = _said("a3", "Moscow said the embargo was under discussion.")
    embargo = Measure("Arms embargo", "trade", [call, refusal, other], proposed_by=["usa"])
    positions = [
        Position("usa", "Other", "Demands", [call], stance_kind="demands"),
        Position("china", "Other", "Rejects", [refusal], stance_kind="rejects"),
        Position("russia", "Other", "States a view", [other], stance_kind="says"),
    ]
    [d] = measure_disagreements(positions, [embargo], {})
    assert d.topic == "Arms embargo"
    assert [s.actors for s in d.sides] == [["usa"], ["china"]]
    assert d.sides[0].citations == [call] and d.sides[1].citations == [refusal]
    # A negated rejection ("did not reject") is no opposition; nor is a measure nobody opposes.
    positions[1].polarity = "negated"
    assert measure_disagreements(positions, [embargo], {}) == []
    positions[1].polarity = "affirmed"
    positions[1].actor = "usa"
    assert measure_disagreements(positions, [embargo], {}) == []


def test_opposing_stances_on_one_object_need_no_topic():
    from briefing.extract.disagreements import find_disagreements as find
    from briefing.models import Actor

    known = {
        k: Actor(k, n, "state")
        for k, n in [
            ("usa", "United States"),
            ("china", "China"),
            ("dprk", "North Korea"),
            ("ukraine", "Ukraine"),
            ("russia", "Russia"),
        ]
    }
    want = _said("a1", "The United States wants more sanctions on North Korea.")
    veto = _said("a2", "China vetoed the US draft on North Korea.")
    other = _said("a3", "Russia backs talks with North Korea.")
    positions = [
        Position(
            "usa",
            "Other",
            "Demands",
            [want],
            stance_kind="demands",
            topic_key="other:1",
            objects=["dprk"],
        ),
        Position(
            "china",
            "Other",
            "Rejects",
            [veto],
            stance_kind="rejects",
            topic_key="other:2",
            objects=["usa", "dprk"],
        ),
        Position(
            "russia",
            "Other",
            "Supports",
            [other],
            stance_kind="supports",
            topic_key="other:3",
            objects=["dprk"],
        ),
    ]
    [d] = find(positions, [], known)
    assert d.topic == "Stances on North Korea" and d.kind == "positions"
    assert [s.actors for s in d.sides] == [["usa"], ["china"]]
    # Each side cites its own sentence.
    assert d.sides[0].citations == [want] and d.sides[1].citations == [veto]
    # A question takes no side; nor do two statements that only name the same country
    # without naming each other's speaker (Russia's talks against China's veto).
    positions[0].modality = "question"
    assert find(positions, [], known) == []
    # A negated rejection ("did not veto") backs what it names: no opposition left.
    positions[0].modality = "asserted"
    positions[1].polarity = "negated"
    assert find(positions, [], known) == []


def test_a_rejected_actor_against_its_own_stated_decision():
    from briefing.extract.disagreements import find_disagreements as find
    from briefing.models import Actor

    known = {
        k: Actor(k, n, "state") for k, n in [("russia", "Russia"), ("eu", "European Commission")]
    }
    halt = Citation("cz", 0, 40, "Russia halts its part in the grain deals.")
    condemn = Citation("cz", 41, 90, "The Commission condemned Russia's decision.")
    positions = [
        Position("russia", "Other", "Rejects", [halt], stance_kind="rejects", topic_key="other:1"),
        Position(
            "eu",
            "Other",
            "Rejects",
            [condemn],
            stance_kind="rejects",
            topic_key="other:2",
            objects=["russia"],
        ),
    ]
    [d] = find(positions, [], known)
    assert [s.actors for s in d.sides] == [["russia"], ["eu"]]
    assert d.sides[0].citations == [halt] and d.sides[1].citations == [condemn]
    # Another source's decision of Russia is not what this sentence condemns.
    positions[0].citations = [Citation("other", 0, 40, halt.sentence)]
    assert find(positions, [], known) == []


def test_a_measure_side_names_the_state_its_official_speaks_for():
    """Linda Thomas-Greenfield (the knowledge base: US ambassador to the UN) calling for
    sanctions against China rejecting them: the US is on her side."""
    import datetime as dt

    from briefing.extract.disagreements import measure_disagreements
    from briefing.models import Actor, Measure

    known = {
        "linda-thomas-greenfield": Actor(
            "linda-thomas-greenfield", "Linda Thomas-Greenfield", "person"
        ),
        "united-states": Actor("united-states", "United States", "state"),
        "china": Actor("china", "China", "state"),
    }
    call = _said("a1", "Thomas-Greenfield called for new sanctions on North Korea.")
    refusal = _said("a2", "China rejected new sanctions.")
    sanctions = Measure("New sanctions", "sanctions", [call, refusal], target="north-korea")
    positions = [
        Position("linda-thomas-greenfield", "Other", "Demands", [call], stance_kind="demands"),
        Position("china", "Other", "Rejects", [refusal], stance_kind="rejects"),
    ]
    [d] = measure_disagreements(positions, [sanctions], known, dt.date(2023, 2, 21))
    assert d.sides[0].actors == ["linda-thomas-greenfield", "united-states"]
    assert d.sides[1].actors == ["china"]


def _rejection(actor: str, sentence: str, quote: str, objects: list[str]) -> Position:
    from briefing.models import Quote

    start = sentence.index(quote)
    return Position(
        actor,
        "Other",
        "Rejects",
        [Citation("hu1", 0, len(sentence), sentence)],
        stance_kind="rejects",
        topic_key="other:1",
        quotes=[Quote("hu1", start, start + len(quote), quote, "en")],
        objects=objects,
    )


def test_a_rejection_is_aimed_at_the_actor_whose_decision_it_names():
    # meduza.io, 15 December 2023: the European Union's decision is what is vetoed; Ukraine,
    # named later as its beneficiary, is not on the side Hungary rejects.
    from briefing.models import Actor

    known = {
        k: Actor(k, n, "state", surface_forms=forms)
        for k, n, forms in [
            ("viktor-orban", "Viktor Orbán", ["Orbán"]),
            ("european-union", "European Union", ["E.U."]),
            ("ukraine", "Ukraine", ["Ukraine"]),
        ]
    }
    known["viktor-orban"].type = "person"
    sentence = (
        "Hungarian Prime Minister Viktor Orbán said he has vetoed the E.U.’s decision to "
        "provide Ukraine with 50 billion euros (about $55 billion) of financial aid."
    )
    quote = sentence[sentence.index("the E.U.") : -1]
    veto = _rejection("viktor-orban", sentence, quote, ["european-union", "ukraine"])
    [d] = find_disagreements([veto], [], known)
    assert [s.actors for s in d.sides] == [["european-union"], ["viktor-orban"]]
    assert d.sides[0].citations == d.sides[1].citations == veto.citations
    assert d.topic == "Viktor Orbán against European Union"


def test_an_actor_a_preposition_governs_is_not_what_is_rejected():
    # meduza.io, 15 December 2023: talks with Ukraine are opposed, not Ukraine's own stance.
    from briefing.models import Actor

    known = {
        "viktor-orban": Actor("viktor-orban", "Viktor Orbán", "person"),
        "ukraine": Actor("ukraine", "Ukraine", "state", surface_forms=["Ukraine"]),
    }
    # The European Council is no actor of this brief.
    sentence = (
        "Orbán has repeatedly opposed the European Council’s decision to start accession "
        "talks with Ukraine."
    )
    quote = sentence[sentence.index("the European") : -1]
    assert (
        find_disagreements([_rejection("viktor-orban", sentence, quote, ["ukraine"])], [], known)
        == []
    )


def test_a_demand_is_aimed_at_the_actor_it_names_first_and_needs_its_stance():
    # thevoice.news, March 2025: the demand is made of Ukraine; Russia, the other party
    # of the talks it asks for, is not what it is aimed at.
    from briefing.extract.disagreements import _named_first
    from briefing.models import Actor, Quote

    known = {
        k: Actor(k, n, "state", surface_forms=[n])
        for k, n in [("viktor-orban", "Orban"), ("ukraine", "Ukraine"), ("russia", "Russia")]
    }
    sentence = (
        "Orban, known for his pro-Russian stance, has previously blocked military aid to "
        "Ukraine and has consistently called for Ukraine to cease fighting and start peace "
        "talks with Russia."
    )
    quote = sentence[sentence.index("Ukraine to cease") : -1]
    assert _named_first(quote, ["ukraine", "russia"], known, "en", "viktor-orban") == ["ukraine"]
    start = sentence.index(quote)
    demand = Position(
        "viktor-orban",
        "Other",
        "Demands",
        [Citation("v1", 0, len(sentence), sentence)],
        stance_kind="demands",
        topic_key="other:1",
        quotes=[Quote("v1", start, start + len(quote), quote, "en")],
        objects=["ukraine", "russia"],
    )
    # Ukraine states nothing in this source: a demand alone is no disagreement.
    assert find_disagreements([demand], [], known) == []
