"""The data layer: table schemas, scales, readers, validation and the loaded dataset.

May import: core, words (console's layers below this one). Not Textual.
"""
