#!/usr/bin/env python3
"""Scheduler scenarios: the single source of the runtime ordering tests.

Each scenario is a list of tiny "scripts" (coroutines made of operations).
This file

  * runs every scenario under CPython 3.11 asyncio on the virtual clock of
    the shipped asyncc module (python/asyncc), interpreting each
    operation with the real asyncio / builtins-spelling primitive, and
    records the trace -- that is the expected order, never invented;
  * writes tests/runtime/sched_expected.h: the same scripts as C tables for
    tests/runtime/sched_script.h plus the expected traces.

    python3 tests/runtime/py/sched_scenarios.py > tests/runtime/sched_expected.h
    python3 tests/runtime/py/sched_scenarios.py --show NAME   # one trace

The operations (see sched_script.h for the C side):
  P(s)            trace s
  S(d)            await asyncio.sleep(d)
  SPAWN(i, j)     slot[i] = asyncio.create_task(script j)
  AW(i)           x = await slot[i]; trace name=x
  CAN(i)          trace name:cancel=<slot[i].cancel()>
  RET(v)          return v
  RAISE(s)        raise ValueError(s)
  CATCH()         later CancelledErrors are caught (traced) and skipped
  CATCHALL()      later exceptions of any class are caught and skipped
  INL(j)          x = await script_j()  (inline)
  G(js, rexc)     x = await asyncio.gather(*[script_j() ...], return_exceptions=rexc)
  GT(slots)       x = await asyncio.gather(*[slot[i] ...])
  WF(j, d)        x = await asyncio.wait_for(script_j(), d)   (d None: no timeout)
  EG(js)          x = await gather(*[script_j() ...])    (builtins)
  WT(d, j)        x = await with_timeout(d, script_j())  (builtins)
  EC(i)           cancel(slot[i])                        (builtins, silent)
  ST(i)           trace name:done=..,cancelled=.. of slot[i]
Builtins scenarios run run(script_0(), ..., script_{n-1}()) with slot[k]
holding the k-th coroutine.
"""
import asyncio
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "..", "python"))
import asyncc  # noqa: E402


def op(k, i=0, j=0, d=0.0, s=None, js=None):
    return (k, i, j, d, s, js)


def P(s): return op("PRINT", s=s)
def S(d): return op("SLEEP", d=d)
def SPAWN(i, j): return op("SPAWN", i=i, j=j)
def AW(i): return op("AWAIT", i=i)
def CAN(i): return op("CANCEL", i=i)
def RET(v): return op("RETURN", i=v)
def RAISE(s): return op("RAISE", s=s)
def CATCH(): return op("CATCH")
def CATCHALL(): return op("CATCHALL")
def INL(j): return op("INLINE", j=j)
def G(js, rexc=0): return op("GATHER", i=rexc, js=js)
def GT(sl): return op("GATHER_T", js=sl)
def WF(j, d): return op("WAITFOR", i=1 if d is None else 0, j=j, d=d or 0.0)
def EG(js): return op("EGATHER", js=js)
def WT(d, j): return op("WTIMEOUT", j=j, d=d)
def EC(i): return op("ECANCEL", i=i)
def ST(i): return op("STATE", i=i)


def loop_printer(name, n, d=0):
    """name0 .. name{n-1}, sleeping d between, returns n"""
    ops = []
    for k in range(n):
        ops += [P(f"{name}{k}"), S(d)]
    return (name, ops + [RET(n)])


SCENARIOS = {}

# ready-queue FIFO and sleep(0) round robin; create_task starts after the
# creator yields
SCENARIOS["fifo_round_robin"] = ("asyncio", 1, [
    ("main", [SPAWN(1, 1), SPAWN(2, 2), SPAWN(3, 3), P("m-spawned"), S(0),
              P("m-after-yield"), AW(1), AW(2), AW(3), RET(7)]),
    loop_printer("a", 3), loop_printer("b", 3), loop_printer("c", 2),
])

# timers: deadline order, exact ties in insertion order, near ties
# (0.1 + 0.2 vs 0.3), negative sleep acts as 0
SCENARIOS["timer_order"] = ("asyncio", 1, [
    ("main", [SPAWN(1, 1), SPAWN(2, 2), SPAWN(3, 3), SPAWN(4, 4),
              SPAWN(5, 5), SPAWN(6, 6), AW(1), AW(2), AW(3), AW(4), AW(5),
              AW(6)]),
    ("t1", [S(0.3), P("t1@0.3"), RET(1)]),
    ("t2", [S(0.1), S(0.2), P("t2@0.1+0.2"), RET(2)]),
    ("t3", [S(0.2), P("t3@0.2"), RET(3)]),
    ("t4", [S(0.3), P("t4@0.3"), RET(4)]),
    ("t5", [S(-1), P("t5@neg"), S(0.2), P("t5@0.2"), RET(5)]),
    ("t6", [S(0.1), P("t6@0.1"), S(0.1), P("t6@0.1+0.1"), RET(6)]),
])

# a timer wake is two hops (timer handle, then the step): a sleep(0)
# printer shows where the woken tasks land
SCENARIOS["sleep_wake_hops"] = ("asyncio", 1, [
    ("main", [SPAWN(1, 1), SPAWN(2, 2), SPAWN(3, 3), AW(1), AW(2), AW(3)]),
    ("a", [S(0.01), P("a-woke"), RET(1)]),
    ("b", [S(0.01), P("b-woke"), RET(2)]),
    ("spin", [S(0.005)] + [x for k in range(6) for x in (P(f"s{k}"), S(0))]
     + [RET(3)]),
])

# one task awaited by several waiters: woken in registration order, one
# round after it finishes; awaiting a finished task gives the result at once
SCENARIOS["waiters"] = ("asyncio", 1, [
    ("main", [SPAWN(1, 1), SPAWN(2, 2), SPAWN(3, 3), SPAWN(4, 4), SPAWN(5, 5),
              AW(2), AW(3), AW(4), AW(5), P("m-again"), AW(1), RET(9)]),
    ("x", [P("x-start"), S(0.1), P("x-end"), RET(42)]),
    ("w1", [AW(1), P("w1-after")]),
    ("w2", [S(0), AW(1), P("w2-after")]),
    ("w3", [AW(1), P("w3-after")]),
    loop_printer("s", 6, 0.02),
])

# inline awaits (no hop) and deep chains, results and errors through them
SCENARIOS["inline_chain"] = ("asyncio", 1, [
    ("main", [SPAWN(5, 5), P("m0"), INL(1), P("m1"), CATCHALL(), INL(3),
              P("m2"), AW(5), RET(1)]),
    ("c1", [P("c1"), INL(2), RET(11)]),
    ("c2", [P("c2"), S(0), P("c2b"), RET(22)]),
    ("e1", [INL(4), RET(0)]),
    ("e2", [S(0), RAISE("deep")]),
    loop_printer("p", 4),
])

# Task.cancel: before the first step, while sleeping (caught), of a task
# awaiting another task, swallowed, after finish, twice
SCENARIOS["cancel_rules"] = ("asyncio", 1, [
    ("main", [SPAWN(1, 1), CAN(1), ST(1), SPAWN(2, 2), SPAWN(3, 3),
              SPAWN(4, 4), S(0.05), CAN(2), CAN(2), CAN(3), S(0.01),
              ST(1), ST(2), ST(3), ST(4), CATCHALL(), AW(1), AW(2), AW(3),
              AW(4), CAN(4), ST(4), RET(5)]),
    ("never", [P("never-runs"), RET(1)]),
    ("sleeper", [CATCH(), S(1), P("sleeper-after"), S(0.01), RET(2)]),
    ("outer", [SPAWN(5, 5), AW(5), P("outer-after"), RET(3)]),
    ("quick", [S(0.01), RET(4)]),
    ("inner", [S(1), P("inner-after"), RET(6)]),
])

# a cancelled task that swallows CancelledError completes normally; a
# waiter on a cancelled task sees CancelledError
SCENARIOS["cancel_swallow"] = ("asyncio", 1, [
    ("main", [SPAWN(1, 1), SPAWN(2, 2), S(0.01), CAN(1), S(0), CAN(2),
              CATCHALL(), AW(1), AW(2), ST(1), ST(2), RET(0)]),
    ("swallow", [CATCH(), S(1), P("swallowed"), RET(10)]),
    ("plain", [S(0), P("plain-yield"), S(1), RET(20)]),
])

# asyncio.gather: argument order, first exception propagates at once while
# the others keep running, return_exceptions, gather()
SCENARIOS["gather_asyncio"] = ("asyncio", 1, [
    ("main", [G([1, 2, 3]), G([]), CATCHALL(), G([2, 4, 3]), P("m-after"),
              S(0.2), G([4, 5, 4], 1), RET(0)]),
    ("g1", [S(0.03), P("g1"), RET(1)]),
    ("g2", [S(0.01), P("g2"), RET(2)]),
    ("g3", [S(0.02), P("g3"), RET(3)]),
    ("bad", [S(0.015), RAISE("boom")]),
    ("none", [S(0), P("none")]),
])

# cancelling the task that awaits a gather cancels the children; a
# cancelled child makes gather raise CancelledError
SCENARIOS["gather_cancel"] = ("asyncio", 1, [
    ("main", [SPAWN(1, 1), S(0.05), CAN(1), CATCHALL(), AW(1),
              SPAWN(2, 4), SPAWN(3, 5), S(0.01), CAN(2), GT([2, 3]),
              RET(0)]),
    ("gatherer", [G([2, 3]), P("gatherer-after")]),
    ("k1", [CATCH(), S(1), P("k1-caught-continues"), RET(1)]),
    ("k2", [S(1), RET(2)]),
    ("c1", [S(0.1), RET(7)]),
    ("c2", [S(0.02), P("c2"), RET(8)]),
])

# wait_for: on time, timeout, exactly at the deadline (timeout wins), a
# child that ignores cancellation, None, timeout <= 0
SCENARIOS["wait_for"] = ("asyncio", 1, [
    ("main", [WF(1, 0.1), CATCHALL(), WF(2, 0.1), WF(3, 0.1), WF(4, 0.1),
              WF(1, None), WF(1, 0), P("m-end"), RET(0)]),
    ("fast", [S(0.05), P("fast"), RET(1)]),
    ("slow", [CATCH(), S(0.5), P("slow-after-cancel"), S(0.01), RET(2)]),
    ("exact", [S(0.1), P("exact"), RET(3)]),
    ("stubborn", [CATCH(), S(0.5), P("stubborn"), RET(4)]),
])

# a timeout that cancels a three-deep inline await chain
SCENARIOS["wait_for_chain"] = ("asyncio", 1, [
    ("main", [CATCHALL(), WF(1, 0.05), P("m-end")]),
    ("l1", [INL(2), RET(1)]),
    ("l2", [INL(3), RET(2)]),
    ("l3", [S(1), RET(3)]),
])

# asyncio.run cancels tasks still pending when main returns (one pending
# task per scenario: CPython cancels them in the iteration order of a set,
# which is not the creation order and not predictable)
SCENARIOS["run_cancels_pending"] = ("asyncio", 1, [
    ("main", [SPAWN(1, 1), SPAWN(2, 2), S(0.01), P("main-returns"), RET(3)]),
    ("bg1", [CATCH(), S(10), P("bg1-cleanup"), S(0), P("bg1-cleanup2")]),
    ("bg2", [S(0), P("bg2-quick")]),
])
SCENARIOS["run_cancels_pending_queued"] = ("asyncio", 1, [
    ("main", [SPAWN(1, 1), P("main-returns"), RET(3)]),
    ("bg1", [P("bg1-never-runs")]),
])

# builtins spelling: run(c1, c2) returns c1's result; gather raises the
# first error in ARGUMENT order after all have finished
SCENARIOS["edge_run_gather"] = ("edge", 2, [
    ("m1", [EG([2, 3, 4]), CATCHALL(), EG([5, 3, 6]), P("m1-end"), RET(5)]),
    ("m2", [S(0.01), P("m2"), RET(6)]),
    ("e1", [S(0.03), P("e1"), RET(1)]),
    ("e2", [S(0.01), P("e2"), RET(2)]),
    ("e3", [S(0.02), P("e3"), RET(3)]),
    ("bad-late", [S(0.05), RAISE("late")]),
    ("bad-early", [S(0.001), RAISE("early")]),
])

# builtins with_timeout: value on time, TimeoutError at the deadline,
# the child silently cancelled (none of its code runs again)
SCENARIOS["edge_with_timeout"] = ("edge", 1, [
    ("m", [WT(0.1, 1), CATCHALL(), WT(0.1, 2), WT(0.1, 3), P("m-end"),
           S(1), RET(1)]),
    ("ok", [S(0.05), P("ok"), RET(1)]),
    ("late", [CATCHALL(), S(0.5), P("late-never")]),
    ("exact", [S(0.1), P("exact-never"), RET(3)]),
])

# builtins cancel(c): silent; c stops at its next scheduling point
SCENARIOS["edge_cancel"] = ("edge", 3, [
    ("victim", [CATCHALL(), P("v0"), S(0.1), P("v-never")]),
    ("killer", [S(0.05), EC(0), P("killed"), S(0.1), RET(0)]),
    ("obs", [S(0.01), P("obs"), S(0.2), P("obs-end")]),
])

# gather of tasks that are already finished: their done-callbacks are
# scheduled at once (a hop each), so gather still suspends
SCENARIOS["gather_done_tasks"] = ("asyncio", 1, [
    ("main", [SPAWN(1, 1), SPAWN(2, 2), SPAWN(3, 3), S(0.05), P("m"),
              GT([1, 2]), P("m2"), RET(0)]),
    ("a", [RET(1)]),
    ("b", [S(0.01), RET(2)]),
    loop_printer("s", 4),
])

# nested gathers, gather with return_exceptions and a cancelled child
SCENARIOS["gather_nested"] = ("asyncio", 1, [
    ("main", [SPAWN(9, 5), G([1, 2]), CATCHALL(), G([3, 4], 1), RET(0)]),
    ("inner1", [G([5, 6]), RET(0)]),
    ("inner2", [S(0.015), P("i2"), RET(3)]),
    ("r1", [RAISE("x")]),
    ("r2", [SPAWN(8, 6), CAN(8), AW(8)]),
    loop_printer("p", 2, 0.01),
    ("q", [S(0.005), P("q"), RET(5)]),
])

# wait_for: the caller is cancelled while waiting (child cancelled and
# waited for, then CancelledError); the child raises
SCENARIOS["wait_for_caller_cancelled"] = ("asyncio", 1, [
    ("main", [SPAWN(1, 1), S(0.02), CAN(1), CATCHALL(), AW(1),
              WF(3, 1.0), RET(0)]),
    ("waiter", [WF(2, 1.0), P("waiter-never")]),
    ("child", [CATCH(), S(0.5), P("child-cleanup"), S(0.01), RET(2)]),
    ("raiser", [S(0.01), RAISE("bad")]),
])

# a task that cancels itself: CancelledError at its next await; one that
# cancels itself and returns at once ends cancelled; cancel of a task that
# was already woken overrides the result
SCENARIOS["cancel_self_and_woken"] = ("asyncio", 1, [
    ("main", [SPAWN(1, 1), SPAWN(2, 2), SPAWN(3, 3), SPAWN(4, 4), S(0.02),
              CATCHALL(), AW(1), AW(2), AW(4), ST(2), RET(0)]),
    ("selfc", [CAN(1), P("still-running"), S(0), P("never")]),
    ("selfr", [CAN(2), RET(5)]),
    ("w", [S(0.01), P("w-woke"), RET(1)]),
    ("canceller", [S(0.01), CAN(3), P("c-done")]),
])

# cancelling a task that awaits gather(return_exceptions=True): children
# are cancelled, gather raises CancelledError when all are done
SCENARIOS["gather_rexc_cancelled"] = ("asyncio", 1, [
    ("main", [SPAWN(1, 1), S(0.01), CAN(1), CATCHALL(), AW(1), RET(0)]),
    ("g", [G([2, 3], 1), P("g-never")]),
    ("c1", [CATCH(), S(1), P("c1-clean"), S(0.01)]),
    ("c2", [S(1)]),
])

# builtins: with_timeout around a gather cancels the whole tree silently;
# a silently cancelled gather child counts as None
SCENARIOS["edge_timeout_gather"] = ("edge", 1, [
    ("m", [CATCHALL(), WT(0.05, 1), P("m-after"), S(1), RET(1)]),
    ("g", [EG([2, 3]), P("g-never")]),
    ("a", [S(0.02), P("a"), S(1), P("a-never")]),
    ("b", [S(1), P("b-never")]),
])

SCENARIOS["edge_cancel_in_gather"] = ("edge", 2, [
    ("m", [EG([2, 3]), RET(1)]),
    ("killer", [S(0.01), EC(0), P("k")]),
    ("a", [S(0.02), P("a"), RET(2)]),
    ("b", [S(0.03), P("b"), RET(3)]),
])


# ---------------------------------------------------------------------------
# random scenarios (differential fuzzing against CPython)
# ---------------------------------------------------------------------------

def random_scenario(rng, edge=False):
    """main spawns tasks 1..nt (slot i = script i); tasks may await/cancel
    only higher slots (no cycles); inline scripts nt+1.. call only higher
    inline scripts.  main ends by sleeping past every other timer, so
    nothing is pending at the end (CPython cancels leftovers in set order,
    which is unpredictable)."""
    nt = rng.randint(1, 4)
    ni = rng.randint(1, 4)
    first_inline = nt + 1
    delays = [0, 0, 0.01, 0.02, 0.05, 0.1, 0.03, -1, 0.3]
    scs = []

    def body(k, is_task):
        ops = []
        for _ in range(rng.randint(1, 6)):
            r = rng.random()
            higher_tasks = [i for i in range(k + 1, nt + 1)] if is_task else []
            higher_inl = [i for i in range(max(k + 1, first_inline), nt + ni + 1)]
            if r < 0.2:
                ops.append(P(f"{k}.{len(ops)}"))
            elif r < 0.45:
                ops.append(S(rng.choice(delays)))
            elif r < 0.52 and higher_tasks and not edge:
                ops.append(AW(rng.choice(higher_tasks)))
            elif r < 0.58 and higher_tasks:
                ops.append(EC(rng.choice(higher_tasks)) if edge
                           else CAN(rng.choice(higher_tasks)))
            elif r < 0.62:
                ops.append(CATCH() if rng.random() < 0.5 else CATCHALL())
            elif r < 0.66:
                ops.append(RAISE("r"))
            elif r < 0.74 and higher_inl:
                ops.append(INL(rng.choice(higher_inl)))
            elif r < 0.84 and higher_inl:
                js = [rng.choice(higher_inl) for _ in range(rng.randint(0, 3))]
                if edge:
                    ops.append(EG(js))
                else:
                    ops.append(G(js, 0) if rng.random() < 0.7 else G(js, 1))
            elif r < 0.94 and higher_inl:
                j = rng.choice(higher_inl)
                d = rng.choice([0.01, 0.02, 0.05, 0.1, 0.2, 0.0])
                if edge:
                    ops.append(WT(d or 0.04, j))
                else:
                    ops.append(WF(j, rng.choice([d, None]) if d else d))
            else:
                ops.append(P(f"{k}.{len(ops)}"))
        return ops + [RET(k if is_task else 0)]

    main = [SPAWN(i, i) for i in range(1, nt + 1)] if not edge else []
    main += body(0, True)
    main = [CATCHALL()] + main[:-1] + [S(50), RET(0)]
    scs.append(("m", main))
    for k in range(1, nt + ni + 1):
        scs.append((f"s{k}", body(k, k <= nt)))
    if edge:
        return ("edge", nt + 1, scs)
    return ("asyncio", 1, scs)


def fuzz_scenarios(n, seed):
    import random
    rng = random.Random(seed)
    out = {}
    for k in range(n):
        out[f"fuzz{k}"] = random_scenario(rng, edge=(k % 4 == 3))
    return out


# ---------------------------------------------------------------------------
# the interpreter on asyncio
# ---------------------------------------------------------------------------

TR = []
slots = {}


def script(sc, j):
    return run_script(sc, j)


async def run_script(sc, j):
    name, ops = sc[j]
    catch_c = catch_all = False
    pc = 0
    while True:
        k, i, jj, d, s, js = ops[pc]
        try:
            if k == "RETURN":
                return i
            if k == "PRINT":
                TR.append(s)
            elif k == "SLEEP":
                await asyncio.sleep(d)
            elif k == "SPAWN":
                slots[i] = asyncio.create_task(script(sc, jj))
            elif k == "AWAIT":
                v = await slots[i]
                TR.append(f"{name}={v}")
            elif k == "CANCEL":
                TR.append(f"{name}:cancel={int(slots[i].cancel())}")
            elif k == "RAISE":
                TR.append(f"{name}:raise")
                raise ValueError(s)
            elif k == "CATCH":
                catch_c = True
            elif k == "CATCHALL":
                catch_all = True
            elif k == "INLINE":
                v = await script(sc, jj)
                TR.append(f"{name}={v}")
            elif k == "GATHER":
                v = await asyncio.gather(*[script(sc, x) for x in js],
                                         return_exceptions=bool(i))
                if i:
                    v = ["None" if x is None else
                         (type(x).__name__ if isinstance(x, BaseException)
                          else x) for x in v]
                TR.append(f"{name}=[{','.join(str(x) for x in v)}]")
            elif k == "GATHER_T":
                v = await asyncio.gather(*[slots[x] for x in js])
                TR.append(f"{name}=[{','.join(str(x) for x in v)}]")
            elif k == "WAITFOR":
                v = await asyncio.wait_for(script(sc, jj), None if i else d)
                TR.append(f"{name}={v}")
            elif k == "EGATHER":
                v = await asyncc.gather(*[script(sc, x) for x in js])
                v = [0 if x is None else x for x in v]
                TR.append(f"{name}=[{','.join(str(x) for x in v)}]")
            elif k == "WTIMEOUT":
                v = await asyncc.with_timeout(d, script(sc, jj))
                TR.append(f"{name}={0 if v is None else v}")
            elif k == "ECANCEL":
                asyncc.cancel(slots[i])
            elif k == "STATE":
                t = slots[i]
                TR.append(f"{name}:done={int(t.done())},"
                          f"cancelled={int(t.cancelled())}")
        except BaseException as e:  # noqa: B902
            if (catch_c and isinstance(e, asyncio.CancelledError)) or catch_all:
                TR.append(f"{name}:caught:{type(e).__name__}")
                pc += 1
                continue
            TR.append(f"{name}!{type(e).__name__}")
            raise
        pc += 1
        if pc >= len(ops):
            return 0


def run_one(name):
    mode, nmain, sc = SCENARIOS[name]
    TR.clear()
    slots.clear()
    asyncc.install_virtual_clock()
    try:
        if mode == "asyncio":
            v = asyncio.run(script(sc, 0))
        else:
            cs = [script(sc, k) for k in range(nmain)]
            for k, c in enumerate(cs):
                slots[k] = c
            v = asyncc.run(*cs)
        TR.append(f"run={0 if v is None else v}")
    except BaseException as e:  # noqa: B902
        TR.append(f"run!{type(e).__name__}")
    return " ".join(TR)


# ---------------------------------------------------------------------------
# C emission
# ---------------------------------------------------------------------------

def c_str(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def emit(scenarios=None, guard="SCHED_EXPECTED_H"):
    scenarios = SCENARIOS if scenarios is None else scenarios
    out = ["/* Generated by tests/runtime/py/sched_scenarios.py -- do not edit.",
           " * Expected traces come from CPython " +
           ".".join(map(str, sys.version_info[:3])) +
           " on the asyncc module's virtual clock. */",
           f"#ifndef {guard}", f"#define {guard}", ""]
    table = []
    for name, (mode, nmain, sc) in scenarios.items():
        SCENARIOS[name] = (mode, nmain, sc)
        for j, (sname, ops) in enumerate(sc):
            rows = []
            for n, (k, i, jj, d, s, js) in enumerate(ops):
                jsn = "NULL"
                if js is not None:
                    jsn = f"js_{name}_{j}_{n}"
                    out.append(f"static const int {jsn}[] = {{" +
                               ", ".join(str(x) for x in list(js) + [-1]) +
                               "};")
                rows.append(f"    {{OP_{k}, {i}, {jj}, {d!r}, "
                            f"{c_str(s) if s is not None else 'NULL'}, {jsn}}},")
            out.append(f"static const op ops_{name}_{j}[] = {{")
            out += rows
            out.append("    {OP_END, 0, 0, 0.0, NULL, NULL}")
            out.append("};")
        out.append(f"static const script sc_{name}[] = {{")
        out += [f"    {{{c_str(sname)}, ops_{name}_{j}}},"
                for j, (sname, _) in enumerate(sc)]
        out.append("};")
        out.append(f"static const char exp_{name}[] = {c_str(run_one(name))};")
        out.append("")
        table.append(f"    {{{c_str(name)}, sc_{name}, {int(mode == 'edge')}, "
                     f"{nmain}, exp_{name}}},")
    out.append("#ifndef SCENARIO_T")
    out.append("#define SCENARIO_T")
    out.append("typedef struct scenario { const char *name; const script *sc;"
               " int edge, nmain; const char *expected; } scenario;")
    out.append("#endif")
    out.append("static const scenario all_scenarios[] = {")
    out += table
    out.append("};")
    out.append("#endif")
    print("\n".join(out))


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "--show":
        if sys.argv[2].startswith("fuzz"):
            SCENARIOS.update(fuzz_scenarios(int(sys.argv[2][4:]) + 1,
                                            int(os.environ.get("SEED", "1"))))
        print(run_one(sys.argv[2]))
    elif len(sys.argv) > 3 and sys.argv[1] == "--fuzz":
        emit(fuzz_scenarios(int(sys.argv[2]), int(sys.argv[3])),
             "SCHED_FUZZ_H")
    else:
        emit()
