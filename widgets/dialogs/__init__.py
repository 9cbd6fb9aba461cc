"""Modal dialogs, one a module: county filter, responsible unit, quarters to compare with, help, export
and bulletin (with their choices); what they share is in ``parts``.

The names are gathered here for the tests and callers that name the package; the console imports each
dialog from its own module.
"""

from widgets.dialogs.bulletin import BulletinChoice, BulletinDialog
from widgets.dialogs.county import CountyDialog, CountyFilter, county_matches
from widgets.dialogs.export import EXPORT_FORMATS, ExportChoice, ExportDialog
from widgets.dialogs.help import LEGEND, HelpScreen
from widgets.dialogs.parts import (
    CHECKED,
    UNCHECKED,
    MarkedRadioButton,
    MarkedRadioSet,
    PickingRadioSet,
    Wrapped,
    failed_mark,
    fit_list,
)
from widgets.dialogs.period import PeriodDialog
from widgets.dialogs.unit import UNIT_TEXT_WIDTH, UnitDialog

__all__ = [
    "CHECKED",
    "EXPORT_FORMATS",
    "LEGEND",
    "UNCHECKED",
    "UNIT_TEXT_WIDTH",
    "BulletinChoice",
    "BulletinDialog",
    "CountyDialog",
    "CountyFilter",
    "ExportChoice",
    "ExportDialog",
    "HelpScreen",
    "MarkedRadioButton",
    "MarkedRadioSet",
    "PeriodDialog",
    "PickingRadioSet",
    "UnitDialog",
    "Wrapped",
    "county_matches",
    "failed_mark",
    "fit_list",
]
