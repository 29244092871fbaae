#!/usr/bin/env python3
"""Tests of the shipped Python module (python/asyncc): what it adds to
asyncio beyond the builtins and clock that every sample's oracle run
exercises -- receive()/frame() with a Python host, the host-function
decorators, `python3 -m asyncc` behaving like `python3 prog.py`, and the
host example under plain CPython: sensors.py as a script, and host.py (the
Python twin of host.c, through asyncc.HostLoop) printing host.out.

The receive/frame expectations restate the C runtime's rules
(runtime/rt_sched.c: deliver_event, rt_frame_tick, ac_receive_begin), so a
change on either side shows up here or in samples/host.

    python3 tests/test_pymod.py [-v]
"""
import asyncio
import os
import signal
import subprocess
import sys
import tempfile
import textwrap
import unittest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PYMOD = os.path.join(ROOT, "python")
sys.path.insert(0, PYMOD)
import asyncc  # noqa: E402


def run_py(args, env_extra=None, cwd=ROOT):
    env = dict(os.environ, PYTHONPATH=PYMOD, PYTHONDONTWRITEBYTECODE="1")
    env.pop("ASYNCC_CLOCK", None)
    env.update(env_extra or {})
    return subprocess.run([sys.executable] + args, cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=60)


def virtual(coro):
    asyncc.install_virtual_clock()
    try:
        return asyncio.run(coro)
    finally:
        asyncio.set_event_loop_policy(None)


class ReceiveFrame(unittest.TestCase):
    def test_events_pushed_early_are_queued_in_order(self):
        async def main():
            asyncc.push_event("a")
            asyncc.push_event("b")
            return [await receive(), await receive()]  # noqa: F821
        self.assertEqual(virtual(main()), ["a", "b"])

    def test_longest_waiting_receiver_gets_the_event(self):
        got = []

        async def receiver(name):
            got.append((name, await receive()))  # noqa: F821

        async def main():
            tasks = [asyncio.create_task(receiver(n)) for n in ("r1", "r2")]
            await asyncio.sleep(0)
            asyncc.push_event("first")
            asyncc.push_event("second")
            await asyncio.gather(*tasks)
        virtual(main())
        self.assertEqual(got, [("r1", "first"), ("r2", "second")])

    def test_event_handed_to_a_cancelled_receiver_is_not_lost(self):
        async def main():
            t1 = asyncio.create_task(receive())  # noqa: F821
            t2 = asyncio.create_task(receive())  # noqa: F821
            await asyncio.sleep(0)
            asyncc.push_event("only")
            t1.cancel()
            await asyncio.sleep(0)
            return t1.cancelled(), await asyncio.wait_for(t2, 5)
        self.assertEqual(virtual(main()), (True, "only"))

    def test_tick_wakes_every_waiter_and_unwaited_ticks_are_lost(self):
        log = []

        async def ticker(name, n):
            for i in range(n):
                await frame()  # noqa: F821
                log.append((name, i))

        async def main():
            asyncc.frame_tick()  # nobody waits: lost
            tasks = [asyncio.create_task(ticker("a", 2)),
                     asyncio.create_task(ticker("b", 1))]
            await asyncio.sleep(0)
            self.assertEqual(log, [])
            for _ in range(2):
                asyncc.frame_tick()
                await asyncio.sleep(0)
            await asyncio.gather(*tasks)
        virtual(main())
        self.assertEqual(log, [("a", 0), ("b", 0), ("a", 1)])

    def test_push_event_needs_a_str(self):
        async def main():
            asyncc.push_event(b"bytes")
        with self.assertRaises(TypeError):
            virtual(main())


class HostDecorators(unittest.TestCase):
    def test_decorated_functions_are_returned_unchanged(self):
        def f(x):
            return x + 1

        async def g(x):
            return x

        self.assertIs(asyncc.host(f), f)
        self.assertIs(asyncc.deferred(g), g)
        self.assertEqual((f.__asyncc_host__, g.__asyncc_host__), ("host", "deferred"))

    def test_misuse_is_a_type_error(self):
        async def g():
            pass

        def f():
            pass
        with self.assertRaisesRegex(TypeError, "use @asyncc.deferred"):
            asyncc.host(g)
        with self.assertRaisesRegex(TypeError, "must be an async def"):
            asyncc.deferred(f)


PROG = textwrap.dedent("""\
    import asyncio
    import asyncc


    async def inner(n: int) -> int:
        await asyncio.sleep(100.0)
        if n > 1:
            raise ValueError(f"bad {n}")
        return n


    async def main() -> None:
        loop = asyncio.get_running_loop()
        print(await inner(1), loop.time())
        await gather(inner(2))


    run(main())
    """)


class Runner(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.prog = os.path.join(self.tmp.name, "prog.py")
        with open(self.prog, "w") as f:
            f.write(PROG)

    def tearDown(self):
        self.tmp.cleanup()

    def test_m_asyncc_prints_what_python3_prog_py_prints(self):
        plain = run_py([self.prog], {"ASYNCC_CLOCK": "virtual"})
        via_m = run_py(["-m", "asyncc", self.prog], {"ASYNCC_CLOCK": "virtual"})
        self.assertEqual(plain.returncode, 1)
        self.assertEqual(plain.stdout, "1 100.0\n")   # no real waiting
        self.assertIn('prog.py", line 8, in inner', plain.stderr)
        self.assertTrue(plain.stderr.rstrip().endswith("ValueError: bad 2"))
        self.assertEqual((via_m.returncode, via_m.stdout, via_m.stderr),
                         (plain.returncode, plain.stdout, plain.stderr))

    def test_unknown_clock_is_an_error_as_in_a_compiled_program(self):
        r = run_py(["-m", "asyncc", self.prog], {"ASYNCC_CLOCK": "fast"})
        self.assertEqual(r.returncode, 2)
        self.assertIn("unknown ASYNCC_CLOCK=fast", r.stderr)

    def test_usage(self):
        r = run_py(["-m", "asyncc"])
        self.assertEqual(r.returncode, 2)
        self.assertIn("usage: python3 -m asyncc prog.py", r.stderr)

    def test_argv_is_the_programs(self):
        with open(self.prog, "w") as f:
            f.write("import sys\nprint(sys.argv)\n")
        r = run_py(["-m", "asyncc", self.prog, "x", "--y"])
        self.assertEqual(r.stdout, repr([self.prog, "x", "--y"]) + "\n")


    def test_ctrl_c_as_python3_prog_py(self):
        # KeyboardInterrupt: finally blocks run, traceback, death by SIGINT
        with open(self.prog, "w") as f:
            f.write("import asyncio\n\nasync def main() -> None:\n"
                    "    try:\n        print('started', flush=True)\n"
                    "        await asyncio.sleep(30)\n    finally:\n"
                    "        print('finally')\n\nasyncio.run(main())\n")
        results = []
        for args in ([self.prog], ["-m", "asyncc", self.prog]):
            env = dict(os.environ, PYTHONPATH=PYMOD)
            p = subprocess.Popen([sys.executable] + args, env=env, text=True,
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                 preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
            self.assertEqual(p.stdout.readline(), "started\n")
            p.send_signal(signal.SIGINT)
            out, err = p.communicate(timeout=30)
            results.append((p.returncode, out, err.splitlines()[-1]))
        self.assertEqual(results[0], (-signal.SIGINT, "finally\n", "KeyboardInterrupt"))
        self.assertEqual(results[1], results[0])


class HostSample(unittest.TestCase):
    def test_sensors_py_runs_under_cpython(self):
        # the fallback bodies stand in for host.c: read_temp(2) = 20.0 + 2,
        # fetch(k) = "value-" + k after 0.1 s; gather keeps argument order
        r = run_py(["samples/host/sensors.py"], {"ASYNCC_CLOCK": "virtual"})
        self.assertEqual(r.stderr, "")
        self.assertEqual(r.returncode, 0)
        self.assertEqual(r.stdout, "read_temp(2) -> 22.0\n"
                                   "fetched a value-a\n"
                                   "fetched bad value-bad\n"
                                   "fetched b value-b\n"
                                   "fetch_all -> ['value-a', 'value-bad', 'value-b']\n")

    def test_host_py_prints_what_host_c_prints(self):
        # the same main loop in Python (asyncc.HostLoop) must reproduce the
        # C host's hand-checked output: event, frame and deferred-call order
        r = run_py(["samples/host/host.py"])
        with open(os.path.join(ROOT, "samples", "host", "host.out")) as f:
            expected = f.read()
        self.assertEqual(r.stderr, "")
        self.assertEqual(r.stdout, expected)


if __name__ == "__main__":
    unittest.main()
