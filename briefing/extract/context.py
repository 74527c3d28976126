"""What every extractor sees of one article."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from spacy.tokens import Doc

from briefing.models import Actor, Article, Citation, Mention, Sentence


@dataclass(slots=True)
class ArticleContext:
    article: Article
    doc: Doc
    lang: str
    as_of: dt.date
    # Filled by the actors extractor, read by the others.
    actors: dict[str, Actor] = field(default_factory=dict)
    mentions: list[Mention] = field(default_factory=list)
    # One Citation per sentence, shared by every item citing it (they are immutable).
    _cites: dict[int, Citation] = field(default_factory=dict, init=False, repr=False)
    # ``mentions_by_sentence`` of this very ``mentions`` list (and length), built once.
    _by_sentence: tuple[list[Mention], int, dict[int, list[Mention]]] | None = field(
        default=None, init=False, repr=False
    )
    # Read from the Doc once: each ``doc._.x`` builds an accessor object (a few dozen
    # reads an article, a tenth of a millisecond).
    norm: str = field(init=False, repr=False)  # same-length normalised text (nlp.normalize)
    sentences: list[Sentence] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.norm = self.doc._.norm
        self.sentences = self.doc._.sentences

    @property
    def text(self) -> str:
        # doc.text is rebuilt from the tokens on every access; the article keeps it.
        return self.article.text

    def cite(self, sentence: Sentence) -> Citation:
        cite = self._cites.get(sentence.index)
        if cite is None or cite.start != sentence.start:
            cite = self._cites[sentence.index] = sentence.citation(self.article.id)
        return cite

    def mentions_by_sentence(self) -> dict[int, list[Mention]]:
        """Sentence index -> its mentions in text order; shared by the extractors, which
        only read it."""
        hit = self._by_sentence
        if hit is None or hit[0] is not self.mentions or hit[1] != len(self.mentions):
            index: dict[int, list[Mention]] = {}
            for m in sorted(self.mentions, key=lambda m: m.start):
                index.setdefault(m.sentence, []).append(m)
            hit = self._by_sentence = (self.mentions, len(self.mentions), index)
        return hit[2]
