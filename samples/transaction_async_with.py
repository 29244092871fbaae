# A Transaction async context manager: commit on success, rollback on error (the error propagates), state in a dict.
import asyncio


class Database:
    def __init__(self):
        self.data = {"a": 1}
        self.commits = 0

    def transaction(self, name):
        return Transaction(self, name)


class Transaction:
    def __init__(self, db, name):
        self.db = db
        self.name = name
        self.pending = {}

    async def __aenter__(self):
        await asyncio.sleep(0.05)
        print(self.name, "begin")
        return self

    def set(self, key, value):
        self.pending[key] = value

    async def __aexit__(self, et, ev, tb):
        await asyncio.sleep(0.05)
        if et is None:
            self.db.data.update(self.pending)
            self.db.commits += 1
            print(self.name, "commit", self.pending)
        else:
            print(self.name, "rollback because", repr(ev))


async def work(db, name, values, fail_at=None):
    try:
        async with db.transaction(name) as tx:
            for i, (k, v) in enumerate(values):
                if i == fail_at:
                    raise LookupError(f"no slot for {k}")
                tx.set(k, v)
                await asyncio.sleep(0.01)
    except LookupError as e:
        print(name, "gave up:", e)


async def main():
    db = Database()
    await asyncio.gather(work(db, "t1", [("b", 2), ("c", 3)]),
                         work(db, "t2", [("d", 4), ("e", 5)], fail_at=1),
                         work(db, "t3", [("a", 10)]))
    print(db.data, db.commits)


asyncio.run(main())
