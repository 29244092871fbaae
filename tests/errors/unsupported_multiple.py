# several unsupported constructs: every one must be reported
def main() -> None:
    f = lambda: 0
    d = {1: 2}
    s = {1}
    del f
