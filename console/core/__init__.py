"""What every layer uses: where files live and the settings (no polars, no Textual).

May import: words (console's layers below this one). Not Textual.
"""
