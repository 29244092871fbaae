import asyncio
import asyncc

@asyncc.host
def read_sensor(i):
    return i * 2

async def main():
    print(read_sensor(3))

asyncio.run(main())
