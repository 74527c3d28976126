"""Which language an article is in, and how fully the project can read it.

The registry of language packs (:func:`briefing.langpacks.registry`) decides which
languages are read in full (tokenizer, lemmas, lexicons). Any other language is read in a
*limited* mode: names, numbers and dates that can be read without the language's lexicons.

Detection has two steps:

* the script: text written mostly in a script no registry language uses (Georgian, Thai,
  Armenian, Devanagari, Han, Hangul, ...) is that script's language, never a registry
  language guessed by a model that was told to choose among those only;
* otherwise py3langid: its best guess outside the registry when it is sure the text is in
  none of the registry's languages nor their close kin (Indonesian, Vietnamese, Swahili,
  Urdu, ...); else the best of the registry's languages, as before (a text
  in Bosnian, Galician or Norwegian reads better as Croatian, Portuguese or Danish
  than in the limited mode).

Metadata naming a language is trusted when it is a well-formed ISO 639 code of a language
with a two-letter code (``sr``, ``pt-BR``, ``srp``): brief.json states ISO 639-1; a
malformed or unknown code is reported and detection used, which answers ISO 639-1 too.
"""

from __future__ import annotations

import logging
import os
import re
from dataclasses import dataclass
from functools import cache

from briefing.langpacks import iso_language_name, registry

log = logging.getLogger(__name__)

# Scripts no registry language is written in, and the language they most likely mean
# (ISO 639-1). Ranges are Unicode blocks.
_OTHER_SCRIPTS: tuple[tuple[int, int, str], ...] = (
    (0x0530, 0x058F, "hy"),  # Armenian
    (0x0780, 0x07BF, "dv"),  # Thaana
    (0x0900, 0x097F, "hi"),  # Devanagari
    (0x0980, 0x09FF, "bn"),  # Bengali
    (0x0A00, 0x0A7F, "pa"),  # Gurmukhi
    (0x0A80, 0x0AFF, "gu"),  # Gujarati
    (0x0B00, 0x0B7F, "or"),  # Oriya
    (0x0B80, 0x0BFF, "ta"),  # Tamil
    (0x0C00, 0x0C7F, "te"),  # Telugu
    (0x0C80, 0x0CFF, "kn"),  # Kannada
    (0x0D00, 0x0D7F, "ml"),  # Malayalam
    (0x0D80, 0x0DFF, "si"),  # Sinhala
    (0x0E00, 0x0E7F, "th"),  # Thai
    (0x0E80, 0x0EFF, "lo"),  # Lao
    (0x0F00, 0x0FFF, "bo"),  # Tibetan
    (0x1000, 0x109F, "my"),  # Myanmar
    (0x10A0, 0x10FF, "ka"),  # Georgian
    (0x1C90, 0x1CBF, "ka"),  # Georgian Mtavruli
    (0x2D00, 0x2D2F, "ka"),  # Georgian supplement
    (0x1100, 0x11FF, "ko"),  # Hangul Jamo
    (0x1200, 0x139F, "am"),  # Ethiopic
    (0x1780, 0x17FF, "km"),  # Khmer
    (0x1800, 0x18AF, "mn"),  # Mongolian
    (0x3040, 0x30FF, "ja"),  # Hiragana, Katakana
    (0x3130, 0x318F, "ko"),  # Hangul compatibility Jamo
    (0x3400, 0x4DBF, "zh"),  # CJK extension A
    (0x4E00, 0x9FFF, "zh"),  # CJK unified ideographs
    (0xAC00, 0xD7AF, "ko"),  # Hangul syllables
)
_OTHER_SCRIPTS = tuple(sorted(_OTHER_SCRIPTS))
_OTHER_STARTS = [lo for lo, _hi, _code in _OTHER_SCRIPTS]
SAMPLE = 5000  # characters looked at: enough, and keeps detection fast on long texts


@dataclass(frozen=True, slots=True)
class Reading:
    """How an article is read: its language and whether the registry covers it."""

    language: str
    mode: str  # "full" | "limited"
    reason: str | None = None  # why limited; also what the user is told
    note: str | None = None  # a problem with the stated language, reported once


def fully_read() -> frozenset[str]:
    """Languages with a pack: read in full."""
    return frozenset(registry())


_OTHER_CHARS = re.compile(
    "[" + "".join(f"\\u{lo:04x}-\\u{hi:04x}" for lo, hi, _code in _OTHER_SCRIPTS) + "]"
)
_LETTER = re.compile(r"[^\W\d_]")


def _script_language(sample: str) -> str | None:
    """The language of a script no registry language uses, when most letters are in it."""
    import bisect

    found = _OTHER_CHARS.findall(sample)  # most texts: none, found at C speed
    if not found:
        return None
    letters = len(_LETTER.findall(sample))
    counts: dict[str, int] = {}
    for ch in found:
        i = bisect.bisect_right(_OTHER_STARTS, ord(ch)) - 1
        code = _OTHER_SCRIPTS[i][2]
        counts[code] = counts.get(code, 0) + 1
    if counts.get("ja") and counts.get("zh"):  # kana among Han: Japanese
        counts["ja"] += counts.pop("zh")
    code, n = max(counts.items(), key=lambda kv: kv[1])
    return code if letters and 2 * n >= letters else None


# Languages py3langid knows that are close kin of a registry language (and that it may
# prefer on a registry language's text): never taken for "another language".
_KIN = frozenset(
    [
        "af",
        "an",
        "ast",
        "bs",
        "ca",
        "cnr",
        "co",
        "crh",
        "csb",
        "dsb",
        "eo",
        "ext",
        "fo",
        "frp",
        "fur",
        "fy",
        "gd",
        "gl",
        "gv",
        "hbo",
        "hsb",
        "ia",
        "ie",
        "la",
        "lad",
        "lb",
        "li",
        "lij",
        "lld",
        "lmo",
        "ltg",
        "mk",
        "mwl",
        "nap",
        "nb",
        "nds",
        "nn",
        "no",
        "oc",
        "pcd",
        "pms",
        "rm",
        "rue",
        "sc",
        "scn",
        "sco",
        "se",
        "sh",
        "szl",
        "vec",
        "wa",
    ]
)
SURE = 0.8  # probability of "another language" above which it is believed


@cache
def _identifier():  # type: ignore[no-untyped-def]
    """py3langid's model, kept in the disk cache: unpacking its xz file takes 0.5-0.7 s a
    run (the serial start of every plain-text batch), reading it back 0.08 s. Its
    automaton walked a window at a time (:func:`_windowed`) where the model allows it."""
    from importlib import metadata

    from briefing.diskcache import cached

    def build():  # type: ignore[no-untyped-def]
        from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

        return LanguageIdentifier.from_model_file(MODEL_DIR / MODEL_FILE, norm_probs=True)

    try:
        version = metadata.version("py3langid")
    except metadata.PackageNotFoundError:
        return build()
    model = cached(f"langid-{version}", build)
    reach = SYNCHRONIZING.get(version)
    return _windowed(model, reach, _wide_table(model.nb_ptc, version)) if reach else model


def _wide_table(table, version: str):  # type: ignore[no-untyped-def]
    """py3langid's feature table (float16, 100,000 x 142) as float32, memory-mapped from
    the disk cache (written once; the pages are shared by every process): numpy widens
    the float16 rows an article gathers at every score, 70 % of the scoring. Widening is
    exact, so the products are those of py3langid's own scoring."""
    import numpy as np

    from briefing.diskcache import cache_dir

    folder = cache_dir()
    path = None if folder is None else folder / f"langid-{version}-table32.npy"
    if path is not None:
        try:
            wide = np.asarray(np.load(path, mmap_mode="r"))  # a plain array over the map
            # A sample of rows checked against the model's own (a few pages): a stale
            # file of the same shape is written again.
            if (
                wide.shape == table.shape
                and wide.dtype == np.float32
                and np.array_equal(wide[::997], table[::997])
            ):
                return wide
        except Exception:  # none yet, torn or foreign: written again below
            pass
    wide = table.astype(np.float32)
    if path is not None:
        from briefing.fsio import staged_file

        try:
            folder.mkdir(parents=True, exist_ok=True)
            with staged_file(path) as (fh, tmp):
                np.save(fh, wide)
            os.replace(tmp, path)
        except OSError as exc:
            log.debug("langid table not cached (%s)", exc)
    return wide


# py3langid versions whose model's automaton is known to forget, after this many bytes,
# the state it started from (:func:`synchronizing_length`, checked by
# tests/nlp/test_language.py for the installed version), and whose internals
# :func:`_windowed` relies on. Any other version is walked by py3langid itself.
SYNCHRONIZING = {"0.4.0": 6}


def synchronizing_length(model, longest: int = 8) -> int | None:  # type: ignore[no-untyped-def]
    """The number of bytes after which py3langid's automaton is in the same state whatever
    state it started from (its n-gram scanner forgets everything older than its longest
    n-gram), checked over every state and every byte string; None if not within
    ``longest`` bytes (2 s)."""
    import numpy as np

    moves = np.frombuffer(model.tk_nextmove, dtype=np.dtype(model.tk_nextmove.typecode))
    rows = np.asarray(model._rowbase, dtype=np.int64)
    every_byte = np.arange(256)
    # The sets of states the automaton can be in after each byte string read so far
    # (from any state), each kept only while it holds more than one state.
    sets = [np.arange(len(model.tk_output))]
    for length in range(1, longest + 1):
        after = []
        for states in sets:
            nxt = moves[rows[states][:, None] + every_byte]
            for byte in np.nonzero(~(nxt == nxt[0]).all(axis=0))[0]:
                after.append(np.unique(nxt[:, byte]))
        if not after:
            return length
        sets = after
    return None


def _windowed(model, reach: int, wide):  # type: ignore[no-untyped-def]
    """``model`` whose byte automaton is walked for all positions at once: the state after
    byte ``t`` is the state ``reach`` bytes (:func:`synchronizing_length`) read from the
    start state lead to, so ``reach`` vectorised steps over every window give every state
    (py3langid's own walk is a Python loop over each byte: 0.5 ms an article). The
    features, their counts and their order of first appearance are the same, hence the
    same scores to the bit. ``wide``: the model's feature table as float32
    (:func:`_wide_table`); the features' rows and counts go to numpy's product as the
    arrays py3langid's ``_sparse_score`` builds from its dict, not through one."""
    import numpy as np
    from py3langid.langid import LanguageIdentifier, visit_counts

    class Windowed(LanguageIdentifier):
        __slots__ = ("_moves", "_outputs", "_reach", "_rows", "_wide")

        def _raw_score(self, text):  # type: ignore[no-untyped-def]
            n = len(text)
            if n <= self._reach:
                return super()._raw_score(text)
            data = np.frombuffer(text, dtype=np.uint8)
            span = n - self._reach + 1
            states = np.zeros(span, dtype=np.int64)
            for k in range(self._reach):
                states = self._moves[self._rows[states] + data[k : k + span]]
            # The first bytes, before a whole window: walked as py3langid does.
            state, head = 0, []
            for letter in text[: self._reach - 1]:
                state = self.tk_nextmove[self._rowbase[state] + letter]
                head.append(state)
            found = self._outputs[np.concatenate((np.asarray(head, dtype=np.int64), states))]
            found = found[found >= 0]
            if not len(found):
                return super()._raw_score(b"")  # no feature: py3langid's fill
            keys, first, counts = np.unique(found, return_index=True, return_counts=True)
            order = np.argsort(first, kind="stable")
            idx = keys[order].astype(np.intp, copy=False)
            return np.log1p(counts[order].astype(np.float32)) @ self._wide[idx] + self.nb_pc

    fast = Windowed.__new__(Windowed)
    for name in LanguageIdentifier.__slots__:
        setattr(fast, name, getattr(model, name))
    fast._moves = np.frombuffer(model.tk_nextmove, dtype=np.dtype(model.tk_nextmove.typecode))
    fast._rows = np.asarray(model._rowbase, dtype=np.int64)
    fast._outputs = np.asarray(model.tk_output, dtype=np.int64)
    fast._reach = reach
    fast._wide = wide
    _ = visit_counts  # the walk this replaces (py3langid.langid.visit_counts)
    return fast


def detect_language(text: str) -> str:
    """ISO 639-1 code of ``text`` (its first 5,000 characters): a registry language, or
    the language of a script no registry language is written in, or a language outside
    the registry the model is sure of."""
    sample = text[:SAMPLE]
    if not sample.strip():
        return "en"
    other = _script_language(sample)
    if other is not None:
        return other
    ranked = _identifier().rank(sample)
    known = registry()
    # Sure it is no registry language (nor kin of one): the likeliest of the others.
    # (ISO 639-1 codes only: brief.json's contract.)
    outside = [
        (lang, p) for lang, p in ranked if len(lang) == 2 and lang not in known and lang not in _KIN
    ]
    if outside and sum(p for _lang, p in outside) >= SURE:
        return str(outside[0][0])
    # The registry's best: what a model restricted to the registry would answer.
    return str(next((lang for lang, _p in ranked if lang in known), "en"))


_CODE = re.compile(r"^([a-z]{2,3})(?:[-_][a-z0-9]{1,8})*$")


@cache
def normalize_code(value: str) -> str | None:
    """``value`` (ISO 639-1, or 639-2/3 with a tag: ``srp``, ``pt-BR``) as an ISO 639-1
    code; None when it is malformed, names no language or one without a 639-1 code."""
    m = _CODE.match(value.strip().lower())
    if m is None:
        return None
    base = m[1]
    if base in registry():
        return base
    import pycountry

    if len(base) == 2:
        found = pycountry.languages.get(alpha_2=base)
    else:
        found = pycountry.languages.get(alpha_3=base)
        if found is None:
            try:
                found = pycountry.languages.lookup(base)
            except LookupError:
                found = None
    if found is None:
        return None
    # brief.json states ISO 639-1: a language without a two-letter code is detected.
    return getattr(found, "alpha_2", None)


def read_mode(code: str) -> tuple[str, str | None]:
    if code in registry():
        return "full", None
    name = _name(code)
    from briefing.nlp.dates import kin_of  # the calendar's kin languages (data)

    kin = kin_of(code)
    if kin:
        what = f"names, numbers, dates and dated events (read with {_name(kin)} event words)"
        return "limited", f"no language pack for {name} ({code}): {what}"
    return "limited", f"no language pack for {name} ({code}): names, numbers and dates only"


def _name(code: str) -> str:
    return iso_language_name(code) or code  # unknown: the code says enough


def resolve(stated: str | None, text: str) -> Reading:
    """The language to read ``text`` in: ``stated`` (metadata) when it is a valid code,
    else detected; and whether it is read in full."""
    note = None
    code = None
    if stated:
        code = normalize_code(stated)
        if code is None:
            shown = stated if len(stated) <= 40 else stated[:40] + "..."
            note = f"language {shown!r} in the metadata is no ISO 639-1 language; detected instead"
    if code is None:
        code = detect_language(text)
    mode, reason = read_mode(code)
    return Reading(code, mode, reason, note)
