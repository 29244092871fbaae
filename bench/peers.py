"""What bench/run.py compares asyncc with, besides the hand-written C.

A user who wants faster asyncio code would reach for the fastest CPython they
have, then uvloop, PyPy, or a compiler that turns the same .py into an
extension module (Cython, mypyc).  Each of them runs the unchanged benchmark
program; this module finds them, builds what needs building, and gives the
command line of one run.

CPython and uvloop run on one interpreter, chosen with run.py --python
(default: Debian's optimised build, /usr/bin/python3).  The Cython and mypyc
modules are compiled for that interpreter and imported by it, so the four
CPython-based rows differ only in what the row is about.
"""

import hashlib
import json
import os
import re
import shlex
import shutil
import subprocess

DEBIAN_PY = "/usr/bin/python3"

CPYTHON, UVLOOP, PYPY, CYTHON, MYPYC = "CPython", "uvloop", "PyPy", "Cython", "mypyc"
PEERS = (UVLOOP, PYPY, CYTHON, MYPYC)

# The Debian package that brings each peer (what `make bench` installs).
PACKAGE = {UVLOOP: "python3-uvloop", PYPY: "pypy3", CYTHON: "cython3",
           MYPYC: "python3-mypy + python3-dev"}

_PROBE = r"""
import json, sys, sysconfig
v = sysconfig.get_config_var
info = dict(executable=sys.executable, version=sys.version.split()[0],
            config_args=v("CONFIG_ARGS") or "", ext_suffix=v("EXT_SUFFIX") or "",
            include=v("INCLUDEPY") or "", cc=v("CC") or "cc", cflags=v("CFLAGS") or "",
            ccshared=v("CCSHARED") or "", ldshared=v("LDSHARED") or "")
def version(mod, attr="__version__"):
    try:
        m = __import__(mod, fromlist=["_"])
        return str(getattr(m, attr, "") or "present")
    except Exception:
        return None
info["uvloop"] = version("uvloop")
info["mypyc"] = version("mypyc") and version("mypy.version")
print(json.dumps(info))
"""


def probe_python(exe):
    """The facts about interpreter exe that the table header and the
    extension builds need, or None when it does not run."""
    try:
        r = subprocess.run([exe, "-c", _PROBE], capture_output=True, text=True, timeout=60)
    except OSError:
        return None
    if r.returncode != 0:
        return None
    info = json.loads(r.stdout)
    info["path"] = exe
    return info


def debian_package(path):
    """'name version' of the Debian package that owns path, or ''."""
    if not shutil.which("dpkg"):
        return ""
    r = subprocess.run(["dpkg", "-S", os.path.realpath(path)], capture_output=True, text=True)
    if r.returncode != 0 or ":" not in r.stdout:
        return ""
    pkg = r.stdout.split(":")[0].strip()
    q = subprocess.run(["dpkg-query", "-W", "-f", "${Version}", pkg], capture_output=True, text=True)
    return f"{pkg} {q.stdout.strip()}"


def describe_python(info):
    """Header lines: path, version, build flags and what is known about
    profile-guided and link-time optimisation."""
    real = os.path.realpath(info["path"])
    pkg = debian_package(info["path"])
    lines = [f"CPython: {info['path']}" + (f" -> {real}" if real != info["path"] else "")
             + f", {info['version']}" + (f", Debian package {pkg}" if pkg else "")]
    lines.append(f"  CONFIG_ARGS: {info['config_args'] or '(none)'}")
    args = info["config_args"]
    pgo = "--enable-optimizations" in args
    lto = "--with-lto" in args
    flags = (f"PGO {'on' if pgo else 'off'}, LTO {'on' if lto else 'off'} per CONFIG_ARGS; "
             f"libpython {libpython_linkage(real)}; "
             f"CFLAGS {' '.join(info['cflags'].split()[:6])}")
    if pkg and not (pgo or lto):
        # Debian's rules build the interpreter with PGO and LTO themselves and
        # keep the flags out of sysconfig (changelog: "Don't propagate lto
        # flags to the _sysconfigdata module"), so CONFIG_ARGS cannot show it.
        flags += ("; Debian builds its interpreter with PGO+LTO outside configure "
                  "(see /usr/share/doc/" + pkg.split()[0] + "/changelog.Debian.gz)")
    lines.append("  build: " + flags)
    return lines


def libpython_linkage(exe):
    """How the executable gets libpython, from its own dynamic dependencies:
    sysconfig describes the build it was taken from, and Debian takes it
    from its shared build while the executable links libpython statically."""
    if not shutil.which("ldd"):
        return "linkage unknown (no ldd)"
    r = subprocess.run(["ldd", exe], capture_output=True, text=True)
    lib = next((l.split()[0] for l in r.stdout.splitlines() if "libpython" in l), None)
    return f"shared ({lib})" if lib else "linked into the executable"


def find_peers(cpy):
    """{peer: (True, description) or (False, why it is missing)} for the
    chosen interpreter's facts cpy."""
    found = {}
    found[UVLOOP] = ((True, f"uvloop {cpy['uvloop']} on {cpy['path']}") if cpy["uvloop"]
                     else (False, f"uvloop not importable by {cpy['path']}"))
    pypy = shutil.which("pypy3")
    if pypy:
        r = subprocess.run([pypy, "--version"], capture_output=True, text=True)
        ver = " ".join((r.stdout + r.stderr).split())
        m = re.search(r"Python (\S+).*\[PyPy (\S+)", ver)
        found[PYPY] = (True, f"{pypy}: PyPy {m.group(2)} (Python {m.group(1)})" if m else f"{pypy}: {ver}")
    else:
        found[PYPY] = (False, "pypy3 not on PATH")
    has_headers = bool(cpy["include"]) and os.path.exists(os.path.join(cpy["include"], "Python.h"))
    cy = cython_command(cpy)
    if not cy:
        found[CYTHON] = (False, "no cython3 on PATH")
    elif not has_headers:
        found[CYTHON] = (False, f"no Python.h in {cpy['include']} (python3-dev)")
    else:
        r = subprocess.run([*cy, "--version"], capture_output=True, text=True)
        found[CYTHON] = (True, " ".join((r.stdout + r.stderr).split()) +
                         f", C compiled with {cpy['path']}'s sysconfig CC/CFLAGS")
    builder = mypyc_builder(cpy)
    if not builder:
        found[MYPYC] = (False, f"no mypyc for {cpy['path']} (python3-mypy on {DEBIAN_PY}, "
                               "same extension ABI)")
    elif not has_headers:
        found[MYPYC] = (False, f"no Python.h in {cpy['include']} (python3-dev)")
    else:
        found[MYPYC] = (True, f"mypyc (mypy {builder['mypyc']}) run by {builder['path']}")
    return found


def cython_command(cpy):
    exe = shutil.which("cython3") or shutil.which("cython")
    return [exe] if exe else None


def mypyc_builder(cpy):
    """The interpreter that runs mypyc: the chosen one if it has mypyc, else
    Debian's when it builds modules the chosen interpreter can load."""
    if cpy["mypyc"]:
        return cpy
    if os.path.realpath(cpy["path"]) != os.path.realpath(DEBIAN_PY) and os.path.exists(DEBIAN_PY):
        deb = probe_python(DEBIAN_PY)
        if deb and deb["mypyc"] and deb["ext_suffix"] == cpy["ext_suffix"]:
            return deb
    return None


def module_name(tag):
    return re.sub(r"\W", "_", tag)


def import_cmd(cpy, directory, mod):
    return [cpy["path"], "-c", f"import sys; sys.path.insert(0, {str(directory)!r}); import {mod}"]


def _up_to_date(directory, key):
    stamp = directory / "stamp"
    return stamp.exists() and stamp.read_text() == key


def _build_key(py, cpy, extra):
    h = hashlib.sha1(py.read_bytes())
    h.update(f"{cpy['path']} {cpy['version']} {extra}".encode())
    return h.hexdigest()


def build_cython(py, tag, cpy, out):
    """Compile py (unchanged) with Cython into an extension module for cpy;
    returns (command, None) or (None, error)."""
    mod = module_name(tag)
    directory = out / "cython" / mod
    key = _build_key(py, cpy, "cython")
    if _up_to_date(directory, key):
        return import_cmd(cpy, directory, mod), None
    shutil.rmtree(directory, ignore_errors=True)
    directory.mkdir(parents=True)
    src = directory / f"{mod}.pyx.c"
    r = subprocess.run([*cython_command(cpy), "-3", str(py), "-o", str(src)],
                       capture_output=True, text=True)
    if r.returncode != 0:
        return None, "cython: " + _first_line(r.stderr + r.stdout)
    # the flags setuptools would use for this interpreter
    obj = directory / f"{mod}.o"
    cc = [*shlex.split(cpy["cc"]), *shlex.split(cpy["cflags"]), *shlex.split(cpy["ccshared"]),
          "-I" + cpy["include"], "-c", str(src), "-o", str(obj)]
    ld = [*shlex.split(cpy["ldshared"]), str(obj), "-o", str(directory / (mod + cpy["ext_suffix"]))]
    for cmd in (cc, ld):
        r = subprocess.run(cmd, capture_output=True, text=True)
        if r.returncode != 0:
            return None, "cc: " + _first_line(r.stderr)
    (directory / "stamp").write_text(key)
    return import_cmd(cpy, directory, mod), None


def build_mypyc(py, tag, cpy, out):
    """Compile py (unchanged) with mypyc into an extension module loadable by
    cpy; returns (command, None) or (None, error)."""
    builder = mypyc_builder(cpy)
    mod = module_name(tag)
    directory = out / "mypyc" / mod
    key = _build_key(py, cpy, f"mypyc {builder['path']}")
    if _up_to_date(directory, key):
        return import_cmd(cpy, directory, mod), None
    shutil.rmtree(directory, ignore_errors=True)
    directory.mkdir(parents=True)
    src = directory / f"{mod}.py"
    shutil.copyfile(py, src)
    # mypyc compiles its C with -Werror, and gcc 12 finds "may be used
    # uninitialized" in some of it; the warning does not change the code
    env = dict(os.environ, CFLAGS=(os.environ.get("CFLAGS", "") + " -Wno-error=maybe-uninitialized").strip())
    r = subprocess.run([builder["path"], "-m", "mypyc", src.name], cwd=directory,
                       capture_output=True, text=True, env=env)
    # only the extension module may be found by the import
    src.unlink()
    if r.returncode != 0 or not (directory / (mod + cpy["ext_suffix"])).exists():
        return None, "mypyc: " + _first_line(r.stdout + r.stderr)
    (directory / "stamp").write_text(key)
    return import_cmd(cpy, directory, mod), None


def uvloop_cmd(cpy, py):
    code = ("import sys, runpy, uvloop; uvloop.install(); "
            "sys.argv = [sys.argv[1]]; runpy.run_path(sys.argv[0], run_name='__main__')")
    return [cpy["path"], "-c", code, str(py)]


def _first_line(text):
    for line in text.splitlines():
        if "error:" in line.lower():
            return line.strip()[:160]
    lines = [l for l in text.splitlines() if l.strip()]
    return lines[-1].strip()[:160] if lines else "no output"
