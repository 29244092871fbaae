def main() -> None:
    s: str = """begin
    print(s)
