"""The engine: target status, progress, rankings, the plan's rules and the plan audit, on polars."""
