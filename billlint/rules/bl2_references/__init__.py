"""BL2xx: cross-references. Finding and resolving them lives in analysis/references.py.

One module per rule, named by its code and name; importing this package registers them.
"""

from . import bl201_unresolved_reference  # noqa: F401
from . import bl202_reference_to_struck  # noqa: F401
from . import bl203_reference_level_word  # noqa: F401
from . import bl204_non_minimal_reference  # noqa: F401
