"""Groups without a proper name: a state's military junta, its political opposition and
its collective organs (government, cabinet, prime minister's office, ministries, army,
police).

The analyst names them after their state ("Niger junta", "Venezuelan opposition"); the
words come from ``lexicons/actors_groups.yaml`` for every registry language. The state is
the one written next to the group word (how near: per group in the lexicon), else the
state the article names most (a junta) or whose leaders it names most (an opposition);
with no such state the group is not an actor.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Iterable
from functools import cache
from itertools import compress
from operator import itemgetter, or_

from briefing.data import load_yaml
from briefing.extract.actors.index import Found
from briefing.extract.actors.text import Words, fold, memo_many
from briefing.kb import KnowledgeBase

_PLAIN: dict[str, str] = {}  # folded word -> plain(word)
_PLAIN_MAX = 200_000
_FIRST_FOUR = itemgetter(slice(0, 4))


def plain(word: str) -> str:
    """Lower case without accents (the lexicon's stems are written so)."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    return "".join(c for c in decomposed if unicodedata.category(c) != "Mn")


@cache
def _stems(lang: str) -> tuple[tuple[str, tuple[tuple[str, ...], ...]], ...]:
    """(group key, stems as word tuples) for one language."""
    out = []
    for key, entry in (load_yaml("lexicons/actors_groups.yaml") or {}).items():
        stems = (entry.get("stems") or {}).get(lang) or []
        out.append((key, tuple(tuple(plain(fold(w)) for w in s.split()) for s in stems)))
    return tuple(out)


@cache
def _starts(lang: str) -> tuple[frozenset[str], frozenset[str]] | None:
    """The first words of the language's stems, and the first four letters of those of
    four letters or more (matched as prefixes): a word that is neither, nor begins with
    one of the latter, starts no group. None when a stem is empty (it matches anywhere)."""
    firsts = [stem[0] if stem else None for _key, stems in _stems(lang) for stem in stems]
    if None in firsts:
        return None
    return frozenset(firsts), frozenset(w[:4] for w in firsts if len(w) >= 4)


@cache
def _limits(lang: str) -> dict[str, tuple[int | None, tuple[str, ...], frozenset[str]]]:
    """Group key -> (letters a word may have past its stem at most, or None; prefixes of
    words that are not the group; words before it that make it something else)."""
    data = load_yaml("lexicons/actors_groups.yaml") or {}
    out = {}
    for key, entry in data.items():
        extra = entry.get("extra")
        excepted = tuple(plain(fold(w)) for w in (entry.get("except") or {}).get(lang) or [])
        after = frozenset(plain(fold(w)) for w in (entry.get("not_after") or {}).get(lang) or [])
        out[key] = (None if extra is None else int(extra), excepted, after)
    return out


def _blocked(
    words: list[str],
    k: int,
    j: int,
    limits: tuple[int | None, tuple[str, ...], frozenset[str]],
    hit: tuple[str, ...],
) -> bool:
    """Whether the group words k..j are something else by the entry's limits."""
    extra, excepted, after = limits
    last = words[j - 1]
    if extra is not None and len(last) - len(hit[-1]) > extra:
        return True
    if excepted and words[k].startswith(excepted):
        return True
    if after and k > 0:
        before = words[k - 1]
        if before in after or (len(before) <= 3 and k > 1 and words[k - 2] in after):
            return True
    return False


@cache
def _labels() -> dict[str, tuple[str, int, str]]:
    """Group key -> (English label pattern, how near a state word must be, the home state
    with none near: "article" (named most), "leaders" (whose leaders are named most) or
    "none")."""
    data = load_yaml("lexicons/actors_groups.yaml") or {}
    return {
        key: (entry["label"], int(entry.get("near", 3)), entry.get("home", "article"))
        for key, entry in data.items()
    }


@cache
def _not_before(lang: str) -> dict[str, frozenset[str]]:
    data = load_yaml("lexicons/actors_groups.yaml") or {}
    return {
        key: frozenset(plain(w) for w in (entry.get("not_before") or {}).get(lang) or [])
        for key, entry in data.items()
    }


_LEADERS = ("head-of-state", "head-of-government")


def _leaders_state(found: list[Found], kb: KnowledgeBase) -> str | None:
    """The state whose heads of state or government are named most, if any."""
    counts: Counter[str] = Counter()
    for f in found:
        actor = kb.actors.get(f.actor)
        if actor is None or actor.type != "person":
            continue
        homes = {o.of for o in actor.offices if o.role in _LEADERS}
        if len(homes) == 1:
            counts[homes.pop()] += 1
    if not counts:
        return None
    best = counts.most_common(2)
    if len(best) > 1 and best[0][1] == best[1][1]:
        return None
    return best[0][0]


def _at(words: list[str], k: int, stem: tuple[str, ...]) -> bool:
    if k + len(stem) > len(words):
        return False
    for n, part in enumerate(stem):
        word = words[k + n]
        if not (word == part or (len(part) >= 4 and word.startswith(part))):
            return False
    return True


def find_groups(
    ws: Words, found: list[Found], lang: str, kb: KnowledgeBase, states_adj: dict[str, str]
) -> tuple[list[Found], dict[str, str]]:
    """Mentions of groups and their names (actor id -> English name)."""
    table = _stems(lang)
    if not any(stems for _, stems in table):
        return [], {}
    state_at: dict[int, str] = {}
    for f in found:
        actor = kb.actors.get(f.actor)
        if actor is not None and actor.type == "state":
            for k in range(f.i, f.j):
                state_at[k] = f.actor
    states = set(state_at.values())
    counts = Counter(f.actor for f in found if f.actor in states)
    main = counts.most_common(1)[0][0] if counts else None
    # Every word of every article passes here: each distinct word is unaccented once.
    words = memo_many(_PLAIN, ws.folded, lambda n: plain(ws.folded[n]), _PLAIN_MAX)
    out: list[Found] = []
    names: dict[str, str] = {}
    taken: set[int] = set(state_at)
    for f in found:
        # A known person's or organisation's name is no group ("Vladimir" is no "vláda").
        if f.kind not in ("role", "group") and f.actor not in states:
            taken.update(range(f.i, f.j))
    limits = _limits(lang)
    leaders = _leaders_state(found, kb)
    stops = _not_before(lang)
    starts = _starts(lang)
    if starts is None:
        at: Iterable[int] = range(len(words))
    else:
        # Only words a stem can start (whole, or by its first four letters): the search
        # below finds nothing at the others. Chosen in C passes, not a loop over words.
        whole, fours = starts
        at = compress(
            range(len(words)),
            map(
                or_,
                map(whole.__contains__, words),
                map(fours.__contains__, map(_FIRST_FOUR, words)),
            ),
        )
    for k in at:
        if k in taken:
            continue
        for key, stems in table:
            hit = next((s for s in stems if _at(words, k, s)), None)
            if hit is None:
                continue
            j = k + len(hit)
            if j < len(words) and words[j] in stops.get(key, ()):
                break
            if _blocked(words, k, j, limits[key], hit):
                break
            pattern, reach, home = _labels()[key]
            sent = ws.sentence[k]
            near = [
                (abs(n - k), state_at[n])
                for n in range(max(0, k - reach), min(len(words), j + reach))
                if n in state_at and ws.sentence[n] == sent
            ]
            fallback = {"leaders": leaders, "article": main}.get(home)
            state = min(near)[1] if near else fallback
            if state is None or state not in kb.actors:
                break
            actor = kb.actors[state]
            label = pattern.format(name=actor.name, adjective=states_adj.get(state, actor.name))
            group_id = _known().get((key, state), f"{state}-{key}")
            if group_id not in kb.actors:
                names[group_id] = label
            out.append(Found(k, j, group_id, "group"))
            taken.update(range(k, j))
            break
    return out, names


@cache
def _known() -> dict[tuple[str, str], str]:
    """(group key, state id) -> the knowledge base's actor for that organ."""
    data = load_yaml("lexicons/actors_groups.yaml") or {}
    return {
        (key, state): actor
        for key, entry in data.items()
        for state, actor in (entry.get("known") or {}).items()
    }


@cache
def group_suffixes() -> tuple[str, ...]:
    """Endings of the ids of groups ("-junta", "-government")."""
    return tuple(f"-{key}" for key in _labels())


@cache
def organ_suffixes() -> tuple[str, ...]:
    """Endings of the ids of a state's organs ("-foreign-ministry", "-government"): the
    groups named after their state ("{adjective} …"), which speak for it; not its
    opposition, which speaks against its government."""
    return tuple(
        f"-{key}"
        for key, (label, _near, _home) in _labels().items()
        if "{adjective}" in label and key != "opposition"
    )


@cache
def english_adjectives() -> dict[str, str]:
    """State actor id -> its first English adjective in kb/states.yaml or the English pack
    ("Venezuelan"), or the word English puts before its organs' names where that is no
    adjective ("US")."""
    from briefing.kb import _english_name, slug
    from briefing.langpacks import section

    data = load_yaml("kb/states.yaml") or {}
    pack = (section("names").get("en") or {}).get("states") or {}
    out: dict[str, str] = {}
    for code in sorted(set(data.get("states") or {}) | set(pack)):
        info = (data.get("states") or {}).get(code) or {}
        adjectives = info.get("adjectives")
        english = adjectives.get("en") if isinstance(adjectives, dict) else None
        english = english or (pack.get(code) or {}).get("adjectives")
        if info.get("attributive"):
            english = [info["attributive"]]
        if not english:
            continue
        try:
            name = info.get("name") or _english_name(str(code))
        except (AttributeError, KeyError, LookupError):
            continue
        out[info.get("id") or slug(name)] = str(english[0])
    return out
