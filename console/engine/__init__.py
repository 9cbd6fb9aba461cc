"""The engine: target status, progress, rankings, the plan's rules and the plan audit, on polars.

May import: data, core, words (console's layers below this one). Not Textual.
"""
