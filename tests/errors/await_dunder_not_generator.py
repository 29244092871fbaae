# __await__ must return an iterator; a plain value is rejected (CPython: TypeError
# "__await__() returned non-iterator of type 'int'").
class Ready:
    def __await__(self):
        return 5


async def main() -> int:
    return await Ready()


c = main()
try:
    c.send(None)
except StopIteration as e:
    print(e.value)
