"""Merge calendar events across sources and languages.

Events are bucketed by family (gatherings, calls, ceremonies...) and month before any
comparison, so the work grows with the size of a bucket, never with the whole corpus.

* Same event: the same day (or, for windows, overlapping windows of the same kind) and
  overlapping participants; with no participants on one side, the same family suffices
  for a day, the same kind for a window. One entry then cites every source.
* Conflicting reports: the same named format, or the same kind with the same two or more
  participants, a few days apart in different sources. Kept as one entry on the date
  most sources give, the other dates listed in ``conflicting_dates``.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import replace
from functools import cache, lru_cache

from briefing.consolidate._cite import union_citations
from briefing.models import Event

# Kinds that describe the same kind of gathering in different words across languages
# ("spotkanie" / "نشست شورای ناتو و روسیه" / "talks").
FAMILY = {
    "meeting": "gathering",
    "talks": "gathering",
    "council_session": "gathering",
    "summit": "gathering",
    "visit": "gathering",
    "video_call": "call",
    "phone_call": "call",
    # One ballot told as an election in one source and a vote in another ("la votación
    # de 28 de julio" / "július 28-án tartott elnökválasztás").
    "election": "ballot",
    "vote": "ballot",
    # A measure told as taken in one source and as entering into force in another.
    "measure": "measure",
    "entry_into_force": "measure",
}
CONFLICT_DAYS = 7


def _family(e: Event) -> str:
    return FAMILY.get(e.kind or "", e.kind or e.label)


@lru_cache(maxsize=4096)
def _span(date: str) -> tuple[dt.date, dt.date]:
    parts = [int(p) for p in date.split("-")]
    if len(parts) == 3:
        d = dt.date(*parts)
        return d, d
    if len(parts) == 2:
        y, m = parts
        nxt = dt.date(y + m // 12, m % 12 + 1, 1)
        return dt.date(y, m, 1), nxt - dt.timedelta(days=1)
    return dt.date(parts[0], 1, 1), dt.date(parts[0], 12, 31)


def interval(e: Event) -> tuple[dt.date, dt.date]:
    lo = _span(e.date)[0]
    hi = _span(e.date_end)[1] if e.date_end else _span(e.date)[1]
    return lo, hi


def _is_day(e: Event) -> bool:
    return len(e.date) == 10 and e.date_end is None


def _months(e: Event, limit: int = 6) -> Iterable[tuple[int, int]]:
    lo, hi = interval(e)
    y, m = lo.year, lo.month
    for _ in range(limit):
        yield y, m
        if (y, m) >= (hi.year, hi.month):
            break
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)


def _parts(actor: str) -> tuple[str, ...]:
    return tuple(actor.split("-"))


def _related(a: str, b: str) -> bool:
    """The same actor, or a body named after it ("nato" in "nato-russia-council")."""
    if a == b:
        return True
    short, long_ = sorted((_parts(a), _parts(b)), key=len)
    n = len(short)
    return any(long_[i : i + n] == short for i in range(len(long_) - n + 1))


def _shared(a: Event, b: Event) -> int:
    return sum(any(_related(p, q) for q in b.participants) for p in a.participants)


def _same(a: Event, b: Event) -> bool:
    if _family(a) != _family(b):
        return False
    shared = _shared(a, b)
    unknown = not a.participants or not b.participants
    if _is_day(a) and _is_day(b):
        return a.date == b.date and (shared > 0 or unknown or a.label == b.label)
    if _is_day(a) != _is_day(b):
        return False
    (alo, ahi), (blo, bhi) = interval(a), interval(b)
    if (a.date, a.date_end) == (b.date, b.date_end):
        return shared > 0 or (unknown and a.kind == b.kind)
    # Different windows ("in January" / "early January") are one event only when one lies
    # within the other and the same actors (two at least) are named on both sides.
    inside = (alo <= blo and bhi <= ahi) or (blo <= alo and ahi <= bhi)
    return inside and a.kind == b.kind and shared >= 2


def _conflicting(a: Event, b: Event) -> bool:
    if not (_is_day(a) and _is_day(b)) or a.date == b.date or a.kind != b.kind:
        return False
    if {c.source for c in a.citations} & {c.source for c in b.citations}:
        return False  # one source giving two dates describes two events
    gap = abs((interval(a)[0] - interval(b)[0]).days)
    if gap > CONFLICT_DAYS:
        return False
    same_format = a.label == b.label and a.label in _format_labels()
    same_people = len(a.participants) >= 2 and set(a.participants) == set(b.participants)
    return same_format or same_people


@cache
def _priority(kind: str | None) -> int:
    from briefing.extract.calendar import _events_table

    spec = (_events_table().get("types") or {}).get(kind or "") or {}
    return int(spec.get("priority", 0))


def _format_labels() -> frozenset[str]:
    from briefing.extract.calendar import format_labels

    return format_labels()


def _generic_label(e: Event) -> str:
    from briefing.extract.calendar import _type_label

    return _type_label(e.kind) or ""


class _Groups:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        self.parent[self.find(i)] = self.find(j)

    def groups(self) -> list[list[int]]:
        out: dict[int, list[int]] = defaultdict(list)
        for i in range(len(self.parent)):
            out[self.find(i)].append(i)
        return list(out.values())


def _combine(group: list[Event]) -> Event:
    """One entry from several reports: the date most reports give, every citation."""
    dates: Counter[tuple[str, str | None]] = Counter()
    for e in group:
        dates[(e.date, e.date_end)] += len({c.source for c in e.citations})
    # The date most sources give; on a tie the more precise, then the earlier one.
    (date, date_end), _n = min(
        dates.items(), key=lambda kv: (-kv[1], -len(kv[0][0]), kv[0][0], kv[0][1] or "")
    )
    # A named format beats a generic word; then the label more sources use; then the
    # more specific type ("talks" over "meeting").
    votes: Counter[str] = Counter()
    for e in group:
        votes[e.label] += len({c.source for c in e.citations})
    label = max(
        votes,
        key=lambda lb: (
            all(lb != _generic_label(e) for e in group if e.label == lb),
            # "Announced: X" (what the clause said happened) over "Event: X" (it said nothing)
            not _says_nothing(lb),
            votes[lb],
            max(_priority(e.kind) for e in group if e.label == lb),
            lb,
        ),
    )
    kinds = [e.kind for e in group if e.label == label and e.kind]
    people = Counter(p for e in group for p in e.participants)
    first_seen: dict[str, int] = {}
    for p in (p for e in group for p in e.participants):
        first_seen.setdefault(p, len(first_seen))
    places = Counter(e.location for e in group if e.location)
    conflicts = {d for e in group for d in e.conflicting_dates}
    if len(date) == 10 and date_end is None:
        conflicts |= {e.date for e in group if _is_day(e)}
    conflicts.discard(date)
    return Event(
        date=date,
        date_end=date_end,
        label=label,
        # One report of a window still open is enough to keep it open.
        status="upcoming" if any(e.status == "upcoming" for e in group) else group[0].status,
        citations=union_citations(*(e.citations for e in group)),
        location=places.most_common(1)[0][0] if places else None,
        participants=sorted(people, key=lambda p: (-people[p], first_seen[p])),
        kind=kinds[0] if kinds else group[0].kind,
        conflicting_dates=sorted(conflicts),
    )


_Sig = tuple[str | None, str, str, str | None, tuple[str, ...]]


def _sig(e: Event) -> _Sig:
    return (e.kind, e.label, e.date, e.date_end, tuple(e.participants))


def _merge_same(events: list[Event]) -> list[Event]:
    buckets: dict[tuple[str, int, int], list[int]] = defaultdict(list)
    for i, e in enumerate(events):
        for ym in _months(e):
            buckets[(_family(e), *ym)].append(i)
    groups = _Groups(len(events))
    # ``_same`` reads only these fields: many sources report an event alike, so each
    # distinct pair is judged once.
    judged: dict[tuple[_Sig, _Sig], bool] = {}
    for members in buckets.values():
        # Each event meets the clusters of its bucket, not every other member: a story
        # told by a thousand sources costs a thousand comparisons per distinct event.
        clusters: list[tuple[int, Event, _Sig]] = []
        for i in members:
            e = events[i]
            sig = _sig(e)
            for k, (root, rep, rep_sig) in enumerate(clusters):
                same = judged.get((sig, rep_sig))
                if same is None:
                    same = judged[(sig, rep_sig)] = _same(e, rep)
                if same:
                    groups.union(i, root)
                    extra = [p for p in e.participants if p not in rep.participants]
                    if extra:
                        rep = replace(rep, participants=rep.participants + extra)
                        clusters[k] = (root, rep, _sig(rep))
                    break
            else:
                clusters.append((i, e, sig))
    return [_combine([events[i] for i in g]) for g in groups.groups()]


def _merge_conflicts(events: list[Event]) -> list[Event]:
    """Day events of one kind, in date order; each compared only with those at most
    ``CONFLICT_DAYS`` later (a sliding window, not all pairs)."""
    by_kind: dict[str, list[int]] = defaultdict(list)
    for i, e in enumerate(events):
        if _is_day(e):
            by_kind[e.kind or e.label].append(i)
    groups = _Groups(len(events))
    for members in by_kind.values():
        members.sort(key=lambda i: events[i].date)
        for x, i in enumerate(members):
            lo = interval(events[i])[0]
            for j in members[x + 1 :]:
                if (interval(events[j])[0] - lo).days > CONFLICT_DAYS:
                    break
                if groups.find(i) != groups.find(j) and _conflicting(events[i], events[j]):
                    groups.union(i, j)
    return [_combine([events[i] for i in g]) for g in groups.groups()]


@cache
def _fallback_kind() -> str:
    from briefing.extract.calendar import _dated_cue

    return _dated_cue().key


@cache
def _plain_label() -> str:
    from briefing.extract.calendar import _type_label

    return _type_label(_fallback_kind()) or ""


def _says_nothing(label: str) -> bool:
    """A plain dated event's label that names no happening ("Event", "Event: X–Y")."""
    plain = _plain_label()
    return label == plain or label.startswith(plain + ":")


def _fold_dated(events: list[Event]) -> list[Event]:
    """A plain dated event ("Event: X–Y": a date whose clause named no event word) on the
    very day or window of a typed event of a participant it names is that event told in
    other words, in the same source or another one ("Y seized power on 26 July" beside
    "the coup of 26 July"): it adds its citations and actors to the typed one. One with
    no participants folds only into a typed event of a source it shares. The typed event
    sharing the most participants wins, then the more specific type."""
    plain = _fallback_kind()
    typed: dict[tuple[str, str | None], list[int]] = defaultdict(list)
    for i, e in enumerate(events):
        if e.kind != plain:
            typed[(e.date, e.date_end)].append(i)
    if not typed:
        return events
    into: dict[int, list[Event]] = defaultdict(list)
    out_idx: list[int] = []
    for i, e in enumerate(events):
        cands = typed.get((e.date, e.date_end)) if e.kind == plain else None
        best: tuple[int, int, int] | None = None
        for j in cands or ():
            t = events[j]
            shared = _shared(e, t)
            if not shared and (
                e.participants
                or not {c.source for c in e.citations} & {c.source for c in t.citations}
            ):
                continue
            key = (shared, _priority(t.kind), -j)
            if best is None or key > best:
                best = key
        if best is None:
            out_idx.append(i)
        else:
            into[-best[2]].append(e)
    out = []
    for i in out_idx:
        e = events[i]
        extra = into.get(i)
        if extra:
            people = list(e.participants)
            people.extend(p for x in extra for p in x.participants if p not in people)
            conflicts = set(e.conflicting_dates) | {d for x in extra for d in x.conflicting_dates}
            e = replace(
                e,
                citations=union_citations(e.citations, *(x.citations for x in extra)),
                participants=people,
                location=e.location or next((x.location for x in extra if x.location), None),
                conflicting_dates=sorted(conflicts),
            )
        out.append(e)
    return out


def merge_events(events: list[Event], as_of: dt.date) -> list[Event]:
    merged = _merge_conflicts(_fold_dated(_merge_same(events)))
    restatus(merged, as_of)
    return sorted(merged, key=lambda e: (e.date, e.date_end or "", e.label))


def restatus(events: list[Event], as_of: dt.date) -> None:
    """Past or upcoming against ``as_of``: by the start date; a window that contains
    ``as_of`` ("in January" on 26 January, "between now and mid-February") keeps the
    status its reports gave, which the extraction read from the tense (upcoming unless
    told in the past; see ``briefing.extract.calendar._status``)."""
    for e in events:
        lo, hi = interval(e)
        if lo > as_of:
            e.status = "upcoming"
        elif hi < as_of or lo == hi:
            e.status = "past"
