def main() -> None:
    x: object = "text"
    print(x.upper(sep=1))
    print(x.real)
    print(isinstance(x, len))
