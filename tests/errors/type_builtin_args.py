# Arguments of library functions and methods are checked against Python's
# signatures: counts, keyword names, types.
def main() -> None:
    s: str = "a,b"
    xs: list[int] = [1]
    print(s.split(",", 1, 2))
    print(s.replace("a"))
    print(s.startswith(1))
    xs.append("x")
    xs.insert("0", 1)
    print(len(3), abs("x"), round(1.5, 2.0))
    print(min(), max(1, "a"), sum(["a"]))
    print(s.strip(None), s.split(None, 1), s.join(s), s.join(xs))
