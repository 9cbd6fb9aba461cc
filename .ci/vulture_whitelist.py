"""Names vulture (dead-code check, run by .ci/run) cannot see being used, each group with the reason.

Framework hooks are ignored by name in pyproject.toml's [tool.vulture] (Textual's on_*/action_*/
watch_*/validate_*, compose, render_line, BINDINGS, CSS …); what is here is used some other way.
"""

# ruff: noqa: B018, F821
# (vulture's whitelist format: bare attribute and name expressions on a placeholder object)

# Properties of python-docx, xlsxwriter and Rich/Textual objects, set for their effect on the document
# or the screen; vulture sees an attribute written and never read.
_.alignment
_.author
_.autofit
_.base_style
_.bold
_.bottom_margin
_.comments
_.created
_.first_line_indent
_.footer_distance
_.header_distance
_.italic
_.keep_with_next
_.left_indent
_.left_margin
_.line_spacing
_.line_spacing_rule
_.odd_and_even_pages_header_footer
_.page_height
_.rgb
_.right_indent
_.right_margin
_.space_after
_.space_before
_.top_margin
_.widow_control
_._blob
_.animation_level
_.disabled
_.renderer
_.max_height
_.no_wrap
_.overflow
_.__doc__
_._list_visible
_._no_matches_timer

# Python's hook for errors at interpreter exit (console/cli/guard.py), and its argument.
_.unraisablehook
unraisable

# argparse: attributes set on parser objects and read through argparse's own machinery.
_.path_option
_.whole_number

# A dunder the mapping protocol calls (console/engine/determined.py).
__getitem__

# A provenance field set with dataclasses.replace(...) and read by name in a loop (outputs/export.py).
evaluated_as_of

# Textual methods the console overrides (the base class calls them).
_start_no_matches_countdown
_button
scroll_to_highlight
scroll_page_down
scroll_page_up

# Methods run by the key actions through _calls(owner, method) in console/tui/app.py (by name).
toggle
choose
save_screen
open_search
clear_search

# Parameters of the Console protocol (console/tui/ports.py): named as in Textual's methods.
markup
callback

# textual-serve's Server calls this hook by name (console/cli/served_server.py overrides it).
_.initialize_logging
