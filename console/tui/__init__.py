"""The Textual console: the app and its styles (the only layer, with widgets/, that imports Textual).

May import: outputs, reports, sample, present, engine, data, core, words and widgets/ (the app only) (console's layers below this one).
"""
