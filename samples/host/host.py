# host.py -- host.c's twin in Python: the same main loop, driving the same
# coroutines (sensors.py) through asyncc.HostLoop under CPython, with the
# same host functions, prints exactly what host.c prints (host.out).
#     PYTHONPATH=python python3 samples/host/host.py
import asyncio

import asyncc
import sensors

now = 0.0
calls = []          # deferred fetch calls not completed yet: (future, key)


def host_read_temp(sensor):
    return 18.5 + 0.25 * sensor


async def host_fetch(key):
    print(f"host: fetch({key}) issued")
    fut = asyncio.get_running_loop().create_future()
    calls.append((fut, key))
    return await fut


def complete_calls():
    # answer in reverse order: results must still reach their callers
    while calls:
        fut, key = calls.pop()
        if key == "bad":
            fut.set_exception(ValueError("no such key"))
        else:
            fut.set_result(f"<{key}>")


def main():
    global now
    sensors.read_temp = host_read_temp
    sensors.fetch = host_fetch
    L = asyncc.HostLoop()
    L.set_time(now)
    sensor_task = L.spawn(sensors.sensor_loop(3))
    fetch_task = L.spawn(sensors.fetch_all())
    tick_task = L.spawn(sensors.ticker(2))
    events = ["boot", "door open", "door closed"]
    next_event = frames = 0
    names = {asyncc.IDLE: "idle", asyncc.READY: "ready", asyncc.TIMER: "timer"}
    for rnd in range(20):
        st, _ = L.step()
        print(f"host: round {rnd} at t={now:.2f}: {names.get(st, 'waiting')}")
        if st == asyncc.IDLE:
            break
        if calls:
            complete_calls()
        elif next_event < 3:
            L.push_event(events[next_event])
            next_event += 1
        elif frames < 2:
            L.frame_tick()
            frames += 1
        now += 0.5
        L.set_time(now)
    print(f"host: sensor_loop -> {sensor_task.result()}")
    print(f"host: fetch_all -> {' '.join(fetch_task.result())}")
    print(f"host: ticker -> {tick_task.result()}")
    L.close()


main()
