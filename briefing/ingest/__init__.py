"""Ingest: files, folders, feeds and URLs to ``Article``s."""

from briefing.ingest.files import load_paths

__all__ = ["load_paths"]
