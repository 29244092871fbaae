def main() -> None:
    if True:
        x: int = 1
      print(x)
