# Builtins with_timeout(s, c): c's value when it finishes in time,
# TimeoutError at the deadline (and c is cancelled).


async def job(name: str, d: float) -> str:
    print(name, "starts")
    await sleep(d)
    print(name, "finishes")
    return name.upper()


async def ticker() -> int:
    for i in range(5):
        print("tick", i)
        await sleep(0.9)
    return 5


async def main() -> str:
    print("got", await with_timeout(2.0, job("quick", 0.5)))
    try:
        await with_timeout(1.5, job("slow", 3.0))
        print("not reached")
    except TimeoutError:
        print("slow timed out")
    print("got", await with_timeout(10.0, job("medium", 2.0)))
    return "main result"


print(run(main(), ticker()))
