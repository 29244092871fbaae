# Richards: Martin Richards' operating-system simulation, the classic
# object-heavy benchmark.  Six tasks (an idle task, a worker, two packet
# handlers, two devices) hand packets to one another through their work
# queues; the scheduler always runs the highest-priority task that is ready.
# Written for asyncc from the algorithm's description, in ordinary
# unannotated Python: classes, inheritance, overridden methods, attributes
# that may be None.  The counts it prints are the algorithm's known checksum
# (23246 packets queued and 9297 holds per run of 10000 idle steps).

RUNS: int = 20

IDLE_STEPS = 10000
BUFFER_SIZE = 4

ID_IDLE = 1
ID_WORKER = 2
ID_HANDLER_A = 3
ID_HANDLER_B = 4
ID_DEVICE_A = 5
ID_DEVICE_B = 6

KIND_DEVICE = 0
KIND_WORK = 1


class Packet:
    def __init__(self, link, dest, kind):
        self.link = link
        self.dest = dest
        self.kind = kind
        self.datum = 0
        self.data = [0] * BUFFER_SIZE

    def appended_to(self, queue):
        # Puts this packet last in queue; returns the queue's new head.
        self.link = None
        if queue is None:
            return self
        last = queue
        while last.link is not None:
            last = last.link
        last.link = self
        return queue


class Task:
    def __init__(self, ident, priority, queue, kernel):
        self.next = kernel.first
        self.ident = ident
        self.priority = priority
        self.queue = queue
        # The three state bits of the original: a packet waits in the queue,
        # the task waits for a packet, the task is held.
        self.pending = queue is not None
        self.waiting = queue is not None
        self.held = False
        kernel.first = self
        kernel.table[ident] = self

    def blocked(self):
        return self.held or (not self.pending and self.waiting)

    def deliver(self, pkt, current):
        # Queues pkt for this task; returns the task to run next.
        if self.queue is None:
            self.queue = pkt
            self.pending = True
            if self.priority > current.priority:
                return self
        else:
            self.queue = pkt.appended_to(self.queue)
        return current

    def run(self, kernel):
        pkt = None
        if self.pending and self.waiting:
            pkt = self.queue
            self.queue = pkt.link
            self.waiting = False
            self.pending = self.queue is not None
        return self.step(pkt, kernel)

    def step(self, pkt, kernel):
        return self

    def wait(self):
        self.waiting = True
        return self

    def hold(self, kernel):
        kernel.holds += 1
        self.held = True
        return self.next

    def release(self, ident, kernel):
        other = kernel.table[ident]
        other.held = False
        if other.priority > self.priority:
            return other
        return self

    def send(self, pkt, kernel):
        target = kernel.table[pkt.dest]
        kernel.sent += 1
        pkt.link = None
        pkt.dest = self.ident
        return target.deliver(pkt, self)


class IdleTask(Task):
    def __init__(self, kernel):
        Task.__init__(self, ID_IDLE, 1, None, kernel)
        self.seed = 1
        self.left = IDLE_STEPS

    def step(self, pkt, kernel):
        self.left -= 1
        if self.left == 0:
            return self.hold(kernel)
        if self.seed & 1 == 0:
            self.seed = self.seed >> 1
            return self.release(ID_DEVICE_A, kernel)
        self.seed = (self.seed >> 1) ^ 0xD008
        return self.release(ID_DEVICE_B, kernel)


class WorkerTask(Task):
    def __init__(self, queue, kernel):
        Task.__init__(self, ID_WORKER, 1000, queue, kernel)
        self.target = ID_HANDLER_A
        self.letter = 0

    def step(self, pkt, kernel):
        if pkt is None:
            return self.wait()
        if self.target == ID_HANDLER_A:
            self.target = ID_HANDLER_B
        else:
            self.target = ID_HANDLER_A
        pkt.dest = self.target
        pkt.datum = 0
        for i in range(BUFFER_SIZE):
            self.letter += 1
            if self.letter > 26:
                self.letter = 1
            pkt.data[i] = 64 + self.letter
        return self.send(pkt, kernel)


class HandlerTask(Task):
    def __init__(self, ident, priority, queue, kernel):
        Task.__init__(self, ident, priority, queue, kernel)
        self.work = None
        self.devices = None

    def step(self, pkt, kernel):
        if pkt is not None:
            if pkt.kind == KIND_WORK:
                self.work = pkt.appended_to(self.work)
            else:
                self.devices = pkt.appended_to(self.devices)
        work = self.work
        if work is not None:
            n = work.datum
            if n >= BUFFER_SIZE:
                self.work = work.link
                return self.send(work, kernel)
            dev = self.devices
            if dev is not None:
                self.devices = dev.link
                dev.datum = work.data[n]
                work.datum = n + 1
                return self.send(dev, kernel)
        return self.wait()


class DeviceTask(Task):
    def __init__(self, ident, priority, kernel):
        Task.__init__(self, ident, priority, None, kernel)
        self.waiting = True
        self.stored = None

    def step(self, pkt, kernel):
        if pkt is None:
            done = self.stored
            if done is None:
                return self.wait()
            self.stored = None
            return self.send(done, kernel)
        self.stored = pkt
        return self.hold(kernel)


class Kernel:
    def __init__(self):
        self.first = None
        self.table = [None] * 7
        self.sent = 0
        self.holds = 0

    def schedule(self):
        task = self.first
        while task is not None:
            if task.blocked():
                task = task.next
            else:
                task = task.run(self)


def packets(n, dest, kind):
    head = None
    for _ in range(n):
        head = Packet(head, dest, kind)
    return head


def simulate():
    kernel = Kernel()
    IdleTask(kernel)
    WorkerTask(packets(2, 0, KIND_WORK), kernel)
    HandlerTask(ID_HANDLER_A, 2000, packets(3, ID_DEVICE_A, KIND_DEVICE), kernel)
    HandlerTask(ID_HANDLER_B, 3000, packets(3, ID_DEVICE_B, KIND_DEVICE), kernel)
    DeviceTask(ID_DEVICE_A, 4000, kernel)
    DeviceTask(ID_DEVICE_B, 5000, kernel)
    kernel.schedule()
    return kernel.sent, kernel.holds


def main():
    sent = 0
    holds = 0
    ok = 0
    for _ in range(RUNS):
        s, h = simulate()
        sent += s
        holds += h
        if s == 23246 and h == 9297:
            ok += 1
    print("richards", RUNS, "runs:", sent, "packets queued,", holds, "holds,", ok, "correct")


main()
