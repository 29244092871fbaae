# several unsupported constructs: every one must be reported
def main() -> None:
    f = lambda: 0
    y = 1
    nonlocal_free = y if b"z" else 0
