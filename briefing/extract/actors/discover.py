"""People the knowledge base does not know, and misspelt names of people it knows.

A person is discovered from a run of 2-4 capitalised words next to a role phrase ("Defense
Minister Olegsky Reznikov", "Hanna Mallar, Deputy Defense Minister") or followed by a
reporting verb ("Anna Kowalska powiedziała"); in Persian and Arabic, which have no capital
letters, from the two words beside a role phrase. A discovered name close to a known
person's name ("Hanna Mallar" / "Hanna Maliar", ratio >= 88) is that person.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from itertools import compress
from operator import itemgetter
from typing import Any

from rapidfuzz import fuzz, process

from briefing.data import load_yaml
from briefing.extract.actors.index import Found
from briefing.extract.actors.roles import RoleMention, gap, joined
from briefing.extract.actors.text import (
    Words,
    fold,
    has_case,
    is_acronym,
    is_capitalised,
    latin,
    same_person_across_scripts,
    skeleton,
    spelling_key,
    split_alias,
    stem,
)
from briefing.kb import KnowledgeBase, knowledge_base, roles, slug, stop_words

FULL_NAME_CUTOFF = 88.0
# A misspelt surname alone: looser for someone the article already names in full.
SURNAME_CUTOFF_NAMED = 84.0
SURNAME_CUTOFF = 92.0
MIN_FUZZY_LEN = 5
_CASELESS = frozenset({"fa", "ar", "ur", "ps", "he"})
_NAME_PARTICLES = frozenset({"de", "van", "von", "der", "di", "da", "du", "bin", "al", "el", "le"})


@dataclass(slots=True)
class Discovered:
    mentions: list[Found] = field(default_factory=list)
    names: dict[str, str] = field(default_factory=dict)  # id -> name as written
    roles: dict[str, str] = field(default_factory=dict)  # id -> English role


@cache
def _lexicon() -> dict[str, Any]:
    return load_yaml("lexicons/actors_discovery.yaml")


@cache
def _not_names() -> frozenset[str]:
    return frozenset(fold(str(w)) for w in _lexicon()["not_names"])


@cache
def _words(section: str, lang: str) -> frozenset[str]:
    """A per-language word list of the lexicon, folded."""
    return frozenset(fold(str(w)) for w in _lexicon()[section].get(lang, []))


@cache
def _phrases(section: str, lang: str) -> tuple[tuple[str, ...], ...]:
    return tuple(
        tuple(fold(w) for w in split_alias(str(p))) for p in _lexicon()[section].get(lang, [])
    )


# Phrases sharing a word, by length: one slice of the article's words per length rather
# than one per phrase (Romanian "a" opens a dozen reporting verbs).
_Grouped = tuple[tuple[int, frozenset[tuple[str, ...]]], ...]


@cache
def _by_first_word(section: str, lang: str) -> dict[str, _Grouped]:
    return _grouped(section, lang, 0)


@cache
def _by_last_word(section: str, lang: str) -> dict[str, _Grouped]:
    return _grouped(section, lang, -1)


def _grouped(section: str, lang: str, at: int) -> dict[str, _Grouped]:
    out: dict[str, dict[int, set[tuple[str, ...]]]] = {}
    for phrase in _phrases(section, lang):
        out.setdefault(phrase[at], {}).setdefault(len(phrase), set()).add(phrase)
    return {k: tuple((n, frozenset(v)) for n, v in by_len.items()) for k, by_len in out.items()}


@cache
def _person_names() -> tuple[list[str], list[str]]:
    """Full-name aliases of every known person (cased scripts), for fuzzy matching."""
    kb = knowledge_base()
    choices: list[str] = []
    ids: list[str] = []
    for alias in kb.aliases:
        actor = kb.actors.get(alias.actor)
        if actor is None or actor.type != "person" or alias.kind != "name":
            continue
        if has_case(alias.text) and len(alias.text.split()) > 1:
            choices.append(fold(alias.text))
            ids.append(alias.actor)
    return choices, ids


@cache
def _surnames(lang: str) -> tuple[list[str], list[str]]:
    kb = knowledge_base()
    choices: list[str] = []
    ids: list[str] = []
    for alias in kb.aliases:
        if alias.kind == "surname" and has_case(alias.text) and " " not in alias.text:
            choices.append(spelling_key(stem(fold(alias.text), lang)))
            ids.append(alias.actor)
    return choices, ids


@cache
def _noun_endings(lang: str) -> tuple[str, ...]:
    return tuple(sorted(_words("noun_endings", lang)))


@cache
def _short_function_words(lang: str) -> frozenset[str]:
    """Stop words of three letters or fewer of ``lang`` and English (spaCy's lists): a
    headline's "Warns Of Consequences" is no name (inside a run: "Ben Knapen" is one)."""
    import importlib

    from briefing.langpacks import language

    out: set[str] = set()
    for code in dict.fromkeys([lang, "en"]):
        pack = language(code)
        try:
            module = importlib.import_module(
                f"spacy.lang.{pack.spacy if pack else code}.stop_words"
            )
        except ImportError:
            continue
        out.update(fold(w) for w in module.STOP_WORDS if len(w) <= 3)
    return frozenset(out - _NAME_PARTICLES)


def _plausible_name(ws: Words, i: int, j: int, lang: str) -> bool:
    """Not a noun phrase: no determiner before it, no common-noun ending in it, no short
    function word in it."""
    if i > 0 and ws.folded[i - 1] in _words("determiners", lang):
        return False
    if not _short_function_words(lang).isdisjoint(ws.folded[i + 1 : j]):
        return False  # a first name may be one ("Ben", "Per"), an inner word is not
    endings = _noun_endings(lang)
    return not any(ws.folded[k].endswith(endings) for k in range(i, j)) if endings else True


def _name_word(ws: Words, k: int, covered: set[int]) -> bool:
    return k not in covered and _name_like(ws.raw[k], ws.folded[k])


@lru_cache(maxsize=100_000)
def _name_like(text: str, folded: str) -> bool:
    return (
        has_case(text)
        and text[0].isupper()
        and text.isalpha()
        and len(text) >= 2
        and not is_acronym(text)
        and folded not in _not_names()
    )


def _comma_then_name(ws: Words, text: str, rm: RoleMention, lang: str) -> bool:
    """A comma right after a specific role phrase, in the same sentence."""
    k = rm.hi
    if k >= len(ws) or ws.sentence[k] != ws.sentence[rm.hi - 1]:
        return False
    if gap(ws, text, rm.hi - 1, k).strip() != ",":
        return False
    spec = roles()[rm.role]
    return not spec.get("generic")


def _comma_after(ws: Words, text: str, rm: RoleMention, lang: str) -> int | None:
    """The word after the comma that closes a specific role phrase, or its portfolio: a
    preposition and up to four capitalised words or short words between them ("minister
    of Planning", "ministro de la Presidencia", "ministre des Affaires étrangères")."""
    if _comma_then_name(ws, text, rm, lang):
        return rm.hi
    k = rm.hi
    if k >= len(ws):
        return None  # a portfolio makes even a generic role ("minister") specific
    sent = ws.sentence[rm.hi - 1]
    raw = ws.raw[k]
    if not (raw.islower() and len(raw) <= 4) or ws.sentence[k] != sent:
        return None
    if gap(ws, text, rm.hi - 1, k).strip():
        return None
    capitalised = 0
    end = k + 1
    while end < len(ws) and end - k <= 6 and ws.sentence[end] == sent:
        between = gap(ws, text, end - 1, end).strip()
        if between == ",":
            break
        if between not in ("", "'", "’"):
            return None
        word = ws.raw[end]
        if word[:1].isupper():
            capitalised += 1
        elif not (word.islower() and len(word) <= 4):
            return None
        end += 1
    else:
        return None
    if not capitalised or end >= len(ws) or ws.sentence[end] != sent:
        return None
    if gap(ws, text, end - 1, end).strip() != ",":
        return None
    return end


def _run_after(ws: Words, text: str, k: int, covered: set[int]) -> tuple[int, int]:
    """The run of name words starting at ``k``: (k, end), possibly empty."""
    end = k
    while end < len(ws) and end - k < 4:
        if end > k and _hyphen_part(ws, text, end, covered):
            end += 1  # "Tsai Ing-wen", "Jean-Pierre"
            continue
        if _name_word(ws, end, covered) or (
            ws.folded[end] in _NAME_PARTICLES and end + 1 < len(ws) and end > k
        ):
            if end > k and not joined(ws, text, end - 1, end):
                break
            end += 1
        else:
            break
    while end > k and ws.folded[end - 1] in _NAME_PARTICLES:
        end -= 1
    return k, end


def _apposed(ws: Words, text: str, a: int, b: int) -> bool:
    """Words ``a`` and ``b`` of one sentence and line, with at most a comma between."""
    between = gap(ws, text, a, b)
    return ws.sentence[a] == ws.sentence[b] and "\n" not in between and between.strip() in ("", ",")


def _hyphen_part(ws: Words, text: str, k: int, covered: set[int]) -> bool:
    """A lower-case part glued by a hyphen to the name word before it ("Ing-wen")."""
    raw = ws.raw[k]
    return (
        k not in covered
        and raw.isalpha()
        and raw.islower()
        and gap(ws, text, k - 1, k) == "-"
        and ws.raw[k - 1][:1].isupper()
    )


def _run_before(ws: Words, text: str, k: int, covered: set[int]) -> tuple[int, int]:
    """The run of name words ending just before ``k``."""
    start = k
    while start > 0 and k - start < 4:
        if _name_word(ws, start - 1, covered) or (
            ws.folded[start - 1] in _NAME_PARTICLES and start < k
        ):
            if start < k and not joined(ws, text, start - 1, start):
                break
            start -= 1
        else:
            break
    while start < k and ws.folded[start] in _NAME_PARTICLES:
        start += 1
    return start, k


def _role_label(rm: RoleMention, kb: KnowledgeBase) -> str:
    label = str(roles()[rm.role]["label"])
    if rm.qualifier and rm.qualifier in kb.actors:
        return f"{label} of {kb.actors[rm.qualifier].name}"
    return label


def discover_people(
    ws: Words,
    found: list[Found],
    role_mentions: Sequence[RoleMention],
    blocked: set[int],
    lang: str,
    text: str,
    kb: KnowledgeBase,
    reported: Sequence[int] | None = None,
) -> Discovered:
    """``reported``: the words that open a reporting verb or follow a word that closes
    "according to", ascending (all that :func:`_reported_runs` looks at)."""
    out = Discovered()
    covered = set(blocked)
    for f in found:
        # A common surname alone ("Singh", "Khan") may open another person's name: it
        # names its holder only beside the full name, so the words stay free here.
        if f.kind == "surname" and not _alone(f.actor, kb):
            continue
        covered.update(range(f.i, f.j))
    role_words: set[int] = set()
    for rm in role_mentions:
        role_words.update(range(rm.i, rm.j))
    covered |= role_words
    runs: list[tuple[int, int, str | None]] = []
    for rm in role_mentions:
        if lang in _CASELESS:
            single = _caseless_surname(ws, text, rm, covered, lang)
            if single is not None:
                # "שר החוץ האמריקאי בלינקן שוחח": a known surname alone beside the title.
                out.mentions.append(Found(single[0], single[0] + 1, single[1], "fuzzy"))
                covered.add(single[0])
                continue
            runs.extend(_arabic_script_runs(ws, text, rm, covered, lang, kb))
            continue
        k = rm.hi
        i, j = _run_after(ws, text, k, covered)
        if j - i >= 1 and joined(ws, text, k - 1, i):
            runs.append((i, j, _role_label(rm, kb)))
        else:
            # "presidente de EEUU, Joe Biden", "ο γενικός γραμματέας, Γενς Στόλτενμπεργκ":
            # a named office, a comma, the name (an article may open it: ", η Μαρία");
            # its portfolio may come between ("el ministro de Comunicación, Freddy Ñáñez").
            k = _comma_after(ws, text, rm, lang)
            if k is not None:
                articles = _words("determiners", lang) | _words("name_articles", lang)
                start = k + 1 if ws.folded[k] in articles else k
                i, j = _run_after(ws, text, start, covered)
                if j - i >= 2:
                    runs.append((i, j, _role_label(rm, kb)))
        i, j = _run_before(ws, text, rm.lo, covered)
        if j - i >= 1 and _apposed(ws, text, j - 1, rm.lo):
            runs.append((i, j, _role_label(rm, kb)))
    if lang not in _CASELESS:
        runs.extend(_reported_runs(ws, text, covered, lang, reported))
        runs.extend(_repeated_runs(ws, text, covered, lang))
    # Single words only as the surname after a first name the state list took ("Chad Smith").
    # (Not a post-posed speaker's name, marked "": "boer in Oekraïne Jan Smit".)
    runs = [
        run if run[2] == "" else _with_first_name(ws, text, run, covered, found, kb) for run in runs
    ]
    runs = [run for run in runs if run[1] - run[0] >= 2]
    taken: set[int] = set()
    for i, j, role in sorted(runs, key=lambda r: (r[0], -(r[1] - r[0]))):
        if taken.intersection(range(i, j)):
            continue
        if lang not in _CASELESS and not _plausible_name(ws, i, j, lang):
            continue
        taken.update(range(i, j))
        found[:] = [f for f in found if not (f.i < j and i < f.j)]
        name = text[ws.start[i] : ws.end[j - 1]]
        known = (
            _known_person(name)
            or _known_across_scripts(name)
            or _known_by_spelling(name)
            or _known_by_spelling(_without_endings(name, lang))
        )
        # One name across scripts: Cyrillic and Greek names in Latin letters ("Sergey
        # Ryabkov"); Arabic-script and Hebrew ones keep their script (vowels are unwritten)
        # but take a Latin id, and merge with a Latin spelling in consolidation.
        roman = latin(name)
        actor_id = known or slug(roman)
        found_here = Found(i, j, actor_id, "fuzzy" if known else "discovered")
        out.mentions.append(found_here)
        if not known:
            out.names[actor_id] = roman if has_case(name) else name
            if role and actor_id not in out.roles:
                out.roles[actor_id] = role
    _extend_known_names(ws, text, found, covered | taken)
    _link_surnames(ws, out, covered | taken, lang)
    return out


def _alone(actor_id: str, kb: KnowledgeBase) -> bool:
    person = kb.actors.get(actor_id)
    return person is None or person.surname_alone


def _with_first_name(
    ws: Words,
    text: str,
    run: tuple[int, int, str | None],
    covered: set[int],
    found: Sequence[Found],
    kb: KnowledgeBase,
) -> tuple[int, int, str | None]:
    """A one-word state name right before a discovered name is a first name ("Jordan
    Peterson", "Chad Smith"), not the state."""
    i, j, role = run
    if i == 0 or not joined(ws, text, i - 1, i) or not _plausible_first(ws.raw[i - 1]):
        return run
    # Only when the state word opens the run (nothing name-like glued before it).
    opens = i - 1 == 0 or not joined(ws, text, i - 2, i - 1) or ws.folded[i - 2] in _not_names()
    for f in found:
        actor = kb.actors.get(f.actor)
        if opens and f.i == i - 1 and f.j == i and actor is not None and actor.type == "state":
            return i - 1, j, role
    return run


def _plausible_first(raw: str) -> bool:
    return has_case(raw) and raw[:1].isupper() and raw.isalpha() and not is_acronym(raw)


def _caseless_surname(
    ws: Words, text: str, rm: RoleMention, covered: set[int], lang: str
) -> tuple[int, str] | None:
    """The word right after a title (right before it in Persian) when it spells the
    surname of exactly one known person in Latin letters ("בלינקן" is Blinken)."""
    stop = _words("arabic_script_function_words", lang)
    k = rm.lo - 1 if lang == "fa" else rm.hi
    if not 0 <= k < len(ws) or k in covered or ws.folded[k] in stop:
        return None
    if (
        ws.sentence[k] != ws.sentence[rm.lo]
        or gap(ws, text, min(k, rm.hi - 1), max(k, rm.lo)).strip()
    ):
        return None
    actor = _known_surname_across(ws.raw[k], rm.role, rm.qualifier)
    return (k, actor) if actor is not None else None


@lru_cache(maxsize=20_000)
def _known_surname_across(word: str, role: str, of: str | None) -> str | None:
    """The one known person holding ``role`` (of ``of`` when given) whose Latin surname
    has the consonants of ``word`` (three at least): "בלינקן" after "שר החוץ" is Blinken,
    while "بيتر" (a first name) after "وزير الخارجية" is not Gustavo Petro."""
    if all(ord(ch) < 0x250 for ch in word):
        return None
    key = skeleton(word)
    if len(key) < 3 or " " in key:
        return None
    kb = knowledge_base()
    hits = set()
    for full, actor_id in _people_by_surname_skeleton().get(key[:1], []):
        surnames = {skeleton(full, j).split()[-1] for j in (False, True)}
        offices = kb.actors[actor_id].offices
        if key in surnames and any(o.role == role and of in (None, o.of) for o in offices):
            hits.add(actor_id)
    return hits.pop() if len(hits) == 1 else None


def _arabic_script_runs(
    ws: Words,
    text: str,
    rm: RoleMention,
    covered: set[int],
    lang: str,
    kb: KnowledgeBase,
) -> list[tuple[int, int, str | None]]:
    """Persian puts the name before its title ("ملانی جولی وزیر امور خارجه کانادا"),
    Arabic after it ("وزير الخارجية الكندي ميلاني جولي")."""
    stop = _words("arabic_script_function_words", lang)

    spec = roles()[rm.role]
    if spec.get("generic") or not spec.get("unique"):
        return []  # too vague to mark a name where capital letters cannot ("مقام")

    def ok(k: int) -> bool:
        return (
            0 <= k < len(ws)
            and k not in covered
            and ws.folded[k] not in stop
            and len(ws.folded[k]) >= 2
            and ws.raw[k].isalpha()
            and ws.sentence[k] == ws.sentence[rm.lo]
        )

    def blank(a: int, b: int, commas: str = "") -> bool:
        return gap(ws, text, a, b).strip() in ("", *commas)

    before = (rm.lo - 2, rm.lo)
    after = (rm.hi, rm.hi + 2)
    # Persian mostly puts the name before its title, Arabic after it; both occur in each.
    for i, j in (before, after) if lang == "fa" else (after, before):
        if not all(ok(k) for k in range(i, j)) or not blank(i, i + 1):
            continue
        between = gap(ws, text, j - 1, rm.lo).strip()
        # Arabic sets a name before its title off with a comma ("X، وزير الخارجية").
        if (i, j) == before and between in (("", ",", "،") if lang == "fa" else (",", "،")):
            return [(i, j, _role_label(rm, kb))]
        if (i, j) == after and blank(rm.hi - 1, i):
            return [(i, j, _role_label(rm, kb))]
    return []


def _reported_runs(
    ws: Words,
    text: str,
    covered: set[int],
    lang: str,
    reported: Sequence[int] | None = None,
) -> list[tuple[int, int, str | None]]:
    runs: list[tuple[int, int, str | None]] = []
    verbs = _by_first_word("reporting_verbs", lang)
    according = _by_last_word("according_to", lang)
    folded = ws.folded
    if reported is None:
        reported = reported_starts(folded, lang)
    for k in reported:
        if k >= len(ws):
            continue
        opening = verbs.get(folded[k])
        size = next((n for n, vs in opening or () if tuple(folded[k : k + n]) in vs), 0)
        if size:
            i, j = _run_before(ws, text, k, covered)
            if j - i >= 1 and _apposed(ws, text, j - 1, k):
                runs.append((i, j, None))
            elif k > 0 and gap(ws, text, k - 1, k).strip() == ",":
                runs.extend(_apposition_run(ws, text, k, covered))
            runs.extend(_post_posed_run(ws, text, k, size, covered, lang))
        closing = according.get(folded[k - 1]) if k > 0 else None
        if closing and any(n <= k and tuple(folded[k - n : k]) in vs for n, vs in closing):
            i, j = _run_after(ws, text, k, covered)
            if j - i >= 1 and joined(ws, text, k - 1, i):
                runs.append((i, j, None))
    return runs


_AFTER_QUOTE = frozenset(',"”“»«’–—-')
_POST_REACH = 8  # words between a post-posed verb and the name closing its clause


def _post_posed_run(
    ws: Words, text: str, k: int, size: int, covered: set[int], lang: str
) -> list[tuple[int, int, str | None]]:
    """ "…”, sagde Olena Kovalenko, …", "…, zegt de Nederlandse boer Jan
    Smit tegen …", "…," kommenteeris … saadik ÜRO juures Serhij Kõslõtsja.": a verb
    after a quotation or a comma, then (past office words, states and other words in
    lower case) the name that closes the speaker phrase: a run of two name words or more
    followed by punctuation, the sentence's end or a word in lower case."""
    if k == 0 or ws.sentence[k - 1] != ws.sentence[k]:
        return []
    if _AFTER_QUOTE.isdisjoint(gap(ws, text, k - 1, k)):
        return []
    m = k + size
    commas = 0
    while m < len(ws) and m - (k + size) <= _POST_REACH and ws.sentence[m] == ws.sentence[k]:
        between = gap(ws, text, m - 1, m)
        if any(c in between for c in '.;:!?()"„“”«»'):
            return []
        if "," in between:
            commas += 1
            if commas > 1:
                return []
        if _name_word(ws, m, covered):
            i, j = _run_after(ws, text, m, covered)
            if j - i < 2:
                m = j if j > m else m + 1
                continue
            if j - i > 2 and ws.folded[i - 1] in _short_function_words(lang):
                i += 1  # "boer in Oekraïne Jan Smit": a place, then the name
            found = [(i, j, "")]
            if j >= len(ws) or ws.sentence[j] != ws.sentence[k]:
                return found
            after = gap(ws, text, j - 1, j)
            return found if after.strip() or ws.raw[j][:1].islower() else []
        m += 1
    return []


def _repeated_runs(
    ws: Words, text: str, covered: set[int], lang: str
) -> list[tuple[int, int, str | None]]:
    """A full name the article later writes as its last word alone, inflected or not
    ("Nicolás Maduro" ... "Maduro"; "Edmundo González" ... "Gonzálezt"): news name a
    person in full once and by surname after, whatever role words stand near."""
    alone: dict[str, list[str]] = {}  # spelling keys of words standing alone, by 4 letters
    starts: list[int] = []
    n = len(ws)
    # ``_name_word`` of every word, read once each (three look-ups a word before).
    named = list(map(_name_like, ws.raw, ws.folded))
    for k in covered:
        if 0 <= k < n:
            named[k] = False
    for k in compress(range(n), named):
        before = k > 0 and named[k - 1] and joined(ws, text, k - 1, k)
        after = k + 1 < n and named[k + 1] and joined(ws, text, k, k + 1)
        if not before and not after:
            key = spelling_key(stem(ws.folded[k], lang))
            alone.setdefault(key[:4], []).append(key)
        elif not before:
            starts.append(k)
    if not alone:
        return []
    runs: list[tuple[int, int, str | None]] = []
    stops = stop_words(lang)
    for k in starts:
        # Not a sentence's first word (any word is capitalised there: "Eineinhalb
        # Wochen", "Vlada Kosova"), nor a function word ("Ha" = if, "Nach").
        if k == 0 or ws.sentence[k - 1] != ws.sentence[k] or ws.folded[k] in stops:
            continue
        i, j = _run_after(ws, text, k, covered)
        if 2 <= j - i <= 3 and _written_alone(spelling_key(stem(ws.folded[j - 1], lang)), alone):
            runs.append((i, j, None))
    return runs


def _written_alone(last: str, alone: dict[str, list[str]]) -> bool:
    """Whether a surname's key is among the words standing alone, up to an ending the
    suffix rule left on ("Pereirát" for "Pereira")."""
    if len(last) < 4:
        return False
    return any(
        key.startswith(last[:-1]) and abs(len(key) - len(last)) <= 2
        for key in alone.get(last[:4], ())
    )


def reported_starts(folded: Sequence[str], lang: str) -> list[int]:
    """Only words that open a reporting verb or close "according to" can start a run."""
    verbs = _by_first_word("reporting_verbs", lang)
    according = _by_last_word("according_to", lang)
    ks = set(compress(range(len(folded)), map(verbs.__contains__, folded)))
    ks.update(compress(range(1, len(folded) + 1), map(according.__contains__, folded)))
    return sorted(ks)


def reporting_marks(folded: str, lang: str) -> tuple[bool, bool]:
    """Whether a word opens a reporting verb, and whether it closes "according to"."""
    return folded in _by_first_word("reporting_verbs", lang), folded in _by_last_word(
        "according_to", lang
    )


def _apposition_run(
    ws: Words, text: str, k: int, covered: set[int]
) -> list[tuple[int, int, str | None]]:
    """ "Tom Fletcher, the UN aid chief, said": the name before a comma-enclosed aside."""
    for p in range(k - 1, max(0, k - 9), -1):
        if ws.sentence[p - 1] != ws.sentence[k]:
            break
        if "," in gap(ws, text, p - 1, p):
            i, j = _run_before(ws, text, p, covered)
            return [(i, j, None)] if j - i >= 1 and j == p else []
    return []


@lru_cache(maxsize=20_000)
def _known_person(name: str) -> str | None:
    """The known person a name of two to four words is written for, if any (memoised: one
    fuzzy scan of every full name costs some 60 us, and the same names recur)."""
    if not has_case(name):
        return None
    choices, ids = _person_names()
    hit = process.extractOne(fold(name), choices, scorer=fuzz.ratio, score_cutoff=FULL_NAME_CUTOFF)
    return ids[hit[2]] if hit else None


@cache
def _people_by_surname_skeleton() -> dict[str, list[tuple[str, str]]]:
    """Known people's Latin full names by the first consonant of their surname."""
    out: dict[str, list[tuple[str, str]]] = {}
    kb = knowledge_base()
    for actor in kb.actors.values():
        if actor.type != "person" or len(actor.name.split()) < 2:
            continue
        for j_vowel in (False, True):
            key = skeleton(actor.name, j_vowel).split()
            if key and (actor.name, actor.id) not in out.get(key[-1][:1], []):
                out.setdefault(key[-1][:1], []).append((actor.name, actor.id))
    return out


@lru_cache(maxsize=20_000)
def _known_across_scripts(name: str) -> str | None:
    """The one known person whose Latin name a name in another script spells ("ويندي
    شيرمان" is Wendy Sherman), or a Latin spelling of another transliteration ("Sergej
    Rjabkov"), if exactly one."""
    # Latin spellings of a name transliterated from another alphabet ("Sergej Rjabkov",
    # "Sergei Ryabkov") are looked for too, more strictly (see same_person_across_scripts).
    strict = all(ord(ch) < 0x250 for ch in name)
    key = skeleton(name).split()
    if len(key) < 2:
        return None
    hits = {
        actor_id
        for full, actor_id in _people_by_surname_skeleton().get(key[-1][:1], [])
        if same_person_across_scripts(full, name, 90.0 if strict else 80.0)
    }
    return hits.pop() if len(hits) == 1 else None


@cache
def _people_by_spelling() -> dict[str, list[tuple[str, str, str]]]:
    """Known people's Latin names of two words or more as (first name key, surname key,
    id), by the surname key's first letter (see ``spelling_key``)."""
    out: dict[str, list[tuple[str, str, str]]] = {}
    kb = knowledge_base()
    for alias in kb.aliases:
        actor = kb.actors.get(alias.actor)
        if actor is None or actor.type != "person" or alias.kind != "name":
            continue
        words = alias.text.split()
        if len(words) < 2 or not all(ord(ch) < 0x250 for ch in alias.text):
            continue
        first, last = spelling_key(words[0]), spelling_key(words[-1])
        if len(last) >= 4 and (first, last, actor.id) not in out.get(last[:1], []):
            out.setdefault(last[:1], []).append((first, last, actor.id))
    return out


@lru_cache(maxsize=20_000)
def _known_by_spelling(name: str) -> str | None:
    """The one known person a Latin name spells another way ("Nikol Pašinjan" is Nikol
    Pashinyan, "Aleksandr Vučič" Aleksandar Vučić): close surname and first name keys."""
    words = name.split()
    if len(words) < 2 or not all(ord(ch) < 0x250 for ch in name):
        return None
    first, last = spelling_key(words[0]), spelling_key(words[-1])
    if len(last) < 4:
        return None
    hits = {
        actor_id
        for f, s, actor_id in _people_by_spelling().get(last[:1], [])
        if fuzz.ratio(s, last) >= 85 and fuzz.ratio(f, first) >= 80
    }
    return hits.pop() if len(hits) == 1 else None


def _without_endings(name: str, lang: str) -> str:
    """A name with each word's case ending stripped, as the knowledge base's names are
    matched: Baltic and Greek add endings to foreign names ("Aleksandras Vučičius",
    "Nikols Pašinjans"), which then are spellings of a known name."""
    words = name.split()
    stripped = [stem(fold(w), lang) for w in words]
    if stripped == [fold(w) for w in words]:
        return ""  # no ending: the name was looked up as written
    return " ".join(w.capitalize() for w in stripped)


def _extend_known_names(ws: Words, text: str, found: list[Found], covered: set[int]) -> None:
    """ "Olegsky Reznikov": a capitalised word glued before a known surname is a first name
    the knowledge base lacks; the mention covers it."""
    for f in found:
        if f.kind != "surname" or f.i == 0:
            continue
        if (
            _name_word(ws, f.i - 1, covered)
            and joined(ws, text, f.i - 1, f.i)
            and (f.i - 1 > 0 and ws.sentence[f.i - 2] == ws.sentence[f.i - 1])
        ):
            f.i -= 1


def _link_surnames(ws: Words, out: Discovered, covered: set[int], lang: str) -> None:
    """Surname-only mentions of the people just discovered ("Joly" after "Mélanie Joly")."""
    by_surname: dict[str, str] = {}
    for f in out.mentions:
        # Also people a full name here resolved to (another script's spelling, a variant):
        # "ο κ. Στόλτενμπεργκ" after "Γενς Στόλτενμπεργκ".
        if f.kind == "discovered" or (f.kind == "fuzzy" and f.j - f.i >= 2):
            by_surname[stem(ws.folded[f.j - 1], lang)] = f.actor
    if not by_surname:
        return
    in_names = {k for f in out.mentions for k in range(f.i, f.j)}
    for k, (raw, folded) in enumerate(zip(ws.raw, ws.folded, strict=True)):
        if k in covered or k in in_names or not is_capitalised(raw):
            continue
        actor = by_surname.get(stem(folded, lang))
        if actor is not None:
            out.mentions.append(Found(k, k + 1, actor, "surname"))


def fuzzy_people(
    ws: Words,
    found: Sequence[Found],
    blocked: set[int],
    lang: str,
    kb: KnowledgeBase,
    candidates: Sequence[int] | None = None,
) -> list[Found]:
    """A capitalised word close to a known surname ("Donfred" for Donfried).
    ``candidates``: the words :func:`fuzzy_candidate` holds for, ascending."""
    covered = set(blocked)
    for f in found:
        covered.update(range(f.i, f.j))
    named = {f.actor for f in found}
    ids = _surnames(lang)[1]
    out: list[Found] = []
    if candidates is None:
        # A name word starts with a capital: the cheap test first.
        raws = ws.raw
        capitalised = compress(range(len(ws)), map(str.isupper, map(itemgetter(0), raws)))
        candidates = [k for k in capitalised if len(raws[k]) >= MIN_FUZZY_LEN]
    for k in candidates:
        if k in covered or not _name_word(ws, k, covered):
            continue
        # Spellings of one name in other languages compare as one ("Pašinjan", "Pasinján",
        # "Pashinyan"; "Lajčak", "Lajčák").
        key = spelling_key(stem(ws.folded[k], lang))
        for choice, score, idx in _surname_hits(key, lang):
            actor = ids[idx]
            if choice[:1] != key[:1]:
                continue
            if actor in named or score >= SURNAME_CUTOFF:
                if kb.actors[actor].type == "person":
                    out.append(Found(k, k + 1, actor, "fuzzy"))
                break
    return out


def fuzzy_candidate(text: str, folded: str) -> bool:
    """Whether :func:`fuzzy_people` looks at a word as written (before its position)."""
    return text[0].isupper() and len(text) >= MIN_FUZZY_LEN and _name_like(text, folded)


@lru_cache(maxsize=50_000)
def _surname_hits(key: str, lang: str) -> tuple[tuple[str, float, int], ...]:
    """The known surnames closest to one word's key (a word-level memo: the same capitalised
    words recur across articles)."""
    return tuple(
        process.extract(
            key, _surnames(lang)[0], scorer=fuzz.ratio, score_cutoff=SURNAME_CUTOFF_NAMED, limit=5
        )
    )
