def main() -> None:
    print(undefined_name + 1)
