"""Presentation: what each tab and drill-down shows, as plain data, with words in both languages.

May import: engine, data, core, words (console's layers below this one). Not Textual.
"""
