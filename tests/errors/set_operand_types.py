def main() -> None:
    a = {1, 2}
    b = {"x"}
    print(a | b)
    print(a <= b)
    print(a + a)
