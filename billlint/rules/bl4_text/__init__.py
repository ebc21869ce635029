"""BL4xx: drafting text. Word lists are data (rules/*.toml), so an office can extend them.

One module per rule, named by its code and name; importing this package registers them.
"""

from . import bl401_confusable_word  # noqa: F401
from . import bl402_doubled_word  # noqa: F401
from . import bl403_list_punctuation  # noqa: F401
from . import bl404_short_title_mismatch  # noqa: F401
from . import bl405_toc_mismatch  # noqa: F401
from . import bl406_wordy_phrase  # noqa: F401
from . import bl407_misspelled_word  # noqa: F401
