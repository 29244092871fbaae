def main() -> None:
    x: int = 1
    if x > 0:
    print(x)
