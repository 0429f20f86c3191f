from example_setuptools_cython import add


def test_add() -> None:
    assert add(2, 3) == 5
    assert add(-7, 7) == 0
