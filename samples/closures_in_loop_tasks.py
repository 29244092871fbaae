# Closures created in a loop: late binding vs default-argument binding, and nested async defs sharing a nonlocal list.
import asyncio


def make_jobs():
    late = []
    bound = []
    for i in range(3):
        async def late_job():
            await asyncio.sleep(0.01)
            return i

        async def bound_job(i=i):
            await asyncio.sleep(0.01)
            return i
        late.append(late_job)
        bound.append(bound_job)
    return late, bound


def make_pipeline():
    log = []

    async def stage(name, delay):
        nonlocal log
        await asyncio.sleep(delay)
        log = log + [name]
        return len(log)

    def snapshot():
        return list(log)
    return stage, snapshot


async def main():
    late, bound = make_jobs()
    print(await asyncio.gather(*[f() for f in late]), await asyncio.gather(*[f() for f in bound]))
    stage, snapshot = make_pipeline()
    positions = await asyncio.gather(stage("c", 0.3), stage("a", 0.1), stage("b", 0.2))
    print(positions, snapshot())
    square = lambda x: x * x
    compose = lambda f, g: lambda x: f(g(x))
    print(compose(square, lambda x: x + 1)(4), list(map(compose(str, square), [1, 2, 3])))


asyncio.run(main())
