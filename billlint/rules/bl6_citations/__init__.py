"""BL6xx: citations of other law (Public Laws, Statutes at Large, U.S. Code, Act names).

One module per rule, named by its code and name; importing this package registers them. The grammar is
analysis/citations.py; the index the BL61x rules consult is analysis/citation_index.py.
"""

from . import bl601_public_law_dash  # noqa: F401
from . import bl602_usc_format  # noqa: F401
from . import bl603_section_number_space  # noqa: F401
from . import bl604_parsable_cite_mismatch  # noqa: F401
from . import bl605_stat_volume_congress  # noqa: F401
from . import bl606_act_year_congress  # noqa: F401
from . import bl607_approved_date_congress  # noqa: F401
from . import bl608_public_law_future  # noqa: F401
from . import bl611_act_public_law  # noqa: F401
from . import bl612_public_law_stat  # noqa: F401
from . import bl613_act_section_code  # noqa: F401
from . import bl614_bills_disagree  # noqa: F401
