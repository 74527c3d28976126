"""Word alternations written literal first match exactly as the plain look-behind form."""

from __future__ import annotations

import random
import re

import pytest

from briefing.nlp.alternation import NEVER, alternation, lexicon_alternation, word_alternation

LEXICONS = {
    "months-en": ["January", "Jan.", "June", "July", "jun", "March", "mar", "May", "Sept.", "sep"],
    "weekdays-pl": ["poniedziałek", "poniedziałku", "wtorek", "wtorku", "środa", "środę", "pt."],
    "relative-fa": ["امروز", "فردا", "دیروز", "هفته آینده", "ماه آینده", "پس فردا"],
    "relative-de": ["heute", "morgen", "übermorgen", "nächste Woche", "nächsten Monat", "gestern"],
    "tense-fr": ["a déclaré", "va*", "sera*", "avait", "ont", "a", "aura", "-t-il"],
    # Ten first letters and more (the \b form), a prefix entry, a raw one.
    "many-plain": [*"abcdefghijkl", "mo*", "o'clock", "d'ici", "-backed"],
    "many": [*"abcdefghijkl", "mo*", "~\\d{1,2}h", "~(?:x|y)z", "o'clock", "d'ici"],
}
ALPHABET = [*"abcdjlmosuxyz019 .'-,()\n", "ś", "ę", "ا", "ه", "ü", "é"]


def _texts(words: list[str], n: int = 60, seed: int = 7) -> list[str]:
    """Random texts of lexicon words (cut, glued, spelled in other cases) and noise."""
    rnd = random.Random(seed)
    pieces = [w.lower().lstrip("~") for w in words]
    out = []
    for _ in range(n):
        parts = []
        for _ in range(rnd.randint(3, 14)):
            w = rnd.choice(pieces)
            r = rnd.random()
            if r < 0.2:
                w = w[: rnd.randint(0, len(w))]
            elif r < 0.35:
                w = rnd.choice(ALPHABET) + w
            elif r < 0.5:
                w = w + rnd.choice(ALPHABET)
            parts.append(w)
            parts.append("".join(rnd.choice(ALPHABET) for _ in range(rnd.randint(0, 3))) or " ")
        out.append("".join(parts))
    return out


def _spans(rx: re.Pattern[str], text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [m.span() for m in rx.finditer(text, start, end)]


@pytest.mark.parametrize("name", sorted(LEXICONS))
@pytest.mark.parametrize(("before", "after"), [(r"\w", r"(?!\w)"), (r"[\w.']", r"(?![\w'])")])
def test_same_matches_as_the_look_behind_form(name, before, after):
    words = LEXICONS[name]
    plain = re.compile(f"(?<!{before})(?:{lexicon_alternation(words)}){after}")
    fast = re.compile(word_alternation(words, before, after))
    assert fast.pattern != plain.pattern
    found = 0
    for text in _texts(words):
        found += len(_spans(plain, text, 0, len(text)))
        for start in range(0, len(text), 5):
            for end in (len(text), max(start, len(text) - 4)):
                # Bounded searches still see the character before ``start``.
                assert _spans(fast, text, start, end) == _spans(plain, text, start, end), (
                    text,
                    start,
                    end,
                )
    assert found >= 20  # the texts do hold matches


@pytest.mark.parametrize("name", sorted(LEXICONS))
def test_same_backtracking_inside_a_larger_pattern(name):
    words = LEXICONS[name]
    alt = lexicon_alternation(words)
    for tail in (r"\s*(?P<d>\d{1,2})", r"\s+\w{1,3}\s*$", r"(?:\s+\S+){0,2}\s*[,.;]"):
        plain = re.compile(rf"(?<![\w'])(?P<m>{alt})(?![\w']){tail}")
        words_rx = word_alternation(words, r"[\w']", r"(?![\w'])")
        fast = re.compile(rf"(?P<m>{words_rx}){tail}")
        for text in _texts(words, n=30, seed=11):
            for cut in range(1, len(text) + 1, 3):
                a, b = plain.search(text[:cut]), fast.search(text[:cut])
                assert (a and (a.span(), a.group("m"))) == (b and (b.span(), b.group("m")))


def test_the_fast_form_starts_with_literals():
    """What makes it fast: no leading look-behind, so the engine can skip ahead."""
    rx = word_alternation(["talks", "meeting", "meet*", "summit"], r"[\w.']")
    assert rx.startswith("(?:m(?<![\\w.'].)") and "(?<![\\w.'])" not in rx


def test_no_entries_match_nothing():
    assert word_alternation([]) == NEVER
    assert re.search(word_alternation([]), "anything") is None


def test_compiled_patterns_equal_re_compile_and_come_back_from_disk(tmp_path, monkeypatch):
    """Cue patterns rebuilt from the code kept on disk are the patterns ``re`` compiles:
    same code, flags and groups (``==`` compares them), for every language's cues."""
    from briefing.extract import topics
    from briefing.nlp import alternation

    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(alternation, "_CODES", {})
    monkeypatch.setattr(alternation, "_DIRTY", set())
    table = topics.load_yaml("lexicons/topics.yaml")

    def every_cue(spec, lang):
        claims = (spec.get("claims") or {}).values()
        return [c for d in (spec, *claims) for c in topics.cues_for(d.get("cues"), lang)]

    cues = {
        lang: [c for spec in table.values() for c in every_cue(spec, lang)]
        for lang in ("en", "ar", "de", "fa", "sr")
    }
    extra = r"(?P<who>\w+)\s+(said|says)(?i:\s+that)?|x{2,5}?(?=\d)|(?<!\w)ü"
    first = {lang: topics.compile_cues(c, lang) for lang, c in cues.items()}
    first["any"] = alternation.compiled(extra, "any")
    for rx in first.values():
        want = re.compile(rx.pattern)
        assert rx == want and rx.groupindex == want.groupindex and rx.groups == want.groups
    alternation.save_compiled()
    assert not alternation._DIRTY
    assert len(list(tmp_path.glob("regex.*.pickle"))) == len(first)
    monkeypatch.setattr(alternation, "_CODES", {})  # a new process: read back from disk
    again = {lang: topics.compile_cues(c, lang) for lang, c in cues.items()}
    again["any"] = alternation.compiled(extra, "any")
    assert not alternation._DIRTY  # nothing compiled anew
    assert again == first
    assert again["any"].match("Lavrov said that").group("who") == "Lavrov"
    with pytest.raises(re.error):
        alternation.compiled("(unclosed", "any")


def test_preloaded_patterns_serve_re_compile_without_compiling(tmp_path, monkeypatch):
    """A pattern recorded in a group (spaCy's French token match is, on its first
    import) is handed to ``re``'s own cache: ``re.compile`` of the same text, flags 0,
    returns it without compiling, equal to what it would have compiled."""
    from briefing.nlp import alternation

    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(alternation, "_CODES", {})
    monkeypatch.setattr(alternation, "_DIRTY", set())
    pattern = r"(?iu)(?:l['’]\w+|\w+-(?:t-il|elle))|(?P<n>\d+)\s*km"
    want = re.compile(pattern)
    alternation.compiled(pattern, "spacy-import.test")
    alternation.save_compiled()
    monkeypatch.setattr(alternation, "_CODES", {})  # a new process: read back from disk
    re.purge()
    alternation.preload_compiled("spacy-import.test")

    def no_compiling(*_args, **_kwargs):
        raise AssertionError("compiled again")

    monkeypatch.setattr(re._compiler, "compile", no_compiling)
    got = re.compile(pattern)
    assert got == want and got.groupindex == want.groupindex
    assert got.match("L'Europe").group(0) == "L'Europe"
    assert got.match("12 km").group("n") == "12"
    monkeypatch.undo()
    re.purge()


def test_compiled_without_a_disk_cache(monkeypatch):
    from briefing.nlp import alternation

    monkeypatch.setenv("BRIEFING_NO_DISK_CACHE", "1")
    monkeypatch.setattr(alternation, "_CODES", {})
    monkeypatch.setattr(alternation, "_DIRTY", set())
    assert alternation.compiled("a|b", "xx") == re.compile("a|b")
    alternation.save_compiled()  # nowhere to write: nothing happens


# Cue regexes (the form of topics.cue_regex) sharing their first letters, some of them an
# optional or repeated letter, a prefix, an escaped literal, an inner group, a shorter cue
# after longer ones: the first letters taken out again and again (nlp.alternation's trie).
SHARED = [
    r"(?<!\w)(?:saying)(?!\w)",
    r"(?<!\w)(?:stated)(?!\w)",
    r"(?<!\w)(?:state\w*)",
    r"(?<!\w)(?:sa?id)(?!\w)",
    r"(?<!\w)(?:said\s+that)(?!\w)",
    r"(?<!\w)(?:said\s+this)(?!\w)",
    r"(?<!\w)(?:said\s+?so)(?!\w)",
    r"(?<!\w)(?:said\s+\s*then)(?!\w)",
    r"(?<!\w)(?:(?:warn)(?!\w)(?![\s,]*that))",
    r"(?<!\w)(?:(?:wa|wi)rn)(?!\w)",
    r"(?<!\w)(?:(?:war)?n)(?!\w)",
    r"(?<!\w)(?:says)(?!\w)",
    r"(?<!\w)(?:s\-a)(?!\w)",
    r"(?<!\w)(?:st+ay)(?!\w)",
    r"(?<!\w)(?:sa(?:y|id)s)(?!\w)",
    r"(?<!\w)(?:say)(?!\w)",
    r"(?<!\w)(?:s)(?!\w)",
    r"(?<!\w)(?:warned)(?!\w)",
    r"(?<!\w)(?:warn\w*)",
]


@pytest.mark.parametrize("tail", ["", r"\s*(?P<d>\d{1,2})", r"(?:\s+\S+){0,2}\s*[,.;]"])
def test_shared_first_letters_factored_match_the_same(tail):
    plain = re.compile(f"(?P<m>{'|'.join(SHARED)}){tail}")
    fast = re.compile(f"(?P<m>{alternation(SHARED)}){tail}")
    assert "t(?:a(?:t(?:e(?:" in fast.pattern  # factored again and again
    assert "\\s+t(?:h(?:" in fast.pattern  # white space and a letter: one step
    assert "w(?<!\\w.)(?:arn(?!\\w)" in fast.pattern  # a cue's group opened
    words = [
        "saying",
        "stated",
        "states",
        "said",
        "sid",
        "said that",
        "says",
        "s-a",
        "stttay",
        "sayss",
        "saids",
        "said this",
        "said  so",
        "said then",
        "said \nthat",
        "warn that",
        "wirn",
        "n",
        "say",
        "s",
        "warned",
        "warns",
        "sa",
        "st",
        "12",
        ",",
        ".",
    ]
    found = 0
    for text in _texts(words, n=80, seed=5):
        found += len(list(plain.finditer(text)))
        for cut in range(1, len(text) + 1, 3):
            a = [(m.span(), m.group("m")) for m in plain.finditer(text[:cut])]
            b = [(m.span(), m.group("m")) for m in fast.finditer(text[:cut])]
            assert a == b, text[:cut]
    assert found >= 10  # the texts do hold matches
