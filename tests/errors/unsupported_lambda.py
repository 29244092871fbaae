def main() -> None:
    f = lambda x: x + 1
    print(f(1))
