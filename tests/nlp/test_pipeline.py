"""Lemmas through the project's cached lemmatizer match simplemma's own defaults."""

from __future__ import annotations

import pytest
import simplemma

from briefing.nlp.pipeline import lemma, process

WORDS = {
    "pl": ["Kanadzie", "rozmowach", "sankcje", "Stanami", "powiedział"],
    "ro": ["sancțiunile", "Rusiei", "declarat", "negocierilor"],
    "de": ["Sanktionen", "sprach", "Gesprächen", "Ministerin"],
    "ru": ["санкции", "заявил", "переговорах", "Лаврова"],
    "fr": ["sanctions", "déclaré", "négociations", "ministres"],
    "en": ["sanctions", "talks", "said", "ministers"],
}


@pytest.mark.parametrize("lang", sorted(WORDS))
def test_lemmas_are_simplemmas(lang):
    for word in WORDS[lang]:
        assert lemma(word, lang) == simplemma.lemmatize(word, lang=lang).lower()


def test_language_without_tables_falls_back_to_lower_case():
    assert lemma("Україною", "xx") == "україною"


def test_token_lemma_extension():
    doc = next(process([("Rozmawiano o sankcjach.", "pl")]))
    assert doc[2]._.lemma == simplemma.lemmatize("sankcjach", lang="pl").lower()


def test_token_sentence_starts_follow_the_splitter():
    text = "Blisko 100 tys. żołnierzy stoi przy granicy. Rozmowy trwają.\n\nNowy tytuł"
    doc = next(process([(text, "pl")]))
    spans = [(s.start, s.end) for s in doc._.sentences]
    assert len(spans) == 3
    assert [s.start_char for s in doc.sents] == [start for start, _ in spans]


def test_token_sentence_starts_are_the_splitters_sentence_starts(seed_articles):
    import numpy as np
    from spacy.attrs import IDX, SENT_START

    from briefing.nlp.pipeline import process

    docs = list(process((a.text, a.language or "en") for a in seed_articles))
    for doc in docs:
        idx = doc.to_array(IDX)
        want = np.isin(idx, [s.start for s in doc._.sentences])
        want[0] = True
        assert ((doc.to_array(SENT_START).astype("int64") == 1) == want).all()
        assert len(list(doc.sents)) == want.sum()


@pytest.mark.parametrize("code", ["en", "pl", "fa", "ar", "de", "fr", "sr", "xx"])
def test_cached_tokenizer_is_spacys_default(code):
    """The pipeline's tokenizer, its affix expressions compiled from the disk cache, has
    spaCy's own rules and expressions, and splits a text into the same tokens."""
    import spacy

    from briefing.nlp.pipeline import _blank

    ours, theirs = _blank(code).tokenizer, spacy.blank(code).tokenizer
    for name in ("prefix_search", "suffix_search", "infix_finditer"):
        a, b = getattr(ours, name), getattr(theirs, name)
        assert (a is None and b is None) or a.__self__ == b.__self__
    assert ours.rules == theirs.rules
    assert (ours.token_match, ours.url_match) == (theirs.token_match, theirs.url_match)
    text = "U.S.-led talks (Geneva, 10-12 Jan.): «Nie» — said Dr. Smith's aide; e-mail x@y.org!"
    assert [t.text for t in ours(text)] == [t.text for t in theirs(text)]
