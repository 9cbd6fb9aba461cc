"""Quarterly reports: fill-in templates, reading filled ones, and ingest into the dataset with undo.

May import: present, engine, data, core, words (console's layers below this one). Not Textual.
"""
