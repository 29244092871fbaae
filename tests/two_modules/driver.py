# The oracle for host.c: the same two modules under CPython, imported by
# file name (beta-2 is not an importable name), their coroutines started in
# the same order and run on one loop.  Run through tests/ref/asyncc_ref.py
# with ASYNCC_CLOCK=virtual, as the samples are.
import asyncio
import importlib.util
import os

HERE = os.path.dirname(os.path.abspath(__file__))


def load(file, name):
    spec = importlib.util.spec_from_file_location(name, os.path.join(HERE, file))
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


alpha = load("alpha.py", "alpha")
beta = load("beta-2.py", "beta-2")


async def main():
    tasks = [asyncio.create_task(alpha.work(3)), asyncio.create_task(beta.work(3)),
             asyncio.create_task(alpha.main()), asyncio.create_task(beta.main())]
    await asyncio.wait(tasks)
    print("loop: idle")
    for what, t in zip(["alpha.work", "beta-2.work", "alpha.main", "beta-2.main"], tasks):
        print(f"result {what}: {t.result()}")


asyncio.run(main())
