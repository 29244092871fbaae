# Edge Python: exceptions cross suspending plain defs like any call.  A
# cancel in the builtins spelling is silent (the body observes nothing), so
# stuck()'s finally does not run when with_timeout gives up on it.
class SensorError(Exception):
    pass


def read(name):
    sleep(0.02)
    if name.startswith("bad"):
        raise SensorError("cannot read " + name)
    return len(name)


def careful_read(name):
    try:
        return read(name)
    except SensorError as e:
        print("recovered:", e)
        return -1
    finally:
        print("done with", name)


def stuck():
    try:
        sleep(10)
    finally:
        print("stuck() cleaned up")
    return 0


async def main():
    print(careful_read("good"))
    print(careful_read("bad-one"))
    try:
        with_timeout(0.05, stuck_coro())
    except TimeoutError:
        print("timed out")
    try:
        read("bad-two")
    except SensorError as e:
        print("main caught", e)


async def stuck_coro():
    return stuck()


run(main())
