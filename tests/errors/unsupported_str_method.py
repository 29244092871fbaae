def main() -> None:
    s: str = "42"
    print(s.zfill(5))
    print(s.zfill(6), s.center(9))
    print(s.frobnicate())
