"""Seeded generator of small statically typed programs in the asyncc dialect.

gen_program(seed, suffix="") returns the source text of one program: module
constants, an exception class, a few typed helper functions and
``def main{suffix}() -> None``.  Every top-level name carries ``suffix`` so
that several programs can be concatenated into one batch file.  The text
depends only on the seed (the suffix is spliced into names, it never changes
a random choice).

Rules the generator keeps so that CPython and asyncc must agree:
* every variable has one type; locals are declared (annotated) at the top
  level of their function before any use; loop variables, loop counters and
  ``except ... as`` names are unique per loop/handler and never used outside;
* ints stay far from 64-bit overflow: every int expression carries a bound on
  its magnitude, int variables are clamped (``% M``) to at most 10**4 and no
  intermediate may exceed 2**53;
* ``**`` only with small non-negative int literal exponents; no
  transcendental functions; floats come from + - * / // % and literals;
* operations that may raise (division by a variable, indexing, pop, index,
  min/max of a list) are wrapped in try/except most of the time; raised
  exceptions are also generated explicitly;
* dicts (str keys, int values: insertion order, get/pop/setdefault, views,
  comprehensions, del), one small class hierarchy per program (Box, with
  __init__, a class attribute, __repr__/__eq__/__lt__, a subclass that
  overrides a method through super()) and closures are the issue-14 parts;
  no set, generators, imports, or anything else outside the dialect.
Programs of odd seeds are printed with every annotation stripped
(tests/strip_annotations.py), so half of them test type inference.
"""

import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import strip_annotations  # noqa: E402

V = 10 ** 4          # bound of every int variable
LIM = 2 ** 53        # bound of every intermediate int value
INF = float("inf")

EXC_BUILTIN = ["ValueError", "KeyError", "IndexError", "RuntimeError",
               "ZeroDivisionError", "AssertionError", "OverflowError"]

ASCII_WORDS = ["a", "b", "ab", "abc", "xyz", "hello", "Async", "C99", "  pad  ",
               "a,b,c", "x y z", "it's", 'say "hi"', "back\\slash", "tab\there",
               "new\nline", "", "MiXeD", "1234", "-42", "__", "end."]
UNICODE_WORDS = ["café", "ß", "日本", "naïve", "Ω", "😀"]


def q(s):
    """A Python string literal for s (double-quoted unless that needs escapes)."""
    r = repr(s)
    return r


class Scope:
    def __init__(self):
        self.vars = {}           # name -> type
        self.counter = 0

    def of(self, t):
        return [n for n, ty in self.vars.items() if ty == t]


class Gen:
    def __init__(self, seed, suffix="", unicode=False):
        self.r = random.Random(seed)
        self.sx = suffix
        self.words = ASCII_WORDS + (UNICODE_WORDS if unicode else [])
        self.lines = []
        self.indent = 0
        self.scope = None
        self.funcs = []          # (name, [(pname, ptype)], rtype)
        self.consts = {}         # name -> (type, bound)
        self.uniq = 0
        self.loop_depth = 0
        self.risky = set()       # exceptions the current statement may raise
        self.exc_class = "GenError" + suffix
        self.stmt_budget = 0
        self.depth_budget = 3
        self.allow_inf = False

    # -- helpers -----------------------------------------------------------
    def chance(self, p):
        return self.r.random() < p

    def pick(self, xs):
        return self.r.choice(xs)

    def emit(self, line):
        self.lines.append("    " * self.indent + line)

    def fresh(self, prefix):
        self.uniq += 1
        return f"{prefix}{self.uniq}"

    def int_lit(self, lo=-20, hi=20, nonzero=False):
        while True:
            v = self.r.randint(lo, hi)
            if not nonzero or v != 0:
                return v

    def float_lit(self, nonzero=False):
        while True:
            v = self.pick([
                self.r.randint(-999, 999) / 100,
                self.r.randint(-99, 99) / 4,
                self.pick([0.1, 0.2, 0.3, 0.5, 1.5, 2.5, -0.5, 1e-3, 100.0,
                           3.0, -7.25, 0.0, 1e5, 2.0, 0.7]),
            ])
            if not nonzero or v != 0:
                return v

    def str_lit(self):
        return self.pick(self.words)

    # -- int expressions: return (code, bound) ------------------------------
    def int_atom(self):
        opts = []
        vs = self.scope.of("int")
        if vs:
            opts += [("var", 4)]
        consts = [n for n, (t, b) in self.consts.items() if t == "int"]
        if consts:
            opts += [("const", 1)]
        opts += [("lit", 3)]
        kind = self.weighted(opts)
        if kind == "var":
            return self.pick(vs), V
        if kind == "const":
            n = self.pick(consts)
            return n, self.consts[n][1]
        v = self.int_lit(-30, 30)
        return (f"({v})" if v < 0 else str(v)), abs(v)

    def weighted(self, opts):
        total = sum(w for _, w in opts)
        x = self.r.uniform(0, total)
        for k, w in opts:
            x -= w
            if x <= 0:
                return k
        return opts[-1][0]

    def int_expr(self, depth=None):
        if depth is None:
            depth = self.r.randint(1, self.depth_budget)
        for _ in range(20):
            code, b = self._int_expr(depth)
            if b <= LIM:
                return code, b
        return self.int_atom()

    def _int_expr(self, depth):
        if depth <= 0 or self.chance(0.2):
            return self.int_atom()
        k = self.weighted([("add", 4), ("sub", 3), ("mul", 3), ("fdiv", 2),
                           ("mod", 2), ("pow", 1), ("neg", 1), ("abs", 1),
                           ("minmax", 1), ("len", 1), ("find", 1),
                           ("cond", 1), ("conv", 1), ("call", 1), ("listop", 1),
                           ("negpow", 0.5)])
        d = depth - 1
        if k in ("add", "sub"):
            (a, ba), (c, bc) = self.int_expr(d), self.int_expr(d)
            return f"({a} {'+' if k == 'add' else '-'} {c})", ba + bc
        if k == "mul":
            (a, ba), (c, bc) = self.int_expr(d), self.int_expr(d)
            return f"({a} * {c})", ba * bc
        if k in ("fdiv", "mod"):
            a, ba = self.int_expr(d)
            op = "//" if k == "fdiv" else "%"
            dv, bd = self.divisor_int()
            return f"({a} {op} {dv})", (ba if k == "fdiv" else bd)
        if k == "pow":
            a, ba = self.int_atom()
            e = self.r.randint(0, 3)
            return f"({a} ** {e})", max(1, ba) ** e
        if k == "negpow":
            a, ba = self.int_atom()
            if a.startswith("("):
                return self.int_atom()
            e = self.r.randint(0, 3)
            return f"(-{a} ** {e})", max(1, ba) ** e
        if k == "neg":
            a, ba = self.int_expr(d)
            return f"(-{a})", ba
        if k == "abs":
            a, ba = self.int_expr(d)
            return f"abs({a})", ba
        if k == "minmax":
            (a, ba), (c, bc) = self.int_expr(d), self.int_expr(d)
            return f"{self.pick(['min', 'max'])}({a}, {c})", max(ba, bc)
        if k == "len":
            if self.chance(0.5):
                return f"len({self.str_expr(d)})", 10 ** 4
            t = self.pick(["list[int]", "list[str]", "list[float]"])
            return f"len({self.list_expr(t, d)})", 10 ** 4
        if k == "find":
            return f"{self.str_atom()}.find({q(self.pick(['a', 'b', 'c', ' ', 'ab', 'z']))})", 10 ** 4
        if k == "cond":
            (a, ba), (c, bc) = self.int_expr(d), self.int_expr(d)
            return f"({a} if {self.bool_expr(d)} else {c})", max(ba, bc)
        if k == "conv":
            if self.chance(0.5):
                a, ba = self.int_expr(d)
                return f"int(str({a}))", ba
            a, ba = self.float_expr(d)
            if ba > 1e15:
                return self.int_atom()
            return f"int({a})", ba
        if k == "call":
            c = self.call_of("int")
            return (c, V) if c else self.int_atom()
        if k == "listop":
            xs = self.scope.of("list[int]")
            if not xs:
                return self.int_atom()
            x = self.pick(xs)
            op = self.pick(["sum", "len", "index", "min", "max"])
            if op == "sum":
                return f"sum({x})", V * 2000
            if op == "len":
                return f"len({x})", 10 ** 4
            if op == "index":
                self.risky.add("ValueError")
                a, _ = self.int_atom()
                return f"{x}.index({a})", 10 ** 4
            self.risky.add("ValueError")
            return f"{op}({x})", V
        return self.int_atom()

    def divisor_int(self):
        vs = self.scope.of("int")
        k = self.weighted([("lit", 4), ("guard", 2), ("raw", 1 if vs else 0)])
        if k == "lit" or not vs:
            v = self.int_lit(-9, 9, nonzero=True)
            return (f"({v})" if v < 0 else str(v)), abs(v)
        v = self.pick(vs)
        if k == "guard":
            return f"({v} if {v} != 0 else {self.int_lit(1, 7)})", V
        self.risky.add("ZeroDivisionError")
        return v, V

    # -- float expressions: (code, bound) -----------------------------------
    def float_atom(self):
        vs = self.scope.of("float")
        consts = [n for n, (t, b) in self.consts.items() if t == "float"]
        k = self.weighted([("var", 4 if vs else 0), ("const", 1 if consts else 0),
                           ("lit", 3), ("int", 1)])
        if k == "var":
            return self.pick(vs), float(V)
        if k == "const":
            n = self.pick(consts)
            return n, self.consts[n][1]
        if k == "int":
            a, b = self.int_atom()
            return f"float({a})", float(b)
        v = self.float_lit()
        return (f"({v!r})" if v < 0 or str(v).startswith("-") else repr(v)), abs(v)

    def float_expr(self, depth=None, allow_inf=False):
        """allow_inf: the value may be huge (division by a variable); only
        for values that are printed or clamped with %, never converted."""
        if depth is None:
            depth = self.r.randint(1, self.depth_budget)
        saved = self.allow_inf
        self.allow_inf = allow_inf
        try:
            for _ in range(20):
                code, b = self._float_expr(depth)
                if b <= 1e15 or (allow_inf and b == INF):
                    return code, b
            return self.float_atom()
        finally:
            self.allow_inf = saved

    def _float_expr(self, depth):
        if depth <= 0 or self.chance(0.2):
            return self.float_atom()
        d = depth - 1
        k = self.weighted([("add", 4), ("sub", 3), ("mul", 3), ("div", 2),
                           ("truediv", 2), ("fdiv", 1), ("mod", 1), ("pow", 1),
                           ("neg", 1), ("abs", 1), ("minmax", 1), ("mix", 2),
                           ("cond", 1), ("call", 1), ("conv", 1)])
        if k in ("add", "sub", "mul"):
            (a, ba), (c, bc) = self.float_expr(d), self.float_expr(d)
            op = {"add": "+", "sub": "-", "mul": "*"}[k]
            return f"({a} {op} {c})", (ba * bc if k == "mul" else ba + bc)
        if k == "mix":
            (a, ba), (c, bc) = self.float_expr(d), self.int_expr(d)
            op = self.pick(["+", "-", "*"])
            if self.chance(0.5):
                return f"({a} {op} {c})", (ba * bc if op == "*" else ba + bc)
            return f"({c} {op} {a})", (ba * bc if op == "*" else ba + bc)
        if k in ("div", "fdiv", "mod"):
            a, ba = self.float_expr(d)
            op = {"div": "/", "fdiv": "//", "mod": "%"}[k]
            fv = self.scope.of("float")
            if fv and self.allow_inf and self.chance(0.3):
                v = self.pick(fv)
                if self.chance(0.5):
                    self.risky.add("ZeroDivisionError")
                    dv = v
                else:
                    dv = f"({v} if {v} != 0.0 else 1.0)"
                return f"({a} {op} {dv})", (INF if op != "%" else float(V))
            lit = self.float_lit(nonzero=True)
            if abs(lit) < 0.1:
                lit = 0.5
            ls = f"({lit!r})" if lit < 0 else repr(lit)
            return f"({a} {op} {ls})", (ba / abs(lit) if op != "%" else abs(lit))
        if k == "truediv":
            a, ba = self.int_expr(d)
            dv, bd = self.divisor_int()
            return f"({a} / {dv})", float(ba)
        if k == "pow":
            a, ba = self.float_atom()
            e = self.r.randint(0, 3)
            return f"({a} ** {e})", max(1.0, ba) ** e
        if k == "neg":
            a, ba = self.float_expr(d)
            return f"(-{a})", ba
        if k == "abs":
            a, ba = self.float_expr(d)
            return f"abs({a})", ba
        if k == "minmax":
            (a, ba), (c, bc) = self.float_expr(d), self.float_expr(d)
            return f"{self.pick(['min', 'max'])}({a}, {c})", max(ba, bc)
        if k == "cond":
            (a, ba), (c, bc) = self.float_expr(d), self.float_expr(d)
            return f"({a} if {self.bool_expr(d)} else {c})", max(ba, bc)
        if k == "call":
            c = self.call_of("float")
            return (c, float(V)) if c else self.float_atom()
        if k == "conv":
            if self.chance(0.5):
                a, ba = self.float_expr(d)
                return f"float(str({a}))", ba
            return f"float({q(self.pick(['1.5', '-2.25', '1e3', ' 7 ', '0.1', '-0']))})", 1e3
        return self.float_atom()

    # -- bools -----------------------------------------------------------------
    def bool_expr(self, depth=1):
        d = max(0, depth - 1)
        k = self.weighted([("cmp", 5), ("chain", 2), ("andor", 2), ("not", 1),
                           ("var", 2 if self.scope.of("bool") else 0),
                           ("in", 1), ("strm", 1), ("lit", 0.3)])
        if k == "cmp":
            t = self.pick(["int", "int", "float", "str", "mixed"])
            op = self.pick(["<", "<=", ">", ">=", "==", "!="])
            if t == "int":
                return f"{self.int_expr(d)[0]} {op} {self.int_expr(d)[0]}"
            if t == "float":
                return f"{self.float_expr(d)[0]} {op} {self.float_expr(d)[0]}"
            if t == "mixed":
                return f"{self.int_expr(d)[0]} {op} {self.float_expr(d)[0]}"
            return f"{self.str_atom()} {op} {self.str_atom()}"
        if k == "chain":
            ops = [self.pick(["<", "<=", ">", ">=", "==", "!="]) for _ in range(2)]
            a, b, c = (self.int_expr(0)[0] for _ in range(3))
            return f"{a} {ops[0]} {b} {ops[1]} {c}"
        if k == "andor":
            return f"({self.bool_expr(d)} {self.pick(['and', 'or'])} {self.bool_expr(d)})"
        if k == "not":
            return f"not ({self.bool_expr(d)})"
        if k == "var":
            return self.pick(self.scope.of("bool"))
        if k == "in":
            xs = self.scope.of("list[int]")
            if xs and self.chance(0.5):
                return f"{self.int_atom()[0]} {self.pick(['in', 'not in'])} {self.pick(xs)}"
            return f"{q(self.pick(['a', 'b', 'ab', ' ', 'z', '']))} in {self.str_atom()}"
        if k == "strm":
            m = self.pick(["startswith", "endswith"])
            return f"{self.str_atom()}.{m}({q(self.pick(['a', 'h', 'ab', 'z', '']))})"
        return self.pick(["True", "False"])

    # -- strings (code) ------------------------------------------------------
    def str_atom(self):
        vs = self.scope.of("str")
        if vs and self.chance(0.6):
            return self.pick(vs)
        return q(self.str_lit())

    def str_expr(self, depth=None):
        if depth is None:
            depth = self.r.randint(1, 2)
        if depth <= 0 or self.chance(0.25):
            return self.str_atom()
        d = depth - 1
        k = self.weighted([("cat", 3), ("rep", 1), ("slice", 3), ("index", 1),
                           ("meth", 3), ("conv", 2), ("fstr", 3), ("join", 1),
                           ("cond", 1), ("repr", 1), ("call", 1), ("fmt", 1)])
        if k == "cat":
            return f"({self.str_expr(d)} + {self.str_expr(d)})"
        if k == "rep":
            return f"({self.str_atom()} * {self.r.randint(0, 3)})"
        if k == "slice":
            return f"{self.str_atom()}{self.slice_text()}"
        if k == "index":
            self.risky.add("IndexError")
            return f"{self.str_atom()}[{self.int_lit(-6, 6)}]"
        if k == "meth":
            m = self.pick(["upper()", "lower()", "strip()",
                           f"replace({q(self.pick(['a', 'b', ' ', 'l']))}, {q(self.pick(['', '-', 'XY']))})"])
            return f"{self.str_atom()}.{m}"
        if k == "conv":
            t = self.pick(["int", "float", "bool"])
            if t == "int":
                return f"str({self.int_expr(d)[0]})"
            if t == "float":
                return f"str({self.float_expr(d)[0]})"
            return f"str({self.bool_expr(d)})"
        if k == "fstr":
            return self.fstring(d)
        if k == "join":
            ls = self.scope.of("list[str]")
            src = self.pick(ls) if ls and self.chance(0.6) else self.list_expr("list[str]", d)
            return f"{q(self.pick(['', ' ', ', ', '-']))}.join({src})"
        if k == "cond":
            return f"({self.str_expr(d)} if {self.bool_expr(d)} else {self.str_expr(d)})"
        if k == "repr":
            return f"repr({self.str_atom()})"
        if k == "call":
            c = self.call_of("str")
            return c if c else self.str_atom()
        if k == "fmt":
            a = self.int_expr(d)[0]
            b = self.float_expr(d)[0]
            return f"\"{{}} and {{:.2f}}\".format({a}, {b})"
        return self.str_atom()

    def slice_text(self):
        def part():
            return "" if self.chance(0.3) else str(self.int_lit(-8, 8))
        a, b = part(), part()
        if self.chance(0.4):
            step = self.pick([-1, -2, 2, 3, -3])
            return f"[{a}:{b}:{step}]"
        return f"[{a}:{b}]"

    INT_SPECS = ["", "5", "<6", "^7", ">4", "05", "+", " ", ",", "_", "x", "X",
                 "o", "b", "#x", "#b", "08b", "+06d", "d", "*>8", "-^9"]
    FLOAT_SPECS = ["", ".2f", "8.3f", "<10.1f", "+.3f", ".0f", "e", ".3e", "10.2E",
                   "g", ".4g", "%", ".1%", ",.2f", "012.4f", " .2f", "^12.3f", ".10g"]
    STR_SPECS = ["", ">8", "<8", "^9", "*^9", ".3", "-<6", "10.2"]

    def fstring(self, depth):
        parts = []
        for _ in range(self.r.randint(1, 3)):
            pre = self.pick(["", "x=", " | ", "[", "v: "])
            pre = pre.replace("{", "{{")
            t = self.pick(["int", "float", "str", "bool"])
            if t == "int":
                e, spec = self.int_expr(max(0, depth - 1))[0], self.pick(self.INT_SPECS)
            elif t == "float":
                e, spec = self.float_expr(max(0, depth - 1))[0], self.pick(self.FLOAT_SPECS)
            elif t == "str":
                e = self.str_atom()
                spec = self.pick(self.STR_SPECS + ["!r"])
            else:
                e, spec = self.bool_expr(0), ""
            if "\\" in e or '"' in e or "'" in e:
                # keep quotes/backslashes out of f-string replacement fields
                e = self.pick(self.scope.of(t)) if self.scope.of(t) and t != "bool" else (
                    "0" if t == "int" else "0.5" if t == "float" else "True" if t == "bool" else "0")
                if t == "str" and not self.scope.of("str"):
                    e, spec = "0", ""
            if spec.startswith("!"):
                field = f"{{{e}{spec}}}"
            else:
                field = f"{{{e}:{spec}}}" if spec else f"{{{e}}}"
            parts.append(pre + field)
        return "f\"" + "".join(parts) + "\""

    # -- lists (code) --------------------------------------------------------
    def elem_expr(self, t, depth=0):
        if t == "int":
            return self.clamped_int(depth)
        if t == "float":
            return self.clamped_float(depth)
        return self.str_expr(depth)

    def list_expr(self, t, depth=1):
        et = t[5:-1]
        vs = self.scope.of(t)
        k = self.weighted([("var", 3 if vs else 0), ("lit", 3), ("comp", 2),
                           ("slice", 2 if vs else 0), ("sorted", 1 if vs else 0),
                           ("cat", 1 if vs else 0), ("rep", 1),
                           ("split", 2 if et == "str" else 0)])
        if k == "var":
            return self.pick(vs)
        if k == "lit":
            n = self.r.randint(1, 4)
            return "[" + ", ".join(self.elem_expr(et, 0) for _ in range(n)) + "]"
        if k == "comp":
            v = self.fresh("q")
            if vs and self.chance(0.5):
                src, vt = self.pick(vs), et
            else:
                src, vt = f"range({self.int_lit(-3, 2)}, {self.int_lit(3, 8)})", "int"
            self.scope.vars[v] = vt
            body = self.elem_expr(et, 1)
            cond = f" if {self.bool_expr(1)}" if self.chance(0.4) else ""
            del self.scope.vars[v]
            return f"[{body} for {v} in {src}{cond}]"
        if k == "slice":
            return f"{self.pick(vs)}{self.slice_text()}"
        if k == "sorted":
            return f"sorted({self.pick(vs)})"
        if k == "cat":
            return f"({self.pick(vs)} + {self.list_expr(t, 0)})"
        if k == "rep":
            return f"[{self.elem_expr(et, 0)}] * {self.r.randint(0, 3)}"
        if k == "split":
            if self.chance(0.5):
                return f"{self.str_atom()}.split()"
            return f"{self.str_atom()}.split({q(self.pick([',', ' ', 'a']))})"
        return "[" + self.elem_expr(et, 0) + "]"

    # -- clamped values (for assignment) -------------------------------------
    def clamped_int(self, depth=None):
        code, b = self.int_expr(depth)
        if b > V:
            m = self.pick([9973, 1009, 97, -97, 1000, 7919, -1009])
            return f"({code}) % {m if m > 0 else f'({m})'}"
        return code

    def clamped_float(self, depth=None):
        code, b = self.float_expr(depth, allow_inf=self.chance(0.3))
        if b > V:
            m = self.pick([1000.0, 97.5, 8.0, 1e4])
            return f"({code}) % {m!r}"
        return code

    def clamped_str(self):
        s = self.str_expr()
        if self.chance(0.5) and "*" not in s:
            return s if len(s) < 60 else f"({s})[:30]"
        return f"({s})[:{self.r.randint(8, 40)}]"

    def value_of(self, t):
        if t == "int":
            return self.clamped_int()
        if t == "float":
            return self.clamped_float()
        if t == "bool":
            return self.bool_expr(2)
        if t == "str":
            return self.clamped_str()
        return self.list_expr(t, 1)

    # -- calls ---------------------------------------------------------------
    def call_of(self, rtype):
        cands = [f for f in self.funcs if f[2] == rtype]
        if not cands:
            return None
        name, params, _ = self.pick(cands)
        args = []
        kw = self.chance(0.3)
        for i, (pn, pt) in enumerate(params):
            a = self.value_of(pt) if pt in ("int", "float") else self.str_atom() if pt == "str" else self.bool_expr(0)
            if pt == "int":
                a = self.clamped_int(1)
            args.append(f"{pn}={a}" if kw and i > 0 else a)
        return f"{name}({', '.join(args)})"

    # -- statements ------------------------------------------------------------
    def block(self, n):
        start = len(self.lines)
        for _ in range(n):
            if self.stmt_budget <= 0:
                break
            self.stmt()
        if len(self.lines) == start:
            self.emit("pass")

    def stmt(self):
        self.stmt_budget -= 1
        opts = [("print", 7), ("assign", 5), ("aug", 2), ("if", 2),
                ("for", 1.5 if self.indent < 4 else 0),
                ("while", 1 if self.indent < 4 else 0),
                ("try", 1.5 if self.indent < 5 else 0), ("listop", 2),
                ("raise", 0.6), ("loopctl", 1 if self.loop_depth else 0),
                ("closure", 1 if self.indent < 4 else 0), ("dict", 1.2), ("object", 1)]
        k = self.weighted(opts)
        getattr(self, "s_" + k)()

    def guarded(self, render):
        """Run render() (which emits lines); wrap in try if it may raise."""
        self.risky = set()
        mark = len(self.lines)
        render()
        risky, self.risky = self.risky, set()
        if not risky or self.chance(0.08):
            return
        body = self.lines[mark:]
        del self.lines[mark:]
        self.emit("try:")
        for ln in body:
            self.lines.append("    " + ln)
        e = self.fresh("e")
        if len(risky) == 1 and self.chance(0.6):
            self.emit(f"except {next(iter(risky))} as {e}:")
        elif self.chance(0.5):
            self.emit(f"except ({', '.join(sorted(risky))}) as {e}:")
        else:
            self.emit(f"except Exception as {e}:")
        self.indent += 1
        self.emit(f"print({q('caught')}, repr({e}), str({e}))")
        self.indent -= 1

    def s_print(self):
        def render():
            args = []
            for _ in range(self.r.randint(1, 3)):
                t = self.pick(["int", "float", "str", "bool", "list[int]",
                               "list[str]", "list[float]", "int", "float"])
                if t == "int":
                    args.append(self.int_expr()[0])
                elif t == "float":
                    args.append(self.float_expr(allow_inf=True)[0])
                elif t == "str":
                    args.append(self.str_expr())
                elif t == "bool":
                    args.append(self.bool_expr(2))
                else:
                    args.append(self.list_expr(t))
            extra = ""
            if self.chance(0.1):
                extra = f", sep={q(self.pick(['', ', ', '|']))}"
            if self.chance(0.05):
                extra += ", end=" + q(self.pick([";\n", " END\n", "\n\n"]))
            self.emit(f"print({q(self.fresh('p') + ':')}, {', '.join(args)}{extra})")
        self.guarded(render)

    def s_closure(self):
        """A lambda or nested def over an int local: late binding (the
        variable changes after the closure is made), nonlocal stores, a
        lambda as a sort key (issue 14: functions as values)."""
        ints = [n for n, t in self.scope.vars.items() if t == "int" and not n.startswith(("k", "w", "q", "e"))]
        if not ints:
            return self.s_print()
        v = self.pick(ints)
        fn = self.fresh("cl")
        self.emit(f"{v} = {self.clamped_int(1)}")
        kind = self.pick(["lambda", "def", "nonlocal"])
        if kind == "lambda":
            k = self.int_lit(-5, 5)
            self.emit(f"{fn} = lambda x: x * {k} + {v}")
            self.emit(f"print({q(fn + ':')}, {fn}({self.int_lit()}), sorted([3, -1, 2, {v}], key={fn}))")
        elif kind == "def":
            self.emit(f"def {fn}(x: int, y: int = {self.int_lit(0, 9)}) -> int:")
            self.emit(f"    return x - y + {v}")
            self.emit(f"{v} = {v} % 1000 + {self.int_lit(0, 9)}")
            self.emit(f"print({q(fn + ':')}, {fn}({self.int_lit()}), {fn}(1, y=2), list(map({fn}, [1, 2])))")
        else:
            self.emit(f"def {fn}(d: int) -> int:")
            self.emit(f"    nonlocal {v}")
            self.emit(f"    {v} = {v} % 1000 + d")
            self.emit(f"    return {v}")
            self.emit(f"print({q(fn + ':')}, {fn}({self.int_lit(0, 9)}), {fn}({self.int_lit(0, 9)}), {v})")

    def s_dict(self):
        """A dict typed by its later stores (issue 14): insertion order in
        print, get/pop/setdefault with defaults, views, a comprehension, and
        a del or lookup of a key that may be missing (KeyError)."""
        d = self.fresh("dd")
        words = [w for w in self.words if w]
        self.emit(f"{d} = {{}}")
        for _ in range(self.r.randint(1, 4)):
            self.emit(f"{d}[{q(self.pick(words))}] = {self.clamped_int(1)}")
        k1, k2 = q(self.pick(words)), q(self.pick(words))
        self.emit(f"{d}.setdefault({k1}, {self.int_lit()})")
        self.emit(f"print({q(d + ':')}, {d}, len({d}), {d}.get({k2}, -1), {k2} in {d}, "
                  f"sorted({d}.items()), list({d}.keys()), sum({d}.values()))")
        op = self.pick(["del", "index", "pop", "comp"])
        k3 = q(self.pick(words))
        def render():
            if op == "del":
                self.risky.add("KeyError")
                self.emit(f"del {d}[{k3}]")
            elif op == "index":
                self.risky.add("KeyError")
                self.emit(f"print({q(d + '[]:')}, {d}[{k3}])")
            elif op == "pop":
                self.emit(f"print({q(d + '.pop:')}, {d}.pop({k3}, 0), {d})")
            else:
                self.emit(f"print({q(d + ' comp:')}, {{k: v * 2 for k, v in {d}.items() if v % 2 == 0}})")
        self.guarded(render)

    def s_object(self):
        """Instances of the program's Box/Tagged classes (issue 14): method
        calls that mutate attributes, dynamic dispatch through a subclass,
        __repr__ in print and in a list, __eq__, sorting by __lt__ and by a
        key lambda, the class attribute counting instances."""
        box, tagged = "Box" + self.sx, "Tagged" + self.sx
        b = self.fresh("ob")
        self.emit(f"{b} = {self.pick([box, tagged])}({self.int_lit(-50, 50)}, {q(self.pick(self.words))})")
        self.emit(f"print({q(b + ':')}, {b}, {b}.bump({self.int_lit()}), {b}.v, {b}.tag, "
                  f"{b} == {box}({self.int_lit(-5, 5)}, 'x'))")
        other = f"{tagged}({self.int_lit(-50, 50)}, 'y')"
        self.emit(f"print({q(b + ' sorted:')}, sorted([{b}, {box}(3, 'z'), {other}]), "
                  f"sorted([{b}, {other}], key=lambda o: -o.v)[0].v, {box}.count > 0)")

    def s_assign(self):
        names = [n for n, t in self.scope.vars.items() if not n.startswith(("k", "w", "q", "e"))]
        if not names:
            return self.s_print()
        n = self.pick(names)
        t = self.scope.vars[n]
        self.guarded(lambda: self.emit(f"{n} = {self.value_of(t)}"))

    def s_aug(self):
        ints = [n for n in self.scope.of("int") if n.startswith("i")]
        floats = [n for n in self.scope.of("float") if n.startswith("f")]
        strs = [n for n in self.scope.of("str") if n.startswith("s")]
        k = self.weighted([("int", 3 if ints else 0), ("float", 2 if floats else 0),
                           ("str", 1 if strs else 0)])
        if k == "int" and ints:
            n = self.pick(ints)
            op = self.pick(["+=", "-=", "*=", "//=", "%="])
            def render():
                if op in ("//=", "%="):
                    dv, _ = self.divisor_int()
                    self.emit(f"{n} {op} {dv}")
                else:
                    c, b = self.int_expr(2)
                    if b > V:
                        c = f"({c}) % 101"
                    self.emit(f"{n} {op} {c}")
                    self.emit(f"{n} %= {self.pick(['9973', '(-9973)', '1009', '10000'])}")
            self.guarded(render)
        elif k == "float" and floats:
            n = self.pick(floats)
            op = self.pick(["+=", "-=", "*=", "/="])
            def render():
                if op == "/=":
                    lit = self.pick([2.0, -4.0, 0.5, 3.0, 10.0])
                    self.emit(f"{n} /= {lit!r}")
                else:
                    c, b = self.float_expr(2)
                    if b > V:
                        c = f"({c}) % 100.0"
                    self.emit(f"{n} {op} {c}")
                    self.emit(f"{n} %= {self.pick(['10000.0', '977.5', '(-1000.0)'])}")
            self.guarded(render)
        elif k == "str" and strs:
            n = self.pick(strs)
            self.guarded(lambda: (self.emit(f"{n} += {self.str_atom()}"),
                                  self.emit(f"{n} = {n}[{self.pick(['-30', '-12', '0', '1'])}:]")))
        else:
            self.s_print()

    def s_if(self):
        self.emit(f"if {self.bool_expr(2)}:")
        self.indent += 1
        self.block(self.r.randint(1, 3))
        self.indent -= 1
        for _ in range(self.r.randint(0, 2)):
            if self.chance(0.5):
                self.emit(f"elif {self.bool_expr(2)}:")
                self.indent += 1
                self.block(self.r.randint(1, 2))
                self.indent -= 1
        if self.chance(0.5):
            self.emit("else:")
            self.indent += 1
            self.block(self.r.randint(1, 2))
            self.indent -= 1

    def s_for(self):
        k = self.weighted([("range", 3), ("list", 2), ("str", 1)])
        v = self.fresh("k")
        if k == "range":
            a = self.int_lit(-5, 3)
            b = self.int_lit(-3, 7)
            step = self.pick([1, 1, 2, 3, -1, -2])
            args = f"{a}, {b}" if step == 1 and self.chance(0.5) else f"{a}, {b}, {step}"
            if step == 1 and a == 0 and self.chance(0.5):
                args = str(max(0, b))
            self.emit(f"for {v} in range({args}):")
            vt = "int"
        elif k == "list":
            t = self.pick(["list[int]", "list[str]", "list[float]"])
            vs = self.scope.of(t)
            src = self.pick(vs) if vs and self.chance(0.7) else self.list_expr(t, 1)
            if vs and src in vs:
                # iterate over a copy: the body may append to the list
                src = f"{src}[:6]"
            self.emit(f"for {v} in {src}:")
            vt = t[5:-1]
        else:
            self.emit(f"for {v} in {self.str_atom()}[:8]:")
            vt = "str"
        self.scope.vars[v] = vt
        self.indent += 1
        self.loop_depth += 1
        self.block(self.r.randint(1, 3))
        self.loop_depth -= 1
        self.indent -= 1
        del self.scope.vars[v]

    def s_while(self):
        w = self.fresh("w")
        self.emit(f"{w}: int = 0")
        self.emit(f"while {w} < {self.r.randint(1, 5)}:")
        self.indent += 1
        self.emit(f"{w} += 1")
        self.scope.vars[w] = "int"
        self.loop_depth += 1
        self.block(self.r.randint(1, 3))
        self.loop_depth -= 1
        del self.scope.vars[w]
        self.indent -= 1

    def s_loopctl(self):
        self.emit(f"if {self.bool_expr(1)}:")
        self.indent += 1
        if self.chance(0.3):
            self.emit(f"print({q('leaving')}, {self.int_atom()[0]})")
        self.emit(self.pick(["break", "continue"]))
        self.indent -= 1

    def s_try(self):
        self.emit("try:")
        self.indent += 1
        saved = self.loop_depth
        self.block(self.r.randint(1, 3))
        if self.chance(0.6):
            self.emit(f"if {self.bool_expr(1)}:")
            self.indent += 1
            self.emit_raise()
            self.indent -= 1
        self.loop_depth = saved
        self.indent -= 1
        classes = [self.exc_class, "ValueError", "IndexError", "ZeroDivisionError",
                   "KeyError", "RuntimeError", "Exception"]
        used = set()
        for _ in range(self.r.randint(1, 3)):
            c = self.pick(classes)
            if c in used:
                continue
            used.add(c)
            e = self.fresh("e")
            if self.chance(0.3):
                c2 = self.pick([x for x in classes if x not in used and x != "Exception"] or ["TypeError"])
                used.add(c2)
                self.emit(f"except ({c}, {c2}) as {e}:")
            else:
                self.emit(f"except {c} as {e}:")
            self.indent += 1
            self.emit(f"print({q('except ' + c)}, repr({e}), {e}.args)")
            if self.chance(0.3):
                self.block(1)
            self.indent -= 1
        if self.chance(0.3):
            self.emit("else:")
            self.indent += 1
            self.emit(f"print({q('else')})")
            self.indent -= 1
        if self.chance(0.5) or not used:
            self.emit("finally:")
            self.indent += 1
            self.emit(f"print({q('finally')}, {self.int_atom()[0]})")
            self.indent -= 1

    def emit_raise(self):
        c = self.pick([self.exc_class] + EXC_BUILTIN)
        arg = self.pick(["", q(self.str_lit()), f"f\"v={{{self.int_atom()[0]}}}\"", "str(" + self.int_atom()[0] + ")"])
        self.emit(f"raise {c}({arg})")

    def s_raise(self):
        self.emit(f"if {self.bool_expr(1)}:")
        self.indent += 1
        self.emit("try:")
        self.indent += 1
        self.emit_raise()
        self.indent -= 1
        e = self.fresh("e")
        self.emit(f"except Exception as {e}:")
        self.indent += 1
        self.emit(f"print({q('raised')}, repr({e}), str({e}))")
        self.indent -= 2

    def s_listop(self):
        ts = [t for t in ("list[int]", "list[str]", "list[float]") if self.scope.of(t)]
        if not ts:
            return self.s_print()
        t = self.pick(ts)
        x = self.pick(self.scope.of(t))
        et = t[5:-1]
        k = self.weighted([("append", 3), ("insert", 1), ("pop", 2), ("popi", 1),
                           ("index", 1), ("minmax", 1), ("len", 1)])
        def render():
            if k == "append":
                self.emit(f"{x}.append({self.elem_expr(et, 1)})")
                self.emit(f"if len({x}) > 12:")
                self.emit(f"    {x} = {x}[-6:]")
            elif k == "insert":
                self.emit(f"{x}.insert({self.int_lit(-4, 4)}, {self.elem_expr(et, 1)})")
            elif k == "pop":
                self.emit(f"if len({x}) > 0:")
                self.emit(f"    print({q('pop')}, {x}.pop(), {x})")
            elif k == "popi":
                self.risky.add("IndexError")
                self.emit(f"print({q('pop-i')}, {x}.pop({self.int_lit(-3, 3)}))")
            elif k == "index":
                self.risky.add("IndexError")
                self.emit(f"print({q('at')}, {x}[{self.int_lit(-4, 4)}])")
            elif k == "minmax":
                self.risky.add("ValueError")
                self.emit(f"print({q('mm')}, min({x}), max({x}), sorted({x}))")
            else:
                self.emit(f"print({q('len')}, len({x}), {x})")
        self.guarded(render)

    # -- functions and program ---------------------------------------------
    TYPES = ["int", "float", "str", "bool", "list[int]", "list[str]", "list[float]"]

    def safe_value(self, t):
        """A value expression that cannot raise (for declarations)."""
        for _ in range(30):
            self.risky = set()
            v = self.value_of(t)
            if not self.risky:
                return v
        return {"int": "0", "float": "0.0", "str": '""', "bool": "False"}.get(t, "[]")

    def function(self, name, params, rtype, nstmts):
        self.scope = Scope()
        for pn, pt in params:
            self.scope.vars[pn] = pt
        ps = ", ".join(f"{pn}: {pt}" for pn, pt in params)
        self.emit(f"def {name}({ps}) -> {rtype}:")
        self.indent += 1
        counts = [("int", self.r.randint(1, 3)), ("float", self.r.randint(0, 2)),
                  ("str", self.r.randint(0, 2)), ("bool", self.r.randint(0, 1)),
                  ("list[int]", self.r.randint(0, 1)), ("list[str]", self.r.randint(0, 1)),
                  ("list[float]", self.r.randint(0, 1))]
        for t, n in counts:
            for _ in range(n):
                vname = self.fresh({"int": "i", "float": "f", "str": "s", "bool": "b",
                                    "list[int]": "li", "list[str]": "ls",
                                    "list[float]": "lf"}[t])
                self.emit(f"{vname}: {t} = {self.safe_value(t)}")
                self.scope.vars[vname] = t
        self.stmt_budget = nstmts
        self.block(nstmts)
        if rtype == "None":
            # exercise every helper from main
            for fname, fparams, frt in self.funcs:
                c = None
                while c is None or not c.startswith(fname + "("):
                    c = self.call_of(frt)
                def render(c=c, fname=fname):
                    self.emit(f"print({q(fname + ':')}, {c})")
                self.guarded(render)
        if rtype != "None":
            if rtype == "int":
                self.emit(f"return {self.safe_int_ret()}")
            else:
                self.emit(f"return {self.safe_value(rtype)}")
        self.indent -= 1
        self.emit("")
        self.emit("")

    def safe_int_ret(self):
        return self.safe_value("int")

    def program(self):
        sx = self.sx
        self.emit(f"# asyncc difftest program (generator tests/fuzz/gen.py)")
        self.emit("")
        self.emit("")
        self.emit(f"class {self.exc_class}(ValueError):")
        self.emit("    pass")
        self.emit("")
        self.emit("")
        box = "Box" + sx
        for line in [f"class {box}:", "    count = 0", "",
                     "    def __init__(self, v, tag):", "        self.v = v", "        self.tag = tag",
                     f"        {box}.count += 1", "",
                     "    def bump(self, d):", "        self.v = (self.v + d) % 1000", "        return self.v", "",
                     "    def __repr__(self):", "        return f'Box({self.v}, {self.tag!r})'", "",
                     "    def __eq__(self, other):", "        return self.v == other.v", "",
                     "    def __lt__(self, other):", "        return self.v < other.v", "", "",
                     f"class Tagged{sx}({box}):", "    def bump(self, d):",
                     "        return super().bump(d * 2) + 1", "", ""]:
            self.emit(line)
        self.scope = Scope()
        for i in range(self.r.randint(0, 3)):
            t = self.pick(["int", "float", "str"])
            n = f"C{i}{sx}"
            if t == "int":
                v = self.int_lit(-50, 50)
                self.emit(f"{n}: int = {v}")
                self.consts[n] = ("int", abs(v))
            elif t == "float":
                v = self.float_lit()
                self.emit(f"{n}: float = {v!r}")
                self.consts[n] = ("float", abs(v))
            else:
                self.emit(f"{n}: str = {q(self.str_lit())}")
                self.consts[n] = ("str", 0)
        if self.consts:
            self.emit("")
            self.emit("")
        for i in range(self.r.randint(0, 3)):
            name = f"h{i}{sx}"
            params = []
            for j in range(self.r.randint(1, 3)):
                params.append((f"a{j}", self.pick(["int", "int", "float", "str", "bool"])))
            rtype = self.pick(["int", "float", "str", "int"])
            self.function(name, params, rtype, self.r.randint(2, 6))
            self.funcs.append((name, params, rtype))
        self.function(f"main{sx}", [], "None", self.r.randint(12, 24))
        return "\n".join(self.lines).rstrip() + "\n"


def gen_program(seed, suffix="", unicode=False):
    """Programs of odd seeds come with every annotation stripped: half of
    the programs test whole-program inference (issue 13)."""
    text = Gen(seed, suffix, unicode).program()
    if seed % 2:
        text = strip_annotations.strip_source(text)[0]
    return text


def standalone(seed, unicode=False):
    return gen_program(seed, "", unicode) + "\n\nif __name__ == \"__main__\":\n    main()\n"


def batch(seeds, unicode=False):
    """Several programs in one file; each main runs under a catch-all so that
    one uncaught exception does not hide the later programs."""
    parts = []
    for k, s in enumerate(seeds):
        parts.append(gen_program(s, f"_{k}", unicode))
        parts.append("\n")
    parts.append("def main() -> None:\n")
    for k, s in enumerate(seeds):
        parts.append(f"    print(\"=== program {k} seed {s}\")\n")
        parts.append("    try:\n")
        parts.append(f"        main_{k}()\n")
        parts.append("    except Exception as exc:\n")
        parts.append("        print(\"uncaught:\", repr(exc))\n")
    parts.append("\n\nif __name__ == \"__main__\":\n    main()\n")
    return "".join(parts)
