import json
import heapq
import asyncio


def main() -> None:
    print(json.dumps([1]), heapq.heappop)
