"""``python -m console``: the same entry point as the ``devzones`` script."""

from console.cli import main

raise SystemExit(main())
