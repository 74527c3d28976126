"""spaCy blank pipelines per language, with the project's registered components.

No trained weights exist for most of our languages here, so each pipeline is
``spacy.blank(lang)`` plus rule components:

* ``briefing_sentences``: the offset-exact splitter of :mod:`briefing.nlp.sentences`;
  sets ``doc._.sentences`` and aligns ``token.is_sent_start``.
* ``briefing_normalize``: ``doc._.norm``, a same-length, lower-cased, script-folded copy
  of the text for matching (Persian/Arabic letters and digits, Romanian comma letters).

Lemmas come from simplemma lazily through ``token._.lemma`` so that only tokens an
extractor looks at are lemmatised.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable, Iterator
from functools import cache

import numpy as np
import spacy
from spacy.attrs import IDX, SENT_START
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Token

from briefing.nlp.alternation import compiled, preload_compiled, save_compiled
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
def spacy_code(lang: str) -> str:
    """The spaCy blank pipeline for ``lang``: the registry's, else the multi-language
    tokenizer ``xx`` (a language outside the registry is read in a limited mode)."""
    from briefing.langpacks import language

    entry = language(lang)
    return entry.spacy if entry is not None else "xx"


if not Doc.has_extension("sentences"):
    Doc.set_extension("sentences", default=None)
    Doc.set_extension("norm", default=None)
    Doc.set_extension("lang", default=None)
if not Doc.has_extension("source_text"):
    # The text the doc was made from: ``doc.text`` rebuilds it from every token each call.
    Doc.set_extension("source_text", default=None)


def _text(doc: Doc) -> str:
    text = doc._.source_text
    return text if text is not None else doc.text


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


def _token_lemma(token: Token) -> str:
    return _lemma(token.text, token.doc._.lang or token.doc.lang_)


if not Token.has_extension("lemma"):
    Token.set_extension("lemma", getter=_token_lemma)


@Language.component("briefing_sentences")
def briefing_sentences(doc: Doc) -> Doc:
    lang = doc._.lang or doc.lang_
    sentences = split_sentences(_text(doc), lang)
    doc._.sentences = sentences
    if len(doc):
        # Whole-array write: setting ``token.is_sent_start`` one token at a time re-checks
        # the doc's parse annotation on every token (quadratic in the doc's length).
        idx = doc.to_array(IDX)
        starts = np.fromiter((s.start for s in sentences), dtype=idx.dtype, count=len(sentences))
        # Token offsets are sorted: each sentence start's token by binary search (a start
        # inside a token marks nothing, as ``np.isin`` would).
        at = np.searchsorted(idx, starts)
        at = at[at < len(idx)]
        flags = np.full(len(idx), -1, dtype="int64")
        flags[at[idx[at] == starts[: len(at)]]] = 1
        flags[0] = 1
        doc.from_array([SENT_START], flags.astype("uint64").reshape(-1, 1))
    return doc


@Language.component("briefing_normalize")
def briefing_normalize(doc: Doc) -> Doc:
    doc._.norm = normalize(_text(doc))
    return doc


_SPACY_TOKENIZER = "spacy.Tokenizer.v1"
_CACHED_TOKENIZER = "briefing.CachedTokenizer.v1"


@spacy.registry.tokenizers(_CACHED_TOKENIZER)
def _cached_tokenizer() -> Callable[[Language], Tokenizer]:
    """spaCy's default tokenizer (``spacy.Tokenizer.v1``: the same rules, the same
    expressions, built as ``spacy.util.compile_*_regex`` build them), its three affix
    expressions compiled from the code kept in the disk cache (``nlp.alternation``):
    compiling them was 60 % of building a language's blank pipeline (0.05-0.08 s, in
    every process, for every language it meets)."""

    def factory(nlp: Language) -> Tokenizer:
        d = nlp.Defaults
        group = f"spacy.{nlp.lang}"

        def rx(entries: object, form: str) -> re.Pattern[str] | None:
            if not entries:
                return None
            expression = "|".join([form.format(p) for p in entries if p.strip()])
            return compiled(expression, group)

        prefix, suffix, infix = rx(d.prefixes, "^{}"), rx(d.suffixes, "{}$"), rx(d.infixes, "{}")
        return Tokenizer(
            nlp.vocab,
            rules=d.tokenizer_exceptions,
            prefix_search=prefix.search if prefix else None,
            suffix_search=suffix.search if suffix else None,
            infix_finditer=infix.finditer if infix else None,
            token_match=d.token_match,
            url_match=d.url_match,
        )

    return factory


def _lang_class(code: str) -> type[Language]:
    """``spacy.util.get_lang_class(code)``; the patterns its module compiles on import
    (the token and URL matches: French's took ~3 s CPU in every process) served from the
    disk cache (``nlp.alternation.preload_compiled``), recorded there the first time."""
    group = f"spacy-import.{code}"
    preload_compiled(group)
    cls = spacy.util.get_lang_class(code)
    from briefing import diskcache

    if diskcache.cache_dir() is not None:
        for match in (cls.Defaults.token_match, cls.Defaults.url_match):
            rx = getattr(match, "__self__", None)
            if isinstance(rx, re.Pattern) and isinstance(rx.pattern, str):
                compiled(rx.pattern, group)  # recorded once (a no-op when known)
    return cls


def _blank(code: str) -> Language:
    """``spacy.blank(code)``, with :func:`_cached_tokenizer` where the language uses
    spaCy's default tokenizer (the others, e.g. Japanese or Chinese, keep their own)."""
    cls = _lang_class(code)
    if cls.default_config["nlp"]["tokenizer"].get("@tokenizers") != _SPACY_TOKENIZER:
        return spacy.blank(code)
    nlp = spacy.blank(code, config={"nlp": {"tokenizer": {"@tokenizers": _CACHED_TOKENIZER}}})
    save_compiled()
    return nlp


@cache
def get_nlp(lang: str) -> Language:
    """The pipeline for ``lang`` (built once per process)."""
    try:
        nlp = _blank(spacy_code(lang))
    except Exception:  # spaCy lacks it (or its tokenizer's dependency): multi-language
        nlp = _blank("xx")
    nlp.add_pipe("briefing_sentences")
    nlp.add_pipe("briefing_normalize")
    return nlp


def lemma(word: str, lang: str) -> str:
    """Lemma of one word (cached); for lexicon entries and unknown tokens."""
    return _lemma(word, lang)


def process(texts: Iterable[tuple[str, str]], batch_size: int = 64) -> Iterator[Doc]:
    """Docs for ``(text, lang)`` pairs, in input order, batched with ``nlp.pipe``."""
    items = list(texts)
    by_lang: dict[str, list[int]] = {}
    for i, (_text, lang) in enumerate(items):
        by_lang.setdefault(lang, []).append(i)
    out: list[Doc | None] = [None] * len(items)
    for lang, idxs in by_lang.items():
        nlp = get_nlp(lang)
        # Components read doc._.lang, so set it before they run.
        docs = (_make_doc(nlp, items[i][0], lang) for i in idxs)
        for i, doc in zip(idxs, nlp.pipe(docs, batch_size=batch_size), strict=True):
            out[i] = doc
    for doc in out:
        assert doc is not None
        yield doc


def _make_doc(nlp: Language, text: str, lang: str) -> Doc:
    doc = nlp.make_doc(text)
    doc._.lang = lang
    doc._.source_text = text
    return doc
