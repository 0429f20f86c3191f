#include <pybind11/pybind11.h>

long add(long a, long b) { return a + b; }

PYBIND11_MODULE(_core, m) {
    m.doc() = "A pybind11 extension.";
    m.def("add", &add, "Add two integers.");
}
