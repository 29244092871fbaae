"""python3 -m asyncc prog.py: run a program as `python3 prog.py` would."""
import ast
import builtins
import os
import re
import runpy
import signal
import sys

from . import _suspend

def _user_traceback(tb, filename):
    """tb without the runner's own frames, which `python3 prog.py` lacks."""
    t = tb
    while t is not None and t.tb_frame.f_code.co_filename != filename:
        t = t.tb_next
    return t if t is not None else tb


def _real_depth(real_set):
    """CPython's recursion depth at the real_set() call in here, which
    counts C calls too: the depth its refusal of a limit of 1 names."""
    try:
        real_set(1)
    except RecursionError as e:
        return int(re.search(r"depth (\d+)", str(e)).group(1))
    raise AssertionError("a recursion limit of 1 was accepted")


# from main() to the program's module: runpy.run_path, _run_module_code,
# _run_code, exec(), the module
_RUN_PATH_DEPTH = 5


def _hide_runner_depth():
    """Recursion limits as `python3 prog.py` sees them: this runner's own
    frames are under the program's, so the real limit is raised by their
    number and sys.get/setrecursionlimit take it off again."""
    real_get, real_set = sys.getrecursionlimit, sys.setrecursionlimit
    # main() is 3 below _real_depth's real_set(); the module is 1 deep
    extra = _real_depth(real_set) - 3 + _RUN_PATH_DEPTH - 1

    def getrecursionlimit():
        return real_get() - extra

    def setrecursionlimit(limit, /):
        if isinstance(limit, int) and 1 <= limit <= 2**31 - 1:
            # the caller's depth and this call, as in `python3 prog.py`
            # (the caller is 3 below _real_depth's real_set())
            depth = _real_depth(real_set) - 3 - extra + 1
            if depth >= limit:
                raise RecursionError(f"cannot set the recursion limit to {limit} at the "
                                     f"recursion depth {depth}: the limit is too low")
            try:
                real_set(limit + extra)
            except RecursionError:  # the caller's depth + 1: this frame is one more
                real_set(limit + extra + 1)
            return
        real_set(limit)  # the errors as CPython words them

    real_set(real_get() + extra)
    sys.getrecursionlimit, sys.setrecursionlimit = getrecursionlimit, setrecursionlimit


def _rewritten(path):
    """The program's code when the builtins spelling's plain functions or
    module body suspend (_suspend rewrites its tree), else None."""
    with open(path, "rb") as f:
        source = f.read()
    try:
        tree = _suspend.transform(ast.parse(source, path))
    except SyntaxError:
        return None  # run_path reports it as CPython does
    return None if tree is None else compile(tree, path, "exec")


# the rewritten code runs as deep as run_path runs a file: three frames,
# exec(), the module
def _run_rewritten(code):
    _run_module(code, {"__name__": "__main__", "__file__": code.co_filename, "__builtins__": builtins})


def _run_module(code, module):
    _exec(code, module)


def _exec(code, module):
    exec(code, module)  # noqa: S102 - the user's program, as run_path does


def main(argv=None):
    """python3 -m asyncc prog.py [args...]: run prog.py as __main__."""
    argv = sys.argv[1:] if argv is None else argv
    if not argv or argv[0] in ("-h", "--help"):
        sys.stderr.write("usage: python3 -m asyncc prog.py [args...]\n"
                         "Runs an asyncc program under CPython (set "
                         "ASYNCC_CLOCK=virtual for the virtual clock).\n")
        return 2
    prog = argv[0]
    if not os.path.exists(prog):
        sys.stderr.write(f"asyncc: {prog}: no such file\n")
        return 2
    # as `python3 prog.py`: argv[0] as given, __file__ and frames absolute
    path = os.path.abspath(prog)
    sys.argv = [prog] + list(argv[1:])
    sys.path[0] = os.path.dirname(path)
    _hide_runner_depth()
    try:
        code = _rewritten(path)
        if code is None:
            runpy.run_path(path, run_name="__main__")
        else:
            _run_rewritten(code)
    except SystemExit:
        raise
    except BaseException as e:  # noqa: B902 - reported as CPython would
        tb = _user_traceback(e.__traceback__, path)
        sys.excepthook(type(e), e.with_traceback(tb), tb)
        if isinstance(e, KeyboardInterrupt):
            # CPython dies by SIGINT after an uncaught KeyboardInterrupt
            sys.stdout.flush()
            signal.signal(signal.SIGINT, signal.SIG_DFL)
            os.kill(os.getpid(), signal.SIGINT)
        return 1
    return 0
