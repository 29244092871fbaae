import asyncio


class ConfigError(Exception):
    pass


def load(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise ConfigError(f"not a number: {text}")


async def main() -> None:
    print(load("12"))
    print(load("twelve"))


asyncio.run(main())
