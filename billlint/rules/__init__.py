"""Rules: one folder per family, one module per rule (blN_family/blNNN_name.py). Importing this package
registers every rule."""

from . import bl0_input  # noqa: F401
from . import bl1_structure  # noqa: F401
from . import bl2_references  # noqa: F401
from . import bl3_amendments  # noqa: F401
from . import bl4_text  # noqa: F401
from . import bl5_reported  # noqa: F401
