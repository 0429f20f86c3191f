"""A Rust (PyO3) extension built by maturin, re-exported from a Python package."""

from ._core import add

__all__ = ["add"]
