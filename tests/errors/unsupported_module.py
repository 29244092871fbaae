import json
import time
import asyncio


def main() -> None:
    print(json.dumps([1]), time.time())
