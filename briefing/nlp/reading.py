"""What the analysis reads of a text, without spaCy: its normalised copy and its
sentences (:func:`analyse`), and lemmas (simplemma).

Every extractor works on the normalised text and the splitter's sentences, never on
tokens, so the analysis needs no tokeniser: :func:`analyse` gives it the same ``_.norm``
and ``_.sentences`` as the spaCy pipeline of :mod:`briefing.nlp.pipeline` sets on its
Docs, without importing spaCy (half a second of every run's start-up), building a
pipeline for each language a process meets (0.05-0.25 s each) or tokenising each text
(a quarter of a millisecond an article).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from functools import cache

from briefing.nlp.normalize import normalize
from briefing.nlp.sentences import split_sentences


@cache
def simplemma_code(lang: str) -> str | None:
    """The lemma table for ``lang``: the registry's (``sr``/``hr`` -> ``hbs``; none for
    Maltese), when simplemma has it; None for languages outside the registry (read in a
    limited mode, they are matched on their lower-cased forms)."""
    from briefing.langpacks import language

    entry = language(lang)
    if entry is None or not entry.simplemma:
        return None
    try:
        from simplemma.strategies.dictionaries.dictionary_factory import SUPPORTED_LANGUAGES
    except ImportError:  # another simplemma layout: trust the registry
        return entry.simplemma
    return entry.simplemma if entry.simplemma in SUPPORTED_LANGUAGES else None


@cache
def _lemmatizer() -> Callable[[str, str], str]:
    """simplemma's default lemmatizer, with its dictionaries as MARISA tries when
    ``marisa-trie`` is installed: the same entries, but a trie is built once per user
    and then memory-mapped in milliseconds, where the default
    decodes the whole table in every process (Polish: ~2.5 s and hundreds of MB). The
    first run on a machine builds them (Polish: ~10 s), in the cache folder of
    :mod:`briefing.diskcache`."""
    import simplemma

    from briefing.diskcache import cache_dir

    folder = cache_dir()
    if folder is None:
        return simplemma.lemmatize
    try:
        from simplemma.strategies import DefaultStrategy
        from simplemma.strategies.dictionaries import TrieDictionaryFactory

        folder = folder / "simplemma" / getattr(simplemma, "__version__", "unknown")
        folder.mkdir(parents=True, exist_ok=True)
        if not os.access(folder, os.W_OK):
            raise PermissionError(folder)
        factory = TrieDictionaryFactory(disk_cache_dir=str(folder))
    except (ImportError, OSError):
        # Without a place to keep the tries, every process would rebuild them (slower
        # than simplemma's own tables): use those.
        return simplemma.lemmatize
    lemmatizer = simplemma.Lemmatizer(
        lemmatization_strategy=DefaultStrategy(dictionary_factory=factory)
    )
    return lemmatizer.lemmatize


@cache
def _lemma(word: str, lang: str) -> str:
    table = simplemma_code(lang)
    if table is None or not any(ch.isalpha() for ch in word):
        return word.lower()
    return _lemmatizer()(word, table).lower()


def lemma(word: str, lang: str) -> str:
    """Lemma of one word (cached); for lexicon entries and unknown tokens."""
    return _lemma(word, lang)


class Read:
    """What the analysis reads of one text: its normalised copy and sentences, found as
    the pipeline's components find them. ``read._.norm`` and ``read._.sentences`` as on
    a Doc of :func:`briefing.nlp.pipeline.process` (``_`` is the object itself)."""

    __slots__ = ("lang", "norm", "sentences", "source_text", "text")

    def __init__(self, text: str, lang: str) -> None:
        self.text = self.source_text = text
        self.lang = lang
        self.sentences = split_sentences(text, lang)
        self.norm = normalize(text)

    @property
    def _(self) -> Read:
        return self


def analyse(texts: Iterable[tuple[str, str]]) -> Iterator[Read]:
    """A :class:`Read` of each ``(text, lang)`` pair, in input order: what
    :func:`briefing.nlp.pipeline.process` would set as ``doc._.norm`` and ``doc._.sentences``, without tokens."""
    for text, lang in texts:
        yield Read(text, lang)
