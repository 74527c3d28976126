"""Language detection and reading modes follow the registry of language packs."""

from __future__ import annotations

import pytest

from briefing.langpacks import registry
from briefing.nlp.language import detect_language, normalize_code, resolve
from briefing.nlp.pipeline import get_nlp, lemma, simplemma_code, spacy_code

OTHER_SCRIPTS = {
    "ka": "საქართველოს საგარეო საქმეთა მინისტრი ბრიუსელში შეხვდა ალიანსის გენერალურ მდივანს.",
    "th": "รัฐมนตรีว่าการกระทรวงการต่างประเทศพบกับเลขาธิการสหประชาชาติที่กรุงเทพฯ",
    "hy": "Արտաքին գործերի նախարարը երկուշաբթի հանդիպեց ՆԱՏՕ-ի գլխավոր քարտուղարին։",
    "hi": "विदेश मंत्री ने सोमवार को नई दिल्ली में संयुक्त राष्ट्र महासचिव से मुलाकात की।",
    "zh": "外交部长星期一在北京会见了联合国秘书长，双方讨论了制裁问题。",
    "ja": "外務大臣は月曜日に東京で国連事務総長と会談し、制裁について話し合った。",
    "ko": "외교부 장관은 월요일 서울에서 유엔 사무총장과 만나 제재 문제를 논의했다.",
}


@pytest.mark.parametrize("code", sorted(OTHER_SCRIPTS))
def test_scripts_no_registry_language_uses_are_their_own_language(code):
    assert code not in registry()
    assert detect_language(OTHER_SCRIPTS[code]) == code
    reading = resolve(None, OTHER_SCRIPTS[code])
    assert reading.mode == "limited" and code in reading.reason


def test_a_latin_script_language_outside_the_registry_is_not_taken_for_one_inside():
    text = (
        "Menteri Luar Negeri Indonesia bertemu dengan Sekretaris Jenderal PBB di Jakarta "
        "pada hari Senin untuk membahas sanksi terhadap Rusia dan bantuan kemanusiaan."
    )
    assert detect_language(text) == "id"
    assert resolve(None, text).mode == "limited"


@pytest.mark.parametrize(
    ("code", "text"),
    [
        ("hr", "Ministar vanjskih poslova sastao se u ponedjeljak s glavnim tajnikom NATO-a."),
        ("da", "Udenrigsministeren mødtes mandag med NATOs generalsekretær i København."),
        ("sr", "Министар спољних послова састао се у понедељак са генералним секретаром."),
        (
            "mt",
            "Il-Ministru għall-Affarijiet Barranin iltaqa’ mas-Segretarju Ġenerali nhar it-Tnejn.",
        ),
        ("he", "שר החוץ נפגש ביום שני עם המזכיר הכללי של הארגון בירושלים."),
    ],
)
def test_registry_languages_are_detected_as_themselves_not_as_close_kin(code, text):
    assert detect_language(text) == code
    assert resolve(None, text).mode == "full"


def test_stated_codes_are_normalised_and_bad_ones_reported():
    assert normalize_code("SR") == "sr"
    assert normalize_code("pt-BR") == "pt"
    assert normalize_code("sr_Latn") == "sr"
    assert normalize_code("srp") == "sr"
    assert normalize_code("ka") == "ka"
    assert normalize_code("klingon!!") is None
    assert normalize_code("zz") is None
    assert normalize_code("fil") is None  # no ISO 639-1 code: brief.json states 639-1
    english = "The foreign minister met the secretary general in Brussels on Monday."
    bad = resolve("klingon!!", english)
    assert bad.language == "en" and bad.mode == "full" and "klingon" in bad.note
    assert resolve("sr", "").mode == "full"
    georgian = resolve("ka", "whatever the text")
    assert georgian.language == "ka" and georgian.mode == "limited"


def test_detection_answers_iso_639_1_whatever_the_text():
    import random

    rng = random.Random(5)
    words = " ".join(
        "".join(rng.choice("abcdefghij") for _ in range(rng.randint(1, 9))) for _ in range(400)
    )
    assert len(detect_language(words)) == 2


def test_pipeline_codes_come_from_the_registry():
    assert simplemma_code("sr") == simplemma_code("hr") == "hbs"
    assert simplemma_code("mt") is None
    assert simplemma_code("ka") is None  # outside the registry: limited mode
    assert spacy_code("mt") == "xx" and spacy_code("ka") == "xx"
    assert spacy_code("pl") == "pl"
    # sr was fatal: simplemma has no 'sr' table.
    assert lemma("министри", "sr") and lemma("ministri", "hr")
    assert lemma("Ministru", "mt") == "ministru"
    for code in ("ka", "th", "mt", "zh"):
        doc = get_nlp(code)("NATO met on 12 May 2023. 北京 ქართ.")
        assert len(doc) > 0


def test_every_registry_language_gets_a_pipeline_and_lemmas():
    for code in registry():
        nlp = get_nlp(code)
        assert len(nlp("Text 12.")) > 0
        assert lemma("Test", code)


def test_the_windowed_walk_scores_every_text_as_py3langid_does():
    """The vectorised walk of py3langid's automaton (used for the versions listed in
    SYNCHRONIZING) gives the very scores of py3langid's own byte-by-byte walk: the
    automaton forgets its start after that many bytes (checked over every state and
    byte string), and the features come in the same order with the same counts."""
    from importlib import metadata
    from pathlib import Path

    from py3langid.langid import LanguageIdentifier

    from briefing.nlp.language import SYNCHRONIZING, _identifier, synchronizing_length

    version = metadata.version("py3langid")
    if version not in SYNCHRONIZING:
        pytest.skip(f"py3langid {version}: walked by py3langid itself")
    fast = _identifier()
    assert type(fast) is not LanguageIdentifier
    plain = LanguageIdentifier.__new__(LanguageIdentifier)
    for name in LanguageIdentifier.__slots__:
        setattr(plain, name, getattr(fast, name))
    assert synchronizing_length(plain) == SYNCHRONIZING[version]
    root = Path(__file__).resolve().parents[2]
    texts = [p.read_text(encoding="utf-8") for p in sorted((root / "seeds").glob("*.txt"))]
    texts += list(OTHER_SCRIPTS.values())
    texts += ["", "a", "ab", "Hello", "123456", "abcdef", "abcdefg", "é" * 3, "\x00" * 9]
    rng = __import__("random").Random(7)
    texts += ["".join(chr(rng.randrange(32, 0x600)) for _ in range(rng.randint(1, 300)))]
    for text in texts:
        assert fast.rank(text) == plain.rank(text)
        # The scores to the bit (float32 table, arrays straight to the product).
        assert fast._decide(text).tobytes() == plain._decide(text).tobytes()


def test_the_wide_langid_table_is_read_back_from_the_cache_or_rebuilt(tmp_path, monkeypatch):
    """The float32 copy of py3langid's table: written to the disk cache once, then mapped
    from it; a torn file is written again; without a cache it is built in memory."""
    import numpy as np

    from briefing.nlp.language import _wide_table

    table = np.arange(24, dtype=np.float16).reshape(4, 6) / 7
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("BRIEFING_NO_DISK_CACHE", raising=False)
    first = _wide_table(table, "x")
    path = tmp_path / "langid-x-table32.npy"
    assert path.is_file() and first.dtype == np.float32
    assert np.array_equal(first, table.astype(np.float32))
    again = _wide_table(table, "x")
    assert np.array_equal(again, first) and not again.flags.writeable  # mapped, read-only
    path.write_bytes(path.read_bytes()[:50])  # torn
    assert np.array_equal(_wide_table(table, "x"), first)
    assert np.load(path).shape == (4, 6)
    np.save(path, table.astype(np.float32) + 1)  # stale: same shape, other values
    assert np.array_equal(_wide_table(table, "x"), first)
    assert np.array_equal(np.load(path), first)
    monkeypatch.setenv("BRIEFING_NO_DISK_CACHE", "1")
    assert np.array_equal(_wide_table(table, "y"), first)
    assert not (tmp_path / "langid-y-table32.npy").exists()
