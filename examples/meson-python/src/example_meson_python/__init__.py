"""A C extension built by meson-python."""

from ._core import add

__all__ = ["add"]
