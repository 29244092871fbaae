def main() -> None:
    x = 1
    x = "one"
    print(x)
