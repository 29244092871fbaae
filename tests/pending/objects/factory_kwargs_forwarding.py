# A factory forwarding *args/**kwargs to class constructors with keyword-only parameters; calls built from dicts.
import asyncio


class Service:
    def __init__(self, name, *, port=80, debug=False, **extra):
        self.name, self.port, self.debug, self.extra = name, port, debug, extra

    async def start(self):
        await asyncio.sleep(self.port / 10000)
        flags = ",".join(f"{k}={v}" for k, v in sorted(self.extra.items()))
        return f"{self.name}:{self.port} debug={self.debug} [{flags}]"


class Worker(Service):
    def __init__(self, name, threads=1, **kwargs):
        super().__init__(name, **kwargs)
        self.threads = threads


def build(cls, *args, **kwargs):
    print("build", cls.__name__, args, kwargs)
    return cls(*args, **kwargs)


async def main():
    specs = [
        (Service, ("web",), {"port": 8080}),
        (Worker, ("jobs", 4), {"debug": True, "queue": "fast"}),
        (Service, ("db",), {"port": 5432, "replicas": 2, "zone": "b"}),
    ]
    services = [build(cls, *a, **kw) for cls, a, kw in specs]
    for line in await asyncio.gather(*[s.start() for s in services]):
        print(line)
    print(services[1].threads, services[1].extra)
    try:
        Service("x", 81)
    except TypeError as e:
        print("TypeError:", e)


asyncio.run(main())
