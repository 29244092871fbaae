def main() -> None:
    x: int = 1


        y: int = 2
