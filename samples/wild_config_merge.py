# Default and user settings merged with {**a, **b}; tasks read the merged config.
import asyncio

DEFAULTS = {"retries": "3", "timeout": "0.5", "mode": "fast"}
USER = {"mode": "safe", "name": "demo"}


async def report(key, config):
    await asyncio.sleep(0.01 * len(key))
    return f"{key}={config.get(key, '?')}"


async def main():
    config = {**DEFAULTS, **USER}
    print(config)
    keys = [*DEFAULTS, "name", "missing"]
    lines = await asyncio.gather(*[report(k, config) for k in keys])
    print("; ".join(lines))
    timeout = float(config["timeout"])
    print("timeout doubled:", timeout * 2, "retries:", int(config["retries"]) + 1)
    value = config.get("verbose")
    if value is None:
        print("verbose not set")


asyncio.run(main())
