def main() -> None:
    squares = (x * x for x in range(10))
    print(squares)
