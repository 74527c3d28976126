"""Render: a ``Brief`` to JSON, HTML, PDF (and email). Knows nothing of spaCy."""
