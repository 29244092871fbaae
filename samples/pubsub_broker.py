# A pub/sub broker class: subscribers are asyncio.Queue objects in a dict of lists keyed by topic.
import asyncio


class Broker:
    def __init__(self):
        self.topics = {}
        self.sent = 0

    def subscribe(self, topic):
        q = asyncio.Queue()
        self.topics.setdefault(topic, []).append(q)
        return q

    async def publish(self, topic, msg):
        for q in self.topics.get(topic, []):
            await q.put(msg)
            self.sent += 1


async def listener(name, q, n):
    got = []
    for _ in range(n):
        got.append(await q.get())
    print(name, "got", got)
    return len(got)


async def talker(broker):
    for i, topic in enumerate(["news", "sport", "news", "weather", "sport"]):
        await asyncio.sleep(0.1)
        await broker.publish(topic, f"{topic}#{i}")


async def main():
    b = Broker()
    listeners = [listener("n1", b.subscribe("news"), 2), listener("s1", b.subscribe("sport"), 2),
                 listener("n2", b.subscribe("news"), 2)]
    counts = await asyncio.gather(talker(b), *listeners)
    print(counts, "sent", b.sent, "topics", sorted(b.topics), len(b.topics["news"]))


asyncio.run(main())
