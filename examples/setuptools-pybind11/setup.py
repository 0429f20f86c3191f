from pybind11.setup_helpers import Pybind11Extension
from setuptools import setup

setup(
    ext_modules=[
        Pybind11Extension(
            "example_setuptools_pybind11._core",
            ["src/example_setuptools_pybind11/_core.cpp"],
        ),
    ],
)
