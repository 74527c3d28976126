"""The attribution lexicon of a language is built once per process: building it compiles
every cue alternation of the language (a few hundred milliseconds), and extractors ask for
it once per sentence. Losing the cache made a 2 MB article take minutes."""

from __future__ import annotations

from briefing.extract.attribution import lexicon


def test_the_lexicon_of_a_language_is_built_once():
    assert lexicon("pl") is lexicon("pl")
    assert lexicon("en") is not lexicon("pl")
