#!/usr/bin/env python3
"""Count the unannotated asyncio samples added since the round began (issue 13).

A sample qualifies when it was added to samples/ after ROUND_START (the
commit that added tests/strip_annotations.py), carries no annotation at all
(Python's ast: no parameter or return annotation, no `x: T`), imports
asyncio and defines an `async def`.  Its origin says how it was written:
tests/pending/infer (unannotated asyncio programs in tutorial and test-suite
style), tests/pending/asyncio_api or objects (the same styles), wild_* (written
for this count), or a feature sample.

    python3 tests/wild/count.py            # the figures
    python3 tests/wild/count.py --markdown # the table in tests/wild/README.md
"""
import ast
import os
import subprocess
import sys

ROUND_START = "426962b"
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def git(*args):
    return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=True).stdout


def annotated(tree):
    for n in ast.walk(tree):
        if isinstance(n, ast.AnnAssign):
            return True
        if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef)):
            a = n.args
            params = a.posonlyargs + a.args + a.kwonlyargs + [p for p in (a.vararg, a.kwarg) if p]
            if n.returns is not None or any(p.annotation is not None for p in params):
                return True
    return False


def is_asyncio(tree):
    imports = any(isinstance(n, ast.Import) and any(x.name == "asyncio" for x in n.names) or
                  isinstance(n, ast.ImportFrom) and n.module == "asyncio" for n in ast.walk(tree))
    return imports and any(isinstance(n, ast.AsyncFunctionDef) for n in ast.walk(tree))


def origins():
    """basename -> the pending folder a sample was first committed in"""
    out = {}
    for folder in ("infer", "asyncio_api", "objects", "robust"):
        for path in git("log", "--diff-filter=A", "--name-only", "--format=", "--", f"tests/pending/{folder}/*.py").split():
            out.setdefault(os.path.basename(path), folder)
    return out


def main():
    added = git("log", "--diff-filter=A", "--name-only", "--format=", f"{ROUND_START}^..HEAD", "--", "samples/").split()
    added = sorted({p for p in added if p.endswith(".py") and os.path.exists(os.path.join(ROOT, p))})
    orig = origins()
    rows = []
    for p in added:
        tree = ast.parse(open(os.path.join(ROOT, p)).read())
        if annotated(tree) or not is_asyncio(tree):
            continue
        b = os.path.basename(p)
        o = orig.get(b) or orig.get(b.removeprefix("asyncio_")) or ("wild" if b.startswith("wild_") else "feature")
        rows.append((p, o, sum(1 for _ in open(os.path.join(ROOT, p)))))
    by = {}
    for _, o, _ in rows:
        by[o] = by.get(o, 0) + 1
    if "--markdown" in sys.argv:
        print("| sample | origin | lines |\n|---|---|---|")
        for p, o, n in rows:
            print(f"| `{p}` | {o} | {n} |")
        return
    print(f"{len(added)} samples added since {ROUND_START}; {len(rows)} unannotated asyncio programs:",
          ", ".join(f"{k} {v}" for k, v in sorted(by.items())))
    strict = by.get("infer", 0) + by.get("wild", 0)
    print(f"tutorial/test-suite style (from tests/pending/infer, or wild_*): {strict}")


if __name__ == "__main__":
    main()
