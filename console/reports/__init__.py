"""Quarterly reports: fill-in templates, reading filled ones, and ingest into the dataset with undo."""
