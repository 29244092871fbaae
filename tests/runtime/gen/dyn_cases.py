# Regenerates tests/runtime/dyn_cases.inc from CPython: every operation on
# every pair of sample values held as `object`, with its result's repr or
# the exception CPython raises.
#   python3 tests/runtime/gen/dyn_cases.py > tests/runtime/dyn_cases.inc
import sys

# (Python expression, index into the C test's value table); test_dyn.c
# builds the same values in the same order.
VALUES = ["0", "3", "-7", "True", "False", "2.5", "-0.5", "'a'", "'bc'", "None",
          "[1, 2]", "[1, 'a']", "(1, 'a')", "ValueError('x')"]
BINOPS = ["+", "-", "*", "/", "//", "%", "**", "<<", ">>", "&", "|", "^",
          "<", "<=", ">", ">=", "==", "!="]
UNARY = ["-", "+", "~"]


def cstr(s):
    return '"' + s.replace('\\', '\\\\').replace('"', '\\"') + '"'


def run(f):
    try:
        return "ok", repr(f())
    except Exception as e:
        return type(e).__name__, str(e)


def skip(op, a, b):
    """Where asyncc documents a difference (asyncc_rt.h, DESIGN.md)."""
    if op == "%" and isinstance(a, str):
        return True      # printf-style formatting: not supported
    if op == "**" and isinstance(a, (int, float)) and a < 0 and isinstance(b, float) \
            and b != int(b):
        return True      # complex results: ValueError (no complex numbers)
    return False


rows = []
for i, x in enumerate(VALUES):
    a = eval(x)
    for j, y in enumerate(VALUES):
        b = eval(y)
        for op in BINOPS:
            if skip(op, a, b):
                continue
            rows.append((op, i, j) + run(lambda: eval("a %s b" % op)))
        rows.append(("in", i, j) + run(lambda: a in b))
        rows.append(("[]", i, j) + run(lambda: a[b]))
    for op in UNARY:
        rows.append(("u" + op, i, 0) + run(lambda: eval("%s a" % op)))
    rows.append(("str", i, 0) + run(lambda: str(a)))
    rows.append(("bool", i, 0) + run(lambda: bool(a)))
    rows.append(("len", i, 0) + run(lambda: len(a)))
    rows.append(("type", i, 0) + run(lambda: type(a).__name__))
    # str hashes differ per CPython process, so tuples holding one too
    if not isinstance(a, (str, tuple, Exception)) and a is not None:
        rows.append(("hash", i, 0) + run(lambda: hash(a)))
    for k, spec in enumerate(["", ">6", ".2f", "d"]):
        rows.append(("format", i, k) + run(lambda: format(a, spec)))

print("/* generated from CPython %s by gen/dyn_cases.py */" % sys.version.split()[0])
print("static const struct { const char *op; int a, b; const char *exc, *want; } dyn_cases[] = {")
for op, i, j, exc, want in rows:
    print("    {%s, %d, %d, %s, %s}," % (cstr(op), i, j, cstr(exc), cstr(want)))
print("};")
print("static const char *const dyn_specs[] = {\"\", \">6\", \".2f\", \"d\"};")
