"""Data shipped in the wheel: the DTD catalog (from dtd/) and rule word lists (from rules/).

In a wheel, the top-level folders dtd/ and rules/ are packaged as billlint.data.dtd and
billlint.data.rules; in an editable install or a source checkout they are read where they stand.
"""

from pathlib import Path

_HERE = Path(__file__).resolve().parent


def path(folder: str, name: str) -> Path:
    # Installed, the files stand in this package's folder; in a checkout, at the top. Looked for there first:
    # importlib.resources (with the tempfile, shutil and compressors it imports) adds ~10 ms to every start.
    for base in (_HERE, _HERE.parents[1]):
        if (base / folder / name).is_file():
            return base / folder / name
    from importlib import resources
    try:
        return Path(str(resources.files(f"{__name__}.{folder}").joinpath(name)))
    except ModuleNotFoundError:
        return _HERE.parents[1] / folder / name
