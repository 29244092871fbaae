# raise ... from: __cause__ set, __context__ kept, `from None`, and custom exceptions wrapping builtin ones across tasks.
import asyncio


class ConfigError(Exception):
    def __init__(self, key, detail):
        super().__init__(f"bad config {key!r}: {detail}")
        self.key = key


class ParseError(ConfigError):
    pass


def parse_port(text):
    try:
        return int(text)
    except ValueError as e:
        raise ParseError("port", "not a number") from e


def lookup(cfg, key):
    try:
        return cfg[key]
    except KeyError:
        raise ConfigError(key, "missing") from None


async def load(cfg):
    await asyncio.sleep(0.01)
    port = parse_port(lookup(cfg, "port"))
    return port


async def main():
    for cfg in [{"port": "8080"}, {"port": "http"}, {"host": "x"}]:
        try:
            print("port", await load(cfg))
        except ParseError as e:
            print("parse:", e, e.key, type(e.__cause__).__name__, e.__cause__)
            print("context:", repr(e.__context__))
        except ConfigError as e:
            print("config:", e, e.key, e.__cause__, type(e.__context__).__name__)
    res = await asyncio.gather(load({"port": "1"}), load({"port": "x1"}), load({"host": "h"}), return_exceptions=True)
    print(res)
    for r in res:
        if isinstance(r, ConfigError):
            print(type(r).__name__, r.key, r.__cause__ is not None)
    try:
        try:
            raise ValueError("inner")
        except ValueError:
            raise ConfigError("outer", "while handling")
    except ConfigError as e:
        print(repr(e.__context__), e.__cause__)


asyncio.run(main())
