"""What a dataset's zones cover (a city, a province, the nation) and whether the plan's city-wide
targets apply to them: the one place every surface (overview, CLI, exports, bulletin) asks.

The plan is Zhumadian's: its city-wide targets (1500 亿元 of zone revenue, 11 clusters over 50 亿元 …)
and its comparisons with the province are set for the city's own zones. A dataset of other zones (a
province, the nation, ``devzones generate --zones N``) has no such targets unless it supplies its own,
and says so in ``manifest.toml``:

- ``area``: ``"city"``, ``"province"`` or ``"nation"``, what the zones cover; without it, read from how
  many zones there are (``area_for``). Scope words (全市/全省/全国) follow it.
- ``ranked_in``: ``"province"`` or ``"nation"``, the pool ``province_rank`` ranks a zone in; without it,
  the nation for a national set, else the province.
- ``targets``: ``"own"`` when the ``indicators`` table's targets were set for these zones (a generated
  set writes its own); without it they are the plan's, which apply to a city's zones only.

Zone targets (``zone_targets``, ``cluster_targets``) name their zones, so they are always the data's own;
the ``indicators`` table's per-zone targets (``each_zone``, ``each_zone_each_year``) are rules for every
zone and apply whatever the area.
"""

from __future__ import annotations

from dataclasses import dataclass

from console.data.dataset import Dataset
from console.data.schema import AREAS, RANK_POOLS

# Indicator scopes whose target is a total or share of the whole area, or a comparison with the province.
AREA_SCOPES = ("city", "relative")
# The most zones a city holds (Zhumadian 11; the largest Chinese cities list about 20) and a province
# (Henan 184, the plan's README); more than that is the nation (about 2,543).
CITY_MAX_ZONES = 20
PROVINCE_MAX_ZONES = 300


@dataclass(frozen=True)
class Coverage:
    area: str  # city / province / nation
    ranked_in: str  # province / nation
    own_targets: bool  # the indicators' targets were set for these zones

    @property
    def area_targets_apply(self) -> bool:
        """Whether the city-wide and relative targets of ``indicators`` apply to this data."""
        return self.own_targets or self.area == "city"


# The plan's own case: a city's zones, ranked in the province, under the plan's targets.
CITY = Coverage("city", "province", False)


def area_for(zones: int) -> str:
    """The area a set of ``zones`` zones covers, when its manifest does not say."""
    if zones <= CITY_MAX_ZONES:
        return "city"
    return "province" if zones <= PROVINCE_MAX_ZONES else "nation"


def coverage(ds: Dataset) -> Coverage:
    """The dataset's area, rank pool and whether its area-wide targets apply (see the module's note)."""
    extra = ds.manifest.extra
    area = extra.get("area")
    if area not in AREAS:
        area = area_for(ds["zones"].height)
    pool = extra.get("ranked_in")
    if pool not in RANK_POOLS:
        pool = "nation" if area == "nation" else "province"
    return Coverage(str(area), str(pool), extra.get("targets") == "own")
