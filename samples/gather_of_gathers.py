# gather of gathers: a list of lists of tuples, flattened by a comprehension, grouped and counted.
import asyncio


async def probe(host, port):
    await asyncio.sleep(0.01 * (port % 7))
    return (host, port, port % 3 != 0)


async def scan(host, ports):
    return await asyncio.gather(*[probe(host, p) for p in ports])


async def main():
    hosts = ["alpha", "beta"]
    per_host = await asyncio.gather(*[scan(h, [21, 22, 80, 443]) for h in hosts])
    print(per_host)
    flat = [r for host_results in per_host for r in host_results]
    open_ports = [(h, p) for h, p, ok in flat if ok]
    print(open_ports)
    print(len(flat), len(open_ports), sorted(set(p for _, p in open_ports)))
    first, *others = per_host
    print(first[0], len(others))


asyncio.run(main())
