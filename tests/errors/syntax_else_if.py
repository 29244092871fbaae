def main() -> None:
    x: int = 1
    if x:
        pass
    else if x > 1:
        pass
