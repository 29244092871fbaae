#!/usr/bin/env python3
"""Write a large unannotated program for timing `asyncc check` (issue 13).

    tests/big_unannotated.py OUT.py [LINES]     (default 20,000 lines)

Copies of the samples, every annotation stripped (tests/strip_annotations.py)
and every module-level name renamed per copy (`main` -> `main_c3`), are
concatenated until the program has LINES lines.  Only samples that
`build/asyncc check` accepts once stripped are used, so the result checks
cleanly and exercises inference across many independent functions.
"""

import ast
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
import strip_annotations as SA  # noqa: E402


def top_names(tree):
    names = set()
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, (ast.Assign, ast.AugAssign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for t in targets:
                for n in ast.walk(t):
                    if isinstance(n, ast.Name):
                        names.add(n.id)
    return names


class Renamer(ast.NodeTransformer):
    def __init__(self, names, suffix):
        self.names, self.suffix = names, suffix

    def visit_Name(self, node):
        if node.id in self.names:
            node.id += self.suffix
        return node

    def _def(self, node):
        if node.name in self.names:
            node.name += self.suffix
        self.generic_visit(node)
        return node

    visit_FunctionDef = visit_AsyncFunctionDef = visit_ClassDef = _def

    def visit_Global(self, node):
        node.names = [n + self.suffix if n in self.names else n for n in node.names]
        return node


def usable(path, tmp):
    if "asyncc." in open(path).read():   # host functions keep their annotations
        return None
    try:
        text, _ = SA.strip_source(open(path).read(), path)
    except SyntaxError:
        return None
    out = os.path.join(tmp, "one.py")
    with open(out, "w") as f:  # checked as part of the program: asyncio imported
        f.write("import asyncio\n" + text)
    ok = subprocess.run([os.path.join(ROOT, "build", "asyncc"), "check", out],
                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode == 0
    if not ok:
        return None
    tree = ast.parse(text)
    tops = top_names(tree)
    for n in ast.walk(tree):   # a parameter named like a global would be renamed at its uses only
        if isinstance(n, ast.arg) and n.arg in tops:
            return None
    for n in ast.walk(tree):   # the copies share one `import asyncio`: other imports are not kept
        if isinstance(n, ast.ImportFrom) or (isinstance(n, ast.Import) and
                                             any(a.name != "asyncio" or a.asname for a in n.names)):
            return None
    return tree


def main(argv):
    if len(argv) < 2 or argv[1] in ("-h", "--help"):
        print(__doc__.strip())
        return 0 if len(argv) >= 2 else 2
    want = int(argv[2]) if len(argv) > 2 else 20000
    samples = os.path.join(ROOT, "samples")
    trees = []
    with tempfile.TemporaryDirectory() as tmp:
        for name in sorted(os.listdir(samples)):
            if name.endswith(".py"):
                t = usable(os.path.join(samples, name), tmp)
                if t:
                    trees.append(t)
    lines, copy = ["import asyncio", ""], 0
    while len(lines) < want:
        tree = trees[copy % len(trees)]
        body = [n for n in tree.body if not isinstance(n, (ast.Import, ast.ImportFrom))]
        mod = Renamer(top_names(tree), f"_c{copy}").visit(ast.Module(body=ast.parse(ast.unparse(ast.Module(body=body, type_ignores=[]))).body, type_ignores=[]))
        lines += ast.unparse(mod).splitlines() + [""]
        copy += 1
    with open(argv[1], "w") as f:
        f.write("\n".join(lines) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
