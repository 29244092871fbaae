def main() -> None:
    s = {1, 2, 3}
    t = {x for x in range(3)}
    print(s, t)
