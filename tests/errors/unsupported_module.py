import json
import dataclasses
import asyncio


def main() -> None:
    print(json.dumps([1]), dataclasses.field())
