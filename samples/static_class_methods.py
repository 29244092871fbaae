# @staticmethod, @classmethod alternative constructors and class attributes counting instances.
import asyncio


class Connection:
    opened = 0
    default_port = 80

    def __init__(self, host, port=None):
        self.host = host
        self.port = port if port is not None else self.default_port
        Connection.opened += 1

    @classmethod
    def from_url(cls, url):
        host, _, port = url.partition(":")
        return cls(host, int(port)) if port else cls(host)

    @staticmethod
    def valid_host(host):
        return "." in host and not host.startswith(".")

    async def ping(self):
        await asyncio.sleep(0.01 * len(self.host))
        return f"{self.host}:{self.port} ok"


class SecureConnection(Connection):
    default_port = 443


async def main():
    conns = [Connection.from_url("a.com:8080"), SecureConnection.from_url("b.org"), Connection("c.net")]
    for line in await asyncio.gather(*[c.ping() for c in conns]):
        print(line)
    print(type(conns[1]).__name__, Connection.opened, SecureConnection.opened)
    print([Connection.valid_host(h) for h in ["x.y", ".bad", "nodot"]])
    print(conns[0].valid_host("q.r"), SecureConnection.default_port, Connection.default_port)


asyncio.run(main())
