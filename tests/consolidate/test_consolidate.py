import datetime as dt

from briefing.consolidate import consolidate
from briefing.models import (
    Actor,
    Article,
    ArticleFindings,
    Citation,
    Event,
    Measure,
    Position,
)


def _findings(art_id: str, person_id: str, name: str) -> ArticleFindings:
    text = f"{name} said the talks would go on."
    cite = Citation(art_id, 0, len(text), text)
    art = Article(id=art_id, text=text, language="en", published=dt.date(2022, 1, 20))
    person = Actor(person_id, name, "person", "Minister", 1, [name], [cite])
    return ArticleFindings(
        article=art,
        actors={person_id: person},
        events=[Event("2022-01-25", "Talks", "upcoming", [cite], participants=[person_id])],
        positions=[
            Position(person_id, "Dialogue and diplomacy", "Backs talks", [cite], "supports")
        ],
        measures=[Measure("Diplomatic measures", "diplomatic", [cite], [person_id])],
    )


def test_discovered_spellings_merge_and_every_section_follows():
    a = _findings("a1", "ivan-petrovskiy", "Ivan Petrovskiy")
    b = _findings("b1", "ivan-petrovsky", "Ivan Petrovsky")
    brief = consolidate([a, b], dt.date(2022, 1, 21), "t")
    ids = {x.id for x in brief.actors}
    assert len(ids) == 1
    [only] = ids
    assert brief.actors[0].mentions == 2
    assert all(e.participants == [only] for e in brief.calendar)
    assert {p.actor for p in brief.positions} == {only}
    assert len(brief.positions) == 1 and len(brief.positions[0].citations) == 2
    assert all(m.proposed_by == [only] for m in brief.sanctions_options)
