def main() -> None:
    x: int = 1
      y: int = 2
    print(x + y)
