# Module-level constants and global variables modified through `global`;
# keyword arguments and defaults in many combinations (positional, keyword
# in any order, defaults skipped, defaults of every type).

LIMIT: int = 3
GREETING: str = "hello"
RATE: float = 0.5
counter: int = 0
log: list[str] = []
last: str = ""


def bump(by: int = 1) -> int:
    global counter
    counter += by
    return counter


def record(msg: str, level: str = "info", times: int = 1) -> None:
    global last
    for _ in range(times):
        log.append(f"{level}:{msg}")
    last = msg


def fmt(x: float, width: int = 8, prec: int = 2, fill: str = " ", sign: bool = False) -> str:
    spec: str = "+" if sign else "-"
    body: str = f"{x:{spec}.{prec}f}"
    return fill * (width - len(body)) + body


def greet(name: str, greeting: str = GREETING, punct: str = "!", caps: bool = False) -> str:
    s: str = f"{greeting}, {name}{punct}"
    return s.upper() if caps else s


def main() -> None:
    global counter
    print(bump(), bump(5), bump(by=-2), bump(by=LIMIT), counter)
    record("start")
    record("warn me", "warn")
    record("twice", times=2)
    record(level="debug", msg="kw only", times=LIMIT)
    print(log, len(log), repr(last))
    print(fmt(3.14159), fmt(3.14159, 10), fmt(3.14159, prec=4), fmt(-2.5, fill="*"))
    print(fmt(2.0, sign=True, width=6), fmt(x=1.0, prec=0), fmt(RATE, 5, 3, "0", True))
    print(fmt(prec=1, x=-0.25, fill=".", width=7, sign=True))
    print(greet("ann"), greet("bob", "hi"), greet("cy", punct="?"))
    print(greet("dee", caps=True), greet(punct=".", name="eve", greeting="yo"))
    print(greet("fay", "hey", "!!", True), greet(name="gus", caps=False))
    counter = 100
    for i in range(LIMIT):
        bump(i)
    print("counter", counter, "LIMIT", LIMIT, "RATE", RATE, GREETING.upper())
    log.clear()
    record("fresh", times=0)
    print(log, last)


if __name__ == "__main__":
    main()
