"""A C++ extension built by scikit-build-core and CMake."""

from ._core import add

__all__ = ["add"]
