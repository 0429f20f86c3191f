"""A Rust (PyO3) extension built by setuptools-rust."""

from ._core import add

__all__ = ["add"]
