def add(long a, long b):
    """Add two integers."""
    return a + b
