"""BL1xx: structure and designations.

One module per rule, named by its code and name; importing this package registers them.
"""

from . import bl101_enum_sequence  # noqa: F401
from . import bl102_enum_class  # noqa: F401
from . import bl103_enum_start  # noqa: F401
from . import bl104_nesting_level  # noqa: F401
from . import bl105_header_missing  # noqa: F401
from . import bl106_empty_provision  # noqa: F401
from . import bl107_section_one  # noqa: F401
from . import bl108_section_sequence  # noqa: F401
