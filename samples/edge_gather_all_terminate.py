# Builtins gather waits for every child even after one fails (survivors are
# not cancelled), then raises the first error in argument order: here the
# last argument fails first but the first argument's error wins.


class Late(Exception):
    pass


async def child(name: str, d: float, err: int) -> int:
    await sleep(d)
    print(name, "ends at", d)
    if err == 1:
        raise Late(name)
    if err == 2:
        raise KeyError(name)
    return 1


async def main() -> int:
    try:
        await gather(child("first", 2.0, 1), child("ok", 1.0, 0),
                     child("last", 0.5, 2))
    except Late as e:
        print("Late wins:", repr(e))
    except KeyError as e:
        print("KeyError wins:", e)
    return 0


run(main())
