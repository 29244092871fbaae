def main() -> None:
    s: str = "n = " + 5
    print(s)
