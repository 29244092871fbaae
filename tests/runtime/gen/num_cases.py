# Regenerates tests/runtime/num_cases.inc from CPython:
#   python3 tests/runtime/gen/num_cases.py > tests/runtime/num_cases.inc
import math, sys
def cstr(s): return '"' + s.replace('\\', '\\\\').replace('"', '\\"').replace('\n', '\\n') + '"'
def cf(v):
    if math.isnan(v): return 'NAN'
    if math.isinf(v): return '-INFINITY' if v < 0 else 'INFINITY'
    return repr(v)
def run(f):
    try: return None, f()
    except Exception as e: return e, None
print('/* generated from CPython %s */' % sys.version.split()[0])
rows = []
vals = [7, -7, 3, -3, 0, 1, -1, 6, -6, 2**62, -2**63]
for a in vals:
    for b in [3, -3, 0, 7, -7, 1, -1, 2, 6]:
        for name, f in [('floordiv', lambda: a // b), ('mod', lambda: a % b), ('truediv', lambda: a / b)]:
            e, r = run(f)
            if e is None and isinstance(r, int) and not -2**63 <= r < 2**63: continue
            rows.append((name, a, b, e, r))
for a, b in [(2, 10), (-2, 3), (3, 0), (0, 0), (-1, 63), (2, 62), (7, 2), (0, 5), (10, 18)]:
    rows.append(('pow', a, b) + run(lambda: a ** b))
for a, b in [(1, 3), (-1, 3), (5, 0), (1, 62), (-1, 63), (1, -1), (5, 1), (-5, 1), (-1, 100), (12345, 100), (-8, 2), (7, -2)]:
    rows.append(('lshift', a, b) + run(lambda: a << b))
    rows.append(('rshift', a, b) + run(lambda: a >> b))
print('static const struct { const char *op; int64_t a, b; const ac_class *exc; const char *want; } int_ops[] = {')
def ci(v): return '(-9223372036854775807LL - 1)' if v == -2**63 else '%dLL' % v
for op, a, b, e, r in rows:
    if e is None:
        if isinstance(r, int) and not -2**63 <= r < 2**63: continue
        print('    {%s, %s, %s, NULL, %s},' % (cstr(op), ci(a), ci(b), cstr(repr(r))))
    else: print('    {%s, %s, %s, &ac_cls_%s, %s},' % (cstr(op), ci(a), ci(b), type(e).__name__, cstr(str(e))))
print('};')
rows = []
fv = [7.5, -7.5, 3.0, -3.0, 0.0, -0.0, 0.1, math.inf, -math.inf, math.nan, 1e308, 2.0]
for a in fv:
    for b in [2.0, -2.0, 0.0, 0.1, math.inf, -math.inf, 3.0, -0.0]:
        rows.append(('div', a, b) + run(lambda: a / b))
        rows.append(('floordiv', a, b) + run(lambda: a // b))
        rows.append(('mod', a, b) + run(lambda: a % b))
for a, b in [(2.0, 10.0), (2.0, 0.5), (0.0, -1.0), (0.0, 0.0), (-0.0, 3.0), (-0.0, 2.0), (10.0, 400.0), (10.0, -400.0), (math.nan, 0.0), (1.0, math.nan),
             (-2.0, 3.0), (-2.0, 2.0), (math.inf, -1.0), (-math.inf, 3.0), (-math.inf, 2.0), (0.5, math.inf), (2.0, -math.inf), (-1.0, math.inf), (1.5, 2.5), (-8.0, 1.0/3)]:
    e, r = run(lambda: a ** b)
    if isinstance(r, complex): continue
    rows.append(('pow', a, b, e, r))
for a in [2.5, 3.5, -2.5, 0.5, -0.5, 1.5, 2.675, -7.9, 7.9, 1e18, 9.2e18, -9.3e18, math.nan, math.inf, -math.inf, 0.49999999999999994, 4503599627370497.0]:
    rows.append(('round', a, 0.0) + run(lambda: round(a)))
    rows.append(('int', a, 0.0) + run(lambda: int(a)))
print('static const struct { const char *op; double a, b; const ac_class *exc; const char *want; } float_ops[] = {')
for op, a, b, e, r in rows:
    if e is None:
        if isinstance(r, int) and not -2**63 <= r < 2**63: continue
        print('    {%s, %s, %s, NULL, %s},' % (cstr(op), cf(a), cf(b), cstr(repr(r))))
    else: print('    {%s, %s, %s, &ac_cls_%s, %s},' % (cstr(op), cf(a), cf(b), type(e).__name__, cstr(str(e))))
print('};')
# exceptions: str(), repr() and the uncaught-report last line
print('static const struct { const char *cls; int nargs; const char *a0; int64_t a1; const char *str, *repr; } exc_cases[] = {')
for cls, args in [('ValueError', ()), ('ValueError', ('x',)), ('ValueError', ('a', 1)), ('KeyError', ('x',)), ('KeyError', ()), ('KeyError', ('a', 2)),
                  ('TypeError', ("it's",)), ('RuntimeError', ('',)), ('IndexError', ('a\nb',))]:
    e = getattr(__builtins__, cls)(*args)
    a0 = args[0] if args else None
    a1 = args[1] if len(args) > 1 else 0
    print('    {%s, %d, %s, %d, %s, %s},' % (cstr(cls), len(args), cstr(a0) if a0 is not None else 'NULL', a1, cstr(str(e)), cstr(repr(e))))
print('};')
