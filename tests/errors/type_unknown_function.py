def main() -> None:
    print(frobnicate(3))
