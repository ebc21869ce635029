"""BL5xx: reported markup (changed="added|deleted", added-phrase, deleted-phrase).

One module per rule, named by its code and name; importing this package registers them.
"""

from . import bl501_change_without_committee  # noqa: F401
from . import bl502_deleted_inside_added  # noqa: F401
from . import bl503_display_style_mismatch  # noqa: F401
from . import bl504_instruction_markup_mismatch  # noqa: F401
