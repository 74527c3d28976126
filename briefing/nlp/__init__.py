"""NLP stage: language, sentences with character offsets, lemmas, normalised text."""
