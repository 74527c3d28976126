"""Language identification per article (py3langid, restricted to languages we can process)."""

from __future__ import annotations

from functools import cache

# Languages with a spaCy blank pipeline that the project's lexicons aim to cover.
SUPPORTED = (
    "en", "pl", "ro", "fa", "de", "fr", "es", "it", "ar", "ru", "uk", "pt", "nl",
    "tr", "cs", "sk", "hu", "bg", "sv", "da", "fi", "el", "lt", "lv", "hr", "sr", "sl",
)  # fmt: skip


@cache
def _identifier():  # type: ignore[no-untyped-def]
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    ident = LanguageIdentifier.from_model_file(MODEL_DIR / MODEL_FILE)
    ident.set_languages(list(SUPPORTED))
    return ident


def detect_language(text: str) -> str:
    """ISO 639-1 code of ``text`` (first 5,000 characters are enough and keep it fast)."""
    sample = text[:5000]
    if not sample.strip():
        return "en"
    lang, _score = _identifier().classify(sample)
    return str(lang)
