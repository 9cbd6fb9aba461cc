"""devzones: a terminal console for Zhumadian's 2024-2026 development-zone action plan.

The domain modules (loading, validation, status, audit, generation) are plain Python on polars
and never import Textual; only ``console.tui.app`` and ``widgets`` do.
"""

__version__ = "0.1.0"
