"""Deterministic sample progress data and synthetic national-scale datasets."""
