"""Suspending plain functions of the builtins spelling, under CPython.

In Edge Python a plain `def` that calls sleep(), receive(), frame(), a
deferred host call, or another def that does, suspends its whole call
chain; gather() and with_timeout() return their result without `await`;
the module body may suspend too.  CPython cannot suspend a plain
function, so the runner rewrites such a program's tree first, with the
compiler's rules (transpiler/suspend.c): each such def becomes an
`async def`, each suspending call gets its `await`, and a module body
that suspends becomes `async def __module__()` (its names global) run by
`run(__module__())`.  Arguments of gather/run/with_timeout/cancel stay
coroutines.  `async for` over a list, tuple, dict or str walks it, as in
Edge Python.  Programs that import asyncio or tinyio are left alone.
"""
import ast

SUSPENDING = {"sleep", "receive", "frame", "gather", "with_timeout"}
TAKERS = {"gather", "run", "with_timeout", "cancel"}
DEFS = (ast.FunctionDef, ast.AsyncFunctionDef)
SCOPES = DEFS + (ast.ClassDef, ast.Lambda)


def _children(node):
    return list(ast.iter_child_nodes(node))


def _callee(node):
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
        return node.func.id
    return None


def _is_deferred(fn):
    return any(ast.unparse(d) == "asyncc.deferred" for d in fn.decorator_list)


class _Program:
    def __init__(self, tree):
        self.defs = {}        # name -> [FunctionDef]
        self.shadowed = set()  # builtin names the program binds itself
        self.suspends = set()  # names of the defs that suspend
        self._find(tree)

    def _find(self, node):
        for k in _children(node):
            if isinstance(k, ast.ClassDef):
                continue
            if isinstance(k, DEFS):
                self.defs.setdefault(k.name, []).append(k)
            if isinstance(k, ast.Assign):
                self.shadowed.update(t.id for t in k.targets if isinstance(t, ast.Name))
            if not isinstance(k, ast.Lambda):
                self._find(k)

    def takes_coroutines(self, call):
        name = _callee(call)
        return name in TAKERS and name not in self.shadowed

    def suspending(self, call):
        name = _callee(call)
        if name is None:
            return False
        if name in self.suspends:
            return True
        return name in SUSPENDING and name not in self.shadowed and name not in self.defs

    def may_suspend(self, fn):
        if not isinstance(fn, ast.FunctionDef) or fn.decorator_list:
            return False
        return not any(isinstance(n, (ast.Yield, ast.YieldFrom)) for n in self._own_nodes(fn))

    def _own_nodes(self, fn):
        todo = list(fn.body)
        while todo:
            n = todo.pop()
            yield n
            if not isinstance(n, SCOPES):
                todo.extend(_children(n))

    def find_suspending(self):
        changed = True
        while changed:
            changed = False
            for name, fns in self.defs.items():
                for fn in fns:
                    if name in self.suspends:
                        continue
                    deferred = isinstance(fn, ast.AsyncFunctionDef) and _is_deferred(fn)
                    if deferred or (self.may_suspend(fn) and self.calls_suspending(fn.body)):
                        self.suspends.add(name)
                        changed = True

    def calls_suspending(self, stmts):
        found = []
        for s in stmts:
            _Awaiter(self, found, rewrite=False).visit(s)
        return bool(found)


class _Awaiter(ast.NodeTransformer):
    """Gives each suspending call outside an argument slot its await."""

    def __init__(self, prog, found, rewrite=True):
        self.prog, self.found, self.rewrite = prog, found, rewrite
        self.slot = False

    def _scope(self, node):
        return node  # nested scopes are handled on their own

    visit_FunctionDef = visit_AsyncFunctionDef = visit_ClassDef = visit_Lambda = _scope

    def visit_Await(self, node):
        inner = node.value
        if isinstance(inner, ast.Call):
            self._call_parts(inner)
        else:
            node.value = self.visit(inner)
        return node

    def _slot(self, node):
        if isinstance(node, (ast.Starred, ast.List, ast.Tuple)):
            for k in _children(node):
                self._slot(k)
            return node
        if isinstance(node, ast.ListComp):
            node.elt = self._slot(node.elt)
            node.generators = [self.generic_visit(g) for g in node.generators]
            return node
        save, self.slot = self.slot, True
        try:
            return self.visit(node)
        finally:
            self.slot = save

    def _call_parts(self, call):
        call.func = self.visit(call.func)
        if self.prog.takes_coroutines(call):
            call.args = [self._slot(a) for a in call.args]
        else:
            call.args = [self.visit(a) for a in call.args]
        call.keywords = [self.visit(k) for k in call.keywords]

    def visit_Call(self, node):
        slot, self.slot = self.slot, False
        self._call_parts(node)
        if slot or not self.prog.suspending(node):
            return node
        self.found.append(node)
        return ast.copy_location(ast.Await(value=node), node) if self.rewrite else node

    def generic_visit(self, node):
        slot, self.slot = self.slot, False
        try:
            return super().generic_visit(node)
        finally:
            self.slot = slot


def _bound_names(stmts):
    names = []

    def add(t):
        if isinstance(t, ast.Name) and t.id not in names:
            names.append(t.id)
        elif isinstance(t, (ast.Tuple, ast.List)):
            for e in t.elts:
                add(e)
        elif isinstance(t, ast.Starred):
            add(t.value)

    todo = list(stmts)
    while todo:
        n = todo.pop(0)
        if isinstance(n, DEFS):
            add(ast.Name(id=n.name))
            continue
        if isinstance(n, (ast.ClassDef, ast.Lambda, ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)):
            continue
        if isinstance(n, ast.Assign):
            for t in n.targets:
                add(t)
        elif isinstance(n, (ast.AugAssign, ast.AnnAssign, ast.For)):
            add(n.target)
        elif isinstance(n, ast.ExceptHandler) and n.name:
            add(ast.Name(id=n.name))
        elif isinstance(n, ast.withitem) and n.optional_vars is not None:
            add(n.optional_vars)
        todo.extend(_children(n))
    return names


class _InnerRun(ast.NodeTransformer):
    """run(c) inside the module's coroutine: await c; run(c1, c2, ...):
    the first of gather(c1, c2, ...)."""

    visit_FunctionDef = visit_AsyncFunctionDef = visit_ClassDef = visit_Lambda = lambda self, n: n

    def visit_Call(self, node):
        self.generic_visit(node)
        if _callee(node) != "run" or node.keywords:
            return node
        if len(node.args) == 1:
            return ast.copy_location(ast.Await(value=node.args[0]), node)
        node.func = ast.copy_location(ast.Name(id="gather", ctx=ast.Load()), node.func)
        wait = ast.copy_location(ast.Await(value=node), node)
        return ast.copy_location(ast.Subscript(value=wait, slice=ast.Constant(0), ctx=ast.Load()), node)


def transform(tree):
    """The rewritten module, or None when nothing in it suspends."""
    for n in ast.walk(tree):
        if isinstance(n, ast.Import) and any(a.name in ("asyncio", "tinyio") for a in n.names):
            return None
        if isinstance(n, ast.ImportFrom) and n.module in ("asyncio", "tinyio"):
            return None
    prog = _Program(tree)
    prog.find_suspending()
    changed = False
    for name, fns in prog.defs.items():
        for i, fn in enumerate(fns):
            if isinstance(fn, ast.FunctionDef):
                if name not in prog.suspends or not prog.may_suspend(fn):
                    continue
                fn.__class__ = ast.AsyncFunctionDef  # same fields
                changed = True
            found = []
            fn.body = [_Awaiter(prog, found).visit(s) for s in fn.body]
            changed |= bool(found)
    if prog.calls_suspending(tree.body):
        _module_coroutine(tree, prog)
        changed = True
    changed |= _edge_async_for(tree)
    return ast.fix_missing_locations(tree) if changed else None


_AITER = '''
class _asyncc_items:
    def __init__(self, xs):
        self.it = iter(xs)

    def __aiter__(self):
        return self

    async def __anext__(self):
        for x in self.it:
            return x
        raise StopAsyncIteration


def _asyncc_aiter(xs):
    return xs if hasattr(type(xs), "__aiter__") else _asyncc_items(xs)
'''


def _edge_async_for(tree):
    """In Edge Python `async for` also walks a list, tuple, dict or str, as
    a plain loop (nothing suspends between its items); CPython's async for
    needs __aiter__, so the loop's iterable gets one (transpiler/check.c,
    async_iter_elem, is the compiler's side)."""
    found = False
    for n in ast.walk(tree):
        if isinstance(n, ast.AsyncFor) or (isinstance(n, ast.comprehension) and n.is_async):
            call = ast.Call(func=ast.Name(id="_asyncc_aiter", ctx=ast.Load()), args=[n.iter], keywords=[])
            n.iter = ast.copy_location(call, n.iter)
            found = True
    if found:
        at = 0
        while at < len(tree.body) and isinstance(tree.body[at], ast.ImportFrom) and tree.body[at].module == "__future__":
            at += 1
        tree.body[at:at] = ast.parse(_AITER).body
    return found


def _module_coroutine(tree, prog):
    kept, body = [], []
    for s in tree.body:
        if isinstance(s, DEFS + (ast.ClassDef, ast.Import, ast.ImportFrom)):
            kept.append(s)
        elif not isinstance(s, ast.Global):
            body.append(s)
    names = _bound_names(body)
    body = [_InnerRun().visit(s) for s in body]
    found = []
    body = [_Awaiter(prog, found).visit(s) for s in body]
    first = body[0] if body else tree
    stmts = ([ast.Global(names=names)] if names else []) + (body or [ast.Pass()])
    fn = ast.AsyncFunctionDef(name="__module__", args=ast.arguments(
        posonlyargs=[], args=[], vararg=None, kwonlyargs=[], kw_defaults=[], kwarg=None, defaults=[]),
        body=stmts, decorator_list=[], returns=None, type_comment=None, type_params=[])
    ast.copy_location(fn, first)
    call = ast.Call(func=ast.Name(id="run", ctx=ast.Load()),
                    args=[ast.Call(func=ast.Name(id="__module__", ctx=ast.Load()), args=[], keywords=[])],
                    keywords=[])
    tree.body = kept + [fn, ast.copy_location(ast.Expr(value=call), first)]
