"""Rule families, one module each. Importing this package registers every rule."""

from . import input  # noqa: F401
from . import structure  # noqa: F401
from . import references  # noqa: F401
from . import amendments  # noqa: F401
from . import text  # noqa: F401
from . import reported  # noqa: F401
from . import bl6_citations  # noqa: F401
