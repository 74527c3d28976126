from briefing.nlp.normalize import normalize
from briefing.nlp.sentences import split_sentences


def test_offsets_are_exact_on_every_seed(seed_articles):
    for art in seed_articles:
        sents = split_sentences(art.text, art.language or "en")
        assert sents
        for s in sents:
            assert art.text[s.start : s.end] == s.text
            assert s.text == s.text.strip()


def test_headline_is_its_own_sentence():
    text = "USA i Rosja będą rozmawiać\nRosja domaga się gwarancji. Biden odmówił."
    assert [s.text for s in split_sentences(text, "pl")] == [
        "USA i Rosja będą rozmawiać",
        "Rosja domaga się gwarancji.",
        "Biden odmówił.",
    ]


def test_polish_abbreviations_do_not_split():
    text = "Blisko 100 tys. rosyjskich żołnierzy stacjonuje m.in. przy granicy. Drugie zdanie."
    assert len(split_sentences(text, "pl")) == 2


def test_persian_stop_without_space_splits():
    text = "این مسیر دیپلماسی است.به گفته این مقام، مسیر دوم شامل هزینه ها است."
    sents = split_sentences(text, "fa")
    assert [s.text for s in sents] == [
        "این مسیر دیپلماسی است.",
        "به گفته این مقام، مسیر دوم شامل هزینه ها است.",
    ]


def test_quotation_keeps_its_attribution():
    text = "“I cannot say more clearly. NATO’s door is open,” Blinken said. Next one."
    sents = [s.text for s in split_sentences(text, "en")]
    assert sents[0].endswith("Blinken said.")
    assert len(sents) == 2


def test_date_abbreviation_does_not_split():
    text = "After meeting on Friday (Jan. 21) in Geneva, they spoke."
    assert len(split_sentences(text, "en")) == 1


def test_normalize_keeps_length_and_folds_scripts():
    text = "كيف ۱۴۰۰ Şi ţara\u200cها"
    out = normalize(text)
    assert len(out) == len(text)
    assert out.startswith("کیف 1400 și țara")
