#!/usr/bin/env python3
"""Remove every type annotation from Python programs (Python's own `ast`).

    tests/strip_annotations.py prog.py [-o out.py]   strip one file (stdout by default)
    tests/strip_annotations.py --check-all           strip every sample, run each under
                                                     CPython, compare with its expected files
    tests/strip_annotations.py --compile             also build each stripped sample with
                                                     build/asyncc (gcc) and compare: the
                                                     acceptance test of issue 13 (make check)

What is removed: parameter annotations (including *args/**kwargs and
keyword-only ones), return annotations, `x: T = v` becomes `x = v` (also for
`self.x: T = v` and `a[i]: T = v`), a bare declaration `x: T` is dropped
(`pass` where the block would become empty).  Kept, because they are
semantics and not type hints: field declarations in the body of a class
decorated with `@dataclass` (or `@dataclasses.dataclass(...)`) or deriving
from NamedTuple/TypedDict.  `from __future__ import annotations` and imports
of `typing` stay (harmless once nothing refers to them).

The output is `ast.unparse` of the stripped tree, preceded by the file's
leading comment block verbatim (ast drops comments, and the `# asyncc:`
directives live there).  Line numbers therefore change.

--check-all validates the stripper itself: a stripped sample must print
exactly what its expected files say under the reference runner (same clock and
args directives, parsed by tests/run_samples.py).  `no-oracle` samples, whose
expected files are hand-written, are compared with the original program's
CPython run instead.
"""

import argparse
import ast
import concurrent.futures as cf
import os
import shutil
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "ref"))
import harness as H  # noqa: E402
import run_samples as RS  # noqa: E402

FIELD_BASES = {"NamedTuple", "TypedDict"}


def _name_of(node):
    """'dataclass' for dataclass, dataclasses.dataclass, dataclass(order=True)."""
    if isinstance(node, ast.Call):
        node = node.func
    if isinstance(node, ast.Attribute):
        return node.attr
    if isinstance(node, ast.Name):
        return node.id
    return None


def declares_fields(cls):
    """True when annotations in this class body define fields (not hints)."""
    if any(_name_of(d) == "dataclass" for d in cls.decorator_list):
        return True
    return any(_name_of(b) in FIELD_BASES for b in cls.bases)


class Stripper(ast.NodeTransformer):
    def __init__(self):
        self.removed = 0
        self.field_class = [False]  # innermost class body declares fields?

    def _strip_args(self, args):
        for a in args.posonlyargs + args.args + args.kwonlyargs:
            if a.annotation is not None:
                a.annotation = None
                self.removed += 1
        for a in (args.vararg, args.kwarg):
            if a is not None and a.annotation is not None:
                a.annotation = None
                self.removed += 1

    def _visit_function(self, node):
        self._strip_args(node.args)
        if node.returns is not None:
            node.returns = None
            self.removed += 1
        self.field_class.append(False)  # a method body is not a class body
        self.generic_visit(node)
        self.field_class.pop()
        node.body = node.body or [ast.Pass()]
        return node

    visit_FunctionDef = _visit_function
    visit_AsyncFunctionDef = _visit_function

    def visit_ClassDef(self, node):
        self.field_class.append(declares_fields(node))
        self.generic_visit(node)
        self.field_class.pop()
        node.body = node.body or [ast.Pass()]
        return node

    def visit_AnnAssign(self, node):
        if self.field_class[-1]:
            return node
        self.removed += 1
        if node.value is None:
            return None  # a bare declaration: nothing happens at run time
        return ast.copy_location(
            ast.Assign(targets=[node.target], value=node.value), node)

    def generic_visit(self, node):
        super().generic_visit(node)
        # a block whose only statement was a bare declaration
        for field in ("body", "orelse", "finalbody"):
            block = getattr(node, field, None)
            if isinstance(block, list) and not block and _needs_body(node, field):
                block.append(ast.Pass())
        return node


def _needs_body(node, field):
    if field == "body":
        return not isinstance(node, ast.Module)
    if field == "finalbody":  # `try:` needs an except or a finally
        return isinstance(node, ast.Try) and not node.handlers
    return False  # an emptied `else:` is just dropped


def leading_comments(text):
    """The comment block (and blank lines) before the first statement."""
    keep = []
    for line in text.splitlines():
        s = line.strip()
        if s and not s.startswith("#"):
            break
        keep.append(line)
    while keep and not keep[-1].strip():
        keep.pop()
    return "\n".join(keep)


def strip_source(text, filename="<input>"):
    tree = ast.parse(text, filename)
    st = Stripper()
    tree = ast.fix_missing_locations(st.visit(tree))
    head = leading_comments(text)
    body = ast.unparse(tree)
    return (head + "\n" if head else "") + body + "\n", st.removed


# --------------------------------------------------------------------------
# --check-all / --compile
# --------------------------------------------------------------------------

def strip_tree(src_root, dst_root):
    """Strip every .py below src_root into dst_root (same layout), so that
    a program's sibling modules are stripped too.  Returns {rel: removed}."""
    counts = {}
    for dirpath, dirnames, filenames in os.walk(src_root):
        dirnames[:] = sorted(d for d in dirnames if d != "__pycache__")
        for fn in sorted(filenames):
            src = os.path.join(dirpath, fn)
            rel = os.path.relpath(src, src_root)
            dst = os.path.join(dst_root, rel)
            if fn.endswith(".in"):          # a sample's standard input
                os.makedirs(os.path.dirname(dst), exist_ok=True)
                shutil.copyfile(src, dst)
                continue
            if not fn.endswith(".py"):
                continue
            os.makedirs(os.path.dirname(dst), exist_ok=True)
            with open(src, encoding="utf-8") as f:
                text = f.read()
            out, n = strip_source(text, src)
            with open(dst, "w", encoding="utf-8") as f:
                f.write(out)
            counts[rel] = n
    return counts


def original_run(sample, timeout):
    r = H.run([sys.executable, H.REF, sample.rel] + sample.args,
              env=sample.env(), timeout=timeout, stdin=sample.stdin())
    return r.stdout, r.last_err, r.status


def check_one(orig, stripped, variants, timeout):
    """Failure texts of one stripped sample (empty list: all good)."""
    if orig.directive_error:
        return [f"directive: {orig.directive_error}"]
    exp = orig.expected() if not orig.no_oracle else original_run(orig, timeout)
    if exp is None:
        return [f"missing {orig.name}.out"]
    # the stripped copy keeps the directives; the oracle check must run even
    # for no-oracle samples, against the original's CPython behaviour
    stripped.no_oracle = None
    fails = []
    res, _ = RS.check_oracle(stripped, exp, timeout)
    if res:
        fails.append(res)
    for v in variants:
        res = RS.check_compiled(stripped, exp, v, timeout)
        if res:
            fails.append(res)
    return fails


def check_all(a):
    variants = ["gcc"] if a.compile else []
    if variants:
        problem = H.compiler_problem()
        if problem:
            print(f"error: {problem}")
            return 2
    if a.out:
        dst = os.path.abspath(a.out)
        shutil.rmtree(dst, ignore_errors=True)
        os.makedirs(dst)
    else:
        dst = tempfile.mkdtemp(prefix="asyncc-stripped-")
    try:
        root = os.path.abspath(a.dir)
        counts = strip_tree(root, dst)
        originals = RS.find_samples(a.only, root)
        pairs = [(o, RS.Sample(os.path.join(dst, o.name + ".py"), dst))
                 for o in originals]
        for o, s in pairs:
            s.outroot = RS.outdir_for(root) + "-stripped"
        failed = known = 0
        with cf.ThreadPoolExecutor(max_workers=max(1, a.jobs)) as ex:
            futs = [(o, ex.submit(check_one, o, s, variants, a.timeout))
                    for o, s in pairs]
            for o, fut in futs:
                fails = fut.result()
                if variants and o.strip_differs:
                    # a known gap of inference: it must still fail, so the
                    # directive goes away when the gap is closed
                    if fails:
                        known += 1
                        if a.verbose:
                            print(f"known {o.rel}: {o.strip_differs}")
                        continue
                    failed += 1
                    print(H.color("FAIL", "31") + f" {o.rel} (stripped): passes now; remove its strip-differs directive")
                    continue
                if fails:
                    failed += 1
                    for t in fails:
                        print(H.color("FAIL", "31") + f" {o.rel} (stripped): {t}")
                elif a.verbose:
                    print(f"ok   {o.rel} ({counts.get(o.name + '.py', 0)} annotations removed)")
        removed = sum(counts.get(o.name + ".py", 0) for o, _ in pairs)
        checks = "oracle" + "".join("+" + v for v in variants)
        print(f"stripped: {len(pairs) - failed - known} passed, {failed} failed, {known} known differences  "
              f"({checks}, {len(pairs)} samples, {removed} annotations removed)")
        if a.out:
            print(f"stripped programs kept in {os.path.relpath(dst)}")
        return 1 if failed else 0
    finally:
        if not a.out:
            shutil.rmtree(dst, ignore_errors=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("file", nargs="?", help="program to strip")
    ap.add_argument("-o", "--output", help="write the stripped program here (default stdout)")
    ap.add_argument("--check-all", action="store_true",
                    help="strip every sample and check it under CPython")
    ap.add_argument("--compile", action="store_true",
                    help="like --check-all, and build/run each with build/asyncc (gcc)")
    ap.add_argument("--out", metavar="DIR",
                    help="with --check-all: keep the stripped tree in DIR")
    ap.add_argument("--only", action="append", metavar="PATTERN",
                    help="with --check-all: samples matching (as run_samples.py)")
    ap.add_argument("--dir", default=RS.SAMPLES, metavar="DIR",
                    help="with --check-all: another folder laid out like samples/")
    ap.add_argument("-j", "--jobs", type=int, default=H.jobs_default())
    ap.add_argument("--timeout", type=float, default=60)
    ap.add_argument("-v", "--verbose", action="store_true")
    a = ap.parse_args()
    if a.check_all or a.compile:
        return check_all(a)
    if not a.file:
        ap.error("give a file, --check-all or --compile")
    with open(a.file, encoding="utf-8") as f:
        out, _ = strip_source(f.read(), a.file)
    if a.output:
        with open(a.output, "w", encoding="utf-8") as f:
            f.write(out)
    else:
        sys.stdout.write(out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
