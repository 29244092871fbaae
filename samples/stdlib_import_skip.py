# Test-suite headers: `try: import asyncio / except ImportError` (the except
# branch is dead), a guarded import of a module asyncc lacks (raises
# ModuleNotFoundError at run time, so the fallback runs), import ... as,
# from-imports of asyncio, time and typing names.
try:
    import asyncio
except ImportError:
    print("SKIP")
    raise SystemExit

try:
    import numpy as np
    HAVE_NUMPY = True
except ImportError as e:
    print("fallback:", e)
    HAVE_NUMPY = False

try:
    from ujson import dumps
except ModuleNotFoundError as e:
    print("no ujson:", e)

import asyncio as aio
from asyncio import sleep, gather
from asyncio import run as arun
from time import monotonic as now
from typing import List, Optional


async def tick(name: str, delay: float):
    await sleep(delay)
    print(name, "after", delay, "at", now())
    return len(name)


async def main():
    results = await gather(tick("a", 0.2), tick("bb", 0.1))
    print("results", results, "numpy:", HAVE_NUMPY)
    await aio.sleep(0.05)
    print("done at", now())


arun(main())
