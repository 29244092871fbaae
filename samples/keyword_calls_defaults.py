# Calls mixing positional and keyword arguments with defaults, on sync and async functions, no **kwargs.
import asyncio


def make_url(host, path="/", port=80, secure=False):
    scheme = "https" if secure else "http"
    default = 443 if secure else 80
    port_part = "" if port == default else ":" + str(port)
    return f"{scheme}://{host}{port_part}{path}"


async def get(url, timeout=1.0, retries=0):
    await asyncio.sleep(timeout / 4)
    return f"GET {url} (timeout={timeout}, retries={retries})"


async def main():
    urls = [
        make_url("a.io"),
        make_url("b.io", "/x"),
        make_url("c.io", port=8080),
        make_url("d.io", secure=True, port=443),
        make_url(path="/y", host="e.io", secure=True, port=8443),
    ]
    print(urls)
    out = await asyncio.gather(get(urls[0]), get(urls[1], 2.0), get(urls[2], retries=3),
                               get(timeout=0.5, url=urls[3]))
    for line in out:
        print(line)


asyncio.run(main())
