# asyncc: args 20000
# `except ... as e: self.err = e` where the exception refers back to the object that keeps it
# (it was raised with the object as a field and an argument), in sync and async methods, made and
# dropped in a loop: reference counts alone never free them; the cycle collector keeps memory bounded.
# tests/test_memory.sh runs it with 100000 and 1000000 connections and compares the peak RSS.
import asyncio
import sys


class ConnError(Exception):
    def __init__(self, conn, why):
        super().__init__(conn, why)
        self.conn = conn


class Conn:
    def __init__(self, ident):
        self.ident = ident
        self.err = None

    def check(self):
        if self.ident >= 0:
            raise ConnError(self, "refused")

    def open(self):
        try:
            self.check()
        except ConnError as e:
            self.err = e
            return e.conn.ident
        return -1

    async def open_async(self):
        try:
            await asyncio.sleep(0)
            self.check()
        except ConnError as e:
            self.err = e
            return len(e.args)
        return -1


async def main(n):
    total = 0
    for i in range(n):
        total += Conn(i).open()
        if i % 1000 == 0:
            total += await Conn(i).open_async()
    print("connections", n, "checksum", total)


asyncio.run(main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000000))
