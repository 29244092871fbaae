# Custom exception hierarchy with raise ... from, __cause__/__context__, and re-raise after cleanup in tasks.
import asyncio


class ServiceError(Exception):
    def __init__(self, service, reason):
        super().__init__(f"{service}: {reason}")
        self.service = service


class Timeout(ServiceError):
    pass


async def call(service, delay, limit=0.2):
    try:
        await asyncio.wait_for(asyncio.sleep(delay), limit)
        return service + " ok"
    except asyncio.TimeoutError as e:
        raise Timeout(service, f"slower than {limit}") from e


async def checked(service, delay):
    try:
        return await call(service, delay)
    except ServiceError as e:
        print("cleanup for", e.service)
        raise


async def main():
    res = await asyncio.gather(checked("db", 0.1), checked("cache", 0.5), return_exceptions=True)
    print(res)
    err = res[1]
    print(type(err).__name__, isinstance(err, ServiceError), type(err.__cause__).__name__)
    try:
        try:
            {}["k"]
        except KeyError:
            raise ServiceError("cfg", "missing key")
    except ServiceError as e:
        print(repr(e), repr(e.__context__), e.__cause__)


asyncio.run(main())
