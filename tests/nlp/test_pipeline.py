"""Lemmas through the project's cached lemmatizer match simplemma's own defaults."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

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


def test_analyse_reads_what_the_spacy_pipeline_sets(seed_articles):
    """The analysis reads texts without spaCy: the same normalised text and sentences."""
    from briefing.nlp.reading import analyse

    pairs = [(a.text, a.language or "en") for a in seed_articles]
    pairs.append(("Rozmowy trwają.\n\nZapytany, co dalej? „Nie wiem” – odparł.", "pl"))
    for doc, read in zip(process(pairs), analyse(pairs), strict=True):
        assert read._.norm == doc._.norm
        assert read._.sentences == doc._.sentences
        assert read.text == doc._.source_text


def test_the_analysis_does_not_import_spacy(tmp_path):
    """spaCy's import is half a second of every run: the analysis must not need it."""
    code = (
        "import sys, datetime\n"
        "from briefing.analyze import analyze_chunk\n"
        "from briefing.models import Article\n"
        "texts = [('Ministrul Lavrov a declarat joi că discuțiile continuă la Geneva.', 'ro'),\n"
        "         ('Minister Ben Knapen said the talks on sanctions would go on.', 'en')]\n"
        "out = analyze_chunk([Article(id=f'a{i}', text=t, language=l, title='')\n"
        "                     for i, (t, l) in enumerate(texts)], datetime.date(2022, 1, 20))\n"
        "assert all(f is not None and f.actors for f in out), out\n"
        "print('spacy' in sys.modules)\n"
    )
    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "PYTHONPATH": str(root)}
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=tmp_path,
        env=env,
    )
    assert done.stdout.strip() == "False"


@pytest.mark.parametrize("code", ["en", "pl", "fa", "sr", "tr", "he"])
def test_stop_words_read_without_spacy_are_spacys(code):
    import importlib

    from briefing.langpacks import spacy_stop_words

    module = importlib.import_module(f"spacy.lang.{code}.stop_words")
    assert spacy_stop_words(code) == frozenset(module.STOP_WORDS)
    assert spacy_stop_words("no_such_language") == frozenset()
