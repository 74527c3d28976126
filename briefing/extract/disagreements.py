"""Open disagreements, found after merging.

* Positions: on one topic, actors on opposite sides of its proposition. Each claim of the
  taxonomy has a polarity (``halt_enlargement`` +1, ``open_door`` -1) and each stance
  kind a sign (demands +1, rejects -1), so a demand against a rejection, an assessment
  against a denial and a threat against a counter-warning all land on opposite sides.
* Characterisations: two speakers of different sides (their states or organisations)
  characterising one thing in the same or the next sentence of a source, one only
  favourably ("open and candid"), the other unfavourably ("difficult"); the words are each
  language pack's ``evaluations``.
* A side lists its speakers and, for a person speaking in office, the state or
  organisation of that office (knowledge base) when the brief names it: Wendy Sherman
  speaks for the United States.
* Shared questions: two parties' statements in one source, in different sentences,
  naming the same thing (a content word of both quotes that names no actor: the same
  agreement, measure or event), one backing and the other rejecting it, or one stating
  and the other denying it. Each side cites its own sentence.
* Answers, in one source: an accusation against the accused's denial; a measure against
  its target's rejection, warning or threat aimed at the measure's proposer.
* Sides of one topic, and backers of an untargeted measure, come from sources that name
  the other side: a batch may hold several crises.
* Conflicting reports: the calendar merge keeps one date per event and lists the dates
  other sources give in ``conflicting_dates``; each date becomes a side citing the
  sentences that state it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from functools import cache, lru_cache

from briefing.extract.positions import stance_sign
from briefing.extract.positions.acts import ACTS
from briefing.extract.positions.figures import conflicting_figures
from briefing.extract.topics import Claim, topics
from briefing.kb import knowledge_base
from briefing.models import Actor, Citation, Disagreement, Event, Figure, Measure, Position, Side
from briefing.nlp.normalize import digits_to_ascii

_MAX_CITATIONS = 8  # per side: enough to check, few enough to read


def union_citations(*groups: Iterable[Citation]) -> list[Citation]:
    """Every citation once, first seen first (``briefing.consolidate`` imports this module,
    so its helper cannot be imported here)."""
    return list(dict.fromkeys(c for group in groups for c in group))


def _claim(p: Position) -> Claim | None:
    topic = topics().get(p.topic_key or "")
    if topic is None:
        return None
    return next((c for c in topic.claims if c.key == p.claim_key), None)


def _side_of(p: Position) -> int:
    claim = _claim(p)
    if claim is None:
        return 0
    return claim.polarity * stance_sign(p.stance_kind)


@cache
def _organ_suffixes() -> tuple[str, ...]:
    """The id endings of a state's organs ("iran-foreign-ministry"), as actor discovery
    makes them (imported on first use: rendering a brief loads no extractor)."""
    from briefing.extract.actors.groups import organ_suffixes

    return organ_suffixes()


def body_of(actor: str, known: dict[str, Actor], day: dt.date | None) -> str | None:
    """The state or organisation an actor speaks for: the body of the office a person
    holds on ``day`` (knowledge base), or the state of a state's organ (its government,
    foreign ministry, armed forces), if the brief names that body."""
    if known.get(actor) is None:
        return None
    if known[actor].type != "person":
        for suffix in _organ_suffixes():
            if actor.endswith(suffix) and actor[: -len(suffix)] in known:
                return actor[: -len(suffix)]
        return None
    kb_actor = knowledge_base().actors.get(actor)
    office = kb_actor.office_on(day) if kb_actor is not None else None
    if office is None or office.of not in known:
        return None
    return office.of


def _with_bodies(actors: list[str], known: dict[str, Actor], day: dt.date | None) -> list[str]:
    out = list(actors)
    for a in actors:
        body = body_of(a, known, day)
        if body is not None and body not in out:
            out.append(body)
    return out


def _add_bodies(a: Side, b: Side, known: dict[str, Actor], day: dt.date | None) -> None:
    """Each side also names the bodies its speakers hold office in (the US for its UN
    ambassador), unless the other side names them or would gain them too."""
    a_more = [x for x in _with_bodies(a.actors, known, day) if x not in b.actors]
    b_more = [x for x in _with_bodies(b.actors, known, day) if x not in a.actors]
    a.actors = list(dict.fromkeys([*a.actors, *(x for x in a_more if x not in b_more)]))
    b.actors = list(dict.fromkeys([*b.actors, *(x for x in b_more if x not in a_more)]))


def _side(positions: list[Position], exclude: set[str]) -> Side | None:
    weight: dict[str, int] = defaultdict(int)
    for p in positions:
        if p.actor not in exclude:
            weight[p.actor] += len(p.citations)
    if not weight:
        return None
    actors = sorted(weight, key=lambda a: -weight[a])
    kept = [p for p in positions if p.actor in weight]
    lead = max(kept, key=lambda p: len(p.citations))
    cites = union_citations(*(p.citations for p in sorted(kept, key=lambda p: -len(p.citations))))
    return Side(actors=actors, position=lead.stance, citations=cites[:_MAX_CITATIONS])


def _opposite_sides(plus: list[Position], minus: list[Position]) -> tuple[Side | None, Side | None]:
    """The two sides of one question; an actor reported on both stays where it is cited
    most (on the + side when cited equally)."""
    cited_plus = {p.actor: len(p.citations) for p in plus}
    cited_minus = {p.actor: len(p.citations) for p in minus}
    both = cited_plus.keys() & cited_minus.keys()
    drop_plus = {a for a in both if cited_minus[a] > cited_plus[a]}
    return _side(plus, drop_plus), _side(minus, both - drop_plus)


def _facing(sides: dict[int, list[Position]], known: dict[str, Actor]) -> dict[int, list[Position]]:
    """The positions of each side that face one of the other side: a source of one names
    the other's speaker. A batch may hold several crises, each with its calls for a
    ceasefire and its refusals: a call in one crisis does not answer a refusal in another."""

    def sources(p: Position) -> set[str]:
        return {c.source for c in p.citations}

    def named_in(p: Position) -> set[str]:
        actor = known.get(p.actor)
        return (actor.sources if actor is not None else set()) | sources(p)

    out: dict[int, list[Position]] = {}
    for sign in (1, -1):
        # One union per side: linear in positions, however many a big batch holds.
        facing = set().union(*(named_in(q) for q in sides.get(-sign, [])))
        kept = [p for p in sides.get(sign, []) if sources(p) & facing]
        if kept:
            out[sign] = kept
    return out


def position_disagreements(
    positions: Iterable[Position],
    known: dict[str, Actor] | None = None,
    day: dt.date | None = None,
) -> list[Disagreement]:
    by_topic: dict[str, dict[int, list[Position]]] = defaultdict(lambda: defaultdict(list))
    for p in positions:
        side = _side_of(p)
        if side:
            by_topic[p.topic_key or p.topic][side].append(p)
    out: list[Disagreement] = []
    for key, sides in by_topic.items():
        if len(sides) < 2:
            continue
        if known:
            sides = _facing(sides, known)
            if len(sides) < 2:
                continue
        a, b = _opposite_sides(sides[1], sides[-1])
        if a is None or b is None:
            continue
        if known:
            _add_bodies(a, b, known, day)
        topic = topics().get(key)
        label = topic.label if topic else sides[1][0].topic
        out.append(Disagreement(topic=label, sides=[a, b], kind="positions"))
    out.sort(key=lambda d: -sum(len(s.citations) for s in d.sides))
    return out


def _states_day(c: Citation, date: str) -> bool:
    if len(date) != 10:
        return False
    day = str(int(date[8:]))
    return re.search(rf"(?<!\d){day}(?!\d)", digits_to_ascii(c.sentence)) is not None


def date_disagreements(events: Iterable[Event]) -> list[Disagreement]:
    out: list[Disagreement] = []
    for e in events:
        if not e.conflicting_dates:
            continue
        sides: list[Side] = []
        claimed: set[tuple[str, int, int]] = set()
        for date in e.conflicting_dates:
            cites = [c for c in e.citations if _states_day(c, date) and not _states_day(c, e.date)]
            if cites:
                claimed.update((c.source, c.start, c.end) for c in cites)
                sides.append(Side(actors=[], position=f"Dated {date}", citations=cites))
        main = [c for c in e.citations if (c.source, c.start, c.end) not in claimed]
        if sides and main:
            sides.insert(0, Side(actors=[], position=f"Dated {e.date}", citations=main))
            out.append(
                Disagreement(topic=f"Date of {e.label}", sides=sides, kind="conflicting-reports")
            )
    return out


def figure_disagreements(figures: Sequence[Figure]) -> list[Disagreement]:
    out: list[Disagreement] = []
    for label, groups in conflicting_figures(figures):
        sides = [
            Side(
                actors=list(dict.fromkeys(f.actor for f in group if f.actor)),
                position=group[0].statement,
                citations=union_citations(*(f.citations for f in group))[:_MAX_CITATIONS],
            )
            for group in groups
        ]
        out.append(Disagreement(topic=label, sides=sides, kind="conflicting-reports"))
    return out


def _near(a: Citation, b: Citation) -> bool:
    """The same sentence of a source, or the next one."""
    if a.source != b.source:
        return False
    first, second = (a, b) if a.start <= b.start else (b, a)
    return first == second or 0 <= second.start - first.end <= 2


_FAVOURABLE = "Characterises it favourably"
_UNFAVOURABLE = "Characterises it unfavourably or with reservations"


def characterisation_disagreements(
    positions: Sequence[Position], known: dict[str, Actor], day: dt.date | None = None
) -> list[Disagreement]:
    """Two parties characterising one thing in the same or the next sentence, one only
    favourably, the other unfavourably ("open and candid" against "difficult")."""
    rated = [p for p in positions if p.evaluation != (0, 0)]
    out: list[Disagreement] = []
    seen: set[tuple[str, str]] = set()
    for p in rated:
        if p.evaluation[1]:
            continue  # p: only favourable
        for q in rated:
            if not q.evaluation[1] or q.actor == p.actor:
                continue
            ours = set(_with_bodies([p.actor], known, day))
            theirs = set(_with_bodies([q.actor], known, day))
            if ours & theirs or (p.actor, q.actor) in seen:
                continue
            pc = [c for c in p.citations if any(_near(c, d) for d in q.citations)]
            qc = [d for d in q.citations if any(_near(c, d) for c in p.citations)]
            if not pc or not qc:
                continue
            seen.add((p.actor, q.actor))
            topic = next(
                (x.topic for x in (p, q) if not (x.topic_key or "").startswith("other")),
                None,
            )
            out.append(
                Disagreement(
                    topic=f"Characterisation ({topic})" if topic else "Characterisation",
                    sides=[
                        Side(
                            actors=sorted(ours, key=lambda a: a != p.actor),
                            position=_FAVOURABLE,
                            citations=pc,
                        ),
                        Side(
                            actors=sorted(theirs, key=lambda a: a != q.actor),
                            position=_UNFAVOURABLE,
                            citations=qc,
                        ),
                    ],
                    kind="positions",
                )
            )
    return out


def _for_or_against(p: Position) -> int:
    """+1 when ``p`` backs what its sentence is about (demands, supports, offers,
    threatens it), -1 when it rejects or denies it, 0 when it only states or assesses; a
    negated statement ("does not support") counts the other way."""
    # The stance signs of the taxonomy (stances.yaml), less the kinds that only judge or
    # warn about what they name, which take no side on it.
    sign = 0 if p.stance_kind in _NO_SIDE_ON_OBJECT else stance_sign(p.stance_kind)
    return -sign if p.polarity == "negated" else sign


_NO_SIDE_ON_OBJECT = frozenset({"assesses", "warns"})


def measure_disagreements(
    positions: Sequence[Position],
    measures: Sequence[Measure],
    known: dict[str, Actor],
    day: dt.date | None = None,
) -> list[Disagreement]:
    """Opposing stances on one measure, with no topic of the taxonomy needed: a measure's
    proposers, and speakers who demand or back it in a sentence that states it, against
    speakers who reject or deny it in a sentence that states it ("X calls for an arms
    embargo" / "Y rejects the embargo"). Each side cites its own sentences."""
    by_sentence: dict[tuple[str, int, int], list[Position]] = defaultdict(list)
    for p in positions:
        for c in p.citations:
            by_sentence[(c.source, c.start, c.end)].append(p)
    out: list[Disagreement] = []
    for m in measures:
        sides: dict[int, dict[str, list[Citation]]] = {1: defaultdict(list), -1: defaultdict(list)}
        about: set[str] = set()  # the rejecters and what their rejections name
        for c in m.citations:
            for p in by_sentence.get((c.source, c.start, c.end), ()):
                sign = _for_or_against(p) or _warns_proposer(p, c, m, known)
                if sign:
                    sides[sign][p.actor].append(c)
                if sign < 0:
                    about.update((p.actor, *p.objects))
        if not sides[-1]:
            continue
        if m.target is None and any(a in known for a in about):
            # A measure with no target merges every report of its kind ("strikes") from
            # every crisis of the batch: a backer's source must name who rejects it or
            # what the rejection names ("vetoed new sanctions on Pyongyang").
            against_sources = {c.source for cites in sides[-1].values() for c in cites}
            against_sources |= {src for a in about if a in known for src in known[a].sources}
            for actor in list(sides[1]):
                sides[1][actor] = [c for c in sides[1][actor] if c.source in against_sources]
                if not sides[1][actor]:
                    del sides[1][actor]
        else:
            against_sources = None
        for actor in m.proposed_by:
            if actor in sides[-1]:
                continue
            # A proposer cites the measure's sentences where nobody else speaks.
            own = [
                c
                for c in m.citations
                if all(p.actor == actor for p in by_sentence.get((c.source, c.start, c.end), ()))
                and (against_sources is None or c.source in against_sources)
            ]
            if own:
                sides[1][actor].extend(own)
        if not sides[1]:
            continue
        for_ = set(_with_bodies(list(sides[1]), known, day))
        against = set(_with_bodies(list(sides[-1]), known, day))
        if for_ & against:
            continue  # one party on both sides: a report of a debate, not two parties
        backs = Side(
            actors=sorted(sides[1], key=lambda a: -len(sides[1][a])),
            position="Backs or proposes the measure",
            citations=union_citations(*sides[1].values())[:_MAX_CITATIONS],
        )
        rejects = Side(
            actors=sorted(sides[-1], key=lambda a: -len(sides[-1][a])),
            position="Rejects the measure",
            citations=union_citations(*sides[-1].values())[:_MAX_CITATIONS],
        )
        _add_bodies(backs, rejects, known, day)
        out.append(Disagreement(topic=m.measure, sides=[backs, rejects], kind="positions"))
    return out


def _warns_proposer(p: Position, cite: Citation, m: Measure, known: dict[str, Actor]) -> int:
    """-1 when ``p`` warns the measure's own proposer in the measure's sentence ("Mali and
    Burkina Faso warned ECOWAS against a military intervention"): a warning aimed at who
    would act is a stance against the act; a warning aimed at nobody ("warned that
    sanctions would follow") takes no side."""
    if p.stance_kind != "warns" or p.polarity != "affirmed" or not m.proposed_by:
        return 0
    if p.actor in m.proposed_by:
        return 0
    for q in p.quotes:
        if q.source == cite.source and cite.start <= q.start < cite.end:
            aimed = _named_first(q.text, p.objects, known, q.language, p.actor)
            if any(a in m.proposed_by for a in aimed):
                return -1
    return 0


def _object_sign(p: Position) -> int:
    """The side of ``p`` on what it names: a statement outside the taxonomy reads its
    polarity; a taxonomy stance already holds its negation ("has no plans to": rejects)."""
    if (p.topic_key or "").startswith("other"):
        return _for_or_against(p)
    return {"demands": 1, "supports": 1, "offers": 1, "threatens": 1}.get(
        p.stance_kind or "", -1 if p.stance_kind in ("rejects", "denies") else 0
    )


_FOR_OBJECT = "Backs, demands or offers it"
_AGAINST_OBJECT = "Rejects, condemns or denies it"


def _opposed_pairs(taken: Iterable[Disagreement]) -> set[frozenset[str]]:
    """Every pair of actors already on opposite sides of a disagreement of ``taken``."""
    return {
        frozenset((a, b))
        for d in taken
        for i, side in enumerate(d.sides)
        for o in d.sides[i + 1 :]
        for a in side.actors
        for b in o.actors
    }


def object_disagreements(
    positions: Sequence[Position],
    known: dict[str, Actor],
    day: dt.date | None = None,
    taken: Iterable[Disagreement] = (),
    measures: Sequence[Measure] = (),
) -> list[Disagreement]:
    """Opposing stances on one question that no taxonomy topic names: two speakers of
    different sides whose statements name the same actor as their object (what the
    statement is about, not who makes it), one backing, demanding or offering (+), the
    other rejecting or denying (-), a negated statement counting the other way ("China
    and Russia vetoed the US draft on North Korea" against "the United States wants more
    sanctions on North Korea"). Questions and statements already on opposite sides of a
    disagreement of ``taken`` add nothing; each side cites its own sentences."""
    pairs_taken = _opposed_pairs(taken)
    by_object: dict[str, dict[int, list[Position]]] = defaultdict(lambda: defaultdict(list))
    context: dict[int, set[str]] = {}
    for p in positions:
        if p.modality == "question" or _side_of(p):
            continue  # a question takes no side; a taxonomy claim has its own sides
        sign = _object_sign(p)
        if not sign:
            continue
        own = set(_with_bodies([p.actor], known, day))
        context[id(p)] = own
        for o in p.objects:
            if o not in own and o in known:
                by_object[o][sign].append(p)
    # Two statements share a question when they name the object and one names the other's
    # speaker (or the body it speaks for): "the United States wants sanctions on North
    # Korea" / "China vetoed the US draft on North Korea"; not two statements that only
    # name Ukraine.
    for sides in by_object.values():
        if len(sides) < 2:
            continue
        paired = {
            (id(p), id(q))
            for p in sides[1]
            for q in sides[-1]
            if p.actor != q.actor
            and (context[id(p)] & set(q.objects) or context[id(q)] & set(p.objects))
        }
        keep = {i for pair in paired for i in pair}
        for sign in (1, -1):
            sides[sign] = [p for p in sides[sign] if id(p) in keep]
            if not sides[sign]:
                del sides[sign]
    out: list[Disagreement] = []
    seen: set[frozenset[str]] = set()
    for obj, sides in by_object.items():
        if len(sides) < 2:
            continue
        a, b = _opposite_sides(sides[1], sides[-1])
        if a is None or b is None:
            continue
        ours = set(_with_bodies(a.actors, known, day))
        theirs = set(_with_bodies(b.actors, known, day))
        if ours & theirs:
            continue  # one party on both sides: a report of a debate, not two parties
        key = frozenset((frozenset(ours), frozenset(theirs)))
        new_pairs = {frozenset((x, y)) for x in ours for y in theirs} - pairs_taken
        if key in seen or not new_pairs:
            continue
        seen.add(key)
        pairs_taken |= new_pairs
        a.position, b.position = _FOR_OBJECT, _AGAINST_OBJECT
        a.actors = sorted(
            ours, key=lambda x: (x not in a.actors, a.actors.index(x) if x in a.actors else 0)
        )
        b.actors = sorted(
            theirs, key=lambda x: (x not in b.actors, b.actors.index(x) if x in b.actors else 0)
        )
        out.append(
            Disagreement(topic=f"Stances on {_name(obj, known)}", sides=[a, b], kind="positions")
        )
    out.extend(_rejected_actors(positions, known, day, pairs_taken, measures))
    out.sort(key=lambda d: -sum(len(s.citations) for s in d.sides))
    return out


_ITS_STANCE = "Its stated stance or decision"
_REJECTS_IT = "Rejects, condemns or criticises it"
_WARNS_IT = "Warns it or demands of it"
# Kinds of statement that are against the actor they are aimed at ("warned ECOWAS that
# an intervention would be a declaration of war"), when that actor's own stance is
# stated in the same source.
_AIMED_KINDS = frozenset({"demands"})
_REJECTED = "Its proposal, decision or conduct, which the other side rejects"
_CLITIC_SCRIPTS = frozenset({"ar", "fa", "he"})  # a one-letter particle may join a name


def _mentions(text: str, forms: Iterable[str], lang: str) -> list[tuple[int, int]]:
    """Where ``text`` names one of ``forms`` (a whole word, or after a one-letter clitic
    in Arabic script and Hebrew)."""
    out: list[tuple[int, int]] = []
    for form in forms:
        if len(form) < 2:
            continue
        i = text.find(form)
        while i >= 0:
            j = i + len(form)
            before = text[i - 1] if i else " "
            after = text[j] if j < len(text) else " "
            left_ok = not before.isalpha() or (
                lang in _CLITIC_SCRIPTS and (i < 2 or not text[i - 2].isalpha())
            )
            # Inflected forms ("Kurtis", "Ukrajinu") still name the actor when the
            # form is long enough not to be part of another word.
            if left_ok and (not after.isalpha() or len(form) >= 4):
                out.append((i, j))
            i = text.find(form, i + 1)
    return out


@cache
def _words(lang: str, *keys: str) -> frozenset[str]:
    """Lower-cased entries of some keys of the language's reporting pack."""
    from briefing.extract.attribution import reporting_table

    table = reporting_table()
    return frozenset(str(w).lower() for key in keys for w in (table.get(key) or {}).get(lang) or [])


# Prepositions that mark whose a thing is or who does it ("the proposal of the United
# States", "presented by"), unlike those that mark what it is about or aimed at ("on",
# "with", "against"): an actor after one can be what a rejection is aimed at.
_OF_PREPOSITIONS = frozenset({"of", "de", "di", "van", "von", "do", "da", "del", "du", "des"})
_POSTPOSITIONS = frozenset({"hu", "fi", "et", "tr"})  # the packs' prepositions follow
_GAP_WORD = re.compile(r"\w+")


@cache
def _blocking(lang: str) -> frozenset[str]:
    """The language's prepositions of what a thing is about or aimed at: its
    prepositions without its passive-agent words and the prepositions of whose."""
    return _words(lang, "prepositions") - _words(lang, "agents") - _OF_PREPOSITIONS


def _governed(text: str, start: int, end: int, lang: str) -> bool:
    """Whether a preposition of what a thing is about or aimed at governs the name at
    ``text[start:end]`` ("talks with Ukraine", "at the forum of the Assembly")."""
    blocking = _blocking(lang)
    if lang in _POSTPOSITIONS:
        after = _GAP_WORD.findall(text[end : end + 20].lower())
        return bool(after) and after[0] in blocking
    # "on the forum of the Assembly", "with the two countries": the last two words
    before = _GAP_WORD.findall(text[max(0, start - 30) : start].lower())[-2:]
    return any(w in blocking for w in before)


def _named_first(
    text: str, objects: Iterable[str], known: dict[str, Actor], lang: str, speaker: str = ""
) -> list[str]:
    """The actor ``text`` names first, with those listed together with it ("the United
    States, the European Union and the Quint"): what a rejection or criticism is aimed
    at ("rejected the proposal of the United States and the EU"), not a later actor it
    only mentions ("... on Ukraine"). A list that names the speaker is who speaks ("China
    and Russia vetoed ..."): the next list is aimed at; an actor a preposition governs
    ("talks with Ukraine") is what the statement is about, not who is rejected."""
    spans: list[tuple[int, int, str]] = []
    for o in dict.fromkeys([*objects, speaker]):
        actor = known.get(o)
        if actor is None:
            continue
        found = _mentions(text, dict.fromkeys([actor.name, *actor.surface_forms]), lang)
        if found:
            start = min(found)[0]
            spans.append((start, max(e for s, e in found if s == start), o))
    spans.sort()
    join = _words(lang, "conjunctions", "definite")
    chains: list[list[tuple[int, int, str]]] = []
    for span in spans:
        if chains:
            last = chains[-1][-1]
            words = _GAP_WORD.findall(text[last[1] : span[0]].lower())
            if span[0] < last[1] or (len(words) <= 2 and all(w in join for w in words)):
                chains[-1].append((span[0], max(span[1], last[1]), span[2]))
                continue
        chains.append([span])
    for chain in chains:
        if any(o == speaker for _, _, o in chain):
            continue
        if _governed(text, chain[0][0], chain[0][1], lang):
            return []
        return list(dict.fromkeys(o for _, _, o in chain))
    return []


def _targets(
    p: Position, known: dict[str, Actor], aimed: set[tuple[str, int, int, str]]
) -> dict[str, list[Citation]]:
    """The actors a rejection is aimed at, each with the sentences that name it first
    among the actors of the rejection's quote; an actor that a measure of the same
    sentence targets ("vetoed sanctions on North Korea") is what the measure is about,
    not what is rejected."""
    out: dict[str, list[Citation]] = defaultdict(list)
    for q in p.quotes:
        cite = next(
            (c for c in p.citations if c.source == q.source and c.start <= q.start < c.end),
            None,
        )
        if cite is None:
            continue
        for o in _named_first(q.text, p.objects, known, q.language, p.actor):
            if (cite.source, cite.start, cite.end, o) not in aimed:
                out[o].append(cite)
    return out


def _refuses(p: Position) -> bool:
    """A rejection or denial, or a statement that denies ("did not", "no plans")."""
    if p.modality == "question":
        return False
    if p.stance_kind in ("rejects", "denies"):
        return p.polarity == "affirmed"
    return p.polarity == "negated" and p.stance_kind in (None, "says")


def _same_thing(
    p: Position,
    q: Position,
    known: dict[str, Actor],
    seen: dict[int, frozenset[str]],
    seen_names: dict[str, frozenset[str]],
) -> bool:
    """Whether the quotes of ``p`` and ``q`` share a content word that names no actor
    (stems of five letters, as ``question_disagreements`` compares them)."""
    # The shared stems first, from memoised stems of each quote: a long source holds
    # thousands of positions, and this is asked for pairs of them. A merged position may
    # hold hundreds of quotes: their union is made once per position (``seen``, by id,
    # for one call of ``_rejected_actors``, which changes no position).
    shared = _stems_of(p, seen) & _stems_of(q, seen)
    if not shared:
        return False
    names: set[str] = set()
    for a in (*p.objects, *q.objects, p.actor, q.actor):
        if a in known:
            names |= _name_stems(known[a], seen_names)
    return bool(shared - names)


def _name_stems(actor: Actor, seen: dict[str, frozenset[str]]) -> frozenset[str]:
    """The stems of an actor's names (made once per actor for one call)."""
    stems = seen.get(actor.id)
    if stems is None:
        stems = seen[actor.id] = frozenset(
            w[:_STEM]
            for form in (actor.name, *actor.surface_forms)
            for w in _WORD.findall(form.lower())
        )
    return stems


def _quotes_stems(p: Position) -> frozenset[str]:
    return frozenset().union(*(_quote_stems(x.text, x.language) for x in p.quotes))


def _stems_of(p: Position, seen: dict[int, frozenset[str]]) -> frozenset[str]:
    stems = seen.get(id(p))
    if stems is None:
        stems = seen[id(p)] = _quotes_stems(p)
    return stems


@lru_cache(maxsize=16384)
def _quote_stems(text: str, lang: str) -> frozenset[str]:
    return frozenset(_stems(text, lang))


def _rejected_actors(
    positions: Sequence[Position],
    known: dict[str, Actor],
    day: dt.date | None,
    taken: set[frozenset[str]],
    measures: Sequence[Measure] = (),
) -> list[Disagreement]:
    """An actor as the object of a rejection ("the Commission and the United States
    condemned Russia's decision") against that actor's own stance or decision stated in
    the same source: the two are on opposite sides of it. Each side cites its own
    sentences. When the source states no stance of the rejected actor, the rejection's
    own sentence states what is rejected ("Kurti rejected the proposal of the United
    States and the EU"): the actors it is aimed at (named first in what is rejected, and
    those listed with them) form the other side, citing that sentence."""
    aimed = {
        (c.source, c.start, c.end, m.target) for m in measures if m.target for c in m.citations
    }
    by_source: dict[str, dict[str, list[Position]]] = defaultdict(lambda: defaultdict(list))
    stated: dict[str, dict[str, list[Position]]] = defaultdict(lambda: defaultdict(list))
    for p in positions:
        if p.modality == "question":
            continue
        for src in dict.fromkeys(c.source for c in p.citations):
            stated[src][p.actor].append(p)
            if _object_sign(p):
                by_source[src][p.actor].append(p)
    seen: dict[int, frozenset[str]] = {}  # the stems of a position's quotes, by id
    seen_names: dict[str, frozenset[str]] = {}  # the stems of an actor's names
    out: list[Disagreement] = []
    done: set[frozenset[str]] = set()
    for p in positions:
        if p.polarity != "affirmed" or p.modality == "question":
            continue
        rejects = p.stance_kind == "rejects"
        if not rejects and p.stance_kind not in _AIMED_KINDS:
            continue
        ours = set(_with_bodies([p.actor], known, day))
        targets = _targets(p, known, aimed)
        aimed_at: list[str] = []
        # A warning or demand is against an actor only when aimed at it (named first).
        for o in p.objects if rejects else list(targets):
            if o in ours or o not in known:
                continue
            theirs_cites: list[Citation] = []
            speakers: list[str] = []
            # Each source once, however many of p's sentences it holds: a long source
            # would otherwise repeat the same comparisons for every one of them.
            for src in dict.fromkeys(c.source for c in p.citations):
                # A demand is against its target when the target refuses in the same
                # source, or speaks of the thing demanded ("Israel and the US demand that
                # Hamas disarm" / "not to disarm is a red line"); a rejection, against
                # any stance.
                held_by = by_source if rejects else stated
                for actor, held in held_by.get(src, {}).items():
                    if actor == o or body_of(actor, known, day) == o:
                        kept = (
                            held
                            if rejects
                            else [
                                q
                                for q in held
                                if _refuses(q) or _same_thing(p, q, known, seen, seen_names)
                            ]
                        )
                        speakers.extend(actor for _ in kept[:1])
                        theirs_cites.extend(d for q in kept for d in q.citations if d.source == src)
            theirs_set = set(theirs_cites)
            mine = [c for c in p.citations if c not in theirs_set]
            own = set(p.citations)
            theirs_cites = [c for c in dict.fromkeys(theirs_cites) if c not in own]
            if not mine or not theirs_cites:
                if o in targets and rejects:
                    aimed_at.append(o)
                continue
            theirs = set(_with_bodies([o], known, day))
            pair = frozenset((frozenset(ours), frozenset(theirs)))
            if ours & theirs or pair in done or frozenset((p.actor, o)) in taken:
                continue
            done.add(pair)
            out.append(
                Disagreement(
                    topic=f"Stances on {known[o].name}",
                    sides=[
                        Side(
                            # the actor, and its officials who state its stance
                            actors=list(dict.fromkeys([o, *speakers])),
                            position=_ITS_STANCE,
                            citations=theirs_cites[:_MAX_CITATIONS],
                        ),
                        Side(
                            actors=[p.actor],
                            position=_REJECTS_IT if rejects else _WARNS_IT,
                            citations=mine[:_MAX_CITATIONS],
                        ),
                    ],
                    kind="positions",
                )
            )
        aimed_at = [
            o
            for o in aimed_at
            if not set(_with_bodies([o], known, day)) & ours
            and frozenset((p.actor, o)) not in taken
        ]
        if not aimed_at:
            continue
        pair = frozenset((frozenset(ours), frozenset(aimed_at)))
        if pair in done:
            continue
        done.add(pair)
        taken |= {frozenset((p.actor, o)) for o in aimed_at}
        cites = union_citations(*(targets[o] for o in aimed_at))[:_MAX_CITATIONS]
        names = ", ".join(known[o].name for o in aimed_at)
        out.append(
            Disagreement(
                topic=f"{_name(p.actor, known)} against {names}",
                sides=[
                    Side(actors=aimed_at, position=_REJECTED, citations=cites),
                    Side(actors=[p.actor], position=_REJECTS_IT, citations=cites),
                ],
                kind="positions",
            )
        )
    return out


# The English head that ``positions.acts`` gives an accusation's line ("Accused (on …)"):
# what the act was, kept on the position only in its line.
_ACCUSED_HEAD = ACTS["accused"][1]
# Acts of the rejecting kind other than a refusal ("Suspended", "Vetoed") are deeds, not
# an answer to an accusation.
_OTHER_ACT_HEADS = tuple(
    head for act, (kind, head, _) in ACTS.items() if kind == "rejects" and act != "refused"
)
_ACCUSES = "Accuses it"
_DENIES_ACCUSATION = "Denies or rejects the accusation"


def _source_language(p: Position, source: str) -> str | None:
    return next((q.language for q in p.quotes if q.source == source), None)


def _accused(
    p: Position, cite: Citation, lang: str, known: dict[str, Actor], day: dt.date | None
) -> list[str]:
    """Who an accusation is aimed at: the first actors its sentence names after the
    accuser ("North Korea accuses the USA of …", "the UN accuses Rwanda and Uganda of …"),
    not the accuser, the body it speaks for, nor an actor a preposition governs."""
    text = cite.sentence
    ours = set(_with_bodies([p.actor], known, day))
    named = [
        a
        for a, actor in known.items()
        if a not in ours
        and _mentions(text, dict.fromkeys([actor.name, *actor.surface_forms]), lang)
    ]
    if not named:
        return []
    return [a for a in _named_first(text, named, known, lang, p.actor) if a not in ours]


def accusation_disagreements(
    positions: Sequence[Position],
    known: dict[str, Actor],
    day: dt.date | None = None,
    taken: Iterable[Disagreement] = (),
) -> list[Disagreement]:
    """An accusation against the accused's denial: an actor accuses another (an act of
    ``positions.acts``), and the accused, or an official speaking for it, denies or rejects
    in the same source ("the UN accuses Rwanda and Uganda of backing the group, but both
    deny it"; "North Korea accuses the USA of preparing an attack … The USA and South
    Korea reject that"). A denial in another source may deny something else: only one
    source pairs them. Each side cites its own sentences (one sentence may hold both)."""
    pairs_taken = _opposed_pairs(taken)
    refusals: dict[str, dict[str, list[Position]]] = defaultdict(lambda: defaultdict(list))
    accusations: list[Position] = []
    for p in positions:
        if p.modality == "question":
            continue
        if p.polarity == "affirmed" and p.stance.startswith(_ACCUSED_HEAD):
            accusations.append(p)
        elif _refuses(p) and not p.stance.startswith(_OTHER_ACT_HEADS):
            for src in dict.fromkeys(c.source for c in p.citations):
                refusals[src][p.actor].append(p)
                body = body_of(p.actor, known, day)
                if body is not None:
                    refusals[src][body].append(p)
    out: list[Disagreement] = []
    for p in accusations[:_MAX_ACCUSATIONS]:
        theirs_by: dict[str, list[Citation]] = defaultdict(list)
        speakers: dict[str, list[str]] = defaultdict(list)
        mine: dict[str, list[Citation]] = defaultdict(list)
        for cite in p.citations:
            held = refusals.get(cite.source)
            lang = _source_language(p, cite.source)
            if not held or lang is None:
                continue
            for o in _accused(p, cite, lang, known, day):
                for q in held.get(o, ()):
                    if cite in q.citations and q.stance_kind != "denies":
                        # In the accusation's own sentence, what the accused did is what
                        # it is accused of ("accused the US of ignoring the calls"): only
                        # a verb of denial there is the accused's answer ("…, but both
                        # deny it").
                        continue
                    mine[o].append(cite)
                    speakers[o].append(q.actor)
                    theirs_by[o].extend(c for c in q.citations if c.source == cite.source)
        for o, theirs in theirs_by.items():
            found = _answered(
                f"{_name(p.actor, known)}'s accusation against {_name(o, known)}",
                Side(actors=[p.actor], position=_ACCUSES, citations=mine[o]),
                Side(actors=[o, *speakers[o]], position=_DENIES_ACCUSATION, citations=theirs),
                [o],
                known,
                day,
                pairs_taken,
            )
            if found is not None:
                out.append(found)
    return out


def _answered(
    topic: str,
    act: Side,
    answer: Side,
    answering: list[str],
    known: dict[str, Actor],
    day: dt.date | None,
    pairs_taken: set[frozenset[str]],
) -> Disagreement | None:
    """An act and its answer as a disagreement, unless the two sides share a party (with
    the bodies they speak for: ``answering`` and the act's actors) or every pair of them is
    already opposed (``pairs_taken``, which it extends). Actors and citations once each."""
    ours = set(_with_bodies(act.actors, known, day))
    others = set(_with_bodies(answering, known, day))
    pair = {frozenset((x, y)) for x in ours for y in others}
    if ours & others or pair <= pairs_taken:
        return None
    pairs_taken |= pair
    for side in (act, answer):
        side.actors = list(dict.fromkeys(side.actors))
        side.citations = list(dict.fromkeys(side.citations))[:_MAX_CITATIONS]
    return Disagreement(topic=topic, sides=[act, answer], kind="positions")


_ANSWERS = frozenset({"threatens", "warns", "rejects", "denies"})
_IMPOSES = "Proposes, threatens or imposes the measure"
_ANSWERS_IT = "Rejects it, or warns or threatens in return"


def target_disagreements(
    positions: Sequence[Position],
    measures: Sequence[Measure],
    known: dict[str, Actor],
    day: dt.date | None = None,
    taken: Iterable[Disagreement] = (),
) -> list[Disagreement]:
    """A measure against its target's answer in the same source: the target (or an
    official speaking for it) rejects, warns or threatens, and its statement names the
    measure's proposer ("the US threatened to restore the oil sanctions" / "Rodríguez
    warned Washington of a response"). The answer need not repeat the measure's sentence,
    as a rejection must for ``measure_disagreements``; it must be aimed at who proposed it.
    Each side cites its own sentences."""
    pairs_taken = _opposed_pairs(taken)
    answers: dict[str, dict[str, list[Position]]] = defaultdict(lambda: defaultdict(list))
    for p in positions:
        if p.modality == "question" or p.polarity != "affirmed" or p.stance_kind not in _ANSWERS:
            continue
        if p.stance.startswith(_OTHER_ACT_HEADS):
            continue  # a deed ("Suspended"), not an answer
        holder = p.actor if known.get(p.actor) is None or known[p.actor].type != "person" else None
        holder = holder or body_of(p.actor, known, day)
        if holder is None:
            continue
        for src in dict.fromkeys(c.source for c in p.citations):
            answers[src][holder].append(p)
    out: list[Disagreement] = []
    for m in measures:
        if m.target is None or m.target not in known or not m.proposed_by:
            continue
        proposers = [
            a
            for a in m.proposed_by
            if a in known and a != m.target and body_of(a, known, day) != m.target
        ]
        if not proposers:
            continue
        theirs: list[Citation] = []
        speakers: list[str] = []
        mine: list[Citation] = []
        proposing = set(_with_bodies(proposers, known, day))
        for src in dict.fromkeys(c.source for c in m.citations):
            for q in answers.get(src, {}).get(m.target, ()):
                if not proposing & set(q.objects):
                    continue
                aimed = {
                    a
                    for x in q.quotes
                    if x.source == src
                    for a in _named_first(x.text, q.objects, known, x.language, q.actor)
                }
                if not aimed & proposing:
                    continue
                cites = [c for c in q.citations if c.source == src]
                theirs.extend(cites)
                speakers.append(q.actor)
                mine.extend(c for c in m.citations if c.source == src and c not in cites)
        if not theirs or not mine:
            continue
        found = _answered(
            f"{m.measure} ({_name(m.target, known)})",
            Side(actors=proposers, position=_IMPOSES, citations=mine),
            Side(actors=[m.target, *speakers], position=_ANSWERS_IT, citations=theirs),
            [m.target, *speakers],
            known,
            day,
            pairs_taken,
        )
        if found is not None:
            out.append(found)
    return out


_MAX_ACCUSATIONS = 200  # a sentence's actors are looked up by name: bound the work


def _name(actor: str, known: dict[str, Actor]) -> str:
    return known[actor].name if actor in known else actor


_STEM = 5  # letters: words sharing their first five name one thing across inflections
_WORD = re.compile(r"[^\W\d_]{5,}")
_AFFIRMS = "States or backs it"
_DENIES = "Denies, rejects or states the opposite"


@cache
def _stop_words(lang: str) -> frozenset[str]:
    """The language's stop words as spaCy ships them (none when it ships none)."""
    try:
        from spacy.util import get_lang_class

        return frozenset(get_lang_class(lang).Defaults.stop_words)
    except Exception:  # a language spaCy does not know has no list
        return frozenset()


@cache
def _office_stems(lang: str) -> frozenset[str]:
    """Stems of the language's office and source nouns ("ambassador", "spokesman"): who
    speaks, never what is spoken about."""
    from briefing.extract.attribution import reporting_table

    table = reporting_table()
    words = [str(c) for key in ("roles", "unnamed") for c in (table.get(key) or {}).get(lang) or []]
    return frozenset(w[:_STEM] for c in words for w in _WORD.findall(c.lower()))


def _stems(text: str, lang: str) -> set[str]:
    stop = _stop_words(lang)
    words = {w[:_STEM] for w in _WORD.findall(text.lower()) if w not in stop}
    return words - _office_stems(lang)


def _question_sign(p: Position) -> int:
    """+1/-1 for a stance for or against what it names, +2/-2 for a plain statement by
    its polarity (stated, denied), 0 for neither: only like meets like."""
    sign = _for_or_against(p)
    if sign:
        return sign
    if p.stance_kind in (None, "says", "assesses"):
        if p.polarity == "negated" and p.stance_kind == "assesses":
            # "did not meet the standards": a judgement worded negatively, no denial.
            return 0
        return -2 if p.polarity == "negated" else 2
    return 0


def question_disagreements(
    positions: Sequence[Position],
    known: dict[str, Actor],
    day: dt.date | None = None,
    taken: Iterable[Disagreement] = (),
) -> list[Disagreement]:
    """Two parties on one question no taxonomy topic and no shared actor names: in one
    source, in two different sentences, each party's statement names the same thing (a
    content word both quotes share, stop words and actor names aside: "the agreement",
    "the extension") and they take opposite sides of it: one backs, demands or offers, the
    other rejects or denies; or one states and the other denies ("the deal is implemented"
    against "was not implemented"). A party on both sides, two sides of one body, or a pair
    already opposed in ``taken`` adds nothing. Each side cites its own sentence."""
    pairs_taken = _opposed_pairs(taken)
    names: set[str] = set()
    for actor in known.values():
        for form in (actor.name, *actor.surface_forms):
            names |= {w[:_STEM] for w in _WORD.findall(form.lower())}
    items: dict[str, list[tuple[Position, Citation, set[str], int]]] = defaultdict(list)
    for p in positions:
        if p.modality == "question" or _side_of(p):
            continue
        sign = _question_sign(p)
        if not sign:
            continue
        for q in p.quotes:
            cite = next(
                (c for c in p.citations if c.source == q.source and c.start <= q.start < c.end),
                None,
            )
            stems = _stems(q.text, q.language) - names
            if cite is not None and stems:
                items[q.source].append((p, cite, stems, sign))
    out: list[Disagreement] = []
    for group in items.values():
        for p, pc, ps, psign in group:
            if psign < 0:
                continue
            for q, qc, qs, qsign in group:
                if qsign != -psign or pc == qc or q.actor == p.actor or not ps & qs:
                    continue
                ours = set(_with_bodies([p.actor], known, day))
                theirs = set(_with_bodies([q.actor], known, day))
                pair = {frozenset((x, y)) for x in ours for y in theirs}
                if ours & theirs or pair <= pairs_taken:
                    continue
                pairs_taken |= pair
                out.append(
                    Disagreement(
                        topic="Opposing statements on one question",
                        sides=[
                            Side(
                                actors=sorted(ours, key=lambda a: a != p.actor),
                                position=_AFFIRMS,
                                citations=[pc],
                            ),
                            Side(
                                actors=sorted(theirs, key=lambda a: a != q.actor),
                                position=_DENIES,
                                citations=[qc],
                            ),
                        ],
                        kind="positions",
                    )
                )
    return out


def find_disagreements(
    positions: list[Position],
    events: list[Event],
    actors: dict[str, Actor],
    figures: Sequence[Figure] = (),
    as_of: dt.date | None = None,
    measures: Sequence[Measure] = (),
) -> list[Disagreement]:
    """Opposing positions first (on a claim of the taxonomy, on one measure, on one actor
    as their object), then conflicting characterisations and reports (dates, figures)."""
    out = position_disagreements(positions, actors, as_of)
    out.extend(measure_disagreements(positions, measures, actors, as_of))
    out.extend(object_disagreements(positions, actors, as_of, out, measures))
    out.extend(accusation_disagreements(positions, actors, as_of, out))
    out.extend(target_disagreements(positions, measures, actors, as_of, out))
    out.extend(characterisation_disagreements(positions, actors, as_of))
    out.extend(question_disagreements(positions, actors, as_of, out))
    out.extend(date_disagreements(events))
    out.extend(figure_disagreements(figures))
    return out
