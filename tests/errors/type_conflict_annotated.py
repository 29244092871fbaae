def main() -> None:
    total: float = 0.0
    total = "none"
    print(total)
