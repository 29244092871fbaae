def main() -> None:
    xs: list[int] = [1, 2]
    del xs[0]
