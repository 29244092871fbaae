# Parsing "key = value" config text into a dict with int/float/bool/str values, then used by tasks.
import asyncio

TEXT = """
# comment
name = poller
interval = 0.25
count = 3
verbose = true
"""


def convert(raw):
    if raw in ("true", "false"):
        return raw == "true"
    try:
        return int(raw)
    except ValueError:
        pass
    try:
        return float(raw)
    except ValueError:
        return raw


def load(text):
    cfg = {}
    for line in text.strip().splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        key, _, value = line.partition("=")
        cfg[key.strip()] = convert(value.strip())
    return cfg


async def poller(cfg):
    for i in range(cfg["count"]):
        await asyncio.sleep(cfg["interval"])
        if cfg["verbose"]:
            print(cfg["name"], "poll", i)
    return cfg["count"] * cfg["interval"]


cfg = load(TEXT)
print(cfg)
print({k: type(v).__name__ for k, v in cfg.items()})
print("busy for", asyncio.run(poller(cfg)))
