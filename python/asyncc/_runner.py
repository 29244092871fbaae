"""python3 -m asyncc prog.py: run a program as `python3 prog.py` would."""
import os
import runpy
import signal
import sys

def _user_traceback(tb, filename):
    """tb without the runner's own frames, which `python3 prog.py` lacks."""
    t = tb
    while t is not None and t.tb_frame.f_code.co_filename != filename:
        t = t.tb_next
    return t if t is not None else tb


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
    try:
        runpy.run_path(path, run_name="__main__")
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
