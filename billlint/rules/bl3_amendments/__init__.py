"""BL3xx: amendment instructions. Parsing lives in analysis/amendments.py.

One module per rule, named by its code and name; importing this package registers them.
"""

from . import bl301_redesignation_mismatch  # noqa: F401
from . import bl302_missing_respectively  # noqa: F401
from . import bl303_redesignation_gap_unfilled  # noqa: F401
from . import bl304_quoted_block_level  # noqa: F401
from . import bl305_after_quoted_block_punctuation  # noqa: F401
from . import bl306_wordy_instruction  # noqa: F401
from . import bl307_strike_and_conjunction  # noqa: F401
from . import bl308_quoted_block_lead_in  # noqa: F401
