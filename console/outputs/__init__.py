"""Outputs: exports, the bulletin and the CLI's text tables, made from the presentation layer.

May import: present, engine, data, core, words (console's layers below this one). Not Textual.
"""
