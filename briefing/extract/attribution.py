"""Attribution: who says what, sentence by sentence, in any of the supported languages.

Three forms are recognised (lexicon: each language pack's ``data/lang/<code>/reporting.yaml``,
see :func:`reporting_table`):

* a reporting or stance verb ("said", "powiedział", "a declarat", "گفت", "warnte") whose
  subject is found left of the verb (or, in Persian, at the head of the clause), right of
  it after a quotation ("…” – powiedział Blinken"), by coordination ("rejected … and
  believed"), through a pronoun ("He warned", "El a cerut") or an office ("the official",
  "urzędnik Białego Domu", "سخنگوی وزارت خارجه آمریکا");
* "according to X" (według, potrivit, به گفته, selon, laut, según, بحسب...);
* direct quotations in every quoting style, continued in the next sentence.

Speakers are actor ids from ``ctx.mentions``: an office resolves to the actor named next to
it (the White House, the State Department) or, when the text names none, to the last
office-holder that did speak; a pronoun to the last person who spoke or was mentioned.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from operator import attrgetter
from typing import Any

from briefing import langpacks
from briefing.data import load_yaml
from briefing.extract.context import ArticleContext
from briefing.extract.topics import compile_cues, cue_regex, cues_for
from briefing.kb import knowledge_base
from briefing.models import Mention, Sentence
from briefing.nlp.alternation import alternation, compiled

# Languages whose verb ends the clause: the subject opens it.
_VERB_FINAL = frozenset({"fa", "tr", "ja", "ko", "hi", "ur"})
# Verb-second languages: a clause opened by an object or adverb puts its subject right
# after the verb ("Det afviser både USA og Sydkorea", "Heute kritisierte Russland …").
_VERB_SECOND = frozenset({"de", "nl", "da", "sv", "no", "nb", "nn", "is"})
# Languages whose verb opens the clause ("وقال الوزير"): the subject follows it.
_VERB_INITIAL = frozenset({"ar"})
_VERB_INITIAL_REACH = 5  # words between such a verb and its subject
# Languages that put the speaker after the verb after a comma, not only after a quote
# ("…, a declarat Lavrov", "…, powiedział urzędnik"). English needs the quote.
_COMMA_INVERSION_EXCLUDED = frozenset({"en"})

_CLOSE_QUOTES = '”“»«’›"」'
# What ends the words said before a dash and the verb that reports them ("…, – сказал").
_AFTER_SAID = _CLOSE_QUOTES + ",.!?…:;،؛"
# Words after a verb that follows a comma within which its speaker begins ("…, a declarat
# joi ministrul Lavrov"); one further is the verb's object ("…, a dénoncé "la prise
# d'otage" du président X").
_COMMA_SPEAKER_REACH = 5
_BARE_VERB = re.compile(r"\s*(?:[,.;:!?،؛]|$)")  # a verb its own clause ends right after
_SPACED_DASH = re.compile(r"\s[–—-]\s")
_EDGE = ",.;:!?،؛–—-\"'„“”«»‘’‹›「」()"  # trimmed off the edges of reported content
_DASHES = "–—-"
# ends the phrase after a verb or "according to"; a colon or full stop inside a word is no
# break: the genitive of an abbreviation ("USA:s FN-sändebud", "YK:n pääsihteeri", "EU:n").
_PUNCT = re.compile(r"[,;!?،؛]|[.:](?!\w)")
_ROLE_BREAK = re.compile(r"[,.;:()«»“”„\"]")  # between an office and its actor
_COMMA_GAP = re.compile(r"\s*,\s*")
_ROLE_REACH = 30  # characters between an office noun and the actor it belongs to
_RIGHT_REACH = 60
_STATE_TYPES = frozenset({"state", "country"})
# Verbs whose content is a "that" clause (what is said starts after it), unlike "called
# for a meeting that …".
_HEADING_WORDS = 6  # a quoted line this short standing alone is a heading or caption
_SPEECH_KINDS = frozenset({"says", "assesses", "warns", "denies"})
# Verb kinds no passive agent is read after: "demanded from Iran" ("forderte von",
# "поиска от") names whom a demand is made of, not who made it.
_NO_AGENT = frozenset({"demands", "participle"})
_WORD_BEFORE = re.compile(r"\w[\w'’-]*$")
# Languages whose subject stands before its verb but for a quotation ("…, said X"): no
# subject is looked for right of a verb with none before it.
_SUBJECT_FIRST = frozenset({"en", "fr"})
# Languages writing a proper noun's case ending after an apostrophe ("Rusya'nın").
_CASE_AFTER_APOSTROPHE = frozenset({"tr"})
_CASE_ENDING = re.compile(r"['’]\w")
_HEADLINE_HEAD = 80  # characters: a headline's speaker and colon open the line
_HEADLINE_WORDS = 3  # words after the colon: something said, not a label
_HEADLINE_TITLE = 3  # words before the speaker's name ("Russian FM Lavrov:")
_HOLDER_GAP = 4  # words between a state opening a subject phrase and the person it ends in
_INVERTED_LEAD = 2  # words before such a verb in its clause ("Anschließend forderte")
_INVERTED_REACH = 8  # words after it where its subject may stand
# Languages with free constituent order, where a clause may open with its object and put
# the subject after the verb ("Dohodu o prímerí privítali predstavitelia USA", "Do zamachu
# przyznał się Ruch Oporu", "Iza izjave su stale sve članice"): a longer lead that names
# nobody is the object or an adverbial, not a subject.
_FREE_ORDER = frozenset(
    {
        "pl",
        "cs",
        "sk",
        "sl",
        "hr",
        "sr",
        "bg",
        "ru",
        "uk",
        "lt",
        "lv",
        "hu",
        "el",
        "ro",
        "it",
        "es",
        "pt",
    }
)
_FREE_ORDER_LEAD = 12  # words of such a lead
_APPOSED = re.compile(
    r"\s*[,،]\s*"
)  # "نائبة وزير الخارجية الأمريكي، ويندي شيرمان"  # characters after a post-posed verb where its speaker may stand


@dataclass(frozen=True, slots=True)
class Attribution:
    sentence: Sentence
    speakers: tuple[str, ...]  # actor ids ("NATO and the US announced": both)
    kind: str  # stance kind of the verb; "says" when neutral
    spans: tuple[tuple[int, int], ...]  # reported content, absolute offsets
    via: str  # "verb" | "according" | "quote" | "continuation" | "headline"
    # What is reported, without the verb and its speaker (absolute offsets): the quotation
    # if there is one, else the clause the verb introduces or closes. Empty: the spans.
    content: tuple[tuple[int, int], ...] = ()
    unnamed: bool = False  # the speaker is an office or source, not a named person

    @property
    def speaker(self) -> str:
        return self.speakers[0]


@dataclass(frozen=True, slots=True)
class _Lexicon:
    verbs: tuple[tuple[str, re.Pattern[str]], ...]  # kind "participle": "…, adding"
    any_verb: re.Pattern[str] | None  # every verb cue at once, to find them in one pass
    # "(cues of kind 1)|(cues of kind 2)|…": its fullmatch of a span is the first kind that
    # fullmatches it, named by the group (``verbs[lastindex - 1]``); None if a cue has groups.
    verb_kinds: re.Pattern[str] | None
    openers: re.Pattern[str]  # opening quotation marks
    according: re.Pattern[str] | None
    according_after: re.Pattern[str] | None
    any_according: re.Pattern[str] | None  # the cues of all three: where the first one is
    roles: re.Pattern[str] | None
    pronouns: re.Pattern[str] | None
    any_subject: re.Pattern[str] | None  # the cues of roles and pronouns
    conjunctions: re.Pattern[str] | None
    conj_gap: re.Pattern[str] | None  # a gap that is only a conjunction ("NATO i USA")
    negation: re.Pattern[str] | None  # a negation ending the text before a verb
    preposition: re.Pattern[str] | None  # a preposition ending the text before an actor
    complementizers: re.Pattern[str] | None
    contrasts: re.Pattern[str] | None  # "but": a clause with a stance of its own
    quotes: tuple[tuple[str, str], ...]
    plural: re.Pattern[str] | None = None  # plural pronouns ("they", "ils")
    definite: re.Pattern[str] | None = None  # a definite article ending the text before
    institutions: re.Pattern[str] | None = None  # offices that are institutions
    final: re.Pattern[str] | None = None  # verb forms closing their clause ("angedroht")
    we: re.Pattern[str] | None = None  # first person plural ("we", "nous", "wir")
    # "according to him" ("po jego słowach", "ihm zufolge", "по его словам"): the speaker
    # is the person who spoke last.
    according_pronouns: re.Pattern[str] | None = None
    # Agreement, where the verb marks the subject's gender (Arabic, Hebrew): verb forms
    # of a feminine subject, and the masculine heads no such verb takes as its subject.
    feminine_verbs: re.Pattern[str] | None = None
    masculine_subjects: re.Pattern[str] | None = None
    # The agent of a passive ("condemned by Qatar", "condenados pelo Catar"): a
    # preposition right after the verb, or a postposition ("Katar tarafından kınandı").
    agent_after: re.Pattern[str] | None = None
    agent_post: re.Pattern[str] | None = None
    joint: re.Pattern[str] | None = None  # "both sides", "the two leaders"
    feminine: re.Pattern[str] | None = None  # "она", "ona", "elle"


def _ending(
    rx: re.Pattern[str] | None, article: bool = False, lang: str = "any"
) -> re.Pattern[str] | None:
    """``rx`` as the last word of a text (``article``: or followed by one short word, as
    in "a la", "to the")."""
    if rx is None:
        return None
    tail = r"(?:\s+\w{1,3})?" if article else ""
    return compiled(rf"(?:{rx.pattern}){tail}\s*$", lang)


# A negated verb means the opposite stance ("nie wyklucza": does not rule out).
_NEGATED = {"rejects": "supports", "denies": "assesses", "supports": "rejects"}


@cache
def reporting_table() -> dict[str, Any]:
    """The reporting lexicon keyed ``{key: {code: data}}``: every language pack's
    ``reporting.yaml`` (``stance_cues`` pivoted to ``{kind: {code: cues}}``), over the
    language-independent part of ``data/lexicons/reporting_verbs.yaml`` (quotation marks),
    with the generated ``reporting_forms.yaml`` of each pack added to its verbs."""
    out: dict[str, Any] = dict(load_yaml("lexicons/reporting_verbs.yaml") or {})
    for code, pack in langpacks.section("reporting").items():
        for key, value in (pack or {}).items():
            if key == "stance_cues":
                for kind, cues in (value or {}).items():
                    out.setdefault(key, {}).setdefault(str(kind), {})[code] = cues
            elif key == "quotes":
                out.setdefault("lang_quotes", {})[code] = value
            else:
                out.setdefault(key, {})[code] = value
    # Every inflected form of the packs' verbs (tools/reporting_forms.py), after the cues
    # written by hand: "sanoi" brings "sanoo", "sanonut"; "ha detto" brings "dice".
    for code, pack in langpacks.section("reporting_forms").items():
        for kind, forms in ((pack or {}).get("verbs") or {}).items():
            verbs = out.setdefault("verbs", {}).setdefault(code, {})
            verbs[kind] = [*(verbs.get(kind) or ()), *forms]
    # Acts that state a stance ("voted against", "withdrew from"): verbs of their kind.
    from briefing.extract.positions.acts import add_act_verbs

    add_act_verbs(out)
    return out


@cache
def _clitic_moved(cue: str, reflexives: frozenset[str]) -> list[str]:
    """A verb cue with a reflexive clitic, also with the clitic on the verb's other side:
    "domnívá se" -> "se domnívá", "se domníval*" -> "domníval* se", "postavil* se proti"
    -> "se postavil* proti" (the clitic goes where the clause puts it, not with the verb)."""
    words = cue.split()
    if len(words) < 2 or cue.startswith("re:") or ".." in cue:
        return []
    if words[0] in reflexives:
        return [" ".join((words[1], words[0], *words[2:]))]
    if words[1] in reflexives:
        return [" ".join((words[1], words[0], *words[2:]))]
    return []


@cache
def lexicon(lang: str) -> _Lexicon:
    table = reporting_table()
    inserts = cues_for(table.get("inserts"), lang)
    reflexives = frozenset(cues_for(table.get("reflexives"), lang))

    def expand(cues: list[str]) -> list[str]:
        """Each cue of two words or more, also with an insert after its first word ("a
        affirmé" -> "a aussi affirmé")."""
        out = list(cues)
        for c in cues:
            head, _sp, rest = c.partition(" ")
            if rest and not c.startswith("re:") and ".." not in c:
                out.extend(f"{head} {ins} {rest}" for ins in inserts)
        for c in cues:
            out.extend(_clitic_moved(c, reflexives))
        return out

    verb_table = {
        str(kind): expand([str(c) for c in cues])
        for kind, cues in ((table.get("verbs") or {}).get(lang) or {}).items()
    }
    final_table = {
        str(kind): [str(c) for c in cues]
        for kind, cues in ((table.get("final_verbs") or {}).get(lang) or {}).items()
    }
    for kind, cues in final_table.items():
        verb_table.setdefault(kind, []).extend(cues)
    verbs = []
    for kind, cues in verb_table.items():
        rx = compile_cues(cues, lang)
        if rx is not None:
            verbs.append((str(kind), rx))
    participles = compile_cues(cues_for(table.get("participles"), lang), lang)
    if participles is not None:
        verbs.append(("participle", participles))
    all_cues = [c for cues in verb_table.values() for c in cues]
    all_cues += cues_for(table.get("participles"), lang)
    quotes = tuple(
        dict.fromkeys(
            (str(o), str(c))
            for o, c in [
                *((table.get("lang_quotes") or {}).get(lang) or []),
                *(table.get("quotes") or []),
            ]
        )
    )

    def words(*keys: str) -> re.Pattern[str] | None:
        return compile_cues([c for key in keys for c in cues_for(table.get(key), lang)], lang)

    # Conjunctions must end right before the verb, so they are anchored at the end.
    conj = cues_for(table.get("conjunctions"), lang)
    conj_alt = "(?:" + alternation([cue_regex(c, lang) for c in conj]) + ")"
    # "…, однако предложил": a contrast before a verb also shares the subject.
    shared = conj + cues_for(table.get("contrasts"), lang)
    shared_alt = "(?:" + alternation([cue_regex(c, lang) for c in shared]) + ")"
    conj_rx = compiled(shared_alt + r"[\s,]*$", lang) if shared else None
    definite = cues_for(table.get("definite"), lang)
    article = (
        r"(?:(?:" + alternation([cue_regex(c, lang) for c in definite]) + r")\s+)?"
        if definite
        else ""
    )
    # "Russland und die Ukraine": an article may follow the conjunction.
    gap_rx = compiled(r"\s*(?:,\s*)?" + conj_alt + r"\s*" + article, lang) if conj else None
    kinds = None
    if verbs and all(rx.groups == 0 for _kind, rx in verbs):
        # Compiled once per language and machine, not in every process (nlp.alternation).
        kinds = compiled("|".join(f"({rx.pattern})" for _kind, rx in verbs), lang)
    return _Lexicon(
        verbs=tuple(verbs),
        verb_kinds=kinds,
        according=words("according"),
        according_after=words("according_after"),
        any_according=words("according", "according_after", "according_pronouns"),
        roles=words("unnamed", "roles"),
        pronouns=words("pronouns"),
        any_subject=words("unnamed", "roles", "pronouns"),
        any_verb=compile_cues(all_cues, lang),
        openers=re.compile("|".join(sorted({re.escape(o) for o, _c in quotes}))),
        conjunctions=conj_rx,
        conj_gap=gap_rx,
        complementizers=words("complementizers"),
        contrasts=words("contrasts"),
        negation=_ending(words("negations"), lang=lang),
        preposition=_ending(words("prepositions"), article=True, lang=lang),
        quotes=quotes,
        plural=words("plural_pronouns"),
        definite=_ending(words("definite"), lang=lang),
        institutions=words("institutions"),
        final=compile_cues([c for cues in final_table.values() for c in cues], lang),
        we=words("we"),
        according_pronouns=words("according_pronouns"),
        feminine_verbs=words("feminine_verbs"),
        masculine_subjects=words("masculine_subjects"),
        agent_after=_agent_rx(words("agents"), r"\s+(?:{})\s+", lang),
        joint=words("joint"),
        feminine=words("feminine_pronouns"),
        agent_post=_agent_rx(words("agent_postpositions"), r"\s*(?:{})(?:\s+\w+)?\s*$", lang),
    )


def _agent_rx(rx: re.Pattern[str] | None, shape: str, lang: str) -> re.Pattern[str] | None:
    return compiled(shape.format(rx.pattern), lang) if rx is not None else None


@cache
def _passive_sites(lang: str) -> re.Pattern[str] | None:
    """A word then an agent preposition ("condenados pelo", "condannata dalla"), or an
    agent postposition then a word ("tarafından kınandı"): where a passive verb the
    verb lists lack (participles: "condenados") may stand."""
    table = reporting_table()
    pre = compile_cues(cues_for(table.get("agents"), lang), lang)
    post = compile_cues(cues_for(table.get("agent_postpositions"), lang), lang)
    alts = []
    if pre is not None:
        # The preposition first (a literal the regex engine finds fast), the word
        # before it after.
        alts.append(rf"(?P<a>\s+)(?:{pre.pattern})\s")
    if post is not None:
        alts.append(rf"(?:{post.pattern})\s+(?P<b>\w+)")
    return compiled("|".join(alts), lang) if alts else None


@cache
def _stance_lemmas(lang: str) -> dict[str, str]:
    """{lemma: kind} of the pack's verbs: its ``verb_lemmas`` and the lemmas of its
    single-word verb cues written by hand (not the generated forms)."""
    from briefing.nlp.pipeline import lemma

    out: dict[str, str] = {}
    pack = langpacks.section("reporting").get(lang) or {}
    for kind, lemmas in (pack.get("verb_lemmas") or {}).items():
        for w in lemmas or ():
            out.setdefault(str(w).lower(), str(kind))
    for kind, cues in (pack.get("verbs") or {}).items():
        for c in cues or ():
            c = str(c)
            if " " not in c and "*" not in c and not c.startswith("re:"):
                out.setdefault(lemma(c, lang), str(kind))
    return out


def _passive_kind(word: str, lang: str) -> str | None:
    """The kind of the stance verb ``word`` is a form of (a participle: "condenados" ->
    "condenado" -> "condenar"), if any."""
    from briefing.nlp.pipeline import lemma

    lemmas = _stance_lemmas(lang)
    first = lemma(word, lang)
    kind = lemmas.get(first)
    if kind is None:
        kind = lemmas.get(lemma(first, lang))
    return kind


_START = attrgetter("start")


@dataclass(slots=True)
class _Cand:
    start: int
    end: int
    kind: str  # "mention" | "role" | "pronoun"
    actor: str | None = None


@dataclass(slots=True)
class _Memory:
    """What earlier sentences of the article tell about speakers."""

    last_speaker: str | None = None
    last_speaker_sentence: int = -10
    last_person_speaker: str | None = None
    last_role_speaker: str | None = None
    current: str | None = None  # speaker of the previous verb in the current sentence
    last_speakers: tuple[str, ...] = ()  # every speaker of the last statement


def find_quotes(text: str, sentence: Sentence, lang: str) -> list[tuple[int, int]]:
    """Quotations (absolute spans, marks included) of two words or more; an opening mark
    at the sentence start that does not close in it runs to the sentence end."""
    out: list[tuple[int, int]] = []
    s, e = sentence.start, sentence.end
    lex = lexicon(lang)
    pairs = lex.quotes
    i = s
    while i < e:
        nxt = lex.openers.search(text, i, e)
        if nxt is None:
            break
        i = nxt.start()
        ch = text[i]
        prev = text[i - 1] if i > s else " "
        closed = False
        for op, cl in pairs:
            if ch != op or (op in "\"'‘" and not (prev.isspace() or prev in "([–—-:")):
                continue
            j = text.find(cl, i + 1, e)
            if j > i and len(text[i + 1 : j].split()) >= 2:
                out.append((i, j + 1))
                i = j + 1
                closed = True
                break
        if closed:
            continue
        if i == s and ch in '„“«"‘' and not out:
            out.append((i, e))
            break
        i += 1
    return out


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= pos < b for a, b in spans)


def _verb_matches(
    norm: str, sentence: Sentence, lex: _Lexicon, quotes: list[tuple[int, int]]
) -> list[tuple[int, int, str]]:
    """(start, end, kind) of every verb outside quotations, overlaps resolved longest."""
    if lex.any_verb is None:
        return []
    out: list[tuple[int, int, str]] = []
    verbs = lex.verbs
    kinds = lex.verb_kinds
    # One pass finds where verbs are (longest cue first); the kind is then the first
    # kind whose own cues match that very span.
    for m in lex.any_verb.finditer(norm, sentence.start, sentence.end):
        start, end = m.span()
        if (quotes and _inside(start, quotes)) or norm[start - 1 : start] == "-":
            continue  # quoted speech, or a compound ("Iran-backed")
        if kinds is not None:
            k = kinds.fullmatch(norm, start, end)
            kind = verbs[k.lastindex - 1][0] if k is not None and k.lastindex else None
        else:
            kind = next((k for k, rx in verbs if rx.fullmatch(norm, start, end)), None)
        if kind is not None:
            out.append((start, end, kind))
    return out


def _spans(rx: re.Pattern[str] | None, norm: str, start: int, end: int) -> list[tuple[int, int]]:
    if rx is None or start >= end:
        return []
    return [m.span() for m in rx.finditer(norm, start, end)]


def _first(rx: re.Pattern[str] | None, norm: str, start: int, end: int) -> int:
    """Where the first match of ``rx``, the cues of several lexicons, starts (-1: none).
    No cue of those lexicons matches before it: their searches can start there (a match
    does not depend on where the search starts), and find the same."""
    if rx is None:
        return -1
    m = rx.search(norm, start, end)
    return m.start() if m else -1


class _Attributor:
    def __init__(self, ctx: ArticleContext) -> None:
        self.ctx = ctx
        self.lang = ctx.lang
        self.lex = lexicon(ctx.lang)
        self.text = ctx.article.text  # the doc's text, without rebuilding it
        self.norm = ctx.norm
        self.mem = _Memory()
        self.by_sentence = ctx.mentions_by_sentence()
        self._ends = sorted(m.end for m in ctx.mentions)
        self.persons = frozenset(k for k, a in ctx.actors.items() if a.type == "person")
        self.unnamed = False  # whether the last speaker resolved was an office or source
        self.acc_more: tuple[str, ...] = ()  # actors joined to an "according to" speaker
        self.acc_span: tuple[int, int] | None = None  # the "according to" phrase naming it
        self.inverted_more: tuple[str, ...] = ()  # actors joined to an inverted subject
        self.plural_more: tuple[str, ...] = ()  # the others a plural pronoun stands for

    # ---- helpers -------------------------------------------------------------------
    def _is_person(self, actor: str | None) -> bool:
        return (actor or "") in self.persons

    def _candidates(self, s: Sentence, start: int, end: int) -> list[_Cand]:
        cands = [
            _Cand(m.start, m.end, "mention", m.actor)
            for m in self.by_sentence.get(s.index, ())
            if m.start >= start and m.end <= end
        ]
        first = _first(self.lex.any_subject, self.norm, start, end)
        if first < 0:
            return cands  # mentions only: already in text order
        taken = [(c.start, c.end) for c in cands]
        for kind, rx in (("role", self.lex.roles), ("pronoun", self.lex.pronouns)):
            for a, b in _spans(rx, self.norm, first, end):
                if taken and any(a < y and x < b for x, y in taken):
                    continue
                cands.append(_Cand(a, b, kind))
        cands.sort(key=_START)
        return cands

    def _resolve_role(self, s: Sentence, c: _Cand) -> str | None:
        best: tuple[int, str] | None = None
        for m in self.by_sentence.get(s.index, []):
            if m.end <= c.start:
                gap = c.start - m.end
            elif m.start >= c.end:
                gap = m.start - c.end
            else:
                gap = 0
            between = self.text[min(m.end, c.end) : max(m.start, c.start)]
            # A person named right by the office is its holder, before a state
            # qualifying it ("izraelský premiér Benjamin Netanjahu").
            rank = gap - (1 if self._is_person(m.actor) else 0)
            if (
                gap <= _ROLE_REACH
                and not _ROLE_BREAK.search(between)
                and (best is None or rank < best[0])
            ):
                best = (rank, m.actor)
        if self._names_again(s, c, best[1] if best else None):
            # "dijo el diplomático ruso", "the official said": the person who just spoke.
            return self.mem.last_person_speaker
        if best is not None:
            self.mem.last_role_speaker = best[1]
            return best[1]
        return self.mem.last_role_speaker

    def _names_again(self, s: Sentence, c: _Cand, near: str | None) -> bool:
        """A definite office ("the official", "el diplomático ruso"), not an institution,
        with no actor next to it but a state, after a person spoke in the sentences just
        before: that person, named again by office."""
        lex = self.lex
        person = self.mem.last_person_speaker
        if (
            person is None
            or s.index - self.mem.last_speaker_sentence > 2
            or (lex.institutions is not None and lex.institutions.search(self.norm, c.start, c.end))
        ):
            return False
        if near is not None:
            actor = self.ctx.actors.get(near)
            if actor is None or actor.type not in _STATE_TYPES:
                return False
        # No article to say "the": the office names that person again only when its
        # state is that person's ("uvedl americký diplomat" after the US diplomat was
        # quoted by name), never another state's envoy.
        bare = lex.definite is None or not lex.definite.search(
            self.norm, max(s.start, c.start - 12), c.start
        )
        if bare and (near is None or self._state_of(person, s) != near):
            return False
        # Another person named in the sentence may be the one the office stands for.
        return not any(
            self._is_person(m.actor) and m.actor != self.mem.last_person_speaker
            for m in self.by_sentence.get(s.index, ())
        )

    def _state_of(self, person: str, s: Sentence) -> str | None:
        """The state a person serves: their office's in the knowledge base, else the
        state named right before them in an earlier sentence of the article ("Zástupce
        americké vyslankyně při OSN Jeffrey DeLaurentis")."""
        kb = knowledge_base().actors.get(person)
        office = kb.office_on(self.ctx.as_of) if kb is not None else None
        if office is not None:
            return office.of
        for idx in range(s.index - 1, -1, -1):
            ms = self.by_sentence.get(idx, ())
            for j, m in enumerate(ms):
                if m.actor != person:
                    continue
                for x in reversed(ms[:j]):
                    a = self.ctx.actors.get(x.actor or "")
                    between = self.text[x.end : m.start]
                    if len(between) > 2 * _ROLE_REACH or _ROLE_BREAK.search(between):
                        break
                    if a is not None and a.type in _STATE_TYPES:
                        return x.actor
        return None

    def _resolve_pronoun(self, s: Sentence, c: _Cand) -> str | None:
        plural = self.lex.plural
        if plural is not None and plural.fullmatch(self.norm, c.start, c.end):
            # "Les Etats-Unis dénoncent … Ils ont appelé": the last speaker, whoever.
            if self.mem.current is not None:
                return self.mem.current
            if self.mem.last_speaker and s.index - self.mem.last_speaker_sentence <= 2:
                # "Poland and Lithuania condemned … They demanded …": all of them.
                self.plural_more = self.mem.last_speakers[1:]
                return self.mem.last_speaker
        before = [
            m
            for m in self.by_sentence.get(s.index, [])
            if m.end <= c.start and self._is_person(m.actor)
        ]
        if before and c.start - before[-1].end <= 40:
            return before[-1].actor
        fem = self.lex.feminine
        last = self.mem.last_speaker
        if (
            fem is not None
            and self.mem.current is None
            and last is not None
            and not self._is_person(last)
            and s.index - self.mem.last_speaker_sentence <= 1
            and fem.fullmatch(self.norm, c.start, c.end)
        ):
            # "ECOWAS … Она заяви", "l'Union européenne … Elle demande": an organisation
            # or state (feminine nouns) spoke last; the pronoun names it again, not the
            # last person who spoke.
            return last
        if self.mem.current is not None:
            # The subject of the verb before in this sentence, person or not ("l'Otan
            # propose …, mais elle refuse …").
            return self.mem.current
        if self.mem.last_person_speaker and s.index - self.mem.last_speaker_sentence <= 3:
            return self.mem.last_person_speaker
        # The last person named in the sentences before.
        persons = self.persons
        for idx in range(s.index - 1, -1, -1):
            for m in reversed(self.by_sentence.get(idx, ())):
                if (m.actor or "") in persons and m.start < c.start:
                    return m.actor
        return None

    def _resolve(self, s: Sentence, c: _Cand) -> str | None:
        self.unnamed = c.kind == "role"
        if c.kind == "mention":
            return c.actor
        if c.kind == "role":
            return self._resolve_role(s, c)
        return self._resolve_pronoun(s, c)

    def _last_recent_speaker(self, s: Sentence) -> str | None:
        if self.mem.last_speaker and s.index - self.mem.last_speaker_sentence <= 2:
            return self.mem.last_speaker
        return None

    # ---- speakers ------------------------------------------------------------------
    def _post_posed(self, s: Sentence, vstart: int, vend: int | None = None) -> str:
        """How a verb follows what it reports: "quote" (after a closing quotation mark, or
        a dash after one or after punctuation: "…», – сказал Лавров"), "comma" ("…, a
        declarat Lavrov"), or "" (the verb is not post-posed). A dash after a bare word
        sets off an insertion ("13 z 15 členov - všetky krajiny okrem Číny - odsúdili"),
        not what was said."""
        text = self.text
        k = vstart - 1
        while k >= s.start and text[k].isspace():
            k -= 1
        if k < s.start:
            return ""
        ch = text[k]
        if ch in _CLOSE_QUOTES:
            return "quote"
        if ch in _DASHES:
            j = k - 1
            while j >= s.start and text[j].isspace():
                j -= 1
            if j >= s.start and text[j] in _AFTER_SAID:
                return "quote"
            # "– Zahvalio sam … – napisao je Vučić": a line of dialogue opens with a dash.
            head = text[s.start : j + 1].lstrip()
            if head[:1] in _DASHES:
                return "quote"
            # A dash closing an insertion another one opened ("13 z 15 členov - všetky
            # krajiny okrem Číny a Ruska - odsúdili") is not what was said then its verb.
            return "" if _SPACED_DASH.search(head) else "quote"
        if ch != "," or self.lang in _COMMA_INVERSION_EXCLUDED or self._apposition_before(s, k):
            return ""
        comp = self.lex.complementizers
        if vend is not None and comp is not None and comp.match(self.norm[vend:].lstrip()):
            return ""  # "…, declaró que …": the verb opens what is said, its subject before
        return "" if self._subject_phrase(s, k) else "comma"

    def _subject_phrase(self, s: Sentence, comma: int) -> bool:
        """The sentence opens with a short noun phrase ending in a person's name, then
        the comma ("La secrétaire d'État adjointe américaine Wendy Sherman, a indiqué"):
        that is the subject, not a statement before an inverted verb."""
        head = self.text[s.start : comma]
        if "," in head or len(head.split()) > 10:
            return False
        last = [m for m in self.by_sentence.get(s.index, []) if m.end <= comma]
        return (
            bool(last)
            and not head[last[-1].end - s.start :].strip()
            and self._is_person(last[-1].actor)
        )

    def _apposition_before(self, s: Sentence, comma: int) -> bool:
        """A person set off by commas right before the verb ("Le directeur de l'AIEA,
        Rafael Grossi, a appelé …") is its subject: the verb is not post-posed."""
        for m in self.by_sentence.get(s.index, []):
            if m.end <= comma and not self.text[m.end : comma].strip():
                before = self.text[s.start : m.start].rstrip()
                return self._is_person(m.actor) and before.endswith(",")
        return False

    def _after_verb(self, s: Sentence, vend: int, stop: int) -> list[_Cand]:
        """The candidate speakers between a verb's end and ``stop``, cut at the first
        punctuation mark or complementizer (what follows is the content), less those a
        preposition governs or the verb's agreement rules out."""
        p = _PUNCT.search(self.text, vend, stop)
        if p:
            stop = p.start()
        comp = _spans(self.lex.complementizers, self.norm, vend, stop)
        if comp:
            stop = comp[0][0]
        return [
            c
            for c in self._candidates(s, vend, stop)
            if not self._governed(vend, c) and not self._disagrees(vend, c)
        ]

    def _right_speaker(
        self, s: Sentence, vend: int, reach: int | None = None
    ) -> tuple[bool, str | None]:
        """(found a speaker phrase, its actor) right of a post-posed verb; ``reach``: the
        phrase must start within that many words of the verb."""
        stop = min(s.end, vend + _RIGHT_REACH)
        if reach is not None:
            words = re.match(rf"(?:\s*\S+){{0,{reach}}}", self.text[vend:stop])
            stop = vend + (words.end() if words else 0)
        cands = self._after_verb(s, vend, stop)
        persons = [c for c in cands if c.kind == "mention" and self._is_person(c.actor)]
        roles = [c for c in cands if c.kind == "role"]
        pronouns = [c for c in cands if c.kind == "pronoun"]
        mentions = [c for c in cands if c.kind == "mention"]
        if persons:
            # The name may stand past the comma that ends the search.
            later = [
                _Cand(m.start, m.end, "mention", m.actor)
                for m in self.by_sentence.get(s.index, ())
                if m.start >= persons[0].end and self._is_person(m.actor)
            ]
            persons = [*persons, *(c for c in later[:1] if c.start >= stop)]
        if reach is None and not persons and not roles:
            # "…“, uvedl krátce po oznámení dohody izraelský premiér Benjamin Netanjahu":
            # the person closing the clause, past a state that only qualifies them.
            far = min(s.end, vend + 2 * _RIGHT_REACH)
            m = _PUNCT.search(self.text, vend, far)
            far = m.start() if m else far
            persons = [
                _Cand(x.start, x.end, "mention", x.actor)
                for x in self.by_sentence.get(s.index, ())
                if vend <= x.start
                and stop < x.end  # past the search, or straddling its end
                and x.end <= far
                and self._is_person(x.actor)
                and not self._governed(vend, _Cand(x.start, x.end, "mention", x.actor))
            ][:1]
        comma = (
            _PUNCT.search(self.text, vend, stop) if not persons and (roles or mentions) else None
        )
        if comma is not None and comma.group() == ",":
            # "siger Ukraines FN-ambassadør, Serhij Kyslytsja, om …": the office, then the
            # name set off by a comma right where the search stopped.
            nxt = next(
                (x for x in self.by_sentence.get(s.index, ()) if x.start >= comma.end()), None
            )
            if (
                nxt is not None
                and self._is_person(nxt.actor)
                and not self.text[comma.end() : nxt.start].strip()
            ):
                persons = [_Cand(nxt.start, nxt.end, "mention", nxt.actor)]
        if len(persons) > 1 and self._apposed(s, persons[0], persons[1]):
            # An office then the name set off by a comma ("the US deputy secretary of
            # state, Wendy Sherman"): the name says who.
            persons = persons[1:]
        for group in (persons, roles, mentions, pronouns):
            if group:
                return True, self._resolve(s, group[0])
        return False, None

    def _inverted_subject(
        self, s: Sentence, vend: int, kind: str, fronted: bool = False
    ) -> str | None:
        """The subject right after a verb that has none before it (verb-second and
        verb-subject order): a person or an office for every verb; a state or
        organisation only after a verb of speech ("uviedla ruská diplomacie"), since after
        a stance verb it is the object ("Kritizoval USA")."""
        m = re.match(rf"(?:\s*\S+){{0,{_INVERTED_REACH}}}", self.text[vend : s.end])
        stop = vend + (m.end() if m else 0)
        cands = self._after_verb(s, vend, stop)
        persons = [c for c in cands if c.kind == "mention" and self._is_person(c.actor)]
        roles = [c for c in cands if c.kind == "role"]
        groups: list[list[_Cand]] = [persons, roles]
        if kind in _SPEECH_KINDS or fronted:
            # In a verb-second clause something else opened ("Det afviser både USA og
            # Sydkorea", "Heute kritisierte Russland …"), what follows the verb is its
            # subject, whatever the verb.
            groups.append([c for c in cands if c.kind == "mention"])
        for group in groups:
            if group:
                actor = self._resolve(s, group[0])
                if actor and fronted and group[0].kind == "mention":
                    more = self._co_subjects_after(s, group[0], stop)
                    self.inverted_more = tuple(a for a in dict.fromkeys(more) if a != actor)
                return actor
        return None

    def _object_lead(self, s: Sentence, clause: int, vs: int) -> bool:
        """In a free-order language, the words before a verb are a lead of their own
        (an object or adverbial: no actor, office or pronoun, no punctuation) short
        enough for the subject to follow the verb."""
        if self.lang not in _FREE_ORDER:
            return False
        lead = self.text[clause:vs]
        if len(lead.split()) > _FREE_ORDER_LEAD or _PUNCT.search(lead.strip(" ,")):
            return False
        # Actors a preposition governs are no subject ("Počas stretnutia s prezidentom
        # Zelenským v Kyjeve to vyhlásil premiér Heger").
        cands = self._candidates(s, clause, vs)
        governed: list[_Cand] = []
        for c in cands:
            if c.kind != "mention":
                return False
            head = governed[-1] if governed else None
            # "s ukrajinským prezidentom Volodymyrom Zelenským": one phrase the
            # preposition governs, the qualifying state then the office holder.
            joined = (
                head is not None
                and len(self.text[head.end : c.start].split()) <= 2
                and not _ROLE_BREAK.search(self.text, head.end, c.start)
            )
            if not (joined or self._governed_chain(s, clause, c)):
                return False
            governed.append(c)
        return True

    def _joint(self, s: Sentence, clause: int, vs: int) -> tuple[str, ...]:
        """The subject "both sides" / "the two leaders" right before a verb: the last two
        actors named before it (in this sentence or the one before), each holding the
        view; () when that is not two distinct actors."""
        spans = _spans(self.lex.joint, self.norm, clause, vs)
        if not spans:
            return ()
        a, b = spans[-1]
        if len(self.text[b:vs].split()) > 2 or _PUNCT.search(self.text, b, vs):
            return ()
        named = [m for m in self.by_sentence.get(s.index, ()) if m.end <= a]
        actors: list[str] = []
        for m in reversed([*self.by_sentence.get(s.index - 1, ()), *named]):
            if m.actor and m.actor not in actors:
                actors.append(m.actor)
                if len(actors) == 2:
                    return (actors[1], actors[0])
        return ()

    def _counted(self, s: Sentence, clause: int, vs: int) -> tuple[str, ...]:
        from briefing.extract.positions.holders import counted_subject

        return counted_subject(
            self.lang, self.text, self.norm, clause, vs, s.index, self.by_sentence, self.ctx.actors
        )

    def _with_passives(
        self, s: Sentence, verbs: list[tuple[int, int, str]]
    ) -> list[tuple[int, int, str]]:
        """``verbs`` and the passive forms of stance verbs the verb lists lack, where an
        agent follows them ("foram condenados pelo Catar", "Katar tarafından kınandı")."""
        sites = _passive_sites(self.lang)
        if sites is None:
            return verbs
        added = []
        for m in sites.finditer(self.norm, s.start, s.end):
            if m.groupdict().get("a") is not None:
                w = _WORD_BEFORE.search(self.norm, max(s.start, m.start() - 40), m.start())
                if w is None:
                    continue
                a, b = w.span()
            else:
                a, b = m.span("b")
            if any(vs < b and a < ve for vs, ve, _k in verbs):
                continue
            kind = _passive_kind(self.text[a:b], self.lang)
            if kind is None or kind in _NO_AGENT or self._agent(s, a, b) is None:
                continue
            added.append((a, b, kind))
        return sorted([*verbs, *added]) if added else verbs

    def _agent(self, s: Sentence, vs: int, ve: int) -> str | None:
        """The agent of a passive verb, who holds the view it reports ("the strikes were
        condemned by Qatar", "Katar tarafından kınandı"): an actor named right after the
        agent preposition that follows the verb, or right before the verb with its
        postposition. (Not "von X ausgeschlossen wurden" before a German or Dutch
        participle: mostly a relative clause reporting a measure.)"""
        lex, text, norm = self.lex, self.text, self.norm
        mentions = self.by_sentence.get(s.index, ())
        if lex.agent_after is not None:
            m = lex.agent_after.match(norm, ve, s.end)
            if m is not None:
                for x in mentions:
                    if x.start >= m.end():
                        gap = text[m.end() : x.start]
                        if len(gap.split()) <= 1 and not _PUNCT.search(gap):
                            return x.actor
                        break
        if lex.agent_post is None:
            return None
        before = [x for x in mentions if x.end <= vs]
        if not before:
            return None
        x = before[-1]
        gap = text[x.end : vs]
        if _PUNCT.search(gap):
            return None
        if lex.agent_post.fullmatch(norm, x.end, vs):
            return x.actor
        return None

    def _holder(self, c: _Cand, cands: list[_Cand]) -> _Cand | None:
        """The person a phrase opened by a state ends in ("Volgens de Amerikaanse
        VN-ambassadeur Thomas-Greenfield"): the office holder, whom the state only
        qualifies."""
        if c.kind != "mention" or self._is_person(c.actor):
            return None
        actor = self.ctx.actors.get(c.actor or "")
        if actor is None or actor.type not in _STATE_TYPES:
            return None
        return next(
            (
                x
                for x in cands
                if x.start >= c.end
                and x.kind == "mention"
                and self._is_person(x.actor)
                and not _ROLE_BREAK.search(self.text, c.end, x.start)
                and len(self.text[c.end : x.start].split()) <= _HOLDER_GAP
            ),
            None,
        )

    def _office_of(self, c: _Cand, roles: list[_Cand]) -> _Cand | None:
        """The office a state's adjective qualifies, right before or after it."""
        if c.kind != "mention" or not roles:
            return None
        actor = self.ctx.actors.get(c.actor or "")
        if actor is None or actor.type not in _STATE_TYPES:
            return None
        for r in roles:
            if 0 <= c.start - r.end <= 1 or 0 <= r.start - c.end <= 1:
                return r
        return None

    def _apposed(self, s: Sentence, a: _Cand, b: _Cand) -> bool:
        """Whether only a comma (and the actors of an office: "وزير الخارجية الأمريكي،")
        stands between ``a`` and ``b``."""
        gap = self.text[a.end : b.start]
        for m in self.by_sentence.get(s.index, ()):
            if a.end <= m.start and m.end <= b.start:
                gap = gap.replace(m.surface, " ", 1)
        # The name is set off on both sides ("…، ويندي شيرمان، التي …"): not a second
        # speaker after a first one ("sagte Sherman, Rjabkow nannte").
        closed = self.text[b.end : b.end + 2].lstrip()[:1] in (",", "،")
        return closed and _APPOSED.fullmatch(gap) is not None

    def _disagrees(self, vend: int, c: _Cand) -> bool:
        """Whether the verb ending at ``vend`` marks a feminine subject and ``c`` opens
        with a masculine head ("قبل أن تطالب الغرب": the West is the object, not the
        subject)."""
        fem, masc = self.lex.feminine_verbs, self.lex.masculine_subjects
        if fem is None or masc is None:
            return False
        if not any(m.end() == vend for m in fem.finditer(self.norm, max(0, vend - 40), vend)):
            return False
        return masc.match(self.norm, c.start, c.end) is not None

    def _governed(self, start: int, c: _Cand) -> bool:
        """Whether a preposition puts ``c`` in object position ("pidió a la UE")."""
        rx = self.lex.preposition
        if rx is None:
            return False
        # Not past another actor right before it: "vyslankyně při OSN Jeffrey
        # DeLaurentis" governs the UN, not the person after it.
        k = bisect_right(self._ends, c.start)
        lo = max(start, c.start - 20, self._ends[k - 1] if k else 0)
        return rx.search(self.norm[lo : c.start]) is not None

    def _governed_chain(self, s: Sentence, start: int, c: _Cand) -> bool:
        """Whether a preposition governs ``c`` or the list it ends ("okrem Číny a Ruska",
        "except China and Russia": both are outside the subject)."""
        if self._governed(start, c):
            return True
        if self.lex.conj_gap is None:
            return False
        for m in reversed(self.by_sentence.get(s.index, ())):
            if m.end > c.start or m.start < start:
                continue
            gap = self.norm[m.end : c.start]
            if not (self.lex.conj_gap.fullmatch(gap) or _COMMA_GAP.fullmatch(gap)):
                return False
            c = _Cand(m.start, m.end, "mention", m.actor)
            if self._governed(start, c):
                return True
        return False

    def _after_comp(self, s: Sentence, vstart: int) -> bool:
        """Whether a complementizer ("أن") stands right before the verb."""
        comp = self.lex.complementizers
        m = re.search(r"(\S+)\s+$", self.norm[s.start : vstart])
        return comp is not None and m is not None and comp.fullmatch(m.group(1)) is not None

    def _unnamed_subject(self, vend: int, s: Sentence) -> bool:
        """After a verb-initial verb, a word that is no preposition or complementizer is a
        subject the text names but no actor matches ("وذكرت وكالة رويترز")."""
        m = re.match(r"\s*(\S+)", self.norm[vend : s.end])
        if m is None:
            return False
        word = m.group(1) + " "
        for rx in (self.lex.preposition, self.lex.complementizers):
            if rx is not None and (rx.match(word) or rx.search(word)):
                return False
        return True

    def _person_chain(self, s: Sentence, c: _Cand) -> _Cand:
        """A person named right before an organisation or state ("Jens Stoltenberg NATO
        secretary-general said") is the speaker, not the organisation."""
        if c.kind != "mention" or self._is_person(c.actor):
            return c
        for m in reversed(self.by_sentence.get(s.index, ())):
            if m.end <= c.start and not self.text[m.end : c.start].strip():
                if self._is_person(m.actor):
                    return _Cand(m.start, m.end, "mention", m.actor)
                c = _Cand(m.start, m.end, "mention", m.actor)
        return c

    def _co_subjects(self, s: Sentence, c: _Cand) -> list[str]:
        """Actors joined to the subject by a conjunction ("NATO i USA", "France and
        Germany")."""
        out: list[str] = []
        if self.lex.conj_gap is None or c.kind != "mention":
            return out
        for m in reversed(self.by_sentence.get(s.index, ())):
            if m.end > c.start:
                continue
            gap = self.norm[m.end : c.start]
            if self._qualifies(m, c, gap):
                # "Pašinjan a azerbajdžanský prezident Ilham Alijev": the state only
                # qualifies the person's office; the list goes on before it.
                c = _Cand(m.start, m.end, "mention", c.actor)
                continue
            if not (
                self.lex.conj_gap.fullmatch(gap)
                or _COMMA_GAP.fullmatch(gap)
                or self._conj_office(gap, c)
            ):
                break
            if _COMMA_GAP.fullmatch(gap) and self._is_person(c.actor) != self._is_person(m.actor):
                # "… mezi Izraelem a Hamásem, Madžíd Ansárí uvedl": a person set off by a
                # comma after a state closes a clause of its own; a list joins likes.
                break
            c = _Cand(m.start, m.end, "mention", m.actor)
            if self._governed(s.start, c):
                break  # "… na Ukrainę, a Kułeba …": an object, not a second subject
            out.append(m.actor)
        return out

    def _conj_office(self, gap: str, c: _Cand) -> bool:
        """A conjunction then the office words of person ``c`` ("a azerbajdžanský
        prezident" before "Ilham Alijev")."""
        if not self._is_person(c.actor) or self.lex.conj_gap is None:
            return False
        m = self.lex.conj_gap.match(gap)
        rest = gap[m.end() :] if m else ""
        return bool(m) and 0 < len(rest.split()) <= 3 and not _ROLE_BREAK.search(rest)

    def _qualifies(self, m: Mention, c: _Cand, gap: str) -> bool:
        """Whether state ``m`` opens the office phrase of person ``c`` ("azerbajdžanský
        prezident Ilham Alijev", "the French president Emmanuel Macron")."""
        if not self._is_person(c.actor) or self._is_person(m.actor):
            return False
        actor = self.ctx.actors.get(m.actor or "")
        return (
            actor is not None
            and actor.type in _STATE_TYPES
            and 0 < len(gap.split()) <= _HOLDER_GAP
            and not _ROLE_BREAK.search(gap)
            and not (self.lex.conj_gap is not None and self.lex.conj_gap.search(gap))
        )

    def _co_subjects_after(self, s: Sentence, c: _Cand, stop: int) -> list[str]:
        """Actors joined to a clause-opening subject by a conjunction after it."""
        out: list[str] = []
        if self.lex.conj_gap is None or c.kind != "mention":
            return out
        end = c.end
        listed: list[str] = []  # joined by commas only, so far: a list if "and" ends it
        for m in self.by_sentence.get(s.index, ()):
            if m.start < end or m.end > stop:
                continue
            gap = self.norm[end : m.start]
            if self.lex.conj_gap.fullmatch(gap):
                # "Senegal, Fildişi Sahili, Benin ve Nijerya": the commas were a list.
                out += listed
                listed = []
                out.append(m.actor)
            elif _COMMA_GAP.fullmatch(gap) and self._is_person(m.actor) == self._is_person(c.actor):
                listed.append(m.actor)
            else:
                break
            end = m.end
        return out

    def _left_speaker(
        self,
        s: Sentence,
        cs: int,
        vstart: int,
        according: list[tuple[int, int]],
        head: bool,
        quotes: list[tuple[int, int]] = (),
    ) -> tuple[str, ...]:
        """Speakers left of the verb; ``head``: take the clause's first subject phrase
        (verb-final languages, or a verb coordinated with an earlier, non-reporting one)."""
        cands = self._candidates(s, cs, vstart)
        if according:
            cands = [c for c in cands if not _inside(c.start, according)]
        if quotes:
            # Who is named inside a quotation is not who speaks it.
            cands = [c for c in cands if not _inside(c.start, quotes)]
        if self.lang in _CASE_AFTER_APOSTROPHE:
            # "Kuzey Kore'ye", "ABD'nin": a name with a case ending is no subject.
            bare = [c for c in cands if not _CASE_ENDING.match(self.text, c.end)]
            cands = bare or cands
        if not cands:
            return ()
        if head and self.lang not in _VERB_FINAL:
            # "A month after Russia placed demands …, the United States responded … and
            # said": the clause's head follows an opening subordinate clause.
            comma = self.text.rfind(",", cs, vstart)
            later = [c for c in cands if c.start > comma] if comma >= 0 else []
            if later and len(self.text[comma + 1 : later[0].start].split()) <= 4:
                cands = later
        if head:
            skip = max([b for a, b in according if b <= cands[0].start] + [cs])
            if len(self.text[skip : cands[0].start].split()) > 4:
                return ()
            order: Iterable[_Cand] = cands
            named = [
                c
                for c in cands[1:]
                if c.kind == "mention"
                and self._is_person(c.actor)
                and self.text[c.end : c.end + 1] == ","
                and self.text[max(cs, c.start - 2) : c.start].strip() == ","
            ]
            if named and not self._is_person(cands[0].actor):
                # "Der polnische Außenminister …, Zbigniew Rau, hat … gewarnt": the name
                # set off by commas in the subject phrase.
                order = [named[0]]
            elif cands[0].kind == "mention" and not self._is_person(cands[0].actor):
                holder = next(
                    (
                        c
                        for c in cands[1:]
                        if c.kind == "mention"
                        and self._is_person(c.actor)
                        and not _ROLE_BREAK.search(self.text, cands[0].end, c.start)
                        and len(self.text[cands[0].end : c.start].split()) <= _HOLDER_GAP
                    ),
                    None,
                )
                if holder is not None:
                    # "Nijerya Devlet Başkanı Bola Ahmed Tinubu, …": the subject phrase
                    # ends in the office holder; the state only qualifies the office.
                    order = [holder]
        else:
            before_verb = self.text[cs:vstart].rstrip()
            if before_verb.endswith(","):
                # Apposition: "Wendy Sherman, an aide to Blinken, …, said".
                appos = [
                    c for c in cands if c.kind == "mention" and self.text[c.end : c.end + 1] == ","
                ]
                persons = [c for c in appos if self._is_person(c.actor)]
                if appos:
                    return ((persons or appos)[0].actor or "",)
            order = reversed(cands)
        roles = [c for c in cands if c.kind == "role"]
        free = [c for c in cands if not (c.kind == "mention" and self._governed_chain(s, cs, c))]
        if free and len(free) < len(cands):
            # "Čína a Rusko v Radě bezpečnosti OSN vetovaly": a noun after a preposition
            # is no subject.
            order = [c for c in order if c in free]
        for c in order:
            c = self._person_chain(s, c)
            office = self._office_of(c, roles)
            if office is not None:
                # "il viceministro russo", "the Russian diplomat": the office speaks, the
                # state only qualifies it.
                c = office
            actor = self._resolve(s, c)
            if actor:
                others = [a for a in self._co_subjects(s, c) if a != actor]
                if head:
                    # "Çin ve Rusya, … veto etti": the clause opens with the subjects.
                    others += [a for a in self._co_subjects_after(s, c, vstart) if a != actor]
                return (actor, *dict.fromkeys(others)) if others else (actor,)
        return ()

    def _according(self, s: Sentence, first: int) -> tuple[str | None, list[tuple[int, int]]]:
        """Speaker named by "according to" in ``s`` and the spans of those phrases;
        ``first``: where the first of those cues is."""
        speaker = None
        spans: list[tuple[int, int]] = []
        # "Podle něj …", "Selon lui …": the pronoun is who speaks, not an actor named after
        # it ("Podle něj je chybou Ruska …"); the plain cue inside it is not read again.
        pronouns = _spans(self.lex.according_pronouns, self.norm, first, s.end)
        after = _spans(self.lex.according_after, self.norm, first, s.end)
        for a, b in _spans(self.lex.according, self.norm, first, s.end):
            if self._postposed_at(s, a, after):
                # "Naton mukaan Venäjän …": the word closes "according to NATO" (an
                # actor right before it), it does not open one before "Venäjän".
                continue
            stop = min(s.end, b + 2 * _RIGHT_REACH)
            m = _PUNCT.search(self.text, b, stop)
            end = m.start() if m else stop
            spans.append((a, end))
            if speaker is None and not any(x <= a < y for x, y in pronouns):
                cands = self._candidates(s, b, end)
                for c in cands:
                    far = len(self.text[b : c.start].split()) > 3 or c.start > b + _RIGHT_REACH
                    if c.kind == "pronoun" or (far and c.kind != "role"):
                        # "Według PAP w rozmowach uczestniczyli … Białorusi"; an office may
                        # stand further ("secondo quanto dichiarato alla stampa da un
                        # rappresentante del …").
                        continue
                    c = self._holder(c, cands) or c
                    speaker = self._resolve(s, c)
                    if speaker:
                        # "Volgens de Chinezen en Russen": every actor of the phrase.
                        more = [x for x in self._co_subjects_after(s, c, end) if x != speaker]
                        self.acc_more = tuple(dict.fromkeys(more))
                        self.acc_span = (a, end)
                        break
        for a, b in after:
            before = [m for m in self.by_sentence.get(s.index, []) if m.end <= a]
            if before and a - before[-1].end <= _ROLE_REACH:
                spans.append((before[-1].start, b))
                if speaker is None:
                    speaker = before[-1].actor
                    self.acc_span = (before[-1].start, b)
        for a, b in pronouns:
            # "По его словам, …", "Jednání podle něj komplikuje …": the person who spoke
            # in the sentences just before (or was named last).
            spans.append((a, b))
            if speaker is None:
                speaker = self._resolve(s, _Cand(a, b, "pronoun"))
        return speaker, spans

    def _postposed_at(self, s: Sentence, a: int, after: list[tuple[int, int]]) -> bool:
        """Whether an "according to" postposition starts at ``a`` right after an actor."""
        if not any(x <= a < y for x, y in after):
            return False
        before = [m for m in self.by_sentence.get(s.index, ()) if m.end <= a]
        return (
            bool(before)
            and a - before[-1].end <= 4
            and not _PUNCT.search(self.text, before[-1].end, a)
        )

    def _continued(self, s: Sentence) -> tuple[str, ...]:
        """Every speaker of the statement just before (this sentence or the one before),
        for a verb with no subject of its own; () when nobody spoke there."""
        if self.mem.current is not None:
            return (self.mem.current,)
        if self.mem.last_speaker and s.index - self.mem.last_speaker_sentence <= 1:
            return self.mem.last_speakers or (self.mem.last_speaker,)
        return ()

    def _previous_subject(self, s: Sentence) -> str | None:
        """For a verb with no subject at all: the last speaker if the previous sentence
        had one, else the person (or first actor) the previous sentence names."""
        if self.mem.last_speaker and s.index - self.mem.last_speaker_sentence <= 1:
            return self.mem.last_speaker
        prev = self.by_sentence.get(s.index - 1, [])
        persons = [m for m in prev if self._is_person(m.actor)]
        if persons:
            return persons[-1].actor
        if prev:
            return prev[0].actor
        return self._last_recent_speaker(s)

    # ---- main ----------------------------------------------------------------------
    def sentence(self, s: Sentence, prev: Attribution | None) -> list[Attribution]:
        text, norm, lex, lang = self.text, self.norm, self.lex, self.lang
        quotes = find_quotes(text, s, lang)
        verbs = self._unnested(s, self._with_passives(s, _verb_matches(norm, s, lex, quotes)))
        first = _first(lex.any_according, norm, s.start, s.end)
        self.unnamed = False
        self.acc_more = ()
        self.acc_span = None
        acc_speaker, acc_spans = self._according(s, first) if first >= 0 else (None, [])
        acc_speakers = (acc_speaker, *self.acc_more) if acc_speaker else ()
        acc_unnamed = self.unnamed
        out: list[Attribution] = []
        self.mem.current = None
        current: tuple[str, ...] = ()
        for i, (vs, ve, kind) in enumerate(verbs):
            verb_final = lang in _VERB_FINAL or bool(
                lex.final is not None and lex.final.fullmatch(norm, vs, ve)
            )
            cs = verbs[i - 1][1] if i else s.start
            self.unnamed = bool(out) and out[-1].unnamed
            # A semicolon closes a clause in every language ("…؛ گفت و گویی که … پوتین").
            semi = max(text.rfind(";", cs, vs), text.rfind("؛", cs, vs))
            if semi >= 0:
                cs = semi + 1
            if kind == "participle":
                # "…, adding: …" continues whoever spoke; it reports the whole sentence.
                speakers = current or (
                    (self.mem.last_speaker,) if self._last_recent_speaker(s) else ()
                )
                # Alone, it reports the whole sentence ("But Putin is using …, adding: …");
                # after another verb, only what follows it.
                span = (vs, s.end) if len(verbs) > 1 else (s.start, s.end)
                if speakers:
                    content = self._content(s, quotes, (ve, s.end) if len(verbs) > 1 else span)
                    out.append(Attribution(s, speakers, "says", (span,), "verb", content))
                continue
            # In verb-final languages "که" after the subject is a relative pronoun ("…
            # from China, which threatens …"), not the start of the clause.
            agent = self._agent(s, vs, ve) if kind not in _NO_AGENT else None
            if agent is not None:
                # A passive: its agent holds the view; its subject, before it, is what
                # the view is about ("the strikes, condemned by Qatar").
                nxt = verbs[i + 1][0] if i + 1 < len(verbs) else s.end
                content = self._content(s, quotes, (cs, vs))
                out.append(Attribution(s, (agent,), kind, ((cs, nxt),), "verb", content))
                continue
            comps = [] if verb_final else _spans(lex.complementizers, norm, cs, vs)
            # ", que se mantuvo en el anonimato,": after a comma it is a relative pronoun.
            comps = [c for c in comps if not text[cs : c[0]].rstrip().endswith((",", "،"))]
            clause = comps[-1][1] if comps else cs
            head_text = norm[clause:vs]
            conj = bool(lex.conjunctions and lex.conjunctions.search(head_text))
            speakers: tuple[str, ...] = ()
            bare = None
            post = self._post_posed(s, vs, ve)
            if post == "comma" and not self._right_speaker(s, ve, _COMMA_SPEAKER_REACH)[0]:
                # Nothing that may speak right after the verb: only further on (its
                # object: "…, a dénoncé "la prise d'otage" du président X"), or nothing
                # at all ("…, uvedla tisková agentura").
                far = self._right_speaker(s, ve)[0]
                post = "" if far else post
            if post:
                found, actor = self._right_speaker(s, ve)
                if found and actor is None:
                    continue  # "…, podała gazeta": a speaker we cannot name
                speakers = (actor,) if actor else ()
                quoted = text[s.start : vs].rstrip().rstrip(",").rstrip()[-1:] in _CLOSE_QUOTES
                bare = quoted and not found and _BARE_VERB.match(text, ve, s.end)
                if not speakers and i and not out:
                    # "Some diplomats fear that … for the Council …, said AFP": what the
                    # verb before (its subject unnamed) reports holds no speaker of ours.
                    continue
            elif lang in _VERB_INITIAL:
                _found, actor = self._right_speaker(s, ve, _VERB_INITIAL_REACH)
                speakers = (actor,) if actor else ()
            # "rejects X, believes Y"; not ", que se mantuvo en el anonimato, declaró"
            # after a subject of its own.
            listed = text[clause:vs].rstrip().endswith(",") and not (
                clause != cs and any(c.kind != "pronoun" for c in self._candidates(s, clause, vs))
            )
            if not speakers and current and (conj or listed or not head_text.strip(" ,")):
                speakers = current
            if not speakers and lang in _VERB_INITIAL:
                # Headlines put the subject first ("موسكو تطالب …"); otherwise a subject
                # the text names but no actor matches ("وذكرت وكالة رويترز") is not ours.
                before = [
                    m
                    for m in self.by_sentence.get(s.index, [])
                    if m.end <= vs and len(text[m.end : vs].split()) == 0
                ]
                if before:
                    speakers = (before[-1].actor,)
                elif self._after_comp(s, vs) and not self._right_speaker(s, ve, 1)[0]:
                    # "ونقلت روسيا …، قبل أن تطالب الغرب …": a verb after "أن" with no
                    # subject of its own shares the sentence's subject.
                    speakers = self._left_speaker(s, s.start, vs, acc_spans, True, quotes)
                elif self._unnamed_subject(ve, s):
                    continue
            if not speakers and lex.joint is not None:
                speakers = self._joint(s, clause, vs)
            if not speakers:
                # "the three countries", "trzy kraje": each member named before.
                speakers = self._counted(s, clause, vs)
            if (
                not speakers
                and self._candidates(s, clause, vs)
                and self._object_lead(s, clause, vs)
            ):
                # A lead naming actors only after prepositions: the subject follows the verb.
                actor = self._inverted_subject(s, ve, kind)
                speakers = (actor,) if actor else ()
            if not speakers:
                self.plural_more = ()
                speakers = self._left_speaker(
                    s, clause, vs, acc_spans, verb_final or (conj and not current), quotes
                )
                if speakers == (self.mem.last_speaker,) and self.plural_more:
                    speakers = (speakers[0], *self.plural_more)
                if len(speakers) > 1 and current:
                    # "sagte Sherman, Rjabkow nannte": the speaker before is no co-subject.
                    speakers = (speakers[0], *(a for a in speakers[1:] if a not in current))
            if not speakers and clause != cs and current:
                speakers = current
            if not speakers and acc_speaker:
                speakers = acc_speakers
            if (
                not speakers
                and not verb_final
                and lang not in _VERB_INITIAL
                and lang not in _SUBJECT_FIRST
                and (
                    len(text[clause:vs].split()) <= _INVERTED_LEAD
                    or self._object_lead(s, clause, vs)
                )
            ):
                # "Uvedl to dnes mluvčí Kremlu Dmitrij Peskov", "Anschließend forderte
                # Borrell …": no subject before the verb, its subject right after it.
                # "Das teilte der türkische Präsident … mit": between a verb and its
                # particle.
                words = re.match(r"\S+", text[vs:ve])
                after = vs + words.end() if words and len(text[vs:ve].split()) > 2 else ve
                self.inverted_more = ()
                fronted = lang in _VERB_SECOND and bool(text[clause:vs].strip(" ,"))
                actor = self._inverted_subject(s, after, kind, fronted)
                speakers = (actor, *self.inverted_more) if actor else ()
            if not speakers and len(text[clause:vs].split()) <= (0 if verb_final else 1):
                # No subject (pro-drop, or a headline-style "Told reporters …").
                actor = self._previous_subject(s)
                speakers = (actor,) if actor else ()
                if (
                    actor is not None
                    and actor == self.mem.last_speaker
                    and s.index - self.mem.last_speaker_sentence <= 1
                ):
                    # "Lithuania and Latvia condemned … Demanded …": the verb with
                    # no subject goes on with all who spoke, not the first of them.
                    speakers = self.mem.last_speakers or speakers
            if not speakers and bare and not out:
                # "«…», acrescentou, após a reunião …", "„…,“ dodal.": a verb right after
                # a quotation, with no subject at all, goes on with whoever spoke just before.
                speakers = self._continued(s)
            if not speakers:
                continue
            if lex.negation is not None and lex.negation.search(norm[cs:vs]):
                kind = _NEGATED.get(kind, kind)
            nxt = verbs[i + 1][0] if i + 1 < len(verbs) else s.end
            cut = None
            unnamed = self.unnamed
            if post or verb_final:
                spans = ((clause if verb_final else cs, nxt),)
                content = self._content(s, quotes, (clause if verb_final else cs, vs))
                comp = lex.complementizers
                after = comp.match(norm[ve:nxt].lstrip()) if comp is not None else None
                if verb_final and after is not None:
                    # "گفت که …": what is said follows the verb and its complementizer.
                    content = self._content(s, quotes, (ve, nxt))
            else:
                cut = self._contrast(ve, nxt)
                spans = ((vs, cut or nxt), *((a, b) for a, b in quotes if cs <= a and b <= vs))
                said = ve
                if kind in _SPEECH_KINDS:
                    said = self._after_complementizer(ve, cut or nxt)
                content = self._content(s, quotes, (said, cut or nxt), (cs, vs))
                if not content and len(text[ve : cut or nxt].split()) < 2:
                    # "Evropská komise i Spojené státy ruské rozhodnutí odsoudily": the
                    # verb closes its clause; what it governs stands between subject and
                    # verb.
                    subj = [
                        m
                        for m in self.by_sentence.get(s.index, ())
                        if m.actor in speakers and clause <= m.start and m.end <= vs
                    ]
                    regions = [(max(m.end for m in subj), vs)] if subj else []
                    words = list(re.finditer(r"\S+", text[vs:ve]))
                    if len(words) > 2:
                        # "schort zijn medewerking … op": inside a verb and its particle.
                        regions.append((vs + words[0].end(), vs + words[-1].start()))
                    if subj:
                        # "Maduro győzelmét … Brazília és Kolumbia sem fogadta el": the
                        # object may open the clause, before its subject.
                        regions.append((clause, min(m.start for m in subj)))
                    for region in regions:
                        content = self._content(s, quotes, region)
                        if content and len(text[content[0][0] : content[-1][1]].split()) >= 2:
                            break
                        content = ()
            out.append(Attribution(s, speakers, kind, spans, "verb", content, unnamed))
            if cut is not None and not (
                nxt < s.end and any(c.kind != "pronoun" for c in self._candidates(s, cut, nxt))
            ):
                # "offers talks, but will not accept …": the verb's stance stops at "but";
                # the rest is the same speaker's, its stance read from its own content
                # (unless it names the subject of the next verb: "…, mientras que un alto
                # funcionario … declaró").
                rest = self._content(s, quotes, (cut, nxt))
                out.append(Attribution(s, speakers, "says", ((cut, nxt),), "verb", rest, unnamed))
            current = speakers
            self.mem.current = speakers[0]
        if not out and acc_speaker:
            # The sentence without its "according to X" phrase (the one naming the
            # speaker: "YK:n mukaan", not a bare "mukaan" matched as a preposition):
            # the longer side of it.
            a, b = self.acc_span or acc_spans[0]
            side = (s.start, a) if a - s.start >= s.end - b else (b, s.end)
            out.append(
                Attribution(
                    s,
                    acc_speakers,
                    "says",
                    ((s.start, s.end),),
                    "according",
                    self._content(s, quotes, side),
                    acc_unnamed,
                )
            )
        if not out:
            head = self._headline(s, quotes)
            if head is not None:
                out.append(head)
        if not out and prev is not None and prev.sentence.index == s.index - 1:
            quoted = sum(b - a for a, b in quotes)
            named_first = (
                any(m.end <= quotes[0][0] for m in self.by_sentence.get(s.index, []))
                if quotes
                else True
            )
            # A line that is nothing but a quotation after a sentence without one is a
            # heading or a caption, not the speaker going on.
            closed = bool(quotes) and text[quotes[-1][1] - 1] in _CLOSE_QUOTES
            heading = (
                closed
                and quoted * 10 >= (s.end - s.start) * 9
                and len(text[s.start : s.end].split()) <= _HEADING_WORDS
                and not (prev.via == "quote" or find_quotes(text, prev.sentence, lang))
            )
            if quotes and not heading and (quoted * 2 >= s.end - s.start or not named_first):
                # The speaker of the sentence before goes on being quoted, unless someone
                # else is named before the quotation ("Ursula von der Leyen prometió «…»").
                out.append(
                    Attribution(
                        s,
                        prev.speakers,
                        "says",
                        ((s.start, s.end),),
                        "quote",
                        self._content(s, quotes, (s.start, s.end)),
                        prev.unnamed,
                    )
                )
            elif (
                prev.via == "verb"
                and len(prev.spans) == 1
                and len(text[prev.spans[0][0] : prev.sentence.end].split()) <= 4
            ):
                # "Like Hanna Maliar noted on Facebook." then what she noted.
                out.append(
                    Attribution(
                        s,
                        prev.speakers,
                        prev.kind,
                        ((s.start, s.end),),
                        "continuation",
                        self._content(s, quotes, (s.start, s.end)),
                        prev.unnamed,
                    )
                )
        return out

    def _unnested(
        self, s: Sentence, verbs: list[tuple[int, int, str]]
    ) -> list[tuple[int, int, str]]:
        """Without the verbs of a clause that a verb of speech or belief governs ("X se
        domnívá, že ruský prezident chce …", "X said that Moscow wants …"): what they say
        is the reported content of the outer speaker, not a position of the clause's own
        subject. Only a clause the complementizer opens right after the outer verb, and
        only up to the next punctuation mark."""
        comp = self.lex.complementizers
        if comp is None or self.lang in _VERB_FINAL or len(verbs) < 2:
            return verbs
        out: list[tuple[int, int, str]] = []
        inside_until = -1
        for vs, ve, kind in verbs:
            if vs < inside_until:
                continue
            out.append((vs, ve, kind))
            if kind not in _SPEECH_KINDS:
                continue
            m = re.match(r"[\s,:]*(\S+)\s", self.norm[ve : s.end])
            if m is None or comp.fullmatch(m.group(1)) is None:
                continue
            p = _PUNCT.search(self.text, ve + m.end(), s.end)
            inside_until = p.start() if p else s.end
        return out

    def _headline(self, s: Sentence, quotes: list[tuple[int, int]]) -> Attribution | None:
        """A headline's "Speaker: what was said" ("Lavrov: NATO expansion is
        unacceptable", "Moskau: „…“"): a person, or any actor when a quotation follows
        the colon (not a dateline, "Ukraine: shelling in Kharkiv")."""
        text = self.text
        colon = text.find(":", s.start, min(s.end, s.start + _HEADLINE_HEAD))
        if colon < 0 or len(text[colon + 1 : s.end].split()) < _HEADLINE_WORDS:
            return None
        before = [m for m in self.by_sentence.get(s.index, ()) if m.end <= colon]
        if not before or text[before[-1].end : colon].strip():
            return None
        m = before[-1]
        if len(text[s.start : m.start].split()) > _HEADLINE_TITLE:
            return None  # more than an office before the name: a sentence, not a headline
        quoted = any(a > colon for a, _b in quotes)
        if not (self._is_person(m.actor) or quoted):
            return None
        content = self._content(s, quotes, (colon + 1, s.end))
        if not content:
            return None
        self.unnamed = False
        return Attribution(s, (m.actor,), "says", ((colon + 1, s.end),), "headline", content)

    def _trim(self, a: int, b: int) -> tuple[int, int] | None:
        """``text[a:b]`` without surrounding blanks, punctuation, dashes and a leading
        complementizer ("said that …"); None when nothing is left."""
        text = self.text
        while True:
            while a < b and (text[a].isspace() or text[a] in _EDGE):
                a += 1
            while b > a and (text[b - 1].isspace() or text[b - 1] in _EDGE):
                b -= 1
            comp = self.lex.complementizers
            m = comp.match(self.norm, a, b) if comp is not None else None
            if (
                m is None
                or m.end() >= b
                or not (self.norm[m.end()].isspace() or m.group().endswith("'"))
            ):
                break
            a = m.end()
        return (a, b) if b - a >= 3 else None

    def _content(
        self, s: Sentence, quotes: list[tuple[int, int]], *regions: tuple[int, int]
    ) -> tuple[tuple[int, int], ...]:
        """What is reported in ``regions`` (the first is the clause the verb governs): the
        quotations in them if any, else that clause, trimmed."""
        inner = [
            (qa + 1, qb - 1 if self.text[qb - 1] in _CLOSE_QUOTES else qb)
            for qa, qb in quotes
            if any(a <= qa and qb <= b for a, b in regions)
        ]
        out = [t for a, b in inner if (t := self._trim(a, b))]
        clause = self._trim(*regions[0]) if regions else None
        if clause is not None and (
            not out or all(clause[0] <= a - 1 and b <= clause[1] + 1 for a, b in out)
        ):
            # Quoted words inside the clause ("„offen und aufrichtige“ Gespräche", "nannte
            # sie „schwierig“ und „sehr professionell“"): the clause is what was said.
            return (clause,)
        return tuple(out)

    def _after_complementizer(self, a: int, b: int) -> int:
        """Where what is said starts in a clause that names the speaker or a setting
        first ("قالت نائبة الوزير، ويندي شيرمان، إن …", "a indiqué lors d'une réunion, que
        …"): after the first complementizer, if one comes within a dozen words."""
        comp = self.lex.complementizers
        if comp is None:
            return a
        for m in comp.finditer(self.norm, a, b):
            if len(self.text[a : m.start()].split()) > 12:
                break
            if self.norm[m.end() : m.end() + 1].isspace() or m.group().endswith("'"):
                return m.end()
        return a

    def _contrast(self, start: int, stop: int) -> int | None:
        """Where a contrastive clause ("…, but …", "…, aber …") starts in the content of a
        stance verb, if it says something of its own (three words or more)."""
        rx = self.lex.contrasts
        if rx is None:
            return None
        for m in rx.finditer(self.norm, start, stop):
            before = self.text[start : m.start()].rstrip()
            if (
                (self.lang in _VERB_INITIAL or before.endswith((",", "،", ";", "؛")))
                and len(before.split()) >= 1
                and len(self.text[m.end() : stop].split()) >= 3
            ):
                return m.start()
        return None

    def _dangling(self, a: Attribution) -> bool:
        """An attribution with nothing after its verb: "Jens Stoltenberg … said"."""
        return a.via == "verb" and len(self.text[a.spans[0][0] : a.sentence.end].split()) <= 3

    def run(self) -> list[Attribution]:
        out: list[Attribution] = []
        prev: Attribution | None = None
        sentences = self.ctx.sentences
        for s in sentences:
            found = self.sentence(s, prev)
            before = sentences[s.index - 1] if s.index else None
            if (
                found
                and before is not None
                and (prev is None or prev.sentence.index != before.index)
                and self._dangling(found[0])
                and find_quotes(self.text, before, self.lang)
            ):
                # A quotation, then its speaker on a line of its own.
                quoted = Attribution(
                    before,
                    found[0].speakers,
                    "says",
                    ((before.start, before.end),),
                    "quote",
                    self._content(
                        before,
                        find_quotes(self.text, before, self.lang),
                        (before.start, before.end),
                    ),
                    found[0].unnamed,
                )
                out.append(quoted)
            if found:
                prev = found[-1]
                self.mem.last_speaker = prev.speaker
                self.mem.last_speakers = prev.speakers
                self.mem.last_speaker_sentence = s.index
                person = next((a for a in reversed(found) if self._is_person(a.speaker)), None)
                if person is not None:
                    self.mem.last_person_speaker = person.speaker
                out.extend(found)
        return out


# Positions, measures and figures all read the attributions of the article being
# analysed: one slot, holding the doc and mention list it was computed from.
_last: tuple[object, object, int, list[Attribution]] | None = None


def attribute(ctx: ArticleContext) -> list[Attribution]:
    """Every attributed statement of the article, in text order."""
    global _last
    if not ctx.mentions:
        return []
    if (
        _last is not None
        and _last[0] is ctx.doc
        and _last[1] is ctx.mentions
        and _last[2] == len(ctx.mentions)
    ):
        return _last[3]
    found = _Attributor(ctx).run()
    _last = (ctx.doc, ctx.mentions, len(ctx.mentions), found)
    return found
