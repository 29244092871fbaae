def greet(name: str, punct: str = "!") -> str:
    return name + punct


def main() -> None:
    print(greet("x", colour="red"))
