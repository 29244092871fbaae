# several unsupported constructs: every one must be reported
def main() -> None:
    f = lambda: 0
    y = 1
    nonlocal_free = y if (z := 2) else 0
