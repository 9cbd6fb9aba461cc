"""Outputs: exports, the bulletin and the CLI's text tables, made from the presentation layer."""
