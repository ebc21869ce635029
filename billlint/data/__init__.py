"""Data shipped in the wheel: the DTD catalog (from dtd/) and rule word lists (from rules/).

In a wheel, the top-level folders dtd/ and rules/ are packaged as billlint.data.dtd and
billlint.data.rules; in an editable install or a source checkout they are read where they stand.
"""

from importlib import resources
from pathlib import Path


def path(folder: str, name: str) -> Path:
    try:
        return Path(str(resources.files(f"{__name__}.{folder}").joinpath(name)))
    except ModuleNotFoundError:
        return Path(__file__).resolve().parents[2] / folder / name
