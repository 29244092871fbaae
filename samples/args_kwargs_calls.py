# *args, **kwargs, keyword-only parameters, and f(*xs, **kw) at call sites, for sync and async functions.
import asyncio


def fmt(*parts, sep=" ", **opts):
    text = sep.join(str(p) for p in parts)
    if opts.get("upper"):
        text = text.upper()
    for k in sorted(opts):
        if k != "upper":
            text += f" [{k}={opts[k]}]"
    return text


async def request(method, url, *, timeout=1.0, retries=0, **headers):
    await asyncio.sleep(timeout / 10)
    return f"{method} {url} t={timeout} r={retries} h={headers}"


async def main():
    print(fmt(1, 2, 3))
    print(fmt("a", "b", sep="-", upper=True, level=3))
    xs = ["x", 4.5, None]
    kw = {"sep": ",", "note": "star"}
    print(fmt(*xs, **kw))
    calls = [
        request("GET", "/a"),
        request("POST", "/b", timeout=2.0, Accept="json"),
        request(*["PUT", "/c"], **{"retries": 3, "X-Id": "7"}),
    ]
    for line in await asyncio.gather(*calls):
        print(line)
    try:
        await request("GET", "/d", 5)
    except TypeError as e:
        print("TypeError:", e)


asyncio.run(main())
