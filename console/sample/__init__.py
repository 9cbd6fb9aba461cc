"""Deterministic sample progress data and synthetic national-scale datasets.

May import: present, engine, data, core, words (console's layers below this one). Not Textual.
"""
