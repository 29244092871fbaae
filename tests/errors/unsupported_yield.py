def gen() -> int:
    yield 1
