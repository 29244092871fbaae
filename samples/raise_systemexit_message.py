# raise SystemExit("message"): the message goes to stderr and the exit status is 1.
import asyncio

config = {"retries": 2, "name": "svc"}


async def start(cfg):
    await asyncio.sleep(0.2)
    if cfg.get("port") is None:
        raise SystemExit("error: no port configured for " + cfg["name"])
    return cfg["port"]


async def main():
    print("starting", config["name"], "with", config["retries"], "retries")
    port = await start(config)
    print("listening on", port)


asyncio.run(main())
