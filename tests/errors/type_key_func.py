# key= of sorted/min/max takes the name of a def of one parameter.
async def slow(x: int) -> int:
    return x


def two(a: int, b: int) -> int:
    return a + b


def name_of(s: str) -> str:
    return s


def main() -> None:
    xs = [3, 1, 2]
    print(sorted(xs, key=len))
    print(sorted(xs, key=slow))
    print(min(xs, key=two))
    print(max(xs, key=name_of))
    print(max(1, 2, key=two))
