# Runtime error: assigning to a frozen dataclass field -> dataclasses.FrozenInstanceError.
import asyncio
from dataclasses import dataclass


@dataclass(frozen=True)
class Config:
    host: str
    port: int = 80


async def connect(cfg):
    await asyncio.sleep(0.1)
    print("connecting to", cfg.host, cfg.port)
    return cfg


async def main():
    cfg = await connect(Config("example.org"))
    print(cfg, cfg == Config("example.org", 80))
    cfg.port = 8080
    print("not reached")


asyncio.run(main())
