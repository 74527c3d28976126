"""Conditions attached to measures: "gdyby Rosja dokonała inwazji na Ukrainę" becomes
"if Russia invades Ukraine" (lexicon: ``data/lexicons/conditions.yaml``)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from briefing.data import load_yaml
from briefing.extract.context import ArticleContext
from briefing.extract.topics import CueIndex, compile_cues, cues_for
from briefing.models import Sentence

_REACH_WORDS = 8  # words between the marker and the event
_REACH = re.compile(rf"(?:\s*\S+){{0,{_REACH_WORDS}}}")


@dataclass(frozen=True, slots=True)
class _Event:
    key: str
    verb: str
    fallback: str
    rx: re.Pattern[str]
    impersonal: bool  # nobody in particular acts ("if the talks fail")


@cache
def _pronoun(lang: str) -> re.Pattern[str] | None:
    table = load_yaml("lexicons/conditions.yaml") or {}
    rx = compile_cues(cues_for(table.get("pronouns"), lang), lang)
    return re.compile(rf"\s*(?:{rx.pattern})(?!\w)") if rx else None


@cache
def _links(lang: str) -> re.Pattern[str]:
    """A gap between an event and its object: nothing, or a linking preposition."""
    table = load_yaml("lexicons/conditions.yaml") or {}
    rx = compile_cues(cues_for(table.get("links"), lang), lang)
    body = rf"(?:{rx.pattern})" if rx else "(?!)"
    return re.compile(rf"\s*(?:{body}\s*)?")


def _object_after(ctx: ArticleContext, sentence: Sentence, ev_end: int) -> str | None:
    links = _links(ctx.lang)
    for m in ctx.mentions_by_sentence().get(sentence.index, ()):
        if ev_end <= m.start <= ev_end + 40:
            return m.actor if links.fullmatch(ctx.norm, ev_end, m.start) else None
    return None


def marker_cues(lang: str) -> list[str]:
    """The cues of condition markers ("if", "gdyby"): no condition without one."""
    return cues_for((load_yaml("lexicons/conditions.yaml") or {}).get("markers"), lang)


@cache
def _patterns(lang: str) -> tuple[re.Pattern[str] | None, tuple[_Event, ...], CueIndex]:
    table = load_yaml("lexicons/conditions.yaml") or {}
    markers = compile_cues(marker_cues(lang), lang)
    events = []
    event_cues = []
    for key, spec in (table.get("events") or {}).items():
        cues = cues_for(spec.get("cues"), lang)
        rx = compile_cues(cues, lang)
        if rx is not None:
            event_cues.append(cues)
            events.append(
                _Event(
                    key,
                    str(spec["verb"]),
                    str(spec["fallback"]),
                    rx,
                    bool(spec.get("impersonal")),
                )
            )
    return markers, tuple(events), CueIndex(event_cues, lang)


def find_condition(
    ctx: ArticleContext,
    sentence: Sentence,
    default_subject: str | None = None,
    norm: str | None = None,
    keys: set[str] | None = None,
    start: int | None = None,
) -> tuple[str, str | None] | None:
    """The English condition stated in ``sentence`` and the actor it is about, or None.

    ``default_subject`` (an actor id, usually the measure's target) stands in when the
    condition does not name who acts ("در صورت انجام چنین اقداماتی": if such steps are
    taken). ``norm``: ``ctx.norm``, and ``keys``: the sentence's text keys, if at hand;
    ``start``: where to start searching, if no marker can start before it."""
    markers, events, index = _patterns(ctx.lang)
    if keys is not None:
        # Events that cannot match in the sentence cannot follow a marker in it.
        events = tuple(events[i] for i in index.candidates(keys))
    if markers is None or not events:
        return None
    if norm is None:
        norm = ctx.norm
    for m in markers.finditer(norm, sentence.start if start is None else start, sentence.end):
        reach = _REACH.match(norm, m.end(), sentence.end)
        window_end = reach.end() if reach else m.end()
        best: tuple[int, int, _Event] | None = None
        for ev in events:
            hit = ev.rx.search(norm, m.end(), window_end)
            if hit and (best is None or hit.start() < best[0]):
                best = (hit.start(), hit.end(), ev)
        if best is None:
            continue
        ev_start, ev_end, ev = best
        if ev.impersonal:
            return ev.fallback, None
        pronoun = _pronoun(ctx.lang)
        named = None
        if pronoun is None or not pronoun.match(norm, m.end(), ev_start):
            named = _first_actor(ctx, sentence, m.end(), ev_start)
        subject = named or default_subject or _last_actor(ctx, sentence, sentence.start, m.start())
        obj = _object_after(ctx, sentence, ev_end)
        if obj is None:
            # Verb-final clauses name the object first: "falls Russland in die Ukraine
            # einmarschiert".
            obj = _last_actor(ctx, sentence, m.end(), ev_start, exclude=subject)
        if subject is None or subject == obj:
            return ev.fallback, None
        text = f"if {_name(ctx, subject)} {ev.verb}"
        if obj:
            text += f" {_name(ctx, obj)}"
        elif ev.verb.endswith((" against", " on")):
            text = text.rsplit(" ", 1)[0]
        return text, subject
    return None


def _first_actor(ctx: ArticleContext, sentence: Sentence, start: int, end: int) -> str | None:
    for m in ctx.mentions_by_sentence().get(sentence.index, ()):
        if start <= m.start and m.end <= end:
            return m.actor
    return None


def _name(ctx: ArticleContext, actor: str) -> str:
    a = ctx.actors.get(actor)
    return a.name if a else actor


def _last_actor(
    ctx: ArticleContext, sentence: Sentence, start: int, end: int, exclude: str | None = None
) -> str | None:
    """ "Russia will suffer massive consequences if it invades": who the condition is about
    when it names no one."""
    found = None
    for m in ctx.mentions_by_sentence().get(sentence.index, ()):
        actor = ctx.actors.get(m.actor)
        if actor is not None and actor.type == "person":
            continue  # the speaker ("Scholz said …"), not the one who would act
        if start <= m.start and m.end <= end and m.actor != exclude:
            found = m.actor
    return found
