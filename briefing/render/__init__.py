"""Render: a ``Brief`` to JSON, HTML, PDF (and email). Knows nothing of spaCy."""

# Output formats, here so that the command line can check ``--format`` without importing
# the whole pipeline (spaCy and the extractors) at parse time.
FORMATS = ("json", "html", "pdf")
