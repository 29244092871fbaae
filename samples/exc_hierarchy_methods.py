# An exception hierarchy with methods, class attributes overridden by subclasses, inherited __init__ and except ordering.
import asyncio


class ApiError(Exception):
    status = 500

    def __init__(self, path, detail=""):
        super().__init__(path, detail)
        self.path = path
        self.detail = detail
        self.retries = 0

    def describe(self):
        return f"{self.status} on {self.path}" + (f" ({self.detail})" if self.detail else "")

    def bump(self):
        self.retries += 1
        return self.retries


class NotFound(ApiError):
    status = 404


class RateLimited(ApiError):
    status = 429

    def __init__(self, path, wait):
        super().__init__(path, f"wait {wait}s")
        self.wait = wait

    def describe(self):
        return "slow down: " + super().describe()


async def fetch(path):
    await asyncio.sleep(0.01)
    if path.startswith("/missing"):
        raise NotFound(path)
    if path.startswith("/busy"):
        raise RateLimited(path, 2)
    if path.startswith("/boom"):
        raise ApiError(path, "internal")
    return f"<{path}>"


async def main():
    for p in ["/home", "/missing/a", "/busy/b", "/boom"]:
        try:
            print(await fetch(p))
        except RateLimited as e:
            print("rate", e.describe(), e.wait, e.status, e.bump(), e.bump())
        except ApiError as e:
            print("api", type(e).__name__, e.describe(), e.status, e.args, e.bump())
    tasks = [asyncio.create_task(fetch(p)) for p in ["/missing/x", "/busy/y", "/ok"]]
    for t in tasks:
        try:
            print("task", await t)
        except ApiError as e:
            print("task error", e.describe(), isinstance(e, NotFound), isinstance(e, RateLimited))
    print(issubclass(RateLimited, ApiError), issubclass(NotFound, RateLimited), ApiError.status, NotFound.status)


asyncio.run(main())
