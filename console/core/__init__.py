"""What every layer uses: where files live and the settings (no polars, no Textual)."""
