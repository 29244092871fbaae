# *args (a tuple typed per call), **kwargs (a dict), keyword-only parameters, f(*xs, **kw) with
# displays, forwarding *args/**kwargs, iterating *args.
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


def total(*xs):
    s = 0
    for x in xs:
        s += x
    return s, len(xs), xs


def forward(*args, **kwargs):
    return fmt(*args, **kwargs)


async def main():
    print(fmt(1, 2, 3))
    print(fmt("a", "b", sep="-", upper=True, level=3))
    print(total(), total(1, 2, 3), total(*[4, 5]))
    print(forward("x", "y", sep="+", note="fw"))
    calls = [
        request("GET", "/a"),
        request("POST", "/b", timeout=2.0, Accept="json"),
        request(*["PUT", "/c"], **{"retries": 3, "X-Id": "7"}),
    ]
    for line in await asyncio.gather(*calls):
        print(line)
    pick = lambda *a, **k: (a, k)
    print(pick(1, z=2))


asyncio.run(main())
