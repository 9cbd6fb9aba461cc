"""The plan's scales as the console names them: star levels, tiers and quarters (console.data.scales).

``{cn}`` is the level as a Chinese numeral (二), ``{n}`` as a number (2).
"""

from __future__ import annotations

from console.words import Catalogue

SCALES = Catalogue(
    "scales",
    {
        "star": ("{cn}星", "{n}-star"),
        "tier": ("{cn}档", "tier {n}"),
        "period": ("{year}年第{cn}季度", "{year}Q{n}"),
    },
)
