def main() -> None:
    xs = [1, "two", 3.0]
    print(xs)
