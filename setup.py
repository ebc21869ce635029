# Only the optional C extension lives here; everything else is in pyproject.toml.
from setuptools import Extension, setup

# optional: without a C compiler (or Python's headers) the build warns and billlint uses its re fallback
setup(ext_modules=[Extension("billlint._speedups", ["billlint/_speedups.c"], optional=True)])
