"""The project's knowledge base of actors: states, organisations and office holders.

Data, not code (see docs/actors.md): ``briefing/data/kb/*.yaml``. States start from
``pycountry`` (every ISO 3166 country with its name in each of the registry's languages
that ``pycountry`` translates) and Babel's CLDR territory names (the short forms: "Rusko",
"Venäjä", "Ρωσία"); ``states.yaml`` and the language packs' ``names.yaml``
(``briefing/data/lang/<code>/names.yaml``) add what those lack: short forms, inflected
forms, adjectives and capitals used as metonyms, and organisations' names and acronyms.
An all-capital acronym of an organisation or state also matches written as a word
("Nato", "Osce", "Onu": the Italian press writes them so), unless that word is a stop word
of the article's language or English ("Un" in French, "Us", "Onu" in Turkish). Loaded once per process.
"""

from __future__ import annotations

import datetime as dt
import gettext
import re
import unicodedata
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from briefing.data import load_yaml
from briefing.models import ActorType

# Catalogue names of pycountry and Babel for a registry code, where they differ from it.
_CATALOGUES = {"sr": ("sr", "sr@latin"), "mt": ("mt",), "ga": ("ga",)}
_BABEL_LOCALES = {"sr": ("sr", "sr_Latn")}
# Articles that CLDR writes before a state's name in Irish and Maltese ("an Rúis",
# "ir-Russja"); the bare name is an alias too.
_LEADING_ARTICLES = frozenset(
    {"an", "na", "il", "l", "ir", "is", "it", "in", "id", "ix", "iz", "iċ", "iż", "ż"}
)


def pack_languages() -> tuple[str, ...]:
    """The registry's language codes (briefing/data/lang/languages.yaml)."""
    from briefing.langpacks import registry

    return tuple(registry())


@dataclass(frozen=True, slots=True)
class Office:
    role: str  # role key of lexicons/actors_roles.yaml
    of: str  # actor id of the state or organisation
    title: str  # English, e.g. "US Secretary of State"
    start: dt.date | None = None
    end: dt.date | None = None

    def held_on(self, day: dt.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)


@dataclass(frozen=True, slots=True)
class KBActor:
    id: str
    name: str
    type: ActorType
    offices: tuple[Office, ...] = ()
    # Surname alone names this person only when the full name is in the same article.
    surname_alone: bool = True
    surnames: tuple[str, ...] = ()
    # What kind of body an organisation is ("armed-group", "party", "armed-forces",
    # "movement"), from the knowledge base; None where it does not say.
    kind: str | None = None

    def office_on(self, day: dt.date | None) -> Office | None:
        """The office held on ``day`` (else the latest one): the actor's role."""
        if not self.offices:
            return None
        if day is not None:
            for off in self.offices:
                if off.held_on(day):
                    return off
        return max(self.offices, key=lambda o: o.start or dt.date.min)


@dataclass(frozen=True, slots=True)
class Alias:
    actor: str  # actor id, or "" for a non-actor (outlet, event): matched to be skipped
    text: str
    kind: str  # "name" | "seat" (a venue after "in") | "surname" | "block"


@dataclass(slots=True)
class KnowledgeBase:
    actors: dict[str, KBActor] = field(default_factory=dict)
    aliases: list[Alias] = field(default_factory=list)
    # A body's parent organisation ("OSCE Permanent Council" -> "OSCE"): naming the body
    # names its organisation too.
    part_of: dict[str, str] = field(default_factory=dict)
    # Aliases made from an acronym ("Nato" from "NATO"; see word_cased).
    word_cased: set[str] = field(default_factory=set)

    # Offices by (role, body) and by role, in actor then office order; built on first use
    # (the knowledge base is complete by then and never changes after).
    _holders: dict[tuple[str, str | None], list[tuple[KBActor, Office]]] | None = field(
        default=None, init=False, repr=False, compare=False
    )

    def holders(self, role: str, of: str | None) -> list[tuple[KBActor, Office]]:
        if self._holders is None:
            index: dict[tuple[str, str | None], list[tuple[KBActor, Office]]] = {}
            for a in self.actors.values():
                for o in a.offices:
                    index.setdefault((o.role, o.of), []).append((a, o))
                    index.setdefault((o.role, None), []).append((a, o))
            self._holders = index
        return list(self._holders.get((role, of), ()))


def slug(name: str) -> str:
    """Stable id of a name: ASCII, lower case, words joined by hyphens."""
    flat = unicodedata.normalize("NFKD", name.replace("ł", "l").replace("Ł", "L"))
    flat = "".join(ch for ch in flat if not unicodedata.combining(ch))
    out = re.sub(r"[^a-z0-9]+", "-", flat.lower()).strip("-")
    return out or re.sub(r"\W+", "-", name.lower()).strip("-")


def _date(value: Any) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    text = str(value)
    if re.fullmatch(r"\d{4}", text):
        return dt.date(int(text), 1, 1)
    if re.fullmatch(r"\d{4}-\d{2}", text):
        return dt.date(int(text[:4]), int(text[5:]), 1)
    return dt.date.fromisoformat(text)


def _flatten(aliases: Any) -> list[str]:
    """Aliases given as a list or as ``{lang: [forms]}``."""
    if not aliases:
        return []
    if isinstance(aliases, dict):
        return [str(a) for forms in aliases.values() for a in forms or []]
    return [str(a) for a in aliases]


def _pycountry_names() -> dict[str, list[str]]:
    """ISO alpha-2 -> country names from pycountry, English and translated. A formal name
    "Iran, Islamic Republic of" also gives "Iran", unless that head is shared by two
    countries in the language (the two Koreas, the two Congos)."""
    import pycountry

    english = {
        c.alpha_2: [
            n
            for n in (c.name, getattr(c, "common_name", None), getattr(c, "official_name", None))
            if n
        ]
        for c in pycountry.countries
    }
    names: dict[str, list[str]] = {code: [] for code in english}
    translators: list[Any] = [gettext.NullTranslations()]
    for code in pack_languages():
        for lang in _CATALOGUES.get(code, (code,)):
            try:
                translators.append(
                    gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang])
                )
            except OSError:
                continue
    for tr in translators:
        translated = {code: {tr.gettext(n) for n in forms} for code, forms in english.items()}
        heads = Counter(
            head
            for forms in translated.values()
            for head in {n.split(",")[0].strip() for n in forms}
        )
        for code, forms in translated.items():
            for n in forms:
                head = n.split(",")[0].strip()
                if "," not in n:
                    names[code].append(n)
                elif heads[head] == 1:
                    names[code].append(head)
    for code, forms in _babel_names().items():
        if code in names:
            names[code].extend(forms)
    return names


@cache
def _babel_names() -> dict[str, list[str]]:
    """ISO alpha-2 -> CLDR short territory names in every registry language (Babel, which
    trafilatura's courlan already installs); empty without Babel. Kept on disk between
    runs: parsing 32 locales is a third of a second."""
    from briefing.diskcache import cached

    return cached("cldr-territories", _read_babel_names)


def _cldr_territories(code: str) -> Iterator[tuple[str, str]]:
    """(ISO alpha-2, name) of every country CLDR names in the registry language ``code``
    (both locales of Serbian), numeric regions ("150" = Europe) left out; nothing
    without Babel."""
    try:
        from babel import Locale
    except ImportError:
        return
    for locale in _BABEL_LOCALES.get(code, (code,)):
        try:
            territories = Locale.parse(locale).territories
        except (ValueError, LookupError):
            continue
        for region, name in territories.items():
            if len(region) == 2 and region.isalpha():
                yield region, name


def _read_babel_names() -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for code in pack_languages():
        for region, name in _cldr_territories(code):
            forms = out.setdefault(region, [])
            forms.append(name)
            first, _, rest = name.partition(" ")
            head, hyphen, tail = name.partition("-")
            if rest and first.lower() in _LEADING_ARTICLES:
                forms.append(rest)
            elif hyphen and tail and head.lower() in _LEADING_ARTICLES:
                forms.append(tail)
            if code == "ar":
                forms.extend(_arabic_nisba(name))
    return out


@cache
def _made_adjectives() -> dict[str, list[str]]:
    """ISO alpha-2 -> adjectives made from CLDR's one-word names by the regular rule of
    each language that has one (lexicons/actors_morphology.yaml ``adjectives``)."""
    from briefing.diskcache import cached

    return cached("made-adjectives", _read_made_adjectives)


def _read_made_adjectives() -> dict[str, list[str]]:
    rules = load_yaml("lexicons/actors_morphology.yaml").get("adjectives") or {}
    out: dict[str, list[str]] = {}
    for code, rule in rules.items():
        if code not in pack_languages():
            continue
        drop = [str(d) for d in rule.get("drop") or []]
        add = [str(a) for a in rule.get("add") or []]
        made: dict[str, set[str]] = {}
        names: set[str] = set()
        for region, name in _cldr_territories(code):
            word = name.lower()
            names.add(word)
            if not word.isalpha() or len(word) < 4 or name.isupper():
                continue  # "Sjeverna Koreja", "Čad", "КНДР": no regular adjective
            cut = max((d for d in drop if word.endswith(d)), key=len, default="")
            base = word[: len(word) - len(cut)]
            cyrillic = base[-1] >= "\u0400"
            for ending in add:
                if (ending[0] >= "\u0400") == cyrillic:  # Serbian: the name's script
                    made.setdefault(base + ending, set()).add(region)
        for form, regions in made.items():
            if len(regions) == 1 and form not in names:
                out.setdefault(regions.pop(), []).append(form)
    return out


def _arabic_nisba(name: str) -> list[str]:
    """The Arabic relative adjective of a one-word state name, with and without the
    article, masculine and feminine: "سلوفاكيا" -> "السلوفاكي", "السلوفاكية"; "المجر" ->
    "المجري". The rule is regular for names; irregular ones are listed in states.yaml."""
    if " " in name or not name.isalpha():
        return []
    base = name[2:] if name.startswith("ال") else name
    if base.endswith("ا"):
        base = base[:-1]
    if not base.endswith("ي"):
        base += "ي"
    if len(base) < 4:
        return []
    return ["ال" + base, "ال" + base + "ة"]


def _english_name(code: str) -> str:
    import pycountry

    country = pycountry.countries.get(alpha_2=code)
    name = getattr(country, "common_name", None) or country.name
    return name.split(",")[0].strip()


def _pack_names() -> dict[str, Any]:
    """``names.yaml`` of every language pack: {code: {"states": ..., "organizations": ...}}."""
    from briefing.langpacks import section

    return section("names")


def _load_states(kb: KnowledgeBase) -> dict[str, str]:
    """States into ``kb``; returns ISO alpha-2 code -> actor id."""
    data = load_yaml("kb/states.yaml")
    exclude = set(data.get("exclude", []))
    reject = {str(form) for form in data.get("reject", [])}
    extra = data.get("states", {})
    packs = [pack.get("states") or {} for pack in _pack_names().values()]
    codes: dict[str, str] = {}
    pyc = _pycountry_names()
    made = _made_adjectives()
    for code in sorted(set(pyc) | set(extra)):
        if code in exclude:
            continue
        info = extra.get(code, {}) or {}
        # A state pycountry lacks (Kosovo, "XK") still has CLDR's names in every language.
        forms = [*(pyc.get(code) or _babel_names().get(code, [])), *made.get(code, [])]
        name = info.get("name") or _english_name(code)
        actor_id = info.get("id") or slug(name)
        codes[code] = actor_id
        kb.actors[actor_id] = KBActor(actor_id, name, "state")
        in_packs = [p.get(code) or {} for p in packs]
        forms = [
            name,
            *forms,
            *_flatten(info.get("aliases")),
            *_flatten(info.get("adjectives")),
            *(a for p in in_packs for a in _flatten(p.get("aliases"))),
            *(a for p in in_packs for a in _flatten(p.get("adjectives"))),
        ]
        drop = reject | {str(f) for f in info.get("drop", [])}
        drop |= {str(f) for p in in_packs for f in p.get("drop", [])}
        forms = [f for f in dict.fromkeys(forms) if f not in drop]
        kb.aliases.extend(Alias(actor_id, f, "name") for f in _with_word_acronyms(kb, forms))
    return codes


# CLDR territory codes that are organisations, not states: their names in every language.
_CLDR_BODIES = {"european-union": "EU", "united-nations": "UN"}


# Organisations: international bodies and state organs; UN agencies and other bodies
# speaking in their own name in humanitarian and conflict news; non-state armed groups (the
# designation lists); governing and main opposition parties.
ORGANIZATION_FILES = (
    "kb/organizations.yaml",
    "kb/agencies.yaml",
    "kb/armed_groups.yaml",
    "kb/parties.yaml",
)
# People: the office holders of people.yaml, then the world's heads of state and government
# and foreign ministers of 2024-2025 it lacks.
PEOPLE_FILES = ("kb/people.yaml", "kb/people_world.yaml")


def _entries(paths: tuple[str, ...]) -> Iterator[dict[str, Any]]:
    for path in paths:
        yield from load_yaml(path) or []


def _load_organizations(kb: KnowledgeBase) -> None:
    packs = [pack.get("organizations") or {} for pack in _pack_names().values()]
    cldr = _babel_names()
    for entry in _entries(ORGANIZATION_FILES):
        actor_id = entry.get("id") or slug(entry["name"])
        if actor_id in kb.actors:
            raise ValueError(f"kb: organisation {actor_id!r} defined twice")
        kb.actors[actor_id] = KBActor(
            actor_id, entry["name"], entry.get("type", "organization"), kind=entry.get("kind")
        )
        forms = [
            entry["name"],
            *_flatten(entry.get("aliases")),
            *_flatten(entry.get("adjectives")),
            *(str(a) for p in packs for a in p.get(actor_id) or []),
            *cldr.get(_CLDR_BODIES.get(actor_id, ""), []),
        ]
        for form in _with_word_acronyms(kb, list(dict.fromkeys(forms))):
            kb.aliases.append(Alias(actor_id, form, "name"))
        if entry.get("part_of"):
            kb.part_of[actor_id] = str(entry["part_of"])
    for parent in kb.part_of.values():
        if parent not in kb.actors:
            raise ValueError(f"kb/organizations.yaml: unknown part_of {parent!r}")


@cache
def stop_words(lang: str) -> frozenset[str]:
    """spaCy's stop words of one registry language, lower case (empty without a list)."""
    import importlib

    from briefing.langpacks import language

    pack = language(lang)
    try:
        module = importlib.import_module(f"spacy.lang.{pack.spacy if pack else lang}.stop_words")
    except ImportError:
        return frozenset()
    return frozenset(w.lower() for w in module.STOP_WORDS)


def word_cased(form: str) -> str | None:
    """An all-capital acronym of two to six letters written as a word ("NATO" -> "Nato",
    "ООН" -> "Оон"); None for anything else. Matched in an article unless the word is a
    stop word of the article's language or English ("Un" in French, "Us", Turkish "Onu")."""
    if 2 <= len(form) <= 6 and form.isalpha() and form.isupper():
        return form[0] + form[1:].lower()
    return None


def _with_word_acronyms(kb: KnowledgeBase, forms: list[str]) -> list[str]:
    """``forms`` and the word-cased form of each acronym among them, recorded in
    ``kb.word_cased`` so that the name index can leave out the stop words of a language."""
    out = list(forms)
    for form in forms:
        word = word_cased(form)
        if word is not None and word not in out:
            out.append(word)
            kb.word_cased.add(word)
    return out


def _load_people(kb: KnowledgeBase, roles: dict[str, Any]) -> None:
    for entry in _entries(PEOPLE_FILES):
        name = entry["name"]
        actor_id = entry.get("id") or slug(name)
        if actor_id in kb.actors:
            raise ValueError(f"kb: person {actor_id!r} defined twice")
        offices = []
        for off in entry.get("offices", []):
            role = off["role"]
            of = off["of"]
            of_name = kb.actors[of].name if of in kb.actors else of
            title = off.get("title") or roles[role]["title"].format(of=of_name)
            offices.append(Office(role, of, title, _date(off.get("from")), _date(off.get("to"))))
        forms = [name, *_flatten(entry.get("aliases"))]
        given = entry.get("surnames")
        # "surnames: []" means none (Chinese names: "Wang", "Li" alone name nobody).
        surnames = (
            _flatten(given)
            if given is not None
            else sorted({f.split()[-1] for f in forms if len(f.split()) > 1})
        )
        kb.actors[actor_id] = KBActor(
            actor_id,
            name,
            "person",
            tuple(sorted(offices, key=lambda o: o.start or dt.date.min)),
            bool(entry.get("surname_alone", True)),
            tuple(surnames),
        )
        for form in forms:
            kb.aliases.append(Alias(actor_id, form, "name"))
        for form in surnames:
            kb.aliases.append(Alias(actor_id, form, "surname"))


def _load_seats(kb: KnowledgeBase) -> None:
    data = load_yaml("kb/seats.yaml")
    for section, kind in (("metonyms", "name"), ("venues", "seat")):
        for actor_id, forms in (data.get(section) or {}).items():
            if actor_id not in kb.actors:
                raise ValueError(f"kb/seats.yaml: unknown actor {actor_id!r}")
            kb.aliases.extend(Alias(actor_id, str(form), kind) for form in forms)
    for code, pack in _pack_names().items():
        for actor_id, forms in (pack.get("metonyms") or {}).items():
            if actor_id not in kb.actors:
                raise ValueError(f"lang/{code}/names.yaml: unknown actor {actor_id!r}")
            kb.aliases.extend(Alias(actor_id, str(form), "name") for form in forms)


def _load_nonactors(kb: KnowledgeBase) -> None:
    data = load_yaml("kb/nonactors.yaml")
    for forms in data.values():
        for form in forms:
            kb.aliases.append(Alias("", str(form), "block"))


@cache
def roles() -> dict[str, Any]:
    """Role types (lexicons/actors_roles.yaml): label, title template, phrases per language,
    with the phrases of every language pack's ``roles.yaml`` (``phrases: {role: [...]}``)
    laid over them."""
    import copy

    from briefing.langpacks import section

    table = copy.deepcopy(load_yaml("lexicons/actors_roles.yaml")["roles"])
    for code, pack in section("roles").items():
        for key, phrases in ((pack or {}).get("phrases") or {}).items():
            if key not in table:
                raise ValueError(f"lang/{code}/roles.yaml: unknown role {key!r}")
            have = table[key].setdefault("phrases", {}).setdefault(code, [])
            have.extend(str(p) for p in phrases or [] if str(p) not in have)
    for key, spec in table.items():
        deputy = spec.get("deputy")
        if deputy is not None and deputy not in table:
            raise ValueError(f"lexicons/actors_roles.yaml: {key}: unknown deputy {deputy!r}")
    return table


@cache
def role_words(lang: str, kind: str) -> frozenset[str]:
    """Per-language role word lists of the packs' ``roles.yaml`` and of English:
    ``deputy_markers`` ("deputy", "نائب", "adjoint": the role next to one is its deputy's)
    and ``modifiers`` (party labels and the like that may stand between a role and a
    name: "il senatore repubblicano Ted Cruz")."""
    from briefing.langpacks import section

    packs = section("roles")
    out: set[str] = set()
    for code in dict.fromkeys([lang, "en"]):
        out.update(str(w).lower() for w in ((packs.get(code) or {}).get(kind) or []))
    return frozenset(out)


@cache
def knowledge_base() -> KnowledgeBase:
    kb = KnowledgeBase()
    _load_states(kb)
    _load_organizations(kb)
    _load_people(kb, roles())
    _load_seats(kb)
    _load_nonactors(kb)
    return kb
