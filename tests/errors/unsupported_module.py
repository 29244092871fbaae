import json
import functools
import asyncio


def main() -> None:
    print(json.dumps([1]), functools.reduce)
