"""``briefing serve``: briefs on demand in a browser, with the archive of every brief made.

``app`` (Starlette) serves the pages; ``worker`` runs builds in a separate process, one at
a time, in order; ``build`` is what one build does. Importing this package imports neither
Starlette nor the pipeline.
"""
