"""Start-up: the data load starts before the widgets exist, the overview is drawn before the tables are
made, and a cached first screen is drawn without importing polars on the UI thread."""

from __future__ import annotations


def test_drawing_a_cached_first_screen_does_not_import_polars() -> None:
    """A warm start draws the cached screen first; polars (a second of import on a busy machine) is
    imported by the data worker afterwards, not on the UI thread to draw the overview."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "import console.tui.app\n"
        "from widgets.overview import render_overview\n"
        "from console.present.viewmodel import Overview\n"
        "render_overview(Overview((), (), (), ((\"z\", \"w\"),), None), 'zh', False, 2026)\n"
        "print(sorted(m for m in ('polars', 'console.present.views') if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
