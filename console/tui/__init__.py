"""The Textual console: the app and its styles (the only layer, with widgets/, that imports Textual)."""
