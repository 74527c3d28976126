"""Word-level match keys shared by the knowledge base and the articles.

A word is reduced to one key: normalised (``briefing.nlp.normalize``: lower case, Persian
and Arabic letters folded, zero-width non-joiner as a space), ``ё`` folded to ``е``, Arabic
tatweel and harakat dropped, clitic prefixes and case endings stripped per language. Both
sides go through the same function, so "Blinkenem" and "Blinken" meet at "blinken".

Two marks narrow a key: ``^`` (the knowledge-base word is capitalised, so only a
capitalised article word matches it: "Rosja" but never "rosja") and ``=`` (a short acronym
that must match letter for letter, case included: "US" but never "us").
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import accumulate, compress, repeat
from typing import Any

from briefing.data import load_yaml
from briefing.nlp.normalize import normalize
from briefing.nlp.pipeline import lemma

# Letters, digits and combining marks; apostrophes and hyphens split words so that
# "Russia's", "l'Ukraine" and "NATO-Russia" give their parts.
WORD = re.compile(r"[^\W_]+", re.UNICODE)
_DROP = str.maketrans({"\u0640": None, "ё": "е", "ґ": "г"})
_CASELESS_MIN = 0x0590  # Hebrew, Arabic and later scripts have no letter case
MAX_ACRONYM = 6


# Affixes by length, longest first: one slice and one set look-up per length rather than
# a test per affix (Russian has 45 case endings), and of one length only one can match.
Affixes = tuple[tuple[int, frozenset[str]], ...]


@dataclass(frozen=True, slots=True)
class Morphology:
    min_stem: int
    suffixes: Affixes
    prefixes: Affixes
    connectors: frozenset[str]
    coordinators: frozenset[str]


@cache
def locatives(lang: str) -> frozenset[str]:
    table = load_yaml("lexicons/actors_morphology.yaml").get("locatives", {})
    return frozenset(fold(w) for w in table.get(lang, []))


@cache
def morphology(lang: str) -> Morphology:
    table = load_yaml("lexicons/actors_morphology.yaml")
    suffixes = _by_length(normalize(s) for s in table["suffixes"].get(lang, []))
    prefixes = _by_length(normalize(p) for p in table["prefixes"].get(lang, []))
    connectors = frozenset(normalize(c) for c in table["connectors"].get(lang, []))
    coordinators = frozenset(normalize(c) for c in table.get("coordinators", {}).get(lang, []))
    return Morphology(int(table["min_stem"]), suffixes, prefixes, connectors, coordinators)


def _by_length(affixes: Iterable[str]) -> Affixes:
    by_length: dict[int, set[str]] = {}
    for affix in affixes:
        if affix:
            by_length.setdefault(len(affix), set()).add(affix)
    return tuple((n, frozenset(by_length[n])) for n in sorted(by_length, reverse=True))


def fold(word: str) -> str:
    """Normalised form of one word (lower case, scripts folded, tatweel dropped)."""
    return normalize(word).translate(_DROP)


@cache
def unprefix(folded: str, lang: str) -> str:
    """``folded`` without one clitic prefix (Arabic wa-, bi-, al-)."""
    morph = morphology(lang)
    for n, prefixes in morph.prefixes:
        if len(folded) - n >= morph.min_stem and folded[:n] in prefixes:
            return folded[n:]
    return folded


@cache
def stem(folded: str, lang: str) -> str:
    """``folded`` without one clitic prefix and one case ending (see the lexicon)."""
    morph = morphology(lang)
    word = unprefix(folded, lang)
    for n, suffixes in morph.suffixes:
        if len(word) - n >= morph.min_stem and word[-n:] in suffixes:
            return word[:-n]
    return word


def is_acronym(word: str) -> bool:
    letters = [ch for ch in word if ch.isalpha()]
    return (
        0 < len(word) <= MAX_ACRONYM
        and len(letters) >= 1
        and all(ch.isupper() for ch in letters)
        and (len(letters) > 1 or len(word) == 1)
    )


def is_capitalised(word: str) -> bool:
    return bool(word) and word[0].isupper()


def has_case(word: str) -> bool:
    return bool(word) and ord(word[0]) < _CASELESS_MIN and word[0].isalpha()


def alias_key(word: str, lang: str, single: bool = False) -> str:
    """The one key a knowledge-base word is stored under, for articles in ``lang``."""
    if is_acronym(word) and len(word) > 1:
        return "=" + word
    if single and not has_case(word):
        # A one-word Persian or Arabic name is matched exactly: stripping "ی" from
        # "رئیسی" (Raisi) would leave "رئیس" (head, president).
        return "=" + unprefix(fold(word), lang)
    base = stem(fold(word), lang)
    return "^" + base if is_capitalised(word) else base


@dataclass(slots=True)
class Words:
    """An article's words as columns: word ``k`` starts at ``start[k]`` in the text, is
    written ``raw[k]`` and so on. Columns come out of a few C-level passes with no object
    per word (a tuple per word was a tenth of the stage)."""

    start: Sequence[int]
    end: Sequence[int]
    raw: Sequence[str]  # as written
    folded: Sequence[str]
    keys: Sequence[tuple[str, ...]]  # sorted (see article_keys)
    sentence: Sequence[int]

    def __len__(self) -> int:
        return len(self.start)


@lru_cache(maxsize=100_000)
def article_keys(text: str, folded: str, lang: str) -> tuple[str, ...]:
    """Every key an article word can match: its stem and its lemma's stem, capitalised
    variants when the word is capitalised, and the exact form when it looks like an acronym.
    Sorted: trie walks visit the keys in this order, and where two paths end at once the
    first one found wins, which must not follow a set's hash-seeded order."""
    first = stem(folded, lang)
    # Stripped twice as well: "Лаврова" -> "лавров" -> "лавр", where the alias "Лавров"
    # itself loses "ов".
    keys = {first, stem(first, lang)}
    if any(ch.isalpha() for ch in text) and not text.isupper():
        lem = fold(lemma(text, lang))
        # Only a lemma that keeps the word's beginning ("Kanadzie" -> "Kanada"): one that
        # does not ("gesprochen" -> "sprechen") would meet unrelated role words ("Sprecher").
        if lem and lem != folded and lem[:3] == folded[:3]:
            keys.add(stem(lem, lang))
    if is_capitalised(text):
        keys |= {"^" + k for k in keys}
    if is_acronym(text):
        keys.add("=" + text)
    elif not has_case(text):
        # One-word Persian/Arabic aliases are exact; the article word may carry a clitic
        # ("آمریکاییها", "اوکراینی", "آمریکای" with the ezafe), so try it without.
        keys.add("=" + unprefix(folded, lang))
        keys.add("=" + stem(folded, lang))
        letters = peel_letters(lang)
        n = 0
        while letters and n < 3 and len(folded) - n > 3 and folded[n] in letters:
            n += 1  # Hebrew "ומצרים": also "מצרים" and "צרים"
            keys.update((folded[n:], "=" + folded[n:]))
    return tuple(sorted(keys))


@cache
def peel_letters(lang: str) -> frozenset[str]:
    """One-letter clitics an article word may carry before a name (Hebrew)."""
    table = load_yaml("lexicons/actors_morphology.yaml")
    return frozenset(normalize(p) for p in (table.get("peel") or {}).get(lang, []))


# Separators and words alternate in its split: one regex pass that yields only strings.
_SPLIT = re.compile(f"({WORD.pattern})", re.UNICODE)
# The same without an underscore, where ``\w`` is a cheaper test than ``[^\W_]``.
_SPLIT_PLAIN = re.compile(r"(\w+)", re.UNICODE)


def words(text: str, norm: str, lang: str, sentence_starts: list[int]) -> Words:
    """The article's words with their keys and sentence indexes."""
    return marked_words(text, norm, lang, sentence_starts, _unmarked)[0]


# What a caller learns of a word from its text, folded form and keys; falsy when nothing
# there ever looks at the word.
Mark = Callable[[str, str, tuple[str, ...]], Any]


def _unmarked(raw: str, folded: str, keys: tuple[str, ...]) -> None:
    return None


def marked_words(
    text: str, norm: str, lang: str, sentence_starts: list[int], mark: Mark
) -> tuple[Words, list[int], list[Any]]:
    """:func:`words`, with the indexes of the words ``mark`` is truthy for and their
    marks. A mark is cached with the word's keys: later steps then visit only those few
    words instead of passing over all of them. ``norm`` is ``normalize(text)``."""
    parts = (_SPLIT if "_" in norm else _SPLIT_PLAIN).split(norm)
    bounds = list(accumulate(map(len, parts)))
    starts = bounds[0:-1:2]
    ends = bounds[1::2]
    # A comprehension slices faster than mapping ``text.__getitem__`` over slice objects.
    raws = [text[a:b] for a, b in zip(starts, ends, strict=True)]
    sentences = _sentence_of(starts, sentence_starts)
    foldeds, keys, marks = _keys_of(raws, parts[1::2], lang, mark)
    if "\u0640" in norm and not all(foldeds):
        # A word of tatweels only folds to nothing and is no word.
        kept = foldeds
        starts, ends, raws, foldeds, keys, sentences, marks = (
            list(compress(column, kept))
            for column in (starts, ends, raws, foldeds, keys, sentences, marks)
        )
    out = Words(starts, ends, raws, foldeds, keys, sentences)
    return out, list(compress(range(len(out)), marks)), list(compress(marks, marks))


def _sentence_of(starts: list[int], sentence_starts: list[int]) -> list[int]:
    """A word's sentence is the last one starting at or before it (the first sentence for
    a word before any start). Both lists ascend, so each sentence start after the first
    cuts the words once: a few bisections per article instead of one per word."""
    if len(sentence_starts) < 2:
        return [0] * len(starts)
    out: list[int] = []
    done = 0
    for sent, cut in enumerate(map(bisect_left, repeat(starts), sentence_starts[1:])):
        if cut > done:
            out += repeat(sent, cut - done)
            done = cut
    out += repeat(len(sentence_starts) - 1, len(starts) - done)
    return out


# Word as written -> (its folded form, its keys, its mark), per language and marker;
# cleared when it grows past the bound, like the keys' own cache.
_BY_WORD: dict[tuple[str, Mark], dict[str, tuple[str, tuple[str, ...], Any]]] = {}
_BY_WORD_MAX = 100_000


def memo_many(
    memo: dict[Any, Any], keys: Sequence[Any], compute: Callable[[int], Any], limit: int
) -> list[Any]:
    """``memo[k]`` for every key, computing the missing ones as ``compute(i)`` (``i`` the
    key's position): one C-level pass of look-ups, Python only for the misses. A memo grown
    past ``limit`` entries starts afresh."""
    hits = list(map(memo.get, keys))
    if None in hits:
        if len(memo) > limit:
            memo.clear()
        for n, hit in enumerate(hits):
            if hit is None:
                hits[n] = memo[keys[n]] = compute(n)
    return hits


def _keys_of(
    raws: list[str], normed: list[str], lang: str, mark: Mark
) -> tuple[Sequence[str], Sequence[tuple[str, ...]], Sequence[Any]]:
    """The folded form, :func:`article_keys` and the mark of every word, looked up by the
    word as written (``normed``: its slice of the normalised text): one string hash per
    word, where the keys' cache hashes the word, its folded form and the language (most of
    the stage's time on real text, where every word is a fresh string). Normalisation maps
    each character on its own, so a word as written always folds the same way."""

    def entry(n: int) -> tuple[str, tuple[str, ...], Any]:
        raw, folded = raws[n], normed[n].translate(_DROP)
        k = article_keys(raw, folded, lang)
        return folded, k, mark(raw, folded, k)

    known = _BY_WORD.setdefault((lang, mark), {})
    hits = memo_many(known, raws, entry, _BY_WORD_MAX)
    if not hits:
        return [], [], []
    # One transposition gives the three columns.
    foldeds, keys, marks = zip(*hits, strict=True)
    return foldeds, keys, marks


def split_alias(alias: str) -> list[str]:
    """The words of a knowledge-base alias, split exactly as article text is."""
    norm = normalize(alias)
    return [alias[m.start() : m.end()] for m in WORD.finditer(norm)]


# --- one name across scripts ------------------------------------------------------------

try:  # a maintained per-character transliteration table (Cyrillic, Greek, Arabic, Hebrew)
    from anyascii import anyascii as _to_ascii
except ImportError:  # pragma: no cover - without it, names compare within their script
    _to_ascii = None

# Consonant classes close enough across transliterations: Arabic and Hebrew write no short
# vowels, "sh" is one letter, Arabic writes "v" with "f" and "p" with "b" and Hebrew "p"
# and "f" with one letter, "k"/"q"/"c" and "t"/"d" are confused by Greek and Arabic
# spellings ("Γουέντι", "ντ" for "nd"); "w" and "y" are vowels as often as consonants.
_DIGRAPHS = (
    ("sh", "s"),
    ("sz", "s"),
    ("ch", "k"),
    ("kh", "k"),
    ("th", "t"),
    ("ph", "f"),
    ("gh", "g"),
    # Greek writes b, d, g as "μπ", "ντ", "γκ": "b", "d" at the start of a word ("Μπάιντεν"),
    # "mb", "nd" inside it ("Τραμπ" as Arabic "ترامب"), "g" always ("Στόλτενμπεργκ").
    ("mp", "mb"),
    ("nt", "nd"),
    ("gk", "g"),
)
_GREEK_INITIAL = (("mp", "b"), ("nt", "d"))
_CLASSES = str.maketrans(
    {"v": "b", "f": "b", "p": "b", "q": "k", "c": "k", "d": "t", "z": "s", "j": "g"}
)
_VOWELISH = re.compile(r"[aeiouyhw']")


_GREEK_OU = re.compile("[οόΟΌ][υύΥΎ]")
_GREEK = re.compile("[\u0370-\u03ff\u1f00-\u1fff]")
_HEBREW = re.compile("[\u0590-\u05ff]")


def latin(name: str) -> str:
    """``name`` in Latin letters ("Сергей Рябков" -> "Sergey Ryabkov"); Latin names as
    they are."""
    if _to_ascii is None or all(ord(ch) < 0x250 for ch in name):
        return name
    # Greek "ου" is one vowel, "ou" ("Κατρούγκαλος" -> "Katrougkalos", not "Katroygkalos").
    name = _GREEK_OU.sub(lambda m: "Ou" if m.group(0)[0].isupper() else "ou", name)
    return " ".join(_to_ascii(name).split())


@lru_cache(maxsize=50_000)  # known people's names are compared with every new one
def skeleton(name: str, j_vowel: bool = False, plain_greek: bool = False) -> str:
    """The consonants of a name in Latin letters, classes merged: "Wendy Sherman",
    "ويندي شيرمان" and "וונדי שרמן" give "nt srmn" or close; "Ryabkov" and "ريابكوف" "rbkb".
    ``j_vowel``: read "j" as "y" (German, Slavic and Hungarian spellings: "Szijjártó");
    ``plain_greek``: read "μπ", "ντ" inside a word as "b", "d" ("Μπάιντεν", "Στόλτενμπεργκ")."""
    greek = _GREEK.search(name) is not None
    if greek and plain_greek:
        # Greek "χ" writes the "h" of Arabic and Hebrew names as often as "kh"
        # ("Νετανιάχου" Netanyahu, "Χαμάς" Hamas).
        name = name.replace("χ", "").replace("Χ", "")
    if _HEBREW.search(name):
        # Hebrew "ו" is the vowel "o"/"u" more often than "v" ("נתניהו" Netanyahu).
        name = name.replace("ו", "w")
    words = []
    for word in latin(name).lower().split():
        word = re.sub(r"[^a-z]", "", word)
        if greek:  # only Greek spells "b", "d" as "μπ", "ντ" ("nt" opens Hebrew "נתניהו")
            for a, b in _GREEK_INITIAL:
                if word.startswith(a):
                    word = b + word[2:]
        if plain_greek:
            word = word.replace("mp", "b").replace("nt", "d")
        for a, b in _DIGRAPHS:
            word = word.replace(a, b)
        if j_vowel:
            word = word.replace("j", "y")
        word = _VOWELISH.sub("", word.translate(_CLASSES))
        word = re.sub(r"(.)\1+", r"\1", word)
        if word:
            words.append(word)
    return " ".join(words)


def same_person_across_scripts(a: str, b: str, cutoff: float = 80.0) -> bool:
    """Two spellings of one name in different scripts: the same surname consonants (three
    at least: "Bolsonaro" and "بلانار" differ) and close consonants overall."""
    from rapidfuzz import fuzz

    modes = [(j, g) for j in (False, True) for g in (False, True)]
    # Each side's four readings once (they were recomputed for every pairing).
    a_keys = [skeleton(a, j, g).split() for j, g in modes]
    b_keys = [skeleton(b, j, g).split() for j, g in modes]
    for ka in a_keys:
        for kb_ in b_keys:
            if len(ka) < 2 or len(kb_) < 2 or ka[-1] != kb_[-1] or len(ka[-1]) < 3:
                continue
            if fuzz.ratio(" ".join(ka), " ".join(kb_)) >= cutoff:
                return True
    return False


# Latin spellings of one name across languages, folded to one key: digraphs and letters
# with diacritics as the English spelling writes them (š, sz, sch -> sh; č, cz -> ch; ž ->
# zh; w -> v), then the vowel-like letters that spellings swap (j, y -> i: "Pašinjan",
# "Pashinyan"; oe, ou -> u: Dutch "Poetin", French "Poutine"), other diacritics dropped
# ("Lajčák", "Lajčak") and doubled letters merged ("Borrell", "Borel").
_TRANSLIT = (
    ("dž", "j"),
    ("tsch", "ch"),
    ("sch", "sh"),
    ("sz", "s"),
    ("cz", "ch"),
    ("š", "sh"),
    ("ş", "sh"),
    ("ś", "sh"),
    ("č", "ch"),
    ("ć", "ch"),
    ("ž", "zh"),
    ("ż", "zh"),
    ("ź", "zh"),
    ("đ", "dj"),
    ("ğ", ""),
    ("ı", "i"),
    ("ł", "l"),
    ("ø", "o"),
    ("æ", "ae"),
    ("ß", "ss"),
)
_TRANSLIT_AFTER = (("w", "v"), ("kh", "h"), ("oe", "u"), ("ou", "u"), ("j", "i"), ("y", "i"))


@cache
def spelling_key(word: str) -> str:
    """One key for the Latin spellings of a name word in different languages (see
    ``_TRANSLIT``); a word in another script is first written in Latin letters."""
    word = latin(word).lower()
    for a, b in _TRANSLIT:
        if a in word:
            word = word.replace(a, b)
    flat = unicodedata.normalize("NFKD", word)
    word = "".join(ch for ch in flat if ch.isalpha())  # no accents, soft signs, hyphens
    for a, b in _TRANSLIT_AFTER:
        if a in word:
            word = word.replace(a, b)
    return re.sub(r"(.)\1+", r"\1", word)
