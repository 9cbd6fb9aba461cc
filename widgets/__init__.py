"""Textual widgets of the devzones console. They render what the domain modules computed."""
