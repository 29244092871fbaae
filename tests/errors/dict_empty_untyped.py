def main() -> None:
    counts = {}
    seen = set()
    print(counts, seen)
