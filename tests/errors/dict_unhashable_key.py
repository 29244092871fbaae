def main() -> None:
    index: dict[list[int], str] = {}
    groups: set[list[str]] = set()
    print(index, groups)
