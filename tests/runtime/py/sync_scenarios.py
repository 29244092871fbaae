"""The scenarios of tests/runtime/test_sync.c on CPython's asyncio: each
actor is a string of operations (see the C file); prints one trace per
scenario, the expected strings of the C test."""
import asyncio
import random
import sys

SCENARIOS = [
    ("lock_fifo", ["aLYUL" "U", "bLU", "cLU"]),
    ("lock_cancel_waiter", ["aLYYU", "bLU", "cLU", "d1"]),
    ("lock_cancel_woken", ["aLYU1", "bLU", "cLU"]),
    ("lock_release_unlocked", ["aU"]),
    ("event", ["aW", "bTW", "cW", "dSY"]),
    ("event_cancel", ["aW", "bW", "c0S"]),
    ("semaphore", ["aAYR", "bAYR", "cAYR", "dAYR"]),
    ("semaphore_cancel_woken", ["aAYR2", "bAYYYR", "cAR", "dAR"]),
    ("queue", ["aPPPJ", "bGDGD", "cGD"]),
    ("queue_cancel_getter", ["aG", "bG", "c0P"]),
    ("queue_cancel_putter", ["aPP", "bY0G", "cP"]),
    ("queue_cancel_putter_woken", ["aP", "bP", "cP", "dYG1"]),
    ("barrier", ["aB", "bYB", "cB", "dYYB"]),
    ("barrier_cancel_waiter", ["aB", "b0Y", "cYYB", "dYYB"]),
    ("condition", ["aKNk", "bKNk", "cYKnkYKak"]),
    ("condition_cancel", ["bKNk", "aKNk", "cYK1akY"]),
    ("condition_unlocked", ["aN", "bn"]),
]


async def kid(name, op, env, out):
    """A TaskGroup child of op "g": waits on the event or gets an item."""
    if op == "W":
        await env["event"].wait()
        out.append(f"{name}:W")
    else:
        out.append(f"{name}:G{await env['q'].get()}")


async def actor(ops, env, out, tasks):
    name = ops[0]
    counter = env["counter"]
    try:
        for op in ops[1:]:
            if op == "L":
                await env["lock"].acquire()
            elif op == "U":
                env["lock"].release()
            elif op == "W":
                await env["event"].wait()
            elif op == "S":
                env["event"].set()
            elif op == "c":
                env["event"].clear()
            elif op == "A":
                await env["sem"].acquire()
            elif op == "R":
                env["sem"].release()
            elif op == "G":
                out.append(f"{name}:G{await env['q'].get()}")
                continue
            elif op == "B":
                out.append(f"{name}:B{await env['bar'].wait()}")
                continue
            elif op == "g":
                async with asyncio.TaskGroup() as tg:
                    tg.create_task(kid(name + "1", "W", env, out))
                    tg.create_task(kid(name + "2", "G", env, out))
            elif op == "P":
                await env["q"].put(None)
                # the C actor counts when it puts: same value here
                counter[0] += 1
                env["q"]._queue[-1] = counter[0]
                out.append(f"{name}:P{counter[0]}")
                continue
            elif op == "K":
                await env["cond"].acquire()
            elif op == "k":
                env["cond"].release()
            elif op == "N":
                await env["cond"].wait()
            elif op == "n":
                env["cond"].notify()
            elif op == "a":
                env["cond"].notify_all()
            elif op == "D":
                env["q"].task_done()
            elif op == "J":
                await env["q"].join()
            elif op == "Y":
                await asyncio.sleep(0)
                continue
            elif op == "T":
                await asyncio.sleep(1)
                continue
            else:
                out.append(f"{name}:{op}={int(tasks[int(op)].cancel())}")
                continue
            out.append(f"{name}:{op}")
    except asyncio.CancelledError:
        out.append(f"{name}:X")
        if env["cond"].locked():       # a wait() that raised holds the lock again
            env["cond"].release()
        raise
    except Exception as e:
        out.append(f"{name}:E({type(e).__name__})")


async def scenario(actors):
    env = {"lock": asyncio.Lock(), "event": asyncio.Event(),
           "sem": asyncio.Semaphore(2), "q": asyncio.Queue(1), "counter": [0],
           "cond": asyncio.Condition(), "bar": asyncio.Barrier(2)}
    out, tasks = [], []
    for a in actors:
        tasks.append(asyncio.create_task(actor(a, env, out, tasks)))
    await asyncio.gather(*tasks, return_exceptions=True)
    return " ".join(out)


async def fuzz_scenario(actors, rounds):
    """Random actors may wait forever: after `rounds` yields the main task
    cancels every actor in creation order (test_sync.c does the same)."""
    env = {"lock": asyncio.Lock(), "event": asyncio.Event(),
           "sem": asyncio.Semaphore(2), "q": asyncio.Queue(1), "counter": [0],
           "cond": asyncio.Condition(), "bar": asyncio.Barrier(2)}
    out, tasks = [], []
    for a in actors:
        tasks.append(asyncio.create_task(actor(a, env, out, tasks)))
    for _ in range(rounds):
        await asyncio.sleep(0)
    for t in tasks:
        t.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    return " ".join(out)


def fuzz(count, seed):
    """A C header of `count` random scenarios and CPython's traces."""
    rng = random.Random(seed)
    ops = "LLUUWSScAARRGGPPDJYYYKkNnaBgg"
    print(f"/* generated: python3 tests/runtime/py/sync_scenarios.py --fuzz {count} {seed} */")
    print("static const struct sync_case { const char *actors[6]; const char *expected; } sync_fuzz[] = {")
    for _ in range(count):
        n = rng.randint(2, 5)
        actors = []
        for k in range(n):
            body = "".join(rng.choice(ops + "".join(str(i) for i in range(n)))
                           for _ in range(rng.randint(2, 8)))
            actors.append("abcdef"[k] + body)
        trace = asyncio.run(fuzz_scenario(actors, 12))
        quoted = ", ".join(f'"{a}"' for a in actors)
        print(f'    {{{{{quoted}, NULL}}, "{trace}"}},')
    print("};")


if len(sys.argv) == 4 and sys.argv[1] == "--fuzz":
    fuzz(int(sys.argv[2]), int(sys.argv[3]))
else:
    for name, actors in SCENARIOS:
        print(f"{name}: {asyncio.run(scenario(actors))}")
