def name() -> str:
    return 42
