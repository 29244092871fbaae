# Reference cycles through exceptions, made and dropped in loops: a program's exception class whose field
# points at the object that keeps the exception, an exception in its own args, __cause__ and __context__
# chains that lead back, a list of errors holding the error that holds it.  Only the cycle collector frees
# them (LeakSanitizer checks the exit, tests/test_memory.sh runs it with a collection at every allocation).
import asyncio
import gc


class OwnedError(Exception):
    def __init__(self, owner, code):
        super().__init__(f"owner {owner.name} failed with {code}")
        self.owner = owner
        self.code = code


class Owner:
    def __init__(self, name):
        self.name = name
        self.last_error = None
        self.history = []

    def fail(self, code):
        e = OwnedError(self, code)
        self.last_error = e
        self.history.append(e)
        return e


class Wrapped(Exception):
    pass


def field_cycles(n):
    total = 0
    for i in range(n):
        o = Owner("o" + str(i))
        total += o.fail(i).code + len(o.history)
    return total


def args_cycles(n):
    total = 0
    for i in range(n):
        box: list[object] = [i]
        e = ValueError(box, i)
        box.append(e)
        total += len(e.args) + len(box)
    return total


def cause_cycles(n):
    seen = 0
    for i in range(n):
        o = Owner("c" + str(i))
        try:
            try:
                raise o.fail(i)
            except OwnedError as inner:
                raise Wrapped("wrapped") from inner
        except Wrapped as outer:
            o.history.append(outer)  # outer -> inner -> o -> outer
            seen += outer.__cause__ is o.last_error
    return seen


def context_cycles(n):
    seen = 0
    for i in range(n):
        o = Owner("x" + str(i))
        try:
            try:
                raise o.fail(i)
            except OwnedError:
                raise KeyError(i)
        except KeyError as later:
            o.history.append(later)  # later -> (context) first -> o -> later
            seen += later.__context__ is o.last_error
    return seen


def error_lists(n):
    total = 0
    for i in range(n):
        errors: list[Exception] = []
        e = OwnedError(Owner("l" + str(i)), i)
        e.owner.history = errors
        errors.append(e)
        total += len(errors)
    return total


async def failing_job(o, i):
    await asyncio.sleep(0)
    raise o.fail(i)


async def tasks_keep_errors(n):
    kept = 0
    for i in range(n):
        o = Owner("t" + str(i))
        results = await asyncio.gather(failing_job(o, i), return_exceptions=True)
        kept += results[0] is o.last_error
    return kept


async def main():
    print(field_cycles(2000))
    print(args_cycles(2000))
    print(cause_cycles(2000), context_cycles(2000))
    print(error_lists(2000))
    print(await tasks_keep_errors(200))
    o = Owner("kept")
    e = o.fail(7)
    o = None
    gc.collect()  # e still holds the owner, which holds e: nothing of it goes
    print(e, e.owner.name, e.owner.last_error is e, len(e.owner.history))
    print("done")


asyncio.run(main())
