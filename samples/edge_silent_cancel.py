# Builtins cancel(c) is silent: c stops at its next scheduling point and none
# of its code runs again -- no except, no finally. The reference runner
# reproduces this with a trampoline; it may deliver the cancel one or two
# loop rounds later than the C runtime, so every print here is spaced by
# timers (never sleep(0)) and the output does not depend on those rounds.


async def worker(name: str) -> int:
    try:
        for i in range(10):
            print(name, "step", i)
            await sleep(1.0)
    except Exception:
        print(name, "except (must never print)")
    finally:
        print(name, "finally (must never print)")
    return 99


async def main() -> int:
    await sleep(2.5)
    print("main cancels the worker")
    cancel(w)
    await sleep(3.0)
    print("main: worker stayed silent")
    return 1


w = worker("w")
print("run returned", run(main(), w))
