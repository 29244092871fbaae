def main() -> None:
    with open("x") as f:
        print(f)
