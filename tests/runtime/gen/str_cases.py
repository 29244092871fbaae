# Regenerates the case tables of tests/runtime/test_str.c from CPython:
#   python3 tests/runtime/gen/str_cases.py
import math, sys
def cstr(s):
    if s is None: return 'NULL'
    out = '"'
    for ch in s.encode('utf-8'):
        c = chr(ch)
        if c in '"\\': out += '\\' + c
        elif 32 <= ch < 127 and c != '?': out += c
        else: out += '\\%03o' % ch
    return out + '"'
def cfloat(v):
    if math.isnan(v): return 'NAN'
    if math.isinf(v): return '-INFINITY' if v < 0 else 'INFINITY'
    return repr(v)
def err(f):
    try: return None, f()
    except Exception as e: return e, None
P = print
P('/* generated from CPython %s */' % sys.version.split()[0])
floats = [0.1, 1e-05, 1e16, 123456789012345678.0, 5e-324, 1.7976931348623157e308, -0.0, 0.0, math.nan, math.inf, -math.inf, 2.5, 1/3,
          100.0, 1e15, 9999999999999998.0, 0.0001, 0.00012345, 1.5e-10, 1e22, 1e23, -1.5, 2**53+0.0, 0.30000000000000004, 1.1, 3.14159,
          123.456, 1e-7, 2.2250738585072014e-308, 4.35, 0.1+0.2, 1e100, 12345678.9, 1.0/7, 100.5, 6.02214076e23]
P('static const struct { double v; const char *want; } float_reprs[] = {')
for f in floats: P('    {%s, %s},' % (cfloat(f), cstr(repr(f))))
P('};')
strs = ['', 'abc', "it's", 'say "hi"', 'both \' and "', 'tab\there', 'nl\n', 'cr\r', 'back\\slash', '\x01\x1f\x7f', 'é', 'héllo wörld',
        '\x80\x9f', '\xa0', '\xad', '日本語', '\u2028', '\u200b', '\ufeff', '😀', '\U000e0001', "'", '"', '\'"']
P('static const struct { const char *s; const char *want; } str_reprs[] = {')
for s in strs: P('    {%s, %s},' % (cstr(s), cstr(repr(s))))
P('};')
ints = [('0',10),('42',10),('-42',10),('+7',10),('  12  ',10),('\t\n12\x0b',10),('1_000',10),('1__000',10),('_1',10),('1_',10),('',10),(' ',10),('x',10),('1.5',10),
        ('9223372036854775807',10),('-9223372036854775808',10),('0x1f',16),('1f',16),('0X1F',16),('0x_1f',16),('0x',16),('0b101',0),('0o17',0),('0x1f',0),('010',0),
        ('0',0),('00',0),('0_0',0),('10',0),('z',36),('Z',36),('12',3),('3',3),('101',2),('0b101',2),('0b101',16),('١٢',10),('12',1),('12',37),('+-1',10),('- 1',10),('1 2',10),("'",10),('08',8)]
P('static const struct { const char *s; int64_t base; const ac_class *exc; int64_t want; const char *msg; } int_parses[] = {')
for s, b in ints:
    if s == '١٢': continue   # Unicode digits: documented as unsupported
    e, r = err(lambda: int(s, b))
    if e is None: P('    {%s, %d, NULL, %dLL, NULL},' % (cstr(s), b, r) if r != -2**63 else '    {%s, %d, NULL, -9223372036854775807LL - 1, NULL},' % (cstr(s), b))
    else: P('    {%s, %d, &ac_cls_%s, 0, %s},' % (cstr(s), b, type(e).__name__, cstr(str(e))))
P('};')
fl = ['1.5','  -2.25\n','1e5','1E-5','.5','5.','5.e3','-.5e-3','1_000.5','1_0e1_0','inf','-Infinity','+iNf','nan','-NaN','INFINITY','1e400','-1e400','1e-400',
      '0x10','1__0','_1','1_','1._5','1e','e5','.','','  ','abc','1.5.5','in','infinit','nan1','1e+','++1','1 2','0.1','123456789012345678901234567890','4.35','1e-320']
P('static const struct { const char *s; const ac_class *exc; const char *want; } float_parses[] = {')
for s in fl:
    e, r = err(lambda: float(s))
    if e is None: P('    {%s, NULL, %s},' % (cstr(s), cstr(repr(r))))
    else: P('    {%s, &ac_cls_%s, %s},' % (cstr(s), type(e).__name__, cstr(str(e))))
P('};')
# operations whose result is a value; result printed as repr(result)
ops = []
def op(name, s, a=None, b=None, n=0, call=None):
    e, r = err(call)
    ops.append((name, s, a, b, n, e, r))
S = ['hello world', '  a  b\tc \n', 'aXbXXc', 'héllo wörld', '', 'abcabc', 'mississippi', 'x']
for s in S:
    op('split', s, None, None, -1, lambda: s.split())
    op('split', s, 'X', None, -1, lambda: s.split('X'))
    op('split', s, 'X', None, 1, lambda: s.split('X', 1))
    op('split', s, None, None, 1, lambda: s.split(None, 1))
    op('split', s, 'ss', None, -1, lambda: s.split('ss'))
    op('strip', s, None, None, 0, lambda: s.strip())
    op('lstrip', s, None, None, 0, lambda: s.lstrip())
    op('rstrip', s, None, None, 0, lambda: s.rstrip())
    op('strip', s, 'hdx', None, 0, lambda: s.strip('hdx'))
    op('upper', s, None, None, 0, lambda: s.upper())
    op('lower', s, None, None, 0, lambda: s.lower())
    op('find', s, 'o', None, 0, lambda: s.find('o'))
    op('rfind', s, 'o', None, 0, lambda: s.rfind('o'))
    op('find', s, 'ss', None, 0, lambda: s.find('ss'))
    op('rfind', s, '', None, 0, lambda: s.rfind(''))
    op('count', s, 'ss', None, 0, lambda: s.count('ss'))
    op('count', s, '', None, 0, lambda: s.count(''))
    op('replace', s, 'l', 'L', -1, lambda: s.replace('l', 'L'))
    op('replace', s, 'X', '--', 1, lambda: s.replace('X', '--', 1))
    op('replace', s, '', '-', -1, lambda: s.replace('', '-'))
    op('replace', s, '', '-', 2, lambda: s.replace('', '-', 2))
    op('startswith', s, 'he', None, 0, lambda: s.startswith('he'))
    op('endswith', s, 'ld', None, 0, lambda: s.endswith('ld'))
    op('contains', s, 'ss', None, 0, lambda: 'ss' in s)
    op('isdigit', s, None, None, 0, lambda: s.isdigit())
    op('isalpha', s, None, None, 0, lambda: s.isalpha())
    op('isspace', s, None, None, 0, lambda: s.isspace())
    op('len', s, None, None, 0, lambda: len(s))
    op('repeat', s, None, None, 3, lambda: s * 3)
    op('repeat', s, None, None, -1, lambda: s * -1)
    for i in (0, 1, -1, 4, 11, -12):
        op('index', s, None, None, i, lambda: s[i])
op('split', 'a,b,,c', ',', None, -1, lambda: 'a,b,,c'.split(','))
op('split', 'abc', '', None, -1, lambda: 'abc'.split(''))
op('split', '  a b  c  ', None, None, 1, lambda: '  a b  c  '.split(None, 1))
op('split', '  a b  c  ', None, None, 2, lambda: '  a b  c  '.split(None, 2))
op('split', 'a\u3000b\xa0c\x1cd', None, None, -1, lambda: 'a\u3000b\xa0c\x1cd'.split())
op('strip', 'xxhixx', 'x', None, 0, lambda: 'xxhixx'.strip('x'))
op('lstrip', 'ééaé', 'é', None, 0, lambda: 'ééaé'.lstrip('é'))
op('rstrip', 'ééaé', 'é', None, 0, lambda: 'ééaé'.rstrip('é'))
op('upper', 'straße ÿ ı', None, None, 0, lambda: 'straße ÿ ı'.upper())
op('lower', 'ÀÉÎ ΑΒΓ АБВ Ё', None, None, 0, lambda: 'ÀÉÎ ΑΒΓ АБВ Ё'.lower())
op('upper', 'àéî αβγ абв ё', None, None, 0, lambda: 'àéî αβγ абв ё'.upper())
op('isdigit', '0123456789', None, None, 0, lambda: '0123456789'.isdigit())
op('isdigit', '²', None, None, 0, lambda: '²'.isdigit())
op('isalpha', 'héllo', None, None, 0, lambda: 'héllo'.isalpha())
op('isalpha', '日本', None, None, 0, lambda: '日本'.isalpha())
op('isalpha', 'a1', None, None, 0, lambda: 'a1'.isalpha())
op('isspace', ' \t\n\u3000', None, None, 0, lambda: ' \t\n\u3000'.isspace())
op('find', 'héllo', 'l', None, 0, lambda: 'héllo'.find('l'))
op('rfind', 'héllo', 'l', None, 0, lambda: 'héllo'.rfind('l'))
ops = [o for o in ops if not (o[0] == 'upper' and 'ǆ' in o[1])]
P('static const struct { const char *op; const char *s, *a, *b; int64_t n; const ac_class *exc; const char *want; } str_ops[] = {')
for name, s, a, b, n, e, r in ops:
    if e is None: P('    {%s, %s, %s, %s, %d, NULL, %s},' % (cstr(name), cstr(s), cstr(a), cstr(b), n, cstr(repr(r))))
    else: P('    {%s, %s, %s, %s, %d, &ac_cls_%s, %s},' % (cstr(name), cstr(s), cstr(a), cstr(b), n, type(e).__name__, cstr(str(e))))
P('};')
# slices: (s, start, stop, step) with None = absent
sl = []
for s in ['abcdefgh', 'héllo wörld', '']:
    for st in (None, 0, 2, -3, 100, -100):
        for sp in (None, 5, -2, 0, 100, -100):
            for stp in (None, 1, 2, -1, -2, 3, 0):
                e, r = err(lambda: s[st:sp:stp])
                sl.append((s, st, sp, stp, e, r))
P('static const struct { const char *s; int hs; int64_t st; int hp; int64_t sp; int hk; int64_t k; const ac_class *exc; const char *want; } str_slices[] = {')
def o(x): return '0, 0' if x is None else '1, %d' % x
for s, st, sp, stp, e, r in sl:
    P('    {%s, %s, %s, %s, %s, %s},' % (cstr(s), o(st), o(sp), o(stp), 'NULL' if e is None else '&ac_cls_' + type(e).__name__, cstr(r if e is None else str(e))))
P('};')
