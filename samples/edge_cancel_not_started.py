# Builtins cancel(c) of a coroutine that has not started: it never starts
# (its first line never prints) even though run() is handed it later in the
# same round; cancel of a finished coroutine does nothing. Output spaced by
# timers (see edge_silent_cancel.py).


async def job(name: str) -> int:
    print(name, "started")
    await sleep(1.0)
    print(name, "finished")
    return 7


async def main() -> int:
    cancel(never)
    print("cancelled 'never' before it started")
    r: list[int] = await gather(done_job)
    print("done_job gave", r)
    cancel(done_job)
    print("cancel of a finished coroutine did nothing")
    await sleep(2.0)
    return 0


never = job("never")
done_job = job("done")
print(run(main(), never))
