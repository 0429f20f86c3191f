#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include "example_scikit_build_core/add.hpp"

static PyObject *py_add(PyObject *, PyObject *args) {
    long a = 0;
    long b = 0;
    if (!PyArg_ParseTuple(args, "ll", &a, &b)) {
        return nullptr;
    }
    return PyLong_FromLong(example::add(a, b));
}

static PyMethodDef methods[] = {
    {"add", py_add, METH_VARARGS, "Add two integers."},
    {nullptr, nullptr, 0, nullptr},
};

static PyModuleDef module = {PyModuleDef_HEAD_INIT, "_core", nullptr, -1, methods};

PyMODINIT_FUNC PyInit__core() { return PyModule_Create(&module); }
