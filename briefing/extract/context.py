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

    @property
    def text(self) -> str:
        # doc.text is rebuilt from the tokens on every access; the article keeps it.
        return self.article.text

    @property
    def norm(self) -> str:
        """Same-length normalised text (see :mod:`briefing.nlp.normalize`)."""
        return self.doc._.norm

    @property
    def sentences(self) -> list[Sentence]:
        return self.doc._.sentences

    def cite(self, sentence: Sentence) -> Citation:
        cite = self._cites.get(sentence.index)
        if cite is None or cite.start != sentence.start:
            cite = self._cites[sentence.index] = sentence.citation(self.article.id)
        return cite

    def mentions_in(self, sentence: Sentence) -> list[Mention]:
        return [m for m in self.mentions if m.sentence == sentence.index]
