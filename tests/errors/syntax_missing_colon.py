def main() -> None
    print("no colon")
