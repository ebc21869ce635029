"""The words billlint's model is made of, each defined once: levels, designation classes, views,
change states and severities. Everything else imports them from here.
"""

from __future__ import annotations

# Levels, senior first. Units above the section use roman numerals, letters or figures by custom.
ABOVE_SECTION = ("division", "subdivision", "title", "subtitle", "chapter", "subchapter", "part", "subpart")

# Designation classes.
ARABIC, LOWER, UPPER, ROMAN, ROMAN_UPPER, DOUBLE, DOUBLE_UPPER = (
    "arabic", "lower", "upper", "roman", "ROMAN", "double", "DOUBLE")

# The class each level from the section down is designated in (HOLC Manual 312(a)(1)).
EXPECTED = {
    "section": ARABIC,
    "subsection": LOWER,
    "paragraph": ARABIC,
    "subparagraph": UPPER,
    "clause": ROMAN,
    "subclause": ROMAN_UPPER,
    "item": DOUBLE,
    "subitem": DOUBLE_UPPER,
}
SECTION_LEVELS = tuple(EXPECTED)  # section ... subitem, senior first
LEVELS = ABOVE_SECTION + SECTION_LEVELS
LEVEL_SET = frozenset(LEVELS)
LEVEL_RANK = {name: i for i, name in enumerate(LEVELS)}

CLASS_NAMES = {
    ARABIC: "a number (1)", LOWER: "a lower-case letter (a)", UPPER: "a capital letter (A)",
    ROMAN: "a lower-case roman numeral (i)", ROMAN_UPPER: "a capital roman numeral (I)",
    DOUBLE: "a doubled lower-case letter (aa)", DOUBLE_UPPER: "a doubled capital letter (AA)",
}

# Level words in citation paths above the section ("title I", "subtitle A").
PATH_WORDS = {"division": "div.", "subdivision": "subdiv.", "title": "title", "subtitle": "subtitle",
              "chapter": "ch.", "subchapter": "subch.", "part": "pt.", "subpart": "subpt."}

# Change states: what a committee inserted into or struck from a reported bill.
ADDED, DELETED = "added", "deleted"

# Views: which version of a reported bill the rules read; ALL reads both versions at once.
REPORTED, INTRODUCED, ALL = "reported", "introduced", "all"
VIEWS = (REPORTED, INTRODUCED)
BOTH = "both"                              # the command line's choice: check each view, report each finding once
VIEW_CHOICES = VIEWS + (BOTH,)
DROPPED = {REPORTED: DELETED, INTRODUCED: ADDED, ALL: "nothing"}  # the state a view leaves out

# Severities: how sure billlint is, most sure first.
ERROR, WARNING, INFO = "error", "warning", "info"
SEVERITIES = (ERROR, WARNING, INFO)
SEVERITY_RANK = {ERROR: 3, WARNING: 2, INFO: 1}
