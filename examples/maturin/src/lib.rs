use pyo3::prelude::*;

/// The extension module: `add(a, b)`.
#[pymodule]
mod _core {
    use pyo3::prelude::*;

    /// Add two integers.
    #[pyfunction]
    fn add(a: i64, b: i64) -> i64 {
        a + b
    }
}
