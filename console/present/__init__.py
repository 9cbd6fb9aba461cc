"""Presentation: what each tab and drill-down shows, as plain data, with words in both languages."""
