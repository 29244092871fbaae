def main() -> None:
    x: int = 1
    if x = 1:
        print(x)
