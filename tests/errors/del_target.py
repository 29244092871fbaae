def main() -> None:
    x = 1
    t = (1, 2)
    del x
    del t[0]
