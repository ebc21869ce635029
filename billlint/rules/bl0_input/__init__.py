"""BL0xx: input and schema. These are reported by the loader (pipeline/load.py), not by checks over the model.

One module per rule, named by its code and name; importing this package registers them.
"""

from . import bl001_not_well_formed  # noqa: F401
from . import bl002_dtd_invalid  # noqa: F401
from . import bl003_dtd_not_found  # noqa: F401
from . import bl004_unsafe_xml  # noqa: F401
from . import bl005_doctype_mismatch  # noqa: F401
from . import bl006_unreadable  # noqa: F401
from . import bl007_unsupported_document  # noqa: F401
from . import bl008_internal_error  # noqa: F401
from . import bl009_unused_suppression  # noqa: F401
from . import bl010_schema_invalid  # noqa: F401
from . import bl011_dtd_behind_practice  # noqa: F401
