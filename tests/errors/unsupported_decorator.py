def deco(f: int) -> int:
    return f


@deco
def main() -> None:
    print("x")
