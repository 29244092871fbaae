# Benchmark-style: one variable mixing int and float in a hot loop.  As a
# tagged union it allocates nothing per step (tests/test_union_alloc.py runs
# it with ASYNCC_FAIL_ALLOC set well below the number of steps; the same
# loop over a boxed object fails there).


def mixed(n):
    x = 0
    peak = None
    for i in range(n):
        if i % 3 == 0:
            x = x + 0.5
        else:
            x = x + 1
        if x > 1000:
            x = x // 7
        if peak is None or x > peak:
            peak = x
    print("peak", peak)
    return x


print(mixed(200000))
