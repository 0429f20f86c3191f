from Cython.Build import cythonize
from setuptools import Extension, setup

setup(
    ext_modules=cythonize(
        [Extension("example_setuptools_cython._core", ["src/example_setuptools_cython/_core.pyx"])],
        compiler_directives={"language_level": "3"},
    ),
)
