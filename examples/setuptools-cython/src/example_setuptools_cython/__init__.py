"""A Cython extension built by setuptools."""

from ._core import add

__all__ = ["add"]
