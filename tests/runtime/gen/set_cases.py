# Regenerates tests/runtime/set_cases.inc from CPython (the iteration order
# of int and tuple sets after every kind of operation):
#   python3 tests/runtime/gen/set_cases.py > tests/runtime/set_cases.inc
import random, sys
rnd = random.Random(14)
OPS = ['build', 'copy', 'or', 'and', 'sub', 'xor', 'ior', 'iand', 'isub', 'ixor', 'pop', 'pairs', 'literal', 'tliteral', 'ulist', 'ilist', 'dlist', 'xlist', 'uplist']
def ints(n):
    kind = rnd.randrange(4)
    if kind == 0: return [rnd.randrange(-20, 60) for _ in range(n)]
    if kind == 1: return [rnd.randrange(0, 10**6) for _ in range(n)]
    if kind == 2: return [rnd.randrange(-2**62, 2**62) for _ in range(n)]
    return [rnd.randrange(0, 8) * 32 + rnd.randrange(3) for _ in range(n)]
def build(adds, drops, more):
    s = set()
    for x in adds: s.add(x)
    for x in drops: s.discard(x)
    for x in more: s.add(x)
    return s
rows = []
for k in range(300):
    op = OPS[k % len(OPS)]
    n = rnd.choice([0, 1, 3, 5, 6, 9, 17, 30, 60, 90])
    a, b, c = ints(n), ints(rnd.choice([0, 2, 5, 12, 40])), ints(rnd.choice([0, 3, 8]))
    if rnd.random() < 0.5: b = rnd.sample(a, min(len(a), len(b))) + b[:2]
    s = build(a, b, c)
    t = build(c + b[:3], [], a[::3])
    if op == 'build': r = repr(s)
    elif op == 'copy': r = repr(set(s))
    elif op == 'or': r = repr(s | t)
    elif op == 'and': r = repr(s & t)
    elif op == 'sub': r = repr(s - t)
    elif op == 'xor': r = repr(s ^ t)
    elif op == 'ior': s |= t; r = repr(s)
    elif op == 'iand': s &= t; r = repr(s)
    elif op == 'isub': s -= t; r = repr(s)
    elif op == 'ixor': s ^= t; r = repr(s)
    elif op == 'pop':
        got = [s.pop() for _ in range(min(len(s), 4))]
        s.add(a[0] if a else 1)
        r = repr(got) + repr(s)
    elif op == 'ulist': r = repr(s.union(c + b))      # list arguments: item by item
    elif op == 'ilist': r = repr(s.intersection(c + b))
    elif op == 'dlist': r = repr(s.difference(c + b))
    elif op == 'xlist': r = repr(s.symmetric_difference(c + b))
    elif op == 'uplist': s.update(c + b); r = repr(s)
    elif op == 'literal':     # a display of constants, compiled by CPython
        r = repr(eval('{%s}' % ', '.join(map(repr, a)))) if a else 'set()'
    elif op == 'tliteral':
        a = [(x, y) for x, y in zip(a, a[1:] + [7])]
        r = repr(eval('{%s}' % ', '.join(map(repr, a)))) if a else 'set()'
    else:
        a = [(x, y) for x, y in zip(a, a[1:] + [7])]
        r = repr(set(a))
    rows.append((op, a, b, c, r))
print('/* generated from CPython %s */' % sys.version.split()[0])
def arr(v):
    if v and isinstance(v[0], tuple): v = [z for p in v for z in p]
    return '{%s}' % ', '.join('%dLL' % x for x in v) if v else '{0}'
print('static const int64_t *const set_case_items[][3] = {')
for op, a, b, c, r in rows:
    print('    {(const int64_t[])%s, (const int64_t[])%s, (const int64_t[])%s},' % (arr(a), arr(b), arr(c)))
print('};')
print('static const struct { const char *op; int na, nb, nc; const char *want; } set_cases[] = {')
for op, a, b, c, r in rows:
    print('    {"%s", %d, %d, %d, "%s"},' % (op, len(a), len(b), len(c), r))
print('};')
