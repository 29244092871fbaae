# A hand-written scheduler in the style of the "build your own event loop"
# posts: tasks are generators that yield requests (here dicts saying how
# long to sleep); the loop keeps a virtual clock and always resumes the task
# whose wake-up time is earliest.
def task(name: str, delays: list[float]):
    for d in delays:
        print(f"{name} sleeps {d}")
        yield {"sleep": d}
    return name.upper()


def run(tasks: list[str]) -> None:
    now = 0.0
    gens = [task("a", [0.5, 0.25]), task("b", [0.1, 0.1, 0.1]), task("c", [1.0])]
    wake = [0.0, 0.0, 0.0]
    alive = [True, True, True]
    while any(alive):
        best = -1
        for i in range(len(gens)):
            if alive[i] and (best < 0 or wake[i] < wake[best]):
                best = i
        now = wake[best]
        try:
            req = next(gens[best])
            wake[best] = now + req["sleep"]
        except StopIteration as stop:
            alive[best] = False
            print(f"t={now:.2f} {tasks[best]} finished with {stop.value}")


run(["a", "b", "c"])
