def main() -> None:
    x: object = "text"
    print(x.upper())
    print(isinstance(x, len))
