# Edge Python: the module body runs as an implicit coroutine, so top-level
# statements may sleep, and gather()/with_timeout() need no await.
ticks = 0
events = []


async def ticker(n, period):
    global ticks
    for i in range(n):
        sleep(period)
        ticks += 1
        events.append("tick " + str(i))
    return ticks


async def slow(label, d):
    sleep(d)
    events.append(label)
    return label.upper()


print("start")
sleep(0.1)
print("after first sleep, ticks =", ticks)
counts = gather(ticker(3, 0.05), ticker(2, 0.07))
print("counts", counts)
try:
    r = with_timeout(0.05, slow("late", 0.2))
    print("not reached", r)
except TimeoutError:
    print("with_timeout raised TimeoutError")
fast = with_timeout(1.0, slow("fast", 0.01))
print("fast ->", fast)
for e in events:
    print(" ", e)
if __name__ == "__main__":
    sleep(0.01)
    print("main guard ran, ticks =", ticks)
