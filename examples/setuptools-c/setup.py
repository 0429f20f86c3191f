from setuptools import Extension, setup

setup(
    ext_modules=[
        Extension("example_setuptools_c._core", ["src/example_setuptools_c/_core.c"]),
    ],
)
