# Exception classes with __init__, extra fields and args; raised from tasks, caught by base class.
import asyncio


class AppError(Exception):
    pass


class HttpError(AppError):
    def __init__(self, status, url):
        super().__init__(f"HTTP {status} for {url}")
        self.status = status
        self.url = url


class RetryLater(HttpError):
    def __init__(self, url, after):
        super().__init__(503, url)
        self.after = after


async def get(url):
    await asyncio.sleep(0.1)
    if url.endswith("404"):
        raise HttpError(404, url)
    if url.endswith("busy"):
        raise RetryLater(url, 2.5)
    return 200


async def main():
    for url in ["/ok", "/page/404", "/api/busy"]:
        try:
            print(url, await get(url))
        except RetryLater as e:
            print("retry", e.url, "after", e.after, "status", e.status, e.args)
        except AppError as e:
            print("app error", e, e.args, repr(e))
    res = await asyncio.gather(get("/x/404"), get("/y"), return_exceptions=True)
    print(res)
    print([isinstance(r, AppError) for r in res], issubclass(RetryLater, AppError))


asyncio.run(main())
