# __await__ generators that yield tuples and receive what send() passes:
# the loop answers each request, the value comes back as the await's
# result; throw() lands at the await inside the innermost __await__, and
# close() runs the finally blocks of both.
class Request:
    def __init__(self, kind: str, arg: int) -> None:
        self.kind = kind
        self.arg = arg

    def __await__(self):
        try:
            answer = yield (self.kind, self.arg)
        finally:
            print("  request", self.kind, "left")
        return answer


async def client(name: str) -> int:
    a = await Request("double", 5)
    b = await Request("square", a)
    print(name, "got", a, b)
    return a + b


async def careful(name: str) -> str:
    try:
        await Request("wait", 1)
    except ValueError as e:
        print(name, "caught", e)
        return "recovered"
    return "not thrown"


async def stubborn() -> None:
    try:
        await Request("forever", 0)
    finally:
        print("stubborn cleanup")


def serve(kind: str, arg: int) -> int:
    if kind == "double":
        return arg * 2
    return arg * arg


def main() -> None:
    c = client("c1")
    req = c.send(None)
    while True:
        print("request", req)
        try:
            req = c.send(serve(req[0], req[1]))
        except StopIteration as e:
            print("result", e.value)
            break
    k = careful("k")
    print("first", k.send(None))
    try:
        k.throw(ValueError("no answer"))
    except StopIteration as e:
        print("careful ->", e.value)
    s = stubborn()
    print("stubborn asks", s.send(None))
    s.close()
    print("closed")


main()
