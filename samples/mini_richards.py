# An object-heavy mini scheduler (Richards style): task control blocks with priorities, packets, and a run loop.
class Packet:
    def __init__(self, link, kind, datum=0):
        self.link = link
        self.kind = kind
        self.datum = datum


class TaskControl:
    def __init__(self, ident, priority, work):
        self.ident = ident
        self.priority = priority
        self.work = work
        self.queue = []
        self.runs = 0

    def runnable(self):
        return bool(self.queue)

    def step(self, scheduler):
        pkt = self.queue.pop(0)
        self.runs += 1
        return self.work(self, pkt, scheduler)


class Scheduler:
    def __init__(self):
        self.tasks = {}
        self.log = []

    def add(self, tcb):
        self.tasks[tcb.ident] = tcb

    def send(self, pkt, dest):
        self.tasks[dest].queue.append(pkt)

    def run(self, limit):
        for _ in range(limit):
            ready = [t for t in self.tasks.values() if t.runnable()]
            if not ready:
                break
            t = max(ready, key=lambda t: (t.priority, -t.ident))
            self.log.append(t.step(self))


def worker(tcb, pkt, s):
    pkt.datum += tcb.ident
    if pkt.datum < 20:
        s.send(pkt, 3 if tcb.ident == 2 else 2)
    return f"w{tcb.ident}:{pkt.datum}"


def device(tcb, pkt, s):
    pkt.kind = "done"
    return f"dev:{pkt.datum}"


s = Scheduler()
s.add(TaskControl(2, 10, worker))
s.add(TaskControl(3, 5, worker))
s.add(TaskControl(4, 1, device))
for i in range(3):
    s.send(Packet(None, "work", i), 2)
s.send(Packet(None, "io"), 4)
s.run(100)
print(" ".join(s.log))
print({i: t.runs for i, t in s.tasks.items()}, len(s.log))
