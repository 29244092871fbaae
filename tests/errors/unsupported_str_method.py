def main() -> None:
    s: str = "42"
    print(s.swapcase())
    print(s.swapcase(), s.casefold())
    print(s.frobnicate())
