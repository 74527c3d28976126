"""Extract: one module per brief section. Each reads an ``ArticleContext`` and returns items
that carry ``Citation``s of the sentences they rest on."""
