# Runtime error: a keyword given explicitly and again in a **dict -> TypeError at the call site.
import asyncio


def connect(host, port=80, *, timeout=1.0, **extra):
    return f"{host}:{port} timeout={timeout} {sorted(extra)}"


async def main():
    profiles = [{"port": 8080}, {"timeout": 2.5, "tls": True}, {"host": "b.example"}]
    for p in profiles:
        await asyncio.sleep(0.01)
        print(connect(host="a.example", **p))


asyncio.run(main())
