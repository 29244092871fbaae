#!/usr/bin/env python3
"""Run every sample program and compare it with its expected files.

For each samples/**/NAME.py (samples/host/ excluded):
  NAME.out     exact expected stdout                     (required)
  NAME.err     expected LAST non-empty line of stderr    (absent: stderr empty)
  NAME.status  expected exit status                      (absent: 0)
  NAME.in      standard input of every run               (absent: empty)
Header directives (comment lines at the top of the .py):
  # asyncc: clock=monotonic        run with the real clock (default: virtual)
  # asyncc: no-oracle REASON       skip the CPython oracle check (reason required)
  # asyncc: strip-differs REASON   stripped of its annotations, the compiled program is known
                                   to differ (strip_annotations.py --compile expects a failure)
  # asyncc: args A B C             command-line arguments
--dir DIR runs another folder laid out the same way (tests/pending/infer,
tests/pending/objects: programs the compiler cannot build yet).
Checks per sample:
  oracle  `python3 -m asyncc` (python/asyncc) under CPython must give the
          expected files
  gcc     build/asyncc build with CC=gcc, run, compare
  clang   the same with CC=clang
  asan    CC=gcc plus -O1 -g -fsanitize=address,undefined, compare, and no
          sanitizer report (LeakSanitizer on)
--update regenerates the expected files FROM CPython (python3 -m asyncc),
never from a compiled program.

The full matrix is every check on every sample.  `make check` runs the
oracle and gcc on every sample but clang and asan only on one part of K
(--rotate K: the part is chosen by the commit hash, so each commit tests
another part and a rerun on the same commit tests the same one; --part I/K
picks it by hand to reproduce a failure).  `make check-full` runs it all.
"""

import argparse
import concurrent.futures as cf
import fnmatch
import os
import shlex
import subprocess
import sys
import time
import zlib

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "ref"))
import harness as H  # noqa: E402

SAMPLES = os.path.join(H.ROOT, "samples")
OUTDIR = os.path.join(H.ROOT, "build", "samples")


class DirectiveError(Exception):
    pass


def outdir_for(root):
    """Where compiled programs of the samples under root go."""
    if os.path.abspath(root) == SAMPLES:
        return OUTDIR
    rel = os.path.relpath(os.path.abspath(root), H.ROOT)
    if rel.startswith(".."):  # outside the tree (a temp dir): flatten its path
        rel = "ext" + os.path.abspath(root).replace(os.sep, "__")
    return os.path.join(H.ROOT, "build", rel)


# The real tinyio package, the oracle of the tinyio-spelling samples (a
# program that imports tinyio): they run under CPython with it on the path,
# as `PYTHONPATH=../shared/ref/tinyio python3 prog.py`.  A clone without it
# still checks the compiled programs against the committed expected files.
TINYIO_REF = os.path.normpath(os.path.join(H.ROOT, "..", "shared", "ref", "tinyio"))


def tinyio_ref():
    return TINYIO_REF if os.path.isdir(os.path.join(TINYIO_REF, "tinyio")) else None


class Sample:
    def __init__(self, path, root=SAMPLES):
        self.path = path                                   # absolute
        self.rel = os.path.relpath(path, H.ROOT)           # samples/x.py
        self.base = path[:-3]
        self.name = os.path.relpath(self.base, root)       # x or sub/x
        self.outroot = outdir_for(root)
        self.clock = "virtual"
        self.no_oracle = None
        self.args = []
        self.directive_error = None
        self.strip_differs = None   # stripped of annotations it is known to differ (why)
        self.tinyio = False         # imports tinyio: the real tinyio is its oracle
        try:
            self._parse_directives()
        except DirectiveError as e:
            self.directive_error = str(e)

    def stdin(self):
        """NAME.in as the program's standard input (each run reads it anew)."""
        path = self.base + ".in"
        return open(path, "rb") if os.path.exists(path) else subprocess.DEVNULL

    def _parse_directives(self):
        with open(self.path, "rb") as f:
            text = f.read().decode("utf-8", "replace")
        self.tinyio = any(l.split()[:2] in (["import", "tinyio"], ["from", "tinyio"])
                          for l in text.splitlines())
        for line in text.splitlines():
            s = line.strip()
            if not s:
                continue
            if not s.startswith("#"):
                break  # directives live in the leading comment block
            body = s[1:].strip()
            if not body.startswith("asyncc:"):
                continue
            body = body[len("asyncc:"):].strip()
            if body.startswith("clock="):
                val = body[len("clock="):].strip()
                if val not in ("virtual", "monotonic"):
                    raise DirectiveError(f"bad clock directive {val!r}")
                self.clock = val
            elif body.split(None, 1)[:1] == ["no-oracle"]:
                reason = body[len("no-oracle"):].strip()
                if not reason:
                    raise DirectiveError("'# asyncc: no-oracle' needs a reason")
                self.no_oracle = reason
            elif body.split(None, 1)[:1] == ["args"]:
                self.args = shlex.split(body[len("args"):])
            elif body.split(None, 1)[:1] == ["strip-differs"]:
                reason = body[len("strip-differs"):].strip()
                if not reason:
                    raise DirectiveError("'# asyncc: strip-differs' needs a reason")
                self.strip_differs = reason
            else:
                raise DirectiveError(f"unknown directive '# asyncc: {body}'")

    # expected files ------------------------------------------------------
    def expected(self):
        out_p, err_p, st_p = (self.base + ext for ext in (".out", ".err", ".status"))
        if not os.path.exists(out_p):
            return None
        with open(out_p, "rb") as f:
            out = f.read()
        err = ""
        if os.path.exists(err_p):
            with open(err_p, "rb") as f:
                err = H.last_line(f.read())
        status = 0
        if os.path.exists(st_p):
            with open(st_p) as f:
                status = int(f.read().strip() or 0)
        return out, err, status

    def write_expected(self, r):
        with open(self.base + ".out", "wb") as f:
            f.write(r.stdout)
        err = r.last_err
        if err:
            with open(self.base + ".err", "w", encoding="utf-8") as f:
                f.write(err + "\n")
        elif os.path.exists(self.base + ".err"):
            os.remove(self.base + ".err")
        if r.status != 0:
            with open(self.base + ".status", "w") as f:
                f.write(f"{r.status}\n")
        elif os.path.exists(self.base + ".status"):
            os.remove(self.base + ".status")

    def env(self, **extra):
        return H.base_env(ASYNCC_CLOCK=self.clock, **extra)

    def oracle(self):
        """(command, env) of the CPython reference run; None when the
        reference is missing (a tinyio sample without ../shared)."""
        if not self.tinyio:
            return H.oracle_cmd(self.rel, self.args), self.env()
        ref = tinyio_ref()
        if ref is None:
            return None
        return [sys.executable, self.rel] + list(self.args), self.env(PYTHONPATH=ref)


def find_samples(only, root=SAMPLES):
    found = []
    root = os.path.abspath(root)
    for dirpath, dirnames, filenames in os.walk(root):
        rel = os.path.relpath(dirpath, root)
        if root == SAMPLES and (rel == "host" or rel.startswith("host" + os.sep)):
            dirnames[:] = []
            continue
        dirnames.sort()
        for fn in sorted(filenames):
            if fn.endswith(".py"):
                found.append(Sample(os.path.join(dirpath, fn), root))
    if only:
        pats = only
        found = [s for s in found
                 if any(fnmatch.fnmatch(s.name, p) or fnmatch.fnmatch(s.rel, p)
                        or p in s.name for p in pats)]
    return sorted(found, key=lambda s: s.name)


def part_of(sample, k):
    """Stable part (0..k-1) of a sample: adding a sample moves no other."""
    return zlib.crc32(sample.name.encode()) % k


def rotation_key():
    """(number, where it came from): the commit hash, else the date."""
    try:
        head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=H.ROOT,
                              capture_output=True, text=True, timeout=10)
        if head.returncode == 0 and head.stdout.strip():
            h = head.stdout.strip()
            return int(h[:8], 16), f"commit {h[:12]}"
    except (OSError, subprocess.SubprocessError):
        pass
    day = int(time.time() // 86400)
    return day, f"day {time.strftime('%Y-%m-%d', time.gmtime())}"


def parse_part(text):
    try:
        i, k = (int(x) for x in text.split("/"))
    except ValueError:
        raise argparse.ArgumentTypeError("expected I/K, e.g. 2/4") from None
    if k < 1 or not 0 <= i < k:
        raise argparse.ArgumentTypeError("need 0 <= I < K")
    return i, k


def compare(sample, r, exp, what, sanitizer=False):
    """Return None when r matches exp, else a failure text."""
    out, err, status = exp
    problems = []
    if r.timed_out:
        return f"{what}: timed out after {r.seconds:.0f}s"
    if sanitizer and H.SAN_REPORT.search(r.stderr):
        idx = H.SAN_REPORT.search(r.stderr).start()
        return (f"{what}: sanitizer report\n"
                + H.head(r.stderr[max(0, idx - 200):], 25))
    if r.status != status:
        problems.append(f"{r.describe_status()}, expected {status}")
    if r.stdout != out:
        problems.append("stdout differs\n" + H.short_diff(out, r.stdout))
    if r.last_err != err:
        if err:
            problems.append(f"stderr last line {r.last_err!r}, expected {err!r}")
        else:
            problems.append("stderr not empty:\n" + H.head(r.stderr, 6))
    if not problems:
        return None
    return f"{what}: " + "; ".join(problems)


def check_oracle(sample, exp, timeout):
    if sample.no_oracle:
        return None, f"skipped ({sample.no_oracle})"
    oracle = sample.oracle()
    if oracle is None:
        return None, "skipped (no ../shared/ref/tinyio: the committed expected files stand)"
    r = H.run(oracle[0], env=oracle[1], timeout=timeout, stdin=sample.stdin())
    return compare(sample, r, exp, "oracle (CPython reference)"), None


def check_compiled(sample, exp, variant, timeout):
    outdir = os.path.join(sample.outroot, sample.name.replace(os.sep, "__"), variant)
    os.makedirs(outdir, exist_ok=True)
    exe = os.path.join(outdir, "prog")
    if os.path.exists(exe):
        os.remove(exe)
    cc = "clang" if variant == "clang" else "gcc"
    cmd = [H.ASYNCC, "build", sample.rel, "-o", exe]
    if variant == "asan":
        cmd += ["--"] + H.SAN_FLAGS
    b = H.run(cmd, env=H.base_env(CC=cc), timeout=timeout)
    if b.status != 0 or b.timed_out or not os.path.exists(exe):
        return (f"{variant}: build failed ({b.describe_status()})\n"
                f"    $ CC={cc} {' '.join(shlex.quote(c) for c in cmd)}\n"
                + H.head(b.stderr or b.stdout, 10))
    extra = H.SAN_ENV if variant == "asan" else {}
    r = H.run([exe] + sample.args, env=sample.env(**extra), timeout=timeout, stdin=sample.stdin())
    return compare(sample, r, exp, variant, sanitizer=(variant == "asan"))


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dir", default=SAMPLES, metavar="DIR",
                    help="folder of samples to run (default samples/)")
    ap.add_argument("--only", action="append", metavar="PATTERN",
                    help="run samples whose name matches (glob or substring); repeatable")
    ap.add_argument("--no-asan", action="store_true", help="skip the sanitizer build")
    ap.add_argument("--no-clang", action="store_true", help="skip the clang build")
    ap.add_argument("--part", type=parse_part, metavar="I/K",
                    help="clang and asan only on part I (0-based) of K; oracle and gcc on all")
    ap.add_argument("--rotate", type=int, metavar="K",
                    help="as --part, with the part chosen by the commit hash (or the date)")
    ap.add_argument("--oracle-only", action="store_true",
                    help="only check expected files against CPython (no compiler needed)")
    ap.add_argument("--update", action="store_true",
                    help="rewrite expected files from CPython (python3 -m asyncc)")
    ap.add_argument("-j", "--jobs", type=int, default=H.jobs_default())
    ap.add_argument("--timeout", type=float, default=60, help="seconds per run (default 60)")
    ap.add_argument("-v", "--verbose", action="store_true", help="print passing checks too")
    a = ap.parse_args()

    if not os.path.isdir(a.dir):
        print(f"samples: no folder {a.dir}")
        return 1
    samples = find_samples(a.only, a.dir)
    if not samples:
        print("samples: no sample matched" if a.only else "samples: no samples found")
        return 1 if a.only else 0

    if a.update:
        return update(samples, a)

    variants = [] if a.oracle_only else ["gcc"] + ([] if a.no_clang else ["clang"]) \
        + ([] if a.no_asan else ["asan"])
    compiler_missing = None
    if variants:
        compiler_missing = H.compiler_problem()
        if compiler_missing:
            print(H.color(f"error: {compiler_missing}; compiled checks fail, "
                          "oracle checks still run", "31"))

    part, part_note = a.part, ""
    if a.rotate and not part:
        key, origin = rotation_key()
        part = (key % a.rotate, a.rotate)
        part_note = f" (chosen by {origin})"
    if part:
        names = [s.name for s in samples if part_of(s, part[1]) == part[0]]
        print(f"samples: clang and asan run on part {part[0]}/{part[1]}{part_note}, "
              f"{len(names)} samples" + (": " + " ".join(names) if names else ""))
        part_note = f"; clang+asan on part {part[0]}/{part[1]}, rerun: --part {part[0]}/{part[1]}"

    failures = []     # (sample, text)
    per_sample_fail = {}
    notes = []
    jobs = []
    with cf.ThreadPoolExecutor(max_workers=max(1, a.jobs)) as ex:
        for s in samples:
            if s.directive_error:
                failures.append((s, f"directive: {s.directive_error}"))
                continue
            exp = s.expected()
            if exp is None:
                failures.append((s, f"missing {s.name}.out (run tests/run_samples.py "
                                    f"--update --only {s.name})"))
                continue
            jobs.append((s, "oracle", ex.submit(check_oracle, s, exp, a.timeout)))
            for v in variants:
                if part and v in ("clang", "asan") and part_of(s, part[1]) != part[0]:
                    continue
                if compiler_missing:
                    failures.append((s, f"{v}: not run: {compiler_missing}"))
                    continue
                jobs.append((s, v, ex.submit(check_compiled, s, exp, v, a.timeout)))
        for s, v, fut in jobs:
            try:
                res = fut.result()
            except Exception as e:  # a bug in this script must not hide others
                res = f"{v}: internal error in run_samples.py: {e!r}"
            if v == "oracle":
                res, note = res
                if note:
                    notes.append(f"note: {s.rel}: oracle {note}")
            if res:
                failures.append((s, res))
            elif a.verbose:
                print(f"ok   {s.rel} [{v}]")

    for n in notes:
        print(n)
    for s, text in failures:
        per_sample_fail.setdefault(s.name, []).append(text)
        print(H.color("FAIL", "31") + f" {s.rel}: {text}")
    nfail = len(per_sample_fail)
    npass = len(samples) - nfail
    checks = "oracle" + "".join("+" + v for v in variants)
    print(f"samples: {npass} passed, {nfail} failed  ({checks}, {len(samples)} samples{part_note})")
    return 1 if nfail else 0


def update(samples, a):
    bad = 0
    def one(s):
        if s.directive_error:
            return s, None, f"directive: {s.directive_error}"
        if s.no_oracle:
            return s, None, f"skipped (no-oracle: {s.no_oracle}); edit its expected files by hand"
        oracle = s.oracle()
        if oracle is None:
            return s, None, "skipped (no ../shared/ref/tinyio to derive it from)"
        r = H.run(oracle[0], env=oracle[1], timeout=a.timeout, stdin=s.stdin())
        if r.timed_out:
            return s, None, "CPython run timed out"
        return s, r, None
    with cf.ThreadPoolExecutor(max_workers=max(1, a.jobs)) as ex:
        for s, r, msg in ex.map(one, samples):
            if r is None:
                print(f"{s.rel}: {msg}")
                bad += msg.startswith(("directive", "reference"))
                continue
            old = s.expected()
            s.write_expected(r)
            new = s.expected()
            state = "unchanged" if old == new else ("created" if old is None else "UPDATED")
            extra = f" (exit {r.status}, stderr: {r.last_err})" if r.status or r.last_err else ""
            print(f"{s.rel}: {state}{extra}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
