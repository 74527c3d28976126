import pytest

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


# --- rules after pySBD's golden rules (docs/sentences.md) ---------------------------------


def _texts(text: str, lang: str) -> list[str]:
    sents = split_sentences(text, lang)
    for s in sents:
        assert text[s.start : s.end] == s.text
    return [s.text for s in sents]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # A dotted acronym or an abbreviation ends a sentence only before a starter.
        ("I live in the U.S. How about you?", "en", ["I live in the U.S.", "How about you?"]),
        ("He works for the U.S. Government in Virginia.", "en", None),
        ("Talks with Acme Co. They failed.", "en", ["Talks with Acme Co.", "They failed."]),
        ("Jeg bor i E.U. Hvad med dig?", "da", ["Jeg bor i E.U.", "Hvad med dig?"]),
        (
            "We met, you and I. Did you see Albert I. Jones?",
            "en",
            ["We met, you and I.", "Did you see Albert I. Jones?"],
        ),
        ("The U.S. Under Secretary of State met him.", "en", None),
        # Titles and words that always have something after them.
        ("I can see Mt. Fuji from here.", "en", None),
        ("Soy el Lic. Naser Pastoriza, y él es el Dr. Naser.", "es", None),
        ("Sono l'Ing. Mengozzi e l'Avv. Cassioni.", "it", None),
        ("Едем в сторону пгт. Брагиновка по трассе.", "ru", None),
        ("De holdt Skt. Hans i byen.", "da", None),
        ("Firmy ABTrade, napr. XYZCorp a.s.", "sk", None),
        ("Blisko 100 tys. żołnierzy, m.in. Polacy.", "pl", None),
        # Ordinals with a stop, Roman numerals, and their starters.
        ("Ide o príslušníkov XII. Pluku špeciálneho určenia.", "sk", None),
        (
            "Am 13. März begann der 2. Teil. Er dauerte lange.",
            "de",
            ["Am 13. März begann der 2. Teil.", "Er dauerte lange."],
        ),
        (
            "Spotkanie o godz. 12. Prezydent przyjechał.",
            "pl",
            ["Spotkanie o godz. 12.", "Prezydent przyjechał."],
        ),
        ("Der 2. Dünya Savaşı. Bitti.", "tr", ["Der 2. Dünya Savaşı.", "Bitti."]),
        # A stop before a digit ends a sentence (not after an abbreviation).
        ("Zo kwamen ze. 81 procent was raak.", "nl", ["Zo kwamen ze.", "81 procent was raak."]),
        ("Please turn to p. 55 and Art. 4 of No. 7.", "en", None),
        ("Dijo que no. Luego se fue.", "es", ["Dijo que no.", "Luego se fue."]),
        ("Vrátil sa. Potom odišiel.", "sk", ["Vrátil sa.", "Potom odišiel."]),
        # Numbered and lettered lists inline.
        ("1. The first item 2. The second item", "en", ["1. The first item", "2. The second item"]),
        (
            "• 9. The first item • 10. The second item",
            "en",
            ["• 9. The first item", "• 10. The second item"],
        ),
        ("a. The first item b. The second item", "en", ["a. The first item", "b. The second item"]),
        ("Am 1. Januar und 2. Februar kam er.", "de", None),
        # Quotations: German „…“ closes, a quote with its attribution stays whole.
        (
            "Sie sagte: „Und auch keine Lust.“ Wir gingen.",
            "de",
            ["Sie sagte: „Und auch keine Lust.“", "Wir gingen."],
        ),
        ("»Det er slut. Vi går nu,« sagde han.", "da", None),
        ('She turned to him, "This is great." she said.', "en", None),
        (
            "« Nous ne céderons pas », a-t-il dit. Il est parti.",
            "fr",
            ["« Nous ne céderons pas », a-t-il dit.", "Il est parti."],
        ),
        (
            "Il a ajouté : « C'est fini. Nous partons. » Puis il est parti.",
            "fr",
            ["Il a ajouté : « C'est fini. Nous partons. »", "Puis il est parti."],
        ),
        ("«К чему ты готовишься? – спросила мама. – Завтра выходной».", "ru", None),
        # Question marks: Greek ";", a lower-case word after "?", dashes.
        (
            "Πού είναι οι τουαλέτες; Τις Κυριακές κλείνουν.",
            "el",
            ["Πού είναι οι τουαλέτες;", "Τις Κυριακές κλείνουν."],
        ),
        ("Бұл кім? не?", "kk", ["Бұл кім?", "не?"]),
        ("Some can be -- if I may say so? -- a bit odd.", "en", None),
        # Ellipses: spaced dots keep their dots and end a sentence only as four.
        (
            "I wasn’t really . . . well, I meant it. . . . The rest is gone.",
            "en",
            ["I wasn’t really . . . well, I meant it.", ". . . The rest is gone."],
        ),
        (
            "He stopped at a period . . . . Next sentence.",
            "en",
            ["He stopped at a period . . . .", "Next sentence."],
        ),
        ('"Bohr [...] used the analogy [...]" (Smith 55).', "en", None),
        # End marks of other scripts, with or without a space after them.
        ("Ի՞նչ ես մտածում: Ոչինչ:", "hy", ["Ի՞նչ ես մտածում:", "Ոչինչ:"]),
        ("सच्चाई यह है। हो सकता है।", "hi", ["सच्चाई यह है।", "हो सकता है।"]),
        ("እንደምን አለህ፧መልካም ቀን ይሁንልህ።", "am", ["እንደምን አለህ፧", "መልካም ቀን ይሁንልህ።"]),
        ("ခင္ဗ်ားနာမည္ဘယ္လိုေခၚလဲ။၇ွင္ေနေကာင္းလား။", "my", ["ခင္ဗ်ားနာမည္ဘယ္လိုေခၚလဲ။", "၇ွင္ေနေကာင္းလား။"]),
        (
            "これはペンです。それはマーカーです。",
            "ja",
            ["これはペンです。", "それはマーカーです。"],
        ),
        ("我们去看《摔跤吧！爸爸》好吗？好！", "zh", ["我们去看《摔跤吧！爸爸》好吗？", "好！"]),
        (
            "کیا حال ہے؟ میرا نام ہے۔ میں ٹھیک ہوں؟",
            "ur",
            ["کیا حال ہے؟", "میرا نام ہے۔", "میں ٹھیک ہوں؟"],
        ),
        # A lost space between two sentences, but never inside an address.
        (
            "Ресейдiң жағдайы.XVIII ғасыр басталды.",
            "kk",
            ["Ресейдiң жағдайы.", "XVIII ғасыр басталды."],
        ),
        (
            "Her email is Jane.Doe@example.com. I wrote.",
            "en",
            ["Her email is Jane.Doe@example.com.", "I wrote."],
        ),
    ],
)
def test_golden_style_boundaries(text, lang, expected):
    assert _texts(text, lang) == (expected if expected is not None else [text])


def test_a_language_without_a_pack_uses_every_script_mark():
    assert _texts("これはペンです。それは。 Next one.", "xq") == [
        "これはペンです。",
        "それは。",
        "Next one.",
    ]


def test_every_registry_language_has_sentence_data():
    from briefing.langpacks import registry, section
    from briefing.nlp.sentences import rules

    packs = section("sentences")
    keys = {"end_marks", "prefixes", "abbreviations", "numeric", "starters", "ordinal_dot"}
    for code in registry():
        assert code in packs, code
        assert set(packs[code]) <= keys, code
        for key in ("prefixes", "abbreviations", "starters"):
            assert all(isinstance(w, str) and w == w.lower() for w in packs[code][key]), code
        r = rules(code)
        assert r.prefixes and "." in r.marks, code
    latin_cased = [
        c for c, lang in registry().items() if lang.scripts[0] in ("Latn", "Cyrl", "Grek")
    ]
    assert all(rules(c).starters for c in latin_cased)


def test_punctuation_left_alone_joins_the_sentence_before_it():
    text = 'He said "it is done. / [...] ". Then he left.'
    assert _texts(text, "en") == ['He said "it is done. / [...] ".', "Then he left."]


def test_any_text_gives_ordered_exact_sentences():
    """Random mixes of words, marks, quotes, brackets, digits and scripts: never an error,
    sentences in order, without overlap, stripped, exactly the text at their offsets."""
    import random

    rng = random.Random(16)
    pieces = [
        "Word", "word", "U.S.", "Dr.", "No.", "7.", "XII.", "a.", "1)", "2.)", " . . .",
        "...", "…", ".", "!", "?", "?!", ";", ":", "։", "。", "！", "।", "።", "«", "»",
        "„", "“", "”", '"', "'", "(", ")", "[...]", "—", " -- ", "\n", "\n\n", " ", " ",
        "است", ".به", "Жағдайы.XVIII", "mail@x.Org", "3.5", "•", "l'Avv.", "ё", "Π",
    ]  # fmt: skip
    for _ in range(400):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 40)))
        for lang in ("en", "de", "da", "sk", "el", "hy", "ar", "ja", "xq"):
            sents = split_sentences(text, lang)
            last = 0
            for i, s in enumerate(sents):
                assert s.index == i
                assert last <= s.start < s.end <= len(text)
                assert text[s.start : s.end] == s.text == s.text.strip()
                last = s.end
