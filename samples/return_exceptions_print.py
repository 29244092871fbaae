# gather(..., return_exceptions=True): a heterogeneous result list printed, then sorted by kind.
import asyncio


async def fetch(url, delay=0.1):
    await asyncio.sleep(delay)
    if "bad" in url:
        raise ValueError("bad url: " + url)
    if url.endswith(".zip"):
        raise KeyError(url)
    return len(url)


async def main():
    urls = ["a.com", "bad.org", "files.zip", "example.net"]
    results = await asyncio.gather(*(fetch(u, 0.01 * i) for i, u in enumerate(urls)),
                                   return_exceptions=True)
    print(results)
    for url, r in zip(urls, results):
        if isinstance(r, Exception):
            print(url, "failed:", type(r).__name__, r)
        else:
            print(url, "ok:", r)
    ok = [r for r in results if not isinstance(r, BaseException)]
    print("ok count", len(ok), "sum", sum(ok))


asyncio.run(main())
